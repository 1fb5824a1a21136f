// Allocates record and document numbers (SO-2026-0007, C-0012, QT-…) under the document lock: the counter lives in
// document properties and never goes back, and the numbers already in the sheet are never reused, so two users
// numbering at the same moment always get different numbers.
import { DEFAULT_NUMBER_SERIES, maxSequence, nextNumbers, type NumberSeries, type NumberSeriesKey } from '../domain/numbering';
import type { Settings } from '../domain/settings';
import type { AppContext } from './context';

const PREFIX_SETTING: Partial<Record<NumberSeriesKey, keyof Settings>> = {
  order: 'prefix.order',
  customer: 'prefix.customer',
  afterSales: 'prefix.after-sales',
  quotation: 'prefix.quote',
  contract: 'prefix.contract',
  purchaseOrder: 'prefix.purchase-order',
  shippingNotice: 'prefix.shipping-notice',
  invoice: 'prefix.invoice',
};

/** The series with the prefix from Settings. */
export function seriesOf(ctx: AppContext, key: NumberSeriesKey): NumberSeries {
  const base = DEFAULT_NUMBER_SERIES[key];
  const setting = PREFIX_SETTING[key];
  const prefix = setting ? String(ctx.settings()[setting] || base.prefix) : base.prefix;
  return { ...base, prefix };
}

export function counterKey(series: NumberSeries, year: number | null): string {
  return `gendan.counter.${series.prefix}${series.yearly && year !== null ? `.${year}` : ''}`;
}

/** Lock wait for numbering: long enough for another user's edit to finish, short enough for a simple trigger. */
export const NUMBERING_LOCK_MS = 10_000;

/**
 * The next `count` numbers of a series. `existing` are the values already in the sheet (may be only the edited
 * rows' own, e.g. in onEdit); the caller may already hold the document lock (`locked`). `column` reads the whole
 * number column: it is called (one read) only when the series has no counter yet — a workbook whose rows were
 * imported or pasted before Gendan numbered anything — so the first number follows the largest one in the sheet.
 */
export function allocateNumbers(
  ctx: AppContext,
  key: NumberSeriesKey,
  count: number,
  existing: readonly unknown[] = [],
  locked = false,
  column?: () => readonly unknown[],
): string[] {
  if (count <= 0) return [];
  const series = seriesOf(ctx, key);
  const year = Number(ctx.today.slice(0, 4));
  const prop = counterKey(series, series.yearly ? year : null);
  const run = () => {
    // Read the counter fresh under the lock: the per-execution cache may be stale.
    const stored = ctx.ports.docProps.get(prop);
    const values = stored === null && column ? [...existing, ...column()] : existing;
    const { numbers, counter } = nextNumbers(series, year, values, stored === null ? null : Number(stored), count);
    ctx.setProps({ [prop]: String(counter) });
    return numbers;
  };
  return locked ? run() : ctx.ports.lock.withDocumentLock(NUMBERING_LOCK_MS, run);
}

/**
 * Keeps the counter of a series at or above the largest number in `values` (rows that arrived with their numbers: a
 * paste, an import), so a number typed or pasted ahead of the counter is never given out again. Free when the counter
 * is already there (the execution's cached document properties); otherwise one fresh read and write under the lock.
 * A series without a counter is left so: `values` may be a few rows, and the first allocation seeds the counter from
 * the whole column. `complete`: `values` is the whole column (the sweep), so the counter may be created from it.
 */
export function raiseCounter(ctx: AppContext, key: NumberSeriesKey, values: readonly unknown[], complete = false, locked = false): void {
  const series = seriesOf(ctx, key);
  const year = Number(ctx.today.slice(0, 4));
  const max = maxSequence(values, series.prefix, series.yearly ? year : null);
  if (max <= 0) return;
  const prop = counterKey(series, series.yearly ? year : null);
  const cached = ctx.props()[prop];
  if (cached === undefined ? !complete : Number(cached) >= max) return;
  const run = () => {
    const stored = ctx.ports.docProps.get(prop);
    if (stored === null ? complete : Number(stored) < max) ctx.setProps({ [prop]: String(max) });
  };
  if (locked) run();
  else ctx.ports.lock.withDocumentLock(NUMBERING_LOCK_MS, run);
}
