// The template language of Gendan documents: {{field}}, {{field|format}}, {{#if field}}…{{/if}},
// {{#lines}}…{{/lines}} and table rows of {{line.…}} fields; tokenising text and finding every placeholder of a
// Docs document with its index range and location (see docs/template-syntax.md).
import type { DocsDocument } from '../../ports';
import { cellPath, readStructure } from './doc-structure';
import type { FieldKind } from './field-catalog';

/** The formats a placeholder may name after "|". */
export const FORMATS = ['upper', 'lower', 'date', 'money', 'number', 'words-en', 'words-zh'] as const;
export type FormatName = (typeof FORMATS)[number];

/** field: {{name}} / {{name|format}}; if / end-if: {{#if name}} / {{/if}}; lines / end-lines: {{#lines}} / {{/lines}}. */
export type TokenKind = 'field' | 'if' | 'end-if' | 'lines' | 'end-lines' | 'invalid';

export interface Token {
  /** The placeholder exactly as written, braces included. */
  raw: string;
  kind: TokenKind;
  /** Field name for field and if tokens; "" otherwise. */
  name: string;
  /** Format after "|", as written; null when none. */
  format: string | null;
  /** Offset in the text (UTF-16 code units). */
  offset: number;
}

const TOKEN = /\{\{([^{}]*)\}\}/g;
const NAME = '[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*';
const FIELD = new RegExp(`^(${NAME})\\s*(?:\\|\\s*([A-Za-z0-9_-]+))?$`);
const IF = new RegExp(`^#if\\s+(${NAME})$`);

/**
 * True for the tokens that structure a template rather than show a value.
 * @example isControlToken('end-if') // true
 */
export function isControlToken(kind: TokenKind): boolean {
  return kind === 'if' || kind === 'end-if' || kind === 'lines' || kind === 'end-lines';
}

/**
 * Every {{…}} in a text, in order. Spaces inside the braces are allowed ("{{ customer.name }}").
 * @example parseTokens('Dear {{customer.contact}}')[0] // { raw: '{{customer.contact}}', kind: 'field', name: 'customer.contact', format: null, offset: 5 }
 */
export function parseTokens(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const inner = m[1].trim();
    const base = { raw: m[0], offset: m.index };
    let field: RegExpExecArray | null;
    let cond: RegExpExecArray | null;
    if ((cond = IF.exec(inner))) tokens.push({ ...base, kind: 'if', name: cond[1], format: null });
    else if (inner === '/if') tokens.push({ ...base, kind: 'end-if', name: '', format: null });
    else if (inner === '#lines') tokens.push({ ...base, kind: 'lines', name: '', format: null });
    else if (inner === '/lines') tokens.push({ ...base, kind: 'end-lines', name: '', format: null });
    else if ((field = FIELD.exec(inner))) tokens.push({ ...base, kind: 'field', name: field[1], format: field[2] ?? null });
    else tokens.push({ ...base, kind: 'invalid', name: '', format: null });
  }
  return tokens;
}

/**
 * Whether a format applies to a field of a kind: upper/lower to anything, date to dates, money and the
 * words formats to amounts, number to amounts and numbers. Unknown formats fit nothing.
 * @example formatFits('words-zh', 'money') // true
 */
export function formatFits(format: string, kind: FieldKind): boolean {
  switch (format) {
    case 'upper':
    case 'lower':
      return kind !== 'image';
    case 'date':
      return kind === 'date';
    case 'money':
    case 'words-en':
    case 'words-zh':
      return kind === 'money';
    case 'number':
      return kind === 'money' || kind === 'number';
    default:
      return false;
  }
}

/** Where a placeholder is: the table cells around it (outermost first, empty in the body) and its paragraph. */
export interface PlaceholderLocation {
  cells: { tableStartIndex: number; rowIndex: number; columnIndex: number }[];
  paragraphStartIndex: number;
  paragraphEndIndex: number;
}

export interface Placeholder {
  raw: string;
  kind: TokenKind;
  name: string;
  format: string | null;
  /** Document index of the first "{" and one past the last "}". */
  startIndex: number;
  endIndex: number;
  location: PlaceholderLocation;
}

/**
 * Every placeholder in a document body, in document order, with its index range and location.
 * @example
 * discoverPlaceholders(doc).filter((p) => p.kind === 'field').map((p) => p.name) // ["doc.no", "line.name", …]
 */
export function discoverPlaceholders(doc: DocsDocument): Placeholder[] {
  const found: Placeholder[] = [];
  for (const paragraph of readStructure(doc).paragraphs) {
    const tokens = parseTokens(paragraph.text);
    if (!tokens.length) continue;
    const cells = cellPath(paragraph.container).map((c) => ({ tableStartIndex: c.table.startIndex, rowIndex: c.rowIndex, columnIndex: c.columnIndex }));
    for (const t of tokens) {
      found.push({
        raw: t.raw,
        kind: t.kind,
        name: t.name,
        format: t.format,
        startIndex: paragraph.startIndex + t.offset,
        endIndex: paragraph.startIndex + t.offset + t.raw.length,
        location: { cells, paragraphStartIndex: paragraph.startIndex, paragraphEndIndex: paragraph.endIndex },
      });
    }
  }
  return found;
}
