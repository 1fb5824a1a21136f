// How Sheets turns typed text into a cell value (numbers, dates, booleans, formulas, forced text) and how a value
// is displayed under a number format. Used for simulated user edits and for strings written by setValues.
import { WallDate, type CellValue } from './model';

const DAY = 86_400_000;
/** Sheets' serial-number epoch, 1899-12-30, as wall milliseconds. */
export const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

export interface ParsedInput {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function timeMs(h?: string, mi?: string, s?: string): number {
  return (Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60 + Number(s ?? 0)) * 1000;
}

/** A tiny evaluator for literal arithmetic formulas (=1+2*3); anything else evaluates to '' in the sandbox. */
function evalArithmetic(expr: string): number | null {
  if (!/^[\d\s.+\-*/()]+$/.test(expr)) return null;
  try {
    const v = Function(`"use strict"; return (${expr});`)() as unknown;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

/** The value a formula shows in the sandbox: literal arithmetic is computed, everything else is unknown (''). */
export function formulaValue(formula: string): CellValue {
  const v = evalArithmetic(formula.slice(1));
  return v === null ? '' : v;
}

/**
 * Parses text typed into a cell (or written as a string by setValue) the way Sheets does for `locale`
 * ("en_US", "en_GB", "zh_CN", "de_DE"…).
 */
export function parseInput(text: string, locale = 'en_US'): ParsedInput {
  if (text === '') return { value: '' };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=')) return { value: formulaValue(text), formula: text };
  if (startsAsPlainText(text.charCodeAt(0))) return { value: text };
  return parseByPatterns(text, locale);
}

/** parseInput without its plain-text shortcut: every pattern tried (exported so tests can check the shortcut). */
export function parseByPatterns(text: string, locale = 'en_US'): ParsedInput {
  if (text === '') return { value: '' };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=')) return { value: formulaValue(text), formula: text };
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const decimalComma = /^(de|fr|es|it|pt|ru|nl|tr|pl|id|vi)/i.test(locale);
  const num = decimalComma
    ? /^([+-])?(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?$/.exec(t)
    : /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (num) {
    const intPart = num[2].replace(decimalComma ? /\./g : /,/g, '');
    const frac = num[3] ? '.' + num[3].slice(1) : '';
    const exp = !decimalComma && num[4] ? `e${num[4]}` : '';
    const v = Number(`${num[1] ?? ''}${intPart}${frac}${exp}`);
    return { value: v, numberFormat: num[2].includes(decimalComma ? '.' : ',') ? '#,##0.##' : undefined };
  }
  const pct = /^([+-]?\d+(?:\.\d+)?)\s?%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, numberFormat: '0.00%' };
  const money = /^([$€£¥])\s?([+-]?\d{1,3}(?:,\d{3})*(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)$/.exec(t);
  if (money) return { value: Number(money[2].replace(/,/g, '')), numberFormat: `"${money[1]}"#,##0.00` };
  // ISO date, optional time.
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m && validYmd(+m[1], +m[2], +m[3])) {
    return { value: new WallDate(Date.UTC(+m[1], +m[2] - 1, +m[3]) + timeMs(m[4], m[5], m[6])), numberFormat: m[4] ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd' };
  }
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m && validYmd(+m[1], +m[2], +m[3])) {
    return { value: new WallDate(Date.UTC(+m[1], +m[2] - 1, +m[3]) + timeMs(m[4], m[5], m[6])), numberFormat: m[4] ? 'yyyy/m/d h:mm' : 'yyyy/m/d' };
  }
  if (/^zh/i.test(locale) || /^ja/i.test(locale)) {
    m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
    if (m && validYmd(+m[1], +m[2], +m[3])) return { value: new WallDate(Date.UTC(+m[1], +m[2] - 1, +m[3])), numberFormat: 'yyyy"年"m"月"d"日"' };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) {
    const monthFirst = /^en_US|^en$|^en_PH/i.test(locale);
    const [mo, d] = monthFirst ? [+m[1], +m[2]] : [+m[2], +m[1]];
    if (validYmd(+m[3], mo, d)) return { value: new WallDate(Date.UTC(+m[3], mo - 1, d) + timeMs(m[4], m[5], m[6])), numberFormat: monthFirst ? 'm/d/yyyy' : 'd/m/yyyy' };
  }
  if (decimalComma) {
    m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
    if (m && validYmd(+m[3], +m[2], +m[1])) return { value: new WallDate(Date.UTC(+m[3], +m[2] - 1, +m[1])), numberFormat: 'dd.mm.yyyy' };
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && +m[1] < 24 && +m[2] < 60) return { value: new WallDate(SERIAL_EPOCH + timeMs(m[1], m[2], m[3])), numberFormat: 'h:mm' };
  // Text that starts like a formula but is not a number is taken as a formula and fails to parse.
  if (/^[+-]/.test(t)) return { value: '#ERROR!', formula: '=' + t.slice(1) };
  return { value: text };
}

/**
 * Whether text starting with this character can only be text: every number, percent, money, date, time, boolean and
 * formula-like form below starts with a digit, a sign, a currency sign, t/f or white space. Most text Gendan writes
 * (statuses, names, stage labels) is decided here without trying each pattern.
 */
function startsAsPlainText(c: number): boolean {
  if (c >= 48 && c <= 57) return false; // 0-9
  if (c === 43 || c === 45) return false; // + -
  if (c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5) return false; // $ € £ ¥
  if (c === 116 || c === 84 || c === 102 || c === 70) return false; // t T f F
  if (c <= 32 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f) return false; // white space (trim)
  return true;
}

/** Whole days since Sheets' epoch for a wall time (the number behind a date cell). */
export function serialOf(d: WallDate): number {
  return (d.wall - SERIAL_EPOCH) / DAY;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Formats a date cell with a Sheets date pattern (case-insensitive y, m, d, h, s; "mm" after h is minutes). */
function formatDatePattern(d: WallDate, pattern: string): string {
  const t = new Date(d.wall);
  const tokens = pattern.match(/("[^"]*"|yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|am\/pm|.)/gi) ?? [];
  let out = '';
  let lastWasHour = false;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  for (const tok of tokens) {
    const lower = tok.toLowerCase();
    if (tok.startsWith('"')) {
      out += tok.slice(1, -1);
      continue;
    }
    switch (lower) {
      case 'yyyy':
        out += t.getUTCFullYear();
        break;
      case 'yy':
        out += pad(t.getUTCFullYear() % 100);
        break;
      case 'mmmm':
        out += months[t.getUTCMonth()];
        break;
      case 'mmm':
        out += months[t.getUTCMonth()].slice(0, 3);
        break;
      case 'mm':
        out += lastWasHour ? pad(t.getUTCMinutes()) : pad(t.getUTCMonth() + 1);
        break;
      case 'm':
        out += lastWasHour ? pad(t.getUTCMinutes()) : String(t.getUTCMonth() + 1);
        break;
      case 'dd':
        out += pad(t.getUTCDate());
        break;
      case 'd':
        out += t.getUTCDate();
        break;
      case 'hh':
        out += pad(t.getUTCHours());
        break;
      case 'h':
        out += t.getUTCHours();
        break;
      case 'ss':
        out += pad(t.getUTCSeconds());
        break;
      case 's':
        out += t.getUTCSeconds();
        break;
      default:
        out += tok;
    }
    if (lower === 'hh' || lower === 'h') lastWasHour = true;
    else if (/^[a-z]/i.test(lower)) lastWasHour = false;
  }
  return out;
}

function formatNumber(v: number, pattern: string): string {
  const pct = pattern.includes('%');
  const x = pct ? v * 100 : v;
  const prefix = /^"([^"]*)"/.exec(pattern)?.[1] ?? '';
  const decimals = /\.(0+)/.exec(pattern)?.[1].length ?? (pattern.includes('#.##') || pattern.includes('.##') ? -1 : 0);
  const grouping = pattern.includes(',');
  let s: string;
  if (decimals === -1) {
    s = String(Math.round(x * 100) / 100);
    if (grouping) {
      const [i, f] = s.split('.');
      s = Number(i).toLocaleString('en-US') + (f ? '.' + f : '');
    }
  } else {
    s = grouping ? x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : x.toFixed(decimals);
  }
  return prefix + s + (pct ? '%' : '');
}

/** The text a cell shows: getDisplayValues. */
export function displayValue(v: CellValue, numberFormat: string | undefined, locale = 'en_US'): string {
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof WallDate) {
    const pattern = numberFormat && !/^[#0@]/.test(numberFormat) && !numberFormat.includes('#') ? numberFormat : undefined;
    if (pattern) return formatDatePattern(v, pattern);
    const hasTime = v.wall % DAY !== 0;
    const datePart = /^zh|^ja/i.test(locale) ? 'yyyy/m/d' : /^en_US|^en$/i.test(locale) ? 'm/d/yyyy' : 'dd/mm/yyyy';
    if (v.wall < SERIAL_EPOCH + DAY) return formatDatePattern(v, 'h:mm:ss');
    return formatDatePattern(v, hasTime ? `${datePart} h:mm:ss` : datePart);
  }
  if (typeof v === 'number') {
    if (numberFormat && numberFormat !== '@' && /[0#]/.test(numberFormat)) return formatNumber(v, numberFormat);
    if (Number.isInteger(v)) return String(v);
    return String(Number(v.toPrecision(10)));
  }
  return String(v);
}
