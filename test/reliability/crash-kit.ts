// Crash harness for the reliability suites: a small set-up workbook, the whole world it holds (every cell of every
// sheet, the documents in Drive, the mail) in a form two runs can be compared in, and an execution that dies at
// its Nth round trip. Identifiers a backend hands out (Drive file and mail ids) are replaced by what they name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Sandbox } from '../../src/sandbox/runtime';
import { WallDate, type CellValue, type SheetModel } from '../../src/sandbox/spreadsheet/model';
import { driveOf } from '../../src/sandbox/drive/model';
import { toApiDocument } from '../../src/sandbox/docs/model';
import { mailRecords } from '../../src/sandbox/mail/model';
import { buildWorkbook, type WorkbookSize } from '../../bench/synthetic-workbook';
import { serviceMeter, type MeteredCall } from '../../bench/service-meter';

/**
 * The bundle under test, copied once per test file: a suite that replays a run dozens of times must not see
 * dist/ change under it when a build runs meanwhile.
 */
export const DIST = ((): string => {
  const from = path.join(__dirname, '../../dist');
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-dist-'));
  for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(to, f));
  return to;
})();

export const SMALL: WorkbookSize = {
  orders: 30,
  linesPerOrder: 2,
  customers: 8,
  products: 6,
  contacts: 12,
  followUps: 40,
  pipeline: 4,
  afterSales: 4,
  documentOrders: [{ orderNo: 'SO-2026-9001', lines: 3 }],
};

const DAY = 86_400_000;

/** A small workbook, set up (ledgers, Settings, default templates), the clock still (runs are compared to the ms). */
export function setUpWorkbook(size: WorkbookSize = SMALL): Sandbox {
  const sb = buildWorkbook(size, { distDir: DIST, frozenClock: true }).sandbox;
  sb.click('menuSetup');
  return sb;
}

/** Turns daily updates on and moves to the next day, so the daily trigger has statuses to change. */
export function nextDayWithAutomation(sb: Sandbox): void {
  sb.click('menuToggleAutomation');
  sb.env.now += DAY;
}

/** Round trips `fn` makes. */
export function roundTripsOf(sb: Sandbox, fn: () => void): number {
  const before = sb.env.ledger.totalRoundTrips();
  fn();
  return sb.env.ledger.totalRoundTrips() - before;
}

/** The round trips `fn` makes, in order, each with its method and sheet (`at` is its 1-based position). */
export function traceOf(sb: Sandbox, fn: () => void): (MeteredCall & { at: number })[] {
  serviceMeter.reset();
  serviceMeter.env = sb.env;
  serviceMeter.on = true;
  const before = sb.env.ledger.totalRoundTrips();
  try {
    fn();
  } finally {
    serviceMeter.on = false;
  }
  let at = 0;
  const calls = serviceMeter.calls.map((c) => ({ ...c, at: (at += c.roundTrips) }));
  if (at !== sb.env.ledger.totalRoundTrips() - before) throw new Error(`the trace saw ${at} of ${sb.env.ledger.totalRoundTrips() - before} round trips`);
  return calls;
}

/** Position of the first round trip of `method` on `sheet` in a trace. */
export function positionOf(trace: readonly (MeteredCall & { at: number })[], method: string, sheet: string): number {
  const c = trace.find((x) => x.method === method && x.sheet === sheet);
  if (!c) throw new Error(`the run makes no ${method} on ${sheet}`);
  return c.at;
}

/**
 * The running execution dies at its `k`th round trip from now: that call and every later one fail, as when Apps
 * Script stops a script (a fault that fires keeps the others armed at the same call from counting it, so `n` faults
 * at `k` fail calls k … k+n-1).
 */
export function dieAt(sb: Sandbox, k: number, calls = 400): void {
  for (let i = 0; i < calls; i++) sb.env.ledger.arm({ atCall: k, message: `crash at round trip ${k}` });
}

/** Runs `fn` as a crashed execution: true when it threw. The faults are disarmed afterwards. */
export function crashed(sb: Sandbox, fn: () => void): boolean {
  let threw = false;
  try {
    fn();
  } catch {
    threw = true;
  }
  if (!sb.env.ledger.faultFired()) throw new Error('the armed crash never happened: the run made fewer round trips than expected');
  sb.env.ledger.disarm();
  return threw;
}

/** Every text run of a Docs API document, in order. */
function docText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => docText(n, out));
  else if (node && typeof node === 'object') {
    const run = (node as { textRun?: { content?: unknown } }).textRun;
    if (run && typeof run.content === 'string') out.push(run.content);
    for (const [k, v] of Object.entries(node)) if (k !== 'textRun') docText(v, out);
  }
  return out;
}

export interface World {
  /** Sheet name → rows of cells as text. */
  sheets: Record<string, string[]>;
  /** Files in Drive that are not in the trash: "mimeType name in folder", Docs with their text. */
  files: string[];
  /** Every mail and draft: kind, recipients, subject, key header. */
  mail: string[];
  /** Installed triggers still to fire (a continuation left behind would run again later). */
  triggers: string[];
}

function cellText(v: CellValue): string {
  if (v instanceof WallDate) return `D:${new Date(v.wall).toISOString()}`;
  return typeof v === 'string' ? v : `${typeof v}:${String(v)}`;
}

