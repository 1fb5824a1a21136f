// The ledgers a document batch works from, read no further than it needs. Orders and Order lines are the big ones
// (50,000 orders and 200,000 lines are 5 million cells): of them, the header, the columns that find things (the
// order numbers; on Orders also the column of the documents' numbers, which a new number must not repeat) and then
// one block spanning the rows of the selected orders and of their lines are read, and only those rows are parsed.
// Customers and Products are read whole but parsed whole only for the rows the orders name. Rows are found by the
// value a full parse would give their cell, and a candidate row counts only if a full parse keeps it, so orders,
// lines and customers are exactly the ones a parse of the whole ledgers finds.
import type { CellValue } from '../../ports';
import type { LedgerTable, Snapshot } from '../ledger-table';
import type { CustomerRecord, OrderLineRecord, OrderRecord, ProductRecord, RowRef } from '../../domain/ledgers/records';
import type { ColumnDef } from '../../domain/ledgers/schema-types';
import type { DocNumberField } from '../../domain/documents/doc-types';
import { mapHeaders, type HeaderMapping } from '../../domain/ledgers/header-mapping';
import { CellError, isBlankCell, readCell, type CellContext } from '../../domain/ledgers/cell-parsers';
import type { LocalDate } from '../../domain/time/zone';
import { CustomerIndex } from '../../domain/orders/customer-aggregates';

type CustomerIndexRecord = Pick<CustomerRecord, '_row' | 'customerId' | 'name'>;
type ProductIndexRecord = Pick<ProductRecord, '_row' | 'code'>;

function keyOf(no: string | undefined): string {
  return (no ?? '').trim();
}

/** The lowest and highest of some sheet rows (a selection of a whole column has 50,000: no spreading). */
function bounds(rows: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  return [lo, hi];
}

/**
 * One big ledger read in parts: its header, single columns (from row 2 to the last row) and blocks of whole rows,
 * each read at most once; whole rows are parsed on demand, one pass per request.
 */
class PartialLedger<R extends RowRef> {
  readonly mapping: HeaderMapping;
  private readonly rows = new Map<number, CellValue[]>();
  private readonly parsed = new Map<number, R | null>();
  private readonly columns = new Map<string, CellValue[]>();

  constructor(
    readonly ledger: LedgerTable<R>,
    readonly header: CellValue[],
    private readonly last: number,
    private readonly cell: CellContext,
  ) {
    this.mapping = mapHeaders(ledger.ledger, header, { sheetName: ledger.table.name });
  }

  /** Header, mapping and last row: two reads. */
  static open<R extends RowRef>(ledger: LedgerTable<R>, cell: CellContext): PartialLedger<R> {
    const header = ledger.table.readHeader();
    const last = header.length ? ledger.table.lastRow() : 1;
    return new PartialLedger(ledger, header, last, cell);
  }

  /** The column of `key` from row 2 to the last row, as read (one read, then kept); null when the sheet lacks it. */
  private column(key: string): { raw: CellValue[]; def: ColumnDef } | null {
    const col = this.mapping.byKey[key];
    const def = this.ledger.column(key);
    if (col === undefined || !def || this.last < 2) return null;
    let raw = this.columns.get(key);
    if (!raw) {
      raw = this.ledger.table.readBlock(2, col, this.last - 1, 1).map((r) => r[0]);
      this.columns.set(key, raw);
    }
    return { raw, def };
  }

  /** A cell's value as a full parse reads it, as text ('' when blank or unreadable). */
  private text(def: ColumnDef, v: CellValue): string {
    if (isBlankCell(v)) return '';
    // A plain text column reads a string as the string trimmed (readText): the common case, without the dispatch.
    if (typeof v === 'string' && def.type === 'text' && !def.kind && !def.raw) return v.trim();
    const value = readCell(def, v, this.cell);
    return value instanceof CellError ? '' : String(value ?? '');
  }

  /** Every data row's value in the column of `key`, as a full parse reads it, without the blank ones. */
  values(key: string): string[] {
    const c = this.column(key);
    const out: string[] = [];
    if (!c) return out;
    for (const v of c.raw) {
      const t = this.text(c.def, v);
      if (t !== '') out.push(t);
    }
    return out;
  }

