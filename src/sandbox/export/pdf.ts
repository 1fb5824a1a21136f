// Docs document → PDF (A4) with pdfkit, synchronously, so DocumentApp's getAs('application/pdf') can return real
// bytes. Noto Sans SC is embedded (subset) so Chinese renders; text wraps; tables get borders and wrapped cells,
// and a table that runs over pages repeats its pinned header rows at the top of each page.
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { DocsApiDocument, Paragraph, StructuralElement, Table } from '../docs/api-types';
import { colorOf, columnWidths, headerRowCount, lookOf, piecesOf, type Piece, type TextPiece } from './doc-walk';

type Pdf = PDFKit.PDFDocument;

const A4: [number, number] = [595.28, 841.89];
const LINE_SPACING = 1.15;
const CELL_PADDING = 5;
const REGULAR = 'NotoSansSC';
const BOLD = 'NotoSansSC-Bold';

let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** The CJK-capable TrueType fonts, read once per process. */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    fonts = {
      regular: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
      bold: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
    };
  }
  return fonts;
}

export interface PdfOptions {
  /** Creation date written into the PDF (the sandbox passes its simulated clock, so output is reproducible). */
  creationDate?: Date;
}

function magnitude(d: unknown): number | undefined {
  const m = (d as { magnitude?: number } | undefined)?.magnitude;
  return typeof m === 'number' ? m : undefined;
}

class PdfWriter {
  readonly pdf: Pdf;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly bottom: number;

  constructor(private readonly doc: DocsApiDocument, opts: PdfOptions) {
    const style = doc.documentStyle ?? {};
    const margins = {
      top: magnitude(style.marginTop) ?? 72,
      bottom: magnitude(style.marginBottom) ?? 72,
      left: magnitude(style.marginLeft) ?? 72,
      right: magnitude(style.marginRight) ?? 72,
    };
    const f = loadFonts();
    this.pdf = new PDFDocument({
      size: A4,
      margins,
      autoFirstPage: true,
      info: { Title: doc.title, Creator: 'Gendan sandbox', Producer: 'pdfkit', CreationDate: opts.creationDate ?? new Date(0) },
    });
    this.pdf.registerFont(REGULAR, f.regular);
    this.pdf.registerFont(BOLD, f.bold);
    this.pdf.font(REGULAR);
    this.left = margins.left;
    this.top = margins.top;
    this.width = A4[0] - margins.left - margins.right;
    this.bottom = A4[1] - margins.bottom;
  }

  private setFont(p: TextPiece): void {
    this.pdf.font(p.bold ? BOLD : REGULAR).fontSize(p.size).fillColor(p.color ?? '#000000');
  }

  private lineHeight(size: number): number {
    this.pdf.font(REGULAR).fontSize(size);
    return this.pdf.currentLineHeight(true) * LINE_SPACING;
  }

  /** Height the text pieces take at `width`: measured with the boldest, largest font present (an upper bound). */
  measure(pieces: TextPiece[], width: number, fallbackSize: number): number {
    const text = pieces.map((p) => p.text).join('').replace(/\v/g, '\n');
    const size = pieces.reduce((m, p) => Math.max(m, p.size), 0) || fallbackSize;
    if (!text.trim()) return this.lineHeight(size);
    this.pdf.font(pieces.some((p) => p.bold) ? BOLD : REGULAR).fontSize(size);
    return this.pdf.heightOfString(text, { width, lineGap: size * (LINE_SPACING - 1) });
  }

  /** Draws styled text runs as one wrapped paragraph starting at (x, y). */
  drawText(pieces: TextPiece[], x: number, y: number, width: number, align: 'left' | 'center' | 'right' | 'justify', height?: number): void {
    const runs = pieces.filter((p) => p.text.length > 0);
    runs.forEach((p, i) => {
      this.setFont(p);
      const opts: PDFKit.Mixins.TextOptions = {
        width,
        align,
        continued: i < runs.length - 1,
        underline: p.underline,
        strike: p.strike,
        oblique: p.italic ? 10 : false,
        lineGap: p.size * (LINE_SPACING - 1),
        link: p.link ?? null,
      };
      if (height !== undefined) opts.height = height;
      const text = p.text.replace(/\v/g, '\n');
      if (i === 0) this.pdf.text(text, x, y, opts);
      else this.pdf.text(text, opts);
    });
    this.pdf.fillColor('#000000');
  }

