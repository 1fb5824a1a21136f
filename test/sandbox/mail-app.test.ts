// Specification of the sandbox's MailApp: scripts run in node:vm send mail, the sandbox keeps it as .eml text and
// holds Apps Script's quota and limits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SandboxEnv } from '../../src/sandbox/env';
import { Sandbox, StepError } from '../../src/sandbox/runtime';
import { loadState, saveState } from '../../src/sandbox/state';
import { exportMail, mailRecords, remainingMailQuota, setMailQuota } from '../../src/sandbox/mail/index';

/** Script functions the tests call; they use MailApp and Utilities exactly as Apps Script code would. */
const SCRIPT = `
function sendQuote(to, lang) {
  var zh = lang === 'zh';
  var pdf = Utilities.newBlob('%PDF-1.4 quote', 'application/pdf', zh ? '报价单 Q-001.pdf' : 'Quotation Q-001.pdf');
  MailApp.sendEmail(to, zh ? '报价单 Q-001：不锈钢螺丝' : 'Quotation Q-001: stainless screws',
    zh ? '张经理您好：\\n附件是报价单。' : 'Dear Mr Smith,\\nplease find the quotation attached.',
    { htmlBody: zh ? '<p>张经理您好：</p>' : '<p>Dear Mr Smith,</p>', name: zh ? '李四 (跟单)' : 'Li Si', replyTo: 'sales@example.com',
      cc: 'boss@example.com', attachments: [pdf] });
}
function sendOne(to, subject) { MailApp.sendEmail(to, subject || 'Reminder', 'body'); }
function sendMessage(message) { MailApp.sendEmail(message); }
function sendFour(to, replyTo, subject, body) { MailApp.sendEmail(to, replyTo, subject, body); }
function quota() { return MailApp.getRemainingDailyQuota(); }
function sendMany(n) { for (var i = 0; i < n; i++) MailApp.sendEmail('c' + i + '@example.com', 'Reminder ' + i, 'body'); }
`;

const NOW = Date.UTC(2026, 2, 2, 1, 0, 0);

function sandbox(): Sandbox {
  return new Sandbox(SCRIPT, new SandboxEnv({ frozenClock: true, now: NOW, user: 'owner@example.com' }));
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-mail-'));
}

function stepError(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof StepError) return e.error as Error;
    throw e;
  }
  throw new Error('expected the step to fail');
}

