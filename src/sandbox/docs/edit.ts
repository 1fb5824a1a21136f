// Docs API batchUpdate on the unit model: each request is validated and applied in order against the result of the
// previous ones, with the API's index rules and error messages. The batch is atomic: on the first invalid request
// nothing is applied.
import type { InlineObject, ParagraphStyle, TableCellStyle, TableColumnProperties, TableRowStyle, TextStyle } from './api-types';
import {
  DEFAULT_PARAGRAPH_STYLE,
  DEFAULT_ROW_STYLE,
  EMPTY_STYLE,
  PT,
  cloneDoc,
  defaultCellStyle,
  intern,
  isParaUnit,
  tableLayout,
  type DocContent,
  type TableLayout,
  type Unit,
} from './model';
import { UnitBuffer } from './unit-buffer';

/** A request the API refuses: "Invalid requests[3].insertText: …". */
export class DocsRequestError extends Error {
  constructor(readonly requestIndex: number, readonly kind: string, readonly detail: string) {
    super(`Invalid requests[${requestIndex}].${kind}: ${detail}`);
    this.name = 'DocsRequestError';
  }
}

/** A payload the API cannot even parse (unknown request kind, two kinds in one request, no requests). */
export class DocsPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocsPayloadError';
  }
}

export type Reply = Record<string, unknown>;

const MODELED = [
  'replaceAllText',
  'insertText',
  'deleteContentRange',
  'insertTable',
  'insertTableRow',
  'deleteTableRow',
  'pinTableHeaderRows',
  'updateTextStyle',
  'updateParagraphStyle',
  'updateTableColumnProperties',
  'updateTableCellStyle',
  'updateTableRowStyle',
  'insertInlineImage',
  'insertPageBreak',
  'updateDocumentStyle',
] as const;
type Kind = (typeof MODELED)[number];

/** Real Docs API requests this sandbox does not implement: refused loudly rather than ignored. */
const UNMODELED = new Set([
  'createParagraphBullets', 'deleteParagraphBullets', 'createNamedRange', 'deleteNamedRange', 'replaceNamedRangeContent',
  'insertTableColumn', 'deleteTableColumn', 'mergeTableCells', 'unmergeTableCells', 'deletePositionedObject', 'replaceImage',
  'updateSectionStyle', 'insertSectionBreak', 'createHeader', 'createFooter', 'deleteHeader',
  'deleteFooter', 'createFootnote', 'insertPerson', 'insertDate', 'addDocumentTab', 'deleteTab', 'updateDocumentTabProperties',
  'pinTableHeaderRowsCount',
]);

const TEXT_FIELDS = ['backgroundColor', 'baselineOffset', 'bold', 'fontSize', 'foregroundColor', 'italic', 'link', 'smallCaps', 'strikethrough', 'underline', 'weightedFontFamily'];
const PARAGRAPH_FIELDS = [
  'alignment', 'avoidWidowAndOrphan', 'borderBetween', 'borderBottom', 'borderLeft', 'borderRight', 'borderTop', 'direction',
  'indentEnd', 'indentFirstLine', 'indentStart', 'keepLinesTogether', 'keepWithNext', 'lineSpacing', 'namedStyleType',
  'pageBreakBefore', 'shading', 'spaceAbove', 'spaceBelow', 'spacingMode', 'tabStops',
];
const CELL_FIELDS = ['backgroundColor', 'borderBottom', 'borderLeft', 'borderRight', 'borderTop', 'contentAlignment', 'paddingBottom', 'paddingLeft', 'paddingRight', 'paddingTop'];
const ROW_FIELDS = ['minRowHeight', 'tableHeader', 'preventOverflow'];
const COLUMN_FIELDS = ['width', 'widthType'];
/** The DocumentStyle fields updateDocumentStyle may set (headers, footers and tabs are not modeled). */
const DOCUMENT_FIELDS = ['background', 'marginTop', 'marginBottom', 'marginLeft', 'marginRight', 'pageNumberStart', 'pageSize', 'flipPageOrientation'];
/** Writable DocumentStyle fields of the real API that the sandbox does not model: refused loudly, not ignored. */
const DOCUMENT_UNMODELED = ['useFirstPageHeaderFooter', 'useEvenPageHeaderFooter', 'useCustomHeaderFooterMargins', 'marginHeader', 'marginFooter', 'documentFormat'];

const NAMED_STYLES = ['NORMAL_TEXT', 'TITLE', 'SUBTITLE', 'HEADING_1', 'HEADING_2', 'HEADING_3', 'HEADING_4', 'HEADING_5', 'HEADING_6'];
const ALIGNMENTS = ['START', 'CENTER', 'END', 'JUSTIFIED'];
const WIDTH_TYPES = ['EVENLY_DISTRIBUTED', 'FIXED_WIDTH'];

