// Test support: a tiny reference model of a Google Doc body and an applier for the Docs API requests Gendan emits
// (insertText, insertTable, insertTableRow, deleteTableRow, deleteContentRange, replaceAllText, pinTableHeaderRows,
// updateParagraphStyle, updateTextStyle, updateTableColumnProperties, updateTableCellStyle, updateDocumentStyle,
// insertInlineImage), following the index model of the Docs API and refusing what it refuses. An inline image is
// one index: the character U+FFFC in its paragraph's text, its address kept in the document's `images`.
// `tableEnd` chooses whether a table also counts one index for its end (the sandbox fake does, the brief's model
// does not); Gendan's requests must work either way.
import type { DocsDocument, DocsRequest, DocsStructuralElement } from '../../src/ports';

export interface MPara {
  kind: 'p';
  /** Text without the final newline. */
  text: string;
  style: Record<string, unknown>;
}
export interface MTable {
  kind: 't';
  rows: MCell[][];
  pinned: number;
  /** Column properties set by updateTableColumnProperties, by column. */
  columns?: Record<string, unknown>[];
}
export interface MBreak {
  kind: 'b';
}
export interface MCell {
  content: MNode[];
}
export type MNode = MPara | MTable | MBreak;
export interface MDoc {
  body: MNode[];
  /** Indexes a table takes after its last row: 0 (the brief's model) or 1 (a table-end marker). */
  tableEnd: 0 | 1;
  /** Set by updateDocumentStyle. */
  documentStyle?: Record<string, unknown>;
  /** Inline images inserted, in the order of the requests. */
  images?: { uri: string; objectSize?: unknown }[];
}

/** The character an inline image is in a paragraph's text. */
export const IMAGE_CHAR = '\uFFFC';

// ---------- building ----------

export const para = (text: string, style: Record<string, unknown> = {}): MPara => ({ kind: 'p', text, style });

/** A table from cell texts; "\n" in a cell text makes several paragraphs. */
export function table(rows: string[][]): MTable {
  return { kind: 't', pinned: 0, rows: rows.map((r) => r.map((text) => ({ content: text.split('\n').map((t) => para(t)) }))) };
}

/** A document: section break, then the given paragraphs (strings) and tables; like Docs, never ends with a table. */
export function makeDoc(...nodes: (string | MTable | MPara)[]): MDoc {
  const body: MNode[] = [{ kind: 'b' }, ...nodes.map((n) => (typeof n === 'string' ? para(n) : n))];
  if (body[body.length - 1].kind !== 'p') body.push(para(''));
  return { body, tableEnd: 0 };
}

/** The same document under the other table-end convention. */
export function withTableEnd(doc: MDoc, tableEnd: 0 | 1): MDoc {
  return { ...doc, tableEnd };
}

/** The empty document Docs creates: section break 0–1, paragraph "\n" 1–2. */
export function emptyDoc(): MDoc {
  return makeDoc('');
}

// ---------- model ↔ Docs API JSON ----------

export function toDocs(doc: MDoc, documentId = 'doc-1'): DocsDocument {
  let i = 0;
  const out = (nodes: MNode[], isBody: boolean): DocsStructuralElement[] =>
    nodes.map((node, position) => {
      if (node.kind === 'b') {
        const el: DocsStructuralElement = { endIndex: i + 1, sectionBreak: {} };
        if (!(isBody && position === 0)) el.startIndex = i;
        i += 1;
        return el;
      }
      if (node.kind === 'p') {
        const content = node.text + '\n';
        const startIndex = i;
        i += content.length;
        return {
          startIndex,
          endIndex: i,
          paragraph: { elements: [{ startIndex, endIndex: i, textRun: { content } }], paragraphStyle: { ...node.style } },
        };
      }
      const startIndex = i;
      i += 1;
      const tableRows = node.rows.map((row) => {
        const rowStart = i;
        i += 1;
        const tableCells = row.map((cell) => {
          const cellStart = i;
          i += 1;
          const content = out(cell.content, false);
          return { startIndex: cellStart, endIndex: i, content };
        });
        return { startIndex: rowStart, endIndex: i, tableCells };
      });
      i += doc.tableEnd;
      return { startIndex, endIndex: i, table: { rows: node.rows.length, columns: node.rows[0]?.length ?? 0, tableRows } };
    });
  return { documentId, title: 'test', body: { content: out(doc.body, true) } };
}

export function fromDocs(doc: DocsDocument, tableEnd: 0 | 1 = 0): MDoc {
  const read = (content: DocsStructuralElement[]): MNode[] =>
    content.map((el): MNode => {
      if (el.paragraph) {
        const text = el.paragraph.elements.map((e) => e.textRun?.content ?? '').join('');
        return para(text.replace(/\n$/, ''), { ...(el.paragraph.paragraphStyle ?? {}) });
      }
      if (el.table) return { kind: 't', pinned: 0, rows: el.table.tableRows.map((r) => r.tableCells.map((c) => ({ content: read(c.content) }))) };
      return { kind: 'b' };
    });
  return { body: read(doc.body.content), tableEnd };
}