describe('MailApp.sendEmail', () => {
  it('records an .eml that mailparser reads with Chinese subject, names, bodies and attachment', async () => {
    const sb = sandbox();
    sb.run('sendQuote', ['张三 <zhang@example.cn>', 'zh']);
    const [file] = exportMail(sb.env, tmpDir());
    const mail = await simpleParser(fs.readFileSync(file));
    expect(mail.subject).toBe('报价单 Q-001：不锈钢螺丝');
    expect(mail.from?.value).toEqual([{ name: '李四 (跟单)', address: 'owner@example.com' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([{ name: '张三', address: 'zhang@example.cn' }]);
    expect(mail.cc && !Array.isArray(mail.cc) ? mail.cc.text : '').toBe('boss@example.com');
    expect(mail.replyTo?.text).toBe('sales@example.com');
    expect(mail.text?.trim()).toBe('张经理您好：\n附件是报价单。');
    expect(mail.html).toBe('<p>张经理您好：</p>');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe('报价单 Q-001.pdf');
    expect(mail.attachments[0].contentType).toBe('application/pdf');
    expect(mail.attachments[0].content.toString()).toBe('%PDF-1.4 quote');
    expect(mail.date?.getTime()).toBe(NOW);
  });

  it('keeps an English message English', async () => {
    const sb = sandbox();
    sb.run('sendQuote', ['smith@example.com', 'en']);
    const mail = await simpleParser(mailRecords(sb.env)[0].raw);
    expect(mail.subject).toBe('Quotation Q-001: stainless screws');
    expect(mail.text?.trim()).toBe('Dear Mr Smith,\nplease find the quotation attached.');
    expect(mail.attachments[0].filename).toBe('Quotation Q-001.pdf');
  });

  it('records metadata: kind, service, user, recipients, subject and time', () => {
    const sb = sandbox();
    sb.env.now = NOW + 60_000;
    sb.run('sendMessage', [{ to: 'a@example.com', subject: 'Hi', body: 'x', bcc: 'audit@example.com' }], { user: 'rep@example.com' });
    expect(mailRecords(sb.env)).toEqual([
      expect.objectContaining({ kind: 'sent', via: 'MailApp', user: 'rep@example.com', to: 'a@example.com', bcc: 'audit@example.com', subject: 'Hi', at: NOW + 60_000, seq: 1 }),
    ]);
    // Bcc recipients get the mail but are not written into it.
    expect(mailRecords(sb.env)[0].raw).not.toMatch(/audit@example\.com/);
  });

  it('accepts the (to, replyTo, subject, body) form', async () => {
    const sb = sandbox();
    sb.run('sendFour', ['a@example.com', 'reply@example.com', 'Subject four', 'Body four']);
    const mail = await simpleParser(mailRecords(sb.env)[0].raw);
    expect(mail.replyTo?.text).toBe('reply@example.com');
    expect(mail.subject).toBe('Subject four');
    expect(mail.text?.trim()).toBe('Body four');
  });

  it('writes CRLF line ends only', () => {
    const sb = sandbox();
    sb.run('sendQuote', ['a@example.com', 'en']);
    const raw = mailRecords(sb.env)[0].raw;
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('MailApp quota', () => {
  it('starts at 100 recipients a day', () => {
    const sb = sandbox();
    expect(sb.run('quota')).toBe(100);
  });

  it('throws on the 4th send when 3 are left, and records nothing for it', () => {
    const sb = sandbox();
    setMailQuota(sb.env, 3);
    for (let i = 1; i <= 3; i++) sb.run('sendOne', [`c${i}@example.com`]);
    const err = stepError(() => sb.run('sendOne', ['c4@example.com']));
    expect(err.message).toBe('Service invoked too many times for one day: email.');
    expect(mailRecords(sb.env).map((r) => r.to)).toEqual(['c1@example.com', 'c2@example.com', 'c3@example.com']);
    expect(sb.run('quota')).toBe(0);
  });

  it('counts every recipient in to, cc and bcc, once each', () => {
    const sb = sandbox();
    sb.run('sendMessage', [{ to: 'a@example.com, b@example.com', cc: 'c@example.com, A@example.com', bcc: 'd@example.com', subject: 's', body: 'b' }]);
    expect(remainingMailQuota(sb.env)).toBe(96);
  });

  it('refuses a message with more recipients than are left, taking none', () => {
    const sb = sandbox();
    setMailQuota(sb.env, 2);
    expect(stepError(() => sb.run('sendMessage', [{ to: 'a@x.com, b@x.com, c@x.com', subject: 's', body: 'b' }])).message).toMatch(/too many times/);
    expect(remainingMailQuota(sb.env)).toBe(2);
    expect(mailRecords(sb.env)).toHaveLength(0);
  });

  it('keeps quotas per user', () => {
    const sb = sandbox();
    setMailQuota(sb.env, 0);
    expect(() => sb.run('sendOne', ['a@example.com'], { user: 'rep@example.com' })).not.toThrow();
    expect(remainingMailQuota(sb.env, 'rep@example.com')).toBe(99);
    expect(stepError(() => sb.run('sendOne', ['a@example.com'])).message).toMatch(/too many times/);
  });

  it('resets 24 simulated hours after the window began', () => {
    const sb = sandbox();
    setMailQuota(sb.env, 1, { dailyLimit: 1500 });
    sb.run('sendOne', ['a@example.com']);
    sb.env.now += 23 * 3_600_000;
    expect(sb.run('quota')).toBe(0);
    sb.env.now += 3_600_000;
    expect(sb.run('quota')).toBe(1500);
  });

  it('survives saving and loading the workbook state', () => {
    const sb = sandbox();
    setMailQuota(sb.env, 5);
    sb.run('sendOne', ['a@example.com', '报价']);
    const state = JSON.parse(JSON.stringify(saveState(sb.env))) as ReturnType<typeof saveState>;
    const env2 = new SandboxEnv({ frozenClock: true, now: NOW });
    loadState(env2, state);
    expect(remainingMailQuota(env2)).toBe(4);
    expect(mailRecords(env2)).toEqual(mailRecords(sb.env));
  });
});

describe('MailApp refusals', () => {
  it('refuses malformed addresses and empty recipient lists', () => {
    const sb = sandbox();
    expect(stepError(() => sb.run('sendOne', ['not-an-address'])).message).toBe('Invalid email: not-an-address');
    expect(stepError(() => sb.run('sendOne', [''])).message).toBe('Failed to send email: no recipient');
    expect(mailRecords(sb.env)).toHaveLength(0);
    expect(remainingMailQuota(sb.env)).toBe(100);
  });

  it('refuses more than 50 recipients in one message', () => {
    const sb = sandbox();
    const to = Array.from({ length: 51 }, (_, i) => `c${i}@example.com`).join(',');
    expect(stepError(() => sb.run('sendOne', [to])).message).toBe('Limit Exceeded: Email Recipients Per Message.');
  });

  it('needs full authorization (not from onOpen/onEdit in LIMITED mode)', () => {
    const sb = sandbox();
    expect(stepError(() => sb.run('sendOne', ['a@example.com'], { authMode: 'LIMITED', kind: 'simple' })).message).toMatch(/You do not have permission to call MailApp\.sendEmail/);
    expect(mailRecords(sb.env)).toHaveLength(0);
  });

  it('records nothing when the call itself fails (injected service error)', () => {
    const sb = sandbox();
    sb.env.ledger.arm({ method: 'MailApp.sendEmail', times: 1 });
    expect(stepError(() => sb.run('sendOne', ['a@example.com'])).message).toMatch(/injected/);
    expect(mailRecords(sb.env)).toHaveLength(0);
    expect(remainingMailQuota(sb.env)).toBe(100);
    sb.run('sendOne', ['a@example.com']);
    expect(mailRecords(sb.env)).toHaveLength(1);
  });
});

describe('MailApp call counting', () => {
  it('counts each send as a mail round trip and the quota read as a store call', () => {
    const sb = sandbox();
    sb.run('sendMany', [3], { step: 'three sends' });
    sb.run('quota', [], { step: 'quota' });
    const [sends, quota] = sb.env.ledger.allSteps();
    expect(sends.byMethod['MailApp:MailApp.sendEmail']).toBe(3);
    expect(sends.byService.MailApp).toBe(3);
    expect(sends.modeledMs).toBeCloseTo(3 * 900, 0);
    expect(quota.byMethod['MailApp:MailApp.getRemainingDailyQuota']).toBe(1);
    expect(quota.modeledMs).toBeCloseTo(15, 0);
  });

  it('counts a refused send too (the round trip happened)', () => {
    const sb = sandbox();
    setMailQuota(sb.env, 0);
    expect(() => sb.run('sendOne', ['a@example.com'], { step: 'refused' })).toThrow(StepError);
    expect(sb.env.ledger.allSteps()[0].byMethod['MailApp:MailApp.sendEmail']).toBe(1);
  });
});
