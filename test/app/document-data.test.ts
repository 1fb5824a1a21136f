// The document batch's partial reading finds exactly what a parse of the whole ledgers finds: the first order of a
// number that a parse keeps, every line of it wherever it is, its customer by ID or name, its products by code in
// any case — reading only the header, the number columns and a block of the rows it needs.
import { LedgerTable } from '../../src/app/ledger-table';
import { DocumentData } from '../../src/app/documents/document-data';
import { LEDGERS } from '../../src/domain/ledgers/index';
import type { CellValue, Table } from '../../src/ports';

/** A sheet in memory with the reads a ledger uses, counting them. */
function sheet(name: string, rows: CellValue[][]): Table & { reads: string[] } {
  const reads: string[] = [];
  const t = {
    name,
    sheetId: name.length,
    reads,
    readAll: () => (reads.push('all'), rows.map((r) => r.slice())),
    readHeader: () => (reads.push('header'), rows[0].slice()),
    lastRow: () => (reads.push('lastRow'), rows.length),
    readBlock: (row: number, col: number, numRows: number, numCols: number) => {
      reads.push(`block ${row}+${numRows} × ${col}+${numCols}`);
      return rows.slice(row - 1, row - 1 + numRows).map((r) => Array.from({ length: numCols }, (_v, i) => r[col - 1 + i] ?? ''));
    },
  };
  return t as unknown as Table & { reads: string[] };
}

const ctx = { timeZone: 'Asia/Shanghai', locale: 'en_US', lang: 'en' as const };

function workbook() {
  const orders = sheet('Orders', [
    ['Order no.', 'Customer', 'Contract no.', 'Currency'],
    ['SO-1', 'C-1', 'SC-2026-0004', 'USD'],
    ['SO-2', '', 'SC-2026-0009', 'USD'], // no customer: a parse leaves it out
    [' SO-2 ', 'Acme Ltd', '', 'EUR'], // the first SO-2 a parse keeps
    ['SO-3', 'acme ltd', 'SC-2025-0100', ''],
    ['SO-2', 'C-1', '', 'USD'],
  ]);
  const lines = sheet('Order lines', [
    ['Order no.', 'Line', 'Product code', 'Quantity'],
    ['SO-2', 2, 'p-9', 5],
    ['SO-1', 1, 'P-1', 1],
    ['', '', '', ''],
    [' SO-2', 1, 'P-1', 3],
    ['SO-3', 1, 'P-2', 7],
  ]);
  const customers = sheet('Customers', [
    ['Customer ID', 'Customer name', 'Country'],
    ['C-1', 'Pacific Home', 'US'],
    ['C-2', 'Acme Ltd', 'DE'],
  ]);
  const products = sheet('Products', [
    ['Product code', 'Name', 'Unit price'],
    ['P-1', 'Handle', 2.5],
    ['P-9', 'Knob', 1],
    ['P-2', 'Hinge', 3],
  ]);
  const tables = {
    orders: new LedgerTable(LEDGERS.orders, orders, ctx),
    lines: new LedgerTable(LEDGERS.orderLines, lines, ctx),
    customers: new LedgerTable(LEDGERS.customers, customers, ctx),
    products: new LedgerTable(LEDGERS.products, products, ctx),
  };
  return { sheets: { orders, lines, customers, products }, tables, data: DocumentData.open(tables, ctx) };
}

describe('the ledgers of a document batch', () => {
  it('finds what a parse of the whole ledgers finds', () => {
    const { tables, data } = workbook();
    data.prepare(['SO-2', 'SO-3']);
    const all = tables.orders.readAll().records;
    const firstKept = (no: string) => all.find((o) => o.orderNo.trim() === no);
    for (const no of ['SO-1', 'SO-2', 'SO-3']) expect(data.order(no)).toEqual(firstKept(no));
    expect(data.order('SO-2')?._row).toBe(4);
    expect(data.order('SO-9')).toBeUndefined();
    const lines = tables.lines.readAll().records;
    expect(data.linesOf('SO-2')).toEqual(lines.filter((l) => l.orderNo.trim() === 'SO-2'));
    expect(data.lineCount('SO-2')).toBe(2);
    expect(data.customer('acme LTD')?.customerId).toBe('C-2');
    expect(data.customer('C-1')?.name).toBe('Pacific Home');
    expect(data.productsFor(['SO-2']).map((p) => p.code)).toEqual(['P-1', 'P-9']);
  });

  it('reads Orders and Order lines only as far as it needs', () => {
    const { sheets, data } = workbook();
    data.prepare(['SO-3']);
    expect(sheets.orders.reads).toEqual(['header', 'lastRow', 'block 2+5 × 1+1', 'block 5+1 × 1+4']);
    expect(sheets.lines.reads).toEqual(['header', 'lastRow', 'block 2+5 × 1+1', 'block 6+1 × 1+4']);
    data.order('SO-3');
    data.linesOf('SO-3');
    expect(sheets.orders.reads).toHaveLength(4);
    expect(sheets.lines.reads).toHaveLength(4);
  });

  it('gives every number of the column, from rows a parse keeps or not', () => {
    const { data } = workbook();
    expect(data.numbers('contractNo')).toEqual(['SC-2026-0004', 'SC-2026-0009', 'SC-2025-0100']);
  });
});