// ---------- reading results ----------

/** Cell texts of a table: paragraphs of a cell joined by "\n". */
export function cellTexts(t: MTable): string[][] {
  return t.rows.map((r) => r.map((c) => c.content.map((n) => (n.kind === 'p' ? n.text : n.kind === 't' ? '[table]' : '')).join('\n')));
}

export function tablesOf(doc: MDoc): MTable[] {
  const found: MTable[] = [];
  const walk = (nodes: MNode[]) => {
    for (const n of nodes) {
      if (n.kind !== 't') continue;
      found.push(n);
      for (const row of n.rows) for (const cell of row) walk(cell.content);
    }
  };
  walk(doc.body);
  return found;
}

/** Body paragraphs' texts (tables shown as "[table]"). */
export function bodyTexts(doc: MDoc): string[] {
  return doc.body.filter((n) => n.kind !== 'b').map((n) => (n.kind === 'p' ? n.text : '[table]'));
}

/** Every text in the document, cells included. */
export function allText(doc: MDoc): string {
  const parts: string[] = [];
  const walk = (nodes: MNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'p') parts.push(n.text);
      if (n.kind === 't') for (const row of n.rows) for (const cell of row) walk(cell.content);
    }
  };
  walk(doc.body);
  return parts.join('\n');
}

// ---------- applying requests ----------

interface Placed {
  container: MNode[];
  position: number;
  start: number;
  end: number;
}

/** Start/end index of each element of a container whose first element starts at `start`. */
function placeAll(container: MNode[], start: number, te: number): Placed[] {
  const placed: Placed[] = [];
  let i = start;
  container.forEach((node, position) => {
    const s = i;
    i += size(node, te);
    placed.push({ container, position, start: s, end: i });
  });
  return placed;
}

function size(node: MNode, te: number): number {
  if (node.kind === 'b') return 1;
  if (node.kind === 'p') return node.text.length + 1;
  let n = 1 + te;
  for (const row of node.rows) {
    n += 1;
    for (const cell of row) n += 1 + contentSize(cell.content, te);
  }
  return n;
}

function contentSize(nodes: MNode[], te: number): number {
  return nodes.reduce((a, c) => a + size(c, te), 0);
}

/** Calls `visit` for every element at any depth, with its index range. */
function walkPlaced(doc: MDoc, visit: (p: Placed) => void): void {
  const walk = (container: MNode[], start: number) => {
    for (const p of placeAll(container, start, doc.tableEnd)) {
      visit(p);
      const node = p.container[p.position];
      if (node.kind !== 't') continue;
      let i = p.start + 1;
      for (const row of node.rows) {
        i += 1;
        for (const cell of row) {
          i += 1;
          walk(cell.content, i);
          i += contentSize(cell.content, doc.tableEnd);
        }
      }
    }
  };
  walk(doc.body, 0);
}

function findParagraph(doc: MDoc, index: number): Placed {
  let found: Placed | null = null;
  walkPlaced(doc, (p) => {
    if (p.container[p.position].kind === 'p' && p.start <= index && index < p.end) found = p;
  });
  if (!found) throw new Error(`no paragraph holds index ${index}`);
  return found;
}

function findTable(doc: MDoc, index: number): MTable {
  let found: MTable | null = null;
  walkPlaced(doc, (p) => {
    const node = p.container[p.position];
    if (node.kind === 't' && p.start === index) found = node;
  });
  if (!found) throw new Error(`no table starts at ${index}`);
  return found;
}

/** Replaces paragraph `position` of a container by the paragraphs of `text` (split at newlines). */
function setParagraphText(container: MNode[], position: number, text: string): void {
  const p = container[position] as MPara;
  const parts = text.split('\n');
  container.splice(position, 1, ...parts.map((t) => para(t, { ...p.style })));
}

function emptyRow(columns: number): MCell[] {
  return Array.from({ length: columns }, () => ({ content: [para('')] }));
}

