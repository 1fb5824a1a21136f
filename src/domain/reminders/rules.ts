// Follow-up reminder rules (PRODUCT.md "Follow-up reminders"): the rule table, their settings, and dueReminders,
// which reads the ledgers once and lists every reminder due on a day, each under a key that never repeats.
import { both, type Message } from '../i18n/i18n';
import { REMINDER_MESSAGES, reminderMessage } from '../i18n/reminders';
import type { AfterSalesRecord, ContactRecord, CustomerRecord, FollowUpRecord, OrderRecord, OrderStage } from '../ledgers/records';
import { addWorkingDays, countryCode, weekendOf } from '../time/working-days';
import { addDaysToLocalDate, isLocalDate, localDateOf, type LocalDate } from '../time/zone';

export const REMINDER_RULE_IDS = [
  'inquiry-unanswered',
  'quote-no-decision',
  'prospect-untouched',
  'delivery-soon',
  'goods-late',
  'shipped-send-docs',
  'balance-unpaid',
  'satisfaction-check',
  'reorder-check',
  'return-visit',
  'follow-up-due',
] as const;
export type ReminderRuleId = (typeof REMINDER_RULE_IDS)[number];

/** 'staff': an item in the owner's digest; 'customer': that item plus a mail to the customer. */
export type ReminderAudience = 'staff' | 'customer';

/** The ledger a reminder points at (for the digest's row links). */
export type ReminderLedger = 'customers' | 'orders' | 'follow-ups' | 'after-sales';

/** Generated documents a customer mail may carry. */
export type DocType = 'quotation' | 'contract' | 'purchase-contract' | 'shipping-notice' | 'invoice';

export type Urgency = 'overdue' | 'today' | 'upcoming';

/** One rule's settings. `graceDays`: reminders due longer ago than this are not produced (null: no limit). */
export interface RuleSetting {
  enabled: boolean;
  days: number;
  graceDays: number | null;
}

/** A customer's working hours, "HH:mm" in their own time zone; `start` < `end`. */
export interface WorkingHours {
  start: string;
  end: string;
}

export interface ReminderConfig {
  rules: Readonly<Record<ReminderRuleId, RuleSetting>>;
  workingHours: WorkingHours;
  /** Return visit after the goods were received: this many working days (seed 002: 7–15). */
  returnVisitWorkingDays: number;
  /** Public holidays by ISO country code ("SA", "US"…): no customer mail and no working day there. */
  holidays: Readonly<Record<string, readonly LocalDate[]>>;
  /** Owner for rows whose owner (and customer owner) is blank; '' leaves them unassigned. */
  fallbackOwner: string;
}

export interface ReminderRule {
  id: ReminderRuleId;
  name: Message;
  /** What the `days` setting counts, for the Settings sheet. */
  daysMeaning: Message;
  audience: ReminderAudience;
  ledger: ReminderLedger;
  /** Customer mails whose template needs the rep's own words (a reason, real news): always a draft. */
  draftOnly: boolean;
  /** Customer mail template key (Mail templates sheet, column Template). */
  mailTemplate?: string;
  defaults: RuleSetting;
}

function rule(
  id: ReminderRuleId,
  audience: ReminderAudience,
  ledger: ReminderLedger,
  days: number,
  graceDays: number | null,
  draftOnly = false,
): ReminderRule {
  return {
    id,
    name: REMINDER_MESSAGES[`rule.${id}`] as Message,
    daysMeaning: REMINDER_MESSAGES[`rule.${id}.days`] as Message,
    audience,
    ledger,
    draftOnly,
    ...(audience === 'customer' ? { mailTemplate: id } : {}),
    defaults: { enabled: true, days, graceDays },
  };
}

