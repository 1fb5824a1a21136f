// onEdit's use case: for the edited rows only, recompute Gendan's columns (statuses, stamps, stage flow, amounts,
// numbers) and write back only what changed; a contact row with a next action keeps exactly one follow-up; an edit
// of Order lines gives each order it touches the total of all its lines, in a number of calls that does not grow with
// the orders. Never writes into the cells the user just edited, never into the user's columns; problems become notes.
import type { CellValue, Table } from '../ports';
import type { LedgerKey } from '../domain/ledgers/index';
import type { HeaderMapping } from '../domain/ledgers/header-mapping';
import { readNumber, readText } from '../domain/ledgers/cell-parsers';
import type { AfterSalesRecord, ContactRecord, CustomerRecord, FollowUpRecord, OrderLineRecord, OrderRecord, PipelineRecord, RowRef } from '../domain/ledgers/records';
import { appText } from '../domain/i18n/app';
import type { AppContext } from './context';
import { sameValue, type Change, type LedgerTable, type Snapshot } from './ledger-table';
import { allocateNumbers, raiseCounter } from './assign-numbers';
import { afterSalesFields, followUpFields, lineFields, orderFields, pipelineFields, productIndex, type Fields } from './row-rules';
import { syncFollowUpsFromContacts } from './contact-follow-ups';
import { roundMoney } from '../domain/money/round-money';

/**
 * An Order lines edit of more rows than an order's lines (an import, a big paste, fill or clear) reads Order lines and
 * Orders whole, once each: 6 SpreadsheetApp calls whatever the number of orders. A smaller one reads its own rows,
 * then its order by number (one order) or the few columns totals need (several): never a whole sheet.
 */
export const BULK_LINE_ROWS = 100;
/** A small Order lines edit that touches this many orders or fewer updates them one by one, each found by its number. */
export const ORDERS_ONE_BY_ONE = 1;
/** The Order lines fields an order's total depends on: which order a line is of, and its amount. */
const TOTAL_KEYS = ['orderNo', 'productCode', 'quantity', 'unitPrice', 'amount'] as const;
/**
 * Document property: the columns of TOTAL_KEYS on Order lines when an edit last read its header. It only chooses how a
 * big edit reads (a paste of descriptions moves no total: its rows alone are read); every write follows the header
 * actually read, so a stale value costs calls, never a wrong cell.
 */
export const LINE_TOTAL_COLUMNS_PROP = 'gendan.edit.lineTotalColumns';
const TEXT_CTX = { timeZone: 'UTC', locale: 'en_US' };

export interface EditInfo {
  sheetName: string;
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  /** Only for a single-cell edit, as Apps Script gives it. */
  oldValue?: unknown;
}

export interface EditOutcome {
  ledger?: LedgerKey | 'dashboard';
  ignored?: 'unknown-sheet' | 'header' | 'user-columns' | 'auto-sheet' | 'no-rows';
  cells: number;
  notes: { row: number; col: number; message: string }[];
  followUpsCreated: number;
  followUpsUpdated: number;
}

function toChanges<R extends RowRef>(row: number, fields: Fields<R>): Change<R>[] {
  return Object.entries(fields).map(([key, value]) => ({ row, key: key as Change<R>['key'], value }));
}

/** Every ledger column in the edited range. */
function editedKeys(snapMapping: Record<string, number>, e: EditInfo): Set<string> {
  const keys = new Set<string>();
  for (const [key, c] of Object.entries(snapMapping)) if (c >= e.col && c < e.col + e.numCols) keys.add(key);
  return keys;
}

/** The rows as they were before the edit: the edited cells blank, or the old value of a single cell. */
function beforeRows(rows: CellValue[][], e: EditInfo, first: number): CellValue[][] {
  return rows.map((row, i) => {
    const r = first + i;
    const copy = row.slice();
    if (r < e.row || r >= e.row + e.numRows) return copy;
    for (let c = e.col; c < e.col + e.numCols; c++) {
      copy[c - 1] = e.numRows === 1 && e.numCols === 1 && e.oldValue !== undefined ? (e.oldValue as CellValue) : '';
    }
    return copy;
  });
}

