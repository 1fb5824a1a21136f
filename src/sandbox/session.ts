// A sandbox session over a workbook on disk: load (xlsx + state.json), run steps, save the outputs
// (workbook.xlsx, workbook.state.json, docs/, mail/, calls.json, ui.json, log.txt). Used by the CLI, the demo,
// the template generator and the scenario tests.
import fs from 'node:fs';
import path from 'node:path';
import './all-services';
import { SandboxEnv } from './env';
import { Sandbox, StepError } from './runtime';
import { loadState, saveState, type SandboxState } from './state';
import { exportWorkbook, importWorkbook } from './xlsx';
import { exportDriveFiles } from './export/drive-export';
import { exportMail } from './mail/index';
import { wallToInstant } from '../domain/time/zone';

/** The project root: the nearest folder above this file holding src/gas/main.ts (works from source and from run-ts's cache). */
function findRoot(start: string): string {
  for (let d = start; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'src', 'gas', 'main.ts'))) return d;
    if (path.dirname(d) === d) return process.cwd();
  }
}

export const ROOT = findRoot(__dirname);
export const DIST = path.join(ROOT, 'dist');

export interface SessionOptions {
  workbook?: string;
  now?: string;
  timeZone?: string;
  user?: string;
  locale?: string;
  distDir?: string;
}

export type Step =
  | { kind: 'call'; name: string }
  | { kind: 'select'; a1: string }
  | { kind: 'edit'; a1: string; input: string | string[] | string[][] }
  | { kind: 'delete-rows'; a1: string }
  | { kind: 'trigger'; name: string }
  | { kind: 'advance'; ms: number; label: string }
  | { kind: 'open' }
  | { kind: 'user'; email: string }
  | { kind: 'answer'; button: string }
  | { kind: 'rpc'; name: string; args: unknown[] };

/** "2026-03-02T09:00" (wall clock in `timeZone`) → epoch ms. Full ISO strings with an offset are taken as is. */
export function parseNow(text: string, timeZone: string): number {
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text)) {
    const t = Date.parse(text);
    if (Number.isNaN(t)) throw new Error(`--now: cannot read "${text}"`);
    return t;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) throw new Error(`--now: use 2026-03-02T09:00 (got "${text}")`);
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return wallToInstant(wall, timeZone);
}

/** "2d", "3h", "30m", "1w", "90s" → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(w|d|h|m|s)$/.exec(text.trim());
  if (!m) throw new Error(`--advance: use a number and a unit, e.g. 2d, 3h, 30m (got "${text}")`);
  const unit = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 }[m[2] as 'w' | 'd' | 'h' | 'm' | 's'];
  return Math.round(Number(m[1]) * unit);
}

/** "Orders!F5=Shipped" or "Orders!F5:F7=[\"a\",\"b\",\"c\"]" → range and input. */
export function parseEdit(text: string): { a1: string; input: string | string[] | string[][] } {
  const eq = text.indexOf('=');
  if (eq < 0) throw new Error(`--edit: use Sheet!A1=value (got "${text}")`);
  const a1 = text.slice(0, eq);
  const rest = text.slice(eq + 1);
  if (rest.startsWith('[')) {
    try {
      const v = JSON.parse(rest) as unknown;
      if (Array.isArray(v)) return { a1, input: v.map((x) => (Array.isArray(x) ? x.map(String) : String(x))) as string[] | string[][] };
    } catch {
      // not JSON: the user typed text that starts with "["
    }
  }
  return { a1, input: rest };
}

export class SandboxSession {
  readonly sandbox: Sandbox;
  private actingUser: string;

  private constructor(sandbox: Sandbox) {
    this.sandbox = sandbox;
    this.actingUser = sandbox.env.defaultUser.email;
  }

  get env(): SandboxEnv {
    return this.sandbox.env;
  }

