// Docs document → PDF with pdfkit, synchronously, so DocumentApp's getAs('application/pdf') can return real bytes.
// The page is the document's page size and margins (A4 with one-inch margins when it sets none). Noto Sans SC is
// embedded (subset) so Chinese renders; text wraps; tables get their column widths, cell padding and borders and
// wrapped cells, and a table that runs over pages repeats its pinned header rows at the top of each page. The
// sandbox has no network, so an inline image is drawn as a placeholder box of the image's size naming its file. A table cell is laid out
// once (its paragraphs' pieces and heights are kept for drawing), and text that fits on one line is measured by its
// width and drawn without pdfkit's line wrapper: a 300-line contract is thousands of such cells.
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { DocsApiDocument, Paragraph, StructuralElement, Table } from '../docs/api-types';
import { colorOf, columnWidths, headerRowCount, lookOf, piecesOf, type Piece, type TextPiece } from './doc-walk';

type Pdf = PDFKit.PDFDocument;

const A4: [number, number] = [595.28, 841.89];
const LINE_SPACING = 1.15;
/**
 * Google Docs' line height, in ems: its default font's line height (Arial: 1.149 em) times its default 1.15 line
 * spacing. The embedded Noto Sans SC is taller (1.448 em); lines are set this far apart whatever font draws them, so
 * a page holds as many lines as it does in Docs.
 */
const LINE_EM = 1.149 * LINE_SPACING;
/** Google Docs' default cell padding (0.069 in), used where a cell style sets none. */
const CELL_PADDING = 5;
/** Space below an image box drawn in a paragraph. */
const IMAGE_GAP = 2;
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

/**
 * What pdfkit keeps of an opened font (its EmbeddedFont): the parsed fontkit font and the shaped runs of the words
 * laid out so far. Both depend only on the font file, so they are kept for the process and handed to every new
 * document: parsing a CJK font's tables and shaping the same words again for each PDF is most of a small PDF's cost.
 * Only used when pdfkit's objects look as expected; otherwise each document opens the font files itself.
 */
interface OpenedFont {
  font?: { layout?: unknown };
  layoutCache?: Record<string, unknown>;
}

const opened: Partial<Record<string, { font: object; layouts: Record<string, unknown> }>> = {};

/** Takes the font just selected in `pdf` into the process-wide cache, or gives it the cached layouts. */
function shareFont(pdf: Pdf, name: string): void {
  const current = (pdf as unknown as { _font?: OpenedFont })._font;
  if (!current || typeof current.font?.layout !== 'function' || !current.layoutCache) return;
  const known = opened[name];
  if (!known) opened[name] = { font: current.font, layouts: current.layoutCache };
  else if (current.layoutCache !== known.layouts && current.font === known.font) current.layoutCache = known.layouts;
}

export interface PdfOptions {
  /** Creation date written into the PDF (the sandbox passes its simulated clock, so output is reproducible). */
  creationDate?: Date;
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** A line of text cut where it may break: after spaces and hyphens, around CJK characters; spaces stay with the word before. */
function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of line) {
    if (c !== ' ' && cur) {
      const last = cur[cur.length - 1];
      if (last === ' ' || last === '-' || CJK.test(c) || CJK.test(last)) {
        out.push(cur);
        cur = '';
      }
    }
    cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

/** A paragraph of a table cell, as drawn: its pieces, its named style's size and its alignment. */
interface CellParagraph {
  pieces: Piece[];
  size: number;
  align: 'left' | 'center' | 'right' | 'justify';
}

function magnitude(d: unknown): number | undefined {
  const m = (d as { magnitude?: number } | undefined)?.magnitude;
  return typeof m === 'number' ? m : undefined;
}

type ImagePiece = Extract<Piece, { kind: 'image' }>;

interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A cell's padding in points (Docs' default where the style sets none). */
function paddingOf(style: { paddingTop?: unknown; paddingBottom?: unknown; paddingLeft?: unknown; paddingRight?: unknown } | undefined): Padding {
  return {
    top: magnitude(style?.paddingTop) ?? CELL_PADDING,
    bottom: magnitude(style?.paddingBottom) ?? CELL_PADDING,
    left: magnitude(style?.paddingLeft) ?? CELL_PADDING,
    right: magnitude(style?.paddingRight) ?? CELL_PADDING,
  };
}

