// Builds an RFC 5322 / MIME message as text, for Gmail drafts and sends through the Gmail API (`raw`). Pure: no
// clock, no I/O, no platform encoders, so it runs unchanged in Apps Script. Every body and attachment is base64, so
// the result is 7-bit ASCII with CRLF line ends, and the multipart boundaries cannot occur inside any part.
import { normalizeBase64, utf8ToBase64, wrapLines } from './encoding';
import { addressHeader, extendedParameter, nameParameter, parseAddressList, singleLine, unstructuredHeader } from './headers';
import { formatMailDate } from './mail-date';

export { utf8ToBase64, utf8ToBase64Url, bytesToBase64, utf8Bytes } from './encoding';
export { formatMailDate } from './mail-date';

export interface MimeAttachment {
  /** File name as the recipient sees it; any language. */
  name: string;
  mimeType: string;
  /** The file's bytes in base64 (standard or url-safe; line breaks allowed). */
  base64: string;
}

export interface MimeMessageInput {
  /** Sender address; without it the From header is left out and Gmail fills in the account. */
  from?: string;
  /** Display name for `from` (ignored without `from`). */
  fromName?: string;
  /** Comma-separated recipients; may carry display names ("张三 <z@x.cn>, b@y.com"). Empty for a draft without one. */
  to: string;
  cc?: string;
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MimeAttachment[];
  /** The Date header, epoch milliseconds (written in UTC). */
  date: number;
  /** Message-ID, with or without angle brackets. */
  messageId?: string;
  /** Extra headers (X-Gendan-Key…); values may be any language. */
  headers?: Record<string, string>;
}

/** A message the builder refuses (a malformed attachment, a header it owns). */
export class MimeError extends Error {
  readonly code = 'MIME_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'MimeError';
  }
}

/** Headers the builder writes itself; callers may not set them through `headers`. */
const OWN_HEADERS = new Set(['date', 'from', 'to', 'cc', 'bcc', 'reply-to', 'subject', 'message-id', 'mime-version', 'content-type', 'content-transfer-encoding', 'content-disposition']);

/** FNV-1a over the message's identity, so the same input always gives the same boundaries. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** CRLF line ends, as RFC 5322 and the canonical form of text/* require. */
function crlf(s: string): string {
  return s.replace(/\r\n|\r|\n/g, '\r\n');
}

function textPart(subtype: 'plain' | 'html', body: string): string {
  return [
    `Content-Type: text/${subtype}; charset="UTF-8"`,
    'Content-Transfer-Encoding: base64',
    '',
    wrapLines(utf8ToBase64(crlf(body))),
  ].join('\r\n');
}

function multipart(subtype: 'alternative' | 'mixed', boundary: string, parts: string[]): string {
  const lines = [`Content-Type: multipart/${subtype};`, ` boundary="${boundary}"`, ''];
  for (const p of parts) lines.push(`--${boundary}`, p);
  lines.push(`--${boundary}--`);
  return lines.join('\r\n');
}

function attachmentPart(a: MimeAttachment, index: number): string {
  const data = normalizeBase64(a.base64);
  if (data === null) throw new MimeError(`Attachment ${index + 1} (${a.name}) is not base64 data`);
  const type = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/.test(a.mimeType.trim()) ? a.mimeType.trim().toLowerCase() : 'application/octet-stream';
  const name = singleLine(a.name).trim() || `attachment-${index + 1}`;
  return [
    `Content-Type: ${type};`,
    ` ${nameParameter('name', name)}`,
    'Content-Disposition: attachment;',
    ` ${extendedParameter('filename', name).join(';\r\n ')}`,
    'Content-Transfer-Encoding: base64',
    '',
    wrapLines(data),
  ].join('\r\n');
}

/**
 * Builds the full text of a mail message: headers, a text/plain body, an optional text/html alternative
 * (multipart/alternative) and attachments (multipart/mixed around the body).
 *
 * @example
 * const raw = buildMimeMessage({ to: '张三 <z@example.cn>', subject: '报价单 Q-001', text: '您好', date: now });
 * Gmail.Users.Drafts.create({ message: { raw: utf8ToBase64Url(raw) } }, 'me');
 */
export function buildMimeMessage(msg: MimeMessageInput): string {
  const head: string[] = [`Date: ${formatMailDate(msg.date)}`];
  if (msg.from) {
    const from = parseAddressList(msg.from)[0];
    if (from) head.push(addressHeader('From', [{ name: msg.fromName ? singleLine(msg.fromName).trim() : from.name, address: from.address }])!);
  }
  for (const [name, value] of [['To', msg.to], ['Cc', msg.cc], ['Reply-To', msg.replyTo]] as const) {
    const h = value ? addressHeader(name, value) : null;
    if (h) head.push(h);
  }
  head.push(unstructuredHeader('Subject', msg.subject));
  if (msg.messageId) {
    const id = singleLine(msg.messageId).trim().replace(/^<|>$/g, '');
    head.push(`Message-ID: <${id}>`);
  }
  for (const [name, value] of Object.entries(msg.headers ?? {})) {
    if (!/^[!-9;-~]+$/.test(name)) throw new MimeError(`Invalid header name: ${name}`);
    if (OWN_HEADERS.has(name.toLowerCase())) throw new MimeError(`Header ${name} is written by the message builder`);
    head.push(unstructuredHeader(name, value));
  }
  head.push('MIME-Version: 1.0');

  const seed = hash(`${msg.date}|${msg.to}|${msg.subject}|${msg.text.length}|${(msg.html ?? '').length}`);
  let body = textPart('plain', msg.text);
  if (msg.html !== undefined) body = multipart('alternative', `=_gendan_alt_${seed}`, [body, textPart('html', msg.html)]);
  const attachments = msg.attachments ?? [];
  if (attachments.length) body = multipart('mixed', `=_gendan_mix_${seed}`, [body, ...attachments.map(attachmentPart)]);
  return `${head.join('\r\n')}\r\n${body}\r\n`;
}
