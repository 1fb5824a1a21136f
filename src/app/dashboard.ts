// The Dashboard sheet (Refresh dashboard, and after each daily sweep): the order pipeline by stage, receivables,
// quotations awaiting a decision, orders shipping soon, overdue follow-ups per owner and open after-sales cases,
// with a "refreshed at" stamp. Three reads (Orders, Follow-ups, After-sales: only the columns it shows or computes
// from are parsed) — none after the daily sweep, which hands over its records — and one write of a fixed-size block;
// the charts point at fixed cells of that block, so they are made once (again only when the language or the default
// currency changes their titles), never on each refresh.
import type { AppContext } from './context';
import type { ChartSpec, Table } from '../ports';
import type { AfterSalesRecord, FollowUpRecord, LocalDate, OrderRecord } from '../domain/ledgers/records';
import type { RecordField } from '../domain/ledgers/schema-types';
import { AFTER_SALES_TYPES, ORDER_STAGES, type AfterSalesType, type OrderStage } from '../domain/ledgers/records';
import { AFTER_SALES_TYPE_OPTIONS } from '../domain/ledgers/enum-labels';
import { sheetName } from '../domain/ledgers/index';
import { protectText } from '../domain/ledgers/to-cell-value';
import { orderStageName } from '../domain/i18n/status';
import { panelText, type PanelAppMessageId } from '../domain/i18n/panel-app';
import type { Lang } from '../domain/i18n/i18n';
import { followUpDeadline, followUpStatus } from '../domain/status/follow-up-status';
import { paymentStatus } from '../domain/status/order-status';
import { isTerminalOrderStage, orderStageRank } from '../domain/status/order-stage';
import { formatMoney } from '../domain/money/format-money';
import { roundMoney } from '../domain/money/round-money';
import { addDaysToLocalDate, instantToWall } from '../domain/time/zone';
import { afterSalesFields } from './row-rules';
import type { Settings } from '../domain/settings';

export const SHIPPING_DAYS = 14;
const LAYOUT_VERSION = 1;
const PROP_LAYOUT = 'gendan.dashboard';
const WIDTH = 6;
const OPEN_STAGES = ORDER_STAGES.filter((s) => !isTerminalOrderStage(s));

/**
 * Row numbers of the fixed layout (charts and formats point at them): 10 stage rows, 3 receivables, 10 quotations,
 * 15 shipments, 15 owners, 7 after-sales rows (the types, then "no type").
 */
const ROW = {
  title: 1,
  note: 2,
  pipelineTitle: 4,
  pipelineHead: 5,
  stages: 6,
  pipelineTotal: 16,
  receivablesTitle: 18,
  receivablesHead: 19,
  receivables: 20,
  quotesTitle: 24,
  quotesHead: 25,
  quotes: 26,
  shippingTitle: 37,
  shippingHead: 38,
  shipping: 39,
  overdueTitle: 55,
  overdueHead: 56,
  overdue: 57,
  afterSalesTitle: 73,
  afterSalesHead: 74,
  afterSales: 75,
  views: 83,
} as const;
const QUOTE_ROWS = 10;
const SHIPPING_ROWS = 15;
const OWNER_ROWS = 15;
export const DASHBOARD_ROWS = ROW.views;

/** The fields of each ledger the dashboard reads: what it shows and what its statuses are computed from. */
export const DASHBOARD_FIELDS = {
  orders: [
    'orderNo', 'customer', 'owner', 'stage', 'quoteDate', 'quoteValidUntil', 'contractDate', 'currency', 'totalAmount', 'depositPercent',
    'depositReceivedOn', 'balanceDueOn', 'balanceReceivedOn', 'deliveryDate', 'shippedOn',
  ],
  followUps: ['owner', 'status', 'progress', 'due', 'snoozedUntil', 'startedOn', 'doneOn'],
  afterSales: ['type', 'receivedOn', 'handledOn', 'calledCustomer', 'closedOn'],
} as const satisfies {
  orders: readonly RecordField<OrderRecord>[];
  followUps: readonly RecordField<FollowUpRecord>[];
  afterSales: readonly RecordField<AfterSalesRecord>[];
};

