// The operations the bench measures, in the order they run on one workbook. Each names the exposed functions it
// calls: when the bundle's registry lacks one, the operation is reported "not available yet" instead of being faked.
// A feature that lands is measured by adding (or already having) one entry here.
import type { Sandbox } from '../src/sandbox/runtime';
import { WallDate, columnLetter, type SheetModel } from '../src/sandbox/spreadsheet/model';
import { driveOf } from '../src/sandbox/drive/model';
import { mailRecords } from '../src/sandbox/mail/model';
import { addDaysToLocalDate, wallDateString } from '../src/domain/time/zone';
import { BENCH_TODAY, DOCUMENT_ORDERS, OWNERS, customerId, orderNo, type WorkbookSize } from './synthetic-workbook';

const DAY_MS = 86_400_000;

/** One workbook under measurement, with what operations leave for later ones. */
export interface BenchRun {
  sandbox: Sandbox;
  size: WorkbookSize;
  /** Numbers operations remember for their checks (rows before, files before…). */
  memo: Map<string, number>;
}

export interface BenchOperation {
  id: string;
  label: string;
  /** Exposed functions the operation calls; any missing from the bundle makes it "not available yet". */
  requires: readonly string[];
  /** Unmeasured preparation: select a row, move the clock. */
  prepare?(run: BenchRun): void;
  /** The measured part: one or more executions of the bundle. */
  run(run: BenchRun): void;
  /** What must be true afterwards; a message saying what is wrong, or null. */
  check(run: BenchRun): string | null;
}

export function sheetOf(sb: Sandbox, name: string): SheetModel {
  const s = sb.env.spreadsheet.sheetByName(name);
  if (!s) throw new Error(`no sheet "${name}"`);
  return s;
}

/** The column of a header in row 1. */
export function columnOf(s: SheetModel, header: string): number {
  const row = s.values[0] ?? [];
  const i = row.findIndex((v) => v === header);
  if (i < 0) throw new Error(`no column "${header}" in ${s.name}`);
  return i + 1;
}

export function cellText(s: SheetModel, row: number, header: string): string {
  const v = s.get(row, columnOf(s, header));
  return v instanceof WallDate ? wallDateString(v.wall) : String(v);
}

/** The sheet row holding `value` in the column `header` (searched in the model, not through the script). */
export function rowOf(s: SheetModel, header: string, value: string): number {
  const c = columnOf(s, header) - 1;
  const i = s.values.findIndex((r, k) => k > 0 && r && r[c] === value);
  if (i < 0) throw new Error(`no "${value}" in ${s.name}!${header}`);
  return i + 1;
}

function countIn(s: SheetModel, header: string, value: string): number {
  const c = columnOf(s, header) - 1;
  let n = 0;
  for (let i = 1; i < s.values.length; i++) if (s.values[i]?.[c] === value) n++;
  return n;
}

/** The Orders row in the middle of the sheet whose order is ready to ship (stage cycle position 5). */
function middleReadyOrderRow(size: WorkbookSize): number {
  const i = Math.floor(size.orders / 20) * 10 + 5;
  return i + 2;
}

function docCount(sb: Sandbox): number {
  return driveOf(sb.env)
    .list()
    .filter((f) => !f.trashed && f.mimeType === 'application/vnd.google-apps.document' && !/^Gendan (template|模板)/.test(f.name)).length;
}

function shipDate(): string {
  return BENCH_TODAY;
}

/** A document operation: selects the orders (adjacent rows) and clicks Generate sales contract. */
function contractFor(id: string, label: string, orderNos: string[]): BenchOperation {
  return {
    id,
    label,
    requires: ['menuGenerateContract'],
    prepare(run) {
      const orders = sheetOf(run.sandbox, 'Orders');
      const rows = orderNos.map((no) => rowOf(orders, 'Order no.', no));
      run.sandbox.select(`Orders!A${Math.min(...rows)}:A${Math.max(...rows)}`);
      run.memo.set(`${id}:docs`, docCount(run.sandbox));
    },
    run(run) {
      run.sandbox.click('menuGenerateContract');
    },
    check(run) {
      const made = docCount(run.sandbox) - (run.memo.get(`${id}:docs`) ?? 0);
      return made === orderNos.length ? null : `expected ${orderNos.length} new document(s), found ${made}`;
    },
  };
}

