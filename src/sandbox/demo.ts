// `npm start`: the demo. Runs the real bundle (dist/Code.js) in the local Apps Script sandbox over the sample data —
// set up, edits, documents (English and Chinese), a document mailed as a Gmail draft, the customer panel, time
// passing with reminders, the dashboard — and writes out/ (workbook.xlsx + state, docs/, mail/, calls.json), then
// prints what happened. `demo.ts --out DIR` writes elsewhere (the demo's test does).
import fs from 'node:fs';
import path from 'node:path';
import { SandboxSession, ROOT, type Step } from './session';
import { mailRecords } from './mail/index';
import { loadSample, readSampleData } from './sample-loader';
import { WallDate, columnLetter, type SheetModel } from './spreadsheet/model';
import { driveOf } from './drive/model';
import type { PanelData, PanelPage } from '../ui/sidebar-contract';
import { sheetKeyOf } from '../domain/ledgers/index';
import { wallDateString } from '../domain/time/zone';

function outDir(argv: string[]): string {
  const i = argv.indexOf('--out');
  return i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : path.join(ROOT, 'out');
}

const OUT = outDir(process.argv.slice(2));

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


/** A user edit of one row: the cells of `values` (by header) and the ones between them as they are. */
function rowEdit(sheet: SheetModel, row: number, values: Record<string, string>): Step {
  const cols = Object.keys(values).map((h) => col(sheet, h));
  const c1 = Math.min(...cols);
  const c2 = Math.max(...cols);
  const grid: string[] = [];
  for (let c = c1; c <= c2; c++) {
    const h = String(sheet.get(1, c));
    grid.push(h in values ? values[h] : show(sheet.get(row, c)));
  }
  return { kind: 'edit', a1: `${sheet.name}!${columnLetter(c1)}${row}:${columnLetter(c2)}${row}`, input: [grid] };
}

/** The page data of the last sidebar shown (the menu item embeds it). */
function shownPanel(s: SandboxSession): PanelPage {
  const html = s.env.uiEvents.filter((u) => u.kind === 'sidebar').pop()?.html ?? '';
  const json = /<script type="application\/json" id="panel-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error('the customer panel shows no data');
  return JSON.parse(json) as PanelPage;
}

function lastToast(s: SandboxSession): string {
  return s.env.uiEvents.filter((u) => u.kind === 'toast').pop()?.message ?? '';
}

/** The Drive files a step made (not trashed), in the order made. */
function newFiles(s: SandboxSession, before: ReadonlySet<string>): string[] {
  return driveOf(s.env)
    .list()
    .filter((f) => !before.has(f.id) && !f.trashed && f.mimeType !== 'application/vnd.google-apps.folder')
    .map((f) => f.name);
}

function driveIds(s: SandboxSession): Set<string> {
  return new Set(driveOf(s.env).list().map((f) => f.id));
}

/** The Dashboard row whose first cell is `label`: its cells after the label. */
function dashboardRow(sheet: SheetModel, label: string | RegExp): string[] {
  for (let r = 1; r <= sheet.lastRow(); r++) {
    const first = show(sheet.get(r, 1));
    if (typeof label === 'string' ? first === label : label.test(first)) {
      const out: string[] = [first];
      for (let c = 2; c <= sheet.lastColumn(); c++) out.push(show(sheet.get(r, c)));
      return out;
    }
  }
  return [];
}

