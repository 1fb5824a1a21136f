// The Drive model: files and folders with their owners, parents, trash state, bytes (binary files) or Docs content
// (Google Docs), and which users the app may see each file for under the drive.file scope (files the app created
// for them, plus files they picked). Kept in env.ext.drive and saved as JSON in the sandbox state.
import crypto from 'node:crypto';
import type { SandboxEnv } from '../env';
import { emptyDoc, fromApiDocument, loadDoc, saveDoc, type DocContent, type SavedDoc } from '../docs/model';
import { applyRequests } from '../docs/edit';
import type { StructuralElement } from '../docs/api-types';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const DOC_MIME = 'application/vnd.google-apps.document';
export const GOOGLE_MIME_PREFIX = 'application/vnd.google-apps.';

/** OAuth scopes the user granted (granular consent lets them refuse some). */
export type DriveScope = 'drive.file' | 'documents';

export interface DriveFileRecord {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  /** Trashed itself, not through a trashed folder. */
  explicitlyTrashed: boolean;
  trashedTime?: number;
  createdTime: number;
  modifiedTime: number;
  /** Email of the owning user. */
  owner: string;
  /** Users the owner shared the file with. */
  sharedWith: string[];
  /** Who made the file: the app (through Drive/Docs calls) or the user outside the app. */
  origin: 'app' | 'user';
  /** Users for whom the app holds drive.file access: the app created the file for them, or they picked it. */
  appUsers: string[];
  /** A user's "My Drive" root folder. */
  isRoot?: boolean;
  description?: string;
  starred: boolean;
  properties: Record<string, string>;
  appProperties: Record<string, string>;
  version: number;
  /** Content of a binary file. */
  bytes?: Buffer;
  /** Content of a Google Doc. */
  doc?: DocContent;
}

interface SavedFile extends Omit<DriveFileRecord, 'bytes' | 'doc'> {
  bytes?: string;
  doc?: SavedDoc;
}

export interface DriveState {
  version: 1;
  nextId: number;
  scopes: DriveScope[];
  files: SavedFile[];
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export interface SeedFileOptions {
  name: string;
  mimeType?: string;
  /** Folder IDs; default: the owner's My Drive root. */
  parents?: string[];
  /** Default: the sandbox's default user. */
  owner?: string;
  sharedWith?: string[];
  /** The user picked it in Google Picker: the app may open it (drive.file). */
  picked?: boolean;
  bytes?: Buffer | string;
  description?: string;
}

export interface SeedDocOptions extends Omit<SeedFileOptions, 'mimeType' | 'bytes'> {
  /** Docs API requests applied to an empty document to build its content. */
  requests?: unknown[];
  /** Or the body's content in the Docs API JSON form. */
  content?: StructuralElement[];
  /** Or plain paragraphs, one per line. */
  text?: string;
}

export class DriveModel {
  readonly files = new Map<string, DriveFileRecord>();
  nextId = 1;
  scopes: DriveScope[] = ['drive.file', 'documents'];

  constructor(private readonly clock: () => number) {}

  now(): number {
    return this.clock();
  }

  /** A new file ID: 44 characters from Drive's alphabet, deterministic per model. */
  newId(): string {
    const n = this.nextId++;
    const hash = crypto.createHash('sha256').update(`gendan-sandbox-file-${n}`).digest();
    let tail = '';
    for (let i = 0; i < 36; i++) tail += ID_ALPHABET[hash[i % hash.length] % 64];
    return `1Sbx${String(n).padStart(4, '0')}${tail}`;
  }

  /** The user's My Drive root folder, created on first use. */
  root(user: string): DriveFileRecord {
    for (const f of this.files.values()) if (f.isRoot && f.owner === user) return f;
    const hash = crypto.createHash('sha256').update(`root:${user}`).digest('hex').slice(0, 14).toUpperCase();
    const rec = this.blank(`0A${hash}Uk9PVA`, 'My Drive', FOLDER_MIME, user, 'user');
    rec.isRoot = true;
    rec.parents = [];
    this.files.set(rec.id, rec);
    return rec;
  }

