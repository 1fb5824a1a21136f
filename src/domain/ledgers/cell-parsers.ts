// Cell readers, one per column type: turn what Apps Script's getValues gives (Date objects from any realm, numbers,
// booleans, strings typed by people in either language and any width) into record values, or say what is wrong.
// Representation only: ranges, formats and presence are checked afterwards by the record schema (record-schema.ts).
import type { LedgerMessageId, SlotValue } from '../i18n/ledgers';
import { instantToWall, localDateOf, localDateToWall, wallDateString, wallToInstant, type LocalDate } from '../time/zone';
import { toHalfWidth } from './half-width';
import { normalizeHeader } from './header-mapping';
import type { ColumnDef, EnumOption } from './schema-types';

export interface CellContext {
  /** The spreadsheet's IANA time zone. */
  timeZone: string;
  /** The spreadsheet's locale ("en_US", "zh_CN", "de_DE"…): month-first dates only in en_US, decimal commas… */
  locale: string;
  /** Memo of instant → calendar date, shared by one parse run (a ledger repeats the same dates a lot). */
  dateMemo?: Map<number, LocalDate>;
}

/** Why a cell could not be read; `value` is added by whoever reports it. */
export class CellError {
  constructor(
    readonly id: LedgerMessageId,
    readonly vars: Record<string, SlotValue> = {},
  ) {}
}

// Builtins used for every cell are read once: in a node:vm context (the sandbox runner, jest) every lookup of a
// global such as Object or Number goes through the context's interceptor, which costs more than the work itself.
const objectToString = Object.prototype.toString;
const isFiniteNumber = Number.isFinite;
const isNotANumber = Number.isNaN;

const DAY = 86_400_000;
/** Sheets/Excel serial day 0 is 1899-12-30; serial 25569 is 1970-01-01. */
const SERIAL_EPOCH_DAYS = 25_569;
const MAX_SERIAL = 2_958_466; // 10000-01-01
/** Texts longer than this cannot be a number, date or time: they fail at once, whatever their length. */
const MAX_SHORT_TEXT = 64;

/** True for a Date from any realm (node:vm, Apps Script): never `instanceof`. */
export function isDateValue(v: unknown): v is Date {
  return typeof v === 'object' && v !== null && objectToString.call(v) === '[object Date]';
}

