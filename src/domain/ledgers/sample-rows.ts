// Turns the language-neutral sample data (sheets-template/sample-data.json: enum codes, ISO dates, numbers) into the
// header and rows of a ledger sheet in a header language, ready for setValues; dates can be moved so that the
// demo's "today" becomes any day.
import type { Lang } from '../i18n/i18n';
import { settingsRows, type Settings } from '../settings';
import { daysBetween, addDaysToLocalDate, isLocalDate, type LocalDate } from '../time/zone';
import { LEDGERS } from './index';
import type { LedgerKey } from './schema-types';
import { toCellValue, type SheetValue } from './to-cell-value';

/** The shape of sample-data.json. */
export type SampleData = {
  /** The day the sample's dates are written against ("2026-03-02"). */
  today: LocalDate;
  /** The spreadsheet time zone the sample assumes. */
  timeZone: string;
  /** Settings values (by key) that replace defaults: the demo company. */
  settings?: Record<string, unknown>;
} & { [K in Exclude<LedgerKey, 'settings'>]?: readonly Record<string, unknown>[] };

export interface SampleOptions {
  /** Moves every date and instant by the days between the sample's today and this day. */
  today?: LocalDate;
  /** Spreadsheet time zone for the Date cells (default: the sample's). */
  timeZone?: string;
}

const DAY = 86_400_000;

/**
 * Header and rows of a ledger filled with the sample data, headers and enum labels in `lang`.
 * @example sampleRows('orders', 'zh', sample).header[0] // '订单编号'
 */
export function sampleRows(ledgerKey: LedgerKey, lang: Lang, sampleData: SampleData, options: SampleOptions = {}): { header: string[]; rows: SheetValue[][] } {
  if (ledgerKey === 'settings') {
    const [header, ...rows] = settingsRows(lang, (sampleData.settings ?? {}) as Partial<Settings>);
    return { header: header.map(String), rows };
  }
  const ledger = LEDGERS[ledgerKey];
  const timeZone = options.timeZone ?? sampleData.timeZone;
  const shift = options.today ? daysBetween(sampleData.today, options.today) : 0;
  const known = new Set(ledger.columns.map((c) => c.key));
  const records = sampleData[ledgerKey] ?? [];
  const rows = records.map((rec, i) => {
    for (const key of Object.keys(rec)) {
      if (!known.has(key)) throw new Error(`sample data: ${ledgerKey}[${i}] has "${key}", which is no column of ${ledger.sheet.en}`);
    }
    return ledger.columns.map((col) => {
      let value = rec[col.key];
      if (col.type === 'date' && typeof value === 'string') {
        if (!isLocalDate(value)) throw new Error(`sample data: ${ledgerKey}[${i}].${col.key} "${value}" is not YYYY-MM-DD`);
        value = addDaysToLocalDate(value, shift);
      } else if (col.type === 'datetime' && typeof value === 'string') {
        const ms = Date.parse(value);
        if (Number.isNaN(ms)) throw new Error(`sample data: ${ledgerKey}[${i}].${col.key} "${value}" is not an ISO instant`);
        value = ms + shift * DAY;
      }
      return toCellValue(col, value, { timeZone, lang });
    });
  });
  return { header: ledger.columns.map((c) => c.header[lang]), rows };
}
