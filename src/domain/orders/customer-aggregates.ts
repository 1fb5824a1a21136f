// The customer ledger's computed columns: last contact, next follow-up, open orders and total won, from the other
// ledgers. Orders and contacts name a customer by Customer ID or by name; both are matched.
import type { ContactRecord, CustomerRecord, FollowUpRecord, OrderRecord } from '../ledgers/records';
import { followUpDeadline } from '../status/follow-up-status';
import { roundMoney } from '../money/round-money';
import type { LocalDate } from '../time/zone';

export interface CustomerAggregates {
  lastContact?: LocalDate;
  nextFollowUp?: LocalDate;
  openOrders: number;
  totalWon: number;
}

/** Comparable form of a customer reference (ID or name): case, spaces and full-width forms ignored. */
export function customerRefKey(ref: string | undefined): string {
  return String(ref ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Distinct references remembered per index (orders and follow-ups name the same customers over and over). */
const FOUND_LIMIT = 50_000;

/** Finds customers by ID or name. */
export class CustomerIndex<C extends Pick<CustomerRecord, 'customerId' | 'name'>> {
  private readonly byKey = new Map<string, C>();
  /** Reference as written → customer (null: none), so each distinct reference is normalised once. */
  private readonly found = new Map<string, C | null>();
  constructor(customers: readonly C[]) {
    for (const c of customers) {
      if (c.name) this.byKey.set(customerRefKey(c.name), c);
    }
    // IDs win over names when a name happens to equal another customer's ID.
    for (const c of customers) {
      if (c.customerId) this.byKey.set(customerRefKey(c.customerId), c);
    }
  }
  find(ref: string | undefined): C | undefined {
    if (ref === undefined) return undefined;
    const hit = this.found.get(ref);
    if (hit !== undefined) return hit ?? undefined;
    const k = customerRefKey(ref);
    const c = k ? this.byKey.get(k) : undefined;
    if (this.found.size < FOUND_LIMIT) this.found.set(ref, c ?? null);
    return c;
  }
}

const OPEN_STAGES = new Set(['contracted', 'deposit', 'production', 'ready', 'shipped', 'balance']);
const WON_STAGES = new Set(['contracted', 'deposit', 'production', 'ready', 'shipped', 'balance', 'completed']);

/**
 * Aggregates per customer (keyed by the customer's row). Open orders are contracted and not yet completed; total
 * won sums contracted-or-later orders in `currency` (orders in another currency are not added into it).
 */
export function customerAggregates(
  customers: readonly Pick<CustomerRecord, '_row' | 'customerId' | 'name'>[],
  orders: readonly Pick<OrderRecord, 'customer' | 'stage' | 'totalAmount' | 'currency'>[],
  contacts: readonly Pick<ContactRecord, 'customer' | 'date'>[],
  followUps: readonly Pick<FollowUpRecord, 'customer' | 'status' | 'due' | 'snoozedUntil'>[],
  currency: string,
): Map<number, CustomerAggregates> {
  const index = new CustomerIndex(customers);
  const out = new Map<number, CustomerAggregates>();
  for (const c of customers) out.set(c._row, { openOrders: 0, totalWon: 0 });
  const cur = currency.toUpperCase();
  // Indexed loops over the ledgers: a for…of in code that runs once per execution makes an iterator result per row.
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i];
    const c = index.find(o.customer);
    if (!c || !o.stage) continue;
    const agg = out.get(c._row)!;
    if (OPEN_STAGES.has(o.stage)) agg.openOrders++;
    if (WON_STAGES.has(o.stage) && o.totalAmount !== undefined && (!o.currency || o.currency.toUpperCase() === cur)) {
      agg.totalWon = roundMoney(agg.totalWon + o.totalAmount);
    }
  }
  for (let i = 0; i < contacts.length; i++) {
    const ct = contacts[i];
    const c = index.find(ct.customer);
    if (!c || !ct.date) continue;
    const agg = out.get(c._row)!;
    if (!agg.lastContact || ct.date > agg.lastContact) agg.lastContact = ct.date;
  }
  for (let i = 0; i < followUps.length; i++) {
    const f = followUps[i];
    if (f.status === 'done') continue;
    const c = index.find(f.customer);
    const deadline = followUpDeadline(f);
    if (!c || !deadline) continue;
    const agg = out.get(c._row)!;
    if (!agg.nextFollowUp || deadline < agg.nextFollowUp) agg.nextFollowUp = deadline;
  }
  return out;
}
