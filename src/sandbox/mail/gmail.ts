// The Gmail advanced service (Gmail API v1) for the script: Users.Drafts create/list/get/remove/send and
// Users.Messages.send over base64url `raw` messages, with the API's errors as Apps Script reports them
// (GoogleJsonResponseException). Drafts take no MailApp quota; sends through the API are limited by Gmail's own
// sending limits, which the sandbox does not model.
import type { Execution } from '../env';
import { count } from '../services/common';
import { blobBytes } from '../services/blob';
import { addMailRecord, mailModel, mailRecords, removeMailRecord, type MailRecord } from './model';
import { headerValue, parseRawHeaders, recipientsOf, type RawHeader } from './raw-headers';

type Draft = GoogleAppsScript.Gmail.Schema.Draft;
type Message = GoogleAppsScript.Gmail.Schema.Message;
type ListDraftsResponse = GoogleAppsScript.Gmail.Schema.ListDraftsResponse;
type DraftsApi = Pick<GoogleAppsScript.Gmail.Collection.Users.DraftsCollection, 'create' | 'get' | 'list' | 'remove' | 'send'>;
type MessagesApi = Pick<GoogleAppsScript.Gmail.Collection.Users.MessagesCollection, 'send'>;

/** The part of the Gmail advanced service Gendan uses. */
export interface GmailApi {
  Users: { Drafts: DraftsApi; Messages: MessagesApi };
}

