// One ledger sheet seen through its schema: read it once (header mapping, typed records, issues), and write back
// only Gendan's columns (auto and shared), only the cells that changed, in as few contiguous blocks as possible.
import type { CellValue, Table } from '../ports';
import type { ColumnDef, LedgerDef, LedgerIssue, RecordField } from '../domain/ledgers/schema-types';
import type { RowRef } from '../domain/ledgers/records';
import { mapHeaders, type HeaderMapping } from '../domain/ledgers/header-mapping';
import { parseLedger, toCellValue } from '../domain/ledgers/parse';
import type { Lang } from '../domain/i18n/i18n';

export interface LedgerContext {
  timeZone: string;
  locale: string;
  lang: Lang;
}

export interface Snapshot<R extends RowRef> {
  ledger: LedgerDef<R>;
  table: Table;
  header: CellValue[];
  mapping: HeaderMapping;
  /** Sheet row of rows[0]. */
  firstRow: number;
  /** Data rows as read; rows[i] is sheet row firstRow + i. */
  rows: CellValue[][];
  records: R[];
  byRow: ReadonlyMap<number, R>;
  issues: LedgerIssue[];
  /** The fields parsed when the read was a column projection (readAll({ fields })); undefined: every field. */
  fields?: ReadonlySet<string>;
}

/** A read of only some columns: the fields an operation reads, and every field it writes (write() compares them). */
export interface ReadOptions<K extends string> {
  fields: readonly K[];
}

export interface Change<R extends RowRef> {
  row: number;
  key: RecordField<R>;
  /** The new typed value (records.ts shape); undefined clears the cell. */
  value: unknown;
}

export interface WriteOptions {
  /** Re-read each block just before writing it and keep any cell someone changed since the snapshot. */
  fresh?: boolean;
  /** Cells ("row,col") never to write: the ones the user has just edited. */
  skip?: ReadonlySet<string>;
  /** The user's own columns the user has explicitly asked Gendan to change (a panel button): written too. */
  userKeys?: readonly string[];
}

export interface WriteReport {
  cells: number;
  blocks: number;
  /** Changes dropped because someone edited the cell after the snapshot. */
  conflicts: number;
}

/**
 * Records by sheet row, over an array indexed by row: a Map of 100,000 rows costs a tenth of a second to fill, and
 * the rows of a snapshot are the consecutive rows it read. Iterates in sheet order, as the records are.
 */
export class RowIndex<R extends RowRef> implements ReadonlyMap<number, R> {
  private readonly slots: (R | undefined)[];

  constructor(
    private readonly records: readonly R[],
    private readonly firstRow: number,
    rows: number,
  ) {
    this.slots = new Array<R | undefined>(rows);
    for (let k = 0; k < records.length; k++) {
      const r = records[k];
      const i = r._row - firstRow;
      if (i >= 0 && i < rows) this.slots[i] = r;
    }
  }

  get size(): number {
    return this.records.length;
  }

  get(row: number): R | undefined {
    const i = row - this.firstRow;
    return i >= 0 && i < this.slots.length ? this.slots[i] : undefined;
  }

  has(row: number): boolean {
    return this.get(row) !== undefined;
  }

  forEach(fn: (value: R, key: number, map: ReadonlyMap<number, R>) => void, thisArg?: unknown): void {
    for (const r of this.records) fn.call(thisArg, r, r._row, this);
  }

  *entries(): MapIterator<[number, R]> {
    for (const r of this.records) yield [r._row, r];
  }

  *keys(): MapIterator<number> {
    for (const r of this.records) yield r._row;
  }

  *values(): MapIterator<R> {
    yield* this.records;
  }

  [Symbol.iterator](): MapIterator<[number, R]> {
    return this.entries();
  }
}

