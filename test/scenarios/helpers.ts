// Scenario helpers: a sandbox over the built bundle, and readers that find cells by header text.
import path from 'node:path';
import { Sandbox } from '../../src/sandbox/runtime';
import { SandboxEnv } from '../../src/sandbox/env';
import { parseNow } from '../../src/sandbox/session';
import { WallDate, type SheetModel } from '../../src/sandbox/spreadsheet/model';
import { wallDateString } from '../../src/domain/time/zone';

export const DIST = path.join(__dirname, '../../dist');

export function newSandbox(opts: { now?: string; timeZone?: string; user?: string; locale?: string } = {}): Sandbox {
  const tz = opts.timeZone ?? 'Asia/Shanghai';
  const env = new SandboxEnv({ timeZone: tz, user: opts.user ?? 'owner@example.com', locale: opts.locale ?? 'en' });
  env.spreadsheet.addSheet('Sheet1');
  env.now = parseNow(opts.now ?? '2026-03-02T09:00', tz);
  return Sandbox.fromDist(DIST, env);
}

export function sheet(sb: Sandbox, name: string): SheetModel {
  const s = sb.env.spreadsheet.sheetByName(name);
  if (!s) throw new Error(`no sheet ${name}; sheets: ${sb.env.spreadsheet.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

export function headerCol(s: SheetModel, header: string): number {
  for (let c = 1; c <= s.lastColumn(); c++) if (s.get(1, c) === header) return c;
  throw new Error(`no column "${header}" in ${s.name}`);
}

/** A cell by header, with dates as YYYY-MM-DD. */
export function cell(s: SheetModel, row: number, header: string): unknown {
  const v = s.get(row, headerCol(s, header));
  return v instanceof WallDate ? wallDateString(v.wall) : v;
}

/** A1 reference of a cell by header, e.g. "Orders!F5". */
export function ref(s: SheetModel, row: number, header: string): string {
  let c = headerCol(s, header);
  let letters = '';
  for (; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${s.name}!${letters}${row}`;
}

/** Writes a whole row as a user paste, by header. */
export function pasteRow(sb: Sandbox, s: SheetModel, row: number, values: Record<string, string>): void {
  const cols = Object.keys(values).map((h) => headerCol(s, h));
  const c1 = Math.min(...cols);
  const c2 = Math.max(...cols);
  const grid: string[] = [];
  for (let c = c1; c <= c2; c++) {
    const h = String(s.get(1, c));
    grid.push(h in values ? values[h] : String(s.get(row, c) instanceof WallDate ? '' : s.get(row, c)));
  }
  const a = ref(s, row, String(s.get(1, c1)));
  const b = ref(s, row, String(s.get(1, c2))).split('!')[1];
  sb.edit(`${a}:${b}`, [grid]);
}
