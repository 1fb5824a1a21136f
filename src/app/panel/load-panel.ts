// Opening or refreshing the customer panel: the customer of the selected row (or the one the panel already shows)
// with its details, orders, contacts and follow-ups. Service calls when opened on Customers, Orders, Contact log or
// Follow-ups: the document properties (settings, language, where the sheets are), the selection, one read per
// ledger shown — six in all; a row of Order lines or After-sales adds its header and row.
import type { AppContext } from '../context';
import type { PanelData } from '../../ui/sidebar-contract';
import { readPanelLedgers, resolveCustomer } from './panel-ledgers';
import { selectedCustomerRef } from './selected-customer';
import { buildPanel } from './build-panel';

/** The panel for `customerId`, or for the customer of the selected row when it is null or blank. */
export function loadPanel(ctx: AppContext, customerId: string | null): PanelData {
  const l = readPanelLedgers(ctx);
  const ref = customerId && customerId.trim() ? customerId : selectedCustomerRef(ctx, l);
  return buildPanel(ctx, l, resolveCustomer(l, ref));
}
