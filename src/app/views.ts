// Manager views (Gendan ▸ Views): "My overdue", "Due this week", "By owner" and "Shipping soon" as saved filters
// applied on demand, and "Show all rows".
//
// They are basic filters, not filter views: SpreadsheetApp cannot create filter views, and the Advanced Sheets
// service that can needs the full `spreadsheets` scope, which Gendan gives up for `spreadsheets.currentonly`. A
// basic filter is the sheet's one filter and everyone viewing the sheet sees it (the message says so).
//
// Decision on "created by setup": the views are registered, not created. Each is a definition in code, listed in the
// Views menu from the moment the add-on is installed and described on the Dashboard. Nothing is stored in the
// workbook because the criteria are relative ("my", "this week", "the next 14 days") and a filter written by setup
// would be stale the next day; the filter is computed from today and the user at each click.
import type { AppContext } from './context';
import type { CellValue, FilterCriterion } from '../ports';
import { LEDGERS } from '../domain/ledgers/index';
import type { OrderRecord, RowRef } from '../domain/ledgers/records';
import type { ColumnDef } from '../domain/ledgers/schema-types';
import { CellError, enumCodeOf, isBlankCell, readDate, type CellContext } from '../domain/ledgers/cell-parsers';
import { appText, type AppMessageId } from '../domain/i18n/app';
import { panelText } from '../domain/i18n/panel-app';
import { orderStageRank } from '../domain/status/order-stage';
import { addDaysToLocalDate, dayOfWeek, type LocalDate } from '../domain/time/zone';
import { SHIPPING_DAYS } from './dashboard';

export const VIEWS = ['myOverdue', 'dueThisWeek', 'byOwner', 'shippingSoon'] as const;
export type ViewName = (typeof VIEWS)[number];

type ViewLedger = 'followUps' | 'orders' | 'pipeline' | 'afterSales';

/** The ledgers a view can filter, the default first; the view goes to the selected ledger when it is one of them. */
const VIEW_LEDGERS: Record<ViewName, readonly ViewLedger[]> = {
  myOverdue: ['followUps', 'orders', 'pipeline', 'afterSales'],
  dueThisWeek: ['followUps', 'orders', 'pipeline', 'afterSales'],
  byOwner: ['followUps', 'orders', 'pipeline', 'afterSales'],
  shippingSoon: ['orders'],
};

/** The date column each ledger is due by. */
const DUE_KEY: Record<ViewLedger, string> = { followUps: 'due', orders: 'deliveryDate', pipeline: 'due', afterSales: 'returnVisitDue' };

export const VIEW_LABELS: Record<ViewName, AppMessageId> = {
  myOverdue: 'menu.viewMyOverdue',
  dueThisWeek: 'menu.viewDueThisWeek',
  byOwner: 'menu.viewByOwner',
  shippingSoon: 'menu.viewShippingSoon',
};

export interface ViewOutcome {
  ledger: ViewLedger;
  sheet: string;
  /** Rows shown; 0 means nothing matched and the sheet was left as it was. */
  rows: number;
  message: string;
}

type Test = (cell: CellValue) => boolean;

interface Condition {
  key: string;
  test: Test;
}

function sameEmail(a: unknown, b: string): boolean {
  return String(a ?? '').trim().toLowerCase() === b.trim().toLowerCase();
}

/** Monday and Sunday of the week of `today`. */
export function weekOf(today: LocalDate): { from: LocalDate; to: LocalDate } {
  const from = addDaysToLocalDate(today, -((dayOfWeek(today) + 6) % 7));
  return { from, to: addDaysToLocalDate(from, 6) };
}

/** The ledger a view applies to: the one of the selected sheet when the view can filter it, else its default. */
function targetLedger(ctx: AppContext, view: ViewName): { key: ViewLedger; selectedRow: number } {
  const options = VIEW_LEDGERS[view];
  const sel = ctx.ports.workbook.selection();
  const table = sel ? ctx.ports.workbook.table(sel.sheet) : null;
  const key = sel && table ? ctx.keyOfSheet(sel.sheet, table.sheetId) : undefined;
  const hit = options.find((k) => k === key);
  return hit && sel ? { key: hit, selectedRow: sel.row } : { key: options[0], selectedRow: 0 };
}

