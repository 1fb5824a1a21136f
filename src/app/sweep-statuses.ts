// Loops over whole ledgers are indexed: a for…of in code that runs once per execution (not yet optimised) makes an
// iterator result per row.
// The sweep, under the document lock, one read per ledger and the fewest writes. Every scope recomputes what time
// alone can change (follow-up, pipeline and after-sales status, return visits, order status and payment status) and
// makes the cheap repairs of rows onEdit never saw (missing numbers, contact → follow-up, customer aggregates).
// The 'full' scope (Set up workbook, Refresh statuses now) also recomputes every line's amount, cartons, weights and
// volume from Order lines and Products, and each order's total from its lines; the daily trigger ('time') leaves
// them to onEdit, which keeps them true as lines are typed, and reads neither sheet.
import type { LedgerKey, LedgerRecords } from '../domain/ledgers/index';
import type { RowRef } from '../domain/ledgers/records';
import type { RecordField } from '../domain/ledgers/schema-types';
import type { NumberSeriesKey } from '../domain/numbering';
import { customerAggregates, CustomerIndex } from '../domain/orders/customer-aggregates';
import { orderTotals } from '../domain/orders/line-math';
import type { AppContext } from './context';
import { sameValue, type Change, type LedgerTable, type Snapshot } from './ledger-table';
import { allocateNumbers, raiseCounter } from './assign-numbers';
import { afterSalesFields, followUpFields, lineFields, orderTimeFields, pipelineFields, productIndex, type Fields } from './row-rules';
import { syncFollowUpsFromContacts } from './contact-follow-ups';
import { DASHBOARD_FIELDS, type DashboardRecords } from './dashboard';

export type SweepScope = 'time' | 'full';

export interface SweepOptions {
  /** 'full' (the default): also line amounts and order totals, from Order lines and Products. 'time': the daily trigger. */
  scope?: SweepScope;
}

export interface SweepReport {
  /** Cells written per ledger. */
  cells: Partial<Record<LedgerKey, number>>;
  changed: number;
  overdue: number;
  numbersAssigned: number;
  followUpsCreated: number;
  conflicts: number;
  /** Orders, follow-ups and after-sales cases as they are after the sweep's changes: the dashboard is drawn from them. */
  current: DashboardRecords;
}

const SWEEP_LOCK_MS = 30_000;

/**
 * The fields the sweep reads from each ledger: what its rules read and every field it writes (the writer compares
 * each change with the value read), and for Orders, Follow-ups and After-sales what the dashboard drawn after the
 * daily sweep needs. The records are typed by these lists, so a rule reading any other field does not compile.
 */
const FIELDS = {
  customers: ['customerId', 'name', 'country', 'lastContact', 'nextFollowUp', 'openOrders', 'totalWon'],
  orders: [
    'orderNo', 'customer', 'stage', 'status', 'paymentStatus', 'totalAmount', 'currency', 'quoteValidUntil', 'deliveryDate', 'shippedOn',
    'contractDate', 'depositPercent', 'depositReceivedOn', 'balanceDueOn', 'balanceReceivedOn', ...DASHBOARD_FIELDS.orders,
  ],
  orderLines: ['orderNo', 'productCode', 'quantity', 'unitPrice', 'amount', 'cartons', 'netWeight', 'grossWeight', 'cbm'],
  products: ['code', 'unitPrice', 'pcsPerCarton', 'nwPerCarton', 'gwPerCarton', 'cbmPerCarton', 'cartonSize'],
  contacts: ['contactId', 'date', 'customer', 'nextAction', 'owner', 'due', 'priority'],
  followUps: [
    'id', 'customer', 'nextAction', 'owner', 'due', 'priority', 'source', 'status', 'progress', 'snoozedUntil', 'startedOn', 'doneOn',
    ...DASHBOARD_FIELDS.followUps,
  ],
  pipeline: ['stage', 'stageSince', 'checklistDone', 'winProbability', 'due', 'status'],
  afterSales: ['caseNo', 'customer', 'type', 'receivedOn', 'handledOn', 'calledCustomer', 'closedOn', 'returnVisitDue', 'status', ...DASHBOARD_FIELDS.afterSales],
} as const satisfies { [K in SweptKey]: readonly RecordField<LedgerRecords[K]>[] };

type SweptKey = 'customers' | 'orders' | 'orderLines' | 'products' | 'contacts' | 'followUps' | 'pipeline' | 'afterSales';
type Rec<K extends SweptKey> = Pick<LedgerRecords[K], '_row' | Extract<(typeof FIELDS)[K][number], keyof LedgerRecords[K]>>;

