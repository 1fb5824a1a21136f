// dashboardModel's lists: the quotations and shipments it has room for are the first of all of them in order (by
// date, then order number), however many there are and however they tie.
import { dashboardModel, type DashboardOrder } from '../../src/app/dashboard';
import { defaultSettings } from '../../src/domain/settings';
import { addDaysToLocalDate } from '../../src/domain/time/zone';

const TODAY = '2026-03-02';

/** A deterministic pseudo-random sequence (mulberry32). */
function randoms(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function orders(n: number, seed: number): DashboardOrder[] {
  const random = randoms(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  return Array.from({ length: n }, (_, i) => ({
    _row: i + 2,
    // Few distinct numbers and dates: many ties, some rows with the same number.
    orderNo: `SO-2026-${String(Math.floor(random() * n * 0.7)).padStart(4, '0')}`,
    customer: 'C-0001',
    stage: pick(['quoted', 'quoted', 'production', 'ready', 'completed'] as const),
    quoteDate: pick([undefined, '2026-02-01', '2026-02-10', '2026-02-20']),
    deliveryDate: pick([undefined, TODAY, addDaysToLocalDate(TODAY, 3), addDaysToLocalDate(TODAY, 9), addDaysToLocalDate(TODAY, 30)]),
    currency: 'USD',
    totalAmount: 100,
  }));
}

const byDate = (a: string | undefined, b: string | undefined): number => (a === b ? 0 : !a ? 1 : !b ? -1 : a < b ? -1 : 1);

describe('dashboardModel lists', () => {
  it.each([[5, 1], [12, 2], [400, 3], [3000, 4]])('%i orders: the first quotations and shipments of a full stable sort, and their counts', (n, seed) => {
    const all = orders(n, seed);
    const model = dashboardModel({ orders: all, followUps: [], afterSales: [], today: TODAY, currency: 'USD', settings: defaultSettings() });
    const quoted = all.filter((o) => o.stage === 'quoted').sort((a, b) => byDate(a.quoteDate, b.quoteDate) || a.orderNo.localeCompare(b.orderNo));
    const horizon = addDaysToLocalDate(TODAY, 14);
    const shipping = all
      .filter((o) => o.stage !== 'completed' && o.deliveryDate && o.deliveryDate >= TODAY && o.deliveryDate <= horizon)
      .sort((a, b) => byDate(a.deliveryDate, b.deliveryDate) || a.orderNo.localeCompare(b.orderNo));
    expect({ count: model.quotes.count, rows: model.quotes.list.map((o) => o._row) }).toEqual({ count: quoted.length, rows: quoted.slice(0, 10).map((o) => o._row) });
    expect({ count: model.shipping.count, rows: model.shipping.list.map((o) => o._row) }).toEqual({ count: shipping.length, rows: shipping.slice(0, 15).map((o) => o._row) });
  });
});