/** The world a workbook holds, with backend identifiers replaced by what they name. */
export function worldOf(sb: Sandbox): World {
  const drive = driveOf(sb.env);
  const files = drive.list();
  const mails = mailRecords(sb.env);
  const names = new Map<string, string>();
  for (const f of files) names.set(f.id, `<file ${f.name}${f.trashed ? ' (trashed)' : ''}>`);
  mails.forEach((m) => {
    const label = `<mail ${m.kind} ${m.to} ${m.subject}>`;
    for (const id of [m.id, m.messageId, m.threadId]) if (id) names.set(id, label);
  });
  const ids = [...names.keys()].filter((id) => id.length >= 6).sort((a, b) => b.length - a.length);
  const pattern = ids.length ? new RegExp(ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null;
  const named = (text: string) => (pattern ? text.replace(pattern, (id) => names.get(id) ?? id) : text);

  const sheets: Record<string, string[]> = {};
  for (const s of sb.env.spreadsheet.sheets) {
    const rows: string[] = [];
    for (let r = 1; r <= s.lastRow(); r++) {
      const row = s.values[r - 1] ?? [];
      rows.push(named(row.map((v) => cellText(v ?? '')).join('\t').replace(/\t+$/, '')));
    }
    sheets[s.name] = rows;
  }
  const folderName = (id: string) => drive.files.get(id)?.name ?? '?';
  const liveFiles = files
    .filter((f) => !f.trashed && f.mimeType !== 'application/vnd.google-apps.folder')
    .map((f) => {
      const text = f.doc ? ` :: ${named(docText(toApiDocument(f.id, f.name, f.doc)).join(''))}` : '';
      return `${f.mimeType} ${f.name} in ${f.parents.map(folderName).join(',')}${text}`;
    })
    .sort();
  const mail = mails
    .map((m) => {
      const key = /^X-Gendan-Key:\s*(.*)$/im.exec(m.raw)?.[1]?.trim() ?? '';
      return `${m.kind} to=${m.to} cc=${m.cc} subject=${m.subject} key=${key}`;
    })
    .sort();
  const triggers = sb.env.triggers.filter((t) => !t.spent).map((t) => `${t.handler} (${t.eventType})`).sort();
  return { sheets, files: liveFiles, mail, triggers };
}

/** The sheets whose content differs between two worlds, with the first differing row of each (for messages). */
export function differences(a: World, b: World): string[] {
  const out: string[] = [];
  for (const name of new Set([...Object.keys(a.sheets), ...Object.keys(b.sheets)])) {
    const ra = a.sheets[name] ?? [];
    const rb = b.sheets[name] ?? [];
    const n = Math.max(ra.length, rb.length);
    for (let i = 0; i < n; i++) {
      if (ra[i] !== rb[i]) {
        out.push(`${name} row ${i + 1}: ${JSON.stringify(ra[i] ?? null)} ≠ ${JSON.stringify(rb[i] ?? null)}`);
        break;
      }
    }
  }
  if (JSON.stringify(a.files) !== JSON.stringify(b.files)) out.push(`files: ${JSON.stringify(a.files.map((f) => f.slice(0, 120)))} ≠ ${JSON.stringify(b.files.map((f) => f.slice(0, 120)))}`);
  if (JSON.stringify(a.mail) !== JSON.stringify(b.mail)) out.push(`mail: ${JSON.stringify(a.mail)} ≠ ${JSON.stringify(b.mail)}`);
  if (JSON.stringify(a.triggers) !== JSON.stringify(b.triggers)) out.push(`triggers: ${JSON.stringify(a.triggers)} ≠ ${JSON.stringify(b.triggers)}`);
  return out;
}

function sheetNamed(sb: Sandbox, name: string): SheetModel {
  const s = sb.env.spreadsheet.sheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function columnNamed(s: SheetModel, header: string): number {
  const i = (s.values[0] ?? []).indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${s.name}`);
  return i + 1;
}

/** Number columns: Gendan hands these out, so a dead run may skip some. */
const NUMBERED: [string, string][] = [
  ['Customers', 'Customer ID'],
  ['Orders', 'Order no.'],
  ['Contact log', 'Contact ID'],
  ['Follow-ups', 'ID'],
  ['After-sales', 'Case no.'],
];

/**
 * The numbers in `sb` that differ from the reference's, cell by cell in the number columns, as a renaming; it
 * must be one to one (a number given to two rows would break it). Also checks every number column is duplicate-free.
 */
export function renaming(sb: Sandbox, ref: Sandbox): Map<string, string> {
  const map = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const [name, header] of NUMBERED) {
    const s = sheetNamed(sb, name);
    const r = sheetNamed(ref, name);
    const c = columnNamed(s, header);
    const seen = new Set<string>();
    for (let row = 2; row <= Math.max(s.lastRow(), r.lastRow()); row++) {
      const mine = String(s.get(row, c));
      const theirs = String(r.get(row, columnNamed(r, header)));
      if (mine) {
        if (seen.has(mine)) throw new Error(`${name}!${header}: ${mine} given to two rows`);
        seen.add(mine);
      }
      if (mine === theirs) continue;
      if (!mine || !theirs) throw new Error(`${name} row ${row}: ${header} "${mine}" where an uncrashed run has "${theirs}"`);
      if (map.has(mine) || taken.has(theirs)) throw new Error(`${name} row ${row}: ${mine} → ${theirs} is not one to one`);
      map.set(mine, theirs);
      taken.set(theirs, mine);
    }
  }
  return map;
}

/** The world with a renaming of numbers applied to every cell (whole numbers only, wherever they are written). */
export function renamed(world: World, map: Map<string, string>): World {
  if (!map.size) return world;
  const ids = [...map.keys()].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\w-])(?:${ids.join('|')})(?![\\w-])`, 'g');
  const sheets: Record<string, string[]> = {};
  for (const [name, rows] of Object.entries(world.sheets)) sheets[name] = rows.map((row) => row.replace(pattern, (id) => map.get(id) ?? id));
  return { ...world, sheets };
}
