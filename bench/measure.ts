// Measures one bench operation on a workbook: the executions it ran, their round trips by service, method and sheet
// (from the sandbox's call ledger and the service meter), modeled Apps Script time, Node CPU (the script's and the
// sandbox services'), and the peak heap.
import v8 from 'node:v8';
import type { StepRecord } from '../src/sandbox/call-ledger';
import { EXECUTION_LIMIT_MS } from '../src/sandbox/call-ledger';
import { errorMessage } from '../src/sandbox/runtime';
import { serviceMeter, type MeteredCall } from './service-meter';
import type { BenchOperation, BenchRun } from './operations';

export type OperationStatus = 'ok' | 'failed' | 'not available yet';

export interface OperationResult {
  id: string;
  label: string;
  /** Orders in the workbook (the size). */
  orders: number;
  status: OperationStatus;
  /** Why it failed, or which functions the bundle does not have yet. */
  detail?: string;
  executions: number;
  /** Round trips (every call that is not a handle call). */
  roundTrips: number;
  /** Handle calls (getRange, getSheetByName…), no round trip. */
  handles: number;
  byService: Record<string, number>;
  /** Round trips and handle calls per "Service:Class.method". */
  byMethod: Record<string, number>;
  /** Round trips per sheet touched. */
  perSheet: Record<string, number>;
  /** The round-trip calls in order, with their sheet and range size. */
  calls: MeteredCall[];
  modeledMs: number;
  /** The longest single execution, modeled (each must stay inside Apps Script's 6 minutes). */
  maxExecutionModeledMs: number;
  cpuMs: number;
  /** CPU spent inside the sandbox's service implementations (Google's side in real Apps Script). */
  serviceCpuMs: number;
  /** CPU of the bundle itself: cpuMs − serviceCpuMs (includes loading the bundle for each execution). */
  scriptCpuMs: number;
  heapBeforeMb: number;
  peakHeapMb: number;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) return;
  g();
  settle();
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Waits (at most 2 s) until V8's helper threads are done. After a full collection they go on sweeping and releasing
 * the freed pages, for longer the bigger the heap — and the sandbox's workbook is the heap: at 50,000 orders that
 * tail is 50–150 ms. process.cpuUsage counts every thread of the process, so without this wait an operation
 * measured right after the collection is charged the cleanup of what ran before it (a one-cell onEdit read 20 ms at
 * 1,000 orders and 45–60 ms at 50,000, all of it outside the script). Done: two 10 ms sleeps in a row with under
 * 0.5 ms of CPU each (the helpers pause between pages), or five with the same low load (another thread's steady
 * work, e.g. bench/profile.ts's sampler).
 */
function settle(): void {
  let quiet = 0;
  let steady = 0;
  let previous = -1;
  for (let i = 0; i < 200; i++) {
    const before = process.cpuUsage();
    Atomics.wait(PAUSE, 0, 0, 10);
    const t = process.cpuUsage(before);
    const used = t.user + t.system;
    quiet = used < 500 ? quiet + 1 : 0;
    steady = used < 3000 && Math.abs(used - previous) < 300 ? steady + 1 : 0;
    previous = used;
    if (quiet >= 2 || steady >= 5) return;
  }
}

function heapMb(): number {
  return v8.getHeapStatistics().used_heap_size / 1_048_576;
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function emptyResult(op: BenchOperation, run: BenchRun, status: OperationStatus, detail?: string): OperationResult {
  return {
    id: op.id,
    label: op.label,
    orders: run.size.orders,
    status,
    detail,
    executions: 0,
    roundTrips: 0,
    handles: 0,
    byService: {},
    byMethod: {},
    perSheet: {},
    calls: [],
    modeledMs: 0,
    maxExecutionModeledMs: 0,
    cpuMs: 0,
    serviceCpuMs: 0,
    scriptCpuMs: 0,
    heapBeforeMb: 0,
    peakHeapMb: 0,
  };
}

/** The exposed functions an operation needs that the bundle does not define. */
export function missingFunctions(run: BenchRun, op: BenchOperation): string[] {
  const defined = new Set(run.sandbox.topLevelFunctions());
  return op.requires.filter((f) => !defined.has(f));
}

/**
 * Runs one operation and measures it. An operation whose functions are missing is not run; one that throws or whose
 * check fails is reported as failed with the reason, and the measurement of what it did is kept.
 */
export function measureOperation(run: BenchRun, op: BenchOperation): OperationResult {
  const missing = missingFunctions(run, op);
  if (missing.length) return emptyResult(op, run, 'not available yet', `the bundle has no ${missing.join(', ')}`);
  const sb = run.sandbox;
  const ledger = sb.env.ledger;
  let status: OperationStatus = 'ok';
  let detail: string | undefined;
  try {
    op.prepare?.(run);
  } catch (e) {
    return emptyResult(op, run, 'failed', `preparation failed: ${errorMessage(e)}`);
  }
  gc();
  const heapBefore = heapMb();
  let peak = heapBefore;
  const sample = () => {
    const h = heapMb();
    if (h > peak) peak = h;
  };

  // CPU of each top-level execution, from its first to its last moment (loading the bundle included).
  const begin = ledger.beginStep.bind(ledger);
  const end = ledger.endStep.bind(ledger);
  let depth = 0;
  let started = process.cpuUsage();
  let cpuUs = 0;
  ledger.beginStep = (name: string) => {
    if (depth++ === 0) started = process.cpuUsage();
    begin(name);
  };
  ledger.endStep = () => {
    const s = end();
    if (--depth === 0) {
      const used = process.cpuUsage(started);
      cpuUs += used.user + used.system;
      sample();
    }
    return s;
  };
  const firstStep = ledger.allSteps().length;
  serviceMeter.reset();
  serviceMeter.env = sb.env;
  serviceMeter.on = true;
  serviceMeter.afterCall = sample;
  try {
    op.run(run);
    const problem = op.check(run);
    if (problem) {
      status = 'failed';
      detail = problem;
    }
  } catch (e) {
    status = 'failed';
    detail = errorMessage(e);
  } finally {
    serviceMeter.on = false;
    serviceMeter.afterCall = null;
    delete (ledger as { beginStep?: unknown }).beginStep;
    delete (ledger as { endStep?: unknown }).endStep;
  }
  const steps: StepRecord[] = ledger.allSteps().slice(firstStep);
  const out = emptyResult(op, run, status, detail);
  for (const s of steps) {
    out.executions++;
    out.roundTrips += s.total;
    out.handles += s.handles;
    out.modeledMs += s.modeledMs;
    out.maxExecutionModeledMs = Math.max(out.maxExecutionModeledMs, s.modeledMs);
    for (const [k, v] of Object.entries(s.byService)) out.byService[k] = (out.byService[k] ?? 0) + v;
    for (const [k, v] of Object.entries(s.byMethod)) out.byMethod[k] = (out.byMethod[k] ?? 0) + v;
  }
  out.perSheet = serviceMeter.perSheet();
  out.calls = serviceMeter.calls.slice();
  out.modeledMs = Math.round(out.modeledMs);
  out.maxExecutionModeledMs = Math.round(out.maxExecutionModeledMs);
  out.cpuMs = round(cpuUs / 1000);
  out.serviceCpuMs = round(serviceMeter.serviceCpuUs / 1000);
  out.scriptCpuMs = round(Math.max(0, cpuUs - serviceMeter.serviceCpuUs) / 1000);
  out.heapBeforeMb = round(heapBefore);
  out.peakHeapMb = round(peak);
  if (out.maxExecutionModeledMs > EXECUTION_LIMIT_MS && out.status === 'ok') {
    out.status = 'failed';
    out.detail = `an execution needs ${out.maxExecutionModeledMs} ms of modeled time, over the 6-minute limit`;
  }
  return out;
}
