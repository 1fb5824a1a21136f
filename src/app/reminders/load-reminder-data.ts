// Everything a reminder run reads, each ledger exactly once (one getValues per sheet): the five ledgers the rules
// look at, the Mail templates, the Reminder log (what was produced before) and where each sheet is for row links.
// The Reminder log only grows (a row per reminder ever produced), so it is read lean: the few columns a run needs,
// straight from the grid, without the full typed parse the other ledgers get.
import type { AfterSalesRecord, ContactRecord, CustomerRecord, FollowUpRecord, OrderRecord, ReminderLogRecord } from '../../domain/ledgers/records';
import { LEDGERS, type LedgerKey, type LedgerRecords } from '../../domain/ledgers/index';
import { enumCodeOf, isDateValue } from '../../domain/ledgers/cell-parsers';
import { mapHeaders, type HeaderMapping } from '../../domain/ledgers/header-mapping';
import { parseLedger } from '../../domain/ledgers/parse';
import type { LedgerDef } from '../../domain/ledgers/schema-types';
import type { CellValue } from '../../ports';
import { addDaysToLocalDate, startOfLocalDate } from '../../domain/time/zone';
import type { MailTemplateEntry } from '../../domain/reminders/render';
import type { ReminderLedger } from '../../domain/reminders/rules';
import type { AppContext } from '../context';
import type { LedgerTable, Snapshot } from '../ledger-table';

/** A ledger as read, with the table to append to (null when the workbook has no such sheet). */
export interface LoadedLedger<K extends LedgerKey> {
  ledger: LedgerTable<LedgerRecords[K]>;
  snap: Snapshot<LedgerRecords[K]>;
}

/** The Reminder log as a run needs it: its rows (key, rule, mode, result, detail, recipient, when) and where to append. */
export interface LoadedLog {
  ledger: LedgerTable<ReminderLogRecord>;
  mapping: HeaderMapping;
  records: ReminderLogRecord[];
}

/** A large ledger read for a run: the needed fields of each row, and every column's place (for appending rows). */
export interface NarrowLedger<K extends LedgerKey> {
  ledger: LedgerTable<LedgerRecords[K]>;
  mapping: HeaderMapping;
  records: LedgerRecords[K][];
  /** Owner and next action of the rows left unparsed (the owners' language is read from them too). */
  hints: WritingHint[];
}

/** Something a staff member wrote: a sign of the language they read. */
export interface WritingHint {
  owner: string;
  text: string;
}

export interface ReminderData {
  customers: CustomerRecord[];
  orders: OrderRecord[];
  contacts: ContactRecord[];
  followUps: FollowUpRecord[];
  afterSales: AfterSalesRecord[];
  templates: MailTemplateEntry[];
  /** What owners wrote in follow-ups no rule needed (done, or not due yet). */
  writings: WritingHint[];
  log: LoadedLog | null;
  contactLog: NarrowLedger<'contacts'> | null;
  /** Sheet ID of each ledger a reminder may point at. */
  sheetIds: Partial<Record<ReminderLedger, number>>;
}

const LINKED: Readonly<Record<ReminderLedger, LedgerKey>> = {
  customers: 'customers',
  orders: 'orders',
  'follow-ups': 'followUps',
  'after-sales': 'afterSales',
};

/**
 * The columns a reminder run reads from each large ledger: what the rules, the planner, the mails and the owner
 * languages use. Parsing only these (not every column of 50,000 orders and 100,000 follow-ups) is most of what keeps
 * a run under its CPU budget; the records carry only these fields.
 */
