// Record and document numbers ("SO-2026-0007", "C-0001"): format, parse, find the highest, allocate without reuse.

/** How one series of numbers is written. */
export interface NumberSeries {
  prefix: string;
  /** Numbers carry the year and restart at 1 each year ("SO-2026-0001"). */
  yearly: boolean;
  /** Digits of the zero-padded sequence. */
  width: number;
}

/** Default series; every prefix and width is a setting. */
export const DEFAULT_NUMBER_SERIES = {
  order: { prefix: 'SO', yearly: true, width: 4 },
  customer: { prefix: 'C', yearly: false, width: 4 },
  contact: { prefix: 'CT', yearly: false, width: 6 },
  followUp: { prefix: 'FU', yearly: false, width: 6 },
  afterSales: { prefix: 'AS', yearly: true, width: 4 },
  quotation: { prefix: 'QT', yearly: true, width: 4 },
  contract: { prefix: 'SC', yearly: true, width: 4 },
  purchaseOrder: { prefix: 'PO', yearly: true, width: 4 },
  shippingNotice: { prefix: 'SN', yearly: true, width: 4 },
  invoice: { prefix: 'CI', yearly: true, width: 4 },
} as const satisfies Record<string, NumberSeries>;

export type NumberSeriesKey = keyof typeof DEFAULT_NUMBER_SERIES;

/** A parsed number: its year (null for series without one) and sequence. */
export interface ParsedNumber {
  year: number | null;
  seq: number;
}

function checkWhole(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
}

/**
 * Writes a number: prefix, the year when given, and the sequence zero-padded to `width` (never truncated).
 * @example formatNumber('SO', 2026, 7, 4) // 'SO-2026-0007'
 * @example formatNumber('CT', null, 12, 6) // 'CT-000012'
 */
export function formatNumber(prefix: string, year: number | null, seq: number, width: number): string {
  checkWhole('Sequence', seq, 1);
  checkWhole('Width', width, 1);
  if (year !== null) checkWhole('Year', year, 1000);
  const p = prefix.trim();
  if (!p) throw new RangeError('A number needs a prefix');
  const digits = String(seq).padStart(width, '0');
  return year === null ? `${p}-${digits}` : `${p}-${year}-${digits}`;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map<string, RegExp>();

/** The pattern of a series' numbers, compiled once per prefix (a column of 50,000 numbers is parsed in one go). */
function numberPattern(prefix: string): RegExp {
  let re = patterns.get(prefix);
  if (!re) {
    re = new RegExp(`^${escapeRegExp(prefix)}-(?:(\\d{4})-)?(\\d{1,15})$`, 'i');
    patterns.set(prefix, re);
  }
  return re;
}

/**
 * Reads a number of the series `prefix` ("SO-2026-0007" → year 2026, seq 7; "C-0001" → year null, seq 1);
 * null for anything else, including other prefixes and sequence 0. Case and surrounding spaces are ignored.
 * @example parseNumber('SO', 'SO-2026-0007') // { year: 2026, seq: 7 }
 * @example parseNumber('C', 'CT-000012') // null
 */
export function parseNumber(prefix: string, text: string): ParsedNumber | null {
  const p = prefix.trim();
  if (!p) return null;
  const m = numberPattern(p).exec(text.trim());
  if (!m) return null;
  const seq = Number(m[2]);
  if (seq < 1) return null;
  return { year: m[1] === undefined ? null : Number(m[1]), seq };
}

/**
 * The highest sequence of the series among cell values: for a yearly series only numbers of `year`, otherwise only
 * numbers without a year. Non-text cells and text that is not a number of the series are ignored; 0 when none.
 * @example maxSequence(['SO-2026-0003', 'SO-2025-0090', 'n/a', 7], 'SO', 2026) // 3
 */
export function maxSequence(values: readonly unknown[], prefix: string, year: number | null): number {
  // parseNumber's reading without a regex or a result per value: the sweep runs this over every number column (100,000
  // follow-up IDs) each day. A prefix that is not plain ASCII letters and digits goes through parseNumber.
  const p = prefix.trim();
  if (!p) return 0;
  const plain = /^[A-Za-z0-9]+$/.test(p);
  const upper = p.toUpperCase();
  const found = { year: null as number | null };
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'string') continue;
    let seq: number;
    let y: number | null;
    if (plain) {
      const t = value.trim();
      const n = readPlainNumber(upper, t, found);
      if (n < 0) continue;
      seq = n;
      y = found.year;
    } else {
      const parsed = parseNumber(prefix, value);
      if (!parsed) continue;
      seq = parsed.seq;
      y = parsed.year;
    }
    if (seq > max && y === year) max = seq;
  }
  return max;
}

