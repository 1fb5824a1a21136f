// Commercial rounding of money: half away from zero on the last minor-unit digit, immune to binary noise (0.1 + 0.2).
import { currencyDecimals } from './currencies';

// Bound once: the sandbox runs the bundle in a node:vm context, where each lookup of a global (Math, Number…) is a
// call into Node; this runs for every amount a sweep or a dashboard adds up.
const { abs, floor, round } = Math;
const toNumber = Number;
const isFiniteNumber = Number.isFinite;

/** 10^0 … 10^22 (every one exact), computed as `10 ** d` is. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, d) => 10 ** d);

function pow10(decimals: number): number {
  return POW10[decimals] ?? 10 ** decimals;
}

/**
 * |amount| × 10^decimals as a whole number, rounded half-up. Float noise is removed first by keeping 15
 * significant digits, so 1.005 × 100 (= 100.49999999999999) counts as 100.5 and rounds to 101.
 *
 * Keeping 15 digits moves a value by less than 5.2e-15 of itself, which can only change the rounding of a value that
 * close to a half: any other value is rounded directly (the sweep and the dashboard round a few hundred thousand
 * amounts; formatting to 15 digits costs ten times more). The result is the same in both cases.
 * @example scaledMinorUnits(-1.005, 2) // 101
 */
export function scaledMinorUnits(amount: number, decimals: number): number {
  const scaled = abs(amount) * pow10(decimals);
  if (scaled < 1e15) {
    const whole = floor(scaled);
    const frac = scaled - whole;
    if (abs(frac - 0.5) > scaled * 1e-14) return frac < 0.5 ? whole : whole + 1;
  }
  return round(toNumber(scaled.toPrecision(15)));
}

/**
 * Rounds to `decimals` places, halves away from zero, without binary noise (weights, volumes, percentages).
 * @example roundTo(2.0005, 3) // 2.001
 */
export function roundTo(value: number, decimals: number): number {
  if (!isFiniteNumber(value)) return value;
  const units = scaledMinorUnits(value, decimals);
  if (units === 0) return 0;
  const result = units / pow10(decimals);
  return value < 0 ? -result : result;
}

/**
 * Rounds an amount to the currency's minor unit (cents by default), halves away from zero.
 * Non-finite input is returned unchanged.
 * @example roundMoney(0.1 + 0.2) // 0.3
 * @example roundMoney(1.005) // 1.01
 * @example roundMoney(-2.675) // -2.68
 * @example roundMoney(1234.5, 'JPY') // 1235
 */
export function roundMoney(amount: number, currency?: string): number {
  return roundTo(amount, currency === undefined ? 2 : currencyDecimals(currency));
}
