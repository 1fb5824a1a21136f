// The Drive advanced service (v3) for the script: Drive.Files.copy/create/get/list/update/remove over the Drive
// model, with the drive.file scope's visibility, v3's default partial responses, its error messages, and every call
// counted in the ledger (class 'drive').
import crypto from 'node:crypto';
import type { Execution } from '../env';
import { count } from '../services/common';
import { blobBytes } from '../services/blob';
import { cloneDoc, emptyDoc, type DocContent } from '../docs/model';
import { applyRequests } from '../docs/edit';
import { GoogleJsonResponseException, requireAuthorization } from './api-error';
import {
  DEFAULT_FILE_FIELDS,
  DEFAULT_LIST_FIELDS,
  FILE_FIELDS,
  FILE_LIST_FIELDS,
  FieldSelectionError,
  parseFields,
  project,
  validateFields,
} from './fields';
import { DOC_MIME, FOLDER_MIME, GOOGLE_MIME_PREFIX, driveOf, type DriveFileRecord, type DriveModel } from './model';
import { DriveQueryError, compileQuery } from './query';

type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type FileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;
type FilesCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
type FilesApi = Pick<FilesCollection, 'copy' | 'create' | 'get' | 'list' | 'update' | 'remove'>;
type Args = Record<string, unknown>;

const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 100;

/** The link a user opens the file with in a browser. */
export function webViewLink(rec: Pick<DriveFileRecord, 'id' | 'mimeType'>): string {
  if (rec.mimeType === DOC_MIME) return `https://docs.google.com/document/d/${rec.id}/edit`;
  if (rec.mimeType === FOLDER_MIME) return `https://drive.google.com/drive/folders/${rec.id}`;
  if (rec.mimeType === 'application/vnd.google-apps.spreadsheet') return `https://docs.google.com/spreadsheets/d/${rec.id}/edit`;
  return `https://drive.google.com/file/d/${rec.id}/view`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The full v3 File resource of a record, as the user sees it. */
export function toApiFile(rec: DriveFileRecord, user: string): File {
  const google = rec.mimeType.startsWith(GOOGLE_MIME_PREFIX);
  const owner = { kind: 'drive#user', displayName: rec.owner.split('@')[0], emailAddress: rec.owner, me: rec.owner === user, permissionId: crypto.createHash('md5').update(rec.owner).digest('hex').slice(0, 20) };
  const f: File & { md5Checksum?: string } = {
    kind: 'drive#file',
    id: rec.id,
    name: rec.name,
    mimeType: rec.mimeType,
    starred: rec.starred,
    trashed: rec.trashed,
    explicitlyTrashed: rec.explicitlyTrashed,
    parents: [...rec.parents],
    spaces: ['drive'],
    version: String(rec.version),
    webViewLink: webViewLink(rec),
    createdTime: iso(rec.createdTime),
    modifiedTime: iso(rec.modifiedTime),
    owners: [owner],
    ownedByMe: rec.owner === user,
    shared: rec.sharedWith.length > 0,
    isAppAuthorized: rec.origin === 'app',
    capabilities: {
      canAddChildren: rec.mimeType === FOLDER_MIME,
      canCopy: rec.mimeType !== FOLDER_MIME,
      canDelete: rec.owner === user,
      canDownload: true,
      canEdit: true,
      canListChildren: rec.mimeType === FOLDER_MIME,
      canRename: true,
      canTrash: rec.owner === user,
    },
  };
  if (rec.isRoot) delete f.parents;
  if (rec.trashedTime !== undefined) f.trashedTime = iso(rec.trashedTime);
  if (rec.description !== undefined) f.description = rec.description;
  if (Object.keys(rec.properties).length) f.properties = { ...rec.properties };
  if (Object.keys(rec.appProperties).length) f.appProperties = { ...rec.appProperties };
  if (!google && rec.bytes) {
    f.size = String(rec.bytes.length);
    f.quotaBytesUsed = String(rec.bytes.length);
    f.md5Checksum = crypto.createHash('md5').update(rec.bytes).digest('hex');
    f.originalFilename = rec.name;
    f.webContentLink = `https://drive.google.com/uc?id=${rec.id}&export=download`;
    const ext = /\.([A-Za-z0-9]+)$/.exec(rec.name);
    if (ext) {
      f.fileExtension = ext[1];
      f.fullFileExtension = ext[1];
    }
  } else {
    f.quotaBytesUsed = '0';
  }
  if (rec.mimeType === DOC_MIME) {
    f.exportLinks = {
      'application/pdf': `https://docs.google.com/feeds/download/documents/export/Export?id=${rec.id}&exportFormat=pdf`,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': `https://docs.google.com/feeds/download/documents/export/Export?id=${rec.id}&exportFormat=docx`,
    };
  }
  return f;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function stringMap(v: unknown): Record<string, string | null> | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string | null> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = x === null || x === undefined ? null : String(x);
  return out;
}

function patchMap(target: Record<string, string>, patch: Record<string, string | null> | undefined): void {
  if (!patch) return;
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete target[k];
    else target[k] = v;
  }
}

