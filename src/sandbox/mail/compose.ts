// Builds the .eml text of a message MailApp sends, with nodemailer's MailComposer: an encoder independent of
// Gendan's own MIME builder, so the sandbox never checks that builder against itself. MailComposer lays out the MIME
// tree and its headers synchronously; nodemailer streams the bodies asynchronously, and a fake Apps Script service
// must answer synchronously, so the tree is serialized here with nodemailer's own base64 and quoted-printable encoders.
import MailComposer from 'nodemailer/lib/mail-composer';
import type MimeNode from 'nodemailer/lib/mime-node';
import * as base64 from 'nodemailer/lib/base64';
import * as qp from 'nodemailer/lib/qp';

export interface ComposeAttachment {
  filename: string | null;
  contentType: string | null;
  content: Buffer;
  /** Content-ID for an inline image referenced as cid: in the HTML. */
  cid?: string;
}

export interface ComposeInput {
  from: { name: string; address: string };
  to: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  attachments: ComposeAttachment[];
  /** Epoch milliseconds for the Date header. */
  date: number;
  messageId: string;
  /** Fixes the multipart boundaries so the same message always gives the same text. */
  boundarySeed: string;
}

function crlf(s: string): string {
  return s.replace(/\r\n|\r|\n/g, '\r\n');
}

function contentBytes(node: MimeNode): Buffer | null {
  const c = node.content;
  if (c === undefined || c === null || c === '') return null;
  if (typeof c === 'string') return Buffer.from(c, 'utf8');
  if (Buffer.isBuffer(c)) return c;
  throw new Error('compose: only string and Buffer contents are supported');
}

/** Serializes one node and its children, as MimeNode.stream does, without streams. */
function serialize(node: MimeNode, out: string[]): void {
  const encoding = node.getTransferEncoding();
  out.push(node.buildHeaders() + '\r\n\r\n');
  const bytes = contentBytes(node);
  if (bytes) {
    if (encoding === 'base64') out.push(base64.wrap(base64.encode(bytes), 76));
    else if (encoding === 'quoted-printable') out.push(qp.wrap(qp.encode(bytes), 76));
    else out.push(crlf(bytes.toString('utf8')));
  }
  if (node.multipart && node.boundary) {
    node.childNodes.forEach((child, i) => {
      out.push(`${i > 0 ? '\r\n' : ''}--${node.boundary}\r\n`);
      serialize(child, out);
    });
    out.push(`\r\n--${node.boundary}--\r\n`);
  }
}

/** The RFC 5322 text of a message, CRLF line ends, ending with a line break. */
export function composeEml(input: ComposeInput): string {
  const composer = new MailComposer({
    from: input.from,
    to: input.to || undefined,
    cc: input.cc || undefined,
    bcc: input.bcc || undefined,
    replyTo: input.replyTo || undefined,
    subject: input.subject,
    text: crlf(input.text),
    html: input.html === undefined ? undefined : crlf(input.html),
    attachments: input.attachments.map((a) => ({
      filename: a.filename ?? undefined,
      contentType: a.contentType ?? undefined,
      content: a.content,
      cid: a.cid,
    })),
    date: new Date(input.date),
    messageId: input.messageId,
    baseBoundary: input.boundarySeed,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const out: string[] = [];
  serialize(composer.compile(), out);
  const eml = out.join('');
  return eml.endsWith('\r\n') ? eml : eml + '\r\n';
}
