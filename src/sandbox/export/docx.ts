// Docs document → .docx (the document's page size, A4 when it sets none) with the `docx` package: named styles as Word headings, styled runs, tables with
// borders whose pinned header rows are marked tableHeader (Word repeats them on every page), page breaks, and
// inline images as a framed placeholder naming the image's file.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph as DocxParagraph,
  ShadingType,
  Table as DocxTable,
  TableCell as DocxTableCell,
  TableRow as DocxTableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DocsApiDocument, Paragraph, StructuralElement, Table } from '../docs/api-types';
import { colorOf, columnWidths, headerRowCount, lookOf, piecesOf, type TextPiece } from './doc-walk';

const TWIPS_PER_PT = 20;
const A4_TWIPS = { width: 11906, height: 16838 };

type Block = DocxParagraph | DocxTable;
type Inline = TextRun | ExternalHyperlink | PageBreak;

const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  TITLE: HeadingLevel.TITLE,
  HEADING_1: HeadingLevel.HEADING_1,
  HEADING_2: HeadingLevel.HEADING_2,
  HEADING_3: HeadingLevel.HEADING_3,
  HEADING_4: HeadingLevel.HEADING_4,
  HEADING_5: HeadingLevel.HEADING_5,
  HEADING_6: HeadingLevel.HEADING_6,
};

function magnitude(d: unknown): number | undefined {
  const m = (d as { magnitude?: number } | undefined)?.magnitude;
  return typeof m === 'number' ? m : undefined;
}