const NEEDED: { readonly [K in 'customers' | 'orders' | 'contacts' | 'followUps']: readonly (keyof LedgerRecords[K] & string)[] } = {
  customers: ['customerId', 'name', 'country', 'timeZone', 'language', 'mainCategories', 'contact', 'email', 'owner', 'doNotEmailUntil', 'lastContact'],
  orders: [
    'orderNo', 'customer', 'owner', 'stage', 'stageSince', 'paymentStatus', 'inquiryDate', 'quoteNo', 'quoteDate', 'quoteValidUntil', 'contractNo',
    'contractDate', 'currency', 'totalAmount', 'depositPercent', 'depositReceivedOn', 'balanceDueOn', 'balanceReceivedOn', 'transport',
    'destinationPort', 'deliveryDate', 'factory', 'shippedOn', 'blNo', 'trackingNo', 'eta', 'invoiceNo', 'documents',
  ],
  contacts: ['contactId', 'date', 'customer', 'topic', 'customerFeedback', 'ourActions', 'owner', 'remarks'],
  followUps: ['id', 'customer', 'nextAction', 'owner', 'due', 'status', 'doneOn', 'snoozedUntil', 'notes'],
};

type Narrowed = keyof typeof NEEDED;
const narrowDefs = new Map<Narrowed, LedgerDef>();

/** The ledger's definition cut down to the needed columns (made once; its parse plan is cached by the parser). */
function narrowDef(key: Narrowed): LedgerDef {
  let def = narrowDefs.get(key);
  if (!def) {
    const wanted = new Set<string>(NEEDED[key]);
    const full = LEDGERS[key] as LedgerDef;
    def = { ...full, columns: full.columns.filter((c) => wanted.has(c.key)) };
    narrowDefs.set(key, def);
  }
  return def;
}

/** Reads the enum code a cell of a ledger column shows (undefined for blanks and unknown text). */
function enumReader(ledger: LedgerDef, key: string): (v: CellValue | undefined) => string | undefined {
  const options = ledger.columns.find((c) => c.key === key)?.options ?? [];
  return (v) => (typeof v === 'string' && v !== '' ? enumCodeOf(options, v) : undefined);
}

/**
 * Rows no rule takes anything from, told by a cell or two before the row is parsed: follow-ups marked done (or with
 * a Done on date), without a due date, or due after today (a snooze only ever moves the reminder later); orders
 * Completed or Lost. In a workbook in use for a while these are most rows. `tomorrow`: when today ends (epoch ms).
 */
function settledRows(key: Narrowed, mapping: HeaderMapping, tomorrow: number): ((row: readonly CellValue[]) => boolean) | undefined {
  const at = (field: string): number => (mapping.byKey[field] ?? 0) - 1;
  if (key === 'followUps') {
    const status = at('status');
    const doneOn = at('doneOn');
    const due = at('due');
    const statusOf = enumReader(LEDGERS.followUps, 'status');
    return (row) => {
      if (due >= 0) {
        const d = row[due];
        if (d === '' || d === undefined || (isDateValue(d) && d.getTime() >= tomorrow)) return true;
      }
      return (doneOn >= 0 && isDateValue(row[doneOn])) || (status >= 0 && statusOf(row[status]) === 'done');
    };
  }
  if (key === 'orders') {
    const stage = at('stage');
    if (stage < 0) return undefined;
    const stageOf = enumReader(LEDGERS.orders, 'stage');
    return (row) => {
      const code = stageOf(row[stage]);
      return code === 'completed' || code === 'lost';
    };
  }
  return undefined;
}

/** What a settled row becomes for the parser: an empty row (one for all of them). */
const SETTLED: CellValue[] = [];