export type DashboardOrder = Pick<OrderRecord, '_row' | (typeof DASHBOARD_FIELDS.orders)[number]>;
export type DashboardFollowUp = Pick<FollowUpRecord, '_row' | (typeof DASHBOARD_FIELDS.followUps)[number]>;
export type DashboardAfterSales = Pick<AfterSalesRecord, '_row' | (typeof DASHBOARD_FIELDS.afterSales)[number]>;

/** The records the dashboard is drawn from (an empty list for a ledger the workbook does not have). */
export interface DashboardRecords {
  orders: readonly DashboardOrder[];
  followUps: readonly DashboardFollowUp[];
  afterSales: readonly DashboardAfterSales[];
}

/** Amounts in the default currency, and the rest per currency. */
export interface Money {
  amount: number;
  other: Record<string, number>;
}

export interface DashboardModel {
  currency: string;
  orders: number;
  pipeline: Record<OrderStage, { count: number } & Money>;
  receivables: Record<'deposits' | 'balances' | 'overdue', { count: number } & Money>;
  /** `list`: the first QUOTE_ROWS quotations by quotation date (all the dashboard has room for) of `count`. */
  quotes: { count: number; expired: number; list: DashboardOrder[] };
  /** `list`: the first SHIPPING_ROWS orders by delivery date of `count`. */
  shipping: { count: number; list: DashboardOrder[] };
  overdueFollowUps: number;
  overdueByOwner: { owner: string; count: number; oldest: LocalDate | undefined }[];
  afterSales: { open: number; overdue: number; byType: Record<AfterSalesType | '', { open: number; overdue: number }> };
}

export interface DashboardInput extends DashboardRecords {
  today: LocalDate;
  currency: string;
  settings: Settings;
}

// Bound once: the sandbox runs the bundle in a node:vm context, where each lookup of a global (Math, Number…) is a
// call into Node; add runs for every order.
const isFiniteNumber = Number.isFinite;

function money(): Money {
  return { amount: 0, other: {} };
}

function add(m: Money, amount: number | undefined, currency: string | undefined, base: string): void {
  if (amount === undefined || !isFiniteNumber(amount)) return;
  const c = (currency || base).toUpperCase();
  if (c === base) m.amount = roundMoney(m.amount + amount);
  else m.other[c] = roundMoney((m.other[c] ?? 0) + amount);
}

/**
 * The first `k` items of a stable sort by `cmp`, kept while the items come (a dashboard lists ten quotations of
 * thousands: sorting them all is most of its work).
 */
class FirstK<T> {
  readonly items: T[] = [];
  constructor(
    private readonly k: number,
    private readonly cmp: (a: T, b: T) => number,
  ) {}

  add(x: T): void {
    const items = this.items;
    if (items.length === this.k && this.cmp(items[items.length - 1], x) <= 0) return;
    let i = items.length;
    while (i > 0 && this.cmp(items[i - 1], x) > 0) i--;
    items.splice(i, 0, x);
    if (items.length > this.k) items.pop();
  }
}

