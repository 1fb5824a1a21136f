// The Google Docs model: a document is the flat sequence of its index positions ("units"), one per UTF-16 code
// unit of text and one per structural marker (table start, row start, cell start, table end), exactly as the Docs
// API counts indexes. The API's JSON tree (Documents.get) is derived from it; edits are splices on it.
import type {
  DocsApiDocument,
  DocumentStyle,
  InlineObject,
  Paragraph,
  ParagraphElement,
  ParagraphStyle,
  StructuralElement,
  Table,
  TableCell,
  TableCellStyle,
  TableColumnProperties,
  TableRow,
  TableRowStyle,
  TextStyle,
} from './api-types';

/**
 * One index of the document. Paragraph text is `ch` units closed by an `nl` unit that carries the paragraph's
 * style; `img` (inline image) and `pb` (page break) take one index inside a paragraph. A table is `ts`, then per
 * row `rs`, per cell `cs` followed by the cell's content, then `te`. Units are never mutated, only replaced.
 */
export type Unit =
  | { readonly k: 'sb' }
  | { readonly k: 'ch'; readonly c: string; readonly s: TextStyle }
  | { readonly k: 'nl'; readonly s: TextStyle; readonly p: ParagraphStyle }
  | { readonly k: 'img'; readonly id: string; readonly s: TextStyle }
  | { readonly k: 'pb'; readonly s: TextStyle }
  | { readonly k: 'ts'; readonly columns: number; readonly cols: readonly TableColumnProperties[] }
  | { readonly k: 'rs'; readonly s: TableRowStyle }
  | { readonly k: 'cs'; readonly s: TableCellStyle }
  | { readonly k: 'te' };

export type ParaUnit = Extract<Unit, { k: 'ch' | 'nl' | 'img' | 'pb' }>;

export interface DocContent {
  units: Unit[];
  inlineObjects: Record<string, InlineObject>;
  documentStyle: DocumentStyle;
  /** Incremented by every applied batchUpdate. */
  revision: number;
  /** Counter for inline object and heading IDs. */
  nextObjectId: number;
}

export const PT = (magnitude: number) => ({ magnitude, unit: 'PT' });

/** A4 with one-inch margins. */
export const DEFAULT_DOCUMENT_STYLE: DocumentStyle = {
  background: { color: {} },
  pageNumberStart: 1,
  marginTop: PT(72),
  marginBottom: PT(72),
  marginRight: PT(72),
  marginLeft: PT(72),
  pageSize: { height: PT(841.8898), width: PT(595.2756) },
};

