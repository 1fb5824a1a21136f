// The Docs advanced service and DocumentApp as a script sees them: access rules, PDFs, counting, saved state,
// and the globals a real bundle finds when it runs in the sandbox.
import { SandboxEnv } from '../../src/sandbox/env';
import { Sandbox } from '../../src/sandbox/runtime';
import { installServices } from '../../src/sandbox/services/index';
import { loadState, saveState, type SandboxState } from '../../src/sandbox/state';
import { DOC_MIME, driveOf, pickFile, seedUserDoc } from '../../src/sandbox/drive/index';
import { asDoc, bodyTexts, errorOf, kit, NOW, tables } from './drive-test-kit';

describe('Docs.Documents', () => {
  it('creates a Doc the app owns in My Drive, visible to Drive.Files, titled as asked', () => {
    const k = kit();
    const d = asDoc(k.Docs.Documents.create({ title: '报价单 Q-001' }));
    expect(d.title).toBe('报价单 Q-001');
    expect(k.Drive.Files.get(d.documentId, { fields: 'name,mimeType,parents,ownedByMe' })).toEqual({
      name: '报价单 Q-001',
      mimeType: DOC_MIME,
      parents: [driveOf(k.env).root(k.ex.user.email).id],
      ownedByMe: true,
    });
    expect(asDoc(k.Docs.Documents.create({})).title).toBe('Untitled document');
  });

  it('opens any Doc the user can access with the documents scope; with drive.file only, picked ones', () => {
    const env = new SandboxEnv({ now: NOW });
    const k = kit(env);
    const tpl = seedUserDoc(env, { name: 'Template', text: 'Hello' });
    expect(bodyTexts(asDoc(k.Docs.Documents.get(tpl.id)))).toEqual(['Hello\n']);
    driveOf(env).scopes = ['drive.file'];
    expect(errorOf(() => k.Docs.Documents.get(tpl.id))).toBe('GoogleJsonResponseException: API call to docs.documents.get failed with error: The caller does not have permission');
    pickFile(env, tpl.id);
    expect(bodyTexts(asDoc(k.Docs.Documents.get(tpl.id)))).toEqual(['Hello\n']);
    expect(errorOf(() => k.Docs.Documents.get('1nope'))).toBe('GoogleJsonResponseException: API call to docs.documents.get failed with error: Requested entity was not found.');
    const other = seedUserDoc(env, { name: 'Private', owner: 'boss@example.com' });
    expect(errorOf(() => k.Docs.Documents.get(other.id))).toContain('Requested entity was not found.');
  });

  it('returns the body inside tabs with includeTabsContent', () => {
    const k = kit();
    const d = asDoc(k.Docs.Documents.create({ title: 'T' }));
    const tabbed = k.Docs.Documents.get(d.documentId, { includeTabsContent: true }) as unknown as { tabs: { documentTab: { body: { content: unknown[] } } }[]; body?: unknown };
    expect(tabbed.body).toBeUndefined();
    expect(tabbed.tabs[0].documentTab.body.content).toHaveLength(2);
  });

  it('counts get, create and batchUpdate as docs round trips, batchUpdate with one unit per request', () => {
    const k = kit();
    const d = asDoc(k.Docs.Documents.create({ title: 'T' }));
    k.Docs.Documents.batchUpdate(
      { requests: [{ insertText: { location: { index: 1 }, text: 'a' } }, { insertText: { location: { index: 1 }, text: 'b' } }, { insertText: { location: { index: 1 }, text: 'c' } }] },
      d.documentId,
    );
    k.Docs.Documents.get(d.documentId);
    const step = k.env.ledger.allSteps()[0];
    expect(step.byMethod).toEqual({ 'Docs:Documents.create': 1, 'Docs:Documents.batchUpdate': 1, 'Docs:Documents.get': 1 });
    // create: the docs class's 600 ms; batchUpdate 700 + 3 per request; get 400.
    expect(step.modeledMs).toBeCloseTo(600 + 700 + 3 * 3 + 400, 5);
  });

  it('bumps the revision and the Drive version with every batchUpdate', () => {
    const k = kit();
    const d = asDoc(k.Docs.Documents.create({ title: 'T' }));
    k.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'a' } }] }, d.documentId);
    expect(asDoc(k.Docs.Documents.get(d.documentId)).revisionId).not.toBe(d.revisionId);
    expect(k.Drive.Files.get(d.documentId, { fields: 'version' }).version).toBe('2');
  });
});

