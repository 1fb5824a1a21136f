// Money as documents print it: "USD 12,345.60" in English, "US$12,345.60" / "¥12,345.60" in Chinese.
import type { Lang } from '../i18n/i18n';
import { currencyInfo } from './currencies';
import { formatNumber } from './format-number';

/** Options for amounts that may carry more precision than the currency's minor unit (unit prices). */
export interface MoneyFormatOptions {
  /** Show up to this many decimals when they are not zero (e.g. 4 for a unit price of 0.1250). */
  maxDecimals?: number;
}

/**
 * Formats an amount with its currency for a document in `lang`.
 * - en: ISO code, a space, the number: "USD 12,345.60"; negative: "USD -12,345.60".
 * - zh: symbol glued to the number: "US$12,345.60", "¥12,345.60" (CNY), "€…", "JP¥…"; negative "-¥12.00";
 *   a currency without a symbol is written as in English ("CHF 10.00").
 * Decimals follow the currency (2; 0 for JPY/KRW/VND). No currency → the number alone. Non-finite → "".
 * @example formatMoney(12345.6, 'USD', 'en') // "USD 12,345.60"
 * @example formatMoney(12345.6, 'CNY', 'zh') // "¥12,345.60"
 */
export function formatMoney(amount: number, currency: string, lang: Lang, options: MoneyFormatOptions = {}): string {
  if (!Number.isFinite(amount)) return '';
  const info = currencyInfo(currency);
  const number = formatNumber(amount, { minDecimals: info.decimals, maxDecimals: Math.max(info.decimals, options.maxDecimals ?? 0) });
  if (!info.code) return number;
  if (lang === 'zh' && info.zhSymbol) {
    return number.startsWith('-') ? `-${info.zhSymbol}${number.slice(1)}` : `${info.zhSymbol}${number}`;
  }
  return `${info.code} ${number}`;
}