const MIN_COLUMN_WIDTH_PT = 5;

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

/**
 * Removes what the API strips from inserted text: control characters U+0000–U+0008 and U+000C–U+001F (it keeps
 * \t, \n and the vertical tab \v, a line break) and the Private Use Area U+E000–U+F8FF.
 */
export function stripUninsertable(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const x = text.charCodeAt(i);
    if (x <= 0x08 || (x >= 0x0c && x <= 0x1f) || (x >= 0xe000 && x <= 0xf8ff)) continue;
    out += text[i];
  }
  return out;
}

function isHigh(c: string): boolean {
  const x = c.charCodeAt(0);
  return x >= 0xd800 && x <= 0xdbff;
}

function isLow(c: string): boolean {
  const x = c.charCodeAt(0);
  return x >= 0xdc00 && x <= 0xdfff;
}

function lowerUnit(c: string): string {
  const l = c.toLowerCase();
  return l.length === 1 ? l : c;
}

const PRIVATE_IPV4 = [/^10\./, /^127\./, /^169\.254\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^0\./];

/**
 * An image address Google's servers can never fetch, by its host: the reserved `.invalid` top-level domain
 * (RFC 2606: guaranteed never to resolve; tests use it for an unreachable picture), `localhost` and `.localhost`,
 * the local-network names `.local` and `.internal`, and private, loopback and link-local IP addresses.
 * @example unreachableImageUri('https://img.invalid/a.jpg') // true
 */
export function unreachableImageUri(uri: string): boolean {
  const m = /^https?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]+)/i.exec(uri);
  if (!m) return true;
  const host = m[1].toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return host === '[::1]' || /^\[f[cd]/.test(host) || /^\[fe80:/.test(host);
  if (/(^|\.)(invalid|localhost|local|internal)$/.test(host)) return true;
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) && PRIVATE_IPV4.some((re) => re.test(host));
}

/** Applies a batchUpdate's requests to a copy of `doc`; returns the new document and the replies. */
export function applyRequests(doc: DocContent, requests: readonly unknown[]): { doc: DocContent; replies: Reply[] } {
  if (!requests.length) throw new DocsPayloadError('Invalid requests: Must specify at least one request.');
  const ed = new Editor(cloneDoc(doc));
  const replies: Reply[] = [];
  requests.forEach((raw, n) => {
    const r = obj(raw);
    const keys = r ? Object.keys(r).filter((k) => r[k] !== undefined && r[k] !== null) : [];
    if (!r || keys.length === 0) throw new DocsPayloadError(`Invalid requests[${n}]: No request set.`);
    if (keys.length > 1) {
      throw new DocsPayloadError(`Invalid JSON payload received. Oneof field 'request' is already set. Cannot set '${keys[1]}' at 'requests[${n}]'.`);
    }
    const kind = keys[0];
    if (UNMODELED.has(kind)) throw new DocsPayloadError(`The sandbox does not model the Docs request "${kind}" (requests[${n}]).`);
    if (!(MODELED as readonly string[]).includes(kind)) {
      throw new DocsPayloadError(`Invalid JSON payload received. Unknown name "${kind}" at 'requests[${n}]': Cannot find field.`);
    }
    const body = obj(r[kind]);
    if (!body) throw new DocsPayloadError(`Invalid JSON payload received. Invalid value at 'requests[${n}].${kind}'.`);
    replies.push(ed.apply(n, kind as Kind, body));
  });
  ed.collectGarbage();
  const out = ed.finish();
  out.revision++;
  return { doc: out, replies };
}

/**
 * Styles derived from an interned style by one kind of change (`key`), remembered: a fill derives the same few
 * styles thousands of times (every new row's cells, every aligned cell), and interning means building a canonical
 * text of the style each time. Interned styles are frozen and shared, so the derived one is too.
 */
const derived = new WeakMap<object, Map<string, object>>();

function derive<T extends object>(base: T, key: string, make: () => T): T {
  let byKey = derived.get(base);
  if (!byKey) derived.set(base, (byKey = new Map()));
  let hit = byKey.get(key) as T | undefined;
  if (!hit) byKey.set(key, (hit = make()));
  return hit;
}

class Editor {
  private n = 0;
  private kind: Kind = 'insertText';

  /** The document's units while the batch is applied; written back to the document at the end. */
  readonly units: UnitBuffer;
  /** The text searched by replaceAllText (one character per unit), kept while only replacements change it. */
  private hay: { matchCase: boolean; text: string } | null = null;

