// How number, money and percent field values are written: shared by the merge data (default rendering) and the
// `|number` / `|money` formats of the template language.
import type { Lang } from '../i18n/i18n';
import { currencyDecimals } from '../money/currencies';
import { formatMoney } from '../money/format-money';
import { formatNumber } from '../money/format-number';
import type { FieldDef } from './field-catalog';

/**
 * A number field as a bare number: fixed decimals when the field has them (weights 2, CBM 3, cartons 0),
 * otherwise up to 3 decimals without trailing zeros.
 * @example numberText({ name: 'line.quantity', kind: 'number', source: 'line' }, 1200) // "1,200"
 */
export function numberText(field: FieldDef, value: number): string {
  if (field.decimals !== undefined) return formatNumber(value, { minDecimals: field.decimals });
  return formatNumber(value, { maxDecimals: 3 });
}

/**
 * A money field as a bare number in its currency's decimals (more, up to the field's `decimals`, for unit prices).
 * @example moneyNumberText({ name: 'line.unitPrice', kind: 'money', source: 'line', decimals: 4 }, 0.125, 'USD') // "0.125"
 */
export function moneyNumberText(field: FieldDef, value: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  return formatNumber(value, { minDecimals: decimals, maxDecimals: Math.max(decimals, field.decimals ?? decimals) });
}

/**
 * A money field with its currency ("USD 1,200.00" / "US$1,200.00").
 * @example moneyText({ name: 'total.amount', kind: 'money', source: 'line' }, 1200, 'USD', 'en') // "USD 1,200.00"
 */
export function moneyText(field: FieldDef, value: number, currency: string, lang: Lang): string {
  return formatMoney(value, currency, lang, { maxDecimals: field.decimals });
}

/**
 * A fraction as a percentage: 0.3 → "30%", 0.125 → "12.5%".
 * @example percentText(0.3) // "30%"
 */
export function percentText(fraction: number): string {
  return formatNumber(fraction * 100, { maxDecimals: 2 }) + '%';
}