export const DEFAULT_PARAGRAPH_STYLE: ParagraphStyle = { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' };

export function defaultCellStyle(): TableCellStyle {
  const border = { color: { color: { rgbColor: {} } }, width: PT(1), dashStyle: 'SOLID' };
  return {
    rowSpan: 1,
    columnSpan: 1,
    backgroundColor: {},
    borderLeft: border,
    borderRight: border,
    borderTop: border,
    borderBottom: border,
    paddingLeft: PT(5),
    paddingRight: PT(5),
    paddingTop: PT(5),
    paddingBottom: PT(5),
    contentAlignment: 'TOP',
  };
}

export const DEFAULT_ROW_STYLE: TableRowStyle = { minRowHeight: { unit: 'PT' } };

const interned = new Map<string, object>();

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

/** One shared frozen object per distinct style, so equal styles compare by reference and runs merge cheaply. */
export function intern<T extends object>(style: T): T {
  const key = canonical(style);
  let hit = interned.get(key);
  if (!hit) {
    hit = Object.freeze(JSON.parse(key) as object);
    interned.set(key, hit);
  }
  return hit as T;
}

export const EMPTY_STYLE: TextStyle = intern({});

export function isParaUnit(u: Unit | undefined): u is ParaUnit {
  return u !== undefined && (u.k === 'ch' || u.k === 'nl' || u.k === 'img' || u.k === 'pb');
}

/** A new empty document: a section break (0–1) and one empty paragraph (1–2). */
export function emptyDoc(): DocContent {
  return {
    units: [{ k: 'sb' }, { k: 'nl', s: EMPTY_STYLE, p: intern(DEFAULT_PARAGRAPH_STYLE) }],
    inlineObjects: {},
    documentStyle: DEFAULT_DOCUMENT_STYLE,
    revision: 1,
    nextObjectId: 1,
  };
}

export function cloneDoc(doc: DocContent): DocContent {
  return {
    units: doc.units.slice(),
    inlineObjects: JSON.parse(JSON.stringify(doc.inlineObjects)) as Record<string, InlineObject>,
    documentStyle: doc.documentStyle,
    revision: doc.revision,
    nextObjectId: doc.nextObjectId,
  };
}

export function revisionId(doc: DocContent): string {
  return `ALBJ4Lv${String(doc.revision).padStart(8, '0')}`;
}

/** Read access to a document's units by index: a plain array, or the buffer a batchUpdate edits. */
export interface UnitReader {
  readonly length: number;
  get(i: number): Unit | undefined;
}

function readerOf(units: readonly Unit[] | UnitReader): UnitReader {
  if (!Array.isArray(units)) return units as UnitReader;
  const list = units as readonly Unit[];
  return { length: list.length, get: (i) => list[i] };
}

/** The index after the content that starts at `from` in its container (a cell's content or the body). */
export function containerContentEnd(units: readonly Unit[] | UnitReader, from: number): number {
  const src = readerOf(units);
  let depth = 0;
  const n = src.length;
  for (let k = from; k < n; k++) {
    const u = src.get(k) as Unit;
    if (u.k === 'ts') depth++;
    else if (u.k === 'te') {
      if (depth === 0) return k;
      depth--;
    } else if ((u.k === 'cs' || u.k === 'rs') && depth === 0) return k;
  }
  return n;
}

export interface TableLayout {
  start: number;
  /** Index of the `te` unit; the table's endIndex is end + 1. Only known when `complete`. */
  end: number;
  columns: number;
  rows: { start: number; end: number; cells: { start: number; contentStart: number; contentEnd: number }[] }[];
  /** False when the layout stopped after the row it was asked for (rows then lists the table's first rows only). */
  complete: boolean;
}

/**
 * Where the rows and cells of the table starting at `ts` are: all of them, or (with `upToRow`) the rows up to that
 * index, which is all an edit of one row needs (a long table is not walked once per inserted row).
 */
export function tableLayout(units: readonly Unit[] | UnitReader, ts: number, upToRow?: number): TableLayout {
  const src = readerOf(units);
  const head = src.get(ts);
  if (head?.k !== 'ts') throw new Error(`No table starts at ${ts}`);
  const rows: TableLayout['rows'] = [];
  let k = ts + 1;
  while (src.get(k)?.k === 'rs') {
    if (upToRow !== undefined && rows.length > upToRow) return { start: ts, end: -1, columns: head.columns, rows, complete: false };
    const rowStart = k;
    k++;
    const cells: TableLayout['rows'][number]['cells'] = [];
    while (src.get(k)?.k === 'cs') {
      const start = k;
      const contentEnd = containerContentEnd(src, k + 1);
      cells.push({ start, contentStart: k + 1, contentEnd });
      k = contentEnd;
    }
    rows.push({ start: rowStart, end: k, cells });
  }
  if (src.get(k)?.k !== 'te') throw new Error(`Malformed table at ${ts}`);
  return { start: ts, end: k, columns: head.columns, rows, complete: true };
}

function paragraphJson(units: readonly Unit[], from: number, to: number, fresh: boolean): StructuralElement {
  const own = <T extends object>(v: T): T => (fresh ? { ...v } : v);
  const elements: ParagraphElement[] = [];
  let k = from;
  while (k < to) {
    const u = units[k] as ParaUnit;
    if (u.k === 'img') {
      elements.push({ startIndex: k, endIndex: k + 1, inlineObjectElement: { inlineObjectId: u.id, textStyle: own(u.s) } });
      k++;
    } else if (u.k === 'pb') {
      elements.push({ startIndex: k, endIndex: k + 1, pageBreak: { textStyle: own(u.s) } });
      k++;
    } else {
      let j = k;
      let text = '';
      while (j < to) {
        const v = units[j];
        if ((v.k === 'ch' || v.k === 'nl') && v.s === u.s) {
          text += v.k === 'ch' ? v.c : '\n';
          j++;
        } else break;
      }
      elements.push({ startIndex: k, endIndex: j, textRun: { content: text, textStyle: own(u.s) } });
      k = j;
    }
  }
  const last = units[to - 1];
  const paragraph: Paragraph = { elements, paragraphStyle: last.k === 'nl' ? own(last.p) : { ...DEFAULT_PARAGRAPH_STYLE } };
  return { startIndex: from, endIndex: to, paragraph };
}

function tableJson(units: readonly Unit[], ts: number, fresh: boolean): StructuralElement {
  const own = <T>(v: T): T => (fresh ? clone(v) : v);
  const layout = tableLayout(units, ts);
  const head = units[ts] as Extract<Unit, { k: 'ts' }>;
  const tableRows: TableRow[] = layout.rows.map((r) => {
    const rs = units[r.start] as Extract<Unit, { k: 'rs' }>;
    const tableCells: TableCell[] = r.cells.map((c) => {
      const cs = units[c.start] as Extract<Unit, { k: 'cs' }>;
      return { startIndex: c.start, endIndex: c.contentEnd, content: contentJson(units, c.contentStart, c.contentEnd, fresh), tableCellStyle: own(cs.s) };
    });
    return { startIndex: r.start, endIndex: r.end, tableCells, tableRowStyle: own(rs.s) };
  });
  const table: Table = {
    rows: layout.rows.length,
    columns: head.columns,
    tableRows,
    tableStyle: { tableColumnProperties: head.cols.map((c) => own(c)) },
  };
  return { startIndex: ts, endIndex: layout.end + 1, table };
}

/** A deep copy of plain JSON data (styles, inline objects): what a JSON round trip gives, without the text. */
function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x: unknown) => (x === undefined ? null : clone(x))) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined && typeof x !== 'function') out[k] = clone(x);
  }
  return out as T;
}