/** Applies a view: one read of the ledger (to count and to find the selected row's owner), then the filter. */
export function applyView(ctx: AppContext, view: ViewName): ViewOutcome {
  const lang = ctx.userLang;
  const label = appText(lang, VIEW_LABELS[view]);
  const target = targetLedger(ctx, view);
  const ledger = ctx.ledger(target.key);
  if (!ledger) throw new Error(panelText(lang, 'view.missingSheet', { sheet: LEDGERS[target.key].sheet[lang] }));
  const snap = ledger.readAll();
  const today = ctx.today;
  const cellCtx: CellContext = { timeZone: ctx.timeZone, locale: ctx.locale };
  const column = (key: string): ColumnDef => ledger.column(key) as ColumnDef;
  const enumIs = (key: string, ok: (code: string | undefined) => boolean): Condition => ({
    key,
    test: (cell) => ok(enumCodeOf(column(key).options ?? [], String(cell ?? '').trim())),
  });
  const dateIn = (key: string, from: LocalDate, to: LocalDate): Condition => ({
    key,
    test: (cell) => {
      if (isBlankCell(cell)) return false;
      const d = readDate(cell, cellCtx);
      return !(d instanceof CellError) && d >= from && d <= to;
    },
  });
  const isOpen = (): Condition =>
    target.key === 'orders'
      ? enumIs('stage', (s) => s !== 'lost' && orderStageRank(s as OrderRecord['stage']) < orderStageRank('shipped'))
      : enumIs('status', (s) => s !== 'done');
  const me = ctx.ports.user.email();

  let conditions: Condition[];
  switch (view) {
    case 'myOverdue':
      if (!me) throw new Error(panelText(lang, 'view.noUser'));
      conditions = [{ key: 'owner', test: (cell) => sameEmail(cell, me) }, enumIs('status', (s) => s === 'overdue')];
      break;
    case 'dueThisWeek': {
      const week = weekOf(today);
      conditions = [dateIn(DUE_KEY[target.key], week.from, week.to), isOpen()];
      break;
    }
    case 'byOwner': {
      const selected = target.selectedRow ? (snap.byRow.get(target.selectedRow) as (RowRef & { owner?: string }) | undefined) : undefined;
      const owner = selected?.owner || me;
      if (!owner) throw new Error(panelText(lang, 'view.noUser'));
      conditions = [{ key: 'owner', test: (cell) => sameEmail(cell, owner) }, isOpen()];
      break;
    }
    case 'shippingSoon':
      conditions = [dateIn('deliveryDate', today, addDaysToLocalDate(today, SHIPPING_DAYS)), isOpen(), { key: 'shippedOn', test: (cell) => isBlankCell(cell) }];
      break;
  }

  const criteria: FilterCriterion[] = conditions.map((c) => {
    const col = snap.mapping.byKey[c.key];
    if (!col) throw new Error(panelText(lang, 'view.noColumn', { sheet: snap.table.name, header: column(c.key).header[lang] }));
    return { col, show: c.test };
  });
  const rows = snap.rows.filter((row) => !row.every(isBlankCell) && criteria.every((c) => 'show' in c && c.show(row[c.col - 1] ?? ''))).length;
  const sheet = snap.table.name;
  if (!rows) return { ledger: target.key, sheet, rows, message: panelText(lang, 'view.none', { view: label, sheet }) };
  const width = Math.max(snap.header.length, ...Object.values(snap.mapping.byKey));
  snap.table.applyFilter(criteria, width);
  snap.table.activate(1, 1);
  return { ledger: target.key, sheet, rows, message: panelText(lang, 'view.applied', { view: label, count: rows, sheet }) };
}

/**
 * Removes the filter of every ledger the views use (a view replaces a sheet's filter, so this also removes a filter
 * people made by hand on those sheets; the message names them).
 */
export function clearViews(ctx: AppContext): string {
  const names: string[] = [];
  for (const k of VIEW_LEDGERS.myOverdue) {
    const t = ctx.table(k);
    if (!t) continue;
    t.applyFilter(null, 0);
    names.push(t.name);
  }
  return panelText(ctx.userLang, 'view.cleared', { sheets: names.join(', ') });
}