  constructor(readonly doc: DocContent) {
    this.units = new UnitBuffer(doc.units);
  }

  /** The unit at i (i inside the document). */
  private at(i: number): Unit {
    return this.units.get(i) as Unit;
  }

  /** Writes the edited units back into the document. */
  finish(): DocContent {
    this.doc.units = this.units.toArray();
    return this.doc;
  }

  apply(n: number, kind: Kind, r: Obj): Reply {
    this.n = n;
    this.kind = kind;
    // Only a replacement keeps the searched text up to date (it edits it along): anything else may change the units.
    if (kind !== 'replaceAllText') this.hay = null;
    switch (kind) {
      case 'insertText':
        return this.insertText(r);
      case 'deleteContentRange':
        return this.deleteContentRange(r);
      case 'replaceAllText':
        return this.replaceAllText(r);
      case 'insertTable':
        return this.insertTable(r);
      case 'insertTableRow':
        return this.insertTableRow(r);
      case 'deleteTableRow':
        return this.deleteTableRow(r);
      case 'pinTableHeaderRows':
        return this.pinTableHeaderRows(r);
      case 'updateTextStyle':
        return this.updateTextStyle(r);
      case 'updateParagraphStyle':
        return this.updateParagraphStyle(r);
      case 'updateTableColumnProperties':
        return this.updateTableColumnProperties(r);
      case 'updateTableCellStyle':
        return this.updateTableCellStyle(r);
      case 'updateTableRowStyle':
        return this.updateTableRowStyle(r);
      case 'insertInlineImage':
        return this.insertInlineImage(r);
      case 'insertPageBreak':
        return this.insertPageBreak(r);
      case 'updateDocumentStyle':
        return this.updateDocumentStyle(r);
    }
  }

  private fail(detail: string): never {
    throw new DocsRequestError(this.n, this.kind, detail);
  }

  private protoField(path: string): string {
    const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return `requests[${this.n}].${snake(this.kind)}.${path.split('.').map(snake).join('.')}`;
  }

  private badEnum(path: string, value: unknown): never {
    throw new DocsPayloadError(`Invalid value at '${this.protoField(path)}' (TYPE_ENUM), ${JSON.stringify(value)}`);
  }

  private int(v: unknown, path: string, fallback?: number): number {
    if (v === undefined || v === null) {
      if (fallback !== undefined) return fallback;
      this.fail(`${path} must be set.`);
    }
    const x = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
    if (typeof x !== 'number' || !Number.isInteger(x)) {
      throw new DocsPayloadError(`Invalid value at '${this.protoField(path)}' (TYPE_INT32), ${JSON.stringify(v)}`);
    }
    return x;
  }

  private segment(where: Obj | undefined): void {
    const id = where?.segmentId;
    if (typeof id === 'string' && id !== '') this.fail(`The segment ID "${id}" was not found in the document.`);
  }

  /** The index a request's location or endOfSegmentLocation designates. */
  private location(r: Obj): number {
    const loc = obj(r.location);
    const end = obj(r.endOfSegmentLocation);
    if ((loc && end) || (!loc && !end)) this.fail('Exactly one of location or endOfSegmentLocation must be specified.');
    this.segment(loc ?? end);
    if (loc) return this.int(loc.index, 'location.index', 0);
    return this.units.length - 1;
  }

  /** Validates an insertion point: inside an existing paragraph of the body or of a cell. */
  private checkInsert(i: number): number {
    const N = this.units.length;
    if (i >= N) this.fail(`Index ${i} must be less than the end index of the referenced segment, ${N}.`);
    if (i < 1 || !isParaUnit(this.at(i))) {
      this.fail('The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.');
    }
    // The API moves an insertion out of the middle of a surrogate pair.
    const prev = this.at(i - 1);
    const here = this.at(i);
    if (prev.k === 'ch' && here.k === 'ch' && isHigh(prev.c) && isLow(here.c)) return i + 1;
    return i;
  }

  private range(r: Obj, forDelete: boolean): { s: number; e: number } {
    const range = obj(r.range);
    if (!range) this.fail('The range must be specified.');
    this.segment(range);
    const s = this.int(range.startIndex, 'range.startIndex', 0);
    const e = this.int(range.endIndex, 'range.endIndex', 0);
    const N = this.units.length;
    if (e <= s) this.fail('The range should not be empty.');
    if (s < 1) this.fail('Cannot operate on the first section break in the document.');
    if (forDelete) {
      if (e > N) this.fail(`Index ${e} must be less than the end index of the referenced segment, ${N}.`);
      if (e === N) this.fail('The range cannot include the newline character at the end of the segment.');
    } else if (e >= N) {
      this.fail(`Index ${e} must be less than the end index of the referenced segment, ${N}.`);
    }
    return { s, e };
  }