function isBlankValue(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/**
 * Equality of typed record values: dates as strings, numbers to the micro-unit, blank = undefined. Called for every
 * change of a sweep (over a million at 50,000 orders), so it allocates nothing.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const blankA = isBlankValue(a);
  const blankB = isBlankValue(b);
  if (blankA || blankB) return blankA && blankB;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6;
  return String(a) === String(b);
}

function isWritable(col: ColumnDef): boolean {
  return col.owner === 'auto' || col.owner === 'shared';
}

export class LedgerTable<R extends RowRef> {
  private readonly columnsByKey: Map<string, ColumnDef>;
  private readonly writeCtx: { timeZone: string; lang: Lang };

  constructor(
    readonly ledger: LedgerDef<R>,
    readonly table: Table,
    private readonly ctx: LedgerContext,
  ) {
    this.columnsByKey = new Map(ledger.columns.map((c) => [c.key, c as ColumnDef]));
    this.writeCtx = { timeZone: ctx.timeZone, lang: ctx.lang };
  }

  column(key: string): ColumnDef | undefined {
    return this.columnsByKey.get(key);
  }

  private parse(header: CellValue[], rows: CellValue[][], firstRow: number, fields?: readonly string[]): Snapshot<R> {
    const parsed = parseLedger(this.ledger, header, rows, {
      sheetName: this.table.name,
      timeZone: this.ctx.timeZone,
      locale: this.ctx.locale,
      firstRow,
      fields,
    });
    const records = parsed.records as R[];
    const byRow = new RowIndex(records, firstRow, rows.length);
    const snap: Snapshot<R> = { ledger: this.ledger, table: this.table, header, mapping: parsed.mapping, firstRow, rows, records, byRow, issues: parsed.issues };
    if (parsed.fields) snap.fields = new Set(parsed.fields);
    return snap;
  }

  /** Parses rows that are already in memory (e.g. a row as it was before an edit). */
  parseRows(header: CellValue[], rows: CellValue[][], firstRow: number): Snapshot<R> {
    return this.parse(header, rows, firstRow);
  }

  /** The whole ledger in one read; with `fields`, only those columns are parsed (records carry only them). */
  readAll(): Snapshot<R>;
  readAll<K extends RecordField<R>>(opts: ReadOptions<K>): Snapshot<Pick<R, K | '_row'>>;
  readAll(opts?: ReadOptions<string>): Snapshot<R> {
    const all = this.table.readAll();
    const header = all.length ? all[0] : [];
    return this.parse(header, all.slice(1), 2, opts?.fields);
  }

  /** The header mapping alone (one read). */
  readMapping(): { header: CellValue[]; mapping: HeaderMapping } {
    const header = this.table.readHeader();
    return { header, mapping: mapHeaders(this.ledger, header, { sheetName: this.table.name }) };
  }

  /** Rows first…first+count-1 (one read), with a header read beforehand or given. */
  readRows(first: number, count: number, header?: CellValue[]): Snapshot<R> {
    const head = header ?? this.table.readHeader();
    const width = Math.max(1, head.length);
    const rows = count > 0 ? this.table.readBlock(first, 1, count, width) : [];
    return this.parse(head, rows, first);
  }

  /** The typed value a change would write, as a cell value. */
  cellValue(key: string, value: unknown): unknown {
    const col = this.columnsByKey.get(key);
    if (!col || value === undefined || value === null || value === '') return '';
    return toCellValue(col, value, this.writeCtx);
  }

  /**
   * Writes the changes that really change something, into Gendan's columns only, grouped into contiguous column
   * runs (unchanged auto columns may fill a gap; a user column never does) spanning the changed rows. `snap` may be a
   * column projection (readAll({ fields })): only the fields it read can be written.
   */
  write<P extends RowRef & Partial<R> = R>(snap: Snapshot<P>, changes: Change<P>[], opts: WriteOptions = {}): WriteReport {
    const report: WriteReport = { cells: 0, blocks: 0, conflicts: 0 };
    const byCol = new Map<number, Map<number, unknown>>();
    // The column of each key, or 0 when Gendan may not write it (looked up once per key, not once per change).
    const columnOf = new Map<string, number>();
    let lastRow = NaN;
    let rec: Record<string, unknown> | undefined;
    for (const ch of changes) {
      let c = columnOf.get(ch.key);
      if (c === undefined) {
        const col = this.columnsByKey.get(ch.key);
        const mapped = snap.mapping.byKey[ch.key];
        c = col && mapped && (isWritable(col) || opts.userKeys?.includes(ch.key)) ? mapped : 0;
        // The writer compares each change with the snapshot: a field it did not parse would look blank.
        if (c && snap.fields && !snap.fields.has(ch.key)) throw new Error(`${this.table.name}: "${ch.key}" is written but was not read (add it to the fields read)`);
        columnOf.set(ch.key, c);
      }
      if (!c) continue;
      if (opts.skip?.has(`${ch.row},${c}`)) continue;
      if (ch.row !== lastRow) {
        lastRow = ch.row;
        rec = snap.byRow.get(ch.row) as Record<string, unknown> | undefined;
      }
      if (rec && sameValue(rec[ch.key], ch.value)) continue;
      let m = byCol.get(c);
      if (!m) byCol.set(c, (m = new Map()));
      m.set(ch.row, this.cellValue(ch.key, ch.value));
    }
    if (!byCol.size) return report;
    const autoCols = new Set<number>();
    for (const [key, c] of Object.entries(snap.mapping.byKey)) {
      if (this.columnsByKey.get(key)?.owner === 'auto') autoCols.add(c);
    }
    const cols = [...byCol.keys()].sort((a, b) => a - b);
    const runs: number[][] = [];
    for (const c of cols) {
      const run = runs[runs.length - 1];
      if (run) {
        const last = run[run.length - 1];
        let bridge = true;
        for (let k = last + 1; k < c; k++) if (!autoCols.has(k)) bridge = false;
        if (bridge) {
          for (let k = last + 1; k <= c; k++) run.push(k);
          continue;
        }
      }
      runs.push([c]);
    }
    for (const run of runs) {
      let r1 = Infinity;
      let r2 = -Infinity;
      for (const c of run) {
        for (const r of byCol.get(c)?.keys() ?? []) {
          if (r < r1) r1 = r;
          if (r > r2) r2 = r;
        }
      }
      const width = run.length;
      const c1 = run[0];
      const fresh = opts.fresh ? this.table.readBlock(r1, c1, r2 - r1 + 1, width) : null;
      const grid: unknown[][] = [];
      const changesAt = run.map((c) => byCol.get(c));
      for (let r = r1; r <= r2; r++) {
        const snapRow = snap.rows[r - snap.firstRow] ?? [];
        const out: unknown[] = new Array(width);
        for (let j = 0; j < width; j++) {
          const c = c1 + j;
          const before = snapRow[c - 1] ?? '';
          const base = fresh ? fresh[r - r1][j] : before;
          const change = changesAt[j];
          if (change && change.has(r)) {
            if (fresh && !sameCell(base, before)) {
              report.conflicts++;
              out[j] = base;
            } else {
              out[j] = change.get(r);
              report.cells++;
            }
          } else {
            out[j] = base;
          }
        }
        grid.push(out);
      }
      this.table.writeBlock(r1, c1, grid);
      report.blocks++;
    }
    return report;
  }

  /**
   * Appends records below the last row (asks the sheet for its last row right before writing, so rows other
   * people added meanwhile are never overwritten). Only mapped columns are filled; returns the new rows.
   */
  append(mapping: HeaderMapping, records: Partial<Record<RecordField<R>, unknown>>[]): number[] {
    if (!records.length) return [];
    const mapped = [...new Set(Object.values(mapping.byKey))].sort((a, b) => a - b);
    if (!mapped.length) return [];
    const keyAt = new Map<number, string>();
    for (const [key, c] of Object.entries(mapping.byKey)) keyAt.set(c, key);
    // Runs of consecutive ledger columns: the user's own columns are never written, even blank.
    const runs: number[][] = [];
    for (const c of mapped) {
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1] === c - 1) run.push(c);
      else runs.push([c]);
    }
    const first = this.table.lastRow() + 1;
    for (const run of runs) {
      const grid = records.map((rec) => run.map((c) => this.cellValue(keyAt.get(c)!, (rec as Record<string, unknown>)[keyAt.get(c)!])));
      this.table.writeBlock(first, run[0], grid);
    }
    return records.map((_, i) => first + i);
  }
}

function sameCell(a: unknown, b: unknown): boolean {
  const da = Object.prototype.toString.call(a) === '[object Date]';
  const db = Object.prototype.toString.call(b) === '[object Date]';
  if (da || db) return da && db && (a as Date).getTime() === (b as Date).getTime();
  return a === b || ((a === '' || a === undefined || a === null) && (b === '' || b === undefined || b === null));
}