/** One read of a large ledger, parsed for the needed columns; the mapping of every column, for appending. */
function loadNarrow<K extends Narrowed>(ctx: AppContext, key: K): NarrowLedger<K> | null {
  const ledger = ctx.ledger(key);
  if (!ledger) return null;
  const all = ledger.table.readAll();
  const header = all[0] ?? [];
  const mapping = mapHeaders(LEDGERS[key] as LedgerDef, header, { sheetName: ledger.table.name });
  const settled = settledRows(key, mapping, startOfLocalDate(addDaysToLocalDate(ctx.today, 1), ctx.timeZone));
  const rows = all.slice(1);
  const hints: WritingHint[] = [];
  const ownerAt = (mapping.byKey.owner ?? 0) - 1;
  const textAt = (mapping.byKey.nextAction ?? 0) - 1;
  // Settled rows become empty rows: the parser skips them, and every other row keeps its sheet row number. What
  // their owners wrote still tells the owners' language.
  if (settled) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as CellValue[];
      if (!settled(row)) continue;
      const owner = ownerAt >= 0 ? row[ownerAt] : undefined;
      const text = textAt >= 0 ? row[textAt] : undefined;
      if (typeof owner === 'string' && owner !== '' && typeof text === 'string' && text !== '') hints.push({ owner, text });
      rows[i] = SETTLED;
    }
  }
  const parsed = parseLedger(narrowDef(key), header, rows, { sheetName: ledger.table.name, timeZone: ctx.timeZone, locale: ctx.locale, firstRow: 2 });
  return {
    ledger,
    mapping,
    // Only the NEEDED fields are filled: the rest of the record type stays undefined.
    records: parsed.records as unknown as LedgerRecords[K][],
    hints,
  };
}

/**
 * Reads the ledgers a reminder run needs, once each.
 * @example loadReminderData(ctx).log?.records.length // rows of the Reminder log
 */
export function loadReminderData(ctx: AppContext): ReminderData {
  const load = <K extends LedgerKey>(key: K): LoadedLedger<K> | null => {
    const ledger = ctx.ledger(key);
    return ledger ? { ledger, snap: ledger.readAll() } : null;
  };
  const customers = loadNarrow(ctx, 'customers');
  const orders = loadNarrow(ctx, 'orders');
  const contactLog = loadNarrow(ctx, 'contacts');
  const followUps = loadNarrow(ctx, 'followUps');
  const afterSales = load('afterSales');
  const templates = load('mailTemplates');
  const log = loadLog(ctx);
  const sheetIds: Partial<Record<ReminderLedger, number>> = {};
  for (const [ref, key] of Object.entries(LINKED) as [ReminderLedger, LedgerKey][]) {
    const table = ctx.table(key);
    if (table) sheetIds[ref] = table.sheetId;
  }
  return {
    customers: customers?.records ?? [],
    orders: orders?.records ?? [],
    contacts: contactLog?.records ?? [],
    followUps: followUps?.records ?? [],
    afterSales: afterSales?.snap.records ?? [],
    templates: (templates?.snap.records ?? []).map((t) => ({ key: t.key, language: t.language, subject: t.subject, body: t.body })),
    writings: followUps?.hints ?? [],
    log,
    contactLog,
    sheetIds,
  };
}

const text = (v: CellValue | undefined): string => (v === undefined || v === null ? '' : String(v).trim());

/** The Reminder log in one read, its needed columns only. */
function loadLog(ctx: AppContext): LoadedLog | null {
  const ledger = ctx.ledger('reminderLog');
  if (!ledger) return null;
  const all = ledger.table.readAll();
  const header = all[0] ?? [];
  const mapping = mapHeaders(LEDGERS.reminderLog, header, { sheetName: ledger.table.name });
  const col = (key: keyof ReminderLogRecord): number => (mapping.byKey[key] ?? 0) - 1;
  const [cKey, cRule, cMode, cResult, cDetail, cRecipient, cWhen] = (['key', 'rule', 'mode', 'result', 'detail', 'recipient', 'when'] as const).map(col);
  const records: ReminderLogRecord[] = [];
  for (let i = 1; i < all.length; i++) {
    const row = all[i] as CellValue[];
    const key = cKey >= 0 ? text(row[cKey]) : '';
    if (!key) continue;
    const when = cWhen >= 0 ? row[cWhen] : undefined;
    const rec: ReminderLogRecord = { _row: i + 1, key, rule: cRule >= 0 ? text(row[cRule]) : '' };
    if (cMode >= 0) rec.mode = text(row[cMode]);
    if (cResult >= 0) rec.result = text(row[cResult]);
    if (cDetail >= 0) rec.detail = text(row[cDetail]);
    if (cRecipient >= 0) rec.recipient = text(row[cRecipient]);
    if (isDateValue(when)) rec.when = when.getTime();
    records.push(rec);
  }
  return { ledger, mapping, records };
}
