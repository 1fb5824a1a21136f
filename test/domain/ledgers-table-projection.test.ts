// LedgerTable over a column projection: only the fields asked for are parsed, the writer compares changes with them,
// and writing a field that was not read is refused (it would look blank, and be written over whatever it holds).
import type { CellValue, Table } from '../../src/ports';
import { LedgerTable } from '../../src/app/ledger-table';
import { LEDGERS } from '../../src/domain/ledgers/index';
import type { OrderRecord } from '../../src/domain/ledgers/records';

/** A sheet in memory: the few Table methods a ledger read and write use. */
function memoryTable(values: CellValue[][]): { table: Table; writes: { row: number; col: number; values: unknown[][] }[] } {
  const writes: { row: number; col: number; values: unknown[][] }[] = [];
  const table = {
    name: 'Orders',
    sheetId: 1,
    readAll: () => values.map((r) => [...r]),
    readBlock: (row: number, col: number, numRows: number, numCols: number) => values.slice(row - 1, row - 1 + numRows).map((r) => r.slice(col - 1, col - 1 + numCols)),
    writeBlock: (row: number, col: number, grid: unknown[][]) => {
      writes.push({ row, col, values: grid });
      grid.forEach((r, i) => r.forEach((v, j) => (values[row - 1 + i][col - 1 + j] = v as CellValue)));
    },
  } as unknown as Table;
  return { table, writes };
}

const HEADER = ['Order no.', 'Customer', 'Stage', 'Status', 'Notes', 'Payment status'];

function orders() {
  const { table, writes } = memoryTable([HEADER, ['SO-2026-0001', 'C-0001', 'Quoted', 'In progress', 'call first', ''], ['SO-2026-0002', 'C-0002', 'Inquiry', '', '', '']]);
  return { ledger: new LedgerTable<OrderRecord>(LEDGERS.orders, table, { timeZone: 'Asia/Shanghai', locale: 'en', lang: 'en' }), writes };
}

describe('LedgerTable with a column projection', () => {
  it('parses only the fields asked for (with the required ones) and names them in the snapshot', () => {
    const { ledger } = orders();
    const snap = ledger.readAll({ fields: ['stage', 'status'] });
    expect(snap.records).toEqual([
      { _row: 2, orderNo: 'SO-2026-0001', customer: 'C-0001', stage: 'quoted', status: 'in-progress' },
      { _row: 3, orderNo: 'SO-2026-0002', customer: 'C-0002', stage: 'inquiry', status: undefined },
    ]);
    expect([...(snap.fields ?? [])].sort()).toEqual(['customer', 'orderNo', 'stage', 'status']);
    expect(ledger.readAll().fields).toBeUndefined();
  });

  it('writes only the projected values that change', () => {
    const { ledger, writes } = orders();
    const snap = ledger.readAll({ fields: ['status'] });
    const report = ledger.write(snap, [
      { row: 2, key: 'status', value: 'in-progress' },
      { row: 3, key: 'status', value: 'pending' },
    ]);
    expect(report.cells).toBe(1);
    expect(writes).toEqual([{ row: 3, col: 4, values: [['Pending']] }]);
  });

  it('refuses to write a field it did not read, naming it', () => {
    const { ledger, writes } = orders();
    const snap = ledger.readAll({ fields: ['status'] });
    expect(() => ledger.write(snap as never, [{ row: 2, key: 'paymentStatus', value: 'none' }])).toThrow(/"paymentStatus" is written but was not read/);
    expect(writes).toEqual([]);
  });
});

describe('Snapshot.byRow', () => {
  it('finds each record by its sheet row, nothing for blank or unread rows, and iterates in sheet order as a Map would', () => {
    const { table } = memoryTable([HEADER, ['SO-2026-0001', 'C-0001', 'Quoted', '', '', ''], ['', '', '', '', '', ''], ['SO-2026-0003', 'C-0003', 'Inquiry', '', '', '']]);
    const ledger = new LedgerTable<OrderRecord>(LEDGERS.orders, table, { timeZone: 'Asia/Shanghai', locale: 'en', lang: 'en' });
    const snap = ledger.readAll();
    const map = new Map(snap.records.map((r) => [r._row, r]));
    expect([...snap.byRow.keys()]).toEqual([2, 4]);
    expect([...snap.byRow]).toEqual([...map]);
    expect([...snap.byRow.values()]).toEqual([...map.values()]);
    expect(snap.byRow.size).toBe(2);
    for (const row of [0, 1, 2, 3, 4, 5, -1, 2.5, Number.NaN]) {
      expect({ row, has: snap.byRow.has(row), record: snap.byRow.get(row) }).toEqual({ row, has: map.has(row), record: map.get(row) });
    }
    const seen: number[] = [];
    snap.byRow.forEach((r, k) => seen.push(k, r._row));
    expect(seen).toEqual([2, 2, 4, 4]);
    const rows = ledger.readRows(3, 2, HEADER);
    expect([rows.byRow.has(3), rows.byRow.get(4)?.orderNo, rows.byRow.has(2)]).toEqual([false, 'SO-2026-0003', false]);
  });
});
