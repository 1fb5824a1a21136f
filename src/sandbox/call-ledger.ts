// The call ledger: every Apps Script service call the script makes in the sandbox is recorded here, per method and
// per step, turned into modeled Apps Script time by a documented cost model, and checked against the 6-minute limit.
// It also injects faults (the Nth call, or every call of a method, throws) so crash safety can be tested.

/**
 * How a call costs in real Apps Script. `handle` calls only build or navigate handles (getRange, getSheetByName…)
 * and are answered without a round trip; every other class is a round trip to a Google backend.
 */
export type CostClass = 'handle' | 'read' | 'write' | 'meta' | 'structure' | 'ui' | 'store' | 'lock' | 'drive' | 'docs' | 'mail';

export interface CostRule {
  cls: CostClass;
  /** Fixed modeled milliseconds per call. */
  ms: number;
  /** Extra modeled milliseconds per cell (reads/writes) or per unit the caller reports. */
  perUnit?: number;
}

/** The cost model. Figures are round numbers in the range practitioners report for Apps Script (see README). */
export const COST_CLASSES: Record<CostClass, CostRule> = {
  handle: { cls: 'handle', ms: 0.05 },
  read: { cls: 'read', ms: 40, perUnit: 0.004 },
  write: { cls: 'write', ms: 60, perUnit: 0.01 },
  meta: { cls: 'meta', ms: 20 },
  structure: { cls: 'structure', ms: 200 },
  ui: { cls: 'ui', ms: 150 },
  store: { cls: 'store', ms: 15 },
  lock: { cls: 'lock', ms: 10 },
  drive: { cls: 'drive', ms: 800 },
  docs: { cls: 'docs', ms: 600, perUnit: 2 },
  mail: { cls: 'mail', ms: 700 },
};

/** Per-method overrides of the class figures, keyed "Class.method". */
export const METHOD_COSTS: Record<string, Partial<CostRule>> = {
  'Files.copy': { ms: 1500 },
  'Files.create': { ms: 1200, perUnit: 0.00002 },
  'Document.getAs': { ms: 2500 },
  'Documents.get': { ms: 400 },
  'Documents.batchUpdate': { ms: 700, perUnit: 3 },
  'Drafts.create': { ms: 600 },
  'MailApp.sendEmail': { ms: 900 },
  'Utilities.sleep': { ms: 0 },
};

export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export interface MethodCount {
  calls: number;
  modeledMs: number;
}

export interface StepRecord {
  step: string;
  /** Round trips: every call that is not a handle call. */
  total: number;
  /** Handle calls (no round trip), listed apart so budgets count what costs. */
  handles: number;
  modeledMs: number;
  byService: Record<string, number>;
  byMethod: Record<string, number>;
}

export interface Fault {
  /** Throw on the Nth round trip counted from when the fault was armed (1-based). */
  atCall?: number;
  /** Throw on every call to this "Class.method" (e.g. "Range.setValues"), or on the first `times` of them. */
  method?: string;
  times?: number;
  message?: string;
}

export class ExecutionTimeExceeded extends Error {
  constructor() {
    super('Exceeded maximum execution time');
    this.name = 'Exception';
  }
}

export class InjectedFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

interface ArmedFault extends Fault {
  seen: number;
  fired: number;
}

export class CallLedger {
  private steps: StepRecord[] = [];
  private current: StepRecord | null = null;
  private executionMs = 0;
  /** Executions suspended while a nested one runs (two users interleaved). */
  private stack: { step: StepRecord | null; executionMs: number }[] = [];
  /** Runs another execution when the running one reaches its Nth round trip (interleaving two users). */
  private interleaves: { atCall: number; seen: number; run: () => void; done: boolean }[] = [];
  private faults: ArmedFault[] = [];
  private roundTrips = 0;
  /** Extra modeled time added by Utilities.sleep and lock waits. */
  private waitedMs = 0;
  /** Set while the sandbox itself works (exporters, assertions): nothing is counted. */
  private paused = 0;
  /** Called with every modeled millisecond that passes (the sandbox moves its clock: time passes during a run). */
  onTime: ((ms: number) => void) | null = null;

  /** Starts a step (a CLI step, a menu click, a trigger run); each step is one Apps Script execution. */
  beginStep(name: string): void {
    if (this.current) this.stack.push({ step: this.current, executionMs: this.executionMs });
    this.current = { step: name, total: 0, handles: 0, modeledMs: 0, byService: {}, byMethod: {} };
    this.steps.push(this.current);
    this.executionMs = 0;
  }

