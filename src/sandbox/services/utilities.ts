// Utilities: formatDate (Java patterns, IANA zones), blobs, base64, digests, UUIDs and sleep.
import crypto from 'node:crypto';
import type { Execution } from '../env';
import { count, asGas, fromAnyBytes, gasError, toSignedBytes } from './common';
import { newBlob } from './blob';
import { formatJavaDate } from './java-date-format';
import { isValidTimeZone } from '../../domain/time/zone';

type UtilitiesApi = Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'formatDate'
  | 'newBlob'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'computeDigest'
  | 'getUuid'
  | 'sleep'
  | 'Charset'
  | 'DigestAlgorithm'
>;

function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charset === 'US_ASCII' ? 'latin1' : 'utf8');
  if (data && typeof (data as ArrayLike<number>).length === 'number') return fromAnyBytes(data as ArrayLike<number>);
  throw gasError('Invalid argument');
}

export function makeUtilities(ex: Execution): UtilitiesApi {
  const c = (m: string) => count(ex, 'Utilities', `Utilities.${m}`, 'handle');
  const api = {
    Charset: asGas<GoogleAppsScript.Utilities.Charset>({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' }),
    DigestAlgorithm: asGas<GoogleAppsScript.Utilities.DigestAlgorithm>({ MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' }),
    formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
      c('formatDate');
      const d = date as unknown as { getTime?: () => number };
      if (!d || typeof d.getTime !== 'function') throw gasError('Invalid argument: date');
      if (!isValidTimeZone(timeZone) && !/^GMT[+-]\d{1,2}(:?\d{2})?$/.test(timeZone)) throw gasError(`Invalid argument: timeZone ${timeZone}`);
      const tz = timeZone.startsWith('GMT') && timeZone !== 'GMT' ? gmtToEtc(timeZone) : timeZone;
      return formatJavaDate(d.getTime(), tz, format);
    },
    newBlob(data: unknown, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
      c('newBlob');
      return asGas(newBlob(ex, data, contentType, name));
    },
    base64Encode(data: unknown, charset?: unknown): string {
      c('base64Encode');
      return toBuffer(data, charset).toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: unknown): string {
      c('base64EncodeWebSafe');
      return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: string): number[] {
      c('base64Decode');
      return ex.newArray(toSignedBytes(Buffer.from(encoded, 'base64')));
    },
    base64DecodeWebSafe(encoded: string): number[] {
      c('base64DecodeWebSafe');
      return ex.newArray(toSignedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
    },
    computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
      c('computeDigest');
      const alg = String(algorithm).replace('SHA_', 'sha').replace('MD5', 'md5').replace('MD2', 'md5').toLowerCase();
      return ex.newArray(toSignedBytes(crypto.createHash(alg).update(toBuffer(value, charset)).digest()));
    },
    getUuid(): string {
      c('getUuid');
      return crypto.randomUUID();
    },
    sleep(milliseconds: number): void {
      c('sleep');
      ex.env.ledger.addWait(milliseconds);
    },
  };
  return api as unknown as UtilitiesApi;
}

function gmtToEtc(tz: string): string {
  const m = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz)!;
  if (m[3] && m[3] !== '00') return 'UTC';
  // Etc/GMT signs are inverted.
  return `Etc/GMT${m[1] === '+' ? '-' : '+'}${Number(m[2])}`;
}