  /** Resolves the "root" alias. */
  resolve(id: string, user: string): string {
    return id === 'root' ? this.root(user).id : id;
  }

  private blank(id: string, name: string, mimeType: string, owner: string, origin: 'app' | 'user'): DriveFileRecord {
    const t = this.now();
    return {
      id,
      name,
      mimeType,
      parents: [],
      trashed: false,
      explicitlyTrashed: false,
      createdTime: t,
      modifiedTime: t,
      owner,
      sharedWith: [],
      origin,
      appUsers: origin === 'app' ? [owner] : [],
      starred: false,
      properties: {},
      appProperties: {},
      version: 1,
    };
  }

  /** Adds a file record (the Drive fakes validate visibility before calling this). */
  add(opts: { name: string; mimeType: string; owner: string; origin: 'app' | 'user'; parents?: string[]; bytes?: Buffer; doc?: DocContent }): DriveFileRecord {
    const rec = this.blank(this.newId(), opts.name, opts.mimeType, opts.owner, opts.origin);
    rec.parents = opts.parents && opts.parents.length ? [...opts.parents] : [this.root(opts.owner).id];
    if (opts.bytes) rec.bytes = opts.bytes;
    if (opts.mimeType === DOC_MIME) rec.doc = opts.doc ?? emptyDoc();
    this.files.set(rec.id, rec);
    return rec;
  }

  /** True when the user can open the file in Drive (owner or shared with them). */
  userCanAccess(rec: DriveFileRecord, user: string): boolean {
    return rec.owner === user || rec.sharedWith.includes(user);
  }

  /** drive.file: the app sees the file for this user only if it created it for them or they picked it. */
  appCanSee(rec: DriveFileRecord, user: string): boolean {
    if (rec.isRoot) return rec.owner === user;
    return this.userCanAccess(rec, user) && rec.appUsers.includes(user);
  }

  /** The documents scope lets the app open any Doc the user can access; without it, drive.file rules apply. */
  appCanOpenDoc(rec: DriveFileRecord, user: string): boolean {
    if (rec.mimeType !== DOC_MIME) return false;
    return this.scopes.includes('documents') ? this.userCanAccess(rec, user) : this.appCanSee(rec, user);
  }

  /** Marks a file as picked by the user in Google Picker (with setAppId), granting the app drive.file access. */
  pick(id: string, user: string): DriveFileRecord {
    const rec = this.files.get(id);
    if (!rec) throw new Error(`No Drive file ${id}`);
    if (!this.userCanAccess(rec, user)) throw new Error(`${user} cannot open ${rec.name} in Drive, so cannot pick it`);
    if (!rec.appUsers.includes(user)) rec.appUsers.push(user);
    return rec;
  }

  /** A file the user owns outside the app (a template, a folder, a PDF); visible to the app only when picked. */
  seedFile(opts: SeedFileOptions, defaultUser: string): DriveFileRecord {
    const owner = opts.owner ?? defaultUser;
    const mimeType = opts.mimeType ?? 'application/octet-stream';
    const given = typeof opts.bytes === 'string' ? Buffer.from(opts.bytes, 'utf8') : opts.bytes;
    const bytes = mimeType.startsWith(GOOGLE_MIME_PREFIX) ? undefined : (given ?? Buffer.alloc(0));
    const rec = this.add({ name: opts.name, mimeType, owner, origin: 'user', parents: opts.parents, bytes });
    rec.sharedWith = [...(opts.sharedWith ?? [])];
    if (opts.description) rec.description = opts.description;
    if (opts.picked) this.pick(rec.id, owner);
    return rec;
  }