function byDate(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

/**
 * The dashboard's figures for `today`, from the ledgers as read. Statuses are computed here (not taken from the
 * Status cells), so the dashboard is right even when the sweep has not run today.
 */
export function dashboardModel(input: DashboardInput): DashboardModel {
  const { today } = input;
  const base = input.currency.toUpperCase();
  const pipeline = Object.fromEntries(ORDER_STAGES.map((s) => [s, { count: 0, ...money() }])) as DashboardModel['pipeline'];
  const receivables: DashboardModel['receivables'] = { deposits: { count: 0, ...money() }, balances: { count: 0, ...money() }, overdue: { count: 0, ...money() } };
  const quotes: DashboardModel['quotes'] = { count: 0, expired: 0, list: [] };
  const quoteList = new FirstK<DashboardOrder>(QUOTE_ROWS, (a, b) => byDate(a.quoteDate, b.quoteDate) || a.orderNo.localeCompare(b.orderNo));
  const shipping: DashboardModel['shipping'] = { count: 0, list: [] };
  const shippingList = new FirstK<DashboardOrder>(SHIPPING_ROWS, (a, b) => byDate(a.deliveryDate, b.deliveryDate) || a.orderNo.localeCompare(b.orderNo));
  const horizon = addDaysToLocalDate(today, SHIPPING_DAYS);
  const shippedRank = orderStageRank('shipped');
  // Indexed loops: a for…of in code that runs once per execution makes an iterator result per row.
  const orders = input.orders;
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i];
    const stage = o.stage ?? 'inquiry';
    const p = pipeline[stage];
    p.count++;
    add(p, o.totalAmount, o.currency, base);
    if (stage === 'lost') continue;
    const total = o.totalAmount;
    if (total !== undefined) {
      const pay = paymentStatus(o, today);
      const pct = typeof o.depositPercent === 'number' ? o.depositPercent : 0;
      if (pay === 'awaiting-deposit') {
        receivables.deposits.count++;
        add(receivables.deposits, roundMoney(total * pct), o.currency, base);
      } else if (pay === 'balance-due' || pay === 'balance-overdue') {
        const r = pay === 'balance-due' ? receivables.balances : receivables.overdue;
        r.count++;
        add(r, roundMoney(total - (o.depositReceivedOn ? total * pct : 0)), o.currency, base);
      }
    }
    if (stage === 'quoted') {
      quotes.count++;
      if (o.quoteValidUntil && o.quoteValidUntil < today) quotes.expired++;
      quoteList.add(o);
    }
    const shipped = !!o.shippedOn || orderStageRank(stage) >= shippedRank;
    if (!shipped && stage !== 'completed' && o.deliveryDate && o.deliveryDate >= today && o.deliveryDate <= horizon) {
      shipping.count++;
      shippingList.add(o);
    }
  }
  quotes.list = quoteList.items;
  shipping.list = shippingList.items;

  const owners = new Map<string, { owner: string; count: number; oldest: LocalDate | undefined }>();
  let overdueFollowUps = 0;
  const followUps = input.followUps;
  for (let i = 0; i < followUps.length; i++) {
    const f = followUps[i];
    if (followUpStatus(f, today).status !== 'overdue') continue;
    overdueFollowUps++;
    const owner = (f.owner ?? '').trim();
    const key = owner.toLowerCase();
    const deadline = followUpDeadline(f);
    const o = owners.get(key) ?? { owner, count: 0, oldest: undefined };
    o.count++;
    if (byDate(deadline, o.oldest) < 0) o.oldest = deadline;
    owners.set(key, o);
  }
  const overdueByOwner = [...owners.values()].sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner));

  const byType = Object.fromEntries([...AFTER_SALES_TYPES, ''].map((t) => [t, { open: 0, overdue: 0 }])) as DashboardModel['afterSales']['byType'];
  let open = 0;
  let overdue = 0;
  const afterSales = input.afterSales;
  for (let i = 0; i < afterSales.length; i++) {
    const a = afterSales[i];
    const status = afterSalesFields(a, today, input.settings).status;
    if (status === 'done') continue;
    const t = byType[a.type ?? ''];
    t.open++;
    open++;
    if (status === 'overdue') {
      t.overdue++;
      overdue++;
    }
  }
  return {
    currency: base,
    orders: input.orders.length,
    pipeline,
    receivables,
    quotes,
    shipping,
    overdueFollowUps,
    overdueByOwner,
    afterSales: { open, overdue, byType },
  };
}