export function applyEdit(ctx: AppContext, e: EditInfo): EditOutcome {
  const out: EditOutcome = { cells: 0, notes: [], followUpsCreated: 0, followUpsUpdated: 0 };
  const key = ctx.keyOfSheet(e.sheetName, e.sheetId);
  out.ledger = key;
  if (!key) return { ...out, ignored: 'unknown-sheet' };
  if (key === 'dashboard' || key === 'reminderLog') return { ...out, ignored: 'auto-sheet' };
  if (key === 'settings') {
    ctx.reloadSettings();
    return out;
  }
  const first = Math.max(2, e.row);
  const last = e.row + e.numRows - 1;
  if (last < first) return { ...out, ignored: 'header' };
  const ledger = ctx.ledger(key);
  if (!ledger) return { ...out, ignored: 'unknown-sheet' };
  // A big edit of Order lines that may move totals needs every line of the orders it touches: the ledger's one read
  // (its data range) gives the header, the edited rows and those lines at once.
  const allLines = key === 'orderLines' && e.numRows > BULK_LINE_ROWS && mayMoveTotals(ctx, e) ? ledger.table.readAll() : null;
  const { header, mapping } = allLines ? ledger.parseRows(allLines[0] ?? [], [], 2) : ledger.readMapping();
  if (key === 'orderLines') rememberTotalColumns(ctx, mapping);
  const edited = editedKeys(mapping.byKey, e);
  if (!edited.size) return { ...out, ignored: 'user-columns' };
  const snap = allLines ? ledger.parseRows(header, rowsOf(allLines, first, last, header.length), first) : ledger.readRows(first, last - first + 1, header);
  const skip = new Set<string>();
  for (let r = e.row; r < e.row + e.numRows; r++) for (let c = e.col; c < e.col + e.numCols; c++) skip.add(`${r},${c}`);
  const before = ledger.parseRows(header, beforeRows(snap.rows, e, first), first);
  const changes: Change<RowRef>[] = [];
  const add = <R extends RowRef>(row: number, fields: Fields<R>) => changes.push(...(toChanges(row, fields) as unknown as Change<RowRef>[]));
  const today = ctx.today;
  let totals: TotalsJob | null = null;
  let afterWrite: (() => void) | undefined;

  switch (key) {
    case 'followUps': {
      const recs = snap.records as FollowUpRecord[];
      const blankIds = recs.filter((r) => !r.id && r.nextAction);
      const ids = numbersFor(ctx, ledger, mapping, recs, 'id', 'followUp', blankIds.length);
      blankIds.forEach((r, i) => add<FollowUpRecord>(r._row, { id: ids[i], source: r.source ?? 'manual' }));
      for (const r of recs) add<FollowUpRecord>(r._row, followUpFields(r, today));
      break;
    }
    case 'orders': {
      const recs = snap.records as OrderRecord[];
      const blank = recs.filter((r) => !r.orderNo && r.customer);
      const nos = numbersFor(ctx, ledger, mapping, recs, 'orderNo', 'order', blank.length);
      blank.forEach((r, i) => add<OrderRecord>(r._row, { orderNo: nos[i] }));
      for (const r of recs) {
        const res = orderFields((before.byRow.get(r._row) as OrderRecord | undefined) ?? ({ _row: r._row, orderNo: '', customer: '' } as OrderRecord), r, today);
        add<OrderRecord>(r._row, { ...res.fields, updated: ctx.now });
        for (const err of res.errors) {
          const col = mapping.byKey[err.column];
          if (col) out.notes.push({ row: r._row, col, message: err.message[ctx.lang] });
        }
      }
      break;
    }
    case 'orderLines':
      totals = updateLines(ctx, snap as unknown as Snapshot<OrderLineRecord>, e, edited, skip, add);
      break;
    case 'contacts': {
      const recs = snap.records as ContactRecord[];
      const blank = recs.filter((r) => !r.contactId);
      const ids = numbersFor(ctx, ledger, mapping, recs, 'contactId', 'contact', blank.length);
      const assigned = new Map(blank.map((r, i) => [r._row, ids[i]]));
      for (const [row, id] of assigned) add<ContactRecord>(row, { contactId: id });
      // Snapshot records stay as read (the writer compares against them): numbered copies go to the sync.
      const numbered = recs.map((r) => (assigned.has(r._row) ? { ...r, contactId: assigned.get(r._row) } : r));
      // New follow-ups are appended after the contacts' numbers are written (below): a run that dies in between
      // leaves a numbered contact without its follow-up, which the sweep makes, never a follow-up of a lost number.
      const sync = syncFollowUpsFromContacts(ctx, numbered, null, false, true);
      afterWrite = sync.appendNow;
      out.followUpsCreated = sync.created;
      out.followUpsUpdated = sync.updated;
      break;
    }
    case 'pipeline':
      for (const r of snap.records as PipelineRecord[]) {
        const b = before.byRow.get(r._row) as PipelineRecord | undefined;
        add<PipelineRecord>(r._row, pipelineFields(b ?? { _row: r._row, projectName: '' }, r, today));
      }
      break;
    case 'afterSales': {
      const recs = snap.records as AfterSalesRecord[];
      const blank = recs.filter((r) => !r.caseNo);
      const nos = numbersFor(ctx, ledger, mapping, recs, 'caseNo', 'afterSales', blank.length);
      blank.forEach((r, i) => add(r._row, { caseNo: nos[i] }));
      for (const r of recs) add(r._row, afterSalesFields(r, today, ctx.settings()));
      break;
    }
    case 'customers': {
      const blank = (snap.records as CustomerRecord[]).filter((r) => !r.customerId && r.name);
      const ids = numbersFor(ctx, ledger, mapping, snap.records as CustomerRecord[], 'customerId', 'customer', blank.length);
      blank.forEach((r, i) => add<CustomerRecord>(r._row, { customerId: ids[i] }));
      break;
    }
    default:
      break;
  }
  // Rows the user emptied keep no stale status: clear Gendan's columns where no ledger data is left.
  clearEmptiedRows(ledger as LedgerTable<RowRef>, snap as Snapshot<RowRef>, changes);
  const report = (ledger as LedgerTable<RowRef>).write(snap as Snapshot<RowRef>, changes, { skip });
  out.cells += report.cells;
  afterWrite?.();
  // Orders after the lines: their amounts are in the sheet now, and Orders is read right before it is written.
  if (totals) out.cells += updateOrderTotals(ctx, totals, allLines);
  for (const n of out.notes) snap.table.setNote(n.row, n.col, n.message);
  if (out.notes.length) ctx.ports.workbook.toast(out.notes.map((n) => n.message).join('\n'), appText(ctx.lang, 'edit.toastTitle'));
  return out;
}

