// MailApp for the script: sendEmail in its three call forms and getRemainingDailyQuota, with Apps Script's checks
// (authorization, recipients, per-message limits, the daily recipient quota). A sent message is recorded as an .eml
// built by nodemailer's MailComposer; a refused one records nothing and takes no quota.
import type { Execution } from '../env';
import { count, gasError } from '../services/common';
import { blobBytes } from '../services/blob';
import { parseAddressList } from '../../domain/mail/headers';
import { composeEml, type ComposeAttachment } from './compose';
import { addMailRecord, dailyMailLimit, hasMailQuota, remainingMailQuota, takeMailQuota } from './model';

type MailAppApi = Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>;
type MailOptions = GoogleAppsScript.Mail.MailAdvancedParameters;

const MAX_RECIPIENTS = 50;
const MAX_ATTACHMENTS = 250;
const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

interface SendRequest {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  body: string;
  html?: string;
  name?: string;
  noReply: boolean;
  attachments: ComposeAttachment[];
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** Normalizes the call forms: (message), (to, subject, body[, options]) and (to, replyTo, subject, body). */
function requestOf(args: unknown[]): SendRequest {
  let o: MailOptions;
  let to: string;
  let subject: string;
  let body: string;
  let replyTo = '';
  if (args.length === 1 && args[0] && typeof args[0] === 'object') {
    o = args[0] as MailOptions;
    to = str(o.to);
    subject = str(o.subject);
    body = str(o.body);
  } else if (args.length === 4 && typeof args[3] === 'string') {
    o = {};
    [to, replyTo, subject, body] = args.map(str);
  } else {
    if (args.length < 3) throw gasError('The parameters (String) don\'t match the method signature for MailApp.sendEmail.');
    o = ((args[3] && typeof args[3] === 'object' ? args[3] : {}) as MailOptions);
    to = str(args[0]);
    subject = str(args[1]);
    body = str(args[2]);
  }
  const attachments: ComposeAttachment[] = [];
  const list = o.attachments;
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list)) throw gasError('Invalid argument: attachments');
    for (const item of list) {
      const b = blobBytes(item);
      attachments.push({ filename: b.name, contentType: b.contentType, content: b.data });
    }
  }
  for (const [cid, src] of Object.entries(o.inlineImages ?? {})) {
    const b = blobBytes(src);
    attachments.push({ filename: b.name, contentType: b.contentType, content: b.data, cid });
  }
  return {
    to,
    cc: str(o.cc),
    bcc: str(o.bcc),
    replyTo: str(o.replyTo) || replyTo,
    subject,
    body,
    html: o.htmlBody === undefined || o.htmlBody === null ? undefined : String(o.htmlBody),
    name: o.name === undefined || o.name === null ? undefined : String(o.name),
    noReply: o.noReply === true,
    attachments,
  };
}

/** Unique recipient addresses; throws Apps Script's "Invalid email" on a malformed one. */
function recipients(req: SendRequest): string[] {
  const seen = new Set<string>();
  for (const field of [req.to, req.cc, req.bcc]) {
    for (const a of parseAddressList(field)) {
      if (!EMAIL.test(a.address)) throw gasError(`Invalid email: ${a.address}`);
      seen.add(a.address.toLowerCase());
    }
  }
  return [...seen];
}

export class FakeMailApp implements MailAppApi {
  constructor(private readonly ex: Execution) {}

  private authorize(method: string): void {
    if (this.ex.authMode !== 'FULL') {
      throw gasError(`You do not have permission to call ${method}. Required permissions: https://www.googleapis.com/auth/script.send_mail`);
    }
  }

  getRemainingDailyQuota(): number {
    count(this.ex, 'MailApp', 'MailApp.getRemainingDailyQuota', 'store');
    this.authorize('MailApp.getRemainingDailyQuota');
    return remainingMailQuota(this.ex.env, this.ex.user.email);
  }

  sendEmail(a: string | MailOptions, b?: string, c?: string, d?: string | MailOptions): void {
    count(this.ex, 'MailApp', 'MailApp.sendEmail', 'mail');
    this.authorize('MailApp.sendEmail');
    const args: unknown[] = [a, b, c, d];
    while (args.length && args[args.length - 1] === undefined) args.pop();
    const req = requestOf(args);
    const env = this.ex.env;
    const user = this.ex.user.email;
    const to = recipients(req);
    if (!to.length) throw gasError('Failed to send email: no recipient');
    if (to.length > MAX_RECIPIENTS) throw gasError('Limit Exceeded: Email Recipients Per Message.');
    if (req.attachments.length > MAX_ATTACHMENTS) throw gasError('Limit Exceeded: Email Attachments Per Message.');
    if (req.attachments.reduce((n, x) => n + x.content.length, 0) > MAX_ATTACHMENT_BYTES) throw gasError('Limit Exceeded: Email Total Attachments Size.');
    const bodyLimit = dailyMailLimit(env, user) > 100 ? 400 * 1024 : 200 * 1024;
    if (Buffer.byteLength(req.body) + Buffer.byteLength(req.html ?? '') > bodyLimit) throw gasError('Limit Exceeded: Email Body Size.');
    if (!hasMailQuota(env, user, to.length)) throw gasError('Service invoked too many times for one day: email.');
    const domain = user.split('@')[1] ?? 'example.com';
    // noReply is a Workspace feature; consumer Gmail accounts keep their own address.
    const fromAddress = req.noReply && domain !== 'gmail.com' ? `noreply@${domain}` : user;
    const meta = { kind: 'sent' as const, via: 'MailApp' as const, user, to: req.to, cc: req.cc, bcc: req.bcc, subject: req.subject, at: env.now };
    addMailRecord(env, meta, ({ messageId }) =>
      composeEml({
        from: { name: req.name ?? '', address: fromAddress },
        to: req.to,
        cc: req.cc,
        bcc: req.bcc,
        replyTo: req.replyTo,
        subject: req.subject,
        text: req.body,
        html: req.html,
        attachments: req.attachments,
        date: env.now,
        messageId: `<${messageId}.${env.now}@mail.sandbox.gendan>`,
        boundarySeed: `gendan-${messageId}`,
      }),
    );
    takeMailQuota(env, user, to.length);
  }
}
