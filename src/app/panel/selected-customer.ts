// The customer of the row the user selected, in any ledger that names one: Customers, Orders, Contact log,
// Follow-ups (directly or through its order), Order lines and After-sales (through the order when needed).
import type { AppContext } from '../context';
import type { Table } from '../../ports';
import { panelText } from '../../domain/i18n/panel-app';
import { followUpCustomer, orderKey, reread, type PanelLedgers } from './panel-ledgers';

/**
 * The customer reference of the selected row (its first data row when the selection spans several). Costs the
 * selection (one call); a row of Order lines or After-sales costs its header and the row (two reads), a row of the
 * Contact log the Contact log when `l` has not read it, every other ledger is already in `l`. Throws a message for
 * the user when the selection names no customer.
 */
export function selectedCustomerRef(ctx: AppContext, l: PanelLedgers): string {
  const lang = ctx.userLang;
  const wb = ctx.ports.workbook;
  const sel = wb.selection();
  const table: Table | null = sel ? wb.table(sel.sheet) : null;
  const key = sel && table ? ctx.keyOfSheet(sel.sheet, table.sheetId) : undefined;
  const row = sel ? (sel.row >= 2 ? sel.row : sel.row + sel.numRows - 1 >= 2 ? 2 : 0) : 0;
  if (!sel || !table || !key || !row) throw new Error(panelText(lang, 'panel.noSelection'));
  let ref: string | undefined;
  switch (key) {
    case 'customers': {
      const c = l.customers?.snap.byRow.get(row);
      ref = c ? c.customerId || c.name : undefined;
      break;
    }
    case 'orders':
      ref = l.orders?.snap.byRow.get(row)?.customer;
      break;
    case 'contacts':
      // The panel then shows the contact history too: the Contact log is read either way.
      if (!l.contactsRead) reread(ctx, l, 'contacts');
      ref = l.contacts?.snap.byRow.get(row)?.customer;
      break;
    case 'followUps': {
      const f = l.followUps?.snap.byRow.get(row);
      ref = f ? followUpCustomer(l, f) : undefined;
      break;
    }
    case 'orderLines': {
      const line = ctx.ledger('orderLines')?.readRows(row, 1).byRow.get(row);
      ref = l.orderByNo.get(orderKey(line?.orderNo))?.customer;
      break;
    }
    case 'afterSales': {
      const a = ctx.ledger('afterSales')?.readRows(row, 1).byRow.get(row);
      ref = a ? a.customer || l.orderByNo.get(orderKey(a.orderNo))?.customer : undefined;
      break;
    }
    default:
      throw new Error(panelText(lang, 'panel.noSelection'));
  }
  if (!ref || !ref.trim()) throw new Error(panelText(lang, 'panel.noCustomer', { row, sheet: table.name }));
  return ref;
}