describe('DocumentApp', () => {
  it('opens a Doc and exports it as a real PDF named after its title', () => {
    const k = kit();
    const d = asDoc(k.Docs.Documents.create({ title: '报价单 Q-001' }));
    k.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: '合计 壹万贰仟叁佰肆拾伍元陆角' } }] }, d.documentId);
    const doc = k.DocumentApp.openById(d.documentId);
    doc.saveAndClose();
    const pdf = doc.getAs('application/pdf');
    expect(pdf.getName()).toBe('报价单 Q-001.pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    const bytes = Buffer.from(pdf.getBytes().map((b) => b & 0xff));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(doc.getName()).toBe('报价单 Q-001');
    expect(doc.getId()).toBe(d.documentId);
    expect(doc.getUrl()).toBe(`https://docs.google.com/open?id=${d.documentId}`);
    expect(errorOf(() => doc.getAs('text/plain'))).toBe('Exception: Converting from application/vnd.google-apps.document to text/plain is not supported.');
    const step = k.env.ledger.allSteps()[0];
    expect(step.byMethod['DocumentApp:DocumentApp.openById']).toBe(1);
    expect(step.byMethod['DocumentApp:Document.getAs']).toBe(2);
    expect(step.byMethod['DocumentApp:Document.saveAndClose']).toBe(1);
  });

  it('opens user Docs through the documents scope, and nothing that is missing or not a Doc', () => {
    const env = new SandboxEnv({ now: NOW });
    const k = kit(env);
    const tpl = seedUserDoc(env, { name: 'Not picked', text: 'x' });
    expect(k.DocumentApp.openById(tpl.id).getName()).toBe('Not picked');
    const missing = "Exception: Document is missing (perhaps it was deleted, or you don't have read access?)";
    expect(errorOf(() => k.DocumentApp.openById('1missing'))).toBe(missing);
    const folder = k.Drive.Files.create({ name: 'F', mimeType: 'application/vnd.google-apps.folder' });
    expect(errorOf(() => k.DocumentApp.openById(folder.id ?? ''))).toBe(missing);
    driveOf(env).scopes = ['drive.file'];
    expect(errorOf(() => k.DocumentApp.openById(tpl.id))).toBe(
      'Exception: You do not have permission to call DocumentApp.openById. Required permissions: https://www.googleapis.com/auth/documents',
    );
  });

  it('is not available to simple triggers', () => {
    const env = new SandboxEnv({ now: NOW });
    const tpl = seedUserDoc(env, { name: 'T' });
    expect(errorOf(() => kit(env, { authMode: 'LIMITED' }).DocumentApp.openById(tpl.id))).toContain('You do not have permission to call DocumentApp.openById');
    expect(errorOf(() => kit(env, { authMode: 'LIMITED' }).Docs.Documents.get(tpl.id))).toContain('You do not have permission to call Docs.Documents.get');
  });
});