  /** The sheet rows whose value in the column of `key` (trimmed) is one of `wanted`, per value, in sheet order. */
  rowsWith(key: string, wanted: ReadonlySet<string>): Map<string, number[]> {
    const out = new Map<string, number[]>();
    for (const w of wanted) out.set(w, []);
    const c = this.column(key);
    if (!c || !wanted.size) return out;
    for (let i = 0; i < c.raw.length; i++) {
      const k = keyOf(this.text(c.def, c.raw[i]));
      if (k) out.get(k)?.push(i + 2);
    }
    return out;
  }

  /** The records of these sheet rows that a full parse keeps, in the order asked; missing rows cost one block read. */
  records(sheetRows: readonly number[]): R[] {
    const want = sheetRows.filter((r) => r >= 2 && r <= this.last && !this.parsed.has(r));
    if (want.length) {
      const [lo, hi] = bounds(want);
      const unread = want.filter((r) => !this.rows.has(r));
      if (unread.length && this.header.length) {
        const [from, to] = bounds(unread);
        this.ledger.table.readBlock(from, 1, to - from + 1, this.header.length).forEach((cells, i) => this.rows.set(from + i, cells));
      }
      const span = new Array<CellValue[]>(hi - lo + 1);
      for (const r of want) {
        const cells = this.rows.get(r);
        if (cells) span[r - lo] = cells;
        this.parsed.set(r, null);
      }
      for (const rec of this.ledger.parseRows(this.header, span, lo).records) this.parsed.set(rec._row, rec);
    }
    return sheetRows.map((r) => this.parsed.get(r)).filter((r): r is R => !!r);
  }
}

/** A small ledger read whole, parsed for the columns that find its rows, and whole only for the rows used. */
class IndexedLedger<R extends RowRef, I extends RowRef> {
  private readonly parsed = new Map<number, R | null>();
  constructor(
    private readonly ledger: LedgerTable<R>,
    readonly index: Snapshot<I>,
  ) {}

  records(sheetRows: readonly number[]): R[] {
    const want = sheetRows.filter((r) => !this.parsed.has(r));
    if (want.length) {
      const [lo, hi] = bounds(want);
      const span = new Array<CellValue[]>(hi - lo + 1);
      for (const r of want) {
        const cells = this.index.rows[r - this.index.firstRow];
        if (cells) span[r - lo] = cells;
        this.parsed.set(r, null);
      }
      for (const rec of this.ledger.parseRows(this.index.header, span, lo).records) this.parsed.set(rec._row, rec);
    }
    return sheetRows.map((r) => this.parsed.get(r)).filter((r): r is R => !!r);
  }
}

export interface DocumentLedgerTables {
  orders: LedgerTable<OrderRecord>;
  lines: LedgerTable<OrderLineRecord> | null;
  customers: LedgerTable<CustomerRecord> | null;
  products: LedgerTable<ProductRecord> | null;
}

export class DocumentData {
  readonly orders: PartialLedger<OrderRecord>;
  private readonly lines: PartialLedger<OrderLineRecord> | null;
  private readonly customers: IndexedLedger<CustomerRecord, CustomerIndexRecord> | null;
  private readonly products: IndexedLedger<ProductRecord, ProductIndexRecord> | null;
  /** Sheet rows of the order numbers looked for so far, on Orders and on Order lines. */
  private readonly orderRowsByNo = new Map<string, number[]>();
  private readonly lineRowsByNo = new Map<string, number[]>();
  private readonly customerIndex: CustomerIndex<CustomerIndexRecord>;
  private readonly productRows: ProductIndexRecord[];

  /**
   * Opens the ledgers: the Orders and Order lines headers (and last rows), Customers and Products whole (parsed for
   * their IDs, names and codes). A missing Order lines, Customers or Products sheet reads as empty.
   */
  static open(tables: DocumentLedgerTables, ctx: { timeZone: string; locale: string }): DocumentData {
    const cell: CellContext = { timeZone: ctx.timeZone, locale: ctx.locale, dateMemo: new Map<number, LocalDate>() };
    const orders = PartialLedger.open(tables.orders, cell);
    const lines = tables.lines ? PartialLedger.open(tables.lines, cell) : null;
    const customers = tables.customers ? new IndexedLedger(tables.customers, tables.customers.readAll({ fields: ['customerId', 'name'] })) : null;
    const products = tables.products ? new IndexedLedger(tables.products, tables.products.readAll({ fields: ['code'] })) : null;
    return new DocumentData(orders, lines, customers, products);
  }

