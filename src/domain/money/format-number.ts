// Plain number formatting for documents without Intl: thousands separators, a fixed or bounded number of
// decimals, half-up rounding (never toFixed's binary surprises).
import { scaledMinorUnits } from './round-money';

/** How many decimals to show: at least `minDecimals`, more (up to `maxDecimals`) only when they are not zero. */
export interface NumberFormatOptions {
  minDecimals?: number;
  maxDecimals?: number;
  /** Thousands separator; "," unless given ("" for none). */
  separator?: string;
}

/**
 * Inserts a separator every three digits of a string of digits.
 * @example groupDigits('1234567') // "1,234,567"
 */
export function groupDigits(digits: string, separator = ','): string {
  if (!separator || digits.length <= 3) return digits;
  let out = '';
  const head = digits.length % 3;
  if (head) out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += (out ? separator : '') + digits.slice(i, i + 3);
  return out;
}

/**
 * A number written with thousands separators and between `minDecimals` and `maxDecimals` decimals
 * (both default 0; `maxDecimals` is raised to `minDecimals`). Non-finite numbers give "".
 * @example formatNumber(12345.6, { minDecimals: 2 }) // "12,345.60"
 * @example formatNumber(0.125, { maxDecimals: 3 }) // "0.125"
 * @example formatNumber(1200) // "1,200"
 */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return '';
  const min = Math.max(0, Math.floor(options.minDecimals ?? 0));
  const max = Math.max(min, Math.floor(options.maxDecimals ?? min));
  const units = scaledMinorUnits(value, max);
  const factor = 10 ** max;
  const whole = Math.floor(units / factor);
  let fraction = max > 0 ? String(units - whole * factor).padStart(max, '0') : '';
  while (fraction.length > min && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const sign = value < 0 && units > 0 ? '-' : '';
  const grouped = groupDigits(String(whole), options.separator ?? ',');
  return sign + grouped + (fraction ? '.' + fraction : '');
}