/** Deletes [s, e) among the elements of one container (the range must cover whole tables). */
function deleteInContainer(container: MNode[], start: number, s: number, e: number, te: number): void {
  const placed = placeAll(container, start, te);
  const containerEnd = placed.length ? placed[placed.length - 1].end : start;
  const first = placed.find((p) => p.start <= s && s < p.end);
  const last = placed.find((p) => p.start < e && e <= p.end);
  if (!first || !last) throw new Error(`range ${s}–${e} outside its container`);
  const firstNode = container[first.position];
  if (first === last && firstNode.kind === 't' && s > first.start) {
    // inside one table: must be inside one cell
    let i = first.start + 1;
    for (const row of firstNode.rows) {
      i += 1;
      for (const cell of row) {
        const cellContentStart = i + 1;
        const cellEnd = cellContentStart + contentSize(cell.content, te);
        if (s >= cellContentStart && e <= cellEnd) return deleteInContainer(cell.content, cellContentStart, s, e, te);
        i = cellEnd;
      }
    }
    throw new Error(`range ${s}–${e} crosses table cells`);
  }
  if (e >= containerEnd) throw new Error('cannot delete the last newline of a body or cell');
  for (const p of placed) {
    const covered = s <= p.start && p.end <= e;
    if (container[p.position].kind === 't' && !covered && s <= p.start - 1 && p.start - 1 < e) throw new Error('cannot delete the newline before a table');
  }
  // Flatten to units, cut, and rebuild paragraphs at the newlines left.
  type Unit = { kind: 'text'; text: string; style: Record<string, unknown>; start: number } | { kind: 'table'; node: MNode; start: number; end: number };
  const units: Unit[] = placed.slice(first.position, last.position + 1).map((p) => {
    const node = container[p.position];
    if (node.kind === 'p') return { kind: 'text', text: node.text + '\n', style: node.style, start: p.start };
    if (node.kind === 'b') throw new Error('cannot delete a section break');
    return { kind: 'table', node, start: p.start, end: p.end };
  });
  const rebuilt: MNode[] = [];
  let buffer = '';
  for (const u of units) {
    if (u.kind === 'table') {
      const covered = s <= u.start && u.end <= e;
      if (!covered && (s < u.end && e > u.start)) throw new Error('cannot delete part of a table');
      if (covered) continue;
      if (buffer) throw new Error('cannot delete the newline before a table');
      rebuilt.push(u.node);
      continue;
    }
    for (let k = 0; k < u.text.length; k++) {
      const index = u.start + k;
      if (index >= s && index < e) continue;
      const ch = u.text[k];
      if (ch === '\n') {
        rebuilt.push(para(buffer, { ...u.style }));
        buffer = '';
      } else buffer += ch;
    }
  }
  if (buffer) {
    // The last newline of the range was deleted: the rest joins the next paragraph.
    const next = container[last.position + 1];
    if (!next) throw new Error('cannot delete the last newline of a body or cell');
    if (next.kind !== 'p') throw new Error('cannot delete the newline before a table');
    container.splice(last.position + 1, 1);
    rebuilt.push(para(buffer + next.text, { ...next.style }));
  }
  container.splice(first.position, last.position - first.position + 1, ...rebuilt);
}

type Req = Record<string, Record<string, unknown>>;
const num = (v: unknown): number => {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`not an index: ${String(v)}`);
  return v;
};
const rec = (v: unknown): Record<string, unknown> => v as Record<string, unknown>;