/**
 * Numbers for `count` blank rows: the series counter, the edited rows' own numbers (a pasted row may carry one beyond
 * the counter), and — only when the series has no counter yet, as after an import — the whole number column.
 */
function numbersFor<R extends RowRef>(
  ctx: AppContext,
  ledger: LedgerTable<RowRef>,
  mapping: HeaderMapping,
  recs: readonly R[],
  field: keyof R & string,
  series: Parameters<typeof allocateNumbers>[1],
  count: number,
): string[] {
  const own = recs.map((r) => r[field] as unknown);
  if (count <= 0) {
    raiseCounter(ctx, series, own);
    return [];
  }
  const col = mapping.byKey[field];
  return allocateNumbers(ctx, series, count, own, false, col ? () => ledger.table.readColumn(col, 2) : undefined);
}

function clearEmptiedRows(ledger: LedgerTable<RowRef>, snap: Snapshot<RowRef>, changes: Change<RowRef>[]): void {
  // Gendan's values (auto and shared columns) are cleared from rows with nothing left in the people's columns.
  const gendanKeys = snap.ledger.columns.filter((c) => c.owner !== 'user').map((c) => c.key);
  const userCols = snap.ledger.columns.filter((c) => c.owner === 'user').map((c) => snap.mapping.byKey[c.key]).filter((c): c is number => !!c);
  snap.rows.forEach((row, i) => {
    const r = snap.firstRow + i;
    if (snap.byRow.has(r)) return;
    if (userCols.some((c) => row[c - 1] !== '' && row[c - 1] !== undefined)) return;
    for (const k of gendanKeys) {
      const c = snap.mapping.byKey[k];
      if (c && row[c - 1] !== '' && row[c - 1] !== undefined) changes.push({ row: r, key: k as Change<RowRef>['key'], value: undefined });
    }
  });
  void ledger;
}