/** The fields the sweep reads from a ledger (exported for the tests). */
export function sweepFields(key: SweptKey): readonly string[] {
  return FIELDS[key];
}

/**
 * One ledger in the sweep: its snapshot, and what the sweep sets in its rows, kept only where it differs from the
 * snapshot (the writer would drop the rest): on a day when a few thousand statuses change, a few thousand values.
 */
class Swept<R extends RowRef> {
  private readonly set = new Map<number, Record<string, unknown>>();

  constructor(
    readonly ledger: LedgerTable<RowRef>,
    readonly snap: Snapshot<R>,
  ) {}

  get records(): readonly R[] {
    return this.snap.records;
  }

  /** A snapshot record as the sweep has it so far (a copy only for a row the sweep changes). */
  now(rec: R): R {
    const o = this.set.get(rec._row);
    return o ? ({ ...rec, ...o } as R) : rec;
  }

  /** Sets fields of a snapshot record's row; a value equal to the snapshot's is no change and undoes an earlier one. */
  put(rec: R, fields: Fields<R>): void {
    const was = rec as unknown as Record<string, unknown>;
    let o = this.set.get(rec._row);
    for (const key in fields) {
      const value = (fields as Record<string, unknown>)[key];
      if (sameValue(was[key], value)) {
        if (o && key in o) delete o[key];
        continue;
      }
      if (!o) this.set.set(rec._row, (o = {}));
      o[key] = value;
    }
  }

  /** Every record as it is after the sweep's changes. */
  current(): R[] {
    if (!this.set.size) return this.snap.records;
    return this.snap.records.map((r) => this.now(r));
  }

  changes(): Change<RowRef>[] {
    const out: Change<RowRef>[] = [];
    for (const [row, o] of this.set) for (const key in o) out.push({ row, key: key as Change<RowRef>['key'], value: o[key] });
    return out;
  }
}

export function sweepStatuses(ctx: AppContext, opts: SweepOptions = {}): SweepReport {
  return ctx.ports.lock.withDocumentLock(SWEEP_LOCK_MS, () => sweepLocked(ctx, opts.scope ?? 'full'));
}