/** Apps Script's error for a failed advanced-service call. */
export class GoogleJsonResponseException extends Error {
  readonly details: { code: number; message: string };
  constructor(apiMethod: string, code: number, message: string) {
    super(`API call to ${apiMethod} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message };
  }
}

function decodeRaw(raw: string): string {
  const bytes = Buffer.from(raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.toString('utf8');
}

function encodeRaw(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function schemaHeaders(headers: RawHeader[]): { name: string; value: string }[] {
  return headers.map((h) => ({ name: h.name, value: h.value }));
}

class FakeDrafts implements DraftsApi {
  constructor(private readonly ex: Execution) {}

  private c(method: string): void {
    count(this.ex, 'Gmail', `Drafts.${method}`, 'mail');
  }

  private check(apiMethod: string, userId: string): void {
    checkAccess(this.ex, apiMethod, userId);
  }

  private find(apiMethod: string, id: string): MailRecord {
    const d = mailRecords(this.ex.env, { kind: 'draft', user: this.ex.user.email }).find((r) => r.id === id);
    if (!d) throw new GoogleJsonResponseException(apiMethod, 404, 'Requested entity was not found.');
    return d;
  }

  create(resource: Draft, userId: string, mediaData?: unknown): Draft {
    this.c('create');
    const api = 'gmail.users.drafts.create';
    this.check(api, userId);
    const text = rawOf(api, resource.message, mediaData);
    const headers = parseRawHeaders(text);
    const rec = addMailRecord(this.ex.env, { kind: 'draft', via: 'Gmail', ...metaOf(this.ex, headers) }, text);
    return { id: rec.id, message: { id: rec.messageId, threadId: rec.threadId, labelIds: this.ex.newArray(['DRAFT']) } };
  }

  list(userId: string, optionalArgs?: object): ListDraftsResponse {
    this.c('list');
    this.check('gmail.users.drafts.list', userId);
    const args = (optionalArgs ?? {}) as { maxResults?: number; pageToken?: string };
    const all = mailRecords(this.ex.env, { kind: 'draft', user: this.ex.user.email }).reverse();
    const start = args.pageToken ? Number(args.pageToken) || 0 : 0;
    const size = Math.max(1, Math.min(500, Number(args.maxResults ?? 100)));
    const page = all.slice(start, start + size);
    const out: ListDraftsResponse = { resultSizeEstimate: all.length };
    // The API leaves out empty lists.
    if (page.length) out.drafts = this.ex.newArray(page.map((d) => ({ id: d.id, message: { id: d.messageId, threadId: d.threadId } })));
    if (start + size < all.length) out.nextPageToken = String(start + size);
    return out;
  }

  get(userId: string, id: string, optionalArgs?: object): Draft {
    this.c('get');
    const api = 'gmail.users.drafts.get';
    this.check(api, userId);
    const d = this.find(api, id);
    const format = String((optionalArgs as { format?: string } | undefined)?.format ?? 'full').toLowerCase();
    const message: Message = { id: d.messageId, threadId: d.threadId, labelIds: this.ex.newArray(['DRAFT']), internalDate: String(d.at) };
    if (format === 'raw') message.raw = encodeRaw(d.raw);
    else if (format === 'full' || format === 'metadata') {
      const headers = parseRawHeaders(d.raw);
      message.payload = { mimeType: headerValue(headers, 'Content-Type').split(';')[0].trim() || 'text/plain', headers: this.ex.newArray(schemaHeaders(headers)) };
    } else if (format !== 'minimal') {
      throw new GoogleJsonResponseException(api, 400, `Invalid value at 'format' (${format})`);
    }
    return { id: d.id, message };
  }

  remove(userId: string, id: string): void {
    this.c('remove');
    const api = 'gmail.users.drafts.delete';
    this.check(api, userId);
    removeMailRecord(this.ex.env, this.find(api, id).id);
  }

  send(resource: Draft, userId: string, mediaData?: unknown): Message {
    this.c('send');
    const api = 'gmail.users.drafts.send';
    this.check(api, userId);
    if (!resource || !resource.id) throw new GoogleJsonResponseException(api, 400, 'Invalid draft');
    const d = this.find(api, resource.id);
    const text = resource.message?.raw || (mediaData !== undefined && mediaData !== null) ? rawOf(api, resource.message, mediaData) : d.raw;
    const sent = recordSend(this.ex, api, text, d.threadId);
    removeMailRecord(this.ex.env, d.id);
    return sent;
  }
}

class FakeMessages implements MessagesApi {
  constructor(private readonly ex: Execution) {}

  send(resource: Message, userId: string, mediaData?: unknown): Message {
    count(this.ex, 'Gmail', 'Messages.send', 'mail');
    const api = 'gmail.users.messages.send';
    checkAccess(this.ex, api, userId);
    return recordSend(this.ex, api, rawOf(api, resource, mediaData), resource?.threadId ?? undefined);
  }
}

function checkAccess(ex: Execution, apiMethod: string, userId: string): void {
  if (ex.authMode !== 'FULL') {
    throw new GoogleJsonResponseException(apiMethod, 401, 'Request is missing required authentication credential.');
  }
  if (userId !== 'me' && userId.toLowerCase() !== ex.user.email.toLowerCase()) {
    throw new GoogleJsonResponseException(apiMethod, 403, 'Delegation denied for ' + ex.user.email);
  }
}

/** The message text from `message.raw` (base64url) or an uploaded message/rfc822 blob. */
function rawOf(apiMethod: string, message: Message | undefined, mediaData: unknown): string {
  if (message?.raw) {
    if (!/^[A-Za-z0-9+/_=\s-]*$/.test(message.raw)) throw new GoogleJsonResponseException(apiMethod, 400, "Invalid value at 'message.raw' (TYPE_BYTES), Base64 decoding failed");
    const text = decodeRaw(message.raw);
    if (!parseRawHeaders(text).length) throw new GoogleJsonResponseException(apiMethod, 400, 'Invalid raw message: no headers');
    return text;
  }
  if (mediaData !== undefined && mediaData !== null) return blobBytes(mediaData).data.toString('utf8');
  throw new GoogleJsonResponseException(apiMethod, 400, "'raw' RFC822 payload message string or uploading message via /upload/* URL required");
}

function metaOf(ex: Execution, headers: RawHeader[]): Pick<MailRecord, 'user' | 'to' | 'cc' | 'bcc' | 'subject' | 'at'> {
  return {
    user: ex.user.email,
    to: headerValue(headers, 'To'),
    cc: headerValue(headers, 'Cc'),
    bcc: headerValue(headers, 'Bcc'),
    subject: headerValue(headers, 'Subject'),
    at: ex.env.now,
  };
}

function recordSend(ex: Execution, apiMethod: string, text: string, threadId?: string): Message {
  const headers = parseRawHeaders(text);
  if (!recipientsOf(headers).length) throw new GoogleJsonResponseException(apiMethod, 400, 'Recipient address required');
  const rec = addMailRecord(ex.env, { kind: 'sent', via: 'Gmail', threadId, ...metaOf(ex, headers) }, text);
  return { id: rec.messageId, threadId: rec.threadId, labelIds: ex.newArray(['SENT']) };
}

/** The Gmail advanced service bound to one execution. */
export function makeGmail(ex: Execution): GmailApi {
  mailModel(ex.env);
  return { Users: { Drafts: new FakeDrafts(ex), Messages: new FakeMessages(ex) } };
}