/** Applies one request in place. Throws where the Docs API would reject it. */
export function applyRequest(doc: MDoc, request: DocsRequest): void {
  const [kind, body] = Object.entries(request as Req)[0];
  switch (kind) {
    case 'insertText': {
      const index = num(rec(body.location).index);
      const text = String(body.text);
      if (!text) throw new Error('insertText with empty text');
      const p = findParagraph(doc, index);
      const node = p.container[p.position] as MPara;
      const offset = index - p.start;
      setParagraphText(p.container, p.position, node.text.slice(0, offset) + text + node.text.slice(offset));
      return;
    }
    case 'insertTable': {
      const index = num(rec(body.location).index);
      const rows = num(body.rows);
      const columns = num(body.columns);
      const p = findParagraph(doc, index);
      const node = p.container[p.position] as MPara;
      const offset = index - p.start;
      const created: MTable = { kind: 't', pinned: 0, rows: Array.from({ length: rows }, () => emptyRow(columns)) };
      p.container.splice(p.position, 1, para(node.text.slice(0, offset), { ...node.style }), created, para(node.text.slice(offset), { ...node.style }));
      return;
    }
    case 'insertTableRow': {
      const location = rec(body.tableCellLocation);
      const t = findTable(doc, num(rec(location.tableStartLocation).index));
      const rowIndex = num(location.rowIndex);
      if (!t.rows[rowIndex]) throw new Error(`no row ${rowIndex}`);
      t.rows.splice(body.insertBelow ? rowIndex + 1 : rowIndex, 0, emptyRow(t.rows[rowIndex].length));
      return;
    }
    case 'deleteTableRow': {
      const location = rec(body.tableCellLocation);
      const t = findTable(doc, num(rec(location.tableStartLocation).index));
      const rowIndex = num(location.rowIndex);
      if (!t.rows[rowIndex]) throw new Error(`no row ${rowIndex}`);
      if (t.rows.length === 1) throw new Error('cannot delete the last row of a table');
      t.rows.splice(rowIndex, 1);
      t.pinned = Math.min(t.pinned, t.rows.length);
      return;
    }
    case 'pinTableHeaderRows': {
      const t = findTable(doc, num(rec(body.tableStartLocation).index));
      const count = num(body.pinnedHeaderRowsCount);
      if (count > t.rows.length) throw new Error('more pinned rows than rows');
      t.pinned = count;
      return;
    }
    case 'deleteContentRange': {
      const range = rec(body.range);
      const s = num(range.startIndex);
      const e = num(range.endIndex);
      if (e <= s) throw new Error('empty range');
      deleteInContainer(doc.body, 0, s, e, doc.tableEnd);
      return;
    }
    case 'replaceAllText': {
      const find = String(rec(body.containsText).text);
      const replace = String(body.replaceText ?? '');
      if (!find) throw new Error('replaceAllText without text');
      const walk = (nodes: MNode[]) => {
        for (let i = nodes.length - 1; i >= 0; i--) {
          const n = nodes[i];
          if (n.kind === 'p' && n.text.includes(find)) setParagraphText(nodes, i, n.text.split(find).join(replace));
          if (n.kind === 't') for (const row of n.rows) for (const cell of row) walk(cell.content);
        }
      };
      walk(doc.body);
      return;
    }
    case 'insertInlineImage': {
      const index = num(rec(body.location).index);
      const uri = String(body.uri ?? '');
      if (!/^https?:\/\//.test(uri)) throw new Error(`insertInlineImage of ${uri}`);
      const p = findParagraph(doc, index);
      const node = p.container[p.position] as MPara;
      const offset = index - p.start;
      node.text = node.text.slice(0, offset) + IMAGE_CHAR + node.text.slice(offset);
      (doc.images ??= []).push({ uri, objectSize: body.objectSize });
      return;
    }
    case 'updateTableColumnProperties': {
      const t = findTable(doc, num(rec(body.tableStartLocation).index));
      const count = t.rows[0]?.length ?? 0;
      const fields = String(body.fields ?? '').split(',').filter(Boolean);
      if (!fields.length) throw new Error('updateTableColumnProperties without fields');
      const props = rec(body.tableColumnProperties);
      const width = (props.width as { magnitude?: number } | undefined)?.magnitude;
      if (fields.includes('width') && width !== undefined && width < 5) throw new Error(`column width ${width} below 5 pt`);
      const indices = Array.isArray(body.columnIndices) ? body.columnIndices.map(num) : Array.from({ length: count }, (_v, i) => i);
      t.columns ??= Array.from({ length: count }, () => ({ widthType: 'EVENLY_DISTRIBUTED' }));
      for (const c of indices) {
        if (c < 0 || c >= count) throw new Error(`column ${c} out of bounds`);
        for (const f of fields) t.columns[c][f] = props[f];
      }
      return;
    }
    case 'updateTableCellStyle': {
      const range = body.tableRange ? rec(body.tableRange) : undefined;
      const start = range ? rec(rec(range.tableCellLocation).tableStartLocation) : rec(body.tableStartLocation);
      const t = findTable(doc, num(start.index));
      if (range) {
        const location = rec(range.tableCellLocation);
        const r = num(location.rowIndex);
        const c = num(location.columnIndex);
        if (r + num(range.rowSpan) > t.rows.length || c + num(range.columnSpan) > (t.rows[0]?.length ?? 0)) throw new Error('table range out of bounds');
      }
      if (!String(body.fields ?? '')) throw new Error('updateTableCellStyle without fields');
      return;
    }
    case 'updateDocumentStyle': {
      const fields = String(body.fields ?? '').split(',').filter(Boolean);
      if (!fields.length) throw new Error('updateDocumentStyle without fields');
      const style = rec(body.documentStyle);
      doc.documentStyle ??= {};
      for (const f of fields) doc.documentStyle[f] = style[f];
      return;
    }
    case 'updateParagraphStyle':
    case 'updateTextStyle': {
      const range = rec(body.range);
      const s = num(range.startIndex);
      const e = num(range.endIndex);
      const total = contentSize(doc.body, doc.tableEnd);
      if (e <= s || e > total) throw new Error(`bad style range ${s}–${e}`);
      if (kind === 'updateParagraphStyle') {
        const style = rec(body.paragraphStyle);
        const fields = String(body.fields).split(',');
        walkPlaced(doc, (p) => {
          const node = p.container[p.position];
          if (node.kind === 'p' && p.start < e && s < p.end) for (const f of fields) node.style[f] = style[f];
        });
      }
      return;
    }
    default:
      throw new Error(`request not supported by the reference applier: ${kind}`);
  }
}

/** Applies a batch in order, each request seeing the previous one's result. */
export function applyAll(doc: MDoc, requests: readonly DocsRequest[]): MDoc {
  for (const r of requests) applyRequest(doc, r);
  return doc;
}