function sweepLocked(ctx: AppContext, scope: SweepScope): SweepReport {
  const report: SweepReport = { cells: {}, changed: 0, overdue: 0, numbersAssigned: 0, followUpsCreated: 0, conflicts: 0, current: { orders: [], followUps: [], afterSales: [] } };
  const settings = ctx.reloadSettings().settings;
  const today = ctx.today;
  const load = <K extends SweptKey>(key: K): Swept<Rec<K>> | null => {
    const ledger = ctx.ledger(key) as LedgerTable<LedgerRecords[K]> | null;
    if (!ledger) return null;
    const snap = ledger.readAll({ fields: FIELDS[key] as unknown as readonly RecordField<LedgerRecords[K]>[] }) as unknown as Snapshot<Rec<K>>;
    return new Swept(ledger as unknown as LedgerTable<RowRef>, snap);
  };
  const full = scope === 'full';
  const products = full ? load('products') : null;
  const customers = load('customers');
  const orders = load('orders');
  const lines = full ? load('orderLines') : null;
  const contacts = load('contacts');
  const followUps = load('followUps');
  const pipeline = load('pipeline');
  const afterSales = load('afterSales');

  // Missing numbers, seeded by the largest number already in each column.
  const number = <R extends RowRef>(l: Swept<R> | null, series: NumberSeriesKey, key: RecordField<R>, needs: (r: R) => boolean): void => {
    if (!l) return;
    // One indexed pass over the column: the rows to number, and every value (the series' numbers so far).
    const records = l.records;
    const blank: R[] = [];
    const existing: unknown[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const v = r[key];
      existing[i] = v;
      if (!v && needs(r)) blank.push(r);
    }
    if (!blank.length) {
      // The whole column is here: the counter catches up with numbers that arrived by import or paste.
      raiseCounter(ctx, series, existing, true, true);
      return;
    }
    const nos = allocateNumbers(ctx, series, blank.length, existing, true);
    blank.forEach((r, i) => l.put(r, { [key]: nos[i] } as Fields<R>));
    report.numbersAssigned += blank.length;
  };
  number(customers, 'customer', 'customerId', (r) => !!r.name);
  number(orders, 'order', 'orderNo', (r) => !!r.customer);
  number(contacts, 'contact', 'contactId', () => true);
  number(followUps, 'followUp', 'id', (r) => !!r.nextAction);
  number(afterSales, 'afterSales', 'caseNo', () => true);

  // Lines: amounts, cartons, weights, volume; then order totals (full scope only).
  let totals: Map<string, number> | null = null;
  if (lines) {
    const byCode = productIndex(products?.records ?? []);
    const amounts: { orderNo: string; amount: number | undefined }[] = [];
    const records = lines.records;
    for (let i = 0; i < records.length; i++) {
      const l = records[i];
      const f = lineFields(l, byCode);
      lines.put(l, f);
      amounts.push({ orderNo: l.orderNo, amount: typeof f.amount === 'number' ? f.amount : undefined });
    }
    totals = orderTotals(amounts);
  }

  if (orders) {
    const records = orders.records;
    for (let i = 0; i < records.length; i++) {
      const rec = records[i];
      const o = orders.now(rec);
      const fields = orderTimeFields(o, today, totals ? (totals.get(o.orderNo.trim().toUpperCase()) ?? null) : undefined);
      orders.put(rec, fields);
      if (fields.status === 'overdue') report.overdue++;
    }
  }

  // Contacts → follow-ups (repairs any onEdit that never ran: Apps Script queues only two edit events). The updates
  // join the sweep's own changes of Follow-ups; new follow-ups are appended after every ledger is written, so the
  // contact numbers their sources name are in the sheet first.
  const created: Rec<'followUps'>[] = [];
  let appendFollowUps: (() => void) | undefined;
  if (contacts && followUps) {
    const sync = syncFollowUpsFromContacts(ctx, contacts.current(), followUps.snap, true, true);
    appendFollowUps = sync.appendNow;
    for (const ch of sync.changes) {
      const rec = followUps.snap.byRow.get(ch.row);
      if (rec) followUps.put(rec, { [ch.key]: ch.value } as Fields<Rec<'followUps'>>);
    }
    created.push(...sync.createdRecords);
    report.followUpsCreated = sync.created;
  }
  if (followUps) {
    const records = followUps.records;
    for (let i = 0; i < records.length; i++) {
      const rec = records[i];
      const fields = followUpFields(followUps.now(rec), today);
      followUps.put(rec, fields);
      if (fields.status === 'overdue') report.overdue++;
    }
  }
  if (pipeline) {
    for (const rec of pipeline.records) {
      const fields = pipelineFields(undefined, rec, today);
      pipeline.put(rec, fields);
      if (fields.status === 'overdue') report.overdue++;
    }
  }
  if (afterSales) {
    const index = new CustomerIndex(customers?.current() ?? []);
    const records = afterSales.records;
    for (let i = 0; i < records.length; i++) {
      const rec = records[i];
      const a = afterSales.now(rec);
      const fields = afterSalesFields(a, today, settings, index.find(a.customer)?.country);
      afterSales.put(rec, fields);
      if (fields.status === 'overdue') report.overdue++;
    }
  }
  const currentOrders = orders?.current() ?? [];
  const currentFollowUps = followUps ? [...followUps.current(), ...created] : [];
  if (customers) {
    const aggs = customerAggregates(customers.current(), currentOrders, contacts?.current() ?? [], currentFollowUps, settings['currency.default'] || 'USD');
    const records = customers.records;
    for (let i = 0; i < records.length; i++) {
      const c = records[i];
      const a = aggs.get(c._row);
      if (a) customers.put(c, { lastContact: a.lastContact, nextFollowUp: a.nextFollowUp, openOrders: a.openOrders, totalWon: a.totalWon });
    }
  }
  report.current = { orders: currentOrders, followUps: currentFollowUps, afterSales: afterSales?.current() ?? [] };

  const all: [LedgerKey, Swept<RowRef> | null][] = [
    ['customers', customers],
    ['orders', orders],
    ['orderLines', lines],
    ['contacts', contacts],
    ['followUps', followUps],
    ['pipeline', pipeline],
    ['afterSales', afterSales],
  ];
  for (const [key, l] of all) {
    if (!l) continue;
    const changes = l.changes();
    if (!changes.length) continue;
    const r = l.ledger.write(l.snap, changes, { fresh: true });
    report.cells[key] = r.cells;
    report.changed += r.cells;
    report.conflicts += r.conflicts;
  }
  appendFollowUps?.();
  return report;
}
