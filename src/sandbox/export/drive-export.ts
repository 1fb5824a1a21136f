// Writes the sandbox's Drive out to a directory a person can open: each Google Doc as <name>.docx and <name>.pdf,
// each binary file (a PDF the script stored, an upload) as it is. A Doc whose PDF the script stored beside it (same
// folder, its name + ".pdf", made after the Doc's last change) gets that PDF as its .pdf, so a generated document
// is one .docx + one .pdf. Names are made safe for file systems and collisions get " (2)", " (3)"…; folders are
// flattened and trashed files skipped unless asked for.
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxEnv } from '../env';
import { readOnlyApiDocument } from '../docs/model';
import { DOC_MIME, FOLDER_MIME, GOOGLE_MIME_PREFIX, driveOf, type DriveFileRecord } from '../drive/model';
import { renderDocx } from './docx';
import { renderPdf } from './pdf';

export interface DriveExportOptions {
  /** Also write files that are in the trash (default false). */
  includeTrashed?: boolean;
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'text/html': '.html',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'message/rfc822': '.eml',
};

/** A file name safe on Windows, macOS and Linux: no separators, reserved characters or trailing dots. */
export function sanitizeFileName(name: string): string {
  let s = Array.from(name, (c) => (c.charCodeAt(0) < 0x20 || c === '\u007F' || '<>:"/\\|?*'.includes(c) ? '_' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/[. ]+$/, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(s)) s = `_${s}`;
  if (s.length > 150) s = s.slice(0, 150).trim();
  return s || 'untitled';
}

function splitExt(name: string): [string, string] {
  const m = /^(.*?)(\.[A-Za-z0-9]{1,8})$/.exec(name);
  return m && m[1] ? [m[1], m[2]] : [name, ''];
}

class NameBook {
  private readonly used = new Set<string>();

  /**
   * One name per extension with a common stem: `stem.ext…`, or `stem (2).ext…` when any is taken (compared
   * case-insensitively, as macOS and Windows do).
   */
  claim(stem: string, exts: string[]): string[] {
    for (let n = 1; ; n++) {
      const s = n === 1 ? stem : `${stem} (${n})`;
      const names = exts.map((e) => `${s}${e}`);
      if (names.every((x) => !this.used.has(x.toLowerCase()))) {
        for (const x of names) this.used.add(x.toLowerCase());
        return names;
      }
    }
  }
}

/** Oldest first; files made at the same simulated instant keep the order they were made in (a stable sort). */
function byCreation(a: DriveFileRecord, b: DriveFileRecord): number {
  return a.createdTime - b.createdTime;
}

/** The PDF name a Doc's export is stored under: the Doc's name without trailing dots, plus ".pdf". */
function pdfNameOf(docName: string): string {
  return `${docName.replace(/\.+$/, '')}.pdf`;
}

/**
 * The stored PDF of each Doc that has one: a PDF named after it in one of its folders, made at or after its last
 * change, when no other Doc of that name is there.
 */
function storedPdfs(files: readonly DriveFileRecord[]): Map<string, DriveFileRecord> {
  const out = new Map<string, DriveFileRecord>();
  const docs = files.filter((f) => f.mimeType === DOC_MIME && f.doc);
  for (const pdf of files) {
    if (pdf.mimeType !== 'application/pdf' || !pdf.bytes) continue;
    const named = docs.filter((d) => pdfNameOf(d.name) === pdf.name && d.parents.some((p) => pdf.parents.includes(p)));
    // Two Docs of that name there: which one the PDF shows cannot be told, so each keeps its own rendering.
    if (named.length === 1 && !out.has(named[0].id) && named[0].modifiedTime <= pdf.createdTime) out.set(named[0].id, pdf);
  }
  return out;
}

/**
 * Exports every Google Doc and binary file of the environment's Drive into `dir` (created if missing).
 * Returns the paths written, in the order the files were created.
 */
export async function exportDriveFiles(env: SandboxEnv, dir: string, opts: DriveExportOptions = {}): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const book = new NameBook();
  const written: string[] = [];
  const write = (name: string, data: Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    written.push(p);
  };
  const files = driveOf(env)
    .list()
    .filter((f) => f.mimeType !== FOLDER_MIME && (opts.includeTrashed || !f.trashed))
    .sort(byCreation);
  const stored = storedPdfs(files);
  const paired = new Set([...stored.values()].map((p) => p.id));
  for (const f of files) {
    if (f.mimeType === DOC_MIME && f.doc) {
      const api = readOnlyApiDocument(f.id, f.name, f.doc);
      const [docxName, pdfName] = book.claim(sanitizeFileName(f.name), ['.docx', '.pdf']);
      write(docxName, await renderDocx(api));
      const pdf = stored.get(f.id);
      write(pdfName, pdf?.bytes ?? renderPdf(api, { creationDate: new Date(f.modifiedTime) }));
    } else if (paired.has(f.id)) {
      continue;
    } else if (!f.mimeType.startsWith(GOOGLE_MIME_PREFIX) && f.bytes) {
      const [stem, ext] = splitExt(sanitizeFileName(f.name));
      const [name] = book.claim(stem, [ext || (EXTENSIONS[f.mimeType] ?? '')]);
      write(name, f.bytes);
    }
  }
  return written;
}
