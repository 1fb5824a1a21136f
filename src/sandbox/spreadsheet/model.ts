// The in-memory spreadsheet: sheets of cells plus the metadata Apps Script exposes (validation, conditional formats,
// protections, named ranges, notes, frozen rows, filters, charts). Pure data with no call counting: the fakes in
// fakes.ts wrap it for the script, and the exporters read it directly.

/** A date or date-time cell: Sheets stores wall-clock time, interpreted in the spreadsheet's time zone. */
export class WallDate {
  constructor(readonly wall: number) {}
}

export type CellValue = string | number | boolean | WallDate;

export interface GridRange {
  r1: number; // 1-based, inclusive
  c1: number;
  r2: number;
  c2: number;
}

export interface ValidationRule {
  type: 'list' | 'date' | 'dateAfter' | 'email' | 'url' | 'number' | 'numberBetween' | 'checkbox' | 'custom';
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
  showDropdown?: boolean;
}

export interface ConditionalRule {
  id: number;
  ranges: GridRange[];
  condition: { type: 'formula' | 'textEqualTo' | 'textContains'; value: string };
  background?: string;
  fontColor?: string;
  bold?: boolean;
  strikethrough?: boolean;
}

export interface ProtectionData {
  id: number;
  range: GridRange | null; // null: the whole sheet
  description: string;
  warningOnly: boolean;
}

export interface FilterData {
  range: GridRange;
  criteria: Record<number, { hiddenValues?: string[]; visibleValues?: string[]; condition?: { type: string; values: unknown[] } }>;
}

export interface ChartData {
  id: number;
  type: string;
  ranges: GridRange[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  background?: string;
  fontColor?: string;
  wrap?: boolean;
  hAlign?: string;
}

let nextId = 1000;
export function newId(): number {
  return nextId++;
}

export function setNextIdFloor(n: number): void {
  if (n >= nextId) nextId = n + 1;
}

export class SheetModel {
  readonly id: number;
  name: string;
  /** Row-major cell values; rows and columns beyond the stored arrays are blank (''). */
  values: CellValue[][] = [];
  formulas = new Map<string, string>();
  notes = new Map<string, string>();
  formats = new Map<string, CellFormat>();
  /** Column-wide formats set on whole columns (key: column). */
  columnFormats = new Map<number, CellFormat>();
  maxRows: number;
  maxCols: number;
  frozenRows = 0;
  frozenCols = 0;
  validations: { range: GridRange; rule: ValidationRule | null }[] = [];
  conditionalRules: ConditionalRule[] = [];
  protections: ProtectionData[] = [];
  merges: GridRange[] = [];
  hiddenRows = new Set<number>();
  hiddenByFilter = new Set<number>();
  hiddenCols = new Set<number>();
  columnWidths = new Map<number, number>();
  filter: FilterData | null = null;
  charts: ChartData[] = [];
  tabColor: string | null = null;
  hidden = false;

  constructor(name: string, maxRows = 1000, maxCols = 26, id = newId()) {
    this.id = id;
    this.name = name;
    this.maxRows = maxRows;
    this.maxCols = maxCols;
  }

  static key(r: number, c: number): string {
    return `${r},${c}`;
  }

  get(r: number, c: number): CellValue {
    const row = this.values[r - 1];
    if (!row) return '';
    const v = row[c - 1];
    return v === undefined ? '' : v;
  }

  set(r: number, c: number, v: CellValue): void {
    let row = this.values[r - 1];
    if (!row) {
      for (let i = this.values.length; i < r; i++) if (!this.values[i]) this.values[i] = [];
      row = this.values[r - 1];
    }
    if (v === '' && c > row.length) return;
    for (let i = row.length; i < c - 1; i++) row[i] = '';
    row[c - 1] = v;
    if (r > this.maxRows) this.maxRows = r;
    if (c > this.maxCols) this.maxCols = c;
  }

  /** Last row with any content (value or formula), 0 when empty. */
  lastRow(): number {
    for (let r = this.values.length; r >= 1; r--) {
      const row = this.values[r - 1];
      if (row && row.some((v) => v !== '' && v !== undefined)) return r;
    }
    return 0;
  }

