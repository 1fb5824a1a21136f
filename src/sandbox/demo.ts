// `npm start`: the demo. Runs the real bundle (dist/Code.js) in the local Apps Script sandbox over the sample data
// and writes out/ (workbook.xlsx + state, docs/, mail/, calls.json), then prints what happened.
import fs from 'node:fs';
import path from 'node:path';
import { SandboxSession, ROOT, type Step } from './session';
import { mailRecords } from './mail/index';
import { loadSample, readSampleData } from './sample-loader';
import { WallDate, type SheetModel } from './spreadsheet/model';
import { sheetKeyOf } from '../domain/ledgers/index';
import { wallDateString } from '../domain/time/zone';

const OUT = path.join(ROOT, 'out');

interface Line {
  text: string;
}

const lines: Line[] = [];
function say(text: string): void {
  lines.push({ text });
  console.log(text);
}

function sheetOf(s: SandboxSession, key: string): SheetModel {
  const sheet = s.env.spreadsheet.sheets.find((x) => sheetKeyOf(x.name) === key);
  if (!sheet) throw new Error(`no ${key} sheet`);
  return sheet;
}

function col(sheet: SheetModel, header: string): number {
  for (let c = 1; c <= sheet.lastColumn(); c++) if (sheet.get(1, c) === header) return c;
  throw new Error(`no column ${header} in ${sheet.name}`);
}

