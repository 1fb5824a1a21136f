// The sandbox runtime: runs the real bundle (dist/Code.js) in a fresh node:vm context per execution, the way Apps
// Script starts every execution from a fresh global scope, with the fake services as globals and the simulated
// clock behind Date. It also plays the user: edits that fire onEdit, selections, menu clicks, sidebar RPCs, and the
// passing of time that fires installed time-driven triggers.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { SandboxEnv, type AuthModeName, type Execution, type SimUser, type TriggerData } from './env';
import './all-services';
import { installServices } from './services/index';
import { nextFiring } from './services/script-app';
import { SheetModel, WallDate, parseA1, type CellValue } from './spreadsheet/model';
import { parseInput, serialOf } from './spreadsheet/values';
import { FakeRange, FakeSpreadsheet, applyFilter, passesValidation } from './spreadsheet/fakes';
import { wallToInstant } from '../domain/time/zone';

export interface RunOptions {
  user?: string;
  kind?: Execution['kind'];
  authMode?: AuthModeName;
  step?: string;
  triggerUid?: string;
}

/** The message of an error thrown in any realm (errors from the script's vm context are not host Errors). */
export function errorMessage(e: unknown): string {
  const m = e && typeof e === 'object' ? (e as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : String(e);
}

export class StepError extends Error {
  constructor(readonly step: string, readonly error: unknown) {
    super(`${step} failed: ${errorMessage(error)}`);
    this.name = 'StepError';
  }
}

const PRELUDE = `
(function (getNow) {
  var RealDate = Date;
  function SandboxDate() {
    if (!(this instanceof SandboxDate)) return new RealDate(getNow()).toString();
    if (arguments.length === 0) return new RealDate(getNow());
    return Reflect.construct(RealDate, Array.prototype.slice.call(arguments));
  }
  SandboxDate.prototype = RealDate.prototype;
  SandboxDate.now = function () { return getNow(); };
  SandboxDate.UTC = RealDate.UTC;
  SandboxDate.parse = RealDate.parse;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SandboxDate, writable: true, configurable: true });
  globalThis.Date = SandboxDate;
  globalThis.__RealDate = RealDate;
})
`;

export interface EditResult {
  accepted: boolean;
  reason?: string;
  range: string;
}

export class Sandbox {
  readonly env: SandboxEnv;
  private readonly script: vm.Script;
  /** Errors thrown by simple triggers (Apps Script logs them; the user's edit stays). */
  readonly triggerErrors: { step: string; error: string }[] = [];
  /** Test hook: extra globals put into every execution's context (never used by the CLI). */
  extraGlobals: Record<string, unknown> = {};

  constructor(code: string, env: SandboxEnv = new SandboxEnv()) {
    this.env = env;
    this.script = new vm.Script(code, { filename: 'Code.js' });
  }

  /** Loads dist/Code.js and dist/*.html. */
  static fromDist(distDir: string, env?: SandboxEnv): Sandbox {
    const code = fs.readFileSync(path.join(distDir, 'Code.js'), 'utf8');
    const sb = new Sandbox(code, env);
    for (const f of fs.readdirSync(distDir)) {
      if (f.endsWith('.html')) sb.env.htmlFiles.set(f.replace(/\.html$/, ''), fs.readFileSync(path.join(distDir, f), 'utf8'));
    }
    return sb;
  }

  /** Creates an execution context with the bundle loaded. */
  private context(opts: RunOptions): { ctx: vm.Context; ex: Execution } {
    const env = this.env;
    const user = env.user(opts.user ?? env.defaultUser.email);
    const ctx = vm.createContext({});
    vm.runInContext(PRELUDE, ctx)(() => env.now);
    const RealDate = ctx.__RealDate as DateConstructor;
    const CtxArray = vm.runInContext('Array', ctx) as ArrayConstructor;
    const ex: Execution = {
      id: env.newExecutionId(),
      env,
      user,
      authMode: opts.authMode ?? 'FULL',
      kind: opts.kind ?? 'menu',
      newDate: (ms: number) => new RealDate(ms),
      newArray: <T>(items: T[]) => CtxArray.from(items) as T[],
      triggerUid: opts.triggerUid,
    };
    const globals: Record<string, unknown> = {};
    installServices(ex, globals);
    for (const [k, v] of Object.entries({ ...globals, ...this.extraGlobals })) ctx[k] = v;
    this.script.runInContext(ctx);
    return { ctx, ex };
  }

  /** Names of the top-level functions the bundle defines. */
  topLevelFunctions(): string[] {
    const ctx = vm.createContext({});
    this.script.runInContext(ctx);
    return Object.keys(ctx).filter((k) => typeof ctx[k] === 'function');
  }

  /** Runs one execution of a top-level function, as Apps Script would for a click, a trigger or an RPC. */
  run(fn: string, args: unknown[] = [], opts: RunOptions = {}): unknown {
    const step = opts.step ?? fn;
    this.env.ledger.beginStep(step);
    let exId = -1;
    try {
      const { ctx, ex } = this.context(opts);
      exId = ex.id;
      const f = ctx[fn];
      if (typeof f !== 'function') throw new Error(`Script function not found: ${fn}`);
      const built = args.map((a) => (typeof a === 'function' ? (a as (c: vm.Context, e: Execution) => unknown)(ctx, ex) : a));
      return (f as (...a: unknown[]) => unknown)(...built);
    } catch (e) {
      throw new StepError(step, e);
    } finally {
      if (exId >= 0) this.env.endExecution(exId);
      this.env.ledger.endStep();
    }
  }

  /** A menu click: the function runs with full authorization as the user. */
  click(fn: string, user?: string): unknown {
    return this.run(fn, [], { user, kind: 'menu', step: `--call ${fn}` });
  }

  /** google.script.run from a sidebar: arguments and result cross as JSON, Dates are refused. */
  rpc(fn: string, args: unknown[] = [], user?: string): unknown {
    const check = (v: unknown): void => {
      if (Object.prototype.toString.call(v) === '[object Date]') throw new Error('Date is not a legal parameter for google.script.run');
      if (v && typeof v === 'object') Object.values(v as object).forEach(check);
    };
    args.forEach(check);
    const json = JSON.parse(JSON.stringify(args)) as unknown[];
    const result = this.run(fn, json, { user, kind: 'menu', step: `rpc ${fn}` });
    return result === undefined ? null : JSON.parse(JSON.stringify(result, (_k, v) => v));
  }

  /** The user opens the spreadsheet: onOpen runs as a simple trigger (LIMITED for an enabled add-on). */
  open(user?: string, authMode: AuthModeName = 'LIMITED'): void {
    if (!this.topLevelFunctions().includes('onOpen')) return;
    this.run('onOpen', [(_c: vm.Context, ex: Execution) => ({ authMode, source: new FakeSpreadsheet(ex), user: userObj(ex.user) })], {
      user,
      kind: 'simple',
      authMode,
      step: 'onOpen',
    });
  }

  /** The user selects a range ("Orders!A5:A7"). */
  select(a1: string, user?: string): void {
    const { sheet, range } = this.resolve(a1);
    this.env.selection.set(user ?? this.env.defaultUser.email, { sheetId: sheet.id, ...range });
  }

  private resolve(a1: string): { sheet: SheetModel; range: { r1: number; c1: number; r2: number; c2: number } } {
    const { sheetName } = parseA1(a1, 1, 1);
    const ss = this.env.spreadsheet;
    const sheet = sheetName ? ss.sheetByName(sheetName) : ss.sheets[0];
    if (!sheet) throw new Error(`No sheet named "${sheetName}"`);
    const { range } = parseA1(a1, sheet.maxRows, sheet.maxCols);
    return { sheet, range };
  }

  /**
   * A user edit: `input` is what the user types (one text for every cell of the range, as a fill) or a grid of
   * texts (a paste). Sheets turns the texts into numbers, dates and booleans, then onEdit fires once for the
   * whole range; `value`/`oldValue` are given only for a single cell.
   */
  edit(a1: string, input: string | string[] | string[][], user?: string): EditResult {
    const env = this.env;
    const email = user ?? env.defaultUser.email;
    const { sheet, range } = this.resolve(a1);
    const rows = range.r2 - range.r1 + 1;
    const cols = range.c2 - range.c1 + 1;
    let grid: string[][];
    if (typeof input === 'string') grid = Array.from({ length: rows }, () => new Array(cols).fill(input));
    else if (input.length && Array.isArray(input[0])) grid = input as string[][];
    else grid = cols === 1 ? (input as string[]).map((x) => [x]) : [input as string[]];
    if (grid.length !== rows || grid.some((r) => r.length !== cols)) {
      throw new Error(`Edit of ${a1} needs ${rows}×${cols} values, got ${grid.length}×${grid[0]?.length ?? 0}`);
    }
    const parsed = grid.map((r) => r.map((t) => parseInput(t, env.spreadsheet.locale)));
    // Data validation that rejects input (not "show a warning") refuses the whole edit.
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const rule = sheet.validationAt(range.r1 + i, range.c1 + j);
        if (rule && !rule.allowInvalid && !passesValidation(rule, parsed[i][j].value)) {
          const reason = `Invalid: input must fall within the specified range (${sheet.name}!${colRef(range.c1 + j)}${range.r1 + i})`;
          env.ui({ user: email, kind: 'alert', title: 'There was a problem', message: reason });
          return { accepted: false, reason, range: a1 };
        }
      }
    }
    for (const p of sheet.protections) {
      const g = p.range;
      const hit = !g || !(g.r2 < range.r1 || g.r1 > range.r2 || g.c2 < range.c1 || g.c1 > range.c2);
      if (hit && p.warningOnly) env.ui({ user: email, kind: 'alert', title: 'Heads up!', message: `You are trying to edit a protected cell or object (${p.description}). The user clicked OK.` });
    }
    const single = rows === 1 && cols === 1;
    const old = single ? sheet.get(range.r1, range.c1) : '';
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const r = range.r1 + i;
        const c = range.c1 + j;
        const p = parsed[i][j];
        sheet.set(r, c, p.value);
        const key = SheetModel.key(r, c);
        if (p.formula) sheet.formulas.set(key, p.formula);
        else sheet.formulas.delete(key);
        if (p.numberFormat && !sheet.formatAt(r, c)?.numberFormat) sheet.formats.set(key, { ...(sheet.formats.get(key) ?? {}), numberFormat: p.numberFormat });
      }
    }
    if (sheet.filter) applyFilter(sheet);
    const fns = this.topLevelFunctions();
    const event = (ex: Execution, triggerUid?: string) => {
      const e: Record<string, unknown> = {
        authMode: ex.authMode,
        range: new FakeRange(ex, sheet, range.r1, range.c1, rows, cols),
        source: new FakeSpreadsheet(ex),
        user: userObj(ex.user),
      };
      if (triggerUid) e.triggerUid = triggerUid;
      if (single) {
        const nv = sheet.get(range.r1, range.c1);
        if (nv !== '') e.value = eventValue(nv);
        if (old !== '') e.oldValue = eventValue(old);
      }
      return e;
    };
    if (fns.includes('onEdit')) {
      try {
        this.run('onEdit', [(_c: vm.Context, ex: Execution) => event(ex)], { user: email, kind: 'simple', authMode: 'LIMITED', step: `--edit ${a1}` });
      } catch (e) {
        // A failing simple trigger never undoes the edit; Apps Script records the error in the executions log.
        const message = e instanceof StepError ? errorMessage(e.error) : errorMessage(e);
        this.triggerErrors.push({ step: `--edit ${a1}`, error: message });
        env.log('error', `onEdit failed: ${message}`);
      }
    }
    for (const t of env.triggers.filter((t) => t.eventType === 'ON_EDIT' && t.sourceId === env.spreadsheet.id)) {
      this.run(t.handler, [(_c: vm.Context, ex: Execution) => event(ex, t.uid)], { user: t.user, kind: 'trigger', authMode: 'FULL', step: `${t.handler} (on edit)`, triggerUid: t.uid });
    }
    return { accepted: true, range: a1 };
  }

  /**
   * The user deletes whole rows ("Order lines!5:7", or any range: its rows go). Apps Script fires no onEdit for
   * that; installable change triggers of the spreadsheet fire with changeType REMOVE_ROW, as their owners.
   */
  deleteRows(a1: string, user?: string): void {
    const env = this.env;
    const { sheet, range } = this.resolve(a1);
    if (range.r1 === 1 && range.r2 >= sheet.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    sheet.deleteRows(range.r1, range.r2 - range.r1 + 1);
    if (sheet.filter) applyFilter(sheet);
    env.selection.set(user ?? env.defaultUser.email, { sheetId: sheet.id, r1: range.r1, c1: 1, r2: range.r1, c2: 1 });
    for (const t of env.triggers.filter((t) => t.eventType === 'ON_CHANGE' && t.sourceId === env.spreadsheet.id)) {
      const event = (ex: Execution) => ({ authMode: ex.authMode, changeType: 'REMOVE_ROW', source: new FakeSpreadsheet(ex), triggerUid: t.uid, user: userObj(ex.user) });
      this.run(t.handler, [(_c: vm.Context, ex: Execution) => event(ex)], { user: t.user, kind: 'trigger', authMode: 'FULL', step: `${t.handler} (on change)`, triggerUid: t.uid });
    }
  }

  /** Fires an installed trigger by handler name now (the first one found; all users' if `all`). */
  trigger(handler: string, opts: { user?: string } = {}): unknown {
    const t = this.env.triggers.find((x) => x.handler === handler && (!opts.user || x.user === opts.user));
    if (!t) throw new Error(`No installed trigger runs ${handler}`);
    return this.fire(t);
  }

  private fire(t: TriggerData): unknown {
    const env = this.env;
    if (t.schedule?.kind === 'after') t.spent = true;
    const when = new Date(env.now);
    const ev = () => ({
      authMode: 'FULL',
      triggerUid: t.uid,
      year: when.getUTCFullYear(),
      month: when.getUTCMonth() + 1,
      'day-of-month': when.getUTCDate(),
      hour: when.getUTCHours(),
      minute: when.getUTCMinutes(),
      second: when.getUTCSeconds(),
      timezone: 'UTC',
    });
    try {
      return this.run(t.handler, [ev], { user: t.user, kind: 'trigger', authMode: 'FULL', step: `trigger ${t.handler}`, triggerUid: t.uid });
    } finally {
      t.nextRun = nextFiring(t, env.now);
    }
  }

  /**
   * Moves the clock forward by `ms`, firing every installed time-driven trigger that comes due on the way, in order.
   * Returns what fired and any trigger that failed (a failed trigger run does not stop time).
   */
  advance(ms: number): { fired: string[]; failed: { handler: string; at: number; error: string }[] } {
    const env = this.env;
    const end = env.now + ms;
    const fired: string[] = [];
    const failed: { handler: string; at: number; error: string }[] = [];
    for (let guard = 0; guard < 100_000; guard++) {
      let next: TriggerData | undefined;
      for (const t of env.triggers) {
        if (t.eventType !== 'CLOCK' || t.spent) continue;
        if (t.nextRun === undefined) t.nextRun = nextFiring(t, env.now - 1);
        if (t.nextRun !== undefined && t.nextRun <= end && (!next || t.nextRun < next.nextRun!)) next = t;
      }
      if (!next) break;
      env.now = Math.max(env.now, next.nextRun!);
      fired.push(next.handler);
      try {
        this.fire(next);
      } catch (e) {
        failed.push({ handler: next.handler, at: env.now, error: e instanceof StepError ? errorMessage(e.error) : errorMessage(e) });
      }
    }
    env.now = end;
    return { fired, failed };
  }

  /** Reads cell values as the script would see them (Dates for date cells), without counting. */
  values(a1: string): unknown[][] {
    const { sheet, range } = this.resolve(a1);
    const out: unknown[][] = [];
    for (let r = range.r1; r <= range.r2; r++) {
      const row: unknown[] = [];
      for (let c = range.c1; c <= range.c2; c++) {
        const v = sheet.get(r, c);
        row.push(v instanceof WallDate ? new Date(wallToInstant(v.wall, this.env.spreadsheet.timeZone)) : v);
      }
      out.push(row);
    }
    return out;
  }
}

function userObj(u: SimUser) {
  return { getEmail: () => u.email, getNickname: () => u.email.split('@')[0], toString: () => u.email };
}

function eventValue(v: CellValue): string {
  if (v instanceof WallDate) return String(serialOf(v));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function colRef(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
