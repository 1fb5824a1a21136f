// The sweep: recomputes everything time alone can change (overdue, payment status, return visits) and every
// cross-ledger column (line amounts, order totals, customer aggregates), assigns missing numbers and repairs
// contact follow-ups — one read per ledger, the fewest writes, under the document lock. Daily trigger and menu.
import type { LedgerKey, LedgerRecords } from '../domain/ledgers/index';
import type { CustomerRecord, RowRef } from '../domain/ledgers/records';
import type { NumberSeriesKey } from '../domain/numbering';
import { customerAggregates, CustomerIndex } from '../domain/orders/customer-aggregates';
import { orderTotals } from '../domain/orders/line-math';
import type { AppContext } from './context';
import type { Change, LedgerTable, Snapshot } from './ledger-table';
import { allocateNumbers } from './assign-numbers';
import { afterSalesFields, followUpFields, lineFields, orderFields, pipelineFields, productIndex, type Fields } from './row-rules';
import { syncFollowUpsFromContacts } from './contact-follow-ups';

export interface SweepReport {
  /** Cells written per ledger. */
  cells: Partial<Record<LedgerKey, number>>;
  changed: number;
  overdue: number;
  numbersAssigned: number;
  followUpsCreated: number;
  conflicts: number;
}

const SWEEP_LOCK_MS = 30_000;

type Loaded<K extends LedgerKey> = { ledger: LedgerTable<LedgerRecords[K]>; snap: Snapshot<LedgerRecords[K]>; changes: Change<LedgerRecords[K]>[] };

function push<R extends RowRef>(changes: Change<R>[], row: number, fields: Fields<R>): void {
  for (const [key, value] of Object.entries(fields)) changes.push({ row, key: key as Change<R>['key'], value });
}

export function sweepStatuses(ctx: AppContext): SweepReport {
  return ctx.ports.lock.withDocumentLock(SWEEP_LOCK_MS, () => sweepLocked(ctx));
}

