// The reverse of parsing: what to write into a ledger cell for a record value. Dates become Dates at local
// midnight in the spreadsheet's zone, enums their label in the workbook language, numbers stay numbers, and text is
// protected so that Sheets stores it as typed (no formulas from outside, no lost leading zeros).
import type { Lang } from '../i18n/i18n';
import { isLocalDate, startOfLocalDate } from '../time/zone';
import { isDateValue } from './cell-parsers';
import type { ColumnDef } from './schema-types';

/** What setValues accepts for one cell. */
export type SheetValue = string | number | boolean | Date;

export interface CellWriteContext {
  timeZone: string;
  lang: Lang;
}

/**
 * Text that Sheets would run as a formula (it starts with = + - @, or a tab / carriage return, the CSV-injection
 * set) gets an apostrophe in front, which Sheets hides and which makes it plain text.
 * @example escapeFormulaText('=HYPERLINK("http://evil")') // "'=HYPERLINK(\"http://evil\")"
 */
export function escapeFormulaText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

// Text Sheets would turn into a number, date, time or boolean when written: "007", "2026-03-02", "3/5", "TRUE".
const NUMBER_OR_DATE_LIKE = /^[\d\s.,/:'-]+$/;
const BOOLEAN_LIKE = /^(?:true|false)$/i;

function convertible(text: string): boolean {
  return BOOLEAN_LIKE.test(text) || (NUMBER_OR_DATE_LIKE.test(text) && /\d/.test(text));
}

/**
 * Text as Sheets should store it: formula-escaped, and apostrophe-protected when Sheets would convert it or would
 * swallow its own leading apostrophe ("'" alone would become an empty cell, "'007" would become "007").
 */
export function protectText(text: string): string {
  // A leading apostrophe, and a sign after leading spaces (Sheets trims before it parses: " -x" fails as a formula).
  if (text.startsWith("'") || /^\s+[=+\-@]/.test(text)) return `'${text}`;
  const escaped = escapeFormulaText(text);
  if (escaped !== text) return escaped;
  return convertible(text) ? `'${text}` : text;
}

/**
 * The cell value to write for a record value of a column; undefined/null become "" (an empty cell).
 * @example toCellValue(LEDGERS.orders.columns[3], 'quoted', { timeZone: 'Asia/Shanghai', lang: 'zh' }) // '已报价'
 */
export function toCellValue(column: ColumnDef, value: unknown, ctx: CellWriteContext): SheetValue {
  if (value === undefined || value === null || value === '') return '';
  if (column.raw) {
    if (typeof value === 'string') return protectText(value);
    if (typeof value === 'number' || typeof value === 'boolean' || isDateValue(value)) return value;
    return protectText(String(value));
  }
  switch (column.type) {
    case 'date':
      if (typeof value === 'string' && isLocalDate(value)) return new Date(startOfLocalDate(value, ctx.timeZone));
      break;
    case 'datetime':
      if (typeof value === 'number' && Number.isFinite(value)) return new Date(value);
      break;
    case 'time':
      if (typeof value === 'string') return value;
      break;
    case 'enum': {
      const option = column.options?.find((o) => o.code === value);
      if (option) return option[ctx.lang];
      break;
    }
    case 'number':
    case 'integer':
    case 'money':
    case 'percent':
      if (typeof value === 'number') return Number.isFinite(value) ? value : '';
      break;
    case 'checkbox':
      if (typeof value === 'boolean') return value;
      break;
    default:
      break;
  }
  return protectText(String(value));
}