export class FakeDriveFiles implements FilesApi {
  constructor(private readonly ex: Execution) {}

  private get model(): DriveModel {
    return driveOf(this.ex.env);
  }

  private get user(): string {
    return this.ex.user.email;
  }

  private begin(method: 'copy' | 'create' | 'get' | 'list' | 'update' | 'remove', units = 0): void {
    const name = method[0].toUpperCase() + method.slice(1);
    requireAuthorization(this.ex, `Drive.Files.${name}`, 'drive.file', this.model.scopes.includes('drive.file'));
    count(this.ex, 'Drive', `Files.${method}`, 'drive', units);
  }

  private err(method: string, code: number, message: string, reason?: string): GoogleJsonResponseException {
    return new GoogleJsonResponseException(`drive.files.${method}`, code, message, reason);
  }

  private visible(method: string, fileId: unknown): DriveFileRecord {
    const id = this.model.resolve(String(fileId), this.user);
    const rec = this.model.files.get(id);
    if (!rec || !this.model.appCanSee(rec, this.user)) throw this.err(method, 404, `File not found: ${String(fileId)}.`, 'notFound');
    return rec;
  }

  private folder(method: string, id: string): DriveFileRecord {
    const rec = this.visible(method, id);
    if (rec.mimeType !== FOLDER_MIME) throw this.err(method, 400, `The parent ${id} is not a folder.`, 'invalidParent');
    return rec;
  }

  private out(method: string, value: unknown, fields: unknown, defaults: string, allowed: Set<string>): File {
    try {
      const mask = parseFields(typeof fields === 'string' && fields.trim() ? fields : defaults);
      validateFields(mask, allowed, { files: FILE_FIELDS });
      return project(value, mask) as File;
    } catch (e) {
      if (e instanceof FieldSelectionError) throw this.err(method, 400, e.message, 'invalidParameter');
      throw e;
    }
  }

  private checkOwner(method: string, rec: DriveFileRecord): void {
    if (rec.owner !== this.user) throw this.err(method, 403, 'The user does not have sufficient permissions for this file.', 'insufficientFilePermissions');
  }

