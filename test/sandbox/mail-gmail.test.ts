// Specification of the sandbox's Gmail advanced service, driven by a script that builds its messages with Gendan's
// own MIME builder, bundled and run in a bare node:vm context (no Buffer, no TextEncoder), as in Apps Script.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SandboxEnv } from '../../src/sandbox/env';
import { Sandbox, StepError } from '../../src/sandbox/runtime';
import { exportMail, GoogleJsonResponseException, mailRecords, remainingMailQuota, setMailQuota } from '../../src/sandbox/mail/index';

const mimeBundle = esbuild.buildSync({
  entryPoints: [path.join(__dirname, '../../src/domain/mail/mime.ts')],
  bundle: true,
  format: 'iife',
  globalName: 'Mime',
  target: 'es2020',
  platform: 'neutral',
  write: false,
}).outputFiles[0].text;

const SCRIPT = `${mimeBundle}
function raw(to, subject, text, withAttachment) {
  var attachments = [];
  if (withAttachment) {
    var blob = Utilities.newBlob('%PDF-1.4 形式发票', 'application/pdf', '形式发票 PI-001.pdf');
    attachments.push({ name: blob.getName(), mimeType: blob.getContentType(), base64: Utilities.base64Encode(blob.getBytes()) });
  }
  return Mime.utf8ToBase64Url(Mime.buildMimeMessage({ from: Session.getActiveUser().getEmail(), fromName: '李四', to: to, subject: subject,
    text: text, html: '<p>' + text + '</p>', attachments: attachments, date: Date.now() }));
}
function createDraft(to, subject, text, withAttachment) {
  return Gmail.Users.Drafts.create({ message: { raw: raw(to, subject, text, withAttachment) } }, 'me').id;
}
function listDrafts() { return Gmail.Users.Drafts.list('me'); }
function getDraft(id, format) { return Gmail.Users.Drafts.get('me', id, { format: format }); }
function removeDraft(id) { Gmail.Users.Drafts.remove('me', id); }
function sendDraft(id) { return Gmail.Users.Drafts.send({ id: id }, 'me'); }
function sendRaw(to, subject) { return Gmail.Users.Messages.send({ raw: raw(to, subject, 'sent directly', false) }, 'me'); }
function draftAs(userId) { return Gmail.Users.Drafts.create({ message: { raw: raw('a@example.com', 'x', 'y', false) } }, userId); }
function createBadDraft() { return Gmail.Users.Drafts.create({ message: {} }, 'me'); }
function quota() { return MailApp.getRemainingDailyQuota(); }
`;

const NOW = Date.UTC(2026, 2, 2, 1, 0, 0);

function sandbox(): Sandbox {
  return new Sandbox(SCRIPT, new SandboxEnv({ frozenClock: true, now: NOW, user: 'owner@example.com' }));
}

function failure(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof StepError) return e.error as Error;
    throw e;
  }
  throw new Error('expected the step to fail');
}