/** The default rules, in digest order. Every number is a setting (see `reminderConfig`). */
export const REMINDER_RULES: readonly ReminderRule[] = [
  rule('inquiry-unanswered', 'staff', 'orders', 1, 30),
  rule('quote-no-decision', 'customer', 'orders', 5, null),
  rule('prospect-untouched', 'customer', 'customers', 10, null, true),
  rule('delivery-soon', 'staff', 'orders', 3, null),
  rule('goods-late', 'customer', 'orders', 1, null, true),
  rule('shipped-send-docs', 'customer', 'orders', 0, 14),
  rule('balance-unpaid', 'customer', 'orders', 3, null),
  rule('satisfaction-check', 'customer', 'orders', 7, 14),
  rule('reorder-check', 'customer', 'orders', 21, 14),
  rule('return-visit', 'staff', 'after-sales', 3, null),
  rule('follow-up-due', 'staff', 'follow-ups', 0, null),
];

const RULES_BY_ID = new Map<ReminderRuleId, ReminderRule>(REMINDER_RULES.map((r) => [r.id, r]));

/**
 * The rule with this id.
 * @example reminderRule('goods-late').draftOnly // true
 */
export function reminderRule(id: ReminderRuleId): ReminderRule {
  return RULES_BY_ID.get(id) as ReminderRule;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '09:00', end: '18:00' };

/** Settings as typed by users: any part may be missing; bad values fall back to the defaults. */
export interface ReminderConfigInput {
  rules?: Partial<Record<ReminderRuleId, Partial<RuleSetting>>>;
  workingHours?: Partial<WorkingHours>;
  returnVisitWorkingDays?: number;
  holidays?: Readonly<Record<string, readonly LocalDate[]>>;
  fallbackOwner?: string;
}

function wholeDays(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : fallback;
}

/**
 * Minutes after midnight of "H:mm" / "HH:mm", or undefined when unreadable.
 * @example parseClockTime('09:30') // 570
 */