/**
 * The structural elements of units[from, to) at one nesting level. `fresh`: styles are the document's own copies, as
 * the API returns them; without it they are the model's shared frozen styles (for readers that only read: exports).
 */
export function contentJson(units: readonly Unit[], from: number, to: number, fresh = true): StructuralElement[] {
  const out: StructuralElement[] = [];
  let k = from;
  while (k < to) {
    const u = units[k];
    if (u.k === 'ts') {
      const el = tableJson(units, k, fresh);
      out.push(el);
      k = el.endIndex;
    } else if (u.k === 'sb') {
      out.push({ endIndex: k + 1, sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' } } });
      if (k > 0) out[out.length - 1].startIndex = k;
      k++;
    } else {
      let j = k;
      while (j < to && units[j].k !== 'nl') j++;
      out.push(paragraphJson(units, k, j + 1, fresh));
      k = j + 1;
    }
  }
  return out;
}

/** The document as the Docs API returns it from Documents.get. */
export function toApiDocument(documentId: string, title: string, doc: DocContent): DocsApiDocument {
  return apiDocument(documentId, title, doc, true);
}

/**
 * The same document for a reader that only reads it (the PDF and .docx exporters): its styles are the model's shared,
 * frozen ones rather than copies — a 300-line contract has thousands of them.
 */
export function readOnlyApiDocument(documentId: string, title: string, doc: DocContent): DocsApiDocument {
  return apiDocument(documentId, title, doc, false);
}

function apiDocument(documentId: string, title: string, doc: DocContent, fresh: boolean): DocsApiDocument {
  const out: DocsApiDocument = {
    documentId,
    title,
    revisionId: revisionId(doc),
    suggestionsViewMode: 'SUGGESTIONS_INLINE',
    body: { content: contentJson(doc.units, 0, doc.units.length, fresh) },
    documentStyle: fresh ? clone(doc.documentStyle) : doc.documentStyle,
  };
  if (Object.keys(doc.inlineObjects).length) out.inlineObjects = fresh ? clone(doc.inlineObjects) : doc.inlineObjects;
  return out;
}

function paragraphUnits(p: Paragraph | undefined, out: Unit[]): void {
  const pStyle = intern({ ...DEFAULT_PARAGRAPH_STYLE, ...(p?.paragraphStyle ?? {}) });
  let closed = false;
  for (const el of p?.elements ?? []) {
    if (closed) throw new Error('A paragraph has content after its final newline');
    if (el.textRun) {
      const s = intern({ ...(el.textRun.textStyle ?? {}) });
      for (const c of el.textRun.content) {
        for (let i = 0; i < c.length; i++) {
          if (c[i] === '\n') {
            out.push({ k: 'nl', s, p: pStyle });
            closed = true;
          } else {
            if (closed) throw new Error('A paragraph has text after its newline');
            out.push({ k: 'ch', c: c[i], s });
          }
        }
      }
    } else if (el.inlineObjectElement) {
      out.push({ k: 'img', id: el.inlineObjectElement.inlineObjectId, s: intern({ ...(el.inlineObjectElement.textStyle ?? {}) }) });
    } else if (el.pageBreak) {
      out.push({ k: 'pb', s: intern({ ...(el.pageBreak.textStyle ?? {}) }) });
    }
  }
  if (!closed) out.push({ k: 'nl', s: EMPTY_STYLE, p: pStyle });
}

function elementsUnits(content: readonly StructuralElement[], out: Unit[], inCell: boolean): void {
  let any = false;
  for (const el of content) {
    if (el.sectionBreak) continue;
    if (el.table) {
      const t = el.table;
      const columns = t.columns ?? t.tableRows[0]?.tableCells.length ?? 1;
      const cols = t.tableStyle?.tableColumnProperties ?? Array.from({ length: columns }, () => ({ widthType: 'EVENLY_DISTRIBUTED' }));
      out.push({ k: 'ts', columns, cols: cols.map((c) => intern({ ...c })) });
      for (const row of t.tableRows) {
        out.push({ k: 'rs', s: intern({ ...(row.tableRowStyle ?? DEFAULT_ROW_STYLE) }) });
        for (const cell of row.tableCells) {
          out.push({ k: 'cs', s: intern({ ...defaultCellStyle(), ...(cell.tableCellStyle ?? {}) }) });
          elementsUnits(cell.content ?? [], out, true);
        }
      }
      out.push({ k: 'te' });
    } else {
      paragraphUnits(el.paragraph, out);
    }
    any = true;
  }
  if (!any || (inCell && out[out.length - 1].k === 'te')) paragraphUnits(undefined, out);
}

/**
 * Reads a document in the API's JSON form (indexes are ignored and recomputed). Used to load saved state and to
 * seed templates from fixtures.
 */
export function fromApiDocument(json: { body?: { content?: StructuralElement[] }; inlineObjects?: Record<string, InlineObject>; documentStyle?: DocumentStyle }): DocContent {
  const units: Unit[] = [{ k: 'sb' }];
  elementsUnits(json.body?.content ?? [], units, false);
  // The body always ends with a paragraph (a table is never last).
  if (units[units.length - 1].k === 'te') paragraphUnits(undefined, units);
  return {
    units,
    inlineObjects: clone(json.inlineObjects ?? {}),
    documentStyle: json.documentStyle ? clone(json.documentStyle) : DEFAULT_DOCUMENT_STYLE,
    revision: 1,
    nextObjectId: 1,
  };
}

/** The plain text of units[from, to): text and newlines; inline objects and page breaks are skipped. */
export function plainText(units: readonly Unit[], from = 0, to = units.length): string {
  let s = '';
  for (let k = from; k < to; k++) {
    const u = units[k];
    if (u.k === 'ch') s += u.c;
    else if (u.k === 'nl') s += '\n';
  }
  return s;
}

export interface SavedDoc {
  json: DocsApiDocument;
  revision: number;
  nextObjectId: number;
}

export function saveDoc(doc: DocContent): SavedDoc {
  return { json: toApiDocument('', '', doc), revision: doc.revision, nextObjectId: doc.nextObjectId };
}

export function loadDoc(saved: SavedDoc): DocContent {
  const doc = fromApiDocument(saved.json);
  doc.revision = saved.revision;
  doc.nextObjectId = saved.nextObjectId;
  return doc;
}