/** The operations, in the order they run on a freshly built workbook. */
export const OPERATIONS: readonly BenchOperation[] = [
  {
    id: 'setup',
    label: 'Set up workbook (filled, first time)',
    requires: ['menuSetup'],
    run(run) {
      run.sandbox.click('menuSetup');
    },
    check(run) {
      const orders = sheetOf(run.sandbox, 'Orders');
      if (!run.sandbox.env.spreadsheet.sheetByName('Dashboard')) return 'no Dashboard sheet';
      return cellText(orders, 2, 'Status') ? null : 'Orders row 2 has no status after setup';
    },
  },
  {
    id: 'setup-again',
    label: 'Set up workbook (again, nothing to do)',
    requires: ['menuSetup'],
    run(run) {
      run.sandbox.click('menuSetup');
    },
    check(run) {
      const toast = run.sandbox.env.uiEvents.filter((u) => u.kind === 'toast').pop();
      return toast?.message?.includes('already set up') ? null : `unexpected toast: ${toast?.message ?? '(none)'}`;
    },
  },
  {
    id: 'check-ledgers',
    label: 'Check ledgers',
    requires: ['menuCheckLedgers'],
    prepare(run) {
      run.memo.set('check:ui', run.sandbox.env.uiEvents.length);
    },
    run(run) {
      run.sandbox.click('menuCheckLedgers');
    },
    check(run) {
      const shown = run.sandbox.env.uiEvents.slice(run.memo.get('check:ui') ?? 0).some((u) => u.kind === 'dialog');
      return shown ? null : 'no dialog shown';
    },
  },
  {
    id: 'edit-cell',
    label: 'onEdit: one cell (Orders, Shipped on)',
    requires: ['onEdit'],
    run(run) {
      const orders = sheetOf(run.sandbox, 'Orders');
      const row = middleReadyOrderRow(run.size);
      run.sandbox.edit(`Orders!${columnLetter(columnOf(orders, 'Shipped on'))}${row}`, shipDate());
    },
    check(run) {
      const orders = sheetOf(run.sandbox, 'Orders');
      const stage = cellText(orders, middleReadyOrderRow(run.size), 'Stage');
      return stage === 'Shipped' ? null : `stage is "${stage}", expected Shipped`;
    },
  },
  {
    id: 'edit-cell-follow-ups',
    label: 'onEdit: one cell (Follow-ups, Status)',
    requires: ['onEdit'],
    run(run) {
      const fu = sheetOf(run.sandbox, 'Follow-ups');
      const row = Math.floor(run.size.followUps / 2) + 3;
      run.sandbox.edit(`Follow-ups!${columnLetter(columnOf(fu, 'Status'))}${row}`, 'Done');
    },
    check(run) {
      const fu = sheetOf(run.sandbox, 'Follow-ups');
      const done = cellText(fu, Math.floor(run.size.followUps / 2) + 3, 'Done on');
      return done ? null : 'Done on not stamped';
    },
  },
  {
    id: 'paste-follow-ups',
    label: 'onEdit: 500-row paste (new follow-ups)',
    requires: ['onEdit'],
    prepare(run) {
      run.memo.set('paste:first', sheetOf(run.sandbox, 'Follow-ups').lastRow() + 1);
    },
    run(run) {
      const fu = sheetOf(run.sandbox, 'Follow-ups');
      const first = run.memo.get('paste:first') ?? 0;
      const c1 = columnOf(fu, 'Customer');
      const c2 = columnOf(fu, 'Due');
      const grid = Array.from({ length: 500 }, (_, i) => {
        const row = new Array<string>(c2 - c1 + 1).fill('');
        row[columnOf(fu, 'Customer') - c1] = customerId(i % run.size.customers);
        row[columnOf(fu, 'Next action') - c1] = 'Call about the new catalogue';
        row[columnOf(fu, 'Owner') - c1] = OWNERS[i % OWNERS.length];
        row[columnOf(fu, 'Due') - c1] = addDaysToLocalDate(BENCH_TODAY, (i % 20) - 5);
        return row;
      });
      run.sandbox.edit(`Follow-ups!${columnLetter(c1)}${first}:${columnLetter(c2)}${first + 499}`, grid);
    },
    check(run) {
      const fu = sheetOf(run.sandbox, 'Follow-ups');
      const first = run.memo.get('paste:first') ?? 0;
      const ids = new Set<string>();
      for (let r = first; r < first + 500; r++) ids.add(cellText(fu, r, 'ID'));
      ids.delete('');
      if (ids.size !== 500) return `${ids.size} distinct IDs for 500 pasted rows`;
      return cellText(fu, first, 'Status') ? null : 'no status on the pasted rows';
    },
  },
  {
    id: 'paste-order-lines',
    label: 'onEdit: 500-row paste (lines of 25 orders)',
    requires: ['onEdit'],
    prepare(run) {
      run.memo.set('lines:first', sheetOf(run.sandbox, 'Order lines').lastRow() + 1);
    },
    run(run) {
      const lines = sheetOf(run.sandbox, 'Order lines');
      const first = run.memo.get('lines:first') ?? 0;
      const c1 = columnOf(lines, 'Order no.');
      const c2 = columnOf(lines, 'Unit price');
      const grid = Array.from({ length: 500 }, (_, i) => {
        const row = new Array<string>(c2 - c1 + 1).fill('');
        row[columnOf(lines, 'Order no.') - c1] = orderNo(Math.floor(i / 20) * 7);
        row[columnOf(lines, 'Line') - c1] = String(5 + (i % 20));
        row[columnOf(lines, 'Product code') - c1] = `P-${String((i % 20) + 1).padStart(4, '0')}`;
        row[columnOf(lines, 'Quantity') - c1] = String(100 + i);
        row[columnOf(lines, 'Unit price') - c1] = '3.5';
        return row;
      });
      run.sandbox.edit(`Order lines!${columnLetter(c1)}${first}:${columnLetter(c2)}${first + 499}`, grid);
    },
    check(run) {
      const lines = sheetOf(run.sandbox, 'Order lines');
      const first = run.memo.get('lines:first') ?? 0;
      return cellText(lines, first + 499, 'Amount') ? null : 'no amount on the last pasted line';
    },
  },
  {
    id: 'dashboard-first',
    label: 'Dashboard refresh (first: layout and charts)',
    requires: ['menuRefreshDashboard'],
    run(run) {
      run.sandbox.click('menuRefreshDashboard');
    },
    check(run) {
      return sheetOf(run.sandbox, 'Dashboard').lastRow() > 1 ? null : 'Dashboard has nothing below its title';
    },
  },
  {
    id: 'dashboard',
    label: 'Dashboard refresh',
    requires: ['menuRefreshDashboard'],
    run(run) {
      run.sandbox.click('menuRefreshDashboard');
    },
    check(run) {
      return sheetOf(run.sandbox, 'Dashboard').lastRow() > 1 ? null : 'Dashboard has nothing below its title';
    },
  },
  {
    id: 'sidebar',
    label: 'Open the customer sidebar',
    requires: ['menuOpenPanel'],
    prepare(run) {
      const row = Math.floor(run.size.customers / 2) + 2;
      run.sandbox.select(`Customers!A${row}`);
      run.memo.set('sidebar:ui', run.sandbox.env.uiEvents.length);
    },
    run(run) {
      // The menu item serves the page with the customer inside: the page makes no call of its own to show it.
      run.sandbox.click('menuOpenPanel');
    },
    check(run) {
      const shown = run.sandbox.env.uiEvents.slice(run.memo.get('sidebar:ui') ?? 0).filter((u) => u.kind === 'sidebar').pop();
      if (!shown) return 'no sidebar shown';
      const data = /<script type="application\/json" id="panel-data">([\s\S]*?)<\/script>/.exec(shown.html ?? '')?.[1];
      const page = data ? (JSON.parse(data) as { panel?: { customer?: { id?: string } }; error?: string }) : null;
      if (!page?.panel) return `the page holds no customer${page?.error ? `: ${page.error}` : ''}`;
      return page.panel.customer?.id ? null : 'the panel names no customer';
    },
  },
  {
    id: 'daily-sweep',
    label: 'Daily sweep (next day, trigger)',
    requires: ['menuToggleAutomation', 'triggerDailySweep'],
    prepare(run) {
      const sb = run.sandbox;
      if (!sb.env.triggers.some((t) => t.handler === 'triggerDailySweep')) sb.click('menuToggleAutomation');
      sb.env.now += DAY_MS;
      run.memo.set('sweep:overdue', countIn(sheetOf(sb, 'Follow-ups'), 'Status', 'Overdue'));
    },
    run(run) {
      run.sandbox.trigger('triggerDailySweep');
    },
    check(run) {
      const after = countIn(sheetOf(run.sandbox, 'Follow-ups'), 'Status', 'Overdue');
      const before = run.memo.get('sweep:overdue') ?? 0;
      return after > before ? null : `no follow-up became overdue (${before} → ${after})`;
    },
  },
  {
    id: 'reminders',
    label: 'Reminders: Run now',
    requires: ['menuRemindersRun'],
    prepare(run) {
      run.memo.set('reminders:mails', mailRecords(run.sandbox.env).length);
    },
    run(run) {
      run.sandbox.click('menuRemindersRun');
    },
    check(run) {
      const made = mailRecords(run.sandbox.env).length - (run.memo.get('reminders:mails') ?? 0);
      return made > 0 ? null : 'no mail or draft produced';
    },
  },
  contractFor('contract-1', 'Sales contract, 1 line', [DOCUMENT_ORDERS[0].orderNo]),
  contractFor('contract-20', 'Sales contract, 20 lines', [DOCUMENT_ORDERS[1].orderNo]),
  contractFor('contract-300', 'Sales contract, 300 lines', [DOCUMENT_ORDERS[2].orderNo]),
  contractFor('contract-2x', 'Sales contracts, 2 orders in one click', [DOCUMENT_ORDERS[3].orderNo, DOCUMENT_ORDERS[4].orderNo]),
  {
    id: 'delete-line-rows',
    label: 'Change trigger: 3 line rows deleted',
    requires: ['menuToggleAutomation', 'triggerOnChange'],
    prepare(run) {
      const sb = run.sandbox;
      if (!sb.env.triggers.some((t) => t.handler === 'triggerOnChange')) sb.click('menuToggleAutomation');
      const lines = sheetOf(sb, 'Order lines');
      const order = cellText(lines, 2, 'Order no.');
      run.memo.set('delete:orderRow', rowOf(sheetOf(sb, 'Orders'), 'Order no.', order));
      run.memo.set('delete:total', Number(sheetOf(sb, 'Orders').get(run.memo.get('delete:orderRow') ?? 0, columnOf(sheetOf(sb, 'Orders'), 'Total amount'))));
    },
    run(run) {
      // No onEdit fires for deleted rows: the change trigger recomputes every order's total from the lines left.
      run.sandbox.deleteRows('Order lines!2:4');
    },
    check(run) {
      const orders = sheetOf(run.sandbox, 'Orders');
      const now = Number(orders.get(run.memo.get('delete:orderRow') ?? 0, columnOf(orders, 'Total amount')));
      const before = run.memo.get('delete:total') ?? 0;
      return now < before ? null : `the order's total did not drop (${before} → ${now})`;
    },
  },
];
