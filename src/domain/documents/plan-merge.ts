// Plans the filling of a copy of a document template as ONE Docs API batchUpdate: repeated line-item rows (or
// {{#lines}} blocks), optional {{#if}} sections removed, then scalar placeholders replaced text-wide. It validates
// first — unknown placeholders, missing data, a lost line row… — and then returns no requests at all.
import type { DocsDocument, DocsRequest } from '../../ports';
import type { Lang, Message } from '../i18n/i18n';
import { tDoc } from '../i18n/documents';
import { docTypeSpec } from './doc-types';
import { OBJECT_CHAR, readStructure, type Container, type DocNode, type ParagraphNode, type RowNode, type TableNode } from './doc-structure';
import { fieldDef, isLineField, lineKey } from './field-catalog';
import { imageAddress } from './image-address';
import type { MergeData, MissingField } from './merge-fields';
import { renderField } from './render-placeholder';
import { FORMATS, formatFits, isControlToken, parseTokens, type Token } from './template-syntax';

export type MergeProblemCode =
  | 'UNKNOWN_PLACEHOLDER'
  | 'BAD_PLACEHOLDER'
  | 'UNKNOWN_FORMAT'
  | 'FORMAT_NOT_APPLICABLE'
  | 'MISSING_DATA'
  | 'NO_LINES'
  | 'LINE_ROW_MISSING'
  | 'LINE_FIELD_OUTSIDE'
  | 'TWO_LINE_ROWS'
  | 'LINE_ROW_UNSUPPORTED'
  | 'SECTION_UNBALANCED'
  | 'SECTION_CROSSES_CELL'
  | 'SECTION_IN_LINES';

export interface MergeProblem {
  code: MergeProblemCode;
  message: Message;
}

export interface MergeReport {
  /** Field names the template uses that Gendan does not know, as written. */
  unknownPlaceholders: string[];
  /** Required values without data (from buildMergeData). */
  missingData: MissingField[];
  /** Why no requests were produced; empty when the plan can be applied. */
  problems: MergeProblem[];
}

export interface PlanMergeOptions {
  /** Refuse an order without lines; the document type's rule when not given (all five types need lines). */
  linesRequired?: boolean;
  /**
   * How a picture field ({{line.image}}) is written: as an inline image of the line's picture (true, the default),
   * or as a "View picture" link to its address (false: the retry after Google Docs could not fetch a picture).
   */
  images?: boolean;
}

export interface MergePlan {
  requests: DocsRequest[];
  report: MergeReport;
  /** How many insertInlineImage requests `requests` holds (Docs fails the whole batch when it cannot fetch one). */
  images: number;
}

/** The size of a picture put into a document: Docs fits the image into this box, keeping its proportions. */
export const IMAGE_SIZE_PT = 60;

/** The character formatting a new line-item cell takes from its template cell (links are left as they are). */
const CHARACTER_FIELDS = 'bold,italic,underline,strikethrough,smallCaps,fontSize,foregroundColor,backgroundColor,weightedFontFamily,baselineOffset';
const CHARACTER_KEYS = CHARACTER_FIELDS.split(',');

/** What the fill writes with: the data, and how pictures are written. */
interface Fill {
  data: MergeData;
  images: boolean;
  /** The text of a picture written as a link. */
  linkLabel: string;
  /** insertInlineImage requests emitted so far. */
  imageCount: number;
}

/** Pictures and links inside a text being built, at offsets into it. */
interface Media {
  images: { at: number; uri: string }[];
  links: { at: number; length: number; url: string }[];
}

interface Occurrence {
  token: Token;
  paragraph: ParagraphNode;
}

interface Section {
  kind: 'if' | 'lines';
  name: string;
  open: ParagraphNode;
  close: ParagraphNode;
}

/** Elements first…last of a container that are deleted, or rewritten as a {{#lines}} block. */
interface Region {
  first: number;
  last: number;
  block: Section | null;
}

interface LineRow {
  table: TableNode;
  rowIndex: number;
  row: RowNode;
}

/** An index-based edit; edits are emitted from the highest anchor down so none moves another. */
interface Edit {
  anchor: number;
  emit: (out: DocsRequest[]) => void;
}

