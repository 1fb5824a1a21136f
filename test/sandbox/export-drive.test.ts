// Exporting the sandbox's Drive to a directory: Docs as .docx + .pdf, binary files as they are, safe unique names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SandboxEnv } from '../../src/sandbox/env';
import { FOLDER_MIME, seedUserDoc, seedUserFile } from '../../src/sandbox/drive/index';
import { exportDriveFiles, sanitizeFileName } from '../../src/sandbox/export/drive-export';
import { newBlob } from '../../src/sandbox/services/blob';
import { kit, NOW } from './drive-test-kit';
import { docxText, pdfPages, squash } from './export-test-kit';

describe('exportDriveFiles', () => {
  it('writes each Doc as .docx and .pdf and each binary file as is, with unique safe names', async () => {
    const env = new SandboxEnv({ now: NOW });
    const k = kit(env);
    const out = k.Drive.Files.create({ name: 'Gendan', mimeType: FOLDER_MIME });
    const tpl = seedUserDoc(env, { name: 'Quote', text: 'Template 模板', picked: true });
    const q1 = k.Drive.Files.copy({ name: '报价单 Q/001', parents: [out.id ?? ''] }, tpl.id);
    k.Docs.Documents.batchUpdate({ requests: [{ replaceAllText: { containsText: { text: 'Template 模板', matchCase: true }, replaceText: '金额 壹万贰仟叁佰肆拾伍元陆角' } }] }, q1.id ?? '');
    k.Drive.Files.copy({ name: '报价单 Q/001', parents: [out.id ?? ''] }, tpl.id);
    const pdf = k.DocumentApp.openById(q1.id ?? '').getAs('application/pdf');
    k.Drive.Files.create({ name: '报价单 Q/001.pdf', parents: [out.id ?? ''] }, pdf);
    k.Drive.Files.create({ name: 'notes' }, newBlob(k.ex, 'plain', 'text/plain') as unknown as GoogleAppsScript.Base.Blob);
    const gone = k.Drive.Files.create({ name: 'old.pdf' }, newBlob(k.ex, '%PDF', 'application/pdf') as unknown as GoogleAppsScript.Base.Blob);
    k.Drive.Files.update({ trashed: true }, gone.id ?? '');
    seedUserFile(env, { name: 'a:b?.csv', mimeType: 'text/csv', bytes: 'x,y' });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-export-'));
    try {
      const written = await exportDriveFiles(env, dir);
      expect(written.map((p) => path.basename(p))).toEqual([
        'Quote.docx',
        'Quote.pdf',
        '报价单 Q_001.docx',
        '报价单 Q_001.pdf',
        '报价单 Q_001 (2).docx',
        '报价单 Q_001 (2).pdf',
        '报价单 Q_001 (3).pdf',
        'notes.txt',
        'a_b_.csv',
      ]);
      const read = (name: string) => fs.readFileSync(path.join(dir, name));
      expect(read('报价单 Q_001.docx').subarray(0, 2).toString('latin1')).toBe('PK');
      expect(await docxText(read('报价单 Q_001.docx'))).toContain('金额 壹万贰仟叁佰肆拾伍元陆角');
      expect(squash(pdfPages(read('报价单 Q_001.pdf'))[0])).toContain(squash('金额 壹万贰仟叁佰肆拾伍元陆角'));
      expect(read('报价单 Q_001 (3).pdf').equals(Buffer.from(pdf.getBytes().map((b) => b & 0xff)))).toBe(true);
      expect(read('a_b_.csv').toString()).toBe('x,y');
      const withTrash = await exportDriveFiles(env, path.join(dir, 'all'), { includeTrashed: true });
      expect(withTrash.map((p) => path.basename(p))).toContain('old.pdf');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a generated document as one .docx and the PDF the script stored beside it', async () => {
    const env = new SandboxEnv({ now: NOW });
    const k = kit(env);
    const folder = k.Drive.Files.create({ name: 'Pacific Home Supply Inc.', mimeType: FOLDER_MIME });
    const tpl = seedUserDoc(env, { name: 'Quote', text: 'Quotation', picked: true });
    const doc = k.Drive.Files.copy({ name: 'QT-2026-0001 Pacific Home Supply Inc.', parents: [folder.id ?? ''] }, tpl.id);
    const pdf = k.DocumentApp.openById(doc.id ?? '').getAs('application/pdf');
    k.Drive.Files.create({ name: 'QT-2026-0001 Pacific Home Supply Inc.pdf', parents: [folder.id ?? ''] }, pdf);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-export-'));
    try {
      const written = (await exportDriveFiles(env, dir)).map((p) => path.basename(p));
      expect(written).toEqual(['Quote.docx', 'Quote.pdf', 'QT-2026-0001 Pacific Home Supply Inc.docx', 'QT-2026-0001 Pacific Home Supply Inc.pdf']);
      expect(fs.readFileSync(path.join(dir, written[3])).equals(Buffer.from(pdf.getBytes().map((b) => b & 0xff)))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes names safe on every file system', () => {
    expect(sanitizeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(sanitizeFileName('  trailing dots... ')).toBe('trailing dots');
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('\u0001')).toBe('_');
    expect(sanitizeFileName('...')).toBe('untitled');
  });
});
