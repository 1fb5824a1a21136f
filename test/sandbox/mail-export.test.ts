// Specification of the .eml export: one file per sent message and draft, numbered in production order.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SandboxEnv } from '../../src/sandbox/env';
import { Sandbox } from '../../src/sandbox/runtime';
import { exportMail, safeSubject } from '../../src/sandbox/mail/index';

const SCRIPT = `
function send(to, subject) { MailApp.sendEmail(to, subject, 'body of ' + subject); }
function draft(raw) { return Gmail.Users.Drafts.create({ message: { raw: raw } }, 'me').id; }
function drop(id) { Gmail.Users.Drafts.remove('me', id); }
`;

function rawDraft(subject: string): string {
  const text = `To: a@example.com\r\nSubject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${subject} body\r\n`;
  return Buffer.from(text, 'utf8').toString('base64url');
}

describe('exportMail', () => {
  it('writes sent mail and drafts interleaved in the order they were produced', async () => {
    const sb = new Sandbox(SCRIPT, new SandboxEnv());
    sb.run('send', ['a@example.com', 'Quotation Q-1']);
    sb.run('draft', [rawDraft('样品跟进')]);
    const dropped = sb.run('draft', [rawDraft('to be deleted')]) as string;
    sb.run('send', ['b@example.com', '发货通知 / Shipping notice']);
    sb.run('drop', [dropped]);
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-export-')), 'nested', 'mail');
    const files = exportMail(sb.env, dir);
    expect(files.map((f) => path.basename(f))).toEqual(['001-sent-Quotation-Q-1.eml', '002-draft-样品跟进.eml', '003-sent-发货通知-Shipping-notice.eml']);
    expect(fs.readdirSync(dir).sort()).toEqual(files.map((f) => path.basename(f)).sort());
    const draft = await simpleParser(fs.readFileSync(files[1]));
    expect(draft.subject).toBe('样品跟进');
    expect(draft.text?.trim()).toBe('样品跟进 body');
    const sent = await simpleParser(fs.readFileSync(files[2]));
    expect(sent.subject).toBe('发货通知 / Shipping notice');
  });

  it('writes nothing for an empty mailbox', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-export-'));
    expect(exportMail(new SandboxEnv(), dir)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('safeSubject', () => {
  it('keeps letters and digits of any script and folds the rest', () => {
    expect(safeSubject('Re: 报价单 Q-001 (v2)/final?')).toBe('Re-报价单-Q-001-v2-final');
    expect(safeSubject('  ..//  ')).toBe('no-subject');
    expect(safeSubject('')).toBe('no-subject');
    expect([...safeSubject('长'.repeat(100))]).toHaveLength(60);
  });
});