describe('Drive and Docs in the sandbox', () => {
  it('saves and restores files, Docs content, grants and the ID counter through the state JSON', () => {
    const env = new SandboxEnv({ now: NOW });
    const k = kit(env);
    const tpl = seedUserDoc(env, { name: 'Template', text: 'Hi {{name}}', picked: true });
    const copy = k.Drive.Files.copy({ name: 'Out' }, tpl.id);
    const requests: unknown[] = [{ insertTable: { rows: 2, columns: 2, endOfSegmentLocation: {} } }, { pinTableHeaderRows: { tableStartLocation: { index: 13 }, pinnedHeaderRowsCount: 1 } }];
    k.Docs.Documents.batchUpdate({ requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, copy.id ?? '');
    const pdf = k.Drive.Files.create({ name: 'Out.pdf' }, k.DocumentApp.openById(copy.id ?? '').getAs('application/pdf'));
    const json = JSON.parse(JSON.stringify(saveState(env))) as SandboxState;

    const env2 = new SandboxEnv({ now: NOW });
    loadState(env2, json);
    const k2 = kit(env2);
    expect(k2.Docs.Documents.get(copy.id ?? '')).toEqual(k.Docs.Documents.get(copy.id ?? ''));
    expect(tables(asDoc(k2.Docs.Documents.get(copy.id ?? '')))[0].tableRows[0].tableRowStyle.tableHeader).toBe(true);
    expect(k2.Drive.Files.get(pdf.id ?? '', { fields: 'size,md5Checksum' })).toEqual(k.Drive.Files.get(pdf.id ?? '', { fields: 'size,md5Checksum' }));
    expect(k2.Drive.Files.get(tpl.id).name).toBe('Template');
    const next = k2.Drive.Files.create({ name: 'new' });
    expect(driveOf(env).files.has(next.id ?? '')).toBe(false);
    expect(driveOf(env2).files.size).toBe(driveOf(env).files.size + 1);
  });

  it('installs Drive, Docs and DocumentApp as globals of every execution', () => {
    const globals: Record<string, unknown> = {};
    const env = new SandboxEnv({ now: NOW });
    installServices(kit(env).ex, globals);
    expect(Object.keys(globals)).toEqual(expect.arrayContaining(['Drive', 'Docs', 'DocumentApp']));
  });

  it('runs a bundle that copies a template, fills it and stores its PDF next to it', () => {
    const env = new SandboxEnv({ now: NOW });
    const tpl = seedUserDoc(env, { name: 'Quote template', text: 'Customer: {{customer}}\nTotal: {{total}}', picked: true });
    const code = `
      function makeQuote(templateId) {
        var folder = Drive.Files.create({ name: 'Gendan', mimeType: MimeType.FOLDER });
        var copy = Drive.Files.copy({ name: 'Quote Q-7', parents: [folder.id] }, templateId);
        Docs.Documents.batchUpdate({ requests: [
          { replaceAllText: { containsText: { text: '{{customer}}', matchCase: true }, replaceText: '上海跟单贸易有限公司' } },
          { replaceAllText: { containsText: { text: '{{total}}', matchCase: true }, replaceText: '壹万贰仟叁佰肆拾伍元陆角' } }
        ] }, copy.id);
        var doc = DocumentApp.openById(copy.id);
        doc.saveAndClose();
        var pdf = Drive.Files.create({ name: doc.getName() + '.pdf', parents: [folder.id] }, doc.getAs(MimeType.PDF), { fields: 'id,webViewLink,size' });
        return { doc: copy.id, pdf: pdf.webViewLink, size: Number(pdf.size) };
      }`;
    const sb = new Sandbox(code, env);
    const out = sb.run('makeQuote', [tpl.id]) as { doc: string; pdf: string; size: number };
    expect(out.pdf).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/1Sbx[\w-]+\/view$/);
    expect(out.size).toBeGreaterThan(1000);
    const text = bodyTexts(asDoc(kit(env).Docs.Documents.get(out.doc)));
    expect(text).toEqual(['Customer: 上海跟单贸易有限公司\n', 'Total: 壹万贰仟叁佰肆拾伍元陆角\n']);
    const step = env.ledger.allSteps().find((s) => s.step === 'makeQuote');
    expect(step?.byService).toEqual({ Drive: 3, Docs: 1, DocumentApp: 3 });
  });
});
