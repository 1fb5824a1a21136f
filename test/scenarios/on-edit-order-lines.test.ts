// onEdit of Order lines through the real bundle, on a small synthetic workbook (30 orders of 2 lines, set up): every
// order an edit touches gets the total of ALL its lines (the edited ones and the others), in a constant number of
// SpreadsheetApp calls whatever the number of orders — a big paste reads Order lines and Orders whole, once each; a
// small edit reads its rows and then its order, or a few columns — and nothing else of Orders changes, not even when
// another user edits an order row while the edit's onEdit runs.
import type { Sandbox } from '../../src/sandbox/runtime';
import { WallDate, columnLetter, type SheetModel } from '../../src/sandbox/spreadsheet/model';
import { wallDateString } from '../../src/domain/time/zone';
import { orderNo, productCode } from '../../bench/synthetic-workbook';
import { differences, positionOf, setUpWorkbook, traceOf, worldOf } from '../reliability/crash-kit';
import { headerCol as col, sheet } from './helpers';

const LI = 'li.na@example.com';
const WANG = 'wang.wei@example.com';

function text(s: SheetModel, row: number, header: string): string {
  const v = s.get(row, col(s, header));
  return v instanceof WallDate ? wallDateString(v.wall) : String(v);
}

function a1(s: SheetModel, row: number, header: string): string {
  return `${s.name}!${columnLetter(col(s, header))}${row}`;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** The Orders row of an order (order i of the synthetic workbook is on row i + 2; searched, not assumed). */
function orderRow(sb: Sandbox, no: string): number {
  const orders = sheet(sb, 'Orders');
  const c = col(orders, 'Order no.') - 1;
  const i = orders.values.findIndex((r, k) => k > 0 && r?.[c] === no);
  if (i < 0) throw new Error(`no order ${no}`);
  return i + 1;
}

function total(sb: Sandbox, no: string): number | string {
  return sheet(sb, 'Orders').get(orderRow(sb, no), col(sheet(sb, 'Orders'), 'Total amount')) as number | string;
}

/** The sum of the Amount cells of every line of an order, as the sheet shows them. */
function sumOfLines(sb: Sandbox, no: string): number {
  const lines = sheet(sb, 'Order lines');
  const n = col(lines, 'Order no.');
  const a = col(lines, 'Amount');
  let sum = 0;
  for (let r = 2; r <= lines.lastRow(); r++) if (lines.get(r, n) === no && typeof lines.get(r, a) === 'number') sum = cents(sum + (lines.get(r, a) as number));
  return sum;
}

interface Paste {
  a1: string;
  grid: string[][];
  /** Order no. → what its pasted lines add (quantity × unit price). */
  added: Map<string, number>;
}

/** `perOrder` new lines for each of `orders` (indexes), pasted below the last line, Order no. … Unit price. */
function linesPaste(sb: Sandbox, orders: number[], perOrder: number): Paste {
  const lines = sheet(sb, 'Order lines');
  const first = lines.lastRow() + 1;
  const c1 = col(lines, 'Order no.');
  const c2 = col(lines, 'Unit price');
  const added = new Map<string, number>();
  const grid: string[][] = [];
  for (const i of orders) {
    for (let j = 0; j < perOrder; j++) {
      const row = new Array<string>(c2 - c1 + 1).fill('');
      const qty = 10 * (j + 1) + i;
      row[col(lines, 'Order no.') - c1] = orderNo(i);
      row[col(lines, 'Line') - c1] = String(10 + j);
      row[col(lines, 'Product code') - c1] = productCode(j % 6);
      row[col(lines, 'Quantity') - c1] = String(qty);
      row[col(lines, 'Unit price') - c1] = '1.25';
      grid.push(row);
      added.set(orderNo(i), cents((added.get(orderNo(i)) ?? 0) + qty * 1.25));
    }
  }
  const last = first + grid.length - 1;
  return { a1: `Order lines!${columnLetter(c1)}${first}:${columnLetter(c2)}${last}`, grid, added };
}

function sheetsCalls(sb: Sandbox, fn: () => void): { calls: number; biggestRead: number; widestLongRead: number } {
  const trace = traceOf(sb, fn);
  const reads = trace.filter((c) => c.method === 'getValues');
  return {
    calls: sb.env.ledger.allSteps().slice(-1)[0].byService.SpreadsheetApp ?? 0,
    biggestRead: Math.max(0, ...reads.map((c) => c.rows)),
    // The widest read of more rows than the edit has: a whole sheet when wider than one column.
    widestLongRead: Math.max(0, ...reads.filter((c) => c.rows > 20).map((c) => c.cols)),
  };
}

/** A fill of one value down the Quantity of rows from…to of Order lines. */
function quantityFill(sb: Sandbox, from: number, to: number, value: string): { a1: string; grid: string[][] } {
  const lines = sheet(sb, 'Order lines');
  const q = columnLetter(col(lines, 'Quantity'));
  return { a1: `Order lines!${q}${from}:${q}${to}`, grid: Array.from({ length: to - from + 1 }, () => [value]) };
}

describe('onEdit of Order lines', () => {
  it('a paste of 120 lines for 5 orders gives each order the total of all its lines, in 6 SpreadsheetApp calls', () => {
    const sb = setUpWorkbook();
    const touched = [2, 5, 9, 14, 20];
    const before = new Map(Array.from({ length: 30 }, (_, i) => [orderNo(i), total(sb, orderNo(i))]));
    // Set up made every total the sum of the order's 2 lines: the pasted lines add to lines that stay.
    for (const i of touched) expect(before.get(orderNo(i))).toBe(sumOfLines(sb, orderNo(i)));
    const worldBefore = worldOf(sb).sheets.Orders;
    const paste = linesPaste(sb, touched, 24);

    const { calls } = sheetsCalls(sb, () => sb.edit(paste.a1, paste.grid, LI));

    expect(calls).toBeLessThanOrEqual(6);
    const lines = sheet(sb, 'Order lines');
    const last = lines.lastRow();
    expect(text(lines, last, 'Amount')).toBe(String(cents((10 * 24 + 20) * 1.25)));
    for (const i of touched) {
      const no = orderNo(i);
      expect([no, total(sb, no)]).toEqual([no, cents((before.get(no) as number) + (paste.added.get(no) as number))]);
      expect([no, total(sb, no)]).toEqual([no, sumOfLines(sb, no)]);
    }
    // Orders: the touched rows changed in Total amount and Updated only; every other row is as it was.
    const orders = sheet(sb, 'Orders');
    const after = worldOf(sb).sheets.Orders;
    const changedCols = new Set([col(orders, 'Total amount'), col(orders, 'Updated')]);
    const touchedRows = new Set(touched.map((i) => orderRow(sb, orderNo(i))));
    for (let r = 1; r <= after.length; r++) {
      if (!touchedRows.has(r)) {
        expect([r, after[r - 1]]).toEqual([r, worldBefore[r - 1]]);
        continue;
      }
      const a = after[r - 1].split('\t');
      const b = worldBefore[r - 1].split('\t');
      for (let c = 1; c <= Math.max(a.length, b.length); c++) if (!changedCols.has(c)) expect([r, c, a[c - 1] ?? '']).toEqual([r, c, b[c - 1] ?? '']);
      expect(text(orders, r, 'Updated')).not.toBe('');
      expect(after[r - 1]).not.toBe(worldBefore[r - 1]);
    }
  });

  it('a big paste on a day no sweep has run yet also brings the touched orders\' status up to date', () => {
    const sb = setUpWorkbook();
    sb.env.now += 120 * 86_400_000; // four months on: deliveries and balances fall due, nothing swept
    const touched = Array.from({ length: 15 }, (_, k) => 2 * k);
    const orders = sheet(sb, 'Orders');
    const statusBefore = touched.map((i) => text(orders, orderRow(sb, orderNo(i)), 'Status'));
    const untouchedBefore = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 2).map((i) => text(orders, orderRow(sb, orderNo(i)), 'Status'));
    const paste = linesPaste(sb, touched, 8);
    sb.edit(paste.a1, paste.grid, LI);
    const statusAfter = touched.map((i) => text(orders, orderRow(sb, orderNo(i)), 'Status'));
    expect(statusAfter).not.toEqual(statusBefore);
    // What the full refresh computes for them, and the untouched orders left for it.
    expect(Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 2).map((i) => text(orders, orderRow(sb, orderNo(i)), 'Status'))).toEqual(untouchedBefore);
    sb.click('menuRefreshStatuses');
    expect(touched.map((i) => text(orders, orderRow(sb, orderNo(i)), 'Status'))).toEqual(statusAfter);
    for (const i of touched) expect(total(sb, orderNo(i))).toBe(sumOfLines(sb, orderNo(i)));
  });

  it('a big paste costs the same calls for 2 orders as for 15', () => {
    const few = setUpWorkbook();
    const many = setUpWorkbook();
    const p2 = linesPaste(few, [3, 27], 60);
    const p15 = linesPaste(many, Array.from({ length: 15 }, (_, k) => 2 * k), 8);
    expect(p2.grid.length).toBe(p15.grid.length);
    const a = sheetsCalls(few, () => few.edit(p2.a1, p2.grid, LI));
    const b = sheetsCalls(many, () => many.edit(p15.a1, p15.grid, LI));
    expect(a.calls).toBe(b.calls);
    for (let k = 0; k < 15; k++) expect(total(many, orderNo(2 * k))).toBe(sumOfLines(many, orderNo(2 * k)));
    for (const i of [3, 27]) expect(total(few, orderNo(i))).toBe(sumOfLines(few, orderNo(i)));
  });

  it('a one-cell edit recomputes its order from all its lines without reading whole sheets; moving a line moves its amount', () => {
    const sb = setUpWorkbook();
    const lines = sheet(sb, 'Order lines');
    const no0 = orderNo(0);
    const no1 = orderNo(1);
    const rows0 = [2, 3].filter((r) => lines.get(r, col(lines, 'Order no.')) === no0);
    expect(rows0).toEqual([2, 3]);

    const q = sheetsCalls(sb, () => sb.edit(a1(lines, 3, 'Quantity'), '1000', LI));
    const price = Number(lines.get(3, col(lines, 'Unit price')));
    expect(text(lines, 3, 'Amount')).toBe(String(cents(1000 * price)));
    expect(total(sb, no0)).toBe(sumOfLines(sb, no0));
    expect(q.biggestRead).toBeLessThan(10);
    expect(q.calls).toBeLessThanOrEqual(12);

    const moved = Number(lines.get(3, col(lines, 'Amount')));
    const before1 = total(sb, no1) as number;
    sb.edit(a1(lines, 3, 'Order no.'), no1, LI);
    expect(total(sb, no0)).toBe(Number(lines.get(2, col(lines, 'Amount'))));
    expect(total(sb, no1)).toBe(cents(before1 + moved));
    expect(total(sb, no1)).toBe(sumOfLines(sb, no1));
  });

  it('a small fill over the lines of several orders reads single columns, never a whole sheet, in the same calls for 3 orders as for 10', () => {
    const sb = setUpWorkbook();
    const three = quantityFill(sb, 2, 7, '250');
    const a = sheetsCalls(sb, () => sb.edit(three.a1, three.grid, LI));
    const ten = quantityFill(sb, 22, 41, '75');
    const b = sheetsCalls(sb, () => sb.edit(ten.a1, ten.grid, LI));
    expect(a.calls).toBe(b.calls);
    expect(a.calls).toBeLessThanOrEqual(11);
    expect([a.widestLongRead, b.widestLongRead]).toEqual([1, 1]);
    const lines = sheet(sb, 'Order lines');
    expect(Number(lines.get(41, col(lines, 'Amount')))).toBe(cents(75 * Number(lines.get(41, col(lines, 'Unit price')))));
    for (let i = 0; i < 30; i++) expect([orderNo(i), total(sb, orderNo(i))]).toEqual([orderNo(i), sumOfLines(sb, orderNo(i))]);
  });

  it('a same-value edit (the quantity typed again) writes nothing to Orders', () => {
    const sb = setUpWorkbook();
    const lines = sheet(sb, 'Order lines');
    const qty = text(lines, 4, 'Quantity');
    const ordersBefore = worldOf(sb).sheets.Orders;
    const trace = traceOf(sb, () => sb.edit(a1(lines, 4, 'Quantity'), qty, LI));
    expect(trace.filter((c) => c.sheet === 'Orders')).toEqual([]);
    expect(worldOf(sb).sheets.Orders).toEqual(ordersBefore);
  });

  it('a big paste of descriptions reads only its rows and leaves Orders alone; after the columns moved, a big paste of quantities still gets every total right', () => {
    const sb = setUpWorkbook();
    const lines = sheet(sb, 'Order lines');
    // Any Order lines edit notes where the columns totals depend on are (a document property).
    sb.edit(a1(lines, 2, 'Notes'), 'first edit', LI);
    const ordersBefore = worldOf(sb).sheets.Orders;
    const d = col(lines, 'Description');
    const grid = Array.from({ length: 120 }, (_, i) => [`Brushed finish, batch ${i}`]);
    const trace = traceOf(sb, () => sb.edit(`Order lines!${columnLetter(d)}2:${columnLetter(d)}121`, grid, LI));
    expect(trace.filter((c) => c.sheet === 'Orders')).toEqual([]);
    expect(Math.max(...trace.filter((c) => c.method === 'getValues').map((c) => c.rows))).toBe(120);
    expect(worldOf(sb).sheets.Orders).toEqual(ordersBefore);

    // Quantity moved left of Description: the remembered columns are stale, the header read is not.
    lines.moveColumns(col(lines, 'Quantity'), 1, d);
    const q = col(lines, 'Quantity');
    expect(q).toBe(d);
    const quantities = Array.from({ length: 120 }, (_, i) => [String(500 + i)]);
    sb.edit(`Order lines!${columnLetter(q)}2:${columnLetter(q)}121`, quantities, LI);
    expect(text(lines, 41, 'Quantity')).toBe('539');
    for (let i = 0; i < 30; i++) expect([orderNo(i), total(sb, orderNo(i))]).toEqual([orderNo(i), sumOfLines(sb, orderNo(i))]);
    expect(Number(lines.get(2, col(lines, 'Amount')))).toBe(cents(500 * Number(lines.get(2, col(lines, 'Unit price')))));
  });

  it('lines of an order Orders does not have, and pasted cells that leave rows blank, change no order', () => {
    const sb = setUpWorkbook();
    const lines = sheet(sb, 'Order lines');
    const ordersBefore = worldOf(sb).sheets.Orders;
    const paste = linesPaste(sb, [2], 110);
    for (const row of paste.grid) row[0] = 'SO-2099-00001';
    sb.edit(paste.a1, paste.grid, LI);
    expect(text(lines, lines.lastRow(), 'Amount')).not.toBe('');
    expect(worldOf(sb).sheets.Orders).toEqual(ordersBefore);
  });
});

