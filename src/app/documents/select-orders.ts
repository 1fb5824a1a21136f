// The orders a selection names: rows of the Orders sheet, or rows of Order lines (their orders), in the order they
// appear, each once. Rows with a customer but no order number yet are listed apart so the user is told.
import type { AppContext } from '../context';
import type { GridRef } from '../../ports';
import type { Snapshot } from '../ledger-table';
import type { OrderLineRecord, OrderRecord } from '../../domain/ledgers/records';

export interface SelectedOrders {
  /** Order numbers, trimmed, in selection order, without repeats. */
  orderNos: string[];
  /** Orders rows in the selection that have no order number. */
  unnumberedRows: number[];
}

/** The orders named by `selection`, or null when it is on neither Orders nor Order lines. */
export function selectedOrders(
  ctx: AppContext,
  selection: GridRef | null,
  orders: Snapshot<OrderRecord>,
  lines: Snapshot<OrderLineRecord> | null,
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
    for (let r = first; r <= last; r++) {
      const rec = orders.byRow.get(r);
      if (!rec) continue;
      if (rec.orderNo.trim()) add(rec.orderNo);
      else if (rec.customer) out.unnumberedRows.push(r);
    }
    return out;
  }
  if (lines && selection.sheet === ctx.table('orderLines')?.name) {
    for (let r = first; r <= last; r++) add(lines.byRow.get(r)?.orderNo);
    return out;
  }
  return null;
}
