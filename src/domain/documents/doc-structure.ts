// A navigable view of a Docs API document body: paragraphs with their text and index range, tables with rows and
// cells, and for every element the container (body or table cell) it sits in — what placeholder discovery and
// merge planning walk. Indexes are the Docs API's: one per UTF-16 code unit, tables and cells take one each.
import type { DocsDocument, DocsStructuralElement } from '../../ports';

/** Stands for one index of a non-text paragraph element (inline image, page break…). */
export const OBJECT_CHAR = '\uFFFC';

export interface ParagraphNode {
  kind: 'paragraph';
  startIndex: number;
  endIndex: number;
  /** The paragraph's text including its final "\n"; one character per index (objects as OBJECT_CHAR). */
  text: string;
  /** paragraphStyle.alignment when set ("CENTER", "END"…). */
  alignment?: string;
  /** The text style of the paragraph's first text run (bold, size, colour… as the template writer set them). */
  textStyle?: Record<string, unknown>;
  container: Container;
  /** Position among the container's elements. */
  position: number;
}

export interface TableNode {
  kind: 'table';
  startIndex: number;
  endIndex: number;
  columns: number;
  rows: RowNode[];
  container: Container;
  position: number;
}

/** Section breaks and anything else that is neither a paragraph nor a table. */
export interface OtherNode {
  kind: 'other';
  startIndex: number;
  endIndex: number;
  container: Container;
  position: number;
}

export type DocNode = ParagraphNode | TableNode | OtherNode;

export interface RowNode {
  startIndex: number;
  endIndex: number;
  cells: Container[];
}

export interface CellRef {
  table: TableNode;
  rowIndex: number;
  columnIndex: number;
}

/** The body, or one table cell. */
export interface Container {
  elements: DocNode[];
  /** Null for the body. */
  cell: CellRef | null;
}

export interface DocStructure {
  body: Container;
  /** Every paragraph, in document order, at any depth. */
  paragraphs: ParagraphNode[];
  /** Every table, in document order, at any depth. */
  tables: TableNode[];
}

function paragraphText(el: DocsStructuralElement, start: number, end: number): string {
  let text = '';
  let at = start;
  for (const part of el.paragraph?.elements ?? []) {
    if (part.startIndex > at) text += OBJECT_CHAR.repeat(part.startIndex - at);
    const content = part.textRun?.content;
    const width = part.endIndex - part.startIndex;
    text += content !== undefined ? content : OBJECT_CHAR.repeat(width);
    at = part.startIndex + (content !== undefined ? content.length : width);
  }
  if (at < end) text += OBJECT_CHAR.repeat(end - at);
  return text;
}

function readContainer(content: readonly DocsStructuralElement[], cell: CellRef | null, out: DocStructure): Container {
  const container: Container = { elements: [], cell };
  let previousEnd = 0;
  for (const el of content) {
    const startIndex = el.startIndex ?? el.paragraph?.elements[0]?.startIndex ?? previousEnd;
    const endIndex = el.endIndex;
    const position = container.elements.length;
    previousEnd = endIndex;
    if (el.paragraph) {
      const alignment = el.paragraph.paragraphStyle?.alignment;
      const textStyle = el.paragraph.elements.find((e) => e.textRun)?.textRun?.textStyle;
      const node: ParagraphNode = {
        kind: 'paragraph',
        startIndex,
        endIndex,
        text: paragraphText(el, startIndex, endIndex),
        container,
        position,
        ...(typeof alignment === 'string' ? { alignment } : {}),
        ...(textStyle ? { textStyle } : {}),
      };
      container.elements.push(node);
      out.paragraphs.push(node);
    } else if (el.table) {
      const node: TableNode = { kind: 'table', startIndex, endIndex, columns: el.table.columns, rows: [], container, position };
      container.elements.push(node);
      out.tables.push(node);
      el.table.tableRows.forEach((row, rowIndex) => {
        node.rows.push({
          startIndex: row.startIndex,
          endIndex: row.endIndex,
          cells: row.tableCells.map((c, columnIndex) => readContainer(c.content, { table: node, rowIndex, columnIndex }, out)),
        });
      });
    } else {
      container.elements.push({ kind: 'other', startIndex, endIndex, container, position });
    }
  }
  return container;
}

/**
 * Reads a document's body into paragraphs and tables with their containers.
 * @example readStructure(doc).paragraphs.map((p) => p.text) // ["Dear {{customer.contact}},\n", …]
 */
export function readStructure(doc: DocsDocument): DocStructure {
  const out: DocStructure = { body: { elements: [], cell: null }, paragraphs: [], tables: [] };
  out.body = readContainer(doc.body.content, null, out);
  return out;
}

/**
 * The cells enclosing a container, outermost first (empty for the body).
 * @example cellPath(paragraph.container).map((c) => [c.rowIndex, c.columnIndex]) // [[1, 0]]
 */
export function cellPath(container: Container): CellRef[] {
  const path: CellRef[] = [];
  for (let c: Container | null = container; c?.cell; c = c.cell.table.container) path.unshift(c.cell);
  return path;
}