  static async open(opts: SessionOptions = {}): Promise<SandboxSession> {
    const tz = opts.timeZone ?? 'Asia/Shanghai';
    let env: SandboxEnv;
    if (opts.workbook) {
      const buf = fs.readFileSync(opts.workbook);
      const model = await importWorkbook(buf, { timeZone: tz, locale: opts.locale });
      env = new SandboxEnv({ spreadsheet: model, user: opts.user, locale: opts.locale });
      const statePath = opts.workbook.replace(/\.xlsx$/i, '') + '.state.json';
      if (fs.existsSync(statePath)) loadState(env, JSON.parse(fs.readFileSync(statePath, 'utf8')) as SandboxState);
      else {
        env.spreadsheet.timeZone = tz;
        env.scriptTimeZone = tz;
      }
      if (opts.timeZone) env.spreadsheet.timeZone = opts.timeZone;
      if (opts.user) env.defaultUser = env.user(opts.user, opts.locale);
      if (opts.locale) env.user(env.defaultUser.email, opts.locale);
      if (opts.now) env.now = parseNow(opts.now, env.spreadsheet.timeZone);
      else if (!fs.existsSync(statePath)) env.now = parseNow('2026-03-02T09:00', env.spreadsheet.timeZone);
    } else {
      env = new SandboxEnv({ timeZone: tz, user: opts.user, locale: opts.locale });
      env.spreadsheet.addSheet('Sheet1');
      env.now = parseNow(opts.now ?? '2026-03-02T09:00', tz);
    }
    return new SandboxSession(Sandbox.fromDist(opts.distDir ?? DIST, env));
  }

  /** Runs one step; throws StepError naming the step when the script fails. */
  run(step: Step): unknown {
    const sb = this.sandbox;
    switch (step.kind) {
      case 'user':
        this.actingUser = step.email;
        sb.env.user(step.email);
        return undefined;
      case 'answer':
        sb.env.uiAnswers.push({ button: step.button });
        return undefined;
      case 'open':
        return sb.open(this.actingUser);
      case 'call':
        return sb.run(step.name, [], { user: this.actingUser, kind: 'menu', step: `--call ${step.name}` });
      case 'rpc':
        return sb.rpc(step.name, step.args, this.actingUser);
      case 'select':
        return sb.select(step.a1, this.actingUser);
      case 'edit': {
        const before = sb.triggerErrors.length;
        const r = sb.edit(step.a1, step.input, this.actingUser);
        if (sb.triggerErrors.length > before) throw new StepError(`--edit ${step.a1}`, new Error(sb.triggerErrors[sb.triggerErrors.length - 1].error));
        return r;
      }
      case 'delete-rows': {
        const before = sb.triggerErrors.length;
        sb.deleteRows(step.a1, this.actingUser);
        if (sb.triggerErrors.length > before) throw new StepError(`--delete-rows ${step.a1}`, new Error(sb.triggerErrors[sb.triggerErrors.length - 1].error));
        return undefined;
      }
      case 'trigger':
        return sb.trigger(step.name, { user: undefined });
      case 'advance': {
        const r = sb.advance(step.ms);
        if (r.failed.length) throw new StepError(`--advance ${step.label}`, new Error(r.failed.map((f) => `${f.handler}: ${f.error}`).join('; ')));
        return r;
      }
    }
  }

  /** Writes every output into `dir`; returns the paths written. */
  async save(dir: string): Promise<{ workbook: string; docs: string[]; mail: string[]; calls: string }> {
    fs.mkdirSync(dir, { recursive: true });
    const env = this.env;
    const workbook = path.join(dir, 'workbook.xlsx');
    fs.writeFileSync(workbook, await exportWorkbook(env.spreadsheet));
    fs.writeFileSync(path.join(dir, 'workbook.state.json'), JSON.stringify(saveState(env), null, 1));
    const docsDir = path.join(dir, 'docs');
    fs.rmSync(docsDir, { recursive: true, force: true });
    const docs = await exportDriveFiles(env, docsDir);
    const mailDir = path.join(dir, 'mail');
    fs.rmSync(mailDir, { recursive: true, force: true });
    const mail = exportMail(env, mailDir);
    const calls = path.join(dir, 'calls.json');
    fs.writeFileSync(calls, JSON.stringify(env.ledger.toJSON(), null, 1));
    fs.writeFileSync(path.join(dir, 'ui.json'), JSON.stringify(env.uiEvents, null, 1));
    fs.writeFileSync(path.join(dir, 'log.txt'), env.logs.map((l) => `${new Date(l.at).toISOString()} ${l.level} ${l.message}`).join('\n') + '\n');
    return { workbook, docs, mail, calls };
  }
}