  private alignOf(p: Paragraph): 'left' | 'center' | 'right' | 'justify' {
    switch (p.paragraphStyle?.alignment) {
      case 'CENTER':
        return 'center';
      case 'END':
        return 'right';
      case 'JUSTIFIED':
        return 'justify';
      default:
        return 'left';
    }
  }

  private newPage(): void {
    this.pdf.addPage();
    this.pdf.x = this.left;
    this.pdf.y = this.top;
  }

  private ensureRoom(h: number): void {
    if (this.pdf.y + h > this.bottom && this.pdf.y > this.top + 0.5) this.newPage();
  }

  private imageBox(uri: string, widthPt: number, x: number, y: number, maxWidth: number): number {
    const w = Math.min(maxWidth, Math.max(120, widthPt));
    const label = `[Image] ${uri}`;
    this.pdf.font(REGULAR).fontSize(8);
    const h = this.pdf.heightOfString(label, { width: w - 8 }) + 8;
    this.pdf.save().lineWidth(0.75).dash(3, { space: 2 }).strokeColor('#888888').rect(x, y, w, h).stroke().undash().restore();
    this.pdf.fillColor('#555555').text(label, x + 4, y + 4, { width: w - 8, height: h - 6 });
    this.pdf.fillColor('#000000');
    return h;
  }

  body(content: StructuralElement[]): void {
    for (const el of content) {
      if (el.paragraph) this.paragraph(el.paragraph);
      else if (el.table) this.table(el.table);
    }
  }

  private paragraph(p: Paragraph): void {
    const look = lookOf(p);
    const above = magnitude(p.paragraphStyle?.spaceAbove) ?? look.spaceAbove;
    const below = magnitude(p.paragraphStyle?.spaceBelow) ?? look.spaceBelow;
    if (p.paragraphStyle?.pageBreakBefore) this.newPage();
    if (this.pdf.y > this.top + 0.5) this.pdf.y += above;
    const pieces = piecesOf(this.doc, p);
    let texts: TextPiece[] = [];
    let drewAny = false;
    const flush = () => {
      if (!texts.length) return;
      const h = this.measure(texts, this.width, look.size);
      // Keep short paragraphs whole; long ones flow over pages by themselves.
      if (h < this.bottom - this.top) this.ensureRoom(h);
      this.drawText(texts, this.left, this.pdf.y, this.width, this.alignOf(p));
      texts = [];
      drewAny = true;
    };
    for (const piece of pieces as Piece[]) {
      if (piece.kind === 'text') texts.push(piece);
      else if (piece.kind === 'pageBreak') {
        flush();
        this.newPage();
        drewAny = true;
      } else {
        flush();
        this.ensureRoom(40);
        const h = this.imageBox(piece.uri, piece.widthPt, this.left, this.pdf.y, this.width);
        this.pdf.x = this.left;
        this.pdf.y += h + 2;
        drewAny = true;
      }
    }
    flush();
    if (!drewAny) {
      const h = this.lineHeight(look.size);
      this.ensureRoom(h);
      this.pdf.y += h;
    }
    this.pdf.x = this.left;
    this.pdf.y += below;
  }

  /** Cell content as paragraphs of text pieces (a nested table contributes its cells' paragraphs). */
  private cellParagraphs(content: StructuralElement[]): Paragraph[] {
    const out: Paragraph[] = [];
    for (const el of content) {
      if (el.paragraph) out.push(el.paragraph);
      else if (el.table) for (const r of el.table.tableRows) for (const c of r.tableCells) out.push(...this.cellParagraphs(c.content));
    }
    return out;
  }