/** Whether an Order lines edit covers a column a total depends on, as far as the last header read tells (unknown: yes). */
function mayMoveTotals(ctx: AppContext, e: EditInfo): boolean {
  let cols: unknown;
  try {
    cols = JSON.parse(ctx.props()[LINE_TOTAL_COLUMNS_PROP] ?? 'null');
  } catch {
    return true;
  }
  if (!Array.isArray(cols)) return true;
  return cols.some((c) => typeof c !== 'number' || (c >= e.col && c < e.col + e.numCols));
}

function rememberTotalColumns(ctx: AppContext, mapping: HeaderMapping): void {
  const cols = TOTAL_KEYS.map((k) => mapping.byKey[k]).filter((c): c is number => !!c).sort((a, b) => a - b);
  const json = JSON.stringify(cols);
  if (ctx.props()[LINE_TOTAL_COLUMNS_PROP] !== json) ctx.setProps({ [LINE_TOTAL_COLUMNS_PROP]: json });
}

/** Rows first…last of a sheet read whole (rows[0] is the header): past its data range they are blank. */
function rowsOf(all: CellValue[][], first: number, last: number, width: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = first; r <= last; r++) out.push(all[r - 1] ?? new Array<CellValue>(Math.max(1, width)).fill(''));
  return out;
}

/** An order number as a key: the cell's text (as the ledgers read it), trimmed, in upper case; '' for none. */
function orderKey(v: unknown): string {
  if (typeof v === 'string') return v.trim().toUpperCase();
  return typeof v === 'number' ? readText(v, TEXT_CTX).toUpperCase() : '';
}

/** The orders whose total an Order lines edit may have changed, and what the edited lines show once written. */
interface TotalsJob {
  /** Order keys (orderKey) to recompute from all their lines. */
  orders: Set<string>;
  /** Each edited line: its order and its amount as the sheet shows it after this edit (computed, or the user's own). */
  edited: Map<number, { order: string; amount: number | undefined }>;
  first: number;
  last: number;
  lines: { table: Table; header: CellValue[]; mapping: HeaderMapping };
  locale: string;
}

/**
 * Order lines: amounts, cartons, weights and volume from Products for the edited lines; then which orders' totals the
 * edit may change (written by updateOrderTotals once the lines are). A total is the sum of the Amount cells of all the
 * order's lines, so without an Amount column onEdit leaves totals to Refresh statuses now. Apps Script gives no old
 * values for a multi-cell edit: an order that loses lines to one (its numbers overwritten or cleared), like one whose
 * line rows are deleted (no onEdit at all), is corrected by Refresh statuses now.
 */