/** The file name an image address ends with ("DH-2301.jpg"), else its host. */
function imageName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.split('/').filter(Boolean).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
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
    const page: [number, number] = [magnitude(style.pageSize?.width) ?? A4[0], magnitude(style.pageSize?.height) ?? A4[1]];
    this.pdf = new PDFDocument({
      size: page,
      margins,
      autoFirstPage: true,
      // No default font: pdfkit would parse Helvetica's metrics for every document, and Noto Sans SC is set below.
      font: '',
      info: { Title: doc.title, Creator: 'Gendan sandbox', Producer: 'pdfkit', CreationDate: opts.creationDate ?? new Date(0) },
    });
    // A fontkit font object is a source pdfkit accepts as it is (PDFFontFactory.open: anything with layout()).
    this.pdf.registerFont(REGULAR, (opened[REGULAR]?.font ?? f.regular) as Buffer);
    this.pdf.registerFont(BOLD, (opened[BOLD]?.font ?? f.bold) as Buffer);
    this.useFont(REGULAR);
    this.left = margins.left;
    this.top = margins.top;
    this.width = page[0] - margins.left - margins.right;
    this.bottom = page[1] - margins.bottom;
  }

  /** Selects a registered font (and shares its parsed file and shaped words with the other documents). */
  private useFont(name: string): Pdf {
    this.pdf.font(name);
    shareFont(this.pdf, name);
    return this.pdf;
  }

  /** The fill colour and the border stroke (colour and width) set on this page so far; a new page starts unset. */
  private fill: string | null = null;
  private stroke: string | null = null;

  /** Sets the fill colour unless it is already set (pdfkit would parse the colour and write it again). */
  private fillWith(color: string): void {
    if (this.fill === color) return;
    this.pdf.fillColor(color);
    this.fill = color;
  }

  private setFont(p: TextPiece): void {
    this.useFont(p.bold ? BOLD : REGULAR).fontSize(p.size);
    this.fillWith(p.color ?? '#000000');
  }

  private lineHeight(size: number): number {
    return size * LINE_EM;
  }

  /** What pdfkit adds after a line of the font set (at `size`) to put the next one a Docs line height below. */
  private lineGap(size: number): number {
    return size * LINE_EM - this.pdf.currentLineHeight(true);
  }

  /** Heights measured so far in this document, by font, size, width and text (table cells repeat a lot). */
  private readonly heights = new Map<string, number>();

  /**
   * The lines `text` (one style, in the font set, named by `font`) takes at `width`: broken after spaces and hyphens
   * and between CJK characters, a word wider than the line broken between characters — pdfkit's wrapper's greedy
   * rule, with words measured one by one as it does. null for what only pdfkit's wrapper handles (soft hyphens, tabs).
   */
  private lines(text: string, width: number, font: string): string[] | null {
    // Measuring a cell and drawing it ask for the same lines: kept by font (`font`: weight and size), width and text.
    const key = `${font}|${width}|${text}`;
    let known = this.wrapped.get(key);
    if (known === undefined) {
      known = this.wrap(text, width);
      this.wrapped.set(key, known);
    }
    return known;
  }

  private readonly wrapped = new Map<string, string[] | null>();

  /** The lines of `lines`, computed. */
  private wrap(text: string, width: number): string[] | null {
    if (/[\u00ad\t]/.test(text)) return null;
    const out: string[] = [];
    for (const hard of text.split('\n')) {
      let line = '';
      let left = width;
      for (const word of words(hard)) {
        const w = this.pdf.widthOfString(word);
        if (w <= left) {
          line += word;
          left -= w;
          continue;
        }
        if (line) out.push(line);
        if (w <= width) {
          line = word;
          left = width - w;
          continue;
        }
        // A word wider than the line: as many characters per line as fit (each measured alone, no new prefixes).
        line = '';
        left = width;
        for (const c of word) {
          const cw = this.pdf.widthOfString(c);
          if (line && cw > left) {
            out.push(line);
            line = '';
            left = width;
          }
          line += c;
          left -= cw;
        }
      }
      out.push(line);
    }
    return out;
  }

  /** Height the text pieces take at `width`: measured with the boldest, largest font present (an upper bound). */
  measure(pieces: TextPiece[], width: number, fallbackSize: number): number {
    const text = pieces.map((p) => p.text).join('').replace(/\v/g, '\n');
    const size = pieces.reduce((m, p) => Math.max(m, p.size), 0) || fallbackSize;
    if (!text.trim()) return this.lineHeight(size);
    const bold = pieces.some((p) => p.bold);
    const key = `${bold ? 'b' : 'r'}|${size}|${width}|${text}`;
    const known = this.heights.get(key);
    if (known !== undefined) return known;
    this.useFont(bold ? BOLD : REGULAR).fontSize(size);
    const lineGap = this.lineGap(size);
    // What heightOfString adds per line (the line's height and its gap), from the same lines drawLines draws.
    const lines = pieces.length === 1 ? this.lines(text, width, `${bold ? 'b' : 'r'}${size}`) : null;
    const h = lines ? lines.length * this.lineHeight(size) : this.pdf.heightOfString(text, { width, lineGap });
    this.heights.set(key, h);
    return h;
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
        lineGap: this.lineGap(p.size),
        link: p.link ?? null,
      };
      // pdfkit keeps a line only if the font's full (taller) line height fits: give it that much more room.
      if (height !== undefined) opts.height = height + Math.max(0, -this.lineGap(p.size));
      const text = p.text.replace(/\v/g, '\n');
      if (i === 0) this.pdf.text(text, x, y, opts);
      else this.pdf.text(text, opts);
    });
    this.fillWith('#000000');
  }

  /**
   * Draws one styled run at (x, y) in `width` as pdfkit's wrapper places it — the lines `lines` gives, each aligned
   * in the width, one line height and gap apart, none past `height` — without running the wrapper. False (nothing
   * drawn) when the text needs the wrapper, or is justified over several lines.
   */
  private drawLines(p: TextPiece, x: number, y: number, width: number, align: 'left' | 'center' | 'right' | 'justify', height: number): boolean {
    const text = p.text.replace(/\v/g, '\n');
    this.setFont(p);
    const lines = this.lines(text, width, `${p.bold ? 'b' : 'r'}${p.size}`);
    if (!lines || (align === 'justify' && lines.length > 1)) return false;
    const step = this.lineHeight(p.size);
    lines.forEach((line, k) => {
      const top = y + k * step;
      if (top + step > y + height + 0.01 || !line) return;
      let at = x;
      if (align === 'right') at = x + width - this.pdf.widthOfString(line.replace(/\s+$/, ''));
      else if (align === 'center') at = x + (width - this.pdf.widthOfString(line)) / 2;
      // The paragraph's last line: justified text is set flush left, as the wrapper does.
      this.pdf.text(line, at, top, {
        lineBreak: false,
        underline: p.underline,
        strike: p.strike,
        oblique: p.italic ? 10 : false,
        link: p.link ?? null,
      });
    });
    this.fillWith('#000000');
    return true;
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
    this.fill = null;
    this.stroke = null;
    this.pdf.x = this.left;
    this.pdf.y = this.top;
  }

  private ensureRoom(h: number): void {
    if (this.pdf.y + h > this.bottom && this.pdf.y > this.top + 0.5) this.newPage();
  }

  /** The size an image box takes in `maxWidth`: the image's own size, scaled down (keeping its shape) to fit. */
  private imageSize(piece: ImagePiece, maxWidth: number): { w: number; h: number } {
    const w = Math.max(1, piece.widthPt);
    const h = Math.max(1, piece.heightPt);
    const scale = Math.min(1, maxWidth / w, (this.bottom - this.top) / h);
    return { w: w * scale, h: h * scale };
  }

  /**
   * Draws an image's placeholder at (x, y): a dashed box of the image's size with a cross and the image's file name
   * (the sandbox cannot fetch the picture). Returns the height taken.
   */
  private imageBox(piece: ImagePiece, x: number, y: number, maxWidth: number, align: 'left' | 'center' | 'right' | 'justify'): number {
    const { w, h } = this.imageSize(piece, maxWidth);
    const left = align === 'center' ? x + (maxWidth - w) / 2 : align === 'right' ? x + maxWidth - w : x;
    this.pdf.save().lineWidth(0.5).dash(2, { space: 2 }).strokeColor('#9a9a9a').rect(left, y, w, h).stroke().undash();
    this.pdf.moveTo(left, y).lineTo(left + w, y + h).moveTo(left + w, y).lineTo(left, y + h).lineWidth(0.25).strokeColor('#c8c8c8').stroke().restore();
    // The stroke was saved and restored around the box: the page's border stroke is unchanged.
    const name = imageName(piece.uri);
    if (w >= 24 && h >= 14) {
      this.useFont(REGULAR).fontSize(6);
      this.fillWith('#666666');
      const label = `[image] ${name}`;
      const lh = this.pdf.heightOfString(label, { width: w - 4 });
      this.pdf.text(label, left + 2, y + Math.max(2, (h - Math.min(lh, h - 4)) / 2), { width: w - 4, height: h - 4, align: 'center', ellipsis: true });
      this.fillWith('#000000');
    }
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
        this.ensureRoom(this.imageSize(piece, this.width).h);
        const h = this.imageBox(piece, this.left, this.pdf.y, this.width, this.alignOf(p));
        this.pdf.x = this.left;
        this.pdf.y += h + IMAGE_GAP;
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

  /** A cell's paragraphs with their pieces, read once for measuring and drawing. */
  private cellLayout(content: StructuralElement[]): CellParagraph[] {
    return this.cellParagraphs(content).map((p) => ({ pieces: piecesOf(this.doc, p), size: lookOf(p).size, align: this.alignOf(p) }));
  }

  /** The height of a cell's content at `width` (its padding left out), as drawCell lays it out. */
  private cellHeight(paragraphs: CellParagraph[], width: number): number {
    let h = 0;
    for (const p of paragraphs) {
      const texts = p.pieces.filter((x): x is TextPiece => x.kind === 'text');
      const images = p.pieces.filter((x): x is ImagePiece => x.kind === 'image');
      if (texts.length || !images.length) h += this.measure(texts, width, p.size);
      for (const image of images) h += this.imageSize(image, width).h + IMAGE_GAP;
    }
    return h;
  }

  private drawCell(paragraphs: CellParagraph[], x: number, y: number, width: number, height: number, pad: Padding): void {
    let cy = y + pad.top;
    const limit = y + height - pad.bottom;
    for (const p of paragraphs) {
      let texts: TextPiece[] = [];
      const flush = () => {
        if (!texts.length || cy >= limit) return;
        const h = this.measure(texts, width, p.size);
        const room = Math.max(1, limit - cy) + 1;
        if (texts.length > 1 || !this.drawLines(texts[0], x, cy, width, p.align, room)) this.drawText(texts, x, cy, width, p.align, room);
        cy += h;
        texts = [];
      };
      let drew = false;
      for (const piece of p.pieces) {
        if (piece.kind === 'text') texts.push(piece);
        else if (piece.kind === 'image') {
          flush();
          if (cy + this.imageSize(piece, width).h <= limit + 0.01) cy += this.imageBox(piece, x, cy, width, p.align) + IMAGE_GAP;
          drew = true;
        }
      }
      if (texts.length) drew = true;
      flush();
      if (!drew) cy += this.lineHeight(p.size);
    }
  }

  private table(t: Table): void {
    const widths = columnWidths(t, this.width);
    const cells = t.tableRows.map((row) => row.tableCells.map((c) => this.cellLayout(c.content)));
    const pads = t.tableRows.map((row) => row.tableCells.map((c) => paddingOf(c.tableCellStyle)));
    const rowHeights = t.tableRows.map((row, r) => {
      const min = magnitude(row.tableRowStyle?.minRowHeight) ?? 0;
      const h = cells[r].reduce((m, c, i) => {
        const pad = pads[r][i];
        return Math.max(m, this.cellHeight(c, Math.max(10, (widths[i] ?? 50) - pad.left - pad.right)) + pad.top + pad.bottom);
      }, 0);
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
            this.drawRow(t, cells, pads, k, widths, y, rowHeights[k]);
            y += rowHeights[k];
          }
        }
      }
      this.drawRow(t, cells, pads, r, widths, y, h);
      y += h;
    });
    this.pdf.x = this.left;
    this.pdf.y = y;
  }

  private drawRow(t: Table, cells: CellParagraph[][][], pads: Padding[][], r: number, widths: number[], y: number, h: number): void {
    let x = this.left;
    t.tableRows[r].tableCells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      const style = cell.tableCellStyle ?? {};
      const bg = colorOf(style.backgroundColor);
      if (bg) {
        this.pdf.save().rect(x, y, w, h).fill(bg).restore();
        // The page's fill is back, but pdfkit now takes the background for the current colour (it draws underlines in it).
        this.fill = null;
      }
      const border = magnitude(style.borderTop?.width) ?? 1;
      if (border > 0) {
        // Borders set the stroke once per page and colour (a cell background's fill is saved and restored around it).
        const stroke = `${Math.max(0.25, border * 0.75)} ${colorOf(style.borderTop?.color) ?? '#000000'}`;
        if (stroke !== this.stroke) {
          this.pdf.lineWidth(Math.max(0.25, border * 0.75)).strokeColor(colorOf(style.borderTop?.color) ?? '#000000');
          this.stroke = stroke;
        }
        this.pdf.rect(x, y, w, h).stroke();
      }
      const pad = pads[r][i];
      this.drawCell(cells[r][i], x + pad.left, y, Math.max(10, w - pad.left - pad.right), h, pad);
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
