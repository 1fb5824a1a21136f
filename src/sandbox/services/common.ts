// Helpers shared by the fake services: counting a call in the ledger and handing fakes to typed Apps Script code.
import type { CostClass } from '../call-ledger';
import type { Execution } from '../env';

/** Records one service call of the running execution. */
export function count(ex: Execution, service: string, method: string, cls: CostClass, units = 0): void {
  ex.env.ledger.record(service, method, cls, units);
}

/** A fake seen through its Apps Script type (the fake implements the subset of methods Gendan uses). */
export function asGas<T>(fake: unknown): T {
  return fake as T;
}

/** Apps Script's exception shape: `Exception: message`. */
export function gasError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

/** Byte arrays in Apps Script are Java bytes: -128…127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  const out = new Array<number>(buf.length);
  for (let i = 0; i < buf.length; i++) out[i] = buf[i] > 127 ? buf[i] - 256 : buf[i];
  return out;
}

export function fromAnyBytes(bytes: ArrayLike<number>): Buffer {
  const b = Buffer.alloc(bytes.length);
  for (let i = 0; i < bytes.length; i++) b[i] = bytes[i] & 0xff;
  return b;
}