  get(fileId: string): File;
  get(fileId: string, optionalArgs: Args & { alt: 'media' }): string;
  get(fileId: string, optionalArgs: Args): File;
  get(fileId: string, optionalArgs: Args = {}): File | string {
    this.begin('get');
    const rec = this.visible('get', fileId);
    if (optionalArgs.alt === 'media') {
      if (!rec.bytes) {
        throw this.err('get', 403, 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', 'fileNotDownloadable');
      }
      return rec.bytes.toString('utf8');
    }
    return this.out('get', toApiFile(rec, this.user), optionalArgs.fields, DEFAULT_FILE_FIELDS, FILE_FIELDS);
  }

  list(): FileList;
  list(optionalArgs: Args): FileList;
  list(optionalArgs: Args = {}): FileList {
    this.begin('list');
    const m = this.model;
    let pred: (f: DriveFileRecord) => boolean;
    try {
      pred = compileQuery(str(optionalArgs.q) ?? '', (id) => m.resolve(id, this.user));
    } catch (e) {
      if (e instanceof DriveQueryError) throw this.err('list', 400, 'Invalid Value', 'invalid');
      throw e;
    }
    const pageSize = optionalArgs.pageSize === undefined ? DEFAULT_PAGE_SIZE : Number(optionalArgs.pageSize);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw this.err('list', 400, 'Invalid Value', 'invalid');
    const token = str(optionalArgs.pageToken);
    let offset = 0;
    if (token) {
      const t = /^sbx(\d+)$/.exec(token);
      if (!t) throw this.err('list', 400, 'Invalid Value', 'invalid');
      offset = Number(t[1]);
    }
    const hits = [...m.files.values()].filter((f) => !f.isRoot && m.appCanSee(f, this.user) && pred(f));
    // A stable sort: ties stay in the order the files were made.
    hits.sort(this.order(str(optionalArgs.orderBy)));
    const page = hits.slice(offset, offset + pageSize);
    const result: FileList = { kind: 'drive#fileList', incompleteSearch: false, files: page.map((f) => toApiFile(f, this.user)) };
    if (offset + pageSize < hits.length) result.nextPageToken = `sbx${offset + pageSize}`;
    return this.out('list', result, optionalArgs.fields, DEFAULT_LIST_FIELDS, FILE_LIST_FIELDS) as FileList;
  }

  private order(orderBy: string | undefined): (a: DriveFileRecord, b: DriveFileRecord) => number {
    const keys = (orderBy ?? 'createdTime').split(',').map((k) => k.trim()).filter(Boolean);
    const cmps = keys.map((k) => {
      const [field, dir] = k.split(/\s+/);
      const sign = dir?.toLowerCase() === 'desc' ? -1 : 1;
      const by = (f: (r: DriveFileRecord) => number | string) => (a: DriveFileRecord, b: DriveFileRecord) => {
        const x = f(a);
        const y = f(b);
        return (x < y ? -1 : x > y ? 1 : 0) * sign;
      };
      switch (field) {
        case 'createdTime':
          return by((r) => r.createdTime);
        case 'modifiedTime':
          return by((r) => r.modifiedTime);
        case 'name':
        case 'name_natural':
          return by((r) => r.name.toLowerCase());
        case 'folder':
          return by((r) => (r.mimeType === FOLDER_MIME ? 0 : 1));
        case 'starred':
          return by((r) => (r.starred ? 0 : 1));
        default:
          throw this.err('list', 400, 'Invalid Value', 'invalid');
      }
    });
    return (a, b) => {
      for (const c of cmps) {
        const d = c(a, b);
        if (d) return d;
      }
      return 0;
    };
  }

  private parentsOf(method: string, given: unknown): string[] | undefined {
    if (given === undefined || given === null) return undefined;
    if (!Array.isArray(given)) throw this.err(method, 400, 'Invalid Value', 'invalid');
    if (given.length > 1) throw this.err(method, 403, 'Increasing the number of parents is not allowed.', 'cannotAddParent');
    return given.map((p) => this.folder(method, this.model.resolve(String(p), this.user)).id);
  }

  private applyResource(rec: DriveFileRecord, resource: File): void {
    if (resource.name !== undefined) rec.name = String(resource.name);
    if (resource.description !== undefined) rec.description = String(resource.description);
    if (resource.starred !== undefined) rec.starred = resource.starred === true;
    patchMap(rec.properties, stringMap(resource.properties));
    patchMap(rec.appProperties, stringMap(resource.appProperties));
  }

  create(resource: File): File;
  create(resource: File, mediaData: GoogleAppsScript.Base.Blob): File;
  create(resource: File, mediaData: GoogleAppsScript.Base.Blob, optionalArgs: Args): File;
  create(resource: File, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs: Args = {}): File {
    const blob = mediaData === undefined || mediaData === null ? undefined : blobBytes(mediaData);
    this.begin('create', blob ? blob.data.length : 0);
    const parents = this.parentsOf('create', resource.parents);
    const mimeType = str(resource.mimeType) ?? blob?.contentType ?? 'application/octet-stream';
    const name = str(resource.name) ?? blob?.name ?? 'Untitled';
    let bytes: Buffer | undefined;
    let doc: DocContent | undefined;
    if (mimeType.startsWith(GOOGLE_MIME_PREFIX)) {
      if (blob) {
        if (mimeType !== DOC_MIME || !/^text\/plain/.test(blob.contentType ?? '')) {
          throw this.err('create', 400, 'Conversion of the uploaded content to the requested output type is not supported.', 'badContent');
        }
        const text = blob.data.toString('utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '');
        doc = text ? applyRequests(emptyDoc(), [{ insertText: { location: { index: 1 }, text } }]).doc : undefined;
      }
    } else {
      bytes = blob ? Buffer.from(blob.data) : Buffer.alloc(0);
    }
    const rec = this.model.add({ name, mimeType, owner: this.user, origin: 'app', parents, bytes, doc });
    this.applyResource(rec, resource);
    return this.out('create', toApiFile(rec, this.user), optionalArgs.fields, DEFAULT_FILE_FIELDS, FILE_FIELDS);
  }

  copy(resource: File, fileId: string): File;
  copy(resource: File, fileId: string, optionalArgs: Args): File;
  copy(resource: File, fileId: string, optionalArgs: Args = {}): File {
    this.begin('copy');
    const src = this.visible('copy', fileId);
    if (src.mimeType === FOLDER_MIME) throw this.err('copy', 403, 'This file cannot be copied by the user.', 'cannotCopyFile');
    const m = this.model;
    // Without parents the copy inherits the source's parents the app can discover.
    const parents = this.parentsOf('copy', resource.parents) ?? src.parents.filter((p) => {
      const f = m.files.get(p);
      return f !== undefined && m.appCanSee(f, this.user);
    });
    const rec = m.add({
      name: str(resource.name) ?? `Copy of ${src.name}`,
      mimeType: src.mimeType,
      owner: this.user,
      origin: 'app',
      parents,
      bytes: src.bytes ? Buffer.from(src.bytes) : undefined,
      doc: src.doc ? { ...cloneDoc(src.doc), revision: 1 } : undefined,
    });
    if (src.description !== undefined) rec.description = src.description;
    rec.properties = { ...src.properties };
    rec.appProperties = { ...src.appProperties };
    this.applyResource(rec, resource);
    return this.out('copy', toApiFile(rec, this.user), optionalArgs.fields, DEFAULT_FILE_FIELDS, FILE_FIELDS);
  }

  update(resource: File, fileId: string): File;
  update(resource: File, fileId: string, mediaData: GoogleAppsScript.Base.Blob): File;
  update(resource: File, fileId: string, mediaData: GoogleAppsScript.Base.Blob, optionalArgs: Args): File;
  update(resource: File, fileId: string, mediaData?: GoogleAppsScript.Base.Blob | null, optionalArgs: Args = {}): File {
    const blob = mediaData === undefined || mediaData === null ? undefined : blobBytes(mediaData);
    this.begin('update', blob ? blob.data.length : 0);
    const rec = this.visible('update', fileId);
    const m = this.model;
    if (resource.parents !== undefined) {
      throw this.err('update', 403, 'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.', 'fieldNotWritable');
    }
    const ids = (v: unknown) => (str(v) ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((s) => m.resolve(s, this.user));
    const add = ids(optionalArgs.addParents).map((id) => this.folder('update', id).id);
    const remove = ids(optionalArgs.removeParents);
    const parents = rec.parents.filter((p) => !remove.includes(p));
    for (const p of add) if (!parents.includes(p)) parents.push(p);
    if (parents.length > 1) throw this.err('update', 403, 'Increasing the number of parents is not allowed.', 'cannotAddParent');
    if (blob && !rec.bytes) throw this.err('update', 400, 'Conversion of the uploaded content to the requested output type is not supported.', 'badContent');
    if (resource.trashed !== undefined && resource.trashed !== rec.trashed) this.checkOwner('update', rec);
    rec.parents = parents;
    this.applyResource(rec, resource);
    if (resource.mimeType !== undefined && !rec.mimeType.startsWith(GOOGLE_MIME_PREFIX) && !String(resource.mimeType).startsWith(GOOGLE_MIME_PREFIX)) {
      rec.mimeType = String(resource.mimeType);
    }
    if (blob) rec.bytes = Buffer.from(blob.data);
    if (resource.trashed !== undefined) this.setTrashed(rec, resource.trashed === true);
    rec.modifiedTime = m.now();
    rec.version++;
    return this.out('update', toApiFile(rec, this.user), optionalArgs.fields, DEFAULT_FILE_FIELDS, FILE_FIELDS);
  }

  private setTrashed(rec: DriveFileRecord, trashed: boolean): void {
    const t = this.model.now();
    rec.trashed = trashed;
    rec.explicitlyTrashed = trashed;
    if (trashed) rec.trashedTime = t;
    else delete rec.trashedTime;
    if (rec.mimeType !== FOLDER_MIME) return;
    // Trashing a folder trashes what is inside it; restoring it restores what was not trashed on its own.
    for (const d of this.model.descendants(rec.id)) {
      if (trashed && !d.trashed) {
        d.trashed = true;
        d.trashedTime = t;
      } else if (!trashed && !d.explicitlyTrashed) {
        d.trashed = false;
        delete d.trashedTime;
      }
    }
  }

  remove(fileId: string): void;
  remove(fileId: string, optionalArgs: Args): void;
  remove(fileId: string): void {
    this.begin('remove');
    const rec = this.visible('delete', fileId);
    this.checkOwner('delete', rec);
    const m = this.model;
    const gone = [rec, ...(rec.mimeType === FOLDER_MIME ? m.descendants(rec.id) : [])];
    for (const f of gone) {
      if (f === rec || f.owner === this.user) m.files.delete(f.id);
      else f.parents = f.parents.filter((p) => !gone.some((g) => g.id === p && g.owner === this.user));
    }
  }
}

export interface FakeDrive {
  Files: FilesApi;
  newFile(): File;
}

export function makeDriveService(ex: Execution): FakeDrive {
  return { Files: new FakeDriveFiles(ex), newFile: () => ({}) };
}
