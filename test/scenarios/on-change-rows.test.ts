// Rows deleted by hand fire no onEdit. With daily updates on, Gendan's change trigger gives every order the total of
// the lines that are left, in a constant number of calls, and writes nothing else; without it (or for other kinds of
// change) nothing runs. Through the real bundle on a small synthetic workbook (set up).
import type { Sandbox } from '../../src/sandbox/runtime';
import { differences, nextDayWithAutomation, setUpWorkbook, worldOf } from '../reliability/crash-kit';
import { headerCol as col, sheet } from './helpers';

const cents = (n: number) => Math.round(n * 100) / 100;

/** Rows of Order lines of an order, top-down. */
function lineRows(sb: Sandbox, orderNo: string): number[] {
  const lines = sheet(sb, 'Order lines');
  const c = col(lines, 'Order no.');
  const out: number[] = [];
  for (let r = 2; r <= lines.lastRow(); r++) if (lines.get(r, c) === orderNo) out.push(r);
  return out;
}

function totalOf(sb: Sandbox, orderNo: string): unknown {
  const orders = sheet(sb, 'Orders');
  const no = col(orders, 'Order no.');
  for (let r = 2; r <= orders.lastRow(); r++) if (orders.get(r, no) === orderNo) return orders.get(r, col(orders, 'Total amount'));
  throw new Error(`no order ${orderNo}`);
}

function amountOf(sb: Sandbox, row: number): number {
  const lines = sheet(sb, 'Order lines');
  return Number(lines.get(row, col(lines, 'Amount')));
}

/** An order with at least two lines, and its number. */
function orderWithLines(sb: Sandbox, skip = 0): string {
  const lines = sheet(sb, 'Order lines');
  const c = col(lines, 'Order no.');
  const seen = new Map<string, number>();
  for (let r = 2; r <= lines.lastRow(); r++) seen.set(String(lines.get(r, c)), (seen.get(String(lines.get(r, c))) ?? 0) + 1);
  const found = [...seen].filter(([, n]) => n >= 2).map(([no]) => no);
  if (found.length <= skip) throw new Error('no order with two lines');
  return found[skip];
}

function withAutomation(): Sandbox {
  const sb = setUpWorkbook();
  nextDayWithAutomation(sb);
  return sb;
}

describe('line rows deleted by hand', () => {
  it('daily updates install one change trigger, and turning them off removes it', () => {
    const sb = withAutomation();
    expect(sb.env.triggers.map((t) => t.handler).sort()).toEqual(['triggerDailySweep', 'triggerHourlyReminders', 'triggerOnChange']);
    expect(sb.env.triggers.find((t) => t.handler === 'triggerOnChange')?.eventType).toBe('ON_CHANGE');
    sb.env.uiAnswers.push({ button: 'YES' });
    sb.click('menuToggleAutomation');
    expect(sb.env.triggers).toEqual([]);
  });

  it('give the order the total of the lines that are left, and every other cell stays', () => {
    const sb = withAutomation();
    const no = orderWithLines(sb);
    const rows = lineRows(sb, no);
    const kept = rows.slice(1).reduce((s, r) => s + amountOf(sb, r), 0);
    expect(totalOf(sb, no)).toBeCloseTo(cents(kept + amountOf(sb, rows[0])), 2);
    const reference = withAutomation();
    sheet(reference, 'Order lines').deleteRows(rows[0], 1);
    const before = sb.env.ledger.totalRoundTrips();
    sb.deleteRows(`Order lines!${rows[0]}:${rows[0]}`);
    const calls = sb.env.ledger.totalRoundTrips() - before;
    expect(totalOf(sb, no)).toBeCloseTo(cents(kept), 2);
    // Only the order's Total amount and Updated differ from the same deletion with no trigger.
    const diff = differences(worldOf(sb), worldOf(reference));
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatch(/^Orders/);
    const orders = sheet(sb, 'Orders');
    const changed = orders.values.filter((row, i) => i > 0 && JSON.stringify(row) !== JSON.stringify(sheet(reference, 'Orders').values[i]));
    expect(changed).toHaveLength(1);
    // Properties, lock, two headers, two columns of Order lines, Order no. and Total amount of Orders, two writes.
    expect(calls).toBeLessThanOrEqual(12);
    console.log(`change trigger after a line row deleted: ${calls} round trips`);
  });

  it('clear the total of an order whose lines are all gone, and fix several orders at once', () => {
    const sb = withAutomation();
    const a = orderWithLines(sb, 0);
    const b = orderWithLines(sb, 1);
    const rowsA = lineRows(sb, a);
    const rowsB = lineRows(sb, b);
    const keptB = rowsB.slice(0, -1).reduce((s, r) => s + amountOf(sb, r), 0);
    // Bottom-up, as one deletion each, like a user removing them one after the other.
    const gone = [...rowsA, rowsB[rowsB.length - 1]].sort((x, y) => y - x);
    for (const r of gone) sb.deleteRows(`Order lines!${r}:${r}`);
    expect(totalOf(sb, a)).toBe('');
    expect(totalOf(sb, b)).toBeCloseTo(cents(keptB), 2);
  });

  it('change nothing without daily updates: Refresh statuses now puts the totals right', () => {
    const sb = setUpWorkbook();
    const no = orderWithLines(sb);
    const rows = lineRows(sb, no);
    const was = totalOf(sb, no);
    const kept = rows.slice(1).reduce((s, r) => s + amountOf(sb, r), 0);
    sb.deleteRows(`Order lines!${rows[0]}:${rows[0]}`);
    expect(totalOf(sb, no)).toBe(was);
    sb.click('menuRefreshStatuses');
    expect(totalOf(sb, no)).toBeCloseTo(cents(kept), 2);
  });

  it('deleting rows elsewhere leaves every total as it is', () => {
    const sb = withAutomation();
    const totals = () => sheet(sb, 'Orders').values.map((r) => r[col(sheet(sb, 'Orders'), 'Total amount') - 1]);
    const before = totals();
    sb.deleteRows('Follow-ups!3:4');
    expect(totals()).toEqual(before);
  });
});