const MAX_NAMES = 8;

function listNames(names: readonly string[]): string {
  const unique = [...new Set(names)];
  return unique.slice(0, MAX_NAMES).join(', ') + (unique.length > MAX_NAMES ? ', …' : '');
}

function problem(code: MergeProblemCode, vars: (lang: Lang) => Record<string, string | number> = () => ({})): MergeProblem {
  const id = `problem.${code}`;
  return { code, message: { en: tDoc('en', id, vars('en')), zh: tDoc('zh', id, vars('zh')) } };
}

/** Text without the object characters that stand for a template's own images and page breaks (never copied). */
function literal(text: string): string {
  return text.includes(OBJECT_CHAR) ? text.split(OBJECT_CHAR).join('') : text;
}

/**
 * Replaces a paragraph's tokens: fields by their values, control markers by nothing. Offsets are in p.text. A picture
 * field adds nothing to the text: it is noted in `media` at its offset (plus `base`, where the text will start), as
 * an image, or as a link whose label is written.
 */
function substitute(p: ParagraphNode, tokens: readonly Token[], fill: Fill, lineIndex?: number, media?: Media, base = 0): string {
  const text = p.text.endsWith('\n') ? p.text.slice(0, -1) : p.text;
  let out = '';
  let at = 0;
  for (const t of tokens) {
    out += literal(text.slice(at, t.offset));
    if (t.kind === 'field') {
      if (fieldDef(t.name)?.kind === 'image') {
        const uri = lineIndex === undefined ? '' : imageAddress(fill.data.lines[lineIndex]?.[lineKey(t.name)]);
        if (uri && media && fill.images) media.images.push({ at: base + out.length, uri });
        else if (uri && media) {
          media.links.push({ at: base + out.length, length: fill.linkLabel.length, url: uri });
          out += fill.linkLabel;
        }
      } else out += literal(renderField(t.name, t.format, fill.data, lineIndex));
    }
    at = t.offset + t.raw.length;
  }
  return out + literal(text.slice(at));
}

/** The inline images and links of `media`, for text inserted at `index`: images from the last back, so none moves another. */
function emitMedia(out: DocsRequest[], media: Media, index: number, fill: Fill): void {
  for (let m = media.images.length - 1; m >= 0; m--) {
    const image = media.images[m];
    out.push({
      insertInlineImage: {
        location: { index: index + image.at },
        uri: image.uri,
        objectSize: { height: { magnitude: IMAGE_SIZE_PT, unit: 'PT' }, width: { magnitude: IMAGE_SIZE_PT, unit: 'PT' } },
      },
    });
    fill.imageCount++;
  }
  for (const link of media.links) {
    // Images inserted at or before the link's offset moved it along.
    const before = media.images.filter((i) => i.at <= link.at).length;
    const start = index + link.at + before;
    out.push({ updateTextStyle: { range: { startIndex: start, endIndex: start + link.length }, textStyle: { link: { url: link.url } }, fields: 'link' } });
  }
}

/** The character formatting of a template paragraph, as the text style an updateTextStyle sets on the copies. */
function characterStyle(p: ParagraphNode): Record<string, unknown> {
  const style: Record<string, unknown> = {};
  const given = p.textStyle;
  if (given) for (const key of CHARACTER_KEYS) if (given[key] !== undefined && given[key] !== null) style[key] = given[key];
  return style;
}

function isMarkerOnly(p: ParagraphNode, tokens: readonly Token[]): boolean {
  if (!tokens.length || tokens.some((t) => !isControlToken(t.kind))) return false;
  let rest = p.text;
  for (const t of tokens) rest = rest.replace(t.raw, '');
  return rest.split(OBJECT_CHAR).join('').trim() === '';
}

function tableCellLocation(table: TableNode, rowIndex: number) {
  return { tableStartLocation: { index: table.startIndex }, rowIndex, columnIndex: 0 };
}

