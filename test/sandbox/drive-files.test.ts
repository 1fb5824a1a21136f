// Fidelity of the Drive v3 fake: drive.file visibility, q queries, trash, copy, moves, partial responses, counting.
import { SandboxEnv } from '../../src/sandbox/env';
import { FOLDER_MIME, DOC_MIME, driveOf, pickFile, seedUserDoc, seedUserFile } from '../../src/sandbox/drive/index';
import { newBlob } from '../../src/sandbox/services/blob';
import { asDoc, bodyTexts, errorOf, kit, NOW, type Kit } from './drive-test-kit';

type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

const ALL = { fields: '*' };

function folder(k: Kit, name: string, parent?: string): File {
  return k.Drive.Files.create({ name, mimeType: FOLDER_MIME, parents: parent ? [parent] : undefined }, undefined as unknown as GoogleAppsScript.Base.Blob, ALL);
}

function upload(k: Kit, name: string, text: string, parent?: string, type = 'application/pdf'): File {
  return k.Drive.Files.create({ name, parents: parent ? [parent] : undefined }, newBlob(k.ex, text, type, name) as unknown as GoogleAppsScript.Base.Blob, ALL);
}

function names(k: Kit, q: string, extra: Record<string, unknown> = {}): string[] {
  return (k.Drive.Files.list({ q, fields: 'files(name)', ...extra }).files ?? []).map((f) => f.name ?? '').sort();
}