function updateLines(
  ctx: AppContext,
  snap: Snapshot<OrderLineRecord>,
  e: EditInfo,
  edited: ReadonlySet<string>,
  skip: ReadonlySet<string>,
  add: <R extends RowRef>(row: number, fields: Fields<R>) => void,
): TotalsJob | null {
  const recs = snap.records;
  // Products only when a line names one (a line's own unit price needs none).
  const productsLedger = recs.some((r) => r.productCode) ? ctx.ledger('products') : null;
  const products = productIndex(productsLedger ? productsLedger.readAll().records : []);
  const amountCol = snap.mapping.byKey.amount;
  const noCol = snap.mapping.byKey.orderNo;
  const lineCtx = { timeZone: ctx.timeZone, locale: ctx.locale };
  const job: TotalsJob = {
    orders: new Set(),
    edited: new Map(),
    first: Math.max(2, e.row),
    last: e.row + e.numRows - 1,
    lines: { table: snap.table, header: snap.header, mapping: snap.mapping },
    locale: ctx.locale,
  };
  const orderEdited = edited.has('orderNo');
  const amountEdited = edited.has('amount');
  for (const rec of recs) {
    const fields = lineFields(rec, products);
    add<OrderLineRecord>(rec._row, fields);
    const amount = amountCol && skip.has(`${rec._row},${amountCol}`) ? rec.amount : typeof fields.amount === 'number' ? fields.amount : undefined;
    const order = orderKey(rec.orderNo);
    job.edited.set(rec._row, { order, amount });
    // Same order, same amount as before (both known when neither column was edited): this line moves no total.
    if (!orderEdited && !amountEdited && amountCol) {
      const was = snap.rows[rec._row - snap.firstRow]?.[amountCol - 1];
      const old = was === '' || was === undefined ? undefined : readNumber(was, lineCtx);
      if (sameValue(typeof old === 'number' ? old : undefined, amount)) continue;
    }
    if (order) job.orders.add(order);
  }
  // A single cell gives its old value: the order a line left loses it.
  const single = e.numRows === 1 && e.numCols === 1;
  if (single && orderEdited && e.oldValue !== undefined) {
    const old = orderKey(e.oldValue);
    if (old) job.orders.add(old);
  }
  if (!amountCol || !noCol || !TOTAL_KEYS.some((k) => edited.has(k)) || !job.orders.size) return null;
  return job;
}

/** Writes the totals (and status, payment status, Updated) of the orders a lines edit touched; returns cells written. */
function updateOrderTotals(ctx: AppContext, job: TotalsJob, allLines: CellValue[][] | null): number {
  const orders = ctx.ledger('orders');
  if (!orders) return 0;
  if (allLines) return totalsInBulk(ctx, orders, job, allLines);
  return job.orders.size <= ORDERS_ONE_BY_ONE ? totalsOneByOne(ctx, orders, job) : totalsByColumns(ctx, orders, job);
}

/** roundMoney(total + amount) per order, in row order (as the sweep's orderTotals adds them). */
function addTo(totals: Map<string, number>, order: string, amount: number | undefined): void {
  totals.set(order, roundMoney((totals.get(order) ?? 0) + (amount ?? 0)));
}

/** An Amount cell as a number (text read as the ledgers read it, in the spreadsheet's locale); undefined if none. */
function amountOf(v: unknown, numberCtx: { timeZone: string; locale: string }): number | undefined {
  if (v === '' || v === undefined || v === null) return undefined;
  const n = readNumber(v, numberCtx);
  return typeof n === 'number' ? n : undefined;
}

/**
 * A few orders: each order's lines found by its number (one search), their Amount cells read in one block, the
 * order's row found and read, and only its own cells written.
 */
function totalsOneByOne(ctx: AppContext, orders: LedgerTable<OrderRecord>, job: TotalsJob): number {
  const { header, mapping } = orders.readMapping();
  const noCol = mapping.byKey.orderNo;
  if (!noCol) return 0;
  const lines = job.lines;
  const lineNoCol = lines.mapping.byKey.orderNo;
  const amountCol = lines.mapping.byKey.amount;
  let cells = 0;
  const numberCtx = { timeZone: ctx.timeZone, locale: job.locale };
  for (const order of job.orders) {
    // The lines as the sheet shows them now (the edited ones were just written); the search matches whole cells, so
    // an edited line whose number has stray spaces is added by row.
    const found = new Set(lines.table.findRows(lineNoCol, order));
    for (const [r, line] of job.edited) if (line.order === order) found.add(r);
    let total: number | null = null;
    if (found.size) {
      const lineRows = [...found].sort((a, b) => a - b);
      const r1 = lineRows[0];
      const block = lines.table.readBlock(r1, amountCol, lineRows[lineRows.length - 1] - r1 + 1, 1);
      const sum = new Map<string, number>();
      for (const r of lineRows) addTo(sum, order, amountOf(block[r - r1][0], numberCtx));
      total = sum.get(order) ?? 0;
    }
    for (const row of orders.table.findRows(noCol, order)) {
      const snap = orders.readRows(row, 1, header);
      const rec = snap.byRow.get(row);
      if (!rec) continue;
      const changes = orderChanges(orders, rec, orderFields(undefined, rec, ctx.today, total).fields);
      if (!changes.length) continue;
      changes.push({ row, key: 'updated', value: ctx.now });
      cells += orders.write(snap, changes).cells;
    }
  }
  return cells;
}