  /** A Google Doc the user owns (e.g. a quotation template), built from requests, API JSON or plain text. */
  seedDoc(opts: SeedDocOptions, defaultUser: string): DriveFileRecord {
    const rec = this.seedFile({ ...opts, mimeType: DOC_MIME }, defaultUser);
    let doc = emptyDoc();
    if (opts.content) doc = fromApiDocument({ body: { content: opts.content } });
    else if (opts.text !== undefined && opts.text !== '') {
      doc = applyRequests(doc, [{ insertText: { location: { index: 1 }, text: opts.text.replace(/\n$/, '') } }]).doc;
    }
    if (opts.requests?.length) doc = applyRequests(doc, opts.requests).doc;
    doc.revision = 1;
    rec.doc = doc;
    return rec;
  }

  /** Every file under a folder, recursively (the folder itself excluded). */
  descendants(folderId: string): DriveFileRecord[] {
    const out: DriveFileRecord[] = [];
    const walk = (id: string) => {
      for (const f of this.files.values()) {
        if (f.parents.includes(id) && !out.includes(f)) {
          out.push(f);
          if (f.mimeType === FOLDER_MIME) walk(f.id);
        }
      }
    };
    walk(folderId);
    return out;
  }

  /** Google Docs and binary files, for exporters. */
  list(): DriveFileRecord[] {
    return [...this.files.values()];
  }

  /** Folder path of a file as names ("My Drive/Gendan/Quotations"), for reports. */
  pathOf(rec: DriveFileRecord): string {
    const names: string[] = [];
    let cur: DriveFileRecord | undefined = rec;
    const seen = new Set<string>();
    while (cur && cur.parents.length && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = this.files.get(cur.parents[0]);
      if (cur) names.unshift(cur.name);
    }
    return names.join('/');
  }

  toJSON(): DriveState {
    return {
      version: 1,
      nextId: this.nextId,
      scopes: [...this.scopes],
      files: [...this.files.values()].map((f) => {
        const { bytes, doc, ...rest } = f;
        const out: SavedFile = { ...rest, parents: [...rest.parents], sharedWith: [...rest.sharedWith], appUsers: [...rest.appUsers] };
        if (bytes) out.bytes = bytes.toString('base64');
        if (doc) out.doc = saveDoc(doc);
        return out;
      }),
    };
  }

  static fromJSON(state: DriveState, clock: () => number): DriveModel {
    const m = new DriveModel(clock);
    m.nextId = state.nextId;
    m.scopes = [...state.scopes];
    for (const f of state.files) {
      const { bytes, doc, ...rest } = f;
      const rec: DriveFileRecord = { ...rest };
      if (bytes !== undefined) rec.bytes = Buffer.from(bytes, 'base64');
      if (doc) rec.doc = loadDoc(doc);
      m.files.set(rec.id, rec);
    }
    return m;
  }
}

/** The environment's Drive model, created on first use. */
export function driveOf(env: SandboxEnv): DriveModel {
  const cur = env.ext.drive;
  if (cur instanceof DriveModel) return cur;
  const m = new DriveModel(() => env.now);
  env.ext.drive = m;
  return m;
}

/** Seeds a user-owned file (picked or not) into the environment's Drive. */
export function seedUserFile(env: SandboxEnv, opts: SeedFileOptions): DriveFileRecord {
  return driveOf(env).seedFile(opts, env.defaultUser.email);
}

/** Seeds a user-owned Google Doc, e.g. a template the user then picks: seedUserDoc(env, { name, text, picked: true }). */
export function seedUserDoc(env: SandboxEnv, opts: SeedDocOptions): DriveFileRecord {
  return driveOf(env).seedDoc(opts, env.defaultUser.email);
}

/** The user picks a file in Google Picker: the app may open it from now on. */
export function pickFile(env: SandboxEnv, id: string, user?: string): DriveFileRecord {
  return driveOf(env).pick(id, user ?? env.defaultUser.email);
}
