// Parses a ledger sheet (header row + data rows, as getValues returns them) into typed records: blank rows are
// skipped, a bad cell is reported and only its field left out, rows missing a required field are reported and left
// out, and everything else goes on. Cell readers convert each value; the zod record schema's checks that readers
// cannot guarantee (presence, emails, URLs, integers, ranges) validate each row.
import type { LedgerMessageId, SlotValue } from '../i18n/ledgers';
import type { LocalDate } from '../time/zone';
import { CellError, isBlankCell, isFormulaError, readCell, type CellContext } from './cell-parsers';
import { mapHeaders, type HeaderMapping } from './header-mapping';
import { cellIssue } from './issues';
import type { RowRef } from './records';
import { rowValidator } from './record-schema';
import type { ColumnDef, LedgerDef, LedgerIssue } from './schema-types';

export { escapeFormulaText, toCellValue, type CellWriteContext, type SheetValue } from './to-cell-value';

export interface ParseContext {
  /** The sheet's actual name, for messages. */
  sheetName: string;
  /** The spreadsheet's IANA time zone: Date cells are read as calendar dates there. */
  timeZone: string;
  /** The spreadsheet's locale ("en_US" reads 3/2/2026 as March 2; others as 3 February). */
  locale: string;
  /** Sheet row of the first data row (default 2: row 1 is the header). */
  firstRow?: number;
  /**
   * A column projection: only these fields are read (the required fields and the ID are always read too), records
   * carry `_row` and those fields alone, and issues name only their cells. Blank rows are still told by every column
   * people type in, and a row is only ever rejected for a required field, so a projection keeps exactly the rows a
   * full parse keeps. Omitted: every column.
   */
  fields?: readonly string[];
}

export interface ParseResult<R> {
  /** One per row with content, in sheet order; every field of the ledger (of the projection) is present, undefined when blank. */
  records: R[];
  issues: LedgerIssue[];
  mapping: HeaderMapping;
  /** Sheet rows with content that are not in `records` (a required field is missing or unreadable). */
  rejectedRows: number[];
  /** With a projection: the fields read (those asked for, the required ones and the ID). */
  fields?: string[];
}

interface PlanEntry {
  key: string;
  col: ColumnDef;
  index: number;
  header: string;
  auto: boolean;
}

function formatBound(col: ColumnDef, n: number): string {
  return col.type === 'percent' ? `${Math.round(n * 1000) / 10}%` : String(n);
}

/** The message for a value the record schema refused (it was read, but is not valid for the column). */
function invalidMessage(col: ColumnDef, value: unknown): { id: LedgerMessageId; vars?: Record<string, SlotValue> } {
  switch (col.type) {
    case 'email':
      return { id: !col.multiple && typeof value === 'string' && value.includes(',') ? 'cell.notOneEmail' : 'cell.notEmail' };
    case 'url':
      return { id: 'cell.notUrl' };
    case 'date':
      return { id: 'cell.notDate' };
    case 'time':
      return { id: 'cell.notTime' };
    case 'text':
      if (col.kind === 'currency') return { id: 'cell.notCurrency' };
      if (col.kind === 'language') return { id: 'cell.notLanguage' };
      if (col.kind === 'fraction') return { id: 'cell.notFraction' };
      return { id: 'cell.invalid' };
    case 'integer':
    case 'number':
    case 'money':
    case 'percent':
    case 'datetime': {
      if (col.type === 'integer' && !Number.isInteger(value)) return { id: 'cell.notInteger' };
      const min = col.min !== undefined ? formatBound(col, col.min) : undefined;
      const max = col.max !== undefined ? formatBound(col, col.max) : undefined;
      if (min !== undefined && max !== undefined) return { id: 'cell.outOfRange', vars: { min, max } };
      if (min !== undefined) return { id: 'cell.belowMin', vars: { min } };
      if (max !== undefined) return { id: 'cell.aboveMax', vars: { max } };
      return { id: 'cell.invalid' };
    }
    default:
      return { id: 'cell.invalid' };
  }
}

/**
 * The object every record starts as: `_row` and every field of the ledger, undefined. V8 turns an object into a slow
 * hash table once a dozen properties are added by computed keys, so records are copies of one object literal made
 * by JSON.parse (one hidden class, fast properties): filling them is several times faster on 50,000 rows. Fields of
 * blank or missing cells stay present with the value undefined.
 */
function recordShape(fields: readonly string[]): Record<string, unknown> {
  const keys = ['_row', ...fields];
  const shape = JSON.parse(`{${keys.map((k) => `${JSON.stringify(k)}:0`).join(',')}}`) as Record<string, unknown>;
  for (const k of keys) shape[k] = undefined;
  return shape;
}

