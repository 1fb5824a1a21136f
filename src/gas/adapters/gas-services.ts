// The non-spreadsheet adapters: document lock, properties, UI, triggers, Drive files, Docs, mail, clock, user, log.
import {
  LockBusy,
  type Attachment,
  type Clock,
  type DocsDocument,
  type DocsRequest,
  type DocumentRenderer,
  type DraftHeader,
  type DriveFile,
  type FileStore,
  type KeyValueStore,
  type Lock,
  type Log,
  type Mailer,
  type OutgoingMail,
  type TriggerInfo,
  type Triggers,
  type Ui,
  type UserInfo,
} from '../../ports';
import { buildMimeMessage } from '../../domain/mail/mime';

export class GasLock implements Lock {
  withDocumentLock<T>(timeoutMs: number, fn: () => T): T {
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(timeoutMs)) throw new LockBusy();
    try {
      return fn();
    } finally {
      // Apps Script's advice: flush pending sheet writes before another execution can take the lock.
      SpreadsheetApp.flush();
      lock.releaseLock();
    }
  }
  withUserLock<T>(timeoutMs: number, fn: () => T): T {
    const lock = LockService.getUserLock();
    if (!lock.tryLock(timeoutMs)) throw new LockBusy();
    try {
      return fn();
    } finally {
      try {
        lock.releaseLock();
      } catch (e) {
        // Apps Script releases every lock when the script ends; a failed early release changes nothing.
        console.warn('user lock release failed', e instanceof Error ? e.message : String(e));
      }
    }
  }
}

export class GasProperties implements KeyValueStore {
  constructor(private readonly store: GoogleAppsScript.Properties.Properties) {}
  get(key: string): string | null {
    return this.store.getProperty(key);
  }
  getAll(): Record<string, string> {
    return this.store.getProperties();
  }
  set(key: string, value: string): void {
    this.store.setProperty(key, value);
  }
  setAll(values: Record<string, string>): void {
    this.store.setProperties(values, false);
  }
  delete(key: string): void {
    this.store.deleteProperty(key);
  }
}

/** JSON for a <script> block: "<" escaped so no data can close the script element. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data ?? null).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export class GasUi implements Ui {
  private ui(): GoogleAppsScript.Base.Ui {
    return SpreadsheetApp.getUi();
  }
  alert(title: string, message: string): void {
    const ui = this.ui();
    ui.alert(title, message, ui.ButtonSet.OK);
  }
  confirm(title: string, message: string): boolean {
    const ui = this.ui();
    return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
  }
  private page(file: string, title: string, data?: unknown): GoogleAppsScript.HTML.HtmlOutput {
    const t = HtmlService.createTemplateFromFile(file);
    (t as unknown as { data: string }).data = scriptJson(data);
    return t.evaluate().setTitle(title);
  }
  showSidebar(file: string, title: string, data?: unknown): void {
    this.ui().showSidebar(this.page(file, title, data));
  }
  showDialog(file: string, title: string, data?: unknown, width = 640, height = 480): void {
    this.ui().showModalDialog(this.page(file, title, data).setWidth(width).setHeight(height), title);
  }
}

function triggerKind(t: GoogleAppsScript.Script.Trigger): TriggerInfo['kind'] {
  switch (String(t.getEventType())) {
    case 'CLOCK':
      return 'clock';
    case 'ON_EDIT':
      return 'edit';
    case 'ON_CHANGE':
      return 'change';
    case 'ON_OPEN':
      return 'open';
    default:
      return 'other';
  }
}

export class GasTriggers implements Triggers {
  list(): TriggerInfo[] {
    return ScriptApp.getProjectTriggers().map((t) => ({ id: t.getUniqueId(), handler: t.getHandlerFunction(), kind: triggerKind(t) }));
  }
  private info(t: GoogleAppsScript.Script.Trigger): TriggerInfo {
    return { id: t.getUniqueId(), handler: t.getHandlerFunction(), kind: triggerKind(t) };
  }
  addDaily(handler: string, hour: number): TriggerInfo {
    return this.info(ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).create());
  }
  addHourly(handler: string): TriggerInfo {
    return this.info(ScriptApp.newTrigger(handler).timeBased().everyHours(1).create());
  }
  addOnChange(handler: string): TriggerInfo {
    return this.info(ScriptApp.newTrigger(handler).forSpreadsheet(SpreadsheetApp.getActive()).onChange().create());
  }
  addOnce(handler: string, afterMs: number): TriggerInfo {
    return this.info(ScriptApp.newTrigger(handler).timeBased().after(afterMs).create());
  }
  remove(id: string): void {
    for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === id) ScriptApp.deleteTrigger(t);
  }
}

/** An advanced service, or a clear error when the manifest does not enable it. */
function advanced<T>(service: T | undefined, name: string): T {
  if (!service) throw new Error(`The ${name} advanced service is not enabled (appsscript.json dependencies.enabledAdvancedServices).`);
  return service;
}