/** Blank as Sheets means it: "", whitespace only, null or undefined. */
export function isBlankCell(v: unknown): boolean {
  if (v === '' || v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  const c = v.charCodeAt(0);
  // only text that starts with a space can be all spaces
  return (c <= 32 || c === 0xa0 || c === 0x3000) && v.trim() === '';
}

const SHEETS_ERRORS = new Set(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!', '#SPILL!', '#CALC!']);

/** A formula error value as getValues returns it ("#REF!"…). */
export function isFormulaError(v: unknown): boolean {
  return typeof v === 'string' && v.charCodeAt(0) === 35 && SHEETS_ERRORS.has(v.trim());
}

/** true when the spreadsheet locale writes dates month first (only en_US, as Sheets does). */
export function isMonthFirst(locale: string): boolean {
  return /^en[-_]us$/i.test(locale.trim());
}

const DECIMAL_POINT_EXCEPTIONS = /^(es_(mx|us|419)|de_ch|it_ch)$/;
const DECIMAL_COMMA_LANGS = /^(de|fr|es|it|pt|ru|nl|tr|id|vi|pl|cs|sk|da|sv|nb|no|nn|fi|el|hu|ro|uk|bg|hr|sl|sr|lt|lv|et|ca|eu|gl|az|kk|be|is)(_|$)/;

/** true when the locale writes 1.234,5 (a comma before the decimals). */
export function usesDecimalComma(locale: string): boolean {
  const l = locale.trim().toLowerCase().replace('-', '_');
  return !DECIMAL_POINT_EXCEPTIONS.test(l) && DECIMAL_COMMA_LANGS.test(l);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "YYYY-MM-DD", or undefined when no such day exists. */
function ymd(y: number, m: number, d: number): LocalDate | undefined {
  if (!(y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return undefined;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function fullYear(y: number, digits: number): number {
  if (digits > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

const MONTHS = new Map<string, number>(Object.entries({
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
}));

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:(?:\s+|T)(.+))?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DOTTED_DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s+(.+))?$/;
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?:\s+(.+))?$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]*([a-z]{3,9})\.?[\s,-]*(\d{4})$/i;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?[\s-]*(\d{1,2})(?:st|nd|rd|th)?,?[\s-]*(\d{4})$/i;

interface DateText {
  date: LocalDate;
  /** What followed the date ("14:30"), trimmed. */
  rest: string;
  /** Set when the text was a full ISO instant with a zone ("2026-03-02T06:30:00Z"). */
  instant?: number;
}

/** A calendar date typed as text, or the reason it is not one. */
function splitDateText(text: string, ctx: CellContext): DateText | CellError {
  if (text.length > MAX_SHORT_TEXT) return new CellError('cell.notDate');
  const s = toHalfWidth(text).trim();
  if (ISO_INSTANT.test(s)) {
    const ms = Date.parse(s.length > 19 && /[+-]\d{4}$/.test(s) ? `${s.slice(0, -2)}:${s.slice(-2)}` : s);
    if (!isNotANumber(ms)) return { date: localDateOf(ms, ctx.timeZone), rest: '', instant: ms };
  }
  let y: number;
  let m: number;
  let d: number;
  let rest = '';
  let match = YMD.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    rest = match[4] ?? '';
  } else if ((match = COMPACT.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = DOTTED_DMY.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), fullYear(Number(match[3]), match[3].length)];
    rest = match[4] ?? '';
  } else if ((match = SLASHED.exec(s))) {
    const a = Number(match[1]);
    const b = Number(match[2]);
    y = fullYear(Number(match[3]), match[3].length);
    rest = match[4] ?? '';
    // The locale decides the reading; when only the other reading is a real date, that one is meant.
    const [first, second] = isMonthFirst(ctx.locale) ? [ymd(y, a, b), ymd(y, b, a)] : [ymd(y, b, a), ymd(y, a, b)];
    const date = first ?? second;
    if (!date) return new CellError('cell.noSuchDate');
    return { date, rest };
  } else if ((match = DAY_MONTH_NAME.exec(s)) && MONTHS.has(match[2].toLowerCase())) {
    [d, m, y] = [Number(match[1]), MONTHS.get(match[2].toLowerCase()) ?? 0, Number(match[3])];
  } else if ((match = MONTH_NAME_DAY.exec(s)) && MONTHS.has(match[1].toLowerCase())) {
    [m, d, y] = [MONTHS.get(match[1].toLowerCase()) ?? 0, Number(match[2]), Number(match[3])];
  } else {
    return new CellError('cell.notDate');
  }
  const date = ymd(y, m, d);
  if (!date) return new CellError('cell.noSuchDate');
  return { date, rest: rest.trim() };
}

function dateFromInstant(ms: number, ctx: CellContext): LocalDate {
  const memo = ctx.dateMemo;
  if (!memo) return localDateOf(ms, ctx.timeZone);
  let date = memo.get(ms);
  if (date === undefined) {
    date = localDateOf(ms, ctx.timeZone);
    memo.set(ms, date);
  }
  return date;
}

function dateFromNumber(n: number): LocalDate | undefined {
  if (Number.isInteger(n) && n >= 19000101 && n <= 29991231) {
    // 20260302 typed as a number
    return ymd(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  if (n >= 1 && n < MAX_SERIAL) return wallDateString((Math.floor(n) - SERIAL_EPOCH_DAYS) * DAY);
  return undefined;
}

/**
 * A calendar date: Date objects (as the calendar date in the spreadsheet's zone), serial numbers, and text in
 * 2026-03-02, 2026/3/2, 2026年3月2日, 02.03.2026, 3/2/2026 (month first only in en_US), 2 Mar 2026 and Mar 2, 2026.
 */
export function readDate(v: unknown, ctx: CellContext): LocalDate | CellError {
  if (typeof v === 'string') {
    const r = splitDateText(v, ctx);
    if (r instanceof CellError) return r;
    if (r.rest && parseTimeText(r.rest) === undefined) return new CellError('cell.notDate');
    return r.date;
  }
  if (isDateValue(v)) {
    const ms = v.getTime();
    return isNotANumber(ms) ? new CellError('cell.notDate') : dateFromInstant(ms, ctx);
  }
  if (typeof v === 'number') return dateFromNumber(v) ?? new CellError('cell.notDate');
  return new CellError('cell.notDate');
}

/** An instant (epoch ms): Date objects, serial numbers with a time fraction (in the spreadsheet's zone), epoch ms, text. */
export function readDateTime(v: unknown, ctx: CellContext): number | CellError {
  if (isDateValue(v)) {
    const ms = v.getTime();
    return isNotANumber(ms) ? new CellError('cell.notDateTime') : ms;
  }
  if (typeof v === 'number') {
    if (v >= 1e11 && v < 1e14) return Math.round(v); // already epoch milliseconds
    if (v >= 1 && v < MAX_SERIAL) return wallToInstant(Math.round((v - SERIAL_EPOCH_DAYS) * DAY), ctx.timeZone);
    return new CellError('cell.notDateTime');
  }
  if (typeof v === 'string') {
    const r = splitDateText(v, ctx);
    if (r instanceof CellError) return new CellError(r.id === 'cell.notDate' ? 'cell.notDateTime' : r.id);
    if (r.instant !== undefined) return r.instant;
    const seconds = r.rest ? parseTimeText(r.rest) : 0;
    if (seconds === undefined) return new CellError('cell.notDateTime');
    return wallToInstant(localDateToWall(r.date) + seconds * 1000, ctx.timeZone);
  }
  return new CellError('cell.notDateTime');
}

const CLOCK = /^(上午|早上|凌晨|中午|下午|晚上)?\s*(\d{1,2})\s*[:.]\s*(\d{2})(?:\s*[:.]\s*(\d{2})(?:\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?$/i;
const HOUR_ONLY = /^(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)$/i;
const CHINESE_CLOCK = /^(上午|早上|凌晨|中午|下午|晚上)?\s*(\d{1,2})\s*[点时](?:\s*(半)|\s*(\d{1,2})\s*分?)?$/;

/** Seconds since midnight of a time typed as text ("09:30", "9:30 pm", "下午3点半"), or undefined. */
function parseTimeText(text: string): number | undefined {
  if (text.length > MAX_SHORT_TEXT) return undefined;
  const s = toHalfWidth(text).trim();
  let h: number;
  let min = 0;
  let sec = 0;
  let marker: string;
  let m = CLOCK.exec(s);
  if (m) {
    [h, min, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
    marker = (m[5] ?? m[1] ?? '').toLowerCase();
  } else if ((m = HOUR_ONLY.exec(s))) {
    h = Number(m[1]);
    marker = m[2].toLowerCase();
  } else if ((m = CHINESE_CLOCK.exec(s))) {
    h = Number(m[2]);
    min = m[3] ? 30 : Number(m[4] ?? 0);
    marker = m[1] ?? '';
  } else {
    return undefined;
  }
  if (marker) {
    if (h > 12) return undefined;
    if (/^p|下午|晚上/.test(marker) && h < 12) h += 12;
    else if (marker === '中午' && h < 6) h += 12;
    else if (/^a|上午|早上|凌晨/.test(marker) && h === 12) h = 0;
  }
  if (h > 23 || min > 59 || sec > 59) return undefined;
  return h * 3600 + min * 60 + sec;
}

function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

/** A time of day "HH:mm": time cells (Dates on 1899-12-30 in the spreadsheet's zone), day fractions, text. */
export function readTime(v: unknown, ctx: CellContext): string | CellError {
  if (isDateValue(v)) {
    const ms = v.getTime();
    if (isNotANumber(ms)) return new CellError('cell.notTime');
    const wall = instantToWall(ms, ctx.timeZone);
    return hhmm(Math.round((((wall % DAY) + DAY) % DAY) / 60_000));
  }
  if (typeof v === 'number') {
    if (!(v >= 0 && v < MAX_SERIAL)) return new CellError('cell.notTime');
    return hhmm(Math.round((v - Math.floor(v)) * 1440));
  }
  if (typeof v === 'string') {
    const seconds = parseTimeText(v);
    return seconds === undefined ? new CellError('cell.notTime') : hhmm(Math.floor(seconds / 60));
  }
  return new CellError('cell.notTime');
}

const CURRENCY_CODES = 'USD|CNY|RMB|EUR|GBP|JPY|HKD|AUD|CAD|SGD|SAR|AED|CHF|KRW|INR|RUB|BRL|MXN|TRY|THB|VND|IDR|MYR|PHP|NZD|ZAR|SEK|NOK|DKK|PLN|TWD|QAR|KWD|EGP|NGN';
const NUMBER_PREFIX = new RegExp(`^(?:(?:${CURRENCY_CODES})\\s*|(?:US|HK|NT|A|C|S|R)\\$|[$¥€£₹₩₽₺])`, 'i');
const NUMBER_SUFFIX = new RegExp(
  `\\s*(?:${CURRENCY_CODES}|pcs|pc|sets?|units?|ctns?|cartons?|kgs?|cbm|m3|days?|美元|美金|欧元|人民币|元|块|件|个|套|箱|台|只|天|公斤|千克|[$¥€£])\\.?$`,
  'i',
);
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const DIGITS = /^(?:\d[\d.,]*|[.,]\d+)$/;
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const GROUPED_DOT = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/**
 * A number typed as text: full-width digits, thousands separators, currency symbols and codes, unit words and an
 * accounting "(1,200)" are understood; the spreadsheet locale decides whether "1,5" / "1.200" use a decimal comma.
 */
export function parseNumberText(text: string, decimalComma: boolean): number | undefined {
  if (text.length > MAX_SHORT_TEXT) return undefined;
  let s = toHalfWidth(text).trim();
  if (PLAIN_NUMBER.test(s) && !(decimalComma && s.includes('.'))) return Number(s);
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const sign = () => {
    if (s[0] === '-' || s[0] === '+') {
      if (s[0] === '-') negative = !negative;
      s = s.slice(1).trim();
    }
  };
  sign();
  s = s.replace(NUMBER_PREFIX, '').trim();
  sign();
  s = s.replace(NUMBER_SUFFIX, '').replace(/[\s']/g, '');
  if (!DIGITS.test(s)) return undefined;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    if (comma > dot) {
      if (!GROUPED_DOT.test(s)) return undefined;
      s = s.replace(/\./g, '').replace(',', '.');
    } else {
      if (!GROUPED_COMMA.test(s)) return undefined;
      s = s.replace(/,/g, '');
    }
  } else if (comma >= 0) {
    if (decimalComma && s.indexOf(',') === comma) s = s.replace(',', '.');
    else if (GROUPED_COMMA.test(s)) s = s.replace(/,/g, '');
    else return undefined;
  } else if (dot >= 0 && s.indexOf('.') !== dot) {
    if (!GROUPED_DOT.test(s)) return undefined;
    s = s.replace(/\./g, '');
  } else if (dot >= 0 && decimalComma && GROUPED_DOT.test(s)) {
    s = s.replace('.', '');
  }
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  return negative ? -n : n;
}

/** A number (number, money and integer columns; integers are checked by the schema). */
export function readNumber(v: unknown, ctx: CellContext): number | CellError {
  if (typeof v === 'number') return isFiniteNumber(v) ? v : new CellError('cell.notNumber');
  if (typeof v === 'string') {
    const n = parseNumberText(v, usesDecimalComma(ctx.locale));
    return n === undefined ? new CellError('cell.notNumber') : n;
  }
  return new CellError('cell.notNumber');
}

/**
 * A percentage as a fraction (0.3 for 30 %). Rule: text with "%" is always percent points ("30%" → 0.3,
 * "0.5%" → 0.005); a bare number above 1 is percent points too (30 → 0.3); a bare number from 0 to 1 is already a
 * fraction (0.3 → 0.3, 1 → 1 = 100 %), which is also what a cell formatted as 0% holds.
 */
export function readPercent(v: unknown, ctx: CellContext): number | CellError {
  let n: number | undefined;
  let points = false;
  if (typeof v === 'number') n = isFiniteNumber(v) ? v : undefined;
  else if (typeof v === 'string' && v.length <= MAX_SHORT_TEXT) {
    let s = toHalfWidth(v).trim();
    if (s.endsWith('%')) {
      points = true;
      s = s.slice(0, -1);
    } else if (s.startsWith('百分之')) {
      points = true;
      s = s.slice(3);
    }
    n = parseNumberText(s, usesDecimalComma(ctx.locale));
  }
  if (n === undefined) return new CellError('cell.notPercent');
  if (points || n > 1 || n < -1) n = n / 100;
  return n;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 't', '1', 'on', 'checked', 'x', '✓', '✔', '☑', '√', '✅', '是', '对', '已', '有', '已联系', '已完成']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'f', '0', 'off', 'unchecked', '✗', '✘', '☐', '×', '❌', '否', '不', '未', '无', '没有', '未联系']);

/** A checkbox: booleans, 1/0, and TRUE/FALSE, yes/no, ✓, 是/否 typed as text. */
export function readCheckbox(v: unknown): boolean | CellError {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string' && v.length <= MAX_SHORT_TEXT) {
    const s = toHalfWidth(v).trim().toLowerCase();
    if (TRUE_WORDS.has(s)) return true;
    if (FALSE_WORDS.has(s)) return false;
  }
  return new CellError('cell.notBoolean');
}

/** Comparable form of an enum value: like a header, and "-"/"_" ignored ("In progress" = "in-progress"). */
export function normalizeEnumText(text: unknown): string {
  return normalizeHeader(text).replace(/[-_]/g, '');
}

interface EnumLookup {
  /** Normalised code, labels and aliases → code. */
  normalized: Map<string, string>;
  /** Cell texts seen as they were → code: most cells repeat a few exact labels. */
  exact: Map<string, string>;
}

const enumLookups = new WeakMap<readonly EnumOption[], EnumLookup>();
const EXACT_MEMO_LIMIT = 1000;

function enumLookup(options: readonly EnumOption[]): EnumLookup {
  let lookup = enumLookups.get(options);
  if (!lookup) {
    lookup = { normalized: new Map(), exact: new Map() };
    for (const o of options) {
      for (const text of [o.code, o.en, o.zh, ...o.aliases]) {
        const k = normalizeEnumText(text);
        if (k && !lookup.normalized.has(k)) lookup.normalized.set(k, o.code);
      }
      for (const text of [o.code, o.en, o.zh]) lookup.exact.set(text, o.code);
    }
    enumLookups.set(options, lookup);
  }
  return lookup;
}

/** The enum code a text means (its code, English or Chinese label, or an alias), or undefined. */
export function enumCodeOf(options: readonly EnumOption[], text: string): string | undefined {
  const lookup = enumLookup(options);
  const hit = lookup.exact.get(text);
  if (hit !== undefined) return hit;
  const code = lookup.normalized.get(normalizeEnumText(text));
  if (code !== undefined && lookup.exact.size < EXACT_MEMO_LIMIT) lookup.exact.set(text, code);
  return code;
}

/** An enum code from its code, English or Chinese label, or an alias. */
export function readEnum(v: unknown, options: readonly EnumOption[]): string | CellError {
  if ((typeof v === 'string' && v.length <= 200) || typeof v === 'number') {
    const code = enumCodeOf(options, typeof v === 'string' ? v : String(v));
    if (code !== undefined) return code;
  }
  return new CellError('cell.notOption', {
    options: { en: options.map((o) => o.en).join(', '), zh: options.map((o) => o.zh).join('、') },
  });
}

/** Plain text: trimmed; numbers without float noise, dates as YYYY-MM-DD, booleans as TRUE/FALSE. */
export function readText(v: unknown, ctx: CellContext): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) {
    const ms = v.getTime();
    return isNotANumber(ms) ? '' : dateFromInstant(ms, ctx);
  }
  return String(v);
}

/**
 * Email address(es): "mailto:" and "Name <address>" forms are reduced to the address; a list separated by commas,
 * semicolons (or spaces, between addresses) becomes "a@x.com, b@y.com". The schema checks the format.
 */
export function readEmail(v: unknown): string | CellError {
  if (typeof v !== 'string') return new CellError('cell.notEmail');
  if (v.length > 2000) return new CellError('cell.notEmail');
  let s = toHalfWidth(v).trim();
  if (!/[\s,;<]|^mailto:/i.test(s)) return s;
  s = s.replace(/^mailto:/i, '');
  const bracketed = s.match(/<[^<>]*>/g);
  if (bracketed) s = bracketed.map((b) => b.slice(1, -1)).join(',');
  // Spaces separate addresses only between addresses: "Li Na" stays one (bad) address, not two.
  const separators = (s.match(/@/g)?.length ?? 0) > 1 ? /[;,\s]+/ : /\s*[;,]\s*/;
  return s
    .split(separators)
    .filter(Boolean)
    .join(', ');
}

/** A web address: "www." gets https:// in front; the schema checks the format. */
export function readUrl(v: unknown): string | CellError {
  if (typeof v !== 'string') return new CellError('cell.notUrl');
  const s = v.trim();
  return /^www\./i.test(s) ? `https://${s}` : s;
}

const timeZoneMemo = new Map<string, string | null>();

/** The canonical IANA name of a time zone typed in any case, or "UTC+3" / "GMT-5" as an Etc zone; undefined when unknown. */
export function canonicalTimeZone(text: string): string | undefined {
  const s = toHalfWidth(text).trim();
  if (!s || s.length > MAX_SHORT_TEXT) return undefined;
  if (/^(utc|gmt|z)$/i.test(s)) return 'UTC';
  const offset = /^(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?00)?$/i.exec(s);
  if (offset) {
    const h = Number(offset[2]);
    if (h === 0) return 'UTC';
    // POSIX-style Etc zones have the sign inverted: UTC+3 is Etc/GMT-3.
    if (offset[1] === '+' ? h > 14 : h > 12) return undefined;
    return `Etc/GMT${offset[1] === '+' ? '-' : '+'}${h}`;
  }
  let hit = timeZoneMemo.get(s);
  if (hit === undefined) {
    try {
      hit = new Intl.DateTimeFormat('en-US', { timeZone: s }).resolvedOptions().timeZone;
    } catch {
      hit = null;
    }
    timeZoneMemo.set(s, hit);
  }
  return hit ?? undefined;
}

const CURRENCY_WORDS = new Map<string, string>(Object.entries({
  rmb: 'CNY', '人民币': 'CNY', '元': 'CNY', '¥': 'CNY', '美元': 'USD', '美金': 'USD', '$': 'USD', 'us$': 'USD',
  '€': 'EUR', '欧元': 'EUR', '£': 'GBP', '英镑': 'GBP', '日元': 'JPY', '港币': 'HKD', '港元': 'HKD', 'hk$': 'HKD',
  '澳元': 'AUD', '加元': 'CAD', '新加坡元': 'SGD', '沙特里亚尔': 'SAR', '里亚尔': 'SAR', '迪拉姆': 'AED',
}));

/** An ISO 4217 code from a code in any case or a symbol/name ("RMB", "¥" and "元" are CNY; "$" is USD). */
export function currencyCode(text: string): string | undefined {
  const s = toHalfWidth(text).trim().toLowerCase();
  const word = CURRENCY_WORDS.get(s);
  if (word) return word;
  return /^[a-z]{3}$/.test(s) ? s.toUpperCase() : undefined;
}

const LANGUAGE_WORDS = new Map<string, string>(Object.entries({
  english: 'en', '英文': 'en', '英语': 'en', chinese: 'zh', mandarin: 'zh', '中文': 'zh', '汉语': 'zh', '简体中文': 'zh',
  '繁体中文': 'zh', '普通话': 'zh', spanish: 'es', 'español': 'es', '西班牙语': 'es', arabic: 'ar', '阿拉伯语': 'ar',
  french: 'fr', 'français': 'fr', '法语': 'fr', german: 'de', deutsch: 'de', '德语': 'de', portuguese: 'pt',
  '葡萄牙语': 'pt', russian: 'ru', '俄语': 'ru', japanese: 'ja', '日语': 'ja', korean: 'ko', '韩语': 'ko', italian: 'it',
  '意大利语': 'it', turkish: 'tr', '土耳其语': 'tr', vietnamese: 'vi', '越南语': 'vi', thai: 'th', '泰语': 'th',
  indonesian: 'id', '印尼语': 'id', malay: 'ms', '马来语': 'ms', dutch: 'nl', '荷兰语': 'nl', polish: 'pl', '波兰语': 'pl',
  hindi: 'hi', '印地语': 'hi', hebrew: 'he', '希伯来语': 'he', persian: 'fa', '波斯语': 'fa', greek: 'el', '希腊语': 'el',
  swedish: 'sv', '瑞典语': 'sv',
}));

/** An ISO 639-1 code from a code ("zh-CN" → "zh") or a language name in English or Chinese. */
export function languageCode(text: string): string | undefined {
  const s = toHalfWidth(text).trim().toLowerCase();
  const word = LANGUAGE_WORDS.get(s);
  if (word) return word;
  const m = /^([a-z]{2})(?:[-_][a-z0-9]{2,8})*$/.exec(s);
  return m ? m[1] : undefined;
}

/**
 * A checklist count "n/m". Sheets turns a typed "3/5" into a date (5 March in en_US, 3 May elsewhere); such a
 * date is read back as the count that was typed.
 */
export function readFraction(v: unknown, ctx: CellContext): string | CellError {
  if (isDateValue(v)) {
    const ms = v.getTime();
    if (isNotANumber(ms)) return new CellError('cell.notFraction');
    const date = dateFromInstant(ms, ctx);
    const month = Number(date.slice(5, 7));
    const day = Number(date.slice(8, 10));
    const [n, m] = isMonthFirst(ctx.locale) ? [month, day] : [day, month];
    return n <= m ? `${n}/${m}` : new CellError('cell.notFraction');
  }
  if (typeof v === 'string' && v.length <= MAX_SHORT_TEXT) {
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(toHalfWidth(v).trim());
    if (match) {
      const n = Number(match[1]);
      const m = Number(match[2]);
      if (m > 0 && n <= m) return `${n}/${m}`;
    }
  }
  return new CellError('cell.notFraction');
}

function readKind(col: ColumnDef, v: unknown, ctx: CellContext): string | CellError {
  if (col.kind === 'fraction') return readFraction(v, ctx);
  const text = readText(v, ctx);
  switch (col.kind) {
    case 'timeZone':
      return canonicalTimeZone(text) ?? new CellError('cell.notTimeZone');
    case 'currency':
      return currencyCode(text) ?? new CellError('cell.notCurrency');
    case 'language':
      return languageCode(text) ?? new CellError('cell.notLanguage');
    default:
      return text;
  }
}

/**
 * Reads a non-blank cell of a column into its record value, or the reason it cannot. Blank cells, formula errors
 * and formula text in auto columns are handled by the caller.
 */
export function readCell(col: ColumnDef, v: unknown, ctx: CellContext): unknown {
  if (col.raw) return v;
  switch (col.type) {
    case 'text':
      return col.kind ? readKind(col, v, ctx) : readText(v, ctx);
    case 'number':
    case 'integer':
    case 'money':
      return readNumber(v, ctx);
    case 'percent':
      return readPercent(v, ctx);
    case 'date':
      return readDate(v, ctx);
    case 'datetime':
      return readDateTime(v, ctx);
    case 'time':
      return readTime(v, ctx);
    case 'enum':
      return readEnum(v, col.options ?? []);
    case 'email':
      return readEmail(v);
    case 'url':
      return readUrl(v);
    case 'checkbox':
      return readCheckbox(v);
  }
}

/** How a cell value is shown in a message: dates as YYYY-MM-DD (with the time when there is one), at most 80 characters. */
export function displayCell(v: unknown, timeZone: string): string {
  let s: string;
  if (isDateValue(v)) {
    const ms = v.getTime();
    if (isNotANumber(ms)) s = 'Invalid Date';
    else {
      const wall = instantToWall(ms, timeZone);
      const minutes = Math.round((((wall % DAY) + DAY) % DAY) / 60_000);
      s = minutes === 0 ? wallDateString(wall) : `${wallDateString(wall)} ${hhmm(minutes)}`;
    }
  } else if (typeof v === 'boolean') s = v ? 'TRUE' : 'FALSE';
  else if (v === null || v === undefined) s = '';
  else s = String(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}
