// Meters the sandbox's services from outside the bundle: the CPU spent inside them (so the script's own CPU can be
// told apart from the sandbox's simulation of Google's servers) and, for every round trip, its method, sheet and
// range size. It instruments the fakes' methods (their classes' prototypes, and the per-execution service objects),
// so every call is seen, including calls on the objects the sandbox hands to triggers (the onEdit event's range).
import '../src/sandbox/all-services';
import { registerService } from '../src/sandbox/services/index';
import { FakeRange, FakeSheet, FakeSpreadsheet, FakeSpreadsheetApp, FakeUi } from '../src/sandbox/spreadsheet/fakes';
import { SheetModel } from '../src/sandbox/spreadsheet/model';
import type { SandboxEnv } from '../src/sandbox/env';

/** One service call that made at least one round trip. */
export interface MeteredCall {
  /** The method as the script called it, e.g. "getValues". */
  method: string;
  /** The sheet the call touched (its range's or its own), null for calls on no sheet. */
  sheet: string | null;
  /** Round trips the call recorded (1 for ordinary calls). */
  roundTrips: number;
  /** Size of the range the call was made on (0 × 0 for calls on no range). */
  rows: number;
  cols: number;
}

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/** An instance of one of the sandbox's fake classes (FakeRange, FakeDrafts…). */
function isFake(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as { constructor?: { name?: unknown } } | null;
  const name = proto?.constructor?.name;
  return typeof name === 'string' && /^_*Fake/.test(name);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function rangeSize(target: unknown): { rows: number; cols: number } {
  const t = target as { numRows?: unknown; numCols?: unknown } | null;
  return t && typeof t.numRows === 'number' && typeof t.numCols === 'number' ? { rows: t.numRows, cols: t.numCols } : { rows: 0, cols: 0 };
}

function sheetOf(target: unknown): string | null {
  const t = target as { sheet?: unknown; model?: unknown; range?: { sheet?: unknown } } | null;
  if (!t) return null;
  if (t.sheet instanceof SheetModel) return t.sheet.name;
  if (t.model instanceof SheetModel) return t.model.name;
  if (t.range && t.range.sheet instanceof SheetModel) return t.range.sheet.name;
  return null;
}

export class ServiceMeter {
  /** Calls are metered only while on; off, an instrumented method costs one property check. */
  on = false;
  /** The environment whose call ledger tells round trips apart from handle calls. */
  env: SandboxEnv | null = null;
  /** Microseconds of CPU spent inside service calls (outermost calls only). */
  serviceCpuUs = 0;
  /** Round-trip calls in order. */
  calls: MeteredCall[] = [];
  /** Called after every outermost service call (the bench samples the heap there). */
  afterCall: (() => void) | null = null;
  private depth = 0;
  private readonly instrumented = new WeakSet<object>();

  reset(): void {
    this.serviceCpuUs = 0;
    this.calls = [];
  }

  /** Round trips per sheet among the calls metered since the last reset. */
  perSheet(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) {
      const k = c.sheet ?? '(no sheet)';
      out[k] = (out[k] ?? 0) + c.roundTrips;
    }
    return out;
  }

  /** Instruments a fake (its class's methods) or a service namespace object (its own methods), once. */
  instrument(v: unknown): void {
    if (isFake(v)) {
      for (let proto = Object.getPrototypeOf(v) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
        this.patchMethods(proto);
      }
    } else if (isPlainObject(v)) {
      if (this.instrumented.has(v)) return;
      this.patchMethods(v);
      for (const inner of Object.values(v)) if (isPlainObject(inner) || isFake(inner)) this.instrument(inner);
    }
  }

  private patchMethods(holder: object): void {
    if (this.instrumented.has(holder)) return;
    this.instrumented.add(holder);
    const call = (target: unknown, fn: AnyFunction, method: string, args: unknown[]) => (this.on ? this.call(target, fn, method, args) : fn.apply(target, args));
    for (const key of Object.getOwnPropertyNames(holder)) {
      if (key === 'constructor') continue;
      const desc = Object.getOwnPropertyDescriptor(holder, key);
      if (!desc || typeof desc.value !== 'function' || !desc.writable) continue;
      const original = desc.value as AnyFunction;
      // A function expression: the fake's own `this` (its instance) must reach the original method.
      const metered = function (this: unknown, ...args: unknown[]): unknown {
        return call(this, original, key, args);
      };
      Object.defineProperty(holder, key, { ...desc, value: metered });
    }
  }

  private call(target: unknown, fn: AnyFunction, method: string, args: unknown[]): unknown {
    if (this.depth > 0 || !this.env) return this.result(fn.apply(target, args));
    const ledger = this.env.ledger;
    this.depth++;
    const trips = ledger.totalRoundTrips();
    const cpu = process.cpuUsage();
    try {
      return this.result(fn.apply(target, args));
    } finally {
      const used = process.cpuUsage(cpu);
      this.serviceCpuUs += used.user + used.system;
      this.depth--;
      const made = ledger.totalRoundTrips() - trips;
      if (made > 0) this.calls.push({ method, sheet: sheetOf(target), roundTrips: made, ...rangeSize(target) });
      this.afterCall?.();
    }
  }

  private result(v: unknown): unknown {
    if (isFake(v)) this.instrument(v);
    else if (Array.isArray(v) && v.length > 0 && isFake(v[0])) v.forEach((x) => this.instrument(x));
    return v;
  }
}

/** The process's meter. */
export const serviceMeter = new ServiceMeter();

// The spreadsheet classes up front (the sandbox itself creates ranges for trigger events); the rest as they appear.
for (const cls of [FakeSpreadsheetApp, FakeSpreadsheet, FakeSheet, FakeRange, FakeUi]) serviceMeter.instrument(Object.create(cls.prototype) as object);
registerService((_ex, globals) => {
  for (const value of Object.values(globals)) serviceMeter.instrument(value);
});