/**
 * Several orders after a small edit, in a constant number of calls and no whole sheet: the Order no. and Amount
 * columns of Order lines (as the sheet shows them now, the edited lines written), the Order no. column of Orders,
 * then the Total amount column over the touched rows, read right before it is written back (the rows between keep the
 * values just read) and Updated into exactly the rows whose total changed. Status and payment status do not depend on
 * lines (time and the order's own cells move them): this path leaves them to the edits of Orders and the sweep.
 */
function totalsByColumns(ctx: AppContext, orders: LedgerTable<OrderRecord>, job: TotalsJob): number {
  const { mapping } = orders.readMapping();
  const noCol = mapping.byKey.orderNo;
  const totalCol = mapping.byKey.totalAmount;
  if (!noCol || !totalCol || orders.column('totalAmount')?.owner === 'user') return 0;
  const lines = job.lines;
  const numberCtx = { timeZone: ctx.timeZone, locale: job.locale };
  const lineNos = lines.table.readColumn(lines.mapping.byKey.orderNo, 2);
  const amounts = lines.table.readColumn(lines.mapping.byKey.amount, 2);
  const totals = new Map<string, number>();
  for (let i = 0; i < lineNos.length; i++) {
    const order = orderKey(lineNos[i]);
    if (order && job.orders.has(order)) addTo(totals, order, amountOf(amounts[i], numberCtx));
  }
  const orderNos = orders.table.readColumn(noCol, 2);
  const rows: number[] = [];
  for (let i = 0; i < orderNos.length; i++) if (job.orders.has(orderKey(orderNos[i]))) rows.push(i + 2);
  if (!rows.length) return 0;
  const r1 = rows[0];
  const block = orders.table.readBlock(r1, totalCol, rows[rows.length - 1] - r1 + 1, 1);
  const changed: number[] = [];
  for (const r of rows) {
    const total = totals.get(orderKey(orderNos[r - 2]));
    if (sameValue(amountOf(block[r - r1][0], numberCtx), total)) continue;
    block[r - r1][0] = orders.cellValue('totalAmount', total) as CellValue;
    changed.push(r);
  }
  if (!changed.length) return 0;
  orders.table.writeBlock(r1, totalCol, block);
  const updatedCol = mapping.byKey.updated;
  if (updatedCol && orders.column('updated')?.owner === 'auto') orders.table.fillCells(updatedCol, changed, orders.cellValue('updated', ctx.now));
  return changed.length * (updatedCol ? 2 : 1);
}

/** Every order key: a job over all orders (rows deleted from Order lines may have taken any order's lines). */
class EveryOrder extends Set<string> {
  override has(order: string): boolean {
    return order !== '';
  }
}

/**
 * Every order's total from the Amount cells of the lines in the sheet now, written where it changed (Updated with
 * it): after rows were deleted, when no onEdit ran. Constant calls: the Order lines header and its Order no. and
 * Amount columns, the Orders header, Order no. column and Total amount column, one write of that column and one of
 * Updated. Returns the cells written (0 without Order lines, Orders, or their Order no. and Amount columns).
 */
export function recomputeOrderTotals(ctx: AppContext): number {
  const lines = ctx.ledger('orderLines');
  const orders = ctx.ledger('orders');
  if (!lines || !orders) return 0;
  const { header, mapping } = lines.readMapping();
  if (!mapping.byKey.orderNo || !mapping.byKey.amount) return 0;
  const job: TotalsJob = { orders: new EveryOrder(), edited: new Map(), first: 2, last: 1, lines: { table: lines.table, header, mapping }, locale: ctx.locale };
  return totalsByColumns(ctx, orders, job);
}

