// Chinese financial uppercase amounts (大写金额) by the rules for filling in bills and vouchers:
// 零 for gaps, 万/亿 groups, 元 … 整 / 角 / 分, e.g. 12345.6 → 人民币壹万贰仟叁佰肆拾伍元陆角.
import { currencyInfo } from './currencies';
import { MAX_WORDS_AMOUNT } from './amount-in-words-en';
import { scaledMinorUnits } from './round-money';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['仟', '佰', '拾', ''];

/** One group of four digits (1…9999) without leading 零; inner gaps get one 零, trailing zeros nothing. */
function group(value: number): string {
  let out = '';
  let gap = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const digit = Math.floor(value / 10 ** (3 - i)) % 10;
    if (digit === 0) {
      if (started) gap = true;
      continue;
    }
    if (gap) out += '零';
    out += DIGITS[digit] + IN_GROUP[i];
    gap = false;
    started = true;
  }
  return out;
}

/**
 * A whole number in financial uppercase, grouped by 万 and 亿 (10^12 is 壹万亿). 拾 is always preceded by a
 * digit (壹拾, as on bills). 0 → "零".
 * @example integerInWordsZh(10000000) // "壹仟万"
 * @example integerInWordsZh(100010000) // "壹亿零壹万"
 */
export function integerInWordsZh(n: number): string {
  if (n === 0) return DIGITS[0];
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g];
    if (value === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (out && (pendingZero || value < 1000)) out += '零';
    pendingZero = false;
    // Group 3 is 万亿; when the 亿 group below it is empty, 亿 has to be written here.
    const unit = g === 1 ? '万' : g === 2 ? '亿' : g === 3 ? (groups[2] ? '万' : '万亿') : '';
    out += group(value) + unit;
  }
  return out;
}

/** Options of amountInWordsZh. */
export interface AmountInWordsZhOptions {
  /** Write the currency name first (人民币, 美元…); default true. */
  currencyPrefix?: boolean;
}

/**
 * An amount in Chinese financial uppercase: `[币种][负]<整数>元[整 | X角 | 零X分 | X角Y分]`.
 * - Whole amounts end in 元整; 角 without 分 has no 整 (…元陆角); 分 after a zero 角 takes 零 (…元零伍分).
 * - Below one 元 the 元 is left out (伍角, 伍分); zero is 零元整; negative amounts put 负 after the currency.
 * - Every currency uses 元/角/分 as units (美元壹佰元整), the wording seen on Chinese foreign-trade contracts;
 *   JPY/KRW/VND are rounded to whole units. Unknown ISO codes are written as the code.
 * Throws RangeError for non-finite amounts and |amount| ≥ 10^13.
 * @example amountInWordsZh(12345.6, 'CNY') // "人民币壹万贰仟叁佰肆拾伍元陆角"
 * @example amountInWordsZh(100.05, 'CNY') // "人民币壹佰元零伍分"
 * @example amountInWordsZh(10000000, 'USD', { currencyPrefix: false }) // "壹仟万元整"
 */
export function amountInWordsZh(amount: number, currency: string, options: AmountInWordsZhOptions = {}): string {
  if (!Number.isFinite(amount) || Math.abs(amount) >= MAX_WORDS_AMOUNT) {
    throw new RangeError(`amountInWordsZh: cannot spell ${amount}`);
  }
  const info = currencyInfo(currency);
  const units = scaledMinorUnits(amount, Math.min(info.decimals, 2));
  const factor = info.decimals >= 2 ? 100 : 1;
  const whole = Math.floor(units / factor);
  const cents = units - whole * factor;
  const jiao = Math.floor(cents / 10);
  const fen = cents % 10;
  let body: string;
  if (units === 0) body = '零元整';
  else {
    body = whole > 0 ? integerInWordsZh(whole) + '元' : '';
    if (jiao === 0 && fen === 0) body += '整';
    else {
      if (jiao > 0) body += DIGITS[jiao] + '角';
      else if (whole > 0) body += '零';
      if (fen > 0) body += DIGITS[fen] + '分';
    }
  }
  const prefix = options.currencyPrefix === false ? '' : info.nameZh;
  return prefix + (amount < 0 && units > 0 ? '负' : '') + body;
}