  private cellHeight(content: StructuralElement[], width: number): number {
    let h = 0;
    for (const p of this.cellParagraphs(content)) {
      const pieces = piecesOf(this.doc, p);
      const texts = pieces.filter((x): x is TextPiece => x.kind === 'text');
      h += this.measure(texts, width, lookOf(p).size);
      h += pieces.filter((x) => x.kind === 'image').length * 30;
    }
    return h + 2 * CELL_PADDING;
  }

  private drawCell(content: StructuralElement[], x: number, y: number, width: number, height: number): void {
    let cy = y + CELL_PADDING;
    const limit = y + height - CELL_PADDING;
    for (const p of this.cellParagraphs(content)) {
      const pieces = piecesOf(this.doc, p);
      let texts: TextPiece[] = [];
      const flush = () => {
        if (!texts.length || cy >= limit) return;
        const h = this.measure(texts, width, lookOf(p).size);
        this.drawText(texts, x, cy, width, this.alignOf(p), Math.max(1, limit - cy) + 1);
        cy += h;
        texts = [];
      };
      let drew = false;
      for (const piece of pieces) {
        if (piece.kind === 'text') texts.push(piece);
        else if (piece.kind === 'image') {
          flush();
          if (cy + 26 <= limit) cy += this.imageBox(piece.uri, width, x, cy, width) + 2;
          drew = true;
        }
      }
      if (texts.length) drew = true;
      flush();
      if (!drew) cy += this.lineHeight(lookOf(p).size);
    }
  }

  private table(t: Table): void {
    const widths = columnWidths(t, this.width);
    const rowHeights = t.tableRows.map((row) => {
      const min = magnitude(row.tableRowStyle?.minRowHeight) ?? 0;
      const h = row.tableCells.reduce((m, c, i) => Math.max(m, this.cellHeight(c.content, Math.max(10, (widths[i] ?? 50) - 2 * CELL_PADDING))), 0);
      // A row taller than a page is clipped to one page.
      return Math.min(Math.max(min, h), this.bottom - this.top);
    });
    const headers = headerRowCount(t);
    const headerHeight = rowHeights.slice(0, headers).reduce((a, b) => a + b, 0);
    const repeat = headers > 0 && headerHeight < (this.bottom - this.top) / 2;
    let y = this.pdf.y;
    t.tableRows.forEach((_row, r) => {
      const h = rowHeights[r];
      if (y + h > this.bottom + 0.01 && y > this.top + 0.5) {
        this.newPage();
        y = this.top;
        if (repeat && r >= headers) {
          for (let k = 0; k < headers; k++) {
            this.drawRow(t, k, widths, y, rowHeights[k]);
            y += rowHeights[k];
          }
        }
      }
      this.drawRow(t, r, widths, y, h);
      y += h;
    });
    this.pdf.x = this.left;
    this.pdf.y = y;
  }

  private drawRow(t: Table, r: number, widths: number[], y: number, h: number): void {
    let x = this.left;
    t.tableRows[r].tableCells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      const style = cell.tableCellStyle ?? {};
      const bg = colorOf(style.backgroundColor);
      if (bg) this.pdf.save().rect(x, y, w, h).fill(bg).restore();
      const border = magnitude(style.borderTop?.width) ?? 1;
      this.pdf.save().lineWidth(Math.max(0.25, border * 0.75)).strokeColor(colorOf(style.borderTop?.color) ?? '#000000').rect(x, y, w, h).stroke().restore();
      this.drawCell(cell.content, x + CELL_PADDING, y, Math.max(10, w - 2 * CELL_PADDING), h);
      x += w;
    });
  }

  finish(): Buffer {
    this.pdf.end();
    // pdfkit writes synchronously; everything is in the stream's buffer once end() returns.
    const chunks: Buffer[] = [];
    for (let c: unknown = this.pdf.read(); c !== null; c = this.pdf.read()) chunks.push(Buffer.from(c as Uint8Array));
    return Buffer.concat(chunks);
  }
}

/** Renders a document (Docs API JSON, as Documents.get returns it) to PDF bytes. */
export function renderPdf(doc: DocsApiDocument, opts: PdfOptions = {}): Buffer {
  const w = new PdfWriter(doc, opts);
  w.body(doc.body?.content ?? []);
  return w.finish();
}