  endStep(): StepRecord | null {
    const s = this.current;
    const prev = this.stack.pop();
    this.current = prev ? prev.step : null;
    this.executionMs = prev ? prev.executionMs : 0;
    return s;
  }

  /** When the running execution makes its `atCall`th round trip from now, `run` another execution right there. */
  interleave(atCall: number, run: () => void): void {
    this.interleaves.push({ atCall, seen: 0, run, done: false });
  }

  /** Runs `fn` without counting (the sandbox's own bookkeeping). */
  uncounted<T>(fn: () => T): T {
    this.paused++;
    try {
      return fn();
    } finally {
      this.paused--;
    }
  }

  /**
   * Records one call. `units` is cells for reads/writes, requests for Docs batchUpdate, bytes for uploads.
   * Throws an injected fault or "Exceeded maximum execution time" exactly where Apps Script would.
   */
  record(service: string, method: string, cls: CostClass, units = 0): void {
    if (this.paused > 0) return;
    const base = COST_CLASSES[cls];
    const over = METHOD_COSTS[method] ?? {};
    const ms = (over.ms ?? base.ms) + units * (over.perUnit ?? base.perUnit ?? 0);
    if (!this.current) this.beginStep('(script)');
    const step = this.current!;
    if (cls === 'handle') {
      step.handles++;
    } else {
      step.total++;
      this.roundTrips++;
      step.byService[service] = (step.byService[service] ?? 0) + 1;
    }
    const key = `${service}:${method}`;
    step.byMethod[key] = (step.byMethod[key] ?? 0) + 1;
    step.modeledMs += ms;
    this.executionMs += ms;
    this.onTime?.(ms);
    this.checkFaults(method, cls);
    if (this.executionMs > EXECUTION_LIMIT_MS) throw new ExecutionTimeExceeded();
    if (cls !== 'handle' && this.interleaves.length) this.runInterleaves();
  }

  private runInterleaves(): void {
    for (const il of this.interleaves) {
      if (il.done) continue;
      il.seen++;
      if (il.seen === il.atCall) {
        il.done = true;
        il.run();
      }
    }
    this.interleaves = this.interleaves.filter((il) => !il.done);
  }

  /** Modeled waiting (Utilities.sleep, waitLock) that counts toward the 6-minute limit. */
  addWait(ms: number): void {
    if (!this.current) this.beginStep('(script)');
    this.current!.modeledMs += ms;
    this.executionMs += ms;
    this.waitedMs += ms;
    this.onTime?.(ms);
    if (this.executionMs > EXECUTION_LIMIT_MS) throw new ExecutionTimeExceeded();
  }

  /** Modeled milliseconds used so far by the running execution. */
  executionElapsedMs(): number {
    return this.executionMs;
  }

  arm(fault: Fault): void {
    this.faults.push({ ...fault, seen: 0, fired: 0 });
  }

  disarm(): void {
    this.faults = [];
  }

  private checkFaults(method: string, cls: CostClass): void {
    for (const f of this.faults) {
      if (f.atCall !== undefined) {
        if (cls === 'handle') continue;
        f.seen++;
        if (f.seen === f.atCall && f.fired === 0) {
          f.fired++;
          throw new InjectedFault(f.message ?? `Service error (injected at call ${f.atCall}: ${method})`);
        }
      } else if (f.method && f.method === method) {
        f.seen++;
        if (f.times === undefined || f.fired < f.times) {
          f.fired++;
          throw new InjectedFault(f.message ?? `Service error (injected: ${method})`);
        }
      }
    }
  }

  /** True when an armed `atCall` fault has fired. */
  faultFired(): boolean {
    return this.faults.some((f) => f.fired > 0);
  }

  allSteps(): StepRecord[] {
    return this.steps;
  }

  totalRoundTrips(): number {
    return this.roundTrips;
  }

  reset(): void {
    this.steps = [];
    this.current = null;
    this.executionMs = 0;
    this.roundTrips = 0;
    this.waitedMs = 0;
  }

  /** The calls.json document: per step and in total. */
  toJSON(): { steps: StepRecord[]; total: number; modeledMs: number; byMethod: Record<string, number>; costModel: typeof COST_CLASSES } {
    const byMethod: Record<string, number> = {};
    let total = 0;
    let modeledMs = 0;
    for (const s of this.steps) {
      total += s.total;
      modeledMs += s.modeledMs;
      for (const [k, v] of Object.entries(s.byMethod)) byMethod[k] = (byMethod[k] ?? 0) + v;
    }
    return { steps: this.steps, total, modeledMs: Math.round(modeledMs), byMethod, costModel: COST_CLASSES };
  }
}
