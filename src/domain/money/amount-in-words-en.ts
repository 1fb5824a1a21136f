// English amounts in words in the form trade documents use: "SAY US DOLLARS … AND CENTS … ONLY".
import { currencyInfo } from './currencies';
import { scaledMinorUnits } from './round-money';

const ONES = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN', 'ELEVEN', 'TWELVE',
  'THIRTEEN', 'FOURTEEN', 'FIFTEEN', 'SIXTEEN', 'SEVENTEEN', 'EIGHTEEN', 'NINETEEN'];
const TENS = ['', '', 'TWENTY', 'THIRTY', 'FORTY', 'FIFTY', 'SIXTY', 'SEVENTY', 'EIGHTY', 'NINETY'];
const SCALES = ['', 'THOUSAND', 'MILLION', 'BILLION', 'TRILLION'];

/** Largest amount (exclusive) spelled out: its minor units must stay exact in a double. */
export const MAX_WORDS_AMOUNT = 1e13;

function below1000(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds) words.push(ONES[hundreds], 'HUNDRED');
  if (rest >= 20) words.push(TENS[Math.floor(rest / 10)] + (rest % 10 ? '-' + ONES[rest % 10] : ''));
  else if (rest > 0) words.push(ONES[rest]);
  return words.join(' ');
}

/**
 * A whole number in upper-case English words, short scale, no "AND" (the US style of trade documents).
 * @example integerInWordsEn(12345) // "TWELVE THOUSAND THREE HUNDRED FORTY-FIVE"
 */
export function integerInWordsEn(n: number): string {
  if (n === 0) return ONES[0];
  const groups: string[] = [];
  let rest = n;
  for (let scale = 0; rest > 0; scale++) {
    const group = rest % 1000;
    if (group) groups.unshift(below1000(group) + (SCALES[scale] ? ' ' + SCALES[scale] : ''));
    rest = Math.floor(rest / 1000);
  }
  return groups.join(' ');
}

/**
 * An amount in English words, as written under the total of invoices and contracts:
 * `SAY <CURRENCY> <WHOLE UNITS> [AND <MINOR UNIT> <MINOR AMOUNT>] ONLY`.
 * Rounded half-up to the currency's decimals; the currency words are always the plural label ("US DOLLARS
 * ONE ONLY"), the minor part appears only when not zero ("AND CENTS SIXTY"), zero is "ZERO", a negative
 * amount reads "SAY MINUS US DOLLARS …". An unknown ISO code is used as the currency word; no currency
 * leaves it out. Throws RangeError for non-finite amounts and |amount| ≥ 10 trillion.
 * @example amountInWordsEn(12345.6, 'USD') // "SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED FORTY-FIVE AND CENTS SIXTY ONLY"
 * @example amountInWordsEn(0.05, 'EUR') // "SAY EUROS ZERO AND CENTS FIVE ONLY"
 */
export function amountInWordsEn(amount: number, currency: string): string {
  if (!Number.isFinite(amount) || Math.abs(amount) >= MAX_WORDS_AMOUNT) {
    throw new RangeError(`amountInWordsEn: cannot spell ${amount}`);
  }
  const info = currencyInfo(currency);
  const units = scaledMinorUnits(amount, info.decimals);
  const factor = 10 ** info.decimals;
  const whole = Math.floor(units / factor);
  const minor = units - whole * factor;
  const parts = ['SAY'];
  if (amount < 0 && units > 0) parts.push('MINUS');
  if (info.wordsEn) parts.push(info.wordsEn);
  parts.push(integerInWordsEn(whole));
  if (minor > 0) parts.push('AND', info.minorWordsEn ?? 'CENTS', integerInWordsEn(minor));
  parts.push('ONLY');
  return parts.join(' ');
}
