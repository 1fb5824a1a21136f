// Turns one placeholder into the text that replaces it: the field's value from the merge data, through its
// optional format, made safe for the document (no stray template braces, normalised line breaks).
import { amountInWordsEn } from '../money/amount-in-words-en';
import { amountInWordsZh } from '../money/amount-in-words-zh';
import { formatDateForDoc } from '../money/format-date-for-doc';
import { fieldDef, isLineField, lineKey, type FieldDef } from './field-catalog';
import { moneyNumberText, moneyText, numberText } from './field-format';
import type { MergeData, RawValue } from './merge-fields';

/**
 * Text safe to put into a document: CR/CRLF become "\n", other control characters go, and "{{" / "}}" are
 * broken up so a value can never be mistaken for a placeholder by a later replacement.
 * @example sanitizeValue('a\r\nb {{x}}') // "a\nb { {x} }"
 */
export function sanitizeValue(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\{\{/g, '{ {')
    .replace(/\}\}/g, '} }');
}

function currencyOf(def: FieldDef, data: MergeData): string {
  return def.currency === 'factory' ? data.factoryCurrency : data.currency;
}

function words(spell: () => string): string {
  try {
    return spell();
  } catch {
    return '';
  }
}

function formatted(def: FieldDef, format: string, display: string, raw: RawValue | undefined, data: MergeData): string {
  switch (format) {
    case 'upper':
      return display.toUpperCase();
    case 'lower':
      return display.toLowerCase();
    case 'date':
      return typeof raw === 'string' ? formatDateForDoc(raw, data.lang) : display;
    case 'money':
      return typeof raw === 'number' ? moneyText(def, raw, currencyOf(def, data), data.lang) : display;
    case 'number':
      if (typeof raw !== 'number') return display;
      return def.kind === 'money' ? moneyNumberText(def, raw, currencyOf(def, data)) : numberText(def, raw);
    case 'words-en':
      return typeof raw === 'number' ? words(() => amountInWordsEn(raw, currencyOf(def, data))) : display;
    case 'words-zh':
      return typeof raw === 'number' ? words(() => amountInWordsZh(raw, currencyOf(def, data))) : display;
    default:
      return display;
  }
}

/**
 * The document text for a field placeholder; `lineIndex` picks the line for "line.…" fields.
 * Unknown fields render as "" (planMerge refuses templates that have them), and so do pictures.
 * @example renderField('total.amount', 'words-en', data) // "SAY US DOLLARS … ONLY"
 * @example renderField('line.quantity', null, data, 0) // "1,200"
 */
export function renderField(name: string, format: string | null, data: MergeData, lineIndex?: number): string {
  const def = fieldDef(name);
  // A picture is never text: planMerge inserts it as an image (or a link).
  if (!def || def.kind === 'image') return '';
  let display: string;
  let raw: RawValue | undefined;
  if (isLineField(name)) {
    if (lineIndex === undefined) return '';
    const key = lineKey(name);
    display = data.lines[lineIndex]?.[key] ?? '';
    raw = data.lineRaw[lineIndex]?.[key];
  } else {
    display = data.fields[name] ?? '';
    raw = data.raw[name];
  }
  return sanitizeValue(format ? formatted(def, format, display, raw, data) : display);
}