function sweepLocked(ctx: AppContext): SweepReport {
  const report: SweepReport = { cells: {}, changed: 0, overdue: 0, numbersAssigned: 0, followUpsCreated: 0, conflicts: 0 };
  const settings = ctx.reloadSettings().settings;
  const today = ctx.today;
  const load = <K extends LedgerKey>(key: K): Loaded<K> | null => {
    const ledger = ctx.ledger(key);
    return ledger ? { ledger, snap: ledger.readAll(), changes: [] } : null;
  };
  const products = load('products');
  const customers = load('customers');
  const orders = load('orders');
  const lines = load('orderLines');
  const contacts = load('contacts');
  const followUps = load('followUps');
  const pipeline = load('pipeline');
  const afterSales = load('afterSales');

  // Missing numbers, seeded by the largest number already in each column. Snapshot records are never changed
  // (the writer compares against them): the numbers given are returned per row.
  const number = <K extends LedgerKey>(l: Loaded<K> | null, series: NumberSeriesKey, key: keyof LedgerRecords[K] & string, needs: (r: LedgerRecords[K]) => boolean): Map<number, string> => {
    const given = new Map<number, string>();
    if (!l) return given;
    const blank = l.snap.records.filter((r) => !(r as unknown as Record<string, unknown>)[key] && needs(r));
    if (!blank.length) return given;
    const existing = l.snap.records.map((r) => (r as unknown as Record<string, unknown>)[key]);
    const nos = allocateNumbers(ctx, series, blank.length, existing, true);
    blank.forEach((r, i) => {
      push(l.changes, r._row, { [key]: nos[i] } as Fields<LedgerRecords[K]>);
      given.set(r._row, nos[i]);
    });
    report.numbersAssigned += blank.length;
    return given;
  };
  const withNumber = <R extends RowRef>(records: readonly R[], given: Map<number, string>, key: keyof R): R[] =>
    given.size ? records.map((r) => (given.has(r._row) ? { ...r, [key]: given.get(r._row) } : r)) : [...records];
  number(customers, 'customer', 'customerId', (r) => !!r.name);
  const orderNos = number(orders, 'order', 'orderNo', (r) => !!r.customer);
  const contactIds = number(contacts, 'contact', 'contactId', () => true);
  number(followUps, 'followUp', 'id', (r) => !!r.nextAction);
  number(afterSales, 'afterSales', 'caseNo', () => true);

  // Lines: amounts, cartons, weights, volume; then order totals.
  const productsByCode = productIndex(products?.snap.records ?? []);
  const lineRecords = lines?.snap.records ?? [];
  const computedLines = lineRecords.map((l) => {
    const f = lineFields(l, productsByCode);
    if (lines) push(lines.changes, l._row, f);
    return { orderNo: l.orderNo, amount: typeof f.amount === 'number' ? f.amount : undefined };
  });
  const totals = orderTotals(computedLines);

  // Orders as they are after this sweep (numbers and totals), for the customer aggregates.
  const currentOrders: LedgerRecords['orders'][] = [];
  if (orders) {
    for (const o of withNumber(orders.snap.records, orderNos, 'orderNo')) {
      const total = totals.get(o.orderNo.trim().toUpperCase());
      const res = orderFields(undefined, o, today, lines ? (total === undefined ? null : total) : undefined);
      push(orders.changes, o._row, res.fields);
      currentOrders.push({ ...o, totalAmount: lines ? (typeof res.fields.totalAmount === 'number' ? res.fields.totalAmount : undefined) : o.totalAmount });
      if (res.fields.status === 'overdue') report.overdue++;
    }
  }

  // Contacts → follow-ups (repairs any onEdit that never ran: Apps Script queues only two edit events).
  if (contacts && followUps) {
    const sync = syncFollowUpsFromContacts(ctx, withNumber(contacts.snap.records, contactIds, 'contactId'), followUps.snap, true);
    followUps.changes.push(...sync.changes);
    report.followUpsCreated = sync.created;
  }
  if (followUps) {
    for (const f of followUps.snap.records) {
      const fields = followUpFields(f, today);
      push(followUps.changes, f._row, fields);
      if (fields.status === 'overdue') report.overdue++;
    }
  }
  if (pipeline) {
    for (const p of pipeline.snap.records) {
      const fields = pipelineFields(undefined, p, today);
      push(pipeline.changes, p._row, fields);
      if (fields.status === 'overdue') report.overdue++;
    }
  }
  if (afterSales) {
    const index = new CustomerIndex<CustomerRecord>(customers?.snap.records ?? []);
    for (const a of afterSales.snap.records) {
      const fields = afterSalesFields(a, today, settings, index.find(a.customer)?.country);
      push(afterSales.changes, a._row, fields);
      if (fields.status === 'overdue') report.overdue++;
    }
  }
  if (customers) {
    const aggs = customerAggregates(
      customers.snap.records,
      currentOrders,
      contacts?.snap.records ?? [],
      followUps?.snap.records ?? [],
      settings['currency.default'] || 'USD',
    );
    for (const c of customers.snap.records) {
      const a = aggs.get(c._row);
      if (a) push(customers.changes, c._row, { lastContact: a.lastContact, nextFollowUp: a.nextFollowUp, openOrders: a.openOrders, totalWon: a.totalWon });
    }
  }

  const all: [LedgerKey, Loaded<LedgerKey> | null][] = [
    ['customers', customers as Loaded<LedgerKey> | null],
    ['orders', orders as Loaded<LedgerKey> | null],
    ['orderLines', lines as Loaded<LedgerKey> | null],
    ['contacts', contacts as Loaded<LedgerKey> | null],
    ['followUps', followUps as Loaded<LedgerKey> | null],
    ['pipeline', pipeline as Loaded<LedgerKey> | null],
    ['afterSales', afterSales as Loaded<LedgerKey> | null],
  ];
  for (const [key, l] of all) {
    if (!l || !l.changes.length) continue;
    const r = (l.ledger as LedgerTable<RowRef>).write(l.snap as Snapshot<RowRef>, l.changes as Change<RowRef>[], { fresh: true });
    report.cells[key] = r.cells;
    report.changed += r.cells;
    report.conflicts += r.conflicts;
  }
  return report;
}