function letter(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function show(v: unknown): string {
  return v instanceof WallDate ? wallDateString(v.wall) : String(v);
}

/** The first row whose `header` cell shows `value`. */
function findRow(sheet: SheetModel, header: string, value: string): number {
  const c = col(sheet, header);
  for (let r = 2; r <= sheet.lastRow(); r++) if (show(sheet.get(r, c)) === value) return r;
  throw new Error(`no row with ${header} = ${value} in ${sheet.name}`);
}

function countBy(sheet: SheetModel, header: string): Record<string, number> {
  const c = col(sheet, header);
  const out: Record<string, number> = {};
  for (let r = 2; r <= sheet.lastRow(); r++) {
    const v = show(sheet.get(r, c));
    if (v) out[v] = (out[v] ?? 0) + 1;
  }
  return out;
}

function fmtCounts(o: Record<string, number>): string {
  return Object.entries(o)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
}

async function main(): Promise<void> {
  const started = Date.now();
  fs.rmSync(OUT, { recursive: true, force: true });
  const s = await SandboxSession.open({ now: '2026-03-02T09:00', timeZone: 'Asia/Shanghai', user: 'owner@example.com', locale: 'en' });
  const run = (step: Step) => s.run(step);
  say('Gendan demo — the real bundle (dist/Code.js) in the local Apps Script sandbox');
  say('Clock: Monday 2 March 2026, 09:00 Asia/Shanghai; user owner@example.com (English)\n');

  say('1. Set up workbook on an empty spreadsheet');
  run({ kind: 'open' });
  run({ kind: 'call', name: 'menuSetup' });
  const setupCalls = s.env.ledger.allSteps().slice(-1)[0];
  say(`   ${s.env.spreadsheet.sheets.length} sheets: ${s.env.spreadsheet.sheets.map((x) => x.name).join(', ')}`);
  say(`   ${setupCalls.total} service calls (${(setupCalls.modeledMs / 1000).toFixed(1)} s modeled)`);

  say('\n2. The sample data loaded (12 customers, 34 orders, lines, contacts, follow-ups, pipeline, after-sales) and checked');
  const loaded = loadSample(s.env, readSampleData(ROOT), 'en');
  say(`   rows loaded: ${fmtCounts(loaded)}`);
  run({ kind: 'call', name: 'menuRefreshStatuses' });
  say(`   Refresh statuses now → ${s.env.uiEvents.filter((u) => u.kind === 'toast').pop()?.message}`);
  run({ kind: 'call', name: 'menuCheckLedgers' });
  const dialog = s.env.uiEvents.filter((u) => u.kind === 'dialog').pop();
  const summary = dialog?.html ? /"summary":"([^"]*)"/.exec(dialog.html)?.[1] : undefined;
  say(`   Check ledgers → ${summary ?? 'no dialog'}`);
  const orders = sheetOf(s, 'orders');
  const followUps = sheetOf(s, 'followUps');
  say(`   Orders by status: ${fmtCounts(countBy(orders, 'Status'))}`);
  say(`   Follow-ups by status: ${fmtCounts(countBy(followUps, 'Status'))}`);

  say('\n3. Edits keep statuses true (onEdit, simple trigger)');
  const fuRow = 2;
  const fuStatus = `${followUps.name}!${letter(col(followUps, 'Status'))}${fuRow}`;
  run({ kind: 'edit', a1: fuStatus, input: 'Done' });
  say(`   Follow-up row ${fuRow} marked Done → Done on ${show(followUps.get(fuRow, col(followUps, 'Done on')))}`);
  const contracted = findRow(orders, 'Stage', 'Contracted');
  const no = show(orders.get(contracted, col(orders, 'Order no.')));
  run({ kind: 'edit', a1: `${orders.name}!${letter(col(orders, 'Deposit received on'))}${contracted}`, input: '2026-03-02' });
  say(`   ${no}: Deposit received on filled → stage ${show(orders.get(contracted, col(orders, 'Stage')))}, payment ${show(orders.get(contracted, col(orders, 'Payment status')))}`);
  const inquiry = findRow(orders, 'Stage', 'Inquiry');
  const inquiryNo = show(orders.get(inquiry, col(orders, 'Order no.')));
  run({ kind: 'edit', a1: `${orders.name}!${letter(col(orders, 'Shipped on'))}${inquiry}`, input: '2026-03-02' });
  const note = orders.notes.get(`${inquiry},${col(orders, 'Shipped on')}`);
  say(`   ${inquiryNo}: Shipped on filled at Inquiry → stage stays ${show(orders.get(inquiry, col(orders, 'Stage')))}; note: "${note ?? ''}"`);

  say('\n4. Time passes: daily updates on, the clock moves 3 days');
  run({ kind: 'call', name: 'menuToggleAutomation' });
  say(`   triggers installed: ${s.env.triggers.map((t) => t.handler).join(', ')}`);
  const before = countBy(followUps, 'Status').Overdue ?? 0;
  try {
    run({ kind: 'advance', ms: 3 * 86_400_000, label: '3d' });
  } catch (e) {
    say(`   (a trigger failed: ${(e as Error).message})`);
  }
  say(`   overdue follow-ups: ${before} → ${countBy(followUps, 'Status').Overdue ?? 0}; orders by status: ${fmtCounts(countBy(orders, 'Status'))}`);

  say('\n5. Reminders over two weeks: the hourly trigger runs them while the clock moves 11 more days');
  try {
    run({ kind: 'advance', ms: 11 * 86_400_000, label: '11d' });
  } catch (e) {
    say(`   (a trigger failed: ${(e as Error).message})`);
  }
  const mails = mailRecords(s.env);
  say(`   ${mails.filter((m) => m.kind === 'sent').length} staff digest(s) sent, ${mails.filter((m) => m.kind === 'draft').length} customer draft(s) in Gmail, each in the customer's language and hours`);
  say(`   Reminder log rows: ${Math.max(0, sheetOf(s, 'reminderLog').lastRow() - 1)}`);

  const out = await s.save(OUT);
  const calls = s.env.ledger.toJSON();
  say('\nOutputs');
  say(`   ${path.relative(ROOT, out.workbook)}  (open it in Google Sheets with File ▸ Import, or in Excel/LibreOffice)`);
  say(`   ${path.relative(ROOT, path.join(OUT, 'docs'))}/  ${out.docs.length} document file(s)`);
  say(`   ${path.relative(ROOT, path.join(OUT, 'mail'))}/  ${out.mail.length} mail(s) (.eml)`);
  say(`   ${path.relative(ROOT, out.calls)}  ${calls.total} Apps Script service calls in ${calls.steps.length} executions, ${(calls.modeledMs / 1000).toFixed(1)} s modeled`);
  say(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  fs.writeFileSync(path.join(OUT, 'summary.txt'), lines.map((l) => l.text).join('\n') + '\n');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
