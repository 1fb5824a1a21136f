// Builds the LedgerIssue of one cell: where it is (sheet, row, column letter, header), the value as shown, and what
// is wrong, in English and Chinese: 'Orders row 12, column H (Delivery date): "next week" is not a date (use 2026-03-02)'.
import { ledgerMessage, type LedgerMessageId, type SlotValue } from '../i18n/ledgers';
import { displayCell } from './cell-parsers';
import { columnLetter } from './header-mapping';
import type { LedgerIssue } from './schema-types';

export interface CellIssueInput {
  sheet: string;
  row: number;
  /** 1-based column. */
  col: number;
  header: string;
  key: string;
  /** The cell value as read (shown in the message, truncated). */
  raw: unknown;
  timeZone: string;
  id: LedgerMessageId;
  vars?: Record<string, SlotValue>;
  severity: 'error' | 'warning';
  /** The row is left out of the records until this is fixed: the message says so. */
  rowSkipped?: boolean;
}

export function cellIssue(input: CellIssueInput): LedgerIssue {
  const value = displayCell(input.raw, input.timeZone);
  const column = columnLetter(input.col);
  const detail = ledgerMessage(input.id, { ...input.vars, value });
  const full = input.rowSkipped ? ledgerMessage('issue.rowSkipped', { detail }) : detail;
  return {
    sheet: input.sheet,
    row: input.row,
    column,
    header: input.header,
    key: input.key,
    value,
    severity: input.severity,
    message: ledgerMessage('issue.cell', { sheet: input.sheet, row: input.row, col: column, header: input.header, detail: full }),
  };
}
