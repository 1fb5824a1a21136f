// The orders a selection names: rows of the Orders sheet, or rows of Order lines (their orders), in the order they
// appear, each once. Rows with a customer but no order number yet are listed apart so the user is told.
import type { AppContext } from '../context';
import type { GridRef } from '../../ports';
import type { OrderLineRecord, OrderRecord } from '../../domain/ledgers/records';

export interface SelectedOrders {
  /** Order numbers, trimmed, in selection order, without repeats. */
  orderNos: string[];
  /** Orders rows in the selection that have no order number. */
  unnumberedRows: number[];
}

/** The parsed records of some sheet rows of a ledger (rows a parse does not keep are left out). */
export type RowsReader<R> = (rows: readonly number[]) => R[];

/** A reader over a snapshot already parsed. */
export function rowsOf<R extends { _row: number }>(snap: { byRow: ReadonlyMap<number, R> }): RowsReader<R> {
  return (rows) => rows.map((r) => snap.byRow.get(r)).filter((r): r is R => r !== undefined);
}

function rowsBetween(first: number, last: number): number[] {
  const rows: number[] = [];
  for (let r = first; r <= last; r++) rows.push(r);
  return rows;
}

/**
 * The orders named by `selection`, or null when it is on neither Orders nor Order lines; only the selected rows are
 * asked of `orders` or `lines`.
 */
export function selectedOrders(
  ctx: AppContext,
  selection: GridRef | null,
  orders: RowsReader<Pick<OrderRecord, '_row' | 'orderNo' | 'customer'>>,
  lines: RowsReader<Pick<OrderLineRecord, '_row' | 'orderNo'>> | null,
): SelectedOrders | null {
  if (!selection) return null;
  const out: SelectedOrders = { orderNos: [], unnumberedRows: [] };
  const seen = new Set<string>();
  const add = (no: string | undefined) => {
    const n = (no ?? '').trim();
    if (n && !seen.has(n)) {
      seen.add(n);
      out.orderNos.push(n);
    }
  };
  const first = Math.max(2, selection.row);
  const last = selection.row + selection.numRows - 1;
  if (selection.sheet === ctx.table('orders')?.name) {
    for (const rec of orders(rowsBetween(first, last))) {
      if (rec.orderNo.trim()) add(rec.orderNo);
      else if (rec.customer) out.unnumberedRows.push(rec._row);
    }
    return out;
  }
  if (lines && selection.sheet === ctx.table('orderLines')?.name) {
    for (const rec of lines(rowsBetween(first, last))) add(rec.orderNo);
    return out;
  }
  return null;
}