describe('Drive.Files under the drive.file scope', () => {
  it('answers only kind, id, name and mimeType unless fields asks for more', () => {
    const k = kit();
    const f = upload(k, 'Q-001.pdf', '%PDF-1.4');
    expect(Object.keys(k.Drive.Files.get(f.id ?? '')).sort()).toEqual(['id', 'kind', 'mimeType', 'name']);
    const full = k.Drive.Files.get(f.id ?? '', { fields: 'id,name,webViewLink,parents,size,trashed' });
    expect(full).toEqual({ id: f.id, name: 'Q-001.pdf', webViewLink: `https://drive.google.com/file/d/${f.id}/view`, parents: [driveOf(k.env).root(k.ex.user.email).id], size: '8', trashed: false });
    expect(errorOf(() => k.Drive.Files.get(f.id ?? '', { fields: 'id,colour' }))).toBe(
      'GoogleJsonResponseException: API call to drive.files.get failed with error: Invalid field selection colour',
    );
  });

  it('links Google Docs to the Docs editor and files to the Drive viewer', () => {
    const k = kit();
    const doc = k.Drive.Files.create({ name: 'Quote', mimeType: DOC_MIME }, undefined as unknown as GoogleAppsScript.Base.Blob, { fields: 'id,webViewLink' });
    expect(doc.webViewLink).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
    expect(bodyTexts(asDoc(k.Docs.Documents.get(doc.id ?? '')))).toEqual(['\n']);
  });

  it('hides user files the app did not create until the user picks them, and answers 404 like Drive', () => {
    const k = kit();
    const tpl = seedUserDoc(k.env, { name: 'Quotation template', text: 'Dear {{customer}}' });
    expect(errorOf(() => k.Drive.Files.get(tpl.id))).toBe(`GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: ${tpl.id}.`);
    expect(names(k, "name contains 'Quotation'")).toEqual([]);
    pickFile(k.env, tpl.id);
    expect(k.Drive.Files.get(tpl.id, { fields: 'name,ownedByMe,owners(emailAddress)' })).toEqual({ name: 'Quotation template', ownedByMe: true, owners: [{ emailAddress: 'owner@example.com' }] });
    expect(names(k, "name contains 'Quotation'")).toEqual(['Quotation template']);
  });

  it('keeps drive.file grants per user: another user sees neither my files nor my picks', () => {
    const env = new SandboxEnv({ frozenClock: true, now: NOW });
    const me = kit(env);
    const other = kit(env, { user: 'sales2@example.com' });
    const mine = folder(me, 'Gendan');
    const shared = seedUserFile(env, { name: 'Price list.pdf', mimeType: 'application/pdf', bytes: '%PDF', sharedWith: ['sales2@example.com'], picked: true });
    expect(errorOf(() => other.Drive.Files.get(mine.id ?? ''))).toContain('File not found');
    expect(errorOf(() => other.Drive.Files.get(shared.id))).toContain('File not found');
    pickFile(env, shared.id, 'sales2@example.com');
    expect(other.Drive.Files.get(shared.id).name).toBe('Price list.pdf');
    expect(() => pickFile(env, mine.id ?? '', 'sales2@example.com')).toThrow(/cannot open/);
  });

  it("lists by name, name prefix, mimeType, parent and trash state; 'root' is the user's My Drive", () => {
    const k = kit();
    const out = folder(k, 'Gendan Output');
    const a = upload(k, 'Quotation Q-2026-001.pdf', 'a', out.id);
    upload(k, 'Quotation Q-2026-002.pdf', 'b', out.id);
    upload(k, 'Invoice INV-7.pdf', 'c', out.id);
    upload(k, 'notes.txt', 'd', out.id, 'text/plain');
    k.Drive.Files.create({ name: 'Quotation draft', mimeType: DOC_MIME, parents: [out.id ?? ''] });
    expect(names(k, `'${out.id}' in parents and trashed = false`)).toEqual(['Invoice INV-7.pdf', 'Quotation Q-2026-001.pdf', 'Quotation Q-2026-002.pdf', 'Quotation draft', 'notes.txt']);
    expect(names(k, `name = 'Quotation Q-2026-001.pdf'`)).toEqual(['Quotation Q-2026-001.pdf']);
    expect(names(k, `name contains 'quot' and mimeType = 'application/pdf'`)).toEqual(['Quotation Q-2026-001.pdf', 'Quotation Q-2026-002.pdf']);
    // Drive matches name terms by word prefix: "tation" is inside a word, "Q-2026" starts one.
    expect(names(k, `name contains 'tation'`)).toEqual([]);
    expect(names(k, `name contains 'Q-2026-00'`)).toEqual(['Quotation Q-2026-001.pdf', 'Quotation Q-2026-002.pdf']);
    expect(names(k, `mimeType = '${FOLDER_MIME}' and 'root' in parents`)).toEqual(['Gendan Output']);
    expect(names(k, `name = 'It\\'s'`)).toEqual([]);
    k.Drive.Files.update({ trashed: true }, a.id ?? '');
    expect(names(k, `'${out.id}' in parents and trashed = false and name contains 'Quotation'`)).toEqual(['Quotation Q-2026-002.pdf', 'Quotation draft']);
    expect(names(k, `'${out.id}' in parents and name contains 'Quotation'`)).toContain('Quotation Q-2026-001.pdf');
  });

  it("answers 400 Invalid Value to a query outside the language", () => {
    const k = kit();
    const bad = 'GoogleJsonResponseException: API call to drive.files.list failed with error: Invalid Value';
    expect(errorOf(() => k.Drive.Files.list({ q: "name = 'a' or name = 'b'" }))).toBe(bad);
    expect(errorOf(() => k.Drive.Files.list({ q: "name = 'unterminated" }))).toBe(bad);
    expect(errorOf(() => k.Drive.Files.list({ q: 'title = "x"' }))).toBe(bad);
  });

  it('pages with pageSize and nextPageToken, in orderBy order', () => {
    const k = kit();
    for (const n of ['c', 'a', 'e', 'b', 'd']) upload(k, `${n}.pdf`, n);
    const p1 = k.Drive.Files.list({ q: 'trashed = false', pageSize: 2, orderBy: 'name', fields: 'nextPageToken,files(name)' });
    expect(p1.files?.map((f) => f.name)).toEqual(['a.pdf', 'b.pdf']);
    const p2 = k.Drive.Files.list({ q: 'trashed = false', pageSize: 2, orderBy: 'name', pageToken: p1.nextPageToken, fields: 'nextPageToken,files(name)' });
    const p3 = k.Drive.Files.list({ q: 'trashed = false', pageSize: 2, orderBy: 'name', pageToken: p2.nextPageToken, fields: 'nextPageToken,files(name)' });
    expect([...(p2.files ?? []), ...(p3.files ?? [])].map((f) => f.name)).toEqual(['c.pdf', 'd.pdf', 'e.pdf']);
    expect(p3.nextPageToken).toBeUndefined();
  });

  it('trashes and restores; trashing a folder trashes its content', () => {
    const k = kit();
    const out = folder(k, 'Out');
    const f = upload(k, 'a.pdf', 'a', out.id);
    const g = upload(k, 'b.pdf', 'b', out.id);
    k.Drive.Files.update({ trashed: true }, g.id ?? '');
    k.Drive.Files.update({ trashed: true }, out.id ?? '');
    expect(k.Drive.Files.get(f.id ?? '', { fields: 'trashed,explicitlyTrashed' })).toEqual({ trashed: true, explicitlyTrashed: false });
    expect(k.Drive.Files.get(out.id ?? '', { fields: 'trashedTime' }).trashedTime).toBe(new Date(NOW).toISOString());
    k.Drive.Files.update({ trashed: false }, out.id ?? '');
    expect(k.Drive.Files.get(f.id ?? '', { fields: 'trashed' }).trashed).toBe(false);
    expect(k.Drive.Files.get(g.id ?? '', { fields: 'trashed' }).trashed).toBe(true);
  });

  it('copies a picked template into a folder: new ID, same content, independent afterwards', () => {
    const k = kit();
    const tpl = seedUserDoc(k.env, { name: 'Template', text: 'Dear {{customer}},\nThanks.', picked: true });
    const out = folder(k, 'Quotes');
    const copy = k.Drive.Files.copy({ name: 'Quote Q-1', parents: [out.id ?? ''] }, tpl.id, { fields: 'id,name,parents,ownedByMe,mimeType' });
    expect(copy.id).not.toBe(tpl.id);
    expect(copy).toMatchObject({ name: 'Quote Q-1', parents: [out.id], ownedByMe: true, mimeType: DOC_MIME });
    const src = asDoc(k.Docs.Documents.get(tpl.id));
    const dst = asDoc(k.Docs.Documents.get(copy.id ?? ''));
    expect(dst.body).toEqual(src.body);
    k.Docs.Documents.batchUpdate({ requests: [{ replaceAllText: { containsText: { text: '{{customer}}', matchCase: true }, replaceText: 'ACME' } }] }, copy.id ?? '');
    expect(bodyTexts(asDoc(k.Docs.Documents.get(copy.id ?? '')))[0]).toBe('Dear ACME,\n');
    expect(bodyTexts(asDoc(k.Docs.Documents.get(tpl.id)))[0]).toBe('Dear {{customer}},\n');
  });

  it('names a copy "Copy of …" and keeps only the parents the app can see', () => {
    const k = kit();
    const userFolder = seedUserFile(k.env, { name: 'Templates', mimeType: FOLDER_MIME });
    const tpl = seedUserDoc(k.env, { name: 'Invoice', parents: [userFolder.id], picked: true });
    const bin = upload(k, 'logo.png', 'PNG', undefined, 'image/png');
    const c1 = k.Drive.Files.copy({}, tpl.id, { fields: 'name,parents' });
    expect(c1).toEqual({ name: 'Copy of Invoice', parents: [driveOf(k.env).root(k.ex.user.email).id] });
    const c2 = k.Drive.Files.copy({}, bin.id ?? '', { fields: 'id,size,md5Checksum' });
    expect(k.Drive.Files.get(c2.id ?? '', { alt: 'media' })).toBe('PNG');
    expect(c2.md5Checksum).toBe(bin.md5Checksum);
  });

  it('moves with addParents/removeParents and refuses writing parents or a second parent', () => {
    const k = kit();
    const a = folder(k, 'A');
    const b = folder(k, 'B');
    const f = upload(k, 'x.pdf', 'x', a.id);
    expect(k.Drive.Files.update({}, f.id ?? '', undefined as unknown as GoogleAppsScript.Base.Blob, { addParents: b.id, removeParents: a.id, fields: 'parents' }).parents).toEqual([b.id]);
    expect(errorOf(() => k.Drive.Files.update({ parents: [a.id ?? ''] }, f.id ?? ''))).toContain('The parents field is not directly writable in update requests.');
    expect(errorOf(() => k.Drive.Files.update({}, f.id ?? '', undefined as unknown as GoogleAppsScript.Base.Blob, { addParents: a.id }))).toContain(
      'Increasing the number of parents is not allowed.',
    );
    expect(errorOf(() => k.Drive.Files.create({ name: 'y', parents: ['nope'] }))).toContain('File not found: nope.');
  });

  it('renames, sets properties, replaces content and reports the new size', () => {
    const k = kit();
    const f = upload(k, 'draft.txt', 'one', undefined, 'text/plain');
    const u = k.Drive.Files.update({ name: 'final.txt', appProperties: { gendanKey: 'Q-1' } }, f.id ?? '', newBlob(k.ex, 'three', 'text/plain') as unknown as GoogleAppsScript.Base.Blob, { fields: 'name,size,version,appProperties' });
    expect(u).toEqual({ name: 'final.txt', size: '5', version: '2', appProperties: { gendanKey: 'Q-1' } });
    expect(names(k, "appProperties has { key='gendanKey' and value='Q-1' }")).toEqual(['final.txt']);
  });

  it('downloads binary content with alt=media but not a Google Doc', () => {
    const k = kit();
    const f = upload(k, 'a.txt', '跟单 ok', undefined, 'text/plain');
    expect(k.Drive.Files.get(f.id ?? '', { alt: 'media' })).toBe('跟单 ok');
    const d = k.Drive.Files.create({ name: 'D', mimeType: DOC_MIME });
    expect(errorOf(() => k.Drive.Files.get(d.id ?? '', { alt: 'media' }))).toContain('Only files with binary content can be downloaded.');
  });

  it('deletes permanently, a folder with its content, and only what the user owns', () => {
    const env = new SandboxEnv({ frozenClock: true, now: NOW });
    const k = kit(env);
    const out = folder(k, 'Out');
    const f = upload(k, 'a.pdf', 'a', out.id);
    k.Drive.Files.remove(out.id ?? '');
    expect(errorOf(() => k.Drive.Files.get(f.id ?? ''))).toContain('File not found');
    expect(driveOf(env).files.has(f.id ?? '')).toBe(false);
    const theirs = seedUserFile(env, { name: 'Theirs.pdf', mimeType: 'application/pdf', owner: 'boss@example.com', sharedWith: ['owner@example.com'] });
    pickFile(env, theirs.id);
    expect(errorOf(() => k.Drive.Files.remove(theirs.id))).toBe(
      'GoogleJsonResponseException: API call to drive.files.delete failed with error: The user does not have sufficient permissions for this file.',
    );
  });

  it('converts a plain-text upload into a Google Doc and refuses other conversions', () => {
    const k = kit();
    const d = k.Drive.Files.create({ name: 'Notes', mimeType: DOC_MIME }, newBlob(k.ex, 'line 1\r\nline 2\n', 'text/plain') as unknown as GoogleAppsScript.Base.Blob);
    expect(bodyTexts(asDoc(k.Docs.Documents.get(d.id ?? '')))).toEqual(['line 1\n', 'line 2\n']);
    expect(errorOf(() => k.Drive.Files.create({ name: 'x', mimeType: DOC_MIME }, newBlob(k.ex, 'PK', 'application/zip') as unknown as GoogleAppsScript.Base.Blob))).toContain(
      'Conversion of the uploaded content',
    );
  });

  it('counts every call as a drive round trip, uploads by their bytes', () => {
    const k = kit();
    const out = folder(k, 'Out');
    const f = upload(k, 'a.pdf', 'x'.repeat(50_000), out.id);
    k.Drive.Files.get(f.id ?? '');
    k.Drive.Files.list({ q: 'trashed = false' });
    k.Drive.Files.copy({}, f.id ?? '');
    k.Drive.Files.update({ name: 'b.pdf' }, f.id ?? '');
    k.Drive.Files.remove(f.id ?? '');
    const step = k.env.ledger.allSteps()[0];
    expect(step.byService).toEqual({ Drive: 7 });
    expect(step.byMethod).toEqual({ 'Drive:Files.create': 2, 'Drive:Files.get': 1, 'Drive:Files.list': 1, 'Drive:Files.copy': 1, 'Drive:Files.update': 1, 'Drive:Files.remove': 1 });
    // Files.create: 1200 ms each + 0.00002 ms per byte; copy 1500; the others the drive class's 800.
    expect(step.modeledMs).toBeCloseTo(1200 * 2 + 50_000 * 0.00002 + 1500 + 800 * 4, 5);
  });

  it('is not available to simple triggers (LIMITED) nor when the user refused drive.file', () => {
    const env = new SandboxEnv({ frozenClock: true, now: NOW });
    expect(errorOf(() => kit(env, { authMode: 'LIMITED' }).Drive.Files.list({}))).toBe(
      'Exception: You do not have permission to call Drive.Files.List. Required permissions: https://www.googleapis.com/auth/drive.file',
    );
    driveOf(env).scopes = ['documents'];
    expect(errorOf(() => kit(env).Drive.Files.create({ name: 'x' }))).toContain('Required permissions: https://www.googleapis.com/auth/drive.file');
    expect(env.ledger.totalRoundTrips()).toBe(0);
  });
});
