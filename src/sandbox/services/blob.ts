// Blob and Utilities.newBlob: bytes with a content type and a name, as Apps Script's Base.Blob.
import type { Execution } from '../env';
import { count, fromAnyBytes, gasError, toSignedBytes } from './common';

type BlobApi = Pick<
  GoogleAppsScript.Base.Blob,
  'getBytes' | 'getDataAsString' | 'getContentType' | 'setContentType' | 'getName' | 'setName' | 'copyBlob' | 'setDataFromString' | 'setBytes' | 'isGoogleType'
>;

export class FakeBlob implements BlobApi {
  /** Host-side bytes; the sandbox's exporters read them directly. */
  data: Buffer;
  contentType: string | null;
  name: string | null;

  constructor(data: Buffer, contentType: string | null = null, name: string | null = null, private readonly ex?: Execution) {
    this.data = data;
    this.contentType = contentType;
    this.name = name;
  }

  private c(method: string): void {
    if (this.ex) count(this.ex, 'Utilities', `Blob.${method}`, 'handle');
  }

  getBytes(): number[] {
    this.c('getBytes');
    return toSignedBytes(this.data);
  }
  getDataAsString(charset?: string): string {
    this.c('getDataAsString');
    return this.data.toString(charset && /^utf-?8$/i.test(charset) ? 'utf8' : charset ? 'latin1' : 'utf8');
  }
  getContentType(): string | null {
    this.c('getContentType');
    return this.contentType;
  }
  setContentType(contentType: string | null): GoogleAppsScript.Base.Blob {
    this.c('setContentType');
    this.contentType = contentType;
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
  getName(): string | null {
    this.c('getName');
    return this.name;
  }
  setName(name: string): GoogleAppsScript.Base.Blob {
    this.c('setName');
    this.name = name;
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
  copyBlob(): GoogleAppsScript.Base.Blob {
    this.c('copyBlob');
    return new FakeBlob(Buffer.from(this.data), this.contentType, this.name, this.ex) as unknown as GoogleAppsScript.Base.Blob;
  }
  setDataFromString(string: string): GoogleAppsScript.Base.Blob {
    this.c('setDataFromString');
    this.data = Buffer.from(string, 'utf8');
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
  setBytes(data: number[]): GoogleAppsScript.Base.Blob {
    this.c('setBytes');
    this.data = fromAnyBytes(data);
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
  isGoogleType(): boolean {
    return false;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType === this.contentType) return this.copyBlob();
    throw gasError(`Converting from ${this.contentType} to ${contentType} is not supported.`);
  }
}

/** Reads the bytes of anything the script hands over as a blob (a FakeBlob or a BlobSource with getBlob()). */
export function blobBytes(x: unknown): FakeBlob {
  if (x instanceof FakeBlob) return x;
  const src = x as { getBlob?: () => unknown };
  if (src && typeof src.getBlob === 'function') {
    const b = src.getBlob();
    if (b instanceof FakeBlob) return b;
  }
  throw gasError('Invalid argument: blob');
}

export function newBlob(ex: Execution | undefined, data: unknown, contentType?: string, name?: string): FakeBlob {
  let buf: Buffer;
  if (typeof data === 'string') buf = Buffer.from(data, 'utf8');
  else if (data && typeof (data as ArrayLike<number>).length === 'number') buf = fromAnyBytes(data as ArrayLike<number>);
  else if (data === undefined || data === null) buf = Buffer.alloc(0);
  else throw gasError('Invalid argument: data');
  return new FakeBlob(buf, contentType ?? null, name ?? null, ex);
}