/**
 * Plans filling `doc` (a copy of a template) with `data` as one batchUpdate:
 * 1. per line-item table row: insertTableRow × lines below the template row, insertText into every new cell
 *    (from the last cell backwards) with updateTextStyle giving each paragraph its template paragraph's character
 *    formatting, insertInlineImage for each picture ({{line.image}}, from its last back), updateParagraphStyle where
 *    the template cell was aligned, deleteTableRow of the template row, pinTableHeaderRows (the rows above it) so the
 *    header repeats on every page;
 * 2. per {{#lines}} block: insertText of the repeated paragraphs (and their pictures), deleteContentRange of the block;
 * 3. deleteContentRange of {{#if}} sections whose field is empty, and of paragraphs that held only markers;
 * (1–3 ordered from the end of the document backwards, so each index is still valid when applied)
 * 4. replaceAllText for every scalar placeholder and inline marker left (index-free, last).
 * Any problem → no requests. Without lines (when allowed), line rows and blocks are simply removed. With
 * `images: false`, pictures are written as links to their address instead (no insertInlineImage at all).
 * @example
 * const { requests, report } = planMerge(templateCopy, buildMergeData({ … }));
 * if (report.problems.length) showProblems(report.problems); else docs.batchUpdate(id, requests);
 */
export function planMerge(doc: DocsDocument, data: MergeData, options: PlanMergeOptions = {}): MergePlan {
  const structure = readStructure(doc);
  const spec = docTypeSpec(data.docType);
  const problems: MergeProblem[] = [];
  const unknown: string[] = [];
  const tokensOf = new Map<ParagraphNode, Token[]>();
  const occurrences: Occurrence[] = [];
  for (const paragraph of structure.paragraphs) {
    const tokens = parseTokens(paragraph.text);
    if (!tokens.length) continue;
    tokensOf.set(paragraph, tokens);
    for (const token of tokens) occurrences.push({ token, paragraph });
  }
  const tokens = (p: ParagraphNode) => tokensOf.get(p) ?? [];

  // 1. every placeholder: known field, known format that fits it
  const bad: string[] = [];
  const badFormat: string[] = [];
  const unfit: string[] = [];
  for (const { token } of occurrences) {
    if (token.kind === 'invalid') bad.push(token.raw);
    if (token.kind !== 'field' && token.kind !== 'if') continue;
    const def = fieldDef(token.name);
    if (!def) {
      unknown.push(token.name);
      continue;
    }
    if (token.format === null) continue;
    if (!(FORMATS as readonly string[]).includes(token.format)) badFormat.push(token.raw);
    else if (!formatFits(token.format, def.kind)) unfit.push(token.raw);
  }
  const uniqueUnknown = [...new Set(unknown)];
  if (uniqueUnknown.length) problems.push(problem('UNKNOWN_PLACEHOLDER', () => ({ names: listNames(uniqueUnknown) })));
  if (bad.length) problems.push(problem('BAD_PLACEHOLDER', () => ({ names: listNames(bad) })));
  if (badFormat.length) problems.push(problem('UNKNOWN_FORMAT', () => ({ names: listNames(badFormat) })));
  if (unfit.length) problems.push(problem('FORMAT_NOT_APPLICABLE', () => ({ names: listNames(unfit) })));

  // 2. sections: markers pair up inside one container; no sections or tables inside a lines block
  const sections: Section[] = [];
  const stack: Occurrence[] = [];
  const unbalanced: string[] = [];
  const crossing: string[] = [];
  let inLines = false;
  for (const occ of occurrences) {
    const { kind } = occ.token;
    if (kind === 'if' || kind === 'lines') {
      if (stack.some((o) => o.token.kind === 'lines')) inLines = true;
      stack.push(occ);
    } else if (kind === 'end-if' || kind === 'end-lines') {
      const open = stack.pop();
      if (!open || open.token.kind !== (kind === 'end-if' ? 'if' : 'lines')) {
        unbalanced.push(occ.token.raw);
        if (open) stack.push(open);
        continue;
      }
      if (open.paragraph.container !== occ.paragraph.container) {
        crossing.push(`${open.token.raw}…${occ.token.raw}`);
        continue;
      }
      sections.push({ kind: open.token.kind === 'if' ? 'if' : 'lines', name: open.token.name, open: open.paragraph, close: occ.paragraph });
    }
  }
  for (const open of stack) unbalanced.push(open.token.raw);
  if (unbalanced.length) problems.push(problem('SECTION_UNBALANCED', () => ({ names: listNames(unbalanced) })));
  if (crossing.length) problems.push(problem('SECTION_CROSSES_CELL', () => ({ names: listNames(crossing) })));

  const blocks = sections.filter((s) => s.kind === 'lines');
  const blockOf = new Map<ParagraphNode, Section>();
  for (const block of blocks) {
    const { elements } = block.open.container;
    for (let i = block.open.position; i <= block.close.position; i++) {
      const el = elements[i];
      if (el.kind !== 'paragraph') inLines = true;
      else {
        blockOf.set(el, block);
        if (tokens(el).some((t) => t.kind === 'if' || t.kind === 'end-if')) inLines = true;
      }
    }
  }
  if (inLines) problems.push(problem('SECTION_IN_LINES'));

  // 3. line-item rows: the table rows holding line fields
  const lineRowsByTable = new Map<TableNode, Set<number>>();
  const outside: string[] = [];
  for (const { token, paragraph } of occurrences) {
    const lineToken = (token.kind === 'field' || token.kind === 'if') && isLineField(token.name);
    if (!lineToken) continue;
    const cell = paragraph.container.cell;
    if (token.kind === 'if' || (!blockOf.has(paragraph) && !cell)) {
      outside.push(token.raw);
      continue;
    }
    if (blockOf.has(paragraph) || !cell) continue;
    const rows = lineRowsByTable.get(cell.table) ?? new Set<number>();
    rows.add(cell.rowIndex);
    lineRowsByTable.set(cell.table, rows);
  }
  if (outside.length) problems.push(problem('LINE_FIELD_OUTSIDE', () => ({ names: listNames(outside) })));
  const lineRows: LineRow[] = [];
  let unsupported = false;
  for (const [table, rows] of lineRowsByTable) {
    if (rows.size > 1) {
      problems.push(problem('TWO_LINE_ROWS'));
      continue;
    }
    const rowIndex = [...rows][0];
    const row = table.rows[rowIndex];
    const cellsOk = row.cells.length === table.columns
      && row.cells.every((c) => c.elements.every((el) => el.kind === 'paragraph' && !tokens(el).some((t) => isControlToken(t.kind))));
    if (!cellsOk) unsupported = true;
    lineRows.push({ table, rowIndex, row });
  }
  if (unsupported) problems.push(problem('LINE_ROW_UNSUPPORTED'));

  // 4. lines and data
  const lineCount = data.lines.length;
  if ((options.linesRequired ?? spec.linesRequired) && lineCount === 0) {
    problems.push(problem('NO_LINES', (lang) => ({ order: data.fields['order.no'] ?? '', doc: tDoc(lang, `doc.${data.docType}.name`) })));
  } else if (lineCount > 0 && !lineRowsByTable.size && !blocks.length) {
    problems.push(problem('LINE_ROW_MISSING', () => ({ count: lineCount })));
  }
  if (data.missing.length) {
    problems.push(problem('MISSING_DATA', (lang) => ({ count: data.missing.length, list: data.missing.map((m) => m.message[lang]).join(' ') })));
  }
  const report: MergeReport = { unknownPlaceholders: uniqueUnknown, missingData: data.missing, problems };
  if (problems.length) return { requests: [], report, images: 0 };
  const fill: Fill = { data, images: options.images ?? true, linkLabel: tDoc(data.lang, 'tpl.pictureLink'), imageCount: 0 };

  // 5. optional sections: an empty field removes its paragraphs; kept sections lose paragraphs holding only markers
  const doomed = new Set<DocNode>();
  const isDoomed = (node: DocNode): boolean => {
    for (let n: DocNode | undefined = node; n; n = n.container.cell?.table) if (doomed.has(n)) return true;
    return false;
  };
  const ifSections = sections.filter((s) => s.kind === 'if').sort((a, b) => a.open.startIndex - b.open.startIndex);
  for (const section of ifSections) {
    if (isDoomed(section.open)) continue;
    const keep = (data.fields[section.name] ?? '').trim() !== '';
    const { elements } = section.open.container;
    if (!keep) for (let i = section.open.position; i <= section.close.position; i++) doomed.add(elements[i]);
    else {
      for (const p of [section.open, section.close]) if (isMarkerOnly(p, tokens(p))) doomed.add(p);
    }
  }

  const edits: Edit[] = [];
  // Regions that disappear or are rewritten, per container: runs of doomed elements and {{#lines}} blocks.
  const regions = new Map<Container, Region[]>();
  const addRegion = (container: Container, region: Region) => {
    const list = regions.get(container) ?? [];
    list.push(region);
    regions.set(container, list);
  };
  for (const block of blocks) {
    if (isDoomed(block.open)) continue;
    addRegion(block.open.container, { first: block.open.position, last: block.close.position, block });
  }
  const doomedContainers = new Set<Container>([...doomed].map((n) => n.container));
  for (const container of doomedContainers) {
    if (container.cell && isDoomed(container.cell.table)) continue;
    const { elements } = container;
    for (let i = 0; i < elements.length; i++) {
      if (!doomed.has(elements[i])) continue;
      let last = i;
      while (last + 1 < elements.length && doomed.has(elements[last + 1])) last++;
      addRegion(container, { first: i, last, block: null });
      i = last;
    }
  }
  for (const [container, list] of regions) planRegions(container, list, fill, tokens, edits);

  // line-item tables
  const inTemplateRow = new Set<ParagraphNode>();
  for (const lineRow of lineRows) {
    for (const cell of lineRow.row.cells) for (const el of cell.elements) if (el.kind === 'paragraph') inTemplateRow.add(el);
    if (isDoomed(lineRow.table)) continue;
    edits.push({ anchor: lineRow.row.startIndex, emit: (out) => emitLineTable(out, lineRow, fill, tokens) });
  }

  const requests: DocsRequest[] = [];
  edits.sort((a, b) => b.anchor - a.anchor).forEach((e) => e.emit(requests));

  // 6. scalar placeholders and inline markers that survive, replaced document-wide
  const replacements = new Map<string, string>();
  for (const { token, paragraph } of occurrences) {
    if (isDoomed(paragraph) || inTemplateRow.has(paragraph) || blockOf.has(paragraph) || replacements.has(token.raw)) continue;
    if (token.kind === 'field') replacements.set(token.raw, renderField(token.name, token.format, data));
    else if (token.kind === 'if' || token.kind === 'end-if') replacements.set(token.raw, '');
  }
  for (const [text, replaceText] of replacements) {
    requests.push({ replaceAllText: { containsText: { text, matchCase: true }, replaceText } });
  }
  return { requests, report, images: fill.imageCount };
}

