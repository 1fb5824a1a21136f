// Reading a Docs API document for the exporters: paragraphs as styled runs (text, line breaks, images, page
// breaks), the named styles' default sizes, colours and the table column widths, in one place for .docx and .pdf.
import type { DocsApiDocument, Paragraph, Table, TextStyle } from '../docs/api-types';

export interface TextPiece {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  /** Points. */
  size: number;
  /** "#rrggbb" or undefined for the default colour. */
  color?: string;
  link?: string;
}

export type Piece = TextPiece | { kind: 'image'; uri: string; widthPt: number; heightPt: number } | { kind: 'pageBreak' };

export interface NamedStyleLook {
  size: number;
  bold: boolean;
  spaceAbove: number;
  spaceBelow: number;
  color?: string;
}

/** Google Docs' default look of its named styles. */
export const NAMED_STYLE_LOOK: Record<string, NamedStyleLook> = {
  NORMAL_TEXT: { size: 11, bold: false, spaceAbove: 0, spaceBelow: 0 },
  TITLE: { size: 26, bold: false, spaceAbove: 0, spaceBelow: 3 },
  SUBTITLE: { size: 15, bold: false, spaceAbove: 0, spaceBelow: 16, color: '#666666' },
  HEADING_1: { size: 20, bold: false, spaceAbove: 20, spaceBelow: 6 },
  HEADING_2: { size: 16, bold: false, spaceAbove: 18, spaceBelow: 6 },
  HEADING_3: { size: 14, bold: false, spaceAbove: 16, spaceBelow: 4, color: '#434343' },
  HEADING_4: { size: 12, bold: false, spaceAbove: 14, spaceBelow: 4, color: '#666666' },
  HEADING_5: { size: 11, bold: false, spaceAbove: 12, spaceBelow: 4, color: '#666666' },
  HEADING_6: { size: 11, bold: false, spaceAbove: 12, spaceBelow: 4, color: '#666666' },
};

export function lookOf(p: Paragraph): NamedStyleLook {
  return NAMED_STYLE_LOOK[p.paragraphStyle?.namedStyleType ?? 'NORMAL_TEXT'] ?? NAMED_STYLE_LOOK.NORMAL_TEXT;
}

function hex(n: number | undefined): string {
  return Math.round(Math.max(0, Math.min(1, n ?? 0)) * 255)
    .toString(16)
    .padStart(2, '0');
}

/** An OptionalColor ({color: {rgbColor: {red, green, blue}}}) as "#rrggbb"; undefined when unset. */
export function colorOf(c: unknown): string | undefined {
  const rgb = (c as { color?: { rgbColor?: { red?: number; green?: number; blue?: number } } } | undefined)?.color?.rgbColor;
  if (!rgb) return undefined;
  return `#${hex(rgb.red)}${hex(rgb.green)}${hex(rgb.blue)}`;
}

function magnitude(d: unknown): number | undefined {
  const m = (d as { magnitude?: number } | undefined)?.magnitude;
  return typeof m === 'number' ? m : undefined;
}

function textPiece(text: string, s: TextStyle, look: NamedStyleLook): TextPiece {
  return {
    kind: 'text',
    text,
    bold: s.bold ?? look.bold,
    italic: s.italic === true,
    underline: s.underline === true || s.link !== undefined,
    strike: s.strikethrough === true,
    size: magnitude(s.fontSize) ?? look.size,
    color: colorOf(s.foregroundColor) ?? (s.link ? '#1155cc' : look.color),
    link: s.link?.url ?? undefined,
  };
}

/** The paragraph's content in order, without its final newline; "\v" (a line break in Docs) stays in the text. */
export function piecesOf(doc: Pick<DocsApiDocument, 'inlineObjects'>, p: Paragraph): Piece[] {
  const look = lookOf(p);
  const out: Piece[] = [];
  for (const el of p.elements ?? []) {
    if (el.textRun) {
      const text = el.textRun.content.replace(/\n$/, '').replace(/\t/g, '    ');
      if (text) out.push(textPiece(text, el.textRun.textStyle ?? {}, look));
    } else if (el.inlineObjectElement) {
      const obj = doc.inlineObjects?.[el.inlineObjectElement.inlineObjectId]?.inlineObjectProperties?.embeddedObject;
      const uri = obj?.imageProperties?.sourceUri ?? obj?.imageProperties?.contentUri ?? '(image)';
      out.push({ kind: 'image', uri, widthPt: magnitude(obj?.size?.width) ?? 200, heightPt: magnitude(obj?.size?.height) ?? 150 });
    } else if (el.pageBreak) {
      out.push({ kind: 'pageBreak' });
    }
  }
  return out;
}

/** Plain text of a paragraph (no final newline), for measuring and for tests. */
export function paragraphText(p: Paragraph): string {
  return (p.elements ?? []).map((e) => e.textRun?.content ?? '').join('').replace(/\n$/, '');
}

/** Column widths in points: fixed widths as given, the rest share what remains of `available`. */
export function columnWidths(t: Table, available: number): number[] {
  const n = t.columns || t.tableRows[0]?.tableCells.length || 1;
  const props = t.tableStyle?.tableColumnProperties ?? [];
  const fixed = Array.from({ length: n }, (_v, i) => (props[i]?.widthType === 'FIXED_WIDTH' ? magnitude(props[i]?.width) : undefined));
  let used = fixed.reduce<number>((a, w) => a + (w ?? 0), 0);
  const free = fixed.filter((w) => w === undefined).length;
  if (used > available) {
    const scale = available / (used || 1);
    for (let i = 0; i < n; i++) if (fixed[i] !== undefined) fixed[i] = (fixed[i] as number) * scale;
    used = available;
  }
  const share = free ? Math.max(0, available - used) / free : 0;
  return fixed.map((w) => w ?? share);
}

/** Rows marked tableHeader (by pinTableHeaderRows) at the top of the table. */
export function headerRowCount(t: Table): number {
  let n = 0;
  while (n < t.tableRows.length && t.tableRows[n].tableRowStyle?.tableHeader) n++;
  return n;
}