  /** Last column with any content, 0 when empty. */
  lastColumn(): number {
    let last = 0;
    for (const row of this.values) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        const v = row[c - 1];
        if (v !== '' && v !== undefined) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  validationAt(r: number, c: number): ValidationRule | null {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const { range, rule } = this.validations[i];
      if (r >= range.r1 && r <= range.r2 && c >= range.c1 && c <= range.c2) return rule;
    }
    return null;
  }

  formatAt(r: number, c: number): CellFormat | undefined {
    return this.formats.get(SheetModel.key(r, c)) ?? this.columnFormats.get(c);
  }

  mergeAt(r: number, c: number): GridRange | undefined {
    return this.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  }

  /** Inserts `count` blank columns after column `after` (0 = before the first), shifting cells and metadata. */
  insertColumns(after: number, count: number): void {
    for (const row of this.values) if (row && row.length > after) row.splice(after, 0, ...new Array<CellValue>(count).fill(''));
    this.maxCols += count;
    const shiftKeyMap = <T>(m: Map<string, T>) => {
      const out = new Map<string, T>();
      for (const [k, v] of m) {
        const [r, c] = k.split(',').map(Number);
        out.set(SheetModel.key(r, c > after ? c + count : c), v);
      }
      return out;
    };
    this.formulas = shiftKeyMap(this.formulas);
    this.notes = shiftKeyMap(this.notes);
    this.formats = shiftKeyMap(this.formats);
    const shift = (g: GridRange) => {
      if (g.c1 > after) g.c1 += count;
      if (g.c2 > after) g.c2 += count;
    };
    this.validations.forEach((v) => shift(v.range));
    this.conditionalRules.forEach((r) => r.ranges.forEach(shift));
    this.protections.forEach((p) => p.range && shift(p.range));
    this.merges.forEach(shift);
  }

  /** Deletes `count` columns starting at `col`, shifting what lies to the right. */
  deleteColumns(col: number, count: number): void {
    for (const row of this.values) if (row && row.length >= col) row.splice(col - 1, count);
    this.maxCols = Math.max(1, this.maxCols - count);
    const shiftKeyMap = <T>(m: Map<string, T>) => {
      const out = new Map<string, T>();
      for (const [k, v] of m) {
        const [r, c] = k.split(',').map(Number);
        if (c >= col && c < col + count) continue;
        out.set(SheetModel.key(r, c >= col + count ? c - count : c), v);
      }
      return out;
    };
    this.formulas = shiftKeyMap(this.formulas);
    this.notes = shiftKeyMap(this.notes);
    this.formats = shiftKeyMap(this.formats);
    const shift = (g: GridRange) => {
      if (g.c1 >= col + count) g.c1 -= count;
      else if (g.c1 > col) g.c1 = col;
      if (g.c2 >= col + count) g.c2 -= count;
      else if (g.c2 >= col) g.c2 = Math.max(col - 1, g.c1);
    };
    this.validations.forEach((v) => shift(v.range));
    this.conditionalRules.forEach((r) => r.ranges.forEach(shift));
    this.protections.forEach((p) => p.range && shift(p.range));
  }

  /** Moves columns [col, col+count) so that they start before column `dest` (Sheet.moveColumns semantics). */
  moveColumns(col: number, count: number, dest: number): void {
    const width = Math.max(this.maxCols, col + count - 1, dest);
    const order: number[] = [];
    for (let c = 1; c <= width; c++) order.push(c);
    const moved = order.splice(col - 1, count);
    const insertAt = dest > col ? dest - 1 - count : dest - 1;
    order.splice(insertAt, 0, ...moved);
    // order[newIndex] = oldColumn
    const newOf = new Map<number, number>();
    order.forEach((oldC, i) => newOf.set(oldC, i + 1));
    this.values = this.values.map((row) => {
      if (!row) return row;
      const out: CellValue[] = [];
      order.forEach((oldC, i) => {
        const v = row[oldC - 1];
        out[i] = v === undefined ? '' : v;
      });
      while (out.length && out[out.length - 1] === '') out.pop();
      return out;
    });
    const remap = <T>(m: Map<string, T>) => {
      const out = new Map<string, T>();
      for (const [k, v] of m) {
        const [r, c] = k.split(',').map(Number);
        out.set(SheetModel.key(r, newOf.get(c) ?? c), v);
      }
      return out;
    };
    this.formulas = remap(this.formulas);
    this.notes = remap(this.notes);
    this.formats = remap(this.formats);
    const remapSingle = (g: GridRange) => {
      if (g.c1 === g.c2) {
        g.c1 = g.c2 = newOf.get(g.c1) ?? g.c1;
      }
    };
    this.validations.forEach((v) => remapSingle(v.range));
    this.protections.forEach((p) => p.range && remapSingle(p.range));
  }

