// Builders for the ledger tests: sheets as getValues returns them, Dates from another JS realm, issue cell names.
import vm from 'node:vm';
import type { ColumnDef, LedgerDef, LedgerIssue } from '../../src/domain/ledgers/schema-types';
import { toCellValue } from '../../src/domain/ledgers/to-cell-value';
import { startOfLocalDate } from '../../src/domain/time/zone';

export const SHANGHAI = 'Asia/Shanghai';

/** A Date created in another realm (as Apps Script / node:vm hand them over): `instanceof Date` is false for it. */
export function foreignDate(epochMs: number): Date {
  return vm.runInNewContext('new Date(ms)', { ms: epochMs }) as Date;
}

/** A Date cell holding local midnight of `date` in `timeZone`, from another realm. */
export function dateCell(date: string, timeZone = SHANGHAI): Date {
  return foreignDate(startOfLocalDate(date, timeZone));
}

/** What a cell holds after Sheets stored a written value: the apostrophe that forces text is not part of the value. */
export function asStored(v: unknown): unknown {
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
}

/** "H12" for an issue. */
export function cellOf(issue: LedgerIssue): string {
  return `${issue.column}${issue.row}`;
}

export function column(ledger: LedgerDef, key: string): ColumnDef {
  const col = ledger.columns.find((c) => c.key === key);
  if (!col) throw new Error(`no column ${key} in ${ledger.key}`);
  return col;
}

/**
 * A sheet of `ledger` with the given columns (by key, in this order), headers in `lang`, and rows given as
 * records of typed values (written as Gendan would write them, then stored as Sheets stores them).
 */
export function sheetOf(
  ledger: LedgerDef,
  keys: string[],
  records: Record<string, unknown>[],
  opts: { lang?: 'en' | 'zh'; timeZone?: string } = {},
): { header: string[]; rows: unknown[][] } {
  const lang = opts.lang ?? 'en';
  const cols = keys.map((k) => column(ledger, k));
  return {
    header: cols.map((c) => c.header[lang]),
    rows: records.map((rec) => cols.map((c) => asStored(toCellValue(c, rec[c.key], { timeZone: opts.timeZone ?? SHANGHAI, lang })))),
  };
}

/** Every issue names its cell: sheet, a row, an A1 column letter, a header, and both messages mention the column. */
export function expectIssuesNameCells(issues: LedgerIssue[]): void {
  for (const issue of issues) {
    expect(issue.sheet).toBeTruthy();
    expect(issue.row).toBeGreaterThanOrEqual(1);
    expect(issue.column).toMatch(/^[A-Z]+$/);
    expect(issue.header).toBeTruthy();
    expect(issue.message.en).toContain(issue.sheet);
    expect(issue.message.zh).toContain(issue.sheet);
    expect(issue.message.en).toMatch(new RegExp(`row ${issue.row}\\b`));
    expect(issue.message.zh).toContain(`第 ${issue.row} 行`);
    if (!issue.message.en.includes('header row')) {
      expect(issue.message.en).toContain(`column ${issue.column} `);
      expect(issue.message.zh).toContain(` ${issue.column} 列`);
    }
    expect(issue.value.length).toBeLessThanOrEqual(80);
  }
}
