// onEdit's use case: for the edited rows only, recompute Gendan's columns (statuses, stamps, stage flow, amounts,
// numbers) and write back only what changed; a contact row with a next action keeps exactly one follow-up.
// Never writes into the cells the user just edited, never into the user's columns; problems become cell notes.
import type { CellValue } from '../ports';
import type { LedgerKey } from '../domain/ledgers/index';
import type { AfterSalesRecord, ContactRecord, CustomerRecord, FollowUpRecord, OrderLineRecord, OrderRecord, PipelineRecord, RowRef } from '../domain/ledgers/records';
import { appText } from '../domain/i18n/app';
import type { AppContext } from './context';
import type { Change, LedgerTable, Snapshot } from './ledger-table';
import { allocateNumbers } from './assign-numbers';
import { afterSalesFields, followUpFields, lineFields, orderFields, pipelineFields, productIndex, type Fields } from './row-rules';
import { syncFollowUpsFromContacts } from './contact-follow-ups';
import { roundMoney } from '../domain/money/round-money';

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
  const { header, mapping } = ledger.readMapping();
  const edited = editedKeys(mapping.byKey, e);
  if (!edited.size) return { ...out, ignored: 'user-columns' };
  const snap = ledger.readRows(first, last - first + 1, header);
  const skip = new Set<string>();
  for (let r = e.row; r < e.row + e.numRows; r++) for (let c = e.col; c < e.col + e.numCols; c++) skip.add(`${r},${c}`);
  const before = ledger.parseRows(header, beforeRows(snap.rows, e, first), first);
  const changes: Change<RowRef>[] = [];
  const add = <R extends RowRef>(row: number, fields: Fields<R>) => changes.push(...(toChanges(row, fields) as unknown as Change<RowRef>[]));
  const today = ctx.today;

  switch (key) {
    case 'followUps': {
      const recs = snap.records as FollowUpRecord[];
      const blankIds = recs.filter((r) => !r.id && r.nextAction);
      const ids = allocateNumbers(ctx, 'followUp', blankIds.length);
      blankIds.forEach((r, i) => add<FollowUpRecord>(r._row, { id: ids[i], source: r.source ?? 'manual' }));
      for (const r of recs) add<FollowUpRecord>(r._row, followUpFields(r, today));
      break;
    }
    case 'orders': {
      const recs = snap.records as OrderRecord[];
      const blank = recs.filter((r) => !r.orderNo && r.customer);
      const nos = allocateNumbers(ctx, 'order', blank.length);
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
      updateLinesAndOrders(ctx, snap as unknown as Snapshot<OrderLineRecord>, before as unknown as Snapshot<OrderLineRecord>, e, add);
      break;
    case 'contacts': {
      const recs = snap.records as ContactRecord[];
      const blank = recs.filter((r) => !r.contactId);
      const ids = allocateNumbers(ctx, 'contact', blank.length);
      const assigned = new Map(blank.map((r, i) => [r._row, ids[i]]));
      for (const [row, id] of assigned) add<ContactRecord>(row, { contactId: id });
      // Snapshot records stay as read (the writer compares against them): numbered copies go to the sync.
      const numbered = recs.map((r) => (assigned.has(r._row) ? { ...r, contactId: assigned.get(r._row) } : r));
      const sync = syncFollowUpsFromContacts(ctx, numbered, null);
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
      const nos = allocateNumbers(ctx, 'afterSales', blank.length);
      blank.forEach((r, i) => add(r._row, { caseNo: nos[i] }));
      for (const r of recs) add(r._row, afterSalesFields(r, today, ctx.settings()));
      break;
    }
    case 'customers': {
      const blank = (snap.records as CustomerRecord[]).filter((r) => !r.customerId && r.name);
      const ids = allocateNumbers(ctx, 'customer', blank.length);
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
  for (const n of out.notes) snap.table.setNote(n.row, n.col, n.message);
  if (out.notes.length) ctx.ports.workbook.toast(out.notes.map((n) => n.message).join('\n'), appText(ctx.lang, 'edit.toastTitle'));
  return out;
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

/**
 * Order lines: amounts, cartons, weights and volume from Products; then each affected order's total, moved by the
 * change of its lines' amounts (the daily sweep recomputes every total from scratch).
 */
function updateLinesAndOrders(
  ctx: AppContext,
  snap: Snapshot<OrderLineRecord>,
  before: Snapshot<OrderLineRecord>,
  e: EditInfo,
  add: <R extends RowRef>(row: number, fields: Fields<R>) => void,
): void {
  const productsLedger = ctx.ledger('products');
  const products = productIndex(productsLedger ? productsLedger.readAll().records : []);
  const delta = new Map<string, number>();
  const bump = (orderNo: string | undefined, by: number) => {
    const k = (orderNo ?? '').trim().toUpperCase();
    if (k && by) delta.set(k, roundMoney((delta.get(k) ?? 0) + by));
  };
  const rowsInRange = new Set<number>();
  for (let r = Math.max(2, e.row); r < e.row + e.numRows; r++) rowsInRange.add(r);
  for (const r of rowsInRange) {
    const rec = snap.byRow.get(r);
    const old = snap.rows[r - snap.firstRow];
    const amountCol = snap.mapping.byKey.amount;
    const oldAmount = amountCol && typeof old?.[amountCol - 1] === 'number' ? (old[amountCol - 1] as number) : 0;
    const oldOrder = before.byRow.get(r)?.orderNo ?? (e.numRows === 1 && e.numCols === 1 ? undefined : rec?.orderNo);
    const fields = rec ? lineFields(rec, products) : {};
    if (rec) add<OrderLineRecord>(r, fields);
    const newAmount = typeof fields.amount === 'number' ? fields.amount : 0;
    const sameOrder = !rec || !oldOrder || oldOrder.trim().toUpperCase() === rec.orderNo.trim().toUpperCase();
    if (sameOrder) bump(rec?.orderNo ?? oldOrder, newAmount - oldAmount);
    else {
      bump(oldOrder, -oldAmount);
      bump(rec.orderNo, newAmount);
    }
  }
  if (!delta.size) return;
  const orders = ctx.ledger('orders');
  if (!orders) return;
  const { header, mapping } = orders.readMapping();
  const noCol = mapping.byKey.orderNo;
  if (!noCol) return;
  for (const [orderNo, by] of delta) {
    const rows = orders.table.findRows(noCol, orderNo);
    if (!rows.length) continue;
    const osnap = orders.readRows(rows[0], 1, header);
    const rec = osnap.byRow.get(rows[0]);
    if (!rec) continue;
    const res = orderFields(undefined, rec, ctx.today, roundMoney((rec.totalAmount ?? 0) + by));
    orders.write(osnap, toChanges(rows[0], { ...res.fields, updated: ctx.now }));
  }
}
