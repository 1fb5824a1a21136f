// Finds a ledger's columns by header text in English or Chinese (or an alias), wherever the user moved them; reports
// the user's own columns (never touched), missing and duplicated columns. Positions never matter, text does.
import { ledgerMessage } from '../i18n/ledgers';
import { toHalfWidth } from './half-width';
import type { ColumnDef, LedgerDef, LedgerIssue } from './schema-types';

export interface HeaderMapping {
  /** Record field → 1-based column of the first header cell that names it. */
  byKey: Record<string, number>;
  /** Non-blank header cells that name no column of the ledger. */
  userColumns: { col: number; header: string }[];
  /** Required fields without a column. */
  missingRequired: string[];
  /** Every field without a column (required or not). */
  missing: string[];
  /** Fields named by more than one header cell; `cols` lists all of them, the first is the one used. */
  duplicates: { key: string; cols: number[] }[];
  issues: LedgerIssue[];
}

export interface HeaderContext {
  /** The sheet's actual name, for messages (default: the ledger's English sheet name). */
  sheetName?: string;
  /** The header's sheet row (default 1). */
  headerRow?: number;
}

const AUTO_MARK = /[([](?:auto|自动|自動)[)\]]/g;
const WHITESPACE = /\s+/g;
const EDGE_MARKS = /^\*+|[*:]+$/g;

/**
 * The comparable form of a header: case, whitespace, full-width forms, dots, leading/trailing "*", trailing ":"
 * and "(auto)" / "（自动）" marks are ignored.
 * @example normalizeHeader('  Order No.：（自动）') // 'orderno'
 */
export function normalizeHeader(text: unknown): string {
  if (text === null || text === undefined) return '';
  return toHalfWidth(String(text)).toLowerCase().replace(WHITESPACE, '').replace(AUTO_MARK, '').replace(/\./g, '').replace(EDGE_MARKS, '');
}

/**
 * A1 letters of a 1-based column number.
 * @example columnLetter(28) // 'AB'
 */
export function columnLetter(col: number): string {
  let n = Math.floor(col);
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const lookups = new WeakMap<object, Map<string, ColumnDef>>();

/** Normalised header text → column, for every header, alias and field name of a ledger. */
export function headerLookup(ledger: LedgerDef): Map<string, ColumnDef> {
  let map = lookups.get(ledger);
  if (!map) {
    map = new Map();
    for (const col of ledger.columns) {
      for (const text of [col.key, col.header.en, col.header.zh, ...col.aliases]) {
        const k = normalizeHeader(text);
        if (k && !map.has(k)) map.set(k, col);
      }
    }
    lookups.set(ledger, map);
  }
  return map;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const PART_EDGES = /^[/|,;:()[\]\-_]+|[/|,;:()[\]\-_]+$/g;

/** Splits a bilingual header ("Customer name 客户名称", "订单号 / Order no.") into its language runs. */
function headerParts(normalized: string): string[] {
  const parts: string[] = [];
  let current = '';
  let currentCjk: boolean | null = null;
  for (const ch of normalized) {
    const cjk = CJK.test(ch);
    if (currentCjk !== null && cjk !== currentCjk && current) {
      parts.push(current);
      current = '';
    }
    current += ch;
    currentCjk = cjk;
  }
  if (current) parts.push(current);
  return parts.map((p) => p.replace(PART_EDGES, '')).filter(Boolean);
}

/**
 * The column a header text names: the whole text, else (a bilingual header) every language run names the same
 * column. A run that names nothing makes the header a user column: "Customer 评级" is not Customer.
 */
export function columnForHeader(ledger: LedgerDef, text: unknown): ColumnDef | undefined {
  const normalized = normalizeHeader(text);
  if (!normalized) return undefined;
  const lookup = headerLookup(ledger);
  const whole = lookup.get(normalized);
  if (whole) return whole;
  const parts = headerParts(normalized);
  if (parts.length < 2) return undefined;
  let found: ColumnDef | undefined;
  for (const part of parts) {
    const col = lookup.get(part);
    if (!col || (found && found !== col)) return undefined;
    found = col;
  }
  return found;
}

function headerText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/** Maps a header row (as read from the sheet) to the ledger's columns. */
export function mapHeaders(ledger: LedgerDef, headerRow: readonly unknown[], ctx: HeaderContext = {}): HeaderMapping {
  const sheet = ctx.sheetName ?? ledger.sheet.en;
  const row = ctx.headerRow ?? 1;
  const byKey: Record<string, number> = {};
  const userColumns: { col: number; header: string }[] = [];
  const seen = new Map<string, number[]>();
  const issues: LedgerIssue[] = [];
  let lastCol = 0;
  for (let i = 0; i < headerRow.length; i++) {
    const text = headerText(headerRow[i]);
    if (!text) continue; // blank, or the tail of a merged header cell
    const col = i + 1;
    lastCol = col;
    const def = columnForHeader(ledger, text);
    if (!def) {
      userColumns.push({ col, header: text });
      continue;
    }
    const cols = seen.get(def.key);
    if (cols) {
      cols.push(col);
      const first = columnLetter(cols[0]);
      issues.push({
        sheet,
        row,
        column: columnLetter(col),
        header: text,
        key: def.key,
        value: text,
        severity: 'warning',
        message: ledgerMessage('issue.cell', {
          sheet,
          row,
          col: columnLetter(col),
          header: text,
          detail: ledgerMessage('header.duplicate', { header: text, first }),
        }),
      });
    } else {
      seen.set(def.key, [col]);
      byKey[def.key] = col;
    }
  }
  const duplicates = [...seen.entries()].filter(([, cols]) => cols.length > 1).map(([key, cols]) => ({ key, cols }));
  const missing = ledger.columns.filter((c) => byKey[c.key] === undefined);
  const missingRequired = missing.filter((c) => c.required);
  missingRequired.forEach((c, n) => {
    const cell = `${columnLetter(lastCol + 1 + n)}${row}`;
    issues.push({
      sheet,
      row,
      column: columnLetter(lastCol + 1 + n),
      header: c.header.en,
      key: c.key,
      value: '',
      severity: 'error',
      message: ledgerMessage('issue.headerRow', {
        sheet,
        row,
        detail: ledgerMessage('header.missingRequired', { header: c.header, cell }),
      }),
    });
  });
  return {
    byKey,
    userColumns,
    missingRequired: missingRequired.map((c) => c.key),
    missing: missing.map((c) => c.key),
    duplicates,
    issues,
  };
}