  private fields(r: Obj, allowed: readonly string[]): string[] {
    const raw = r.fields;
    if (typeof raw !== 'string' || raw.trim() === '') this.fail("At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)");
    const list = raw.split(',').map((f) => f.trim()).filter(Boolean);
    if (list.includes('*')) return [...allowed];
    for (const f of list) {
      const top = f.split('.')[0];
      if (!allowed.includes(top)) throw new DocsPayloadError(`Invalid field mask: "${f}" is not a field of the ${this.kind} style.`);
    }
    return [...new Set(list.map((f) => f.split('.')[0]))];
  }

  private masked<T extends object>(old: T, given: Obj, fields: string[]): T {
    const key = `${fields.join(',')}=${JSON.stringify(fields.map((f) => given[f] ?? null))}`;
    return derive(old, key, () => {
      const next: Obj = { ...(old as Obj) };
      for (const f of fields) {
        if (given[f] === undefined || given[f] === null) delete next[f];
        else next[f] = JSON.parse(JSON.stringify(given[f])) as unknown;
      }
      return intern(next as T);
    });
  }

  /** The index of the newline that ends the paragraph containing i. */
  private paragraphEnd(i: number): number {
    let j = i;
    while (this.at(j).k !== 'nl') j++;
    return j;
  }

  /** The text style new text at i takes: the character before it, or the paragraph's first character. */
  private inheritedStyle(i: number): TextStyle {
    const prev = this.at(i - 1);
    if (prev && (prev.k === 'ch' || prev.k === 'img' || prev.k === 'pb')) return prev.s;
    const here = this.at(i);
    return isParaUnit(here) ? here.s : EMPTY_STYLE;
  }

  private paragraphStyleAt(i: number): ParagraphStyle {
    const nl = this.at(this.paragraphEnd(i)) as Extract<Unit, { k: 'nl' }>;
    return nl.p;
  }

  private nextId(prefix: string): string {
    return `${prefix}${String(this.doc.nextObjectId++).padStart(6, '0')}`;
  }

  /** A copy of a paragraph style for a new paragraph: headings get their own heading ID. */
  private newParagraphStyle(p: ParagraphStyle): ParagraphStyle {
    if (!p.headingId) return p;
    return intern({ ...p, headingId: this.nextId('h.sbx') });
  }

  /**
   * The document as replaceAllText searches it: one character per unit (structural units become NUL, which never
   * matches: NUL is stripped from every text), lower-cased unit by unit unless the case must match.
   */
  private haystack(matchCase: boolean): string {
    if (this.hay && this.hay.matchCase === matchCase) return this.hay.text;
    const parts: string[] = [];
    const u = this.units;
    for (let k = 0; k < u.length; k++) {
      const x = u.get(k) as Unit;
      parts.push(x.k === 'ch' ? (matchCase ? x.c : lowerUnit(x.c)) : x.k === 'nl' ? '\n' : '\u0000');
    }
    const text = parts.join('');
    this.hay = { matchCase, text };
    return text;
  }

  private insertUnitsText(i: number, text: string, s: TextStyle, p: ParagraphStyle): void {
    const add: Unit[] = [];
    for (let k = 0; k < text.length; k++) {
      const c = text[k];
      add.push(c === '\n' ? { k: 'nl', s, p: this.newParagraphStyle(p) } : { k: 'ch', c, s });
    }
    this.units.splice(i, 0, add);
  }

  private insideTable(i: number): boolean {
    let depth = 0;
    for (let j = i - 1; j >= 0; j--) {
      const u = this.at(j);
      if (u.k === 'te') depth++;
      else if (u.k === 'ts') depth--;
      else if (u.k === 'cs' && depth === 0) return true;
    }
    return false;
  }

  private table(loc: unknown, path: string, upToRow?: number): TableLayout {
    const l = obj(loc);
    if (!l) this.fail(`${path} must be specified.`);
    this.segment(l);
    const i = this.int(l.index, `${path}.index`, 0);
    if (this.units.get(i)?.k !== 'ts') this.fail(`Invalid table start location. There is no table starting at index ${i}.`);
    return tableLayout(this.units, i, upToRow);
  }