describe('Gmail.Users.Drafts', () => {
  it('creates a draft from a raw message built in the bundle, and the .eml reads back in Chinese with its attachment', async () => {
    const sb = sandbox();
    const id = sb.run('createDraft', ['张三 <zhang@example.cn>', '形式发票 PI-001', '张经理您好，附件是形式发票。', true]) as string;
    expect(id).toMatch(/^r\d+$/);
    const [rec] = mailRecords(sb.env);
    expect(rec).toEqual(expect.objectContaining({ id, kind: 'draft', via: 'Gmail', user: 'owner@example.com', to: '张三 <zhang@example.cn>', subject: '形式发票 PI-001', at: NOW }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-gmail-'));
    const files = exportMail(sb.env, dir);
    expect(files.map((f) => path.basename(f))).toEqual(['001-draft-形式发票-PI-001.eml']);
    const mail = await simpleParser(fs.readFileSync(files[0]));
    expect(mail.subject).toBe('形式发票 PI-001');
    expect(mail.from?.value).toEqual([{ name: '李四', address: 'owner@example.com' }]);
    expect(mail.text?.trim()).toBe('张经理您好，附件是形式发票。');
    expect(mail.html).toBe('<p>张经理您好，附件是形式发票。</p>');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.toString('utf8')])).toEqual([['形式发票 PI-001.pdf', 'application/pdf', '%PDF-1.4 形式发票']]);
    expect(mail.date?.getTime()).toBe(NOW);
  });

  it('does not consume the send quota, even when it is exhausted', () => {
    const sb = sandbox();
    setMailQuota(sb.env, 0);
    sb.run('createDraft', ['a@example.com, b@example.com', 'Follow-up', 'text', false]);
    sb.run('createDraft', ['c@example.com', 'Follow-up 2', 'text', false]);
    expect(mailRecords(sb.env, { kind: 'draft' })).toHaveLength(2);
    expect(remainingMailQuota(sb.env)).toBe(0);
    const fresh = sandbox();
    fresh.run('createDraft', ['a@example.com', 'x', 'y', false]);
    expect(fresh.run('quota')).toBe(100);
  });

  it('lists the user\'s drafts newest first, and leaves the list out when there are none', () => {
    const sb = sandbox();
    expect(sb.run('listDrafts')).toEqual({ resultSizeEstimate: 0 });
    const a = sb.run('createDraft', ['a@example.com', 'A', 'a', false]) as string;
    const b = sb.run('createDraft', ['b@example.com', 'B', 'b', false]) as string;
    sb.run('createDraft', ['c@example.com', 'C', 'c', false], { user: 'rep@example.com' });
    const list = sb.run('listDrafts') as GoogleAppsScript.Gmail.Schema.ListDraftsResponse;
    expect(list.resultSizeEstimate).toBe(2);
    expect(list.drafts?.map((d) => d.id)).toEqual([b, a]);
  });

  it('gets a draft as raw base64url that decodes to what was stored, or with its headers', () => {
    const sb = sandbox();
    const id = sb.run('createDraft', ['a@example.com', '跟进：样品', 'text', false]) as string;
    const raw = sb.run('getDraft', [id, 'raw']) as GoogleAppsScript.Gmail.Schema.Draft;
    expect(Buffer.from(raw.message!.raw!, 'base64url').toString('utf8')).toBe(mailRecords(sb.env)[0].raw);
    const full = sb.run('getDraft', [id, 'full']) as GoogleAppsScript.Gmail.Schema.Draft;
    expect(full.message!.payload!.mimeType).toBe('multipart/alternative');
    expect(full.message!.payload!.headers).toContainEqual({ name: 'Subject', value: '跟进：样品' });
    expect(full.message!.labelIds).toEqual(['DRAFT']);
  });

  it('removes a draft, and reports an unknown id as Gmail does', () => {
    const sb = sandbox();
    const id = sb.run('createDraft', ['a@example.com', 'A', 'a', false]) as string;
    sb.run('removeDraft', [id]);
    expect(mailRecords(sb.env)).toHaveLength(0);
    const err = failure(() => sb.run('removeDraft', [id]));
    expect(err).toBeInstanceOf(GoogleJsonResponseException);
    expect(err.message).toBe('API call to gmail.users.drafts.delete failed with error: Requested entity was not found.');
    expect((err as GoogleJsonResponseException).details.code).toBe(404);
  });

  it('sends a draft: the draft goes, a sent message takes its place, in the same thread', () => {
    const sb = sandbox();
    const id = sb.run('createDraft', ['a@example.com', 'A', 'a', false]) as string;
    const threadId = mailRecords(sb.env)[0].threadId;
    sb.env.now += 5 * 60_000;
    const msg = sb.run('sendDraft', [id]) as GoogleAppsScript.Gmail.Schema.Message;
    expect(msg.labelIds).toEqual(['SENT']);
    expect(mailRecords(sb.env)).toEqual([expect.objectContaining({ kind: 'sent', via: 'Gmail', id: msg.id, threadId, to: 'a@example.com', at: NOW + 5 * 60_000 })]);
  });

  it('refuses another user\'s mailbox, missing raw data and unauthorized runs', () => {
    const sb = sandbox();
    expect(failure(() => sb.run('draftAs', ['boss@example.com'])).message).toMatch(/Delegation denied/);
    expect(sb.run('draftAs', ['owner@example.com'])).toEqual(expect.objectContaining({ id: expect.stringMatching(/^r/) }));
    expect(failure(() => sb.run('createBadDraft')).message).toMatch(/'raw' RFC822 payload message string/);
    expect(failure(() => sb.run('listDrafts', [], { authMode: 'LIMITED' })).message).toMatch(/authentication credential/);
  });
});

describe('Gmail.Users.Messages.send', () => {
  it('records a sent message without touching the MailApp quota', async () => {
    const sb = sandbox();
    const msg = sb.run('sendRaw', ['王五 <wang@example.cn>', '发货通知']) as GoogleAppsScript.Gmail.Schema.Message;
    expect(mailRecords(sb.env)).toEqual([expect.objectContaining({ kind: 'sent', via: 'Gmail', id: msg.id, subject: '发货通知', to: '王五 <wang@example.cn>' })]);
    expect(remainingMailQuota(sb.env)).toBe(100);
    expect((await simpleParser(mailRecords(sb.env)[0].raw)).subject).toBe('发货通知');
  });

  it('needs a recipient', () => {
    const sb = sandbox();
    expect(failure(() => sb.run('sendRaw', ['', 'no one'])).message).toBe('API call to gmail.users.messages.send failed with error: Recipient address required');
    expect(mailRecords(sb.env)).toHaveLength(0);
  });
});

describe('Gmail call counting', () => {
  it('counts each API call by method as a mail round trip', () => {
    const sb = sandbox();
    sb.run('createDraft', ['a@example.com', 'A', 'a', false], { step: 'create' });
    const id = sb.run('createDraft', ['b@example.com', 'B', 'b', false], { step: 'create' }) as string;
    sb.run('listDrafts', [], { step: 'list' });
    sb.run('getDraft', [id, 'minimal'], { step: 'get' });
    sb.run('sendDraft', [id], { step: 'send' });
    const totals = sb.env.ledger.toJSON().byMethod;
    expect(totals['Gmail:Drafts.create']).toBe(2);
    expect(totals['Gmail:Drafts.list']).toBe(1);
    expect(totals['Gmail:Drafts.get']).toBe(1);
    expect(totals['Gmail:Drafts.send']).toBe(1);
    const create = sb.env.ledger.allSteps()[0];
    expect(create.byService.Gmail).toBe(1);
    expect(create.modeledMs).toBeGreaterThanOrEqual(600);
  });
});