type DriveFileResource = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

const FOLDER = 'application/vnd.google-apps.folder';
const GDOC = 'application/vnd.google-apps.document';
const FIELDS = 'id,name,mimeType,webViewLink';

function quoteQ(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function toFile(f: DriveFileResource): DriveFile {
  return { id: f.id ?? '', name: f.name ?? '', url: f.webViewLink ?? '', mimeType: f.mimeType ?? '' };
}

/** Drive through the advanced service (v3), which works under the drive.file scope. */
export class GasFiles implements FileStore {
  private drive(): GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection {
    return advanced(Drive, 'Drive').Files;
  }
  ensureFolder(name: string, parentId?: string): DriveFile {
    const q = [`name = ${quoteQ(name)}`, `mimeType = '${FOLDER}'`, 'trashed = false'];
    if (parentId) q.push(`${quoteQ(parentId)} in parents`);
    const found = this.drive().list({ q: q.join(' and '), fields: `files(${FIELDS})`, pageSize: 1 }).files ?? [];
    if (found.length) return toFile(found[0]);
    const resource: DriveFileResource = { name, mimeType: FOLDER };
    if (parentId) resource.parents = [parentId];
    return toFile(this.drive().create(resource, undefined as unknown as GoogleAppsScript.Base.Blob, { fields: FIELDS }));
  }
  findFile(id: string): DriveFile | null {
    try {
      const f = this.drive().get(id, { fields: `${FIELDS},trashed` });
      return f.trashed ? null : toFile(f);
    } catch {
      return null;
    }
  }
  copyFile(sourceId: string, name: string, folderId: string): DriveFile {
    return toFile(this.drive().copy({ name, parents: [folderId] }, sourceId, { fields: FIELDS }));
  }
  createFile(name: string, mimeType: string, blob: unknown, folderId: string): DriveFile {
    return toFile(this.drive().create({ name, mimeType, parents: [folderId] }, blob as GoogleAppsScript.Base.Blob, { fields: FIELDS }));
  }
  createDoc(name: string, folderId: string): DriveFile {
    return toFile(this.drive().create({ name, mimeType: GDOC, parents: [folderId] }, undefined as unknown as GoogleAppsScript.Base.Blob, { fields: FIELDS }));
  }
  trash(id: string): void {
    this.drive().update({ trashed: true }, id);
  }
  listByPrefix(folderId: string, prefix: string): DriveFile[] {
    const q = `${quoteQ(folderId)} in parents and name contains ${quoteQ(prefix)} and trashed = false`;
    return (this.drive().list({ q, fields: `files(${FIELDS})`, pageSize: 100 }).files ?? []).map(toFile).filter((f) => f.name.startsWith(prefix));
  }
  listChildren(folderId: string, mimeType?: string): DriveFile[] {
    const q = [`${quoteQ(folderId)} in parents`, 'trashed = false'];
    if (mimeType) q.push(`mimeType = ${quoteQ(mimeType)}`);
    const out: DriveFile[] = [];
    let pageToken: string | undefined;
    do {
      const args: Record<string, unknown> = { q: q.join(' and '), fields: `nextPageToken,files(${FIELDS})`, pageSize: 1000 };
      if (pageToken) args.pageToken = pageToken;
      const page = this.drive().list(args);
      out.push(...(page.files ?? []).map(toFile));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return out;
  }
}

/** Docs through the advanced service (one get, one batchUpdate per document); PDF through DocumentApp. */
export class GasDocs implements DocumentRenderer {
  get(documentId: string): DocsDocument {
    return advanced(Docs, 'Docs').Documents!.get(documentId) as unknown as DocsDocument;
  }
  batchUpdate(documentId: string, requests: DocsRequest[]): void {
    if (!requests.length) return;
    advanced(Docs, 'Docs').Documents!.batchUpdate({ requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId);
  }
  pdf(documentId: string, name: string): unknown {
    return DocumentApp.openById(documentId).getAs('application/pdf').setName(name);
  }
}

function blobsOf(attachments: Attachment[] | undefined): GoogleAppsScript.Base.Blob[] {
  return (attachments ?? []).map((a) => a.blob as GoogleAppsScript.Base.Blob);
}

/** Sends through MailApp (script.send_mail) and drafts through the Gmail advanced service (gmail.compose). */
export class GasMailer implements Mailer {
  constructor(private readonly from: string) {}
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }
  send(mail: OutgoingMail): void {
    const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
      to: mail.to,
      subject: mail.subject,
      body: mail.text,
      htmlBody: mail.html,
      attachments: blobsOf(mail.attachments),
    };
    if (mail.cc) message.cc = mail.cc;
    if (mail.name) message.name = mail.name;
    if (mail.replyTo) message.replyTo = mail.replyTo;
    MailApp.sendEmail(message);
  }
  draft(mail: OutgoingMail): string {
    const raw = buildMimeMessage({
      from: this.from || undefined,
      fromName: mail.name,
      to: mail.to,
      cc: mail.cc,
      replyTo: mail.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      date: Date.now(),
      attachments: (mail.attachments ?? []).map((a) => ({
        name: a.name,
        mimeType: a.mimeType,
        base64: Utilities.base64Encode((a.blob as GoogleAppsScript.Base.Blob).getBytes()),
      })),
      headers: mail.headers,
    });
    const draft = advanced(Gmail, 'Gmail').Users!.Drafts!.create({ message: { raw: Utilities.base64EncodeWebSafe(raw) } }, 'me');
    return String(draft.id ?? '');
  }
  sendDraft(draftId: string): void {
    advanced(Gmail, 'Gmail').Users!.Drafts!.send({ id: draftId }, 'me');
  }
  draftIds(limit: number): string[] {
    const page = advanced(Gmail, 'Gmail').Users!.Drafts!.list('me', { maxResults: limit });
    return (page.drafts ?? []).map((d) => String(d.id ?? '')).filter((id) => id !== '');
  }
  draftHeader(draftId: string, header: string): DraftHeader | null {
    let draft: GoogleAppsScript.Gmail.Schema.Draft;
    try {
      draft = advanced(Gmail, 'Gmail').Users!.Drafts!.get('me', draftId, { format: 'metadata', metadataHeaders: [header] });
    } catch (e) {
      // A sent or deleted draft answers 404 "Requested entity was not found."; anything else is a real failure.
      if (/not found|404/i.test(e instanceof Error ? e.message : String(e))) return null;
      throw e;
    }
    const wanted = header.toLowerCase();
    const found = (draft.message?.payload?.headers ?? []).find((h) => String(h.name ?? '').toLowerCase() === wanted);
    return { createdAt: Number(draft.message?.internalDate ?? 0), value: String(found?.value ?? '') };
  }
}

export class GasClock implements Clock {
  now(): number {
    return Date.now();
  }
}

export class GasUser implements UserInfo {
  email(): string {
    try {
      return Session.getActiveUser().getEmail();
    } catch {
      return '';
    }
  }
  locale(): string {
    return Session.getActiveUserLocale();
  }
}

export class GasLog implements Log {
  info(message: string): void {
    console.log(message);
  }
  error(message: string, error?: unknown): void {
    console.error(message, error instanceof Error ? `${error.name}: ${error.message}` : String(error ?? ''));
  }
}