function emitLineTable(out: DocsRequest[], { table, rowIndex, row }: LineRow, fill: Fill, tokens: (p: ParagraphNode) => Token[]): void {
  const lineCount = fill.data.lines.length;
  if (lineCount === 0) {
    if (table.rows.length === 1) {
      // A table of only the line row goes entirely (a table cannot lose its last row); a paragraph always follows it.
      out.push(deleteRange(table.startIndex, table.endIndex));
      return;
    }
  } else {
    const columns = row.cells.length;
    const rowLength = 1 + 2 * columns;
    const cellParagraphs = row.cells.map((c) => c.elements.filter((el): el is ParagraphNode => el.kind === 'paragraph'));
    const alignments = cellParagraphs.map((ps) => ps[0]?.alignment);
    const styles = cellParagraphs.map((ps) => ps.map(characterStyle));
    for (let k = 0; k < lineCount; k++) out.push({ insertTableRow: { tableCellLocation: tableCellLocation(table, rowIndex), insertBelow: true } });
    // New rows start where the template row ends; an empty cell is its start index plus one "\n".
    for (let k = lineCount - 1; k >= 0; k--) {
      const rowStart = row.endIndex + k * rowLength;
      for (let j = columns - 1; j >= 0; j--) {
        const paragraphs = cellParagraphs[j];
        const media: Media = { images: [], links: [] };
        const starts: number[] = [];
        let text = '';
        for (let i = 0; i < paragraphs.length; i++) {
          if (i) text += '\n';
          starts.push(text.length);
          text += substitute(paragraphs[i], tokens(paragraphs[i]), fill, k, media, text.length);
        }
        if (!text && !media.images.length) continue;
        const index = rowStart + 2 + 2 * j;
        if (text) {
          out.push({ insertText: { location: { index }, text } });
          // Each paragraph takes its template paragraph's character formatting, whatever the new row started with.
          for (let i = 0; i < paragraphs.length; i++) {
            const end = i + 1 < paragraphs.length ? starts[i + 1] - 1 : text.length;
            if (end > starts[i]) {
              out.push({ updateTextStyle: { range: { startIndex: index + starts[i], endIndex: index + end }, textStyle: styles[j][i], fields: CHARACTER_FIELDS } });
            }
          }
        }
        emitMedia(out, media, index, fill);
        const alignment = alignments[j];
        if (alignment && alignment !== 'START') {
          out.push({
            updateParagraphStyle: {
              range: { startIndex: index, endIndex: index + text.length + media.images.length + 1 },
              paragraphStyle: { alignment },
              fields: 'alignment',
            },
          });
        }
      }
    }
  }
  out.push({ deleteTableRow: { tableCellLocation: tableCellLocation(table, rowIndex) } });
  if (rowIndex > 0) out.push({ pinTableHeaderRows: { tableStartLocation: { index: table.startIndex }, pinnedHeaderRowsCount: rowIndex } });
}