  private constructor(
    orders: PartialLedger<OrderRecord>,
    lines: PartialLedger<OrderLineRecord> | null,
    customers: IndexedLedger<CustomerRecord, CustomerIndexRecord> | null,
    products: IndexedLedger<ProductRecord, ProductIndexRecord> | null,
  ) {
    this.orders = orders;
    this.lines = lines;
    this.customers = customers;
    this.products = products;
    this.customerIndex = new CustomerIndex(customers?.index.records ?? []);
    this.productRows = products?.index.records ?? [];
  }

  get ordersHeader(): CellValue[] {
    return this.orders.header;
  }

  get ordersMapping(): HeaderMapping {
    return this.orders.mapping;
  }

  /** Whole Orders records of these sheet rows (a selection). */
  ordersAt(rows: readonly number[]): OrderRecord[] {
    return this.orders.records(rows);
  }

  /** Whole Order lines records of these sheet rows (a selection); none without the sheet. */
  linesAt(rows: readonly number[]): OrderLineRecord[] {
    return this.lines?.records(rows) ?? [];
  }

  /** Finds the rows of these order numbers not looked for yet: one pass over each number column. */
  private index(orderNos: readonly string[]): void {
    const wanted = new Set(orderNos.map(keyOf).filter((no) => no && !this.orderRowsByNo.has(no)));
    if (!wanted.size) return;
    for (const [no, rows] of this.orders.rowsWith('orderNo', wanted)) this.orderRowsByNo.set(no, rows);
    const lines = this.lines?.rowsWith('orderNo', wanted);
    for (const no of wanted) this.lineRowsByNo.set(no, lines?.get(no) ?? []);
  }

  private orderRows(orderNo: string): number[] {
    this.index([orderNo]);
    return this.orderRowsByNo.get(keyOf(orderNo)) ?? [];
  }

  private lineRows(orderNo: string): number[] {
    this.index([orderNo]);
    return this.lineRowsByNo.get(keyOf(orderNo)) ?? [];
  }

  /** Reads and parses the orders of these numbers whole, with their lines, customers and products (a block each). */
  prepare(orderNos: readonly string[]): void {
    this.index(orderNos);
    const orders = this.orders.records(orderNos.map((no) => this.orderRows(no)[0]).filter((r): r is number => r !== undefined));
    this.lines?.records(orderNos.flatMap((no) => this.lineRows(no)));
    this.customers?.records(orders.map((o) => this.customerIndex.find(o.customer)?._row).filter((r): r is number => r !== undefined));
    this.products?.records(this.productRowsFor(orderNos));
  }

  /** The first order numbered `orderNo` (trimmed) that a full parse keeps; undefined when there is none. */
  order(orderNo: string): OrderRecord | undefined {
    for (const row of this.orderRows(orderNo)) {
      const rec = this.orders.records([row])[0];
      if (rec) return rec;
    }
    return undefined;
  }

  /** How many lines the order has (counted without reading them). */
  lineCount(orderNo: string): number {
    return this.lineRows(orderNo).length;
  }

  /** The order's lines, in sheet order. */
  linesOf(orderNo: string): OrderLineRecord[] {
    return this.lines?.records(this.lineRows(orderNo)) ?? [];
  }

  /** The customer an order names (by Customer ID or name), as a full record. */
  customer(ref: string | undefined): CustomerRecord | undefined {
    const hit = this.customerIndex.find(ref);
    return hit ? this.customers?.records([hit._row])[0] : undefined;
  }

  /**
   * The products the lines of these orders can name: every product whose code matches a line's code when case is
   * ignored (which includes the exact matches), in sheet order — a lookup over them finds what it finds over all.
   */
  productsFor(orderNos: readonly string[]): ProductRecord[] {
    return this.products?.records(this.productRowsFor(orderNos)) ?? [];
  }

  private productRowsFor(orderNos: readonly string[]): number[] {
    const codes = new Set<string>();
    for (const no of orderNos) {
      for (const l of this.linesOf(no)) {
        const code = String(l.productCode ?? '').trim();
        if (code) codes.add(code.toUpperCase());
      }
    }
    if (!codes.size) return [];
    return this.productRows.filter((p) => codes.has(String(p.code ?? '').trim().toUpperCase())).map((p) => p._row);
  }

  /**
   * Every value of a document number column, as shown in the sheet (rows a parse would skip included: a number
   * that is anywhere in the column is never given again).
   */
  numbers(field: DocNumberField): string[] {
    return this.orders.values(field);
  }
}
