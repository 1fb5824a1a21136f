// Allocates record and document numbers (SO-2026-0007, C-0012, QT-…) under the document lock: the counter lives in
// document properties and never goes back, and the numbers already in the sheet are never reused, so two users
// numbering at the same moment always get different numbers.
import { DEFAULT_NUMBER_SERIES, nextNumbers, type NumberSeries, type NumberSeriesKey } from '../domain/numbering';
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
 * The next `count` numbers of a series. `existing` are the values already in the sheet (may be empty when only
 * the counter is known, e.g. in onEdit); the caller may already hold the document lock (`locked`).
 */
export function allocateNumbers(ctx: AppContext, key: NumberSeriesKey, count: number, existing: readonly unknown[] = [], locked = false): string[] {
  if (count <= 0) return [];
  const series = seriesOf(ctx, key);
  const year = Number(ctx.today.slice(0, 4));
  const prop = counterKey(series, series.yearly ? year : null);
  const run = () => {
    // Read the counter fresh under the lock: the per-execution cache may be stale.
    const stored = ctx.ports.docProps.get(prop);
    const { numbers, counter } = nextNumbers(series, year, existing, stored === null ? null : Number(stored), count);
    ctx.setProps({ [prop]: String(counter) });
    return numbers;
  };
  return locked ? run() : ctx.ports.lock.withDocumentLock(NUMBERING_LOCK_MS, run);
}
