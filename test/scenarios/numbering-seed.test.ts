// Numbers in onEdit when rows arrived with numbers of their own: an imported workbook (no counter yet), and a paste
// of numbered rows ahead of the counter. A typed row must never get a number the sheet already has.
import { cell, headerCol, newSandbox, ref, sheet } from './helpers';
import type { Sandbox } from '../../src/sandbox/runtime';

function setUp(): Sandbox {
  const sb = newSandbox();
  sb.click('menuSetup');
  return sb;
}

/** Writes order rows straight into the sheet, as an import or File ▸ Import does: no onEdit, no counter. */
function importOrders(sb: Sandbox, nos: string[]): void {
  const orders = sheet(sb, 'Orders');
  const noCol = headerCol(orders, 'Order no.');
  const custCol = headerCol(orders, 'Customer');
  nos.forEach((no, i) => {
    orders.set(2 + i, noCol, no);
    orders.set(2 + i, custCol, `C-000${i + 1}`);
  });
}

function orderCounters(sb: Sandbox): Record<string, string> {
  const all = sb.env.documentProperties;
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('gendan.counter.SO')));
}

describe('order numbers in onEdit', () => {
  it('after an import, a typed order follows the largest number in the sheet (the column is read once)', () => {
    const sb = setUp();
    importOrders(sb, ['SO-2026-0001', 'SO-2026-0007', 'SO-2026-0003']);
    expect(orderCounters(sb)).toEqual({});
    const orders = sheet(sb, 'Orders');

    // An edit of an imported row creates no counter from that one row.
    sb.edit(ref(orders, 2, 'Delivery date'), '2026-04-30');
    expect(orderCounters(sb)).toEqual({});

    sb.env.ledger.reset();
    sb.edit(ref(orders, 5, 'Customer'), 'C-0009');
    expect(cell(orders, 5, 'Order no.')).toBe('SO-2026-0008');
    const step = sb.env.ledger.allSteps().pop();
    expect(step?.byMethod['SpreadsheetApp:Range.getValues']).toBeLessThanOrEqual(3);

    // Now the counter exists: the next typed order reads no column.
    sb.env.ledger.reset();
    sb.edit(ref(orders, 6, 'Customer'), 'C-0010');
    expect(cell(orders, 6, 'Order no.')).toBe('SO-2026-0009');
    expect(sb.env.ledger.allSteps().pop()?.byMethod['SpreadsheetApp:Range.getValues']).toBeLessThanOrEqual(2);
  });

  it('a paste of numbered rows ahead of the counter raises it, so the next typed order does not collide', () => {
    const sb = setUp();
    const orders = sheet(sb, 'Orders');
    sb.edit(ref(orders, 2, 'Customer'), 'C-0001');
    expect(cell(orders, 2, 'Order no.')).toBe('SO-2026-0001');

    // Two rows from another system, already numbered 0040 and 0041.
    const from = ref(orders, 3, 'Order no.');
    const noCol = headerCol(orders, 'Order no.');
    const custCol = headerCol(orders, 'Customer');
    expect(custCol).toBe(noCol + 1);
    sb.edit(`${from}:${ref(orders, 4, 'Customer').split('!')[1]}`, [
      ['SO-2026-0040', 'C-0002'],
      ['SO-2026-0041', 'C-0003'],
    ]);
    expect(orderCounters(sb)).toEqual({ 'gendan.counter.SO.2026': '41' });

    sb.edit(ref(orders, 5, 'Customer'), 'C-0004');
    expect(cell(orders, 5, 'Order no.')).toBe('SO-2026-0042');
  });

  it('the sweep sets the counter from the whole column, so later edits need no column read', () => {
    const sb = setUp();
    importOrders(sb, ['SO-2026-0012', 'SO-2026-0002']);
    sb.click('menuRefreshStatuses');
    expect(orderCounters(sb)).toEqual({ 'gendan.counter.SO.2026': '12' });
    const orders = sheet(sb, 'Orders');
    sb.edit(ref(orders, 4, 'Customer'), 'C-0003');
    expect(cell(orders, 4, 'Order no.')).toBe('SO-2026-0013');
  });
});