/** The changes of an order row that really change something (the writer would drop the others). */
function orderChanges(orders: LedgerTable<OrderRecord>, rec: OrderRecord, fields: Fields<OrderRecord>): Change<OrderRecord>[] {
  const out: Change<OrderRecord>[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const col = orders.column(key);
    if (!col || col.owner === 'user') continue;
    if (!sameValue((rec as unknown as Record<string, unknown>)[key], value)) out.push({ row: rec._row, key: key as Change<OrderRecord>['key'], value });
  }
  return out;
}

/**
 * Many orders, in a constant number of calls: every line of the touched orders from Order lines read whole (the edited
 * lines as this edit left them), then Orders read whole and written right away — the totals in one block of the Total
 * amount column, which rewrites the rows between with the values just read; status and payment status, when time
 * changed them, in a block re-read just before it is written; Updated into exactly the rows that changed, one call.
 */
function totalsInBulk(ctx: AppContext, orders: LedgerTable<OrderRecord>, job: TotalsJob, allLines: CellValue[][]): number {
  const lineNo = (job.lines.mapping.byKey.orderNo ?? 0) - 1;
  const lineAmount = (job.lines.mapping.byKey.amount ?? 0) - 1;
  const numberCtx = { timeZone: ctx.timeZone, locale: job.locale };
  const totals = new Map<string, number>();
  const lastLine = Math.max(allLines.length, job.last);
  for (let r = 2; r <= lastLine; r++) {
    if (r >= job.first && r <= job.last) {
      const line = job.edited.get(r);
      if (line && job.orders.has(line.order)) addTo(totals, line.order, line.amount);
      continue;
    }
    const cells = allLines[r - 1];
    if (!cells) continue;
    const order = orderKey(cells[lineNo]);
    if (order && job.orders.has(order)) addTo(totals, order, amountOf(cells[lineAmount], numberCtx));
  }

  // Orders: nothing but computing between this read and the totals' write.
  const all = orders.table.readAll();
  const head = orders.parseRows(all[0] ?? [], [], 2);
  const noCol = head.mapping.byKey.orderNo;
  if (!noCol) return 0;
  const hits: number[] = [];
  for (let i = 1; i < all.length; i++) if (job.orders.has(orderKey(all[i][noCol - 1]))) hits.push(i + 1);
  if (!hits.length) return 0;
  // Parse the touched rows only, run by run of consecutive rows.
  const records: OrderRecord[] = [];
  for (let i = 0; i < hits.length; ) {
    let j = i;
    while (j + 1 < hits.length && hits[j + 1] === hits[j] + 1) j++;
    records.push(...orders.parseRows(head.header, all.slice(hits[i] - 1, hits[j]), hits[i]).records);
    i = j + 1;
  }
  const snap: Snapshot<OrderRecord> = { ...head, rows: all.slice(1), records, byRow: new Map(records.map((r) => [r._row, r])) };
  const totalChanges: Change<OrderRecord>[] = [];
  const timeChanges: Change<OrderRecord>[] = [];
  const changedRows: number[] = [];
  for (const rec of records) {
    const total = totals.get(orderKey(rec.orderNo));
    const changes = orderChanges(orders, rec, orderFields(undefined, rec, ctx.today, total === undefined ? null : total).fields);
    if (!changes.length) continue;
    changedRows.push(rec._row);
    for (const c of changes) (c.key === 'totalAmount' ? totalChanges : timeChanges).push(c);
  }
  let cells = orders.write(snap, totalChanges).cells;
  if (timeChanges.length) cells += orders.write(snap, timeChanges, { fresh: true }).cells;
  const updatedCol = head.mapping.byKey.updated;
  if (updatedCol && changedRows.length && orders.column('updated')?.owner === 'auto') {
    orders.table.fillCells(updatedCol, changedRows, orders.cellValue('updated', ctx.now));
    cells += changedRows.length;
  }
  return cells;
}
