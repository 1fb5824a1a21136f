// The four ledgers the customer panel shows (Customers, Orders, Contact log, Follow-ups), one read each — the Contact
// log only when the panel shows the contact history — and how a row of any of them belongs to a customer: by Customer
// ID or name, a follow-up also through its order.
import type { AppContext } from '../context';
import type { LedgerTable, Snapshot } from '../ledger-table';
import type { LedgerKey, LedgerRecords } from '../../domain/ledgers/index';
import type { ContactRecord, CustomerRecord, FollowUpRecord, OrderRecord } from '../../domain/ledgers/records';
import { CustomerIndex, customerAggregates, customerRefKey } from '../../domain/orders/customer-aggregates';

export interface Loaded<K extends LedgerKey> {
  ledger: LedgerTable<LedgerRecords[K]>;
  snap: Snapshot<LedgerRecords[K]>;
}

export interface PanelLedgers {
  customers: Loaded<'customers'> | null;
  orders: Loaded<'orders'> | null;
  /** Null when the sheet is missing, or when it was not read (`contactsRead` false). */
  contacts: Loaded<'contacts'> | null;
  /** Whether the Contact log was read: opening the panel leaves the contact history for when it is asked for. */
  contactsRead: boolean;
  followUps: Loaded<'followUps'> | null;
  index: CustomerIndex<CustomerRecord>;
  /** Orders by order number, upper-cased. */
  orderByNo: Map<string, OrderRecord>;
}

/** The customer a panel is about: a Customers row, or only the reference other rows use when it has none. */
export interface PanelCustomer {
  record?: CustomerRecord;
  /** What new rows name the customer by: its Customer ID, else its name, else the reference as typed. */
  ref: string;
}

export function load<K extends LedgerKey>(ctx: AppContext, key: K): Loaded<K> | null {
  const ledger = ctx.ledger(key);
  return ledger ? { ledger, snap: ledger.readAll() } : null;
}

export function orderKey(orderNo: string | undefined): string {
  return String(orderNo ?? '').trim().toUpperCase();
}

/** Reads the ledgers (a missing sheet reads as empty); the Contact log unless `contacts` is false. */
export function readPanelLedgers(ctx: AppContext, opts: { contacts?: boolean } = {}): PanelLedgers {
  const customers = load(ctx, 'customers');
  const orders = load(ctx, 'orders');
  const contactsRead = opts.contacts !== false;
  const contacts = contactsRead ? load(ctx, 'contacts') : null;
  const followUps = load(ctx, 'followUps');
  const orderByNo = new Map<string, OrderRecord>();
  for (const o of orders?.snap.records ?? []) if (o.orderNo) orderByNo.set(orderKey(o.orderNo), o);
  return { customers, orders, contacts, contactsRead, followUps, index: new CustomerIndex(customers?.snap.records ?? []), orderByNo };
}

/** Customers and the Contact log alone: what the contact history of one customer needs (two reads). */
export function readContactLedgers(ctx: AppContext): PanelLedgers {
  const customers = load(ctx, 'customers');
  const contacts = load(ctx, 'contacts');
  return { customers, orders: null, contacts, contactsRead: true, followUps: null, index: new CustomerIndex(customers?.snap.records ?? []), orderByNo: new Map() };
}

/** Reads one ledger again after the panel changed it, keeping the others. */
export function reread(ctx: AppContext, l: PanelLedgers, key: 'contacts' | 'followUps'): void {
  if (key === 'contacts') {
    l.contacts = load(ctx, 'contacts');
    l.contactsRead = true;
  } else l.followUps = load(ctx, 'followUps');
}

export function resolveCustomer(l: PanelLedgers, ref: string): PanelCustomer {
  const record = l.index.find(ref);
  if (record) return { record, ref: record.customerId || record.name };
  return { ref: ref.trim() };
}

/** True when a row's customer reference names this customer. */
export function belongsTo(l: PanelLedgers, c: PanelCustomer, ref: string | undefined): boolean {
  if (!ref) return false;
  if (c.record) return l.index.find(ref) === c.record;
  return customerRefKey(ref) === customerRefKey(c.ref);
}

/** The customer a follow-up is for: its Customer cell, else the customer of the order it refers to. */
export function followUpCustomer(l: PanelLedgers, f: FollowUpRecord): string | undefined {
  return f.customer || l.orderByNo.get(orderKey(f.ref))?.customer;
}

export function customerOrders(l: PanelLedgers, c: PanelCustomer): OrderRecord[] {
  return (l.orders?.snap.records ?? []).filter((o) => belongsTo(l, c, o.customer));
}

export function customerContacts(l: PanelLedgers, c: PanelCustomer): ContactRecord[] {
  return (l.contacts?.snap.records ?? []).filter((x) => belongsTo(l, c, x.customer));
}

export function customerFollowUps(l: PanelLedgers, c: PanelCustomer): FollowUpRecord[] {
  return (l.followUps?.snap.records ?? []).filter((f) => belongsTo(l, c, followUpCustomer(l, f)));
}

/**
 * Keeps the customer's computed columns (last contact, next follow-up, open orders, total won) true after a panel
 * action, with the rules of the daily sweep; one write when something changed.
 */
export function updateCustomerColumns(ctx: AppContext, l: PanelLedgers, c: PanelCustomer): void {
  const record = c.record;
  if (!record || !l.customers) return;
  const followUps = customerFollowUps(l, c).map((f) => ({ ...f, customer: c.ref }));
  const aggs = customerAggregates([record], customerOrders(l, c), customerContacts(l, c), followUps, ctx.settings()['currency.default'] || 'USD');
  const a = aggs.get(record._row);
  if (!a) return;
  const fields = { lastContact: a.lastContact, nextFollowUp: a.nextFollowUp, openOrders: a.openOrders, totalWon: a.totalWon };
  const changes = Object.entries(fields).map(([key, value]) => ({ row: record._row, key: key as keyof typeof fields, value }));
  l.customers.ledger.write(l.customers.snap, changes, { fresh: true });
}