export function parseClockTime(value: string | undefined): number | undefined {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(value ?? '');
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

/**
 * A complete reminder configuration: the defaults of PRODUCT.md with the given settings laid over them.
 * Negative or non-numeric days, unreadable times and a working day that ends before it starts fall back.
 * @example reminderConfig({ rules: { 'quote-no-decision': { days: 7 } } }).rules['quote-no-decision'].days // 7
 */
export function reminderConfig(input: ReminderConfigInput = {}): ReminderConfig {
  const rules = {} as Record<ReminderRuleId, RuleSetting>;
  for (const r of REMINDER_RULES) {
    const o = input.rules?.[r.id] ?? {};
    const grace = o.graceDays === undefined ? r.defaults.graceDays : o.graceDays === null ? null : wholeDays(o.graceDays, r.defaults.graceDays ?? 0);
    rules[r.id] = {
      enabled: typeof o.enabled === 'boolean' ? o.enabled : r.defaults.enabled,
      days: wholeDays(o.days, r.defaults.days),
      graceDays: grace,
    };
  }
  const start = input.workingHours?.start ?? DEFAULT_WORKING_HOURS.start;
  const end = input.workingHours?.end ?? DEFAULT_WORKING_HOURS.end;
  const s = parseClockTime(start);
  const e = parseClockTime(end);
  const workingHours = s !== undefined && e !== undefined && s < e ? { start: start.trim(), end: end.trim() } : { ...DEFAULT_WORKING_HOURS };
  const holidays: Record<string, LocalDate[]> = {};
  for (const [country, dates] of Object.entries(input.holidays ?? {})) {
    const code = countryCode(country);
    if (!code) continue;
    holidays[code] = [...(holidays[code] ?? []), ...dates.filter((d) => isLocalDate(d))];
  }
  return {
    rules,
    workingHours,
    returnVisitWorkingDays: wholeDays(input.returnVisitWorkingDays, 7),
    holidays,
    fallbackOwner: (input.fallbackOwner ?? '').trim(),
  };
}

/** The defaults of PRODUCT.md. */
export const DEFAULT_REMINDER_CONFIG: ReminderConfig = reminderConfig();

/**
 * The identity of a reminder: rule, the row's own id and the due date. The same thing never gets two keys, and a
 * moved due date gets a new one.
 * @example reminderKey('balance-unpaid', 'SO-2026-0007', '2026-03-12') // 'balance-unpaid:SO-2026-0007:2026-03-12'
 */
export function reminderKey(rule: ReminderRuleId, id: string, dueDate: LocalDate): string {
  return `${rule}:${id}:${dueDate}`;
}

export interface ReminderItem {
  key: string;
  rule: ReminderRuleId;
  audience: ReminderAudience;
  /** Staff member (email) whose digest carries the item; '' when nobody owns the row. */
  owner: string;
  customerId?: string;
  customerName: string;
  ref: { ledger: ReminderLedger; row: number; id: string };
  dueDate: LocalDate;
  urgency: Urgency;
  /** What to do, concretely, in both languages. */
  action: Message;
  /** Customer mail template key (customer-audience items only). */
  mailTemplate?: string;
  attachDocType?: DocType;
  /** The customer mail is always a draft, even when the team sends reminders. */
  draftOnly?: boolean;
  /** Values for the mail template's {{placeholders}} (customer-audience items only); dates as YYYY-MM-DD, amounts as
   * plain numbers (render.ts writes both for the reader). */
  fields?: Readonly<Record<string, string>>;
}

export interface DueRemindersInput {
  /** The current instant, epoch ms. */
  now: number;
  /** The spreadsheet's IANA time zone (dates in the ledgers are dates there). */
  timeZone: string;
  /** Today in the spreadsheet's zone; computed from `now` when absent. */
  today?: LocalDate;
  customers: readonly CustomerRecord[];
  orders: readonly OrderRecord[];
  contacts: readonly ContactRecord[];
  followUps: readonly FollowUpRecord[];
  afterSales: readonly AfterSalesRecord[];
  config?: ReminderConfig;
}

const STAGE_INDEX: Readonly<Record<OrderStage, number>> = {
  inquiry: 0,
  quoted: 1,
  contracted: 2,
  deposit: 3,
  production: 4,
  ready: 5,
  shipped: 6,
  balance: 7,
  completed: 8,
  lost: 9,
};

/** The stage, or the one its dates imply when the cell is blank. */
function stageOf(o: OrderRecord): OrderStage {
  if (o.stage) return o.stage;
  if (o.balanceReceivedOn) return 'balance';
  if (o.shippedOn) return 'shipped';
  if (o.depositReceivedOn) return 'deposit';
  if (o.contractDate || o.contractNo) return 'contracted';
  if (o.quoteDate || o.quoteNo) return 'quoted';
  return 'inquiry';
}

const norm = (s: string): string => s.trim().toLowerCase();

/** Everything the rule evaluators share: today, thresholds, and the customer index built once. */
class RunContext {
  readonly config: ReminderConfig;
  readonly today: LocalDate;
  private readonly customers: readonly CustomerRecord[];
  private readonly byId: Map<string, number>;
  private readonly byName: Map<string, number>;
  private readonly resolved: Map<string, number>;
  private readonly lastContacts: Map<number | string, LocalDate>;
  private readonly openKeys: Set<number | string>;
  private readonly since: Map<ReminderRuleId, LocalDate>;
  private readonly floor: Map<ReminderRuleId, LocalDate>;
  private readonly shifted: Map<number, Map<LocalDate, LocalDate>>;

  constructor(input: DueRemindersInput, config: ReminderConfig, today: LocalDate) {
    this.config = config;
    this.today = today;
    this.customers = input.customers;
    this.byId = new Map();
    this.byName = new Map();
    this.resolved = new Map();
    this.lastContacts = new Map();
    this.openKeys = new Set();
    this.since = new Map();
    this.floor = new Map();
    this.shifted = new Map();
    input.customers.forEach((c, i) => {
      if (c.customerId) this.byId.set(norm(c.customerId), i);
      if (c.name && !this.byName.has(norm(c.name))) this.byName.set(norm(c.name), i);
    });
    input.customers.forEach((c, i) => {
      if (c.lastContact) this.lastContacts.set(i, c.lastContact);
    });
    // Indexed loops over the ledgers: a for…of in code that runs once per execution makes an iterator result per row.
    for (let n = 0; n < input.contacts.length; n++) {
      const ct = input.contacts[n];
      if (!ct.date || !ct.customer) continue;
      const k = this.keyOf(ct.customer);
      const prev = this.lastContacts.get(k);
      if (!prev || ct.date > prev) this.lastContacts.set(k, ct.date);
    }
    for (let n = 0; n < input.orders.length; n++) {
      const o = input.orders[n];
      const stage = stageOf(o);
      if (stage !== 'completed' && stage !== 'lost' && o.customer) this.openKeys.add(this.keyOf(o.customer));
    }
    for (const r of REMINDER_RULES) {
      const s = config.rules[r.id];
      this.since.set(r.id, addDaysToLocalDate(today, -s.days));
      if (s.graceDays !== null) this.floor.set(r.id, addDaysToLocalDate(today, -s.graceDays));
    }
  }

  /** `date` moved by `days`, memoised: a workbook has a few hundred distinct dates and up to 10^5 rows. */
  shift(date: LocalDate, days: number): LocalDate {
    if (days === 0) return date;
    let byDate = this.shifted.get(days);
    if (!byDate) {
      byDate = new Map();
      this.shifted.set(days, byDate);
    }
    let out = byDate.get(date);
    if (out === undefined) {
      out = addDaysToLocalDate(date, days);
      byDate.set(date, out);
    }
    return out;
  }

  on(rule: ReminderRuleId): boolean {
    return this.config.rules[rule].enabled;
  }

  days(rule: ReminderRuleId): number {
    return this.config.rules[rule].days;
  }

  /** Latest anchor date for which `anchor + days` is today or earlier. */
  sinceOf(rule: ReminderRuleId): LocalDate {
    return this.since.get(rule) as LocalDate;
  }

  /** False for reminders that fell due before the rule's grace window. */
  inGrace(rule: ReminderRuleId, due: LocalDate): boolean {
    const f = this.floor.get(rule);
    return f === undefined || due >= f;
  }

  /** Index of the customer a typed ID or name refers to, or -1. */
  resolve(raw: string | undefined): number {
    if (!raw) return -1;
    let i = this.resolved.get(raw);
    if (i === undefined) {
      const n = norm(raw);
      i = this.byId.get(n) ?? this.byName.get(n) ?? -1;
      this.resolved.set(raw, i);
    }
    return i;
  }

  customer(i: number): CustomerRecord | undefined {
    return i >= 0 ? this.customers[i] : undefined;
  }

  /** Grouping key of a customer reference: the customer's index when it resolves, else the text as typed. */
  keyOf(raw: string): number | string {
    const i = this.resolve(raw);
    return i >= 0 ? i : `r${norm(raw)}`;
  }

  lastContact(raw: string | undefined): LocalDate | undefined {
    return raw ? this.lastContacts.get(this.keyOf(raw)) : undefined;
  }

  lastContactOf(i: number): LocalDate | undefined {
    return this.lastContacts.get(i);
  }

  hasOpenOrder(i: number): boolean {
    return this.openKeys.has(i);
  }

  urgency(due: LocalDate): Urgency {
    return due < this.today ? 'overdue' : due === this.today ? 'today' : 'upcoming';
  }
}

interface Subject {
  owner: string;
  customer: CustomerRecord | undefined;
  customerName: string;
}

function subjectOf(ctx: RunContext, rowOwner: string | undefined, raw: string | undefined): Subject {
  const customer = ctx.customer(ctx.resolve(raw));
  return {
    owner: (rowOwner || customer?.owner || ctx.config.fallbackOwner || '').trim(),
    customer,
    customerName: customer?.name || (raw ?? '').trim(),
  };
}

type Fields = Readonly<Record<string, string>>;

/**
 * A reminder as dueReminders makes it. Its action (in both languages) and its mail fields are made the first time
 * they are read: a run lists tens of thousands of reminders and shows a few hundred of them in digests and mails.
 * They are getters: a copy made by spreading ({ ...item }) leaves them out, so copy them by name.
 */
class DueReminder implements ReminderItem {
  readonly key: string;
  readonly rule: ReminderRuleId;
  readonly audience: ReminderAudience;
  readonly owner: string;
  customerId?: string;
  readonly customerName: string;
  readonly ref: ReminderItem['ref'];
  readonly dueDate: LocalDate;
  readonly urgency: Urgency;
  mailTemplate?: string;
  attachDocType?: DocType;
  draftOnly?: boolean;
  private madeAction: Message | undefined;
  private madeFields: Fields | undefined;

  constructor(
    ruleId: ReminderRuleId,
    who: Subject,
    ref: ReminderItem['ref'],
    dueDate: LocalDate,
    urgency: Urgency,
    private makeAction: (() => Message) | undefined,
    private makeFields: (() => Fields) | undefined,
  ) {
    this.key = reminderKey(ruleId, ref.id, dueDate);
    this.rule = ruleId;
    this.audience = reminderRule(ruleId).audience;
    this.owner = who.owner;
    this.customerName = who.customerName;
    this.ref = ref;
    this.dueDate = dueDate;
    this.urgency = urgency;
    this.madeAction = undefined;
    this.madeFields = undefined;
  }

  get action(): Message {
    if (this.makeAction) {
      this.madeAction = this.makeAction();
      this.makeAction = undefined;
    }
    return this.madeAction as Message;
  }

  get fields(): Fields | undefined {
    if (this.makeFields) {
      this.madeFields = this.makeFields();
      this.makeFields = undefined;
    }
    return this.madeFields;
  }
}

function emit(
  ctx: RunContext,
  out: ReminderItem[],
  ruleId: ReminderRuleId,
  who: Subject,
  ref: ReminderItem['ref'],
  dueDate: LocalDate,
  makeAction: () => Message,
  makeFields?: () => Fields,
  attachDocType?: DocType,
): void {
  const r = reminderRule(ruleId);
  const item = new DueReminder(ruleId, who, ref, dueDate, ctx.urgency(dueDate), makeAction, makeFields);
  if (who.customer?.customerId) item.customerId = who.customer.customerId;
  if (r.mailTemplate) item.mailTemplate = r.mailTemplate;
  if (r.draftOnly && r.audience === 'customer') item.draftOnly = true;
  if (attachDocType) item.attachDocType = attachDocType;
  out.push(item);
}

type Vars = Readonly<Record<string, string>>;
type Filler = (vars: Vars, override?: Vars) => string;

/** Catalog texts split once into literal and {slot} parts: filling ~100,000 actions by regex costs a second. */
const fillers = new Map<string, { en: Filler; zh: Filler }>();

function compileText(text: string): Filler {
  const parts = text.split(/\{(\w+)\}/);
  return (vars, override) => {
    const out = parts.slice();
    for (let i = 1; i < out.length; i += 2) {
      const name = out[i] as string;
      out[i] = override?.[name] ?? vars[name] ?? `{${name}}`;
    }
    return out.join('');
  };
}

/** Both languages of a catalog action; `zhVars` replaces some values in the Chinese text. */
function action(id: string, vars: Vars, zhVars?: Vars): Message {
  let f = fillers.get(id);
  if (!f) {
    const m = both(REMINDER_MESSAGES, id);
    f = { en: compileText(m.en), zh: compileText(m.zh) };
    fillers.set(id, f);
  }
  return { en: f.en(vars), zh: f.zh(vars, zhVars) };
}

function orderFields(o: OrderRecord, who: Subject): Record<string, string> {
  // Amounts stay plain numbers here; render.ts writes them with the currency for the reader.
  const total = typeof o.totalAmount === 'number' && Number.isFinite(o.totalAmount) ? o.totalAmount : undefined;
  const balance = total === undefined ? '' : String(Math.round(total * (1 - (o.depositPercent ?? 0)) * 100) / 100);
  return {
    customerName: who.customerName,
    contact: who.customer?.contact ?? '',
    orderNo: o.orderNo,
    quoteNo: o.quoteNo || o.orderNo,
    quoteDate: o.quoteDate ?? '',
    quoteValidUntil: o.quoteValidUntil ?? '',
    contractNo: o.contractNo ?? '',
    deliveryDate: o.deliveryDate ?? '',
    shippedOn: o.shippedOn ?? '',
    transport: o.transport ?? '',
    trackingNo: o.trackingNo || o.blNo || '',
    blNo: o.blNo ?? '',
    destinationPort: o.destinationPort ?? '',
    eta: o.eta ?? '',
    balanceDueOn: o.balanceDueOn ?? '',
    balanceAmount: balance,
    totalAmount: total === undefined ? '' : String(total),
    currency: o.currency ?? '',
    invoiceNo: o.invoiceNo ?? '',
  };
}

const UNKNOWN_CUSTOMER = reminderMessage('action.customer.unknown');
const UNKNOWN_FACTORY = reminderMessage('action.factory.unknown');

const FULFILMENT: ReadonlySet<OrderStage> = new Set<OrderStage>(['contracted', 'deposit', 'production', 'ready']);

/** The {placeholders} of an order's actions (the English text's; `orderZhVars` replaces some in the Chinese one). */
function orderVars(o: OrderRecord, id: string, who: Subject): Record<string, string> {
  return {
    customer: who.customerName || UNKNOWN_CUSTOMER.en,
    orderNo: id,
    quoteNo: o.quoteNo || id,
    quoteDate: o.quoteDate ?? '',
    deliveryDate: o.deliveryDate ?? '',
    balanceDueOn: o.balanceDueOn ?? '',
    factory: o.factory || UNKNOWN_FACTORY.en,
  };
}

function orderZhVars(o: OrderRecord, who: Subject): Record<string, string> {
  return { customer: who.customerName || UNKNOWN_CUSTOMER.zh, factory: o.factory || UNKNOWN_FACTORY.zh };
}

function orderAction(id: string, o: OrderRecord, orderId: string, who: Subject): Message {
  return action(id, orderVars(o, orderId, who), orderZhVars(o, who));
}

// The order rules run over every order of the ledger: they create no closure but the texts' (inline arrows, which
// the bundle does not name), and find the order's customer only for an order that has a reminder.
function orderReminders(ctx: RunContext, o: OrderRecord, out: ReminderItem[]): void {
  const stage = stageOf(o);
  if (stage === 'completed' || stage === 'lost') return;
  const today = ctx.today;
  const id = o.orderNo || `row${o._row}`;
  let ref: ReminderItem['ref'] | undefined;
  let who: Subject | undefined;
  const shipped = !!o.shippedOn || STAGE_INDEX[stage] >= STAGE_INDEX.shipped;
  const invoice = o.invoiceNo ? ('invoice' as const) : undefined;

  if (
    stage === 'inquiry' &&
    o.inquiryDate &&
    !o.quoteDate &&
    !o.quoteNo &&
    ctx.on('inquiry-unanswered') &&
    o.inquiryDate <= ctx.sinceOf('inquiry-unanswered')
  ) {
    const last = ctx.lastContact(o.customer);
    const due = ctx.shift(o.inquiryDate, ctx.days('inquiry-unanswered'));
    if ((!last || last < o.inquiryDate) && ctx.inGrace('inquiry-unanswered', due)) {
      const s = (who ??= subjectOf(ctx, o.owner, o.customer));
      emit(ctx, out, 'inquiry-unanswered', s, (ref ??= { ledger: 'orders', row: o._row, id }), due, () => orderAction('action.inquiry-unanswered', o, id, s));
    }
  }

  if (stage === 'quoted' && o.quoteDate && ctx.on('quote-no-decision') && o.quoteDate <= ctx.sinceOf('quote-no-decision')) {
    const due = ctx.shift(o.quoteDate, ctx.days('quote-no-decision'));
    if (ctx.inGrace('quote-no-decision', due)) {
      const s = (who ??= subjectOf(ctx, o.owner, o.customer));
      emit(ctx, out, 'quote-no-decision', s, (ref ??= { ledger: 'orders', row: o._row, id }), due, () => orderAction('action.quote-no-decision', o, id, s), () => orderFields(o, s));
    }
  }

  if (FULFILMENT.has(stage) && !o.shippedOn && o.deliveryDate) {
    const delivery = o.deliveryDate;
    // Delivery date within the next `days` days (today included): a heads-up, due on the delivery date itself.
    if (ctx.on('delivery-soon') && delivery >= today && ctx.shift(delivery, -ctx.days('delivery-soon')) <= today) {
      const s = (who ??= subjectOf(ctx, o.owner, o.customer));
      emit(ctx, out, 'delivery-soon', s, (ref ??= { ledger: 'orders', row: o._row, id }), delivery, () => orderAction('action.delivery-soon', o, id, s));
    }
    if (ctx.on('goods-late') && delivery <= ctx.sinceOf('goods-late')) {
      const due = ctx.shift(delivery, ctx.days('goods-late'));
      if (ctx.inGrace('goods-late', due)) {
        const s = (who ??= subjectOf(ctx, o.owner, o.customer));
        emit(ctx, out, 'goods-late', s, (ref ??= { ledger: 'orders', row: o._row, id }), due, () => orderAction('action.goods-late', o, id, s), () => orderFields(o, s));
      }
    }
  }

  if (shipped && ctx.on('shipped-send-docs')) {
    const shippedOn = o.shippedOn ?? (stage === 'shipped' ? o.stageSince : undefined);
    if (shippedOn && shippedOn <= ctx.sinceOf('shipped-send-docs')) {
      const due = ctx.shift(shippedOn, ctx.days('shipped-send-docs'));
      if (ctx.inGrace('shipped-send-docs', due)) {
        const s = (who ??= subjectOf(ctx, o.owner, o.customer));
        emit(ctx, out, 'shipped-send-docs', s, (ref ??= { ledger: 'orders', row: o._row, id }), due, () => orderAction('action.shipped-send-docs', o, id, s), () => orderFields(o, s), invoice);
      }
    }
  }

  if (
    o.balanceDueOn &&
    !o.balanceReceivedOn &&
    o.paymentStatus !== 'paid' &&
    stage !== 'balance' &&
    ctx.on('balance-unpaid') &&
    o.balanceDueOn <= ctx.sinceOf('balance-unpaid')
  ) {
    const due = ctx.shift(o.balanceDueOn, ctx.days('balance-unpaid'));
    if (ctx.inGrace('balance-unpaid', due)) {
      const s = (who ??= subjectOf(ctx, o.owner, o.customer));
      emit(ctx, out, 'balance-unpaid', s, (ref ??= { ledger: 'orders', row: o._row, id }), due, () => orderAction('action.balance-unpaid', o, id, s), () => orderFields(o, s), invoice);
    }
  }

  if (shipped && o.eta) {
    for (const r of ['satisfaction-check', 'reorder-check'] as const) {
      if (!ctx.on(r) || o.eta > ctx.sinceOf(r)) continue;
      const due = ctx.shift(o.eta, ctx.days(r));
      if (!ctx.inGrace(r, due)) continue;
      const s = (who ??= subjectOf(ctx, o.owner, o.customer));
      emit(ctx, out, r, s, (ref ??= { ledger: 'orders', row: o._row, id }), due, () => orderAction(`action.${r}`, o, id, s), () => orderFields(o, s));
    }
  }
}

function customerReminders(ctx: RunContext, customers: readonly CustomerRecord[], out: ReminderItem[]): void {
  if (!ctx.on('prospect-untouched')) return;
  const since = ctx.sinceOf('prospect-untouched');
  customers.forEach((c, i) => {
    if (ctx.hasOpenOrder(i)) return;
    const last = ctx.lastContactOf(i);
    if (!last || last > since) return;
    const due = ctx.shift(last, ctx.days('prospect-untouched'));
    if (!ctx.inGrace('prospect-untouched', due)) return;
    const who: Subject = { owner: (c.owner || ctx.config.fallbackOwner || '').trim(), customer: c, customerName: c.name };
    const id = c.customerId || `row${c._row}`;
    emit(
      ctx,
      out,
      'prospect-untouched',
      who,
      { ledger: 'customers', row: c._row, id },
      due,
      () => action('action.prospect-untouched', { customer: c.name, lastContact: last }),
      () => ({
        customerName: c.name,
        contact: c.contact ?? '',
        lastContact: last,
        mainCategories: c.mainCategories ?? '',
      }),
    );
  });
}

function followUpAction(f: FollowUpRecord, who: Subject): Message {
  return who.customerName
    ? action('action.follow-up-due', { nextAction: f.nextAction, customer: who.customerName })
    : action('action.follow-up-due.no-customer', { nextAction: f.nextAction });
}

function followUpReminders(ctx: RunContext, followUps: readonly FollowUpRecord[], out: ReminderItem[]): void {
  if (!ctx.on('follow-up-due')) return;
  const since = ctx.sinceOf('follow-up-due');
  const days = ctx.days('follow-up-due');
  for (let i = 0; i < followUps.length; i++) {
    const f = followUps[i];
    if (!f.due || f.status === 'done' || f.doneOn) continue;
    // A snooze moves the reminder to the snooze date (and so gives it a new key).
    const base = f.snoozedUntil && f.snoozedUntil > f.due ? f.snoozedUntil : f.due;
    if (base > since) continue;
    const due = ctx.shift(base, days);
    if (!ctx.inGrace('follow-up-due', due)) continue;
    const who = subjectOf(ctx, f.owner, f.customer);
    const id = f.id || `row${f._row}`;
    emit(ctx, out, 'follow-up-due', who, { ledger: 'follow-ups', row: f._row, id }, due, () => followUpAction(f, who));
  }
}

function afterSalesReminders(ctx: RunContext, cases: readonly AfterSalesRecord[], out: ReminderItem[]): void {
  if (!ctx.on('return-visit')) return;
  const today = ctx.today;
  for (const a of cases) {
    if (a.closedOn || a.status === 'done') continue;
    const id = a.caseNo || `row${a._row}`;
    const who = subjectOf(ctx, a.owner, a.customer);
    const vars = { customer: who.customerName || id, contact: who.customer?.contact || who.customerName || id, caseNo: id };
    const ref = { ledger: 'after-sales' as const, row: a._row };
    // "Call 王女士 (王女士)" says nothing twice: without a separate contact person the customer is named once.
    const direct = vars.contact === vars.customer ? '.direct' : '';
    if ((a.type === 'bad-review' || a.type === 'medium-review') && !a.calledCustomer) {
      // Seed 002: every bad or medium review gets a phone call, the day it is registered.
      if (a.date && a.date <= today && ctx.inGrace('return-visit', a.date)) {
        emit(ctx, out, 'return-visit', who, { ...ref, id: `${id}/call` }, a.date, () => action(`action.return-visit.${a.type}${direct}`, vars));
      }
      continue;
    }
    if (a.satisfaction) continue;
    let due = a.returnVisitDue;
    if (!due && a.handledOn) due = ctx.shift(a.handledOn, ctx.days('return-visit'));
    if (!due && a.receivedOn) {
      const country = countryCode(who.customer?.country);
      const holidays = new Set(country ? ctx.config.holidays[country] ?? [] : []);
      due = addWorkingDays(a.receivedOn, ctx.config.returnVisitWorkingDays, weekendOf(who.customer?.country), holidays);
    }
    if (!due || due > today || !ctx.inGrace('return-visit', due)) continue;
    emit(ctx, out, 'return-visit', who, { ...ref, id }, due, () => action(`action.return-visit${direct}`, vars));
  }
}

/**
 * Every reminder due on `today` (in the spreadsheet's zone): overdue ones, today's, and deliveries coming up.
 * Terminal orders (Completed, Lost) produce nothing. Items come in ledger order (orders, customers, follow-ups,
 * after-sales; rows top-down); planReminderRun orders them by urgency, puts each owner's in the owner's digest of the
 * day and skips what the Reminder log shows was produced already.
 * @example
 * dueReminders({ now, timeZone: 'Asia/Shanghai', customers, orders, contacts: [], followUps: [], afterSales: [] })
 *   .map((r) => r.key) // ['quote-no-decision:SO-2026-0001:2026-03-07', …]
 */
export function dueReminders(input: DueRemindersInput): ReminderItem[] {
  const config = input.config ?? DEFAULT_REMINDER_CONFIG;
  const today = input.today ?? localDateOf(input.now, input.timeZone);
  const ctx = new RunContext(input, config, today);
  const out: ReminderItem[] = [];
  for (let i = 0; i < input.orders.length; i++) orderReminders(ctx, input.orders[i], out);
  customerReminders(ctx, input.customers, out);
  followUpReminders(ctx, input.followUps, out);
  afterSalesReminders(ctx, input.afterSales, out);
  return out;
}