function hexOf(color: string | undefined): string | undefined {
  return color?.replace(/^#/, '').toUpperCase();
}

function alignmentOf(p: Paragraph): (typeof AlignmentType)[keyof typeof AlignmentType] {
  switch (p.paragraphStyle?.alignment) {
    case 'CENTER':
      return AlignmentType.CENTER;
    case 'END':
      return AlignmentType.RIGHT;
    case 'JUSTIFIED':
      return AlignmentType.JUSTIFIED;
    default:
      return AlignmentType.LEFT;
  }
}

/** Text runs for one piece; Docs' vertical tab (a line break inside a paragraph) becomes a Word line break. */
function runsOf(p: TextPiece): Inline[] {
  const parts = p.text.split('\v');
  const runs = parts.map(
    (text, i) =>
      new TextRun({
        text,
        break: i > 0 ? 1 : undefined,
        bold: p.bold,
        italics: p.italic,
        strike: p.strike,
        underline: p.underline ? {} : undefined,
        size: Math.round(p.size * 2),
        color: hexOf(p.color),
      }),
  );
  return p.link ? [new ExternalHyperlink({ link: p.link, children: runs as TextRun[] })] : runs;
}

/** The file name an image address ends with ("DH-2301.jpg"), else the address. */
function imageName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** A framed placeholder naming the image's file, linked to its address (the sandbox cannot fetch the picture). */
function imagePlaceholder(uri: string): DocxParagraph {
  const side = { style: BorderStyle.DASHED, size: 6, color: '888888', space: 4 };
  const label = new TextRun({ text: `[image] ${imageName(uri)}`, color: '555555', size: 16 });
  return new DocxParagraph({
    border: { top: side, bottom: side, left: side, right: side },
    spacing: { before: 60, after: 60 },
    children: /^https?:\/\//i.test(uri) ? [new ExternalHyperlink({ link: uri, children: [label] })] : [label],
  });
}

class DocxWriter {
  constructor(private readonly doc: DocsApiDocument) {}

  private paragraph(p: Paragraph): Block[] {
    const look = lookOf(p);
    const named = p.paragraphStyle?.namedStyleType ?? 'NORMAL_TEXT';
    const spaceAbove = magnitude(p.paragraphStyle?.spaceAbove) ?? look.spaceAbove;
    const spaceBelow = magnitude(p.paragraphStyle?.spaceBelow) ?? look.spaceBelow;
    const base = {
      heading: HEADINGS[named],
      alignment: alignmentOf(p),
      spacing: { before: Math.round(spaceAbove * TWIPS_PER_PT), after: Math.round(spaceBelow * TWIPS_PER_PT) },
      pageBreakBefore: p.paragraphStyle?.pageBreakBefore === true ? true : undefined,
    };
    const out: Block[] = [];
    let inline: Inline[] = [];
    const flush = (force: boolean) => {
      if (inline.length || force) out.push(new DocxParagraph({ ...base, children: inline }));
      inline = [];
    };
    for (const piece of piecesOf(this.doc, p)) {
      if (piece.kind === 'text') inline.push(...runsOf(piece));
      else if (piece.kind === 'pageBreak') inline.push(new PageBreak());
      else {
        flush(false);
        out.push(imagePlaceholder(piece.uri));
      }
    }
    flush(out.length === 0);
    return out;
  }

  private table(t: Table, availablePt: number): DocxTable {
    const widths = columnWidths(t, availablePt).map((w) => Math.round(w * TWIPS_PER_PT));
    const headers = headerRowCount(t);
    const rows = t.tableRows.map(
      (row, r) =>
        new DocxTableRow({
          tableHeader: r < headers ? true : undefined,
          children: row.tableCells.map((cell, c) => {
            const style = cell.tableCellStyle ?? {};
            const border = (b: unknown) => {
              const width = magnitude((b as { width?: unknown } | undefined)?.width) ?? 1;
              return { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(width * 8)), color: hexOf(colorOf((b as { color?: unknown } | undefined)?.color)) ?? '000000' };
            };
            const fill = hexOf(colorOf(style.backgroundColor));
            const children = this.blocks(cell.content, (widths[c] ?? 0) / TWIPS_PER_PT - 10);
            return new DocxTableCell({
              width: { size: widths[c] ?? 0, type: WidthType.DXA },
              borders: { top: border(style.borderTop), bottom: border(style.borderBottom), left: border(style.borderLeft), right: border(style.borderRight) },
              shading: fill ? { fill, type: ShadingType.CLEAR, color: 'auto' } : undefined,
              margins: { top: 100, bottom: 100, left: 100, right: 100 },
              children: children.length && children[children.length - 1] instanceof DocxParagraph ? children : [...children, new DocxParagraph({})],
            });
          }),
        }),
    );
    return new DocxTable({ rows, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths });
  }

  blocks(content: StructuralElement[], availablePt: number): Block[] {
    const out: Block[] = [];
    for (const el of content) {
      if (el.paragraph) out.push(...this.paragraph(el.paragraph));
      else if (el.table) out.push(this.table(el.table, availablePt));
    }
    return out;
  }
}

/** Renders a document (Docs API JSON, as Documents.get returns it) to .docx bytes. */
export async function renderDocx(doc: DocsApiDocument): Promise<Buffer> {
  const style = doc.documentStyle ?? {};
  const margin = (d: unknown) => Math.round((magnitude(d) ?? 72) * TWIPS_PER_PT);
  const margins = { top: margin(style.marginTop), bottom: margin(style.marginBottom), left: margin(style.marginLeft), right: margin(style.marginRight) };
  const twips = (d: unknown, fallback: number) => {
    const m = magnitude(d);
    return m === undefined ? fallback : Math.round(m * TWIPS_PER_PT);
  };
  const size = { width: twips(style.pageSize?.width, A4_TWIPS.width), height: twips(style.pageSize?.height, A4_TWIPS.height) };
  const availablePt = (size.width - margins.left - margins.right) / TWIPS_PER_PT;
  const file = new Document({
    creator: 'Gendan sandbox',
    title: doc.title,
    styles: { default: { document: { run: { font: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'Noto Sans SC' }, size: 22 } } } },
    sections: [
      {
        properties: { page: { size, margin: margins } },
        children: new DocxWriter(doc).blocks(doc.body?.content ?? [], availablePt),
      },
    ],
  });
  return Packer.toBuffer(file);
}