// Two ways of writing totals into rows between other orders' rows: a big paste (Orders read whole, the Total amount
// block written from it) and a small fill over several orders (the Total amount block read right before it is written).
const PLANS: [string, (sb: Sandbox) => () => void][] = [
  [
    'a paste of 120 lines into Order lines',
    (sb) => {
      const p = linesPaste(sb, [2, 9, 14, 20], 30);
      return () => sb.edit(p.a1, p.grid, LI);
    },
  ],
  [
    'a paste of quantities over the lines of orders 2 to 7 (4 and 5 get theirs again)',
    (sb) => {
      const lines = sheet(sb, 'Order lines');
      const f = quantityFill(sb, 6, 17, '640');
      const grid = f.grid.map((row, i) => {
        const order = String(lines.get(6 + i, col(lines, 'Order no.')));
        return order === orderNo(4) || order === orderNo(5) ? [text(lines, 6 + i, 'Quantity')] : row;
      });
      return () => sb.edit(f.a1, grid, LI);
    },
  ],
];

describe.each(PLANS)('another user edits an order row while %s runs its onEdit', (_name, plan) => {
  // Two orders the edit does not touch, whose rows lie between touched rows (inside the block of Total amount cells
  // it writes): the first gets its Shipped on typed (its stage, status and Updated change); the second a new line,
  // typed below the others (its own onEdit writes its Total amount).
  const others = (sb: Sandbox, touched: ReadonlySet<string>) => {
    const rows = [...touched].map((no) => orderRow(sb, no));
    const inside = Array.from({ length: 30 }, (_, i) => i).filter((i) => {
      const r = orderRow(sb, orderNo(i));
      return !touched.has(orderNo(i)) && r > Math.min(...rows) && r < Math.max(...rows);
    });
    if (inside.length < 2) throw new Error('the edit leaves fewer than two untouched orders inside its block');
    const [between, other] = inside.map(orderNo);
    return {
      shipped: () => sb.edit(a1(sheet(sb, 'Orders'), orderRow(sb, between), 'Shipped on'), '2026-03-02', WANG),
      line: () => {
        const p = linesPaste(sb, [inside[1]], 1);
        sb.edit(p.a1, p.grid, WANG);
      },
      between,
      other,
    };
  };
  /** The orders the plan's edit touches (found by running it on a copy). */
  const touchedBy = (): Set<string> => {
    const sb = setUpWorkbook();
    const before = Array.from({ length: 30 }, (_, i) => total(sb, orderNo(i)));
    plan(sb)();
    return new Set(Array.from({ length: 30 }, (_, i) => orderNo(i)).filter((no, i) => total(sb, no) !== before[i]));
  };
  const touched = touchedBy();

  // Made one after the other: the worlds the interleaved runs must end in.
  const sequential = (second: 'shipped' | 'line') => {
    const sb = setUpWorkbook();
    const run = plan(sb);
    const trace = traceOf(sb, run);
    const o = others(sb, touched);
    o[second]();
    return { world: worldOf(sb), trace, sb, o };
  };
  const shipped = sequential('shipped');
  const line = sequential('line');

  it('one after the other: the edit recomputes its orders, the other edits change their own rows', () => {
    expect(touched.size).toBeGreaterThan(1);
    expect(text(sheet(shipped.sb, 'Orders'), orderRow(shipped.sb, shipped.o.between), 'Stage')).toBe('Shipped');
    for (const no of touched) expect(total(line.sb, no)).toBe(sumOfLines(line.sb, no));
    expect(total(line.sb, line.o.other)).toBe(sumOfLines(line.sb, line.o.other));
    const rows = [...touched].map((no) => orderRow(line.sb, no));
    const otherRow = orderRow(line.sb, line.o.other);
    const betweenRow = orderRow(line.sb, shipped.o.between);
    // Both other rows lie inside the block of Total amount cells the edit writes.
    for (const r of [otherRow, betweenRow]) expect(r > Math.min(...rows) && r < Math.max(...rows)).toBe(true);
  });

  const during = (second: 'shipped' | 'line', expected: ReturnType<typeof worldOf>) => (k: number) => {
    const sb = setUpWorkbook();
    const run = plan(sb);
    sb.env.ledger.interleave(k, others(sb, touched)[second]);
    run();
    expect(differences(worldOf(sb), expected)).toEqual([]);
  };
  const steps = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it.each(steps(shipped.trace.length))("the other user's Shipped on lands at the edit's round trip %i: both as if one after the other", (k) => {
    during('shipped', shipped.world)(k);
  });

  // The totals are written in one block of the Total amount column, rewriting the rows between with the values read
  // by the call right before. Sheets has no compare-and-set: a total written by another execution in the one round
  // trip between that read and the write is overwritten (KNOWN LIMITATION, the same as LedgerTable.write's `fresh`
  // re-read); at any other moment both totals land.
  const write = positionOf(line.trace, 'setValues', 'Orders');
  it('reads the Total amount cells it rewrites in the call right before the write', () => {
    expect(line.trace[write - 2]).toMatchObject({ method: 'getValues', sheet: 'Orders' });
  });
  it.each(steps(line.trace.length).filter((k) => k !== write))("another order's line edited at the edit's round trip %i: both totals land", (k) => {
    during('line', line.world)(k);
  });
  it.failing.each([write])("KNOWN LIMITATION (between the read of the totals and their write): another order's line edited at round trip %i", (k) => {
    during('line', line.world)(k);
  });
});