function usd(n: string): string {
  const v = Number(n);
  return Number.isFinite(v) ? `USD ${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : n;
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
  const fuRow = (() => {
    const c = col(followUps, 'Status');
    for (let r = 2; r <= followUps.lastRow(); r++) if (show(followUps.get(r, c)) !== 'Done') return r;
    throw new Error('no open follow-up in the sample data');
  })();
  const fuWas = show(followUps.get(fuRow, col(followUps, 'Status')));
  const fuStatus = `${followUps.name}!${letter(col(followUps, 'Status'))}${fuRow}`;
  run({ kind: 'edit', a1: fuStatus, input: 'Done' });
  say(`   Follow-up row ${fuRow} (${fuWas}) marked Done → ${show(followUps.get(fuRow, col(followUps, 'Status')))}, Done on ${show(followUps.get(fuRow, col(followUps, 'Done on')))}`);
  const contracted = findRow(orders, 'Stage', 'Contracted');
  const no = show(orders.get(contracted, col(orders, 'Order no.')));
  run({ kind: 'edit', a1: `${orders.name}!${letter(col(orders, 'Deposit received on'))}${contracted}`, input: '2026-03-02' });
  say(`   ${no}: Deposit received on filled → stage ${show(orders.get(contracted, col(orders, 'Stage')))}, payment ${show(orders.get(contracted, col(orders, 'Payment status')))}`);
  const inquiry = findRow(orders, 'Stage', 'Inquiry');
  const inquiryNo = show(orders.get(inquiry, col(orders, 'Order no.')));
  run({ kind: 'edit', a1: `${orders.name}!${letter(col(orders, 'Shipped on'))}${inquiry}`, input: '2026-03-02' });
  const note = orders.notes.get(`${inquiry},${col(orders, 'Shipped on')}`);
  say(`   ${inquiryNo}: Shipped on filled at Inquiry → stage stays ${show(orders.get(inquiry, col(orders, 'Stage')))}; note: "${note ?? ''}"`);

  say('\n4. Documents: a quotation, then a sales contract, for an English and a Chinese customer (Documents menu)');
  const gulf = findRow(orders, 'Order no.', 'SO-2026-0016');
  const customers = sheetOf(s, 'customers');
  const nameOf = (id: string) => show(customers.get(findRow(customers, 'Customer ID', id), col(customers, 'Customer name')));
  const gulfName = nameOf(show(orders.get(gulf, col(orders, 'Customer'))));
  const stageOf = (r: number) => show(orders.get(r, col(orders, 'Stage')));
  const generate = (row: number, fn: string): { generated: string[]; problems: string[] } => {
    run({ kind: 'select', a1: `${orders.name}!A${row}` });
    return (run({ kind: 'call', name: fn }) as { generated: string[]; problems: string[] } | undefined) ?? { generated: [], problems: [] };
  };
  const seen = driveIds(s);
  let g = generate(gulf, 'menuGenerateQuotation');
  say(`   SO-2026-0016 (${gulfName}, English): quotation ${g.generated.join(', ') || '—'} → stage ${stageOf(gulf)}, Quote no. ${show(orders.get(gulf, col(orders, 'Quote no.')))}`);
  g = generate(gulf, 'menuGenerateContract');
  say(`   Sales contract refused: ${(g.problems[0] ?? '').replace(/^.*?: /, '')}`);
  run(rowEdit(orders, gulf, { 'Delivery date': '2026-04-30' }));
  g = generate(gulf, 'menuGenerateContract');
  say(`   Delivery date typed (2026-04-30) → contract ${g.generated.join(', ') || '—'}; stage ${stageOf(gulf)}, Contract no. ${show(orders.get(gulf, col(orders, 'Contract no.')))}`);
  // A new inquiry from the Chinese customer, typed as a salesperson would (customer, terms; Gendan numbers it; one line).
  const lineSheet = sheetOf(s, 'orderLines');
  const hengtong = orders.lastRow() + 1;
  run(rowEdit(orders, hengtong, { Customer: 'C-0003', Owner: 'owner@example.com', Stage: 'Inquiry', 'Inquiry date': '2026-03-02', Currency: 'CNY', 'Trade term': 'FOB', 'Port of loading': 'Ningbo', 'Delivery date': '2026-04-20' }));
  const newNo = show(orders.get(hengtong, col(orders, 'Order no.')));
  run(rowEdit(lineSheet, lineSheet.lastRow() + 1, { 'Order no.': newNo, Line: '1', 'Product code': 'DH-2301', Quantity: '500', 'Unit price': '42.5' }));
  const total = Number(orders.get(hengtong, col(orders, 'Total amount')));
  say(`   New inquiry typed for C-0003 (${nameOf('C-0003')}, language zh), numbered ${newNo} by Gendan, with one line → total CNY ${total.toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  const zhQuote = generate(hengtong, 'menuGenerateQuotation');
  const zhStage1 = stageOf(hengtong);
  const zhContract = generate(hengtong, 'menuGenerateContract');
  say(`   In Chinese: quotation ${zhQuote.generated.join(', ') || '—'} (stage → ${zhStage1}), contract ${zhContract.generated.join(', ') || '—'} (stage → ${stageOf(hengtong)})`);
  // The Documents cell holds one line per document: its number, then its Doc and PDF links.
  const docLines = show(orders.get(hengtong, col(orders, 'Documents'))).split('\n').filter(Boolean);
  say(`   Documents cell of ${newNo}: ${docLines.map((l) => l.replace(/https:\/\/([^/]+)\/\S+/g, '$1/…')).join(' | ')}`);
  const made = newFiles(s, seen);
  say(`   Drive: ${made.length} files in the customers' folders, e.g. "${made[0] ?? ''}", "${made[made.length - 1] ?? ''}"`);
  for (const p of [...zhQuote.problems, ...zhContract.problems]) say(`   (problem: ${p})`);

  say('\n5. Email document to customer: SO-2026-0016 selected');
  run({ kind: 'select', a1: `${orders.name}!A${gulf}` });
  const mailsBefore = mailRecords(s.env).length;
  run({ kind: 'call', name: 'menuEmailDocument' });
  const draft = mailRecords(s.env).slice(mailsBefore).find((m) => m.kind === 'draft');
  const attached = draft ? /filename\*?="?([^";\r\n]+\.pdf)"?/i.exec(draft.raw)?.[1] : undefined;
  say(`   ${lastToast(s)}`);
  if (draft) say(`   Gmail draft to ${draft.to}: "${draft.subject}", attachment ${attached ?? '(none)'}`);

  say('\n6. Customer panel: Customers row 2 selected, Open customer panel');
  run({ kind: 'select', a1: `${sheetOf(s, 'customers').name}!A2` });
  run({ kind: 'call', name: 'menuOpenPanel' });
  const opened = s.env.ledger.allSteps().slice(-1)[0];
  const page = shownPanel(s);
  if (!('panel' in page)) throw new Error(`the customer panel shows an error: ${page.error}`);
  const c = page.panel.customer;
  say(`   ${c.name} (${c.id}, ${c.country}, ${c.localTime} there): ${page.panel.orders.length} open orders (${page.panel.orders.map((o) => `${o.orderNo} ${o.stage}`).join(', ')}), ${page.panel.followUps.length} open follow-ups, last contact ${c.lastContact || '—'} — ${opened.total} service calls`);
  const logged = run({
    kind: 'rpc',
    name: 'sidebarLogContact',
    args: [{ customerId: c.id, channel: 'phone', topic: 'Call about the walnut finish', feedback: 'Likes the samples; wants the price for 1,000 sets.', nextAction: 'Send the revised quotation', owner: 'owner@example.com', due: '2026-03-06' }],
  }) as PanelData;
  const newest = logged.contacts?.[0];
  const plan = logged.followUps.find((f) => f.action === 'Send the revised quotation');
  say(`   Log a contact (panel form) → Contact log: "${newest?.topic ?? ''}" ${newest?.date ?? ''}; follow-up ${plan?.id ?? '—'} "${plan?.action ?? ''}" due ${plan?.due ?? ''} (${plan?.status ?? ''})`);

  say('\n7. Time passes: daily updates on, the clock moves 3 days');
  run({ kind: 'call', name: 'menuToggleAutomation' });
  say(`   triggers installed: ${s.env.triggers.map((t) => t.handler).join(', ')}`);
  // A line typed by mistake, then its row deleted: no onEdit fires for a deletion, the change trigger does.
  const cny = (n: number) => `CNY ${n.toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  const totalOf = () => Number(orders.get(hengtong, col(orders, 'Total amount')));
  const extra = lineSheet.lastRow() + 1;
  run(rowEdit(lineSheet, extra, { 'Order no.': newNo, Line: '2', 'Product code': 'DH-2301', Quantity: '100', 'Unit price': '42.5' }));
  const typed = totalOf();
  run({ kind: 'delete-rows', a1: `${lineSheet.name}!${extra}:${extra}` });
  say(`   ${newNo}: a second line typed → total ${cny(typed)}; its row deleted → ${cny(totalOf())} (the change trigger: Sheets fires no onEdit for deleted rows)`);
  const before = countBy(followUps, 'Status').Overdue ?? 0;
  try {
    run({ kind: 'advance', ms: 3 * 86_400_000, label: '3d' });
  } catch (e) {
    say(`   (a trigger failed: ${(e as Error).message})`);
  }
  say(`   overdue follow-ups: ${before} → ${countBy(followUps, 'Status').Overdue ?? 0}; orders by status: ${fmtCounts(countBy(orders, 'Status'))}`);

  say('\n8. Reminders over two weeks: the hourly trigger runs them while the clock moves 11 more days');
  try {
    run({ kind: 'advance', ms: 11 * 86_400_000, label: '11d' });
  } catch (e) {
    say(`   (a trigger failed: ${(e as Error).message})`);
  }
  const mails = mailRecords(s.env);
  say(`   ${mails.filter((m) => m.kind === 'sent').length} staff digest(s) sent, ${mails.filter((m) => m.kind === 'draft').length} customer draft(s) in Gmail, each in the customer's language and hours`);
  say(`   Reminder log rows: ${Math.max(0, sheetOf(s, 'reminderLog').lastRow() - 1)}`);

  say('\n9. Refresh dashboard');
  run({ kind: 'call', name: 'menuRefreshDashboard' });
  say(`   ${lastToast(s)}`);
  const dash = s.env.spreadsheet.sheets.find((x) => sheetKeyOf(x.name) === 'dashboard');
  if (dash) {
    const open = dashboardRow(dash, 'Open orders');
    const quoted = dashboardRow(dash, 'Quoted');
    const overdue = dashboardRow(dash, 'Balances overdue');
    const waiting = dashboardRow(dash, /^Quotations awaiting a decision/);
    say(`   Open orders ${open[1] ?? '—'} (${usd(open[2] ?? '')}${open[3] ? ` + ${open[3]}` : ''}); Quoted ${quoted[1] ?? '—'} (${usd(quoted[2] ?? '')})`);
    say(`   Balances overdue ${overdue[1] ?? '—'} (${usd(overdue[2] ?? '')}); ${waiting[0] ?? ''}`);
  }

  const out = await s.save(OUT);
  const calls = s.env.ledger.toJSON();
  say('\nOutputs');
  say(`   ${path.relative(ROOT, out.workbook)}  (open it in Google Sheets with File ▸ Import, or in Excel/LibreOffice)`);
  const docNames = out.docs.map((p) => path.basename(p)).filter((n) => /^(QT|SC)-/.test(n));
  say(`   ${path.relative(ROOT, path.join(OUT, 'docs'))}/  ${out.docs.length} document file(s), the generated ones: ${docNames.join(', ')}`);
  say(`   ${path.relative(ROOT, path.join(OUT, 'mail'))}/  ${out.mail.length} mail(s) (.eml)`);
  say(`   ${path.relative(ROOT, out.calls)}  ${calls.total} Apps Script service calls in ${calls.steps.length} executions, ${(calls.modeledMs / 1000).toFixed(1)} s modeled`);
  say(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  fs.writeFileSync(path.join(OUT, 'summary.txt'), lines.map((l) => l.text).join('\n') + '\n');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