/**
 * Plans the regions of one container from its end backwards, knowing what will follow each region once the
 * regions after it are done: the Docs API refuses to delete a container's last newline or the newline before a
 * table, so a region with no paragraph after it keeps its last newline (an empty paragraph, or the end of the
 * text inserted for a {{#lines}} block).
 */
function planRegions(container: Container, list: Region[], fill: Fill, tokens: (p: ParagraphNode) => Token[], edits: Edit[]): void {
  const { elements } = container;
  const byLast = new Map(list.map((r) => [r.last, r]));
  let paragraphFollows = false;
  for (let i = elements.length - 1; i >= 0; i--) {
    const region = byLast.get(i);
    if (!region) {
      paragraphFollows = elements[i].kind === 'paragraph';
      continue;
    }
    const start = elements[region.first].startIndex;
    const end = elements[region.last].endIndex;
    const media: Media = { images: [], links: [] };
    const text = region.block ? blockText(region.block, fill, tokens, media) : '';
    const requests: DocsRequest[] = [];
    if (text) requests.push({ insertText: { location: { index: start }, text } });
    // The block's text always ends with a newline, so its pictures go inside it.
    if (text) emitMedia(requests, media, start, fill);
    const shift = text.length + media.images.length;
    if (paragraphFollows) requests.push(deleteRange(start + shift, end + shift));
    else if (text) requests.push(deleteRange(start + shift - 1, end + shift - 1));
    else if (end - 1 > start) requests.push(deleteRange(start, end - 1));
    // Whatever happened, a paragraph now follows the element before the region.
    paragraphFollows = true;
    edits.push({ anchor: start, emit: (out) => out.push(...requests) });
    i = region.first;
  }
}

function deleteRange(startIndex: number, endIndex: number): DocsRequest {
  return { deleteContentRange: { range: { startIndex, endIndex } } };
}

/**
 * The paragraphs of a {{#lines}} block, once per line, markers removed, paragraphs of only markers left out; its
 * pictures noted in `media`.
 */
function blockText(block: Section, fill: Fill, tokens: (p: ParagraphNode) => Token[], media: Media): string {
  const paragraphs = block.open.container.elements.slice(block.open.position, block.close.position + 1) as ParagraphNode[];
  const repeated = paragraphs.filter((p) => !isMarkerOnly(p, tokens(p)));
  let text = '';
  for (let k = 0; k < fill.data.lines.length; k++) {
    for (const p of repeated) text += substitute(p, tokens(p), fill, k, media, text.length) + '\n';
  }
  return text;
}