/** Sorts issues[from…] (one row's) left to right, so that they read in the order of the sheet. */
function sortByColumn(issues: LedgerIssue[], from: number): void {
  const tail = issues.splice(from).sort((a, b) => a.column.length - b.column.length || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
  issues.push(...tail);
}

/**
 * Parses the data rows of a ledger sheet.
 * @example parseLedger(LEDGERS.orders, values[0], values.slice(1), { sheetName: 'Orders', timeZone: 'Asia/Shanghai', locale: 'en_US' })
 */
export function parseLedger<R extends RowRef>(
  ledger: LedgerDef<R>,
  headerRow: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  ctx: ParseContext,
): ParseResult<R> {
  const firstRow = ctx.firstRow ?? 2;
  const sheet = ctx.sheetName;
  const timeZone = ctx.timeZone;
  const mapping = mapHeaders(ledger, headerRow, { sheetName: sheet, headerRow: firstRow - 1 });
  const issues: LedgerIssue[] = [...mapping.issues];
  const records: R[] = [];
  const rejectedRows: number[] = [];
  const cellCtx: CellContext = { timeZone, locale: ctx.locale, dateMemo: new Map<number, LocalDate>() };
  const validate = rowValidator(ledger);

  const projection = ctx.fields ? new Set(ctx.fields) : undefined;
  const parsedCol = (col: ColumnDef): boolean => !projection || projection.has(col.key) || col.required === true || col.key === ledger.idColumn;
  const fullPlan: PlanEntry[] = [];
  const plan: PlanEntry[] = [];
  const planByKey = new Map<string, PlanEntry>();
  for (const col of ledger.columns) {
    const c = mapping.byKey[col.key];
    if (c === undefined) continue;
    const entry = { key: col.key, col, index: c - 1, header: String(headerRow[c - 1]).trim(), auto: col.owner === 'auto' };
    fullPlan.push(entry);
    if (!parsedCol(col)) continue;
    plan.push(entry);
    planByKey.set(col.key, entry);
  }
  // A row counts as blank when every cell people type in is blank (left-over auto values do not make a row); in a
  // ledger written by Gendan alone (the reminder log) every column counts. Projected or not, every column counts.
  const userPlan = fullPlan.filter((p) => !p.auto);
  const typed = userPlan.length || ledger.columns.some((c) => c.owner !== 'auto') ? userPlan : fullPlan;
  const idKey = ledger.idAutoIfBlank ? ledger.idColumn : undefined;
  const fields = ledger.columns.filter(parsedCol).map((c) => c.key);
  const shape = recordShape(fields);

  // Per-row state, hoisted so that the loop allocates nothing but the record itself.
  let rowNo = 0;
  const reported = new Set<string>();
  let reject: boolean;
  const report = (p: PlanEntry, raw: unknown, id: LedgerMessageId, vars: Record<string, SlotValue> | undefined, severity: 'error' | 'warning') => {
    const required = p.col.required === true;
    const first = !reported.has(p.key);
    issues.push(
      cellIssue({ sheet, row: rowNo, col: p.index + 1, header: p.header, key: p.key, raw, timeZone, id, vars, severity: required ? 'error' : severity, rowSkipped: required && first }),
    );
    reported.add(p.key);
    if (required) reject = true;
  };

  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells) continue;
    let blank = true;
    for (let i = 0; i < typed.length; i++) {
      if (!isBlankCell(cells[typed[i].index])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;

    rowNo = firstRow + r;
    const firstIssue = issues.length;
    if (reported.size) reported.clear();
    reject = false;
    const record: Record<string, unknown> = { ...shape };
    record._row = rowNo;

    for (let i = 0; i < plan.length; i++) {
      const p = plan[i];
      const raw = cells[p.index];
      if (isBlankCell(raw)) continue;
      if (typeof raw === 'string') {
        if (isFormulaError(raw)) {
          report(p, raw, 'cell.formulaError', undefined, p.auto ? 'warning' : 'error');
          continue;
        }
        if (p.auto && raw.charCodeAt(0) === 61 /* "=" */) {
          report(p, raw, 'cell.formulaText', undefined, 'warning');
          continue;
        }
      }
      const value = readCell(p.col, raw, cellCtx);
      if (value instanceof CellError) {
        report(p, raw, value.id, value.vars, p.auto ? 'warning' : 'error');
        continue;
      }
      const max = p.col.maxLength;
      if (max !== undefined && typeof value === 'string' && value.length > max) {
        issues.push(
          cellIssue({ sheet, row: rowNo, col: p.index + 1, header: p.header, key: p.key, raw, timeZone, id: 'cell.tooLong', vars: { length: value.length, max }, severity: 'warning' }),
        );
      }
      record[p.key] = value;
    }
    if (idKey !== undefined && record[idKey] === undefined && !reported.has(idKey)) record[idKey] = '';

    const refused = validate(record);
    if (refused === undefined && !reject) {
      if (issues.length - firstIssue > 1) sortByColumn(issues, firstIssue);
      records.push(record as R);
      continue;
    }
    for (const key of refused ?? []) {
      const p = planByKey.get(key);
      const value = record[key];
      if (value === undefined) {
        // A required field with no value: reported here unless its cell was already reported, or the whole
        // column is missing (reported once, at the header row).
        reject = true;
        if (p && !reported.has(key)) report(p, '', 'cell.required', undefined, 'error');
        continue;
      }
      record[key] = undefined;
      if (!p) continue;
      const { id, vars } = invalidMessage(p.col, value);
      report(p, cells[p.index], id, vars, p.auto ? 'warning' : 'error');
    }
    if (issues.length - firstIssue > 1) sortByColumn(issues, firstIssue);
    if (reject) rejectedRows.push(rowNo);
    else records.push(record as R);
  }
  return projection ? { records, issues, mapping, rejectedRows, fields } : { records, issues, mapping, rejectedRows };
}
