// Opening or refreshing the customer panel: the customer of the selected row (or the one the panel already shows)
// with its details, orders and follow-ups, and its contacts when asked for. Service calls when opened on Customers,
// Orders or Follow-ups: the document properties (settings, language, where the sheets are), the selection, one read
// per ledger shown (Customers, Orders, Follow-ups) — five; the Contact log is one more (read when asked for, or when
// the selected row is in it); a row of Order lines or After-sales adds its header and row.
import type { AppContext } from '../context';
import type { PanelData } from '../../ui/sidebar-contract';
import type { PanelContacts } from '../../ui/sidebar-contract';
import { readContactLedgers, readPanelLedgers, resolveCustomer } from './panel-ledgers';
import { selectedCustomerRef } from './selected-customer';
import { buildPanel, panelContacts } from './build-panel';

/**
 * The panel for `customerId`, or for the customer of the selected row when it is null or blank; with the contact
 * history when `withContacts`.
 */
export function loadPanel(ctx: AppContext, customerId: string | null, withContacts = true): PanelData {
  const l = readPanelLedgers(ctx, { contacts: withContacts });
  const ref = customerId && customerId.trim() ? customerId : selectedCustomerRef(ctx, l);
  return buildPanel(ctx, l, resolveCustomer(l, ref));
}

/** The contact history of one customer: the document properties, Customers and the Contact log (three calls). */
export function loadPanelContacts(ctx: AppContext, customerId: string): PanelContacts {
  const l = readContactLedgers(ctx);
  return panelContacts(ctx, l, resolveCustomer(l, String(customerId ?? '')));
}