  /** Inserts `count` blank rows after row `after`. */
  insertRows(after: number, count: number): void {
    if (this.values.length > after) this.values.splice(after, 0, ...Array.from({ length: count }, () => [] as CellValue[]));
    this.maxRows += count;
    const shiftKeyMap = <T>(m: Map<string, T>) => {
      const out = new Map<string, T>();
      for (const [k, v] of m) {
        const [r, c] = k.split(',').map(Number);
        out.set(SheetModel.key(r > after ? r + count : r, c), v);
      }
      return out;
    };
    this.formulas = shiftKeyMap(this.formulas);
    this.notes = shiftKeyMap(this.notes);
    this.formats = shiftKeyMap(this.formats);
  }

  /** Deletes `count` rows starting at `row`. */
  deleteRows(row: number, count: number): void {
    if (this.values.length >= row) this.values.splice(row - 1, count);
    this.maxRows = Math.max(1, this.maxRows - count);
    const shiftKeyMap = <T>(m: Map<string, T>) => {
      const out = new Map<string, T>();
      for (const [k, v] of m) {
        const [r, c] = k.split(',').map(Number);
        if (r >= row && r < row + count) continue;
        out.set(SheetModel.key(r >= row + count ? r - count : r, c), v);
      }
      return out;
    };
    this.formulas = shiftKeyMap(this.formulas);
    this.notes = shiftKeyMap(this.notes);
    this.formats = shiftKeyMap(this.formats);
  }
}

export interface NamedRangeData {
  name: string;
  sheetId: number;
  range: GridRange;
}

export class SpreadsheetModel {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetModel[] = [];
  namedRanges: NamedRangeData[] = [];

  constructor(opts: { id?: string; name?: string; timeZone?: string; locale?: string } = {}) {
    this.id = opts.id ?? 'ss-' + newId().toString(36) + 'GendanSandbox0000000000';
    this.name = opts.name ?? 'Gendan workbook';
    this.timeZone = opts.timeZone ?? 'Asia/Shanghai';
    this.locale = opts.locale ?? 'en_US';
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name: string, index?: number): SheetModel {
    if (this.sheetByName(name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new SheetModel(name);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }
}

/** Column number → letters (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → column number (A → 1). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Of(g: GridRange): string {
  const a = `${columnLetter(g.c1)}${g.r1}`;
  if (g.r1 === g.r2 && g.c1 === g.c2) return a;
  return `${a}:${columnLetter(g.c2)}${g.r2}`;
}

/**
 * Parses A1 notation, with or without a sheet name ("Orders!A2:C9", "'My sheet'!B:B", "2:2", "A1").
 * Whole columns and rows are bounded by the sheet's size.
 */
export function parseA1(a1: string, maxRows: number, maxCols: number): { sheetName?: string; range: GridRange } {
  let sheetName: string | undefined;
  let ref = a1.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = ref.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  ref = ref.replace(/\$/g, '');
  const parts = ref.split(':');
  if (parts.length > 2 || !parts[0]) throw new Error(`Range not found: ${a1}`);
  const parsePart = (p: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw new Error(`Range not found: ${a1}`);
    return { col: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
  };
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  const r1 = a.row ?? 1;
  const c1 = a.col ?? 1;
  const r2 = b.row ?? (a.row !== undefined && parts.length === 1 ? a.row : maxRows);
  const c2 = b.col ?? (a.col !== undefined && parts.length === 1 ? a.col : maxCols);
  if (r1 < 1 || c1 < 1) throw new Error(`Range not found: ${a1}`);
  return { sheetName, range: { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) } };
}