  /**
   * The table, row and column a tableCellLocation names. The table's rows are laid out up to the row (and `after`
   * rows past it, when the edit needs them), all of them only to tell the row count of an index out of bounds.
   */
  private cellLocation(r: Obj, after = 0): { t: TableLayout; row: number; col: number } {
    const tcl = obj(r.tableCellLocation);
    if (!tcl) this.fail('tableCellLocation must be specified.');
    const start = this.table(tcl.tableStartLocation, 'tableCellLocation.tableStartLocation', 0);
    const row = this.int(tcl.rowIndex, 'tableCellLocation.rowIndex', 0);
    const col = this.int(tcl.columnIndex, 'tableCellLocation.columnIndex', 0);
    let t = row >= 0 ? tableLayout(this.units, start.start, row + after) : start;
    if (row < 0 || row >= t.rows.length) {
      if (!t.complete) t = tableLayout(this.units, start.start);
      this.fail(`Row index ${row} is out of bounds for a table with ${t.rows.length} rows.`);
    }
    if (col < 0 || col >= t.rows[row].cells.length) this.fail(`Column index ${col} is out of bounds for a row with ${t.rows[row].cells.length} cells.`);
    return { t, row, col };
  }

  // ——— requests ———

  private insertText(r: Obj): Reply {
    const text = typeof r.text === 'string' ? r.text : '';
    if (!text) this.fail('Insert text requests must specify text to insert.');
    const i = this.checkInsert(this.location(r));
    const clean = stripUninsertable(text);
    if (clean) this.insertUnitsText(i, clean, this.inheritedStyle(i), this.paragraphStyleAt(i));
    return {};
  }

  private deleteContentRange(r: Obj): Reply {
    const { s, e } = this.range(r, true);
    const u = this.units;
    const startUnit = this.at(s);
    const endUnit = this.at(e);
    if ((startUnit.k === 'ch' && isLow(startUnit.c)) || (endUnit.k === 'ch' && isLow(endUnit.c))) {
      this.fail('The range cannot start or end in the middle of a surrogate pair.');
    }
    let depth = 0;
    for (let k = s; k < e; k++) {
      const x = this.at(k);
      if (x.k === 'ts') depth++;
      else if (x.k === 'te') depth--;
      else if ((x.k === 'rs' || x.k === 'cs') && depth === 0) depth = -1;
      else if (x.k === 'nl' && depth === 0) {
        const next = u.get(k + 1);
        // A cell's last newline and the newline before a table stay (unless the table goes too).
        if (!isParaUnit(next) && !(next?.k === 'ts' && k + 1 < e)) depth = -1;
      }
      if (depth < 0) break;
    }
    if (depth !== 0) this.fail('Invalid deletion range. Cannot delete the requested range.');
    u.splice(s, e - s);
    return {};
  }

