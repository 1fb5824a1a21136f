// Reading exported files back in tests: PDF text per page through pdfjs-dist (an ES module, which ts-jest's
// CommonJS cannot import, so it runs in a child Node process) and .docx text through mammoth.
import { execFileSync } from 'node:child_process';
import mammoth from 'mammoth';

const PDF_TEXT = `
import { getDocument } from ${JSON.stringify(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'))};
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0, useSystemFonts: false }).promise;
const pages = [];
for (let i = 1; i <= pdf.numPages; i++) {
  const page = await pdf.getPage(i);
  const tc = await page.getTextContent();
  pages.push(tc.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\\n' : '') : '')).join(''));
}
process.stdout.write(JSON.stringify(pages));
`;

/** The text of each page of a PDF, as pdf.js extracts it. */
export function pdfPages(pdf: Buffer): string[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', PDF_TEXT], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as string[];
}

/** Whitespace-insensitive containment (pdf.js splits and joins runs its own way). */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The raw text of a .docx, as mammoth extracts it. */
export async function docxText(docx: Buffer): Promise<string> {
  const r = await mammoth.extractRawText({ buffer: docx });
  return r.value;
}