/** "2026-03-02 09:15" in a zone. */
function wallMinute(now: number, timeZone: string): string {
  return new Date(instantToWall(now, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The dashboard as one block of DASHBOARD_ROWS × 6 cells (blank where a list is shorter than its place), texts
 * protected from being read as formulas, numbers or dates.
 */
export function dashboardGrid(m: DashboardModel, lang: Lang, stamp: string): (string | number)[][] {
  const t = (id: PanelAppMessageId, vars?: Record<string, string | number>) => panelText(lang, id, vars);
  const grid: (string | number)[][] = Array.from({ length: DASHBOARD_ROWS }, () => new Array<string | number>(WIDTH).fill(''));
  const put = (row: number, cells: (string | number | undefined)[]) => {
    cells.forEach((v, i) => (grid[row - 1][i] = typeof v === 'number' ? v : protectText(v ?? '')));
  };
  const others = (x: Money) => Object.entries(x.other).sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => formatMoney(v, c, lang)).join(' · ');
  const amountOf = (o: DashboardOrder) => (o.totalAmount === undefined ? '' : formatMoney(o.totalAmount, o.currency || m.currency, lang));
  const moneyHead = [t('dash.col.amount', { currency: m.currency }), t('dash.col.other')];

  put(ROW.title, [t('dash.title'), '', t('dash.refreshedAt'), stamp]);
  put(ROW.note, [t('dash.note', { currency: m.currency })]);

  put(ROW.pipelineTitle, [t('dash.pipeline')]);
  put(ROW.pipelineHead, [t('dash.col.stage'), t('dash.col.orders'), ...moneyHead]);
  const openTotal = { count: 0, ...money() };
  ORDER_STAGES.forEach((s, i) => {
    const p = m.pipeline[s];
    put(ROW.stages + i, [orderStageName(s)[lang], p.count, p.amount, others(p)]);
    if (OPEN_STAGES.includes(s)) {
      openTotal.count += p.count;
      openTotal.amount = roundMoney(openTotal.amount + p.amount);
      for (const [c, v] of Object.entries(p.other)) openTotal.other[c] = roundMoney((openTotal.other[c] ?? 0) + v);
    }
  });
  put(ROW.pipelineTotal, [t('dash.total'), openTotal.count, openTotal.amount, others(openTotal)]);

  put(ROW.receivablesTitle, [t('dash.receivables')]);
  put(ROW.receivablesHead, [t('dash.col.item'), t('dash.col.orders'), ...moneyHead]);
  (['deposits', 'balances', 'overdue'] as const).forEach((k, i) => {
    const r = m.receivables[k];
    const label = k === 'deposits' ? t('dash.deposits') : k === 'balances' ? t('dash.balances') : t('dash.balancesOverdue');
    put(ROW.receivables + i, [label, r.count, r.amount, others(r)]);
  });

  /** The first of `total` items (given in order, at least `rows` of them when there are more), then "… and n more". */
  const list = <T>(first: number, rows: number, items: readonly T[], total: number, line: (x: T) => (string | number | undefined)[]) => {
    const shown = total > rows ? items.slice(0, rows - 1) : items;
    shown.forEach((x, i) => put(first + i, line(x)));
    if (total > rows) put(first + rows - 1, [t('dash.more', { count: total - shown.length })]);
  };

  put(ROW.quotesTitle, [t('dash.quotes', { count: m.quotes.count, expired: m.quotes.expired })]);
  put(ROW.quotesHead, [t('dash.col.orderNo'), t('dash.col.customer'), t('dash.col.owner'), t('dash.col.quoteDate'), t('dash.col.validUntil'), t('dash.col.total')]);
  list(ROW.quotes, QUOTE_ROWS, m.quotes.list, m.quotes.count, (o) => [o.orderNo, o.customer, o.owner, o.quoteDate, o.quoteValidUntil, amountOf(o)]);

  put(ROW.shippingTitle, [t('dash.shipping', { days: SHIPPING_DAYS, count: m.shipping.count })]);
  put(ROW.shippingHead, [t('dash.col.orderNo'), t('dash.col.customer'), t('dash.col.owner'), t('dash.col.delivery'), t('dash.col.stage'), t('dash.col.total')]);
  list(ROW.shipping, SHIPPING_ROWS, m.shipping.list, m.shipping.count, (o) => [o.orderNo, o.customer, o.owner, o.deliveryDate, orderStageName(o.stage ?? 'inquiry')[lang], amountOf(o)]);

  put(ROW.overdueTitle, [t('dash.overdue', { count: m.overdueFollowUps })]);
  put(ROW.overdueHead, [t('dash.col.owner'), t('dash.col.overdue'), t('dash.col.oldest')]);
  const owners = m.overdueByOwner;
  const shownOwners = owners.length > OWNER_ROWS ? owners.slice(0, OWNER_ROWS - 1) : owners;
  shownOwners.forEach((o, i) => put(ROW.overdue + i, [o.owner || t('dash.noOwner'), o.count, o.oldest]));
  if (owners.length > OWNER_ROWS) {
    const rest = owners.slice(OWNER_ROWS - 1);
    const oldest = rest.map((o) => o.oldest).sort(byDate)[0];
    put(ROW.overdue + OWNER_ROWS - 1, [t('dash.others'), rest.reduce((n, o) => n + o.count, 0), oldest]);
  }

  put(ROW.afterSalesTitle, [t('dash.afterSales', { count: m.afterSales.open, overdue: m.afterSales.overdue })]);
  put(ROW.afterSalesHead, [t('dash.col.type'), t('dash.col.open'), t('dash.col.overdue')]);
  [...AFTER_SALES_TYPES, ''].forEach((type, i) => {
    const x = m.afterSales.byType[type as AfterSalesType | ''];
    const label = type ? (AFTER_SALES_TYPE_OPTIONS.find((o) => o.code === type)?.[lang] ?? type) : t('dash.noType');
    put(ROW.afterSales + i, [label, x.open, x.overdue]);
  });

  put(ROW.views, [t('dash.views')]);
  return grid;
}

/** The charts, over fixed cells of the block. */
export function dashboardCharts(lang: Lang, currency: string): ChartSpec[] {
  const lastOpenStage = ROW.stages + OPEN_STAGES.length - 1;
  return [
    { tag: 'gendan:dashboard:stages', type: 'COLUMN', title: panelText(lang, 'dash.chart.stages'), ranges: [`A${ROW.pipelineHead}:B${lastOpenStage}`], row: ROW.pipelineTitle, col: WIDTH + 2 },
    {
      tag: 'gendan:dashboard:amounts',
      type: 'COLUMN',
      title: panelText(lang, 'dash.chart.amounts', { currency }),
      ranges: [`A${ROW.pipelineHead}:A${lastOpenStage}`, `C${ROW.pipelineHead}:C${lastOpenStage}`],
      row: ROW.receivablesTitle + 3,
      col: WIDTH + 2,
    },
    { tag: 'gendan:dashboard:overdue', type: 'BAR', title: panelText(lang, 'dash.chart.overdue'), ranges: [`A${ROW.overdueHead}:B${ROW.overdue + OWNER_ROWS - 1}`], row: ROW.shippingTitle + 1, col: WIDTH + 2 },
    { tag: 'gendan:dashboard:after-sales', type: 'PIE', title: panelText(lang, 'dash.chart.afterSales'), ranges: [`A${ROW.afterSalesHead}:B${ROW.afterSales + AFTER_SALES_TYPES.length}`], row: ROW.overdueTitle + 1, col: WIDTH + 2 },
  ];
}

/** Charts, formats and widths of the layout: only when the sheet is new or the titles changed. */
function layOut(ctx: AppContext, table: Table, lang: Lang, currency: string): boolean {
  const key = JSON.stringify({ v: LAYOUT_VERSION, lang, currency, sheet: table.sheetId });
  if (ctx.props()[PROP_LAYOUT] === key) return false;
  table.replaceCharts(dashboardCharts(lang, currency));
  table.formatHeader(WIDTH, '#e8eaed');
  table.setColumnFormat(3, '#,##0.00', ROW.stages, ROW.receivables + 2 - ROW.stages + 1);
  [220, 150, 150, 200, 110, 140].forEach((w, i) => table.setColumnWidth(i + 1, w));
  ctx.setProps({ [PROP_LAYOUT]: key });
  return true;
}

export interface DashboardReport {
  orders: number;
  overdueFollowUps: number;
  chartsCreated: boolean;
}

/**
 * Refreshes the Dashboard sheet (made when missing) in the workbook language, from `records` when given (the daily
 * sweep's records, as they are after its changes: nothing is read again), else from the three ledgers read now.
 */
export function refreshDashboard(ctx: AppContext, records?: DashboardRecords): DashboardReport {
  const lang = ctx.lang;
  const settings = ctx.settings();
  const orders = ctx.ledger('orders');
  if (!orders) throw new Error(panelText(ctx.userLang, 'dash.missing'));
  const read = records ?? {
    orders: orders.readAll({ fields: DASHBOARD_FIELDS.orders }).records,
    followUps: ctx.ledger('followUps')?.readAll({ fields: DASHBOARD_FIELDS.followUps }).records ?? [],
    afterSales: ctx.ledger('afterSales')?.readAll({ fields: DASHBOARD_FIELDS.afterSales }).records ?? [],
  };
  const model = dashboardModel({
    ...read,
    today: ctx.today,
    currency: settings['currency.default'] || 'USD',
    settings,
  });
  let table = ctx.table('dashboard');
  if (!table) {
    table = ctx.ports.workbook.insertTable(sheetName('dashboard', lang));
    ctx.remember('dashboard', table.sheetId);
  }
  const chartsCreated = layOut(ctx, table, lang, model.currency);
  table.writeBlock(1, 1, dashboardGrid(model, lang, `${wallMinute(ctx.now, ctx.timeZone)} (${ctx.timeZone})`));
  return { orders: model.orders, overdueFollowUps: model.overdueFollowUps, chartsCreated };
}