/**
 * The sequence of `text` as numberPattern reads it for an ASCII prefix (given in upper case): "PREFIX-NNN" or
 * "PREFIX-YYYY-NNN", the prefix in any case, 1–15 digits, sequence at least 1; -1 when it is not one. The year (null:
 * none) is put in `found`, one object for a whole column rather than a result object per value.
 */
function readPlainNumber(prefix: string, text: string, found: { year: number | null }): number {
  const n = prefix.length;
  if (text.length < n + 2 || text.charCodeAt(n) !== 45 /* - */) return -1;
  for (let k = 0; k < n; k++) {
    let c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== prefix.charCodeAt(k)) return -1;
  }
  // Digits are added up as they are read (at most 15: exact in a double), without slicing the text.
  let i = n + 1;
  const start = i;
  let value = 0;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) value = value * 10 + (c - 48);
  let digitsFrom = start;
  found.year = null;
  if (i - start === 4 && i < text.length && text.charCodeAt(i) === 45) {
    found.year = value;
    digitsFrom = ++i;
    value = 0;
    for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) value = value * 10 + (c - 48);
  }
  const digits = i - digitsFrom;
  if (i !== text.length || digits < 1 || digits > 15) return -1;
  return value >= 1 ? value : -1;
}

/** The result of an allocation: the sequences to use and the counter value to store. */
export interface Allocation {
  sequences: number[];
  /** The last sequence handed out; store it as the new counter. */
  counter: number;
}

/**
 * The next `count` sequences after both the stored counter (last sequence handed out, if any) and the highest
 * sequence found in the sheet, so a number is never reused even when rows were deleted or typed by hand, and never
 * goes backwards when the counter was lost. A missing or damaged counter counts as 0. The caller holds the document
 * lock from reading the column to storing the returned counter.
 * @example allocate(7, 9, 2) // { sequences: [10, 11], counter: 11 }
 */
export function allocate(counterState: number | null | undefined, existingMax: number, count: number): Allocation {
  checkWhole('Count', count, 0);
  const sane = (n: number | null | undefined): number => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
  const last = Math.max(sane(counterState), sane(existingMax));
  const sequences: number[] = [];
  for (let i = 1; i <= count; i++) sequences.push(last + i);
  return { sequences, counter: last + count };
}

/**
 * Formatted numbers for `count` new rows of a series in `year` (ignored for series without a year), given the
 * column's current values and the stored counter of that series and year.
 * @example nextNumbers(DEFAULT_NUMBER_SERIES.order, 2026, ['SO-2026-0006'], 4, 1) // { numbers: ['SO-2026-0007'], counter: 7 }
 */
export function nextNumbers(
  series: NumberSeries,
  year: number,
  values: readonly unknown[],
  counterState: number | null | undefined,
  count: number,
): { numbers: string[]; counter: number } {
  const y = series.yearly ? year : null;
  const { sequences, counter } = allocate(counterState, maxSequence(values, series.prefix, y), count);
  return { numbers: sequences.map((seq) => formatNumber(series.prefix, y, seq, series.width)), counter };
}