  private replaceAllText(r: Obj): Reply {
    const ct = obj(r.containsText);
    const find = typeof ct?.text === 'string' ? ct.text : '';
    if (!find) this.fail('The text to search for must not be empty.');
    const matchCase = ct?.matchCase === true;
    const replace = stripUninsertable(typeof r.replaceText === 'string' ? r.replaceText : '');
    const u = this.units;
    const hay = this.haystack(matchCase);
    const needle = matchCase ? find : Array.from(find, (c) => (c.length === 1 ? lowerUnit(c) : c.toLowerCase())).join('');
    if (needle.includes('\u0000')) return { replaceAllText: { occurrencesChanged: 0 } };
    const matches: number[] = [];
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
      let ok = true;
      for (let k = at; k < at + needle.length && ok; k++) {
        if (this.at(k).k === 'nl' && !isParaUnit(u.get(k + 1))) ok = false;
      }
      if (ok) matches.push(at);
    }
    // The replacement as it reads in the searched text: every unit it becomes is one character.
    let replaced = replace;
    if (!matchCase) {
      replaced = '';
      for (let k = 0; k < replace.length; k++) replaced += lowerUnit(replace[k]);
    }
    let text = hay;
    for (let m = matches.length - 1; m >= 0; m--) {
      const at = matches[m];
      const first = this.at(at) as Extract<Unit, { k: 'ch' | 'nl' }>;
      const p = this.paragraphStyleAt(at + needle.length);
      u.splice(at, needle.length);
      if (replace) this.insertUnitsText(at, replace, first.s, p);
      text = text.slice(0, at) + replaced + text.slice(at + needle.length);
    }
    // insertUnitsText forgot the text it changed; it is still exact after these replacements.
    this.hay = { matchCase, text };
    return { replaceAllText: { occurrencesChanged: matches.length } };
  }

  private insertTable(r: Obj): Reply {
    const rows = this.int(r.rows, 'rows', 0);
    const columns = this.int(r.columns, 'columns', 0);
    if (rows < 1) this.fail('The table must have at least one row.');
    if (columns < 1) this.fail('The table must have at least one column.');
    const i = this.checkInsert(this.location(r));
    const s = this.inheritedStyle(i);
    const p = this.paragraphStyleAt(i);
    this.insertUnitsText(i, '\n', s, p);
    // New cells start as plain paragraphs; their text takes the style at the insertion point.
    const cellPara = intern(DEFAULT_PARAGRAPH_STYLE);
    const cellStyle = intern(defaultCellStyle());
    const add: Unit[] = [{ k: 'ts', columns, cols: Array.from({ length: columns }, () => intern({ widthType: 'EVENLY_DISTRIBUTED' })) }];
    for (let y = 0; y < rows; y++) {
      add.push({ k: 'rs', s: intern(DEFAULT_ROW_STYLE) });
      for (let x = 0; x < columns; x++) add.push({ k: 'cs', s: cellStyle }, { k: 'nl', s, p: cellPara });
    }
    add.push({ k: 'te' });
    this.units.splice(i + 1, 0, add);
    return {};
  }

  private headerCount(t: TableLayout): number {
    let n = 0;
    while (n < t.rows.length && (this.at(t.rows[n].start) as Extract<Unit, { k: 'rs' }>).s.tableHeader) n++;
    return n;
  }

  private insertTableRow(r: Obj): Reply {
    // The row below the reference row is needed too: whether the new row is a header row.
    const { t, row } = this.cellLocation(r, 1);
    const below = r.insertBelow === true;
    const ref = t.rows[row];
    const pos = below ? row + 1 : row;
    const header = pos < this.headerCount(t);
    const refRow = (this.at(ref.start) as Extract<Unit, { k: 'rs' }>).s;
    const add: Unit[] = [{ k: 'rs', s: derive(refRow, `header=${header}`, () => intern({ ...refRow, tableHeader: header ? true : undefined })) }];
    for (const cell of ref.cells) {
      const first = this.at(cell.contentStart);
      const s = isParaUnit(first) ? first.s : EMPTY_STYLE;
      const p = isParaUnit(first) ? this.paragraphStyleAt(cell.contentStart) : intern(DEFAULT_PARAGRAPH_STYLE);
      add.push({ k: 'cs', s: (this.at(cell.start) as Extract<Unit, { k: 'cs' }>).s }, { k: 'nl', s, p: derive(p, 'noHeading', () => intern({ ...p, headingId: undefined })) });
    }
    this.units.splice(below ? ref.end : ref.start, 0, add);
    return {};
  }

  private deleteTableRow(r: Obj): Reply {
    // One more row tells whether the table keeps any.
    const { t, row } = this.cellLocation(r, 1);
    if (t.rows.length === 1) this.units.splice(t.start, t.end + 1 - t.start);
    else this.units.splice(t.rows[row].start, t.rows[row].end - t.rows[row].start);
    return {};
  }

  private pinTableHeaderRows(r: Obj): Reply {
    const t = this.table(r.tableStartLocation, 'tableStartLocation');
    const count = this.int(r.pinnedHeaderRowsCount, 'pinnedHeaderRowsCount', 0);
    if (count < 0 || count > t.rows.length) this.fail(`The pinned header rows count must be between 0 and the number of rows in the table (${t.rows.length}).`);
    t.rows.forEach((row, y) => {
      const old = this.at(row.start) as Extract<Unit, { k: 'rs' }>;
      this.units.set(row.start, { k: 'rs', s: intern({ ...old.s, tableHeader: y < count ? true : undefined }) });
    });
    return {};
  }

  private updateTextStyle(r: Obj): Reply {
    const { s, e } = this.range(r, false);
    const fields = this.fields(r, TEXT_FIELDS);
    const given = obj(r.textStyle) ?? {};
    const u = this.units;
    const cache = new Map<TextStyle, TextStyle>();
    for (let k = s; k < e; k++) {
      const x = this.at(k);
      if (!isParaUnit(x)) continue;
      let ns = cache.get(x.s);
      if (!ns) {
        ns = this.masked(x.s, given, fields);
        cache.set(x.s, ns);
      }
      u.set(k, { ...x, s: ns } as Unit);
    }
    return {};
  }

  private updateParagraphStyle(r: Obj): Reply {
    const { s, e } = this.range(r, false);
    const fields = this.fields(r, PARAGRAPH_FIELDS);
    const given = obj(r.paragraphStyle) ?? {};
    if (fields.includes('namedStyleType') && given.namedStyleType !== undefined && !NAMED_STYLES.includes(String(given.namedStyleType))) {
      this.badEnum('paragraphStyle.namedStyleType', given.namedStyleType);
    }
    if (fields.includes('alignment') && given.alignment !== undefined && !ALIGNMENTS.includes(String(given.alignment))) {
      this.badEnum('paragraphStyle.alignment', given.alignment);
    }
    const u = this.units;
    for (let k = s; k < e; k++) {
      if (!isParaUnit(u.get(k))) continue;
      const j = this.paragraphEnd(k);
      const nl = this.at(j) as Extract<Unit, { k: 'nl' }>;
      let p = this.masked(nl.p, given, fields) as ParagraphStyle;
      const named = p.namedStyleType ?? 'NORMAL_TEXT';
      if (named === 'NORMAL_TEXT' && p.headingId) p = intern({ ...p, headingId: undefined });
      else if (named !== 'NORMAL_TEXT' && !p.headingId) p = intern({ ...p, headingId: this.nextId('h.sbx') });
      u.set(j, { ...nl, p });
      k = j;
    }
    return {};
  }

  private updateTableColumnProperties(r: Obj): Reply {
    const t = this.table(r.tableStartLocation, 'tableStartLocation');
    const fields = this.fields(r, COLUMN_FIELDS);
    const given = obj(r.tableColumnProperties) ?? {};
    if (fields.includes('widthType') && given.widthType !== undefined && !WIDTH_TYPES.includes(String(given.widthType))) {
      this.badEnum('tableColumnProperties.widthType', given.widthType);
    }
    const width = obj(given.width);
    if (fields.includes('width') && width) {
      const mag = typeof width.magnitude === 'number' ? width.magnitude : 0;
      if (mag < MIN_COLUMN_WIDTH_PT) this.fail(`The column width must be at least ${MIN_COLUMN_WIDTH_PT} points.`);
    }
    const indices = Array.isArray(r.columnIndices) ? r.columnIndices.map((c, k) => this.int(c, `columnIndices[${k}]`)) : [];
    const head = this.at(t.start) as Extract<Unit, { k: 'ts' }>;
    const all = indices.length ? indices : head.cols.map((_c, k) => k);
    for (const c of all) if (c < 0 || c >= head.columns) this.fail(`Column index ${c} is out of bounds for a table with ${head.columns} columns.`);
    const cols: TableColumnProperties[] = head.cols.map((c, k) => (all.includes(k) ? this.masked(c, given, fields) : c));
    this.units.set(t.start, { ...head, cols });
    return {};
  }

  private updateTableCellStyle(r: Obj): Reply {
    const fields = this.fields(r, CELL_FIELDS);
    const given = obj(r.tableCellStyle) ?? {};
    const range = obj(r.tableRange);
    let cells: number[];
    if (range) {
      const { t, row, col } = this.cellLocation(range, Infinity);
      const rowSpan = this.int(range.rowSpan, 'tableRange.rowSpan', 1);
      const colSpan = this.int(range.columnSpan, 'tableRange.columnSpan', 1);
      if (rowSpan < 1 || colSpan < 1 || row + rowSpan > t.rows.length || col + colSpan > t.columns) this.fail('The table range is out of bounds.');
      cells = t.rows.slice(row, row + rowSpan).flatMap((rw) => rw.cells.slice(col, col + colSpan).map((c) => c.start));
    } else {
      const t = this.table(r.tableStartLocation, 'tableStartLocation');
      cells = t.rows.flatMap((rw) => rw.cells.map((c) => c.start));
    }
    for (const k of cells) {
      const cs = this.at(k) as Extract<Unit, { k: 'cs' }>;
      this.units.set(k, { k: 'cs', s: this.masked<TableCellStyle>(cs.s, given, fields) });
    }
    return {};
  }

  private updateTableRowStyle(r: Obj): Reply {
    const t = this.table(r.tableStartLocation, 'tableStartLocation');
    const fields = this.fields(r, ROW_FIELDS);
    const given = obj(r.tableRowStyle) ?? {};
    const indices = Array.isArray(r.rowIndices) ? r.rowIndices.map((c, k) => this.int(c, `rowIndices[${k}]`)) : t.rows.map((_r, k) => k);
    for (const y of indices) {
      if (y < 0 || y >= t.rows.length) this.fail(`Row index ${y} is out of bounds for a table with ${t.rows.length} rows.`);
      const rs = this.at(t.rows[y].start) as Extract<Unit, { k: 'rs' }>;
      this.units.set(t.rows[y].start, { k: 'rs', s: this.masked<TableRowStyle>(rs.s, given, fields) });
    }
    return {};
  }

  private insertInlineImage(r: Obj): Reply {
    const uri = typeof r.uri === 'string' ? r.uri : '';
    if (!uri) this.fail('The image URI must be specified.');
    if (uri.length > 2048) this.fail('The URI must be less than 2 kB.');
    // Google fetches the image when the request is applied; the sandbox fetches nothing (it has no network): an
    // address Google could never reach is refused the way Google refuses an image it cannot retrieve, any other
    // http(s) address is taken to be a reachable picture.
    if (!/^https?:\/\/[^\s/]+/i.test(uri) || unreachableImageUri(uri)) {
      this.fail('There was a problem retrieving the image. The provided image should be publicly accessible, within size limit, and in supported formats.');
    }
    const i = this.checkInsert(this.location(r));
    const id = this.nextId('kix.sbx');
    const size = obj(r.objectSize) ?? { height: PT(150), width: PT(200) };
    const inline: InlineObject = {
      objectId: id,
      inlineObjectProperties: {
        embeddedObject: {
          imageProperties: { contentUri: uri, sourceUri: uri, cropProperties: {} },
          size: JSON.parse(JSON.stringify(size)) as GoogleAppsScript.Docs.Schema.Size,
          marginTop: PT(9),
          marginBottom: PT(9),
          marginLeft: PT(9),
          marginRight: PT(9),
        },
      },
    };
    this.doc.inlineObjects[id] = inline;
    this.units.splice(i, 0, [{ k: 'img', id, s: this.inheritedStyle(i) }]);
    return { insertInlineImage: { objectId: id } };
  }

  private updateDocumentStyle(r: Obj): Reply {
    const mask = typeof r.fields === 'string' ? r.fields.split(',').map((f) => f.trim().split('.')[0]) : [];
    const unmodeled = mask.find((f) => DOCUMENT_UNMODELED.includes(f));
    if (unmodeled) throw new DocsPayloadError(`The sandbox does not model documentStyle.${unmodeled} (requests[${this.n}].updateDocumentStyle).`);
    const fields = this.fields(r, DOCUMENT_FIELDS);
    const given = obj(r.documentStyle) ?? {};
    const dimension = (path: string, v: unknown, min: number): void => {
      if (v === undefined || v === null) return;
      const d = obj(v);
      if (!d) throw new DocsPayloadError(`Invalid value at '${this.protoField(path)}'.`);
      if (d.unit !== undefined && d.unit !== 'PT') this.badEnum(`${path}.unit`, d.unit);
      const m = d.magnitude;
      if (m !== undefined && (typeof m !== 'number' || !Number.isFinite(m) || m < min)) this.fail(`${path}.magnitude must be at least ${min}.`);
    };
    for (const side of ['marginTop', 'marginBottom', 'marginLeft', 'marginRight']) if (fields.includes(side)) dimension(`documentStyle.${side}`, given[side], 0);
    if (fields.includes('pageSize') && given.pageSize !== undefined) {
      const size = obj(given.pageSize);
      if (!size) throw new DocsPayloadError(`Invalid value at '${this.protoField('documentStyle.pageSize')}'.`);
      dimension('documentStyle.pageSize.width', size.width, 1);
      dimension('documentStyle.pageSize.height', size.height, 1);
    }
    const next = { ...this.doc.documentStyle } as Obj;
    for (const f of fields) {
      if (given[f] === undefined || given[f] === null) delete next[f];
      else next[f] = JSON.parse(JSON.stringify(given[f])) as unknown;
    }
    const m = (k: string) => (obj(next[k])?.magnitude as number | undefined) ?? 0;
    const page = obj(next.pageSize);
    const pageWidth = (obj(page?.width)?.magnitude as number | undefined) ?? 0;
    const pageHeight = (obj(page?.height)?.magnitude as number | undefined) ?? 0;
    if (page && (m('marginLeft') + m('marginRight') >= pageWidth || m('marginTop') + m('marginBottom') >= pageHeight)) {
      this.fail('The page margins must leave room for content on the page.');
    }
    this.doc.documentStyle = next as DocContent['documentStyle'];
    return {};
  }

  private insertPageBreak(r: Obj): Reply {
    const i = this.checkInsert(this.location(r));
    if (this.insideTable(i)) this.fail('Page breaks cannot be inserted inside a table.');
    const s = this.inheritedStyle(i);
    const p = this.paragraphStyleAt(i);
    this.units.splice(i, 0, [{ k: 'pb', s }, { k: 'nl', s, p: this.newParagraphStyle(p) }]);
    return {};
  }

  /** Drops inline objects whose image was deleted. */
  collectGarbage(): void {
    const ids = Object.keys(this.doc.inlineObjects);
    if (!ids.length) return;
    const used = new Set<string>();
    for (let k = 0; k < this.units.length; k++) {
      const u = this.at(k);
      if (u.k === 'img') used.add(u.id);
    }
    for (const id of ids) if (!used.has(id)) delete this.doc.inlineObjects[id];
  }
}
