// The in-memory spreadsheet ↔ .xlsx (exceljs): sheets, values, dates, formulas with their cached results, notes,
// number formats and styles, frozen panes, merges, column widths, hidden rows and columns, data validations,
// conditional formats and named ranges. Reading tolerates files from Excel, LibreOffice and Google Sheets. Data
// validations, notes, merges and defined names are read straight from the package XML: exceljs expands every
// validated or named range into one entry per cell (millions for a whole-column rule in an Excel file) and drops
// notes on cells that hold nothing.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { instantToWall, wallToInstant } from '../domain/time/zone';
import {
  SheetModel,
  SpreadsheetModel,
  WallDate,
  a1Of,
  columnLetter,
  columnNumber,
  newId,
  parseA1,
  type CellFormat,
  type CellValue,
  type ConditionalRule,
  type GridRange,
  type ValidationRule,
} from './spreadsheet/model';
import { SERIAL_EPOCH } from './spreadsheet/values';

const DAY = 86_400_000;
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLS = 16_384;
/** Excel's built-in short date (numFmtId 14): what exceljs gives a date cell without a format. */
const DEFAULT_DATE_FORMAT = 'mm-dd-yy';
/** exceljs writes this width (in characters) for every column it writes without one, and reads it back as such. */
const EXCELJS_DEFAULT_WIDTH = 9;
/** Defined names over more cells than this are kept from exceljs (see scanPackage). */
const LARGE_NAME_CELLS = 100_000;
const ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);
/** The email and URL checks Excel has no rule type for, written as custom formulas the reader recognizes. */
const EMAIL_FORMULA = (ref: string) => `ISNUMBER(MATCH("*?@?*.?*",${ref},0))`;
const URL_FORMULA = (ref: string) => `OR(LEFT(${ref},7)="http://",LEFT(${ref},8)="https://")`;
const EMAIL_PATTERN = /^ISNUMBER\(MATCH\("\*\?@\?\*\.\?\*",\$?[A-Z]+\$?\d+,0\)\)$/i;
const URL_PATTERN = /^OR\(LEFT\(\$?[A-Z]+\$?\d+,7\)="http:\/\/",LEFT\(\$?[A-Z]+\$?\d+,8\)="https:\/\/"\)$/i;

/** The parts of an exceljs worksheet the typings leave out. */
interface WorksheetExtras {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}

function extras(ws: ExcelJS.Worksheet): WorksheetExtras {
  return ws as unknown as WorksheetExtras;
}

// ---------------------------------------------------------------------------------------------------------------
// Formulas: relative references re-anchored (a validation or rule formula is relative to its range's first cell)
// ---------------------------------------------------------------------------------------------------------------

const REF = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![0-9A-Za-z_(!.])/g;

/** Rewrites the relative references of a formula anchored at (r0, c0) as offsets (position-independent form). */
function toRelative(formula: string, r0: number, c0: number): string {
  return formula.replace(REF, (m: string, ca?: string, col?: string, ra?: string, row?: string) => {
    if (col === undefined || row === undefined) return m;
    const c = columnNumber(col);
    const r = Number(row);
    if (c > EXCEL_MAX_COLS || r < 1) return m;
    return `⟦${ca ? `C${c}` : `c${c - c0}`}|${ra ? `R${r}` : `r${r - r0}`}⟧`;
  });
}

/** The formula of a position-independent form, anchored at (r0, c0). String literals are never rewritten. */
function fromRelative(rel: string, r0: number, c0: number): string {
  return rel.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'|⟦([Cc])(-?\d+)\|([Rr])(-?\d+)⟧/g, (m: string, ck?: string, cv?: string, rk?: string, rv?: string) => {
    if (ck === undefined || cv === undefined || rk === undefined || rv === undefined) return m;
    const c = ck === 'C' ? Number(cv) : c0 + Number(cv);
    const r = rk === 'R' ? Number(rv) : r0 + Number(rv);
    if (c < 1 || r < 1 || c > EXCEL_MAX_COLS || r > EXCEL_MAX_ROWS) return '#REF!';
    return `${ck === 'C' ? '$' : ''}${columnLetter(c)}${rk === 'R' ? '$' : ''}${r}`;
  });
}

/** A formula anchored at one cell, re-anchored at another (relative references move, absolute ones stay). */
export function moveFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  if (from.row === to.row && from.col === to.col) return formula;
  return fromRelative(toRelative(formula, from.row, from.col), to.row, to.col);
}

// ---------------------------------------------------------------------------------------------------------------
// Colours and styles
// ---------------------------------------------------------------------------------------------------------------

function toArgb(color: string | undefined): string | undefined {
  if (!color) return undefined;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((ch) => ch + ch).join('') : m[1];
  return `FF${hex.toUpperCase()}`;
}

function fromArgb(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  if (typeof argb !== 'string') return undefined;
  const hex = argb.length === 8 ? argb.slice(2) : argb;
  return /^[0-9a-f]{6}$/i.test(hex) ? `#${hex.toLowerCase()}` : undefined;
}

type Horizontal = ExcelJS.Alignment['horizontal'];
const HORIZONTAL = new Set<string>(['left', 'center', 'right', 'fill', 'justify', 'centerContinuous', 'distributed']);

function styleOf(f: CellFormat): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (f.numberFormat) style.numFmt = f.numberFormat;
  const font: Partial<ExcelJS.Font> = {};
  if (f.bold) font.bold = true;
  const fontColor = toArgb(f.fontColor);
  if (fontColor) font.color = { argb: fontColor };
  if (Object.keys(font).length) style.font = font;
  const bg = toArgb(f.background);
  if (bg) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: bg } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (f.wrap) alignment.wrapText = true;
  if (f.hAlign && HORIZONTAL.has(f.hAlign)) alignment.horizontal = f.hAlign as Horizontal;
  if (Object.keys(alignment).length) style.alignment = alignment;
  return style;
}

function formatOf(style: Partial<ExcelJS.Style> | undefined, value?: unknown): CellFormat | undefined {
  if (!style) return undefined;
  const f: CellFormat = {};
  const numFmt = style.numFmt;
  if (numFmt && numFmt !== 'General' && !(numFmt === DEFAULT_DATE_FORMAT && isDate(value))) f.numberFormat = numFmt;
  if (style.font?.bold) f.bold = true;
  const fontColor = fromArgb(style.font?.color);
  if (fontColor) f.fontColor = fontColor;
  const fill = style.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const bg = fromArgb(fill.fgColor) ?? fromArgb(fill.bgColor);
    if (bg) f.background = bg;
  }
  if (style.alignment?.wrapText) f.wrap = true;
  const h = style.alignment?.horizontal;
  if (h) f.hAlign = h === 'centerContinuous' ? 'center' : h;
  return Object.keys(f).length ? f : undefined;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Shares one exceljs style object per distinct format (exceljs dedupes styles by object first). */
class StyleCache {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();
  get(f: CellFormat): Partial<ExcelJS.Style> {
    const key = JSON.stringify([f.numberFormat, f.bold, f.background, f.fontColor, f.wrap, f.hAlign]);
    let s = this.byKey.get(key);
    if (!s) {
      s = styleOf(f);
      this.byKey.set(key, s);
    }
    return s;
  }
}

function formatKey(f: CellFormat | undefined): string {
  return f ? JSON.stringify([f.numberFormat, f.bold, f.background, f.fontColor, f.wrap, f.hAlign]) : '';
}

// ---------------------------------------------------------------------------------------------------------------
// Data validations
// ---------------------------------------------------------------------------------------------------------------

interface FlatValidation {
  range: GridRange;
  rule: ValidationRule;
}

/**
 * The validations of a sheet as Sheets applies them (a later rule over a cell replaces an earlier one, a null rule
 * clears), collapsed into the fewest rectangles: whole columns stay one range however many rows they cover.
 */
export function flattenValidations(sheet: SheetModel): FlatValidation[] {
  const entries = sheet.validations;
  if (!entries.length) return [];
  // Position-independent identity of each rule, so equal rules in neighbouring cells merge.
  const keyIds = new Map<string, number>();
  const keyRules: { rule: ValidationRule; rel?: string }[] = [{ rule: { type: 'custom', values: [], allowInvalid: true, helpText: '' } }];
  const entryKey = entries.map(({ range, rule }) => {
    if (!rule) return 0;
    const rel = rule.type === 'custom' ? toRelative(String(rule.values[0] ?? ''), range.r1, range.c1) : undefined;
    const key = JSON.stringify([rule.type, rel ?? rule.values, rule.allowInvalid, rule.helpText, rule.showDropdown ?? true]);
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keyRules.length;
      keyIds.set(key, id);
      keyRules.push({ rule, rel });
    }
    return id;
  });
  let cMin = Infinity;
  let cMax = 0;
  let rMax = 0;
  for (const { range } of entries) {
    cMin = Math.min(cMin, range.c1);
    cMax = Math.max(cMax, range.c2);
    rMax = Math.max(rMax, range.r2);
  }
  const out: FlatValidation[] = [];
  const open = new Map<string, GridRange & { id: number }>();
  const closed: (GridRange & { id: number })[] = [];
  const owner = new Int32Array(rMax + 2);
  for (let c = cMin; c <= cMax; c++) {
    owner.fill(0);
    let any = false;
    entries.forEach(({ range }, i) => {
      if (c < range.c1 || c > range.c2) return;
      owner.fill(entryKey[i], range.r1, range.r2 + 1);
      any = true;
    });
    if (!any) continue;
    for (let r = 1; r <= rMax; ) {
      const id = owner[r];
      let end = r;
      while (end + 1 <= rMax && owner[end + 1] === id) end++;
      if (id !== 0) {
        const k = `${r}:${end}:${id}`;
        const prev = open.get(k);
        if (prev && prev.c2 === c - 1) prev.c2 = c;
        else {
          if (prev) closed.push(prev);
          open.set(k, { r1: r, r2: end, c1: c, c2: c, id });
        }
      }
      r = end + 1;
    }
  }
  for (const g of [...closed, ...open.values()]) {
    const { rule, rel } = keyRules[g.id];
    const values = rel !== undefined ? [fromRelative(rel, g.r1, g.c1)] : rule.values;
    out.push({ range: { r1: g.r1, c1: g.c1, r2: g.r2, c2: g.c2 }, rule: { ...rule, values: [...values] } });
  }
  out.sort((a, b) => a.range.c1 - b.range.c1 || a.range.r1 - b.range.r1);
  return out;
}

function listLiteral(values: unknown[]): string {
  return `"${values.map((v) => String(v).replace(/"/g, '""')).join(',')}"`;
}

function excelValidation(v: FlatValidation, timeZone: string): ExcelJS.DataValidation {
  const { rule, range } = v;
  const ref = `${columnLetter(range.c1)}${range.r1}`;
  const base: Partial<ExcelJS.DataValidation> = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
  };
  if (rule.helpText) {
    base.showInputMessage = true;
    base.prompt = rule.helpText.slice(0, 255);
  }
  switch (rule.type) {
    case 'list':
      return { ...base, type: 'list', formulae: [listLiteral(rule.values)] };
    case 'checkbox':
      return { ...base, type: 'list', formulae: ['"TRUE,FALSE"'] };
    case 'date':
      return { ...base, type: 'date', operator: 'greaterThanOrEqual', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    case 'dateAfter':
      return { ...base, type: 'date', operator: 'greaterThanOrEqual', formulae: [new Date(instantToWall(Number(rule.values[0]), timeZone))] };
    case 'email':
      return { ...base, type: 'custom', formulae: [EMAIL_FORMULA(ref)] };
    case 'url':
      return { ...base, type: 'custom', formulae: [URL_FORMULA(ref)] };
    case 'number':
      return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [Number(rule.values[0])] };
    case 'numberBetween':
      return { ...base, type: 'decimal', operator: 'between', formulae: [Number(rule.values[0]), Number(rule.values[1])] };
    case 'custom':
      return { ...base, type: 'custom', formulae: [String(rule.values[0] ?? '').replace(/^=/, '')] };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------------------------

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function absoluteRange(g: GridRange): string {
  const a = `$${columnLetter(g.c1)}$${g.r1}`;
  return g.r1 === g.r2 && g.c1 === g.c2 ? a : `${a}:$${columnLetter(g.c2)}$${g.r2}`;
}

function formulaResult(v: CellValue): ExcelJS.CellFormulaValue['result'] {
  if (v === '') return undefined;
  if (v instanceof WallDate) return new Date(v.wall);
  if (typeof v === 'string' && ERRORS.has(v)) return { error: v as ExcelJS.CellErrorValue['error'] };
  return v;
}

function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[\\/*?:[\]]/.test(name) || /^'|'$/.test(name)) {
    throw new Error(`Sheet name "${name}" cannot be written to .xlsx (at most 31 characters, none of \\ / * ? : [ ], not starting or ending with ')`);
  }
}

function conditionalRule(rule: ConditionalRule, priority: number): ExcelJS.ConditionalFormattingRule {
  const style: Partial<ExcelJS.Style> = {};
  const bg = toArgb(rule.background);
  if (bg) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: bg } };
  const font: Partial<ExcelJS.Font> = {};
  const color = toArgb(rule.fontColor);
  if (color) font.color = { argb: color };
  if (rule.bold) font.bold = true;
  if (rule.strikethrough) font.strike = true;
  if (Object.keys(font).length) style.font = font;
  const { type, value } = rule.condition;
  if (type === 'formula') return { type: 'expression', formulae: [value.replace(/^=/, '')], style, priority };
  if (type === 'textEqualTo') return { type: 'cellIs', operator: 'equal', formulae: [`"${value.replace(/"/g, '""')}"`], style, priority };
  return { type: 'containsText', operator: 'containsText', text: value.replace(/"/g, '""'), style, priority };
}

function writeSheet(wb: ExcelJS.Workbook, model: SpreadsheetModel, sheet: SheetModel, styles: StyleCache): void {
  checkSheetName(sheet.name);
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    properties: sheet.tabColor && toArgb(sheet.tabColor) ? { tabColor: { argb: toArgb(sheet.tabColor) } } : undefined,
  });
  if (sheet.frozenRows || sheet.frozenCols) {
    ws.views = [{ state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows, topLeftCell: `${columnLetter(sheet.frozenCols + 1)}${sheet.frozenRows + 1}` }];
  }
  // Columns first: exceljs gives every cell created afterwards its column's style.
  const cols = new Set<number>([...sheet.columnFormats.keys(), ...sheet.columnWidths.keys(), ...sheet.hiddenCols]);
  for (const c of [...cols].sort((a, b) => a - b)) {
    const col = ws.getColumn(c);
    const width = sheet.columnWidths.get(c);
    if (width !== undefined) {
      const chars = Math.max(0, Math.round(((width - 5) / 7) * 100) / 100);
      // exceljs reads 9 characters as "no width set"
      col.width = chars === EXCELJS_DEFAULT_WIDTH ? chars + 0.01 : chars;
    }
    if (sheet.hiddenCols.has(c)) col.hidden = true;
    const fmt = sheet.columnFormats.get(c);
    if (fmt) {
      const s = styleOf(fmt);
      if (s.numFmt) col.numFmt = s.numFmt;
      if (s.font) col.font = s.font;
      if (s.fill) col.fill = s.fill;
      if (s.alignment) col.alignment = s.alignment;
    }
  }
  sheet.values.forEach((rowValues, i) => {
    if (!rowValues) return;
    const row = ws.getRow(i + 1);
    for (let j = 0; j < rowValues.length; j++) {
      const v = rowValues[j];
      if (v === '' || v === undefined) continue;
      row.getCell(j + 1).value = v instanceof WallDate ? new Date(v.wall) : v;
    }
  });
  for (const [key, formula] of sheet.formulas) {
    const [r, c] = key.split(',').map(Number);
    ws.getCell(r, c).value = { formula: formula.replace(/^=/, ''), result: formulaResult(sheet.get(r, c)) };
  }
  for (const [key, fmt] of sheet.formats) {
    const [r, c] = key.split(',').map(Number);
    ws.getCell(r, c).style = styles.get(fmt);
  }
  for (const [key, note] of sheet.notes) {
    const [r, c] = key.split(',').map(Number);
    ws.getCell(r, c).note = note;
  }
  for (const r of [...sheet.hiddenRows].sort((a, b) => a - b)) {
    const row = ws.getRow(r);
    row.hidden = true;
    // exceljs leaves out rows with neither cells nor a height, and the hidden flag with them.
    if (!row.hasValues && !row.height) row.height = 15;
  }
  for (const m of sheet.merges) ws.mergeCells(m.r1, m.c1, m.r2, m.c2);
  const dv = extras(ws).dataValidations;
  for (const v of flattenValidations(sheet)) dv.add(a1Of(v.range), excelValidation(v, model.timeZone));
  sheet.conditionalRules.forEach((rule, i) => {
    if (!rule.ranges.length) return;
    ws.addConditionalFormatting({ ref: rule.ranges.map(a1Of).join(' '), rules: [conditionalRule(rule, i + 1)] });
  });
}

/**
 * Writes the spreadsheet as an .xlsx workbook Excel, LibreOffice and Google Sheets open.
 * @example fs.writeFileSync('workbook.xlsx', await exportWorkbook(env.spreadsheet));
 */
export async function exportWorkbook(model: SpreadsheetModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gendan sandbox';
  wb.title = model.name;
  const styles = new StyleCache();
  for (const sheet of model.sheets) writeSheet(wb, model, sheet, styles);
  for (const n of model.namedRanges) {
    const sheet = model.sheetById(n.sheetId);
    if (sheet) wb.definedNames.add(`${quoteSheet(sheet.name)}!${absoluteRange(n.range)}`, n.name);
  }
  // Deflate level 1: a third of the time of the default level, files a little larger.
  const out = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
  return Buffer.from(out as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the package XML exceljs is not trusted with
// ---------------------------------------------------------------------------------------------------------------

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const l = e.toLowerCase();
    if (l === 'amp') return '&';
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    const code = l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1].includes(':') && !m[1].startsWith('xmlns') ? m[1].split(':')[1] : m[1];
    out[name] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** The concatenated text of the <t> runs of an XML fragment, phonetic guides left out. */
function runText(xml: string): string {
  const noPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const m of noPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += decodeXml(m[1]);
  return text;
}

interface RawValidation {
  attrs: Record<string, string>;
  sqref: string;
  formula1?: string;
  formula2?: string;
}

interface SheetScan {
  name: string;
  validations: RawValidation[];
  notes: Map<string, string>;
  merges: string[];
}

interface PackageScan {
  sheets: Map<string, SheetScan>;
  names: { name: string; localSheetId?: number; ref: string }[];
  /** The package for exceljs: the input, or a copy without defined names when one covers a large area. */
  buffer: Buffer;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

async function relationships(zip: JSZip, partPath: string): Promise<Map<string, { type: string; target: string }>> {
  const slash = partPath.lastIndexOf('/');
  const relsPath = `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  const file = zip.file(relsPath);
  if (!file) return out;
  const xml = await file.async('string');
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.Id && a.Target) out.set(a.Id, { type: a.Type ?? '', target: a.TargetMode === 'External' ? a.Target : resolvePath(partPath, a.Target) });
  }
  return out;
}

function scanValidations(tail: string): RawValidation[] {
  const out: RawValidation[] = [];
  const re = /<(?:\w+:)?dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?dataValidation>)/g;
  for (const m of tail.matchAll(re)) {
    const attrs = attributes(m[1]);
    const body = m[2] ?? '';
    const formula = (n: 1 | 2) => {
      const f = new RegExp(`<(?:\\w+:)?formula${n}>([\\s\\S]*?)</(?:\\w+:)?formula${n}>`).exec(body);
      return f ? decodeXml(f[1].replace(/<[^>]+>/g, '')).trim() : undefined;
    };
    const sqref = attrs.sqref ?? decodeXml(/<(?:\w+:)?sqref>([\s\S]*?)<\/(?:\w+:)?sqref>/.exec(body)?.[1] ?? '');
    if (sqref.trim()) out.push({ attrs, sqref: sqref.trim(), formula1: formula(1), formula2: formula(2) });
  }
  return out;
}

async function scanPackage(input: Buffer): Promise<PackageScan> {
  const zip = await JSZip.loadAsync(input);
  const wbPath = 'xl/workbook.xml';
  const wbFile = zip.file(wbPath);
  if (!wbFile) throw new Error('Not an .xlsx workbook: xl/workbook.xml is missing');
  const wbXml = await wbFile.async('string');
  const rels = await relationships(zip, wbPath);
  const sheets = new Map<string, SheetScan>();
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const target = a.id ? rels.get(a.id)?.target : undefined;
    if (!a.name || !target) continue;
    const file = zip.file(target);
    if (!file) continue;
    const xml = await file.async('string');
    const cut = Math.max(0, xml.lastIndexOf('</sheetData>'), xml.lastIndexOf(':sheetData>'));
    const tail = xml.slice(cut);
    const scan: SheetScan = { name: a.name, validations: scanValidations(tail), notes: new Map(), merges: [] };
    for (const mc of tail.matchAll(/<(?:\w+:)?mergeCell\b([^>]*?)\/?>/g)) {
      const ref = attributes(mc[1]).ref;
      if (ref) scan.merges.push(ref);
    }
    for (const rel of (await relationships(zip, target)).values()) {
      if (!/\/comments$/.test(rel.type)) continue;
      const cf = zip.file(rel.target);
      if (!cf) continue;
      const cx = await cf.async('string');
      for (const cm of cx.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
        const ref = attributes(cm[1]).ref;
        if (ref) scan.notes.set(ref.replace(/\$/g, '').toUpperCase(), runText(cm[2]));
      }
    }
    sheets.set(a.name, scan);
  }
  const names: PackageScan['names'] = [];
  const allRefs: string[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
    const a = attributes(m[1]);
    const ref = decodeXml(m[2]).trim();
    allRefs.push(ref);
    // Built-in names (print areas, filter ranges) and hidden ones are the program's, not the user's.
    if (!a.name || a.name.startsWith('_xlnm.') || a.hidden === '1' || a.hidden === 'true') continue;
    names.push({ name: a.name, localSheetId: a.localSheetId === undefined ? undefined : Number(a.localSheetId), ref });
  }
  // exceljs expands every defined name into one entry per cell; a name over a large area is taken out of its copy.
  const large = allRefs.some((ref) => {
    try {
      const { range } = parseA1(ref, EXCEL_MAX_ROWS, EXCEL_MAX_COLS);
      return (range.r2 - range.r1 + 1) * (range.c2 - range.c1 + 1) > LARGE_NAME_CELLS;
    } catch {
      return true;
    }
  });
  let buffer = input;
  if (large) {
    zip.file(wbPath, wbXml.replace(/<(x:)?definedNames\b(?:[^>]*\/>|[\s\S]*?<\/\1definedNames>)/g, ''));
    buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  }
  return { sheets, names, buffer };
}

// ---------------------------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------------------------

function plainText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v && Array.isArray((v as ExcelJS.CellRichTextValue).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text ?? '').join('');
  }
  return String(v);
}

/** An exceljs value as a stored cell value, and its formula when it has one. */
function readCell(cell: ExcelJS.Cell): { value: CellValue; formula?: string } | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : { value: new WallDate(v.getTime()) };
  if (typeof v !== 'object') return { value: String(v) };
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = cell.formula || (v as ExcelJS.CellFormulaValue).formula;
    const r = (v as ExcelJS.CellFormulaValue).result;
    const value: CellValue =
      r === undefined || r === null
        ? ''
        : isDate(r)
          ? new WallDate(r.getTime())
          : typeof r === 'object'
            ? 'error' in r
              ? r.error
              : ''
            : r;
    return formula ? { value, formula: `=${formula}` } : { value };
  }
  if ('error' in v) return { value: String((v as ExcelJS.CellErrorValue).error) };
  if ('richText' in v) return { value: plainText(v) };
  if ('hyperlink' in v || 'text' in v) return { value: plainText((v as ExcelJS.CellHyperlinkValue).text) };
  return null;
}

function clampRange(g: GridRange, maxRows: number, maxCols: number): GridRange {
  return { r1: g.r1, c1: g.c1, r2: g.r2 >= EXCEL_MAX_ROWS ? Math.max(g.r1, maxRows) : g.r2, c2: g.c2 >= EXCEL_MAX_COLS ? Math.max(g.c1, maxCols) : g.c2 };
}

function splitRefs(sqref: string): GridRange[] {
  const out: GridRange[] = [];
  for (const part of sqref.split(/\s+/)) {
    if (!part) continue;
    try {
      out.push(parseA1(part, EXCEL_MAX_ROWS, EXCEL_MAX_COLS).range);
    } catch {
      // a reference Sheets cannot hold (#REF!) is dropped
    }
  }
  return out;
}

const BETWEEN_OPS: Record<string, (x: string, a: string, b?: string) => string> = {
  between: (x, a, b) => `AND(${x}>=${a},${x}<=${b})`,
  notBetween: (x, a, b) => `OR(${x}<${a},${x}>${b})`,
  equal: (x, a) => `${x}=${a}`,
  notEqual: (x, a) => `${x}<>${a}`,
  greaterThan: (x, a) => `${x}>${a}`,
  lessThan: (x, a) => `${x}<${a}`,
  greaterThanOrEqual: (x, a) => `${x}>=${a}`,
  lessThanOrEqual: (x, a) => `${x}<=${a}`,
};

function unquoteList(f: string): string[] | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(f.trim());
  if (!m) return null;
  return m[1].replace(/""/g, '"').split(',');
}

/** A validation read from the file as the rule Sheets would hold, anchored at `anchor`; null when Sheets has none. */
function validationRule(raw: RawValidation, anchor: { row: number; col: number }, timeZone: string, resolveList: (ref: string) => string[] | null): ValidationRule | null {
  const a = raw.attrs;
  const type = a.type ?? 'none';
  const errorStyle = a.errorStyle ?? 'stop';
  const base = {
    allowInvalid: !(a.showErrorMessage === '1' || a.showErrorMessage === 'true') || errorStyle !== 'stop',
    helpText: a.prompt ?? '',
  };
  const f1 = raw.formula1 ?? '';
  const f2 = raw.formula2;
  const op = a.operator ?? 'between';
  const ref = `${columnLetter(anchor.col)}${anchor.row}`;
  switch (type) {
    case 'list': {
      const showDropdown = !(a.showDropDown === '1' || a.showDropDown === 'true');
      const values = unquoteList(f1) ?? resolveList(f1);
      if (!values) return null;
      if (values.length === 2 && values[0].toUpperCase() === 'TRUE' && values[1].toUpperCase() === 'FALSE') return { ...base, type: 'checkbox', values: [] };
      return { ...base, type: 'list', values, showDropdown };
    }
    case 'date': {
      const serial = Number(f1);
      if ((op === 'greaterThanOrEqual' || op === 'greaterThan' || op === 'between') && Number.isFinite(serial) && serial <= 2) return { ...base, type: 'date', values: [] };
      if (op === 'greaterThanOrEqual' && Number.isFinite(serial)) {
        const wall = Math.round(SERIAL_EPOCH + serial * DAY);
        return { ...base, type: 'dateAfter', values: [wallToInstant(wall, timeZone)] };
      }
      const cmp = BETWEEN_OPS[op];
      return cmp ? { ...base, type: 'custom', values: [`=${cmp(ref, f1, f2)}`] } : { ...base, type: 'date', values: [] };
    }
    case 'decimal':
    case 'whole': {
      const n1 = Number(f1);
      const n2 = Number(f2);
      if (op === 'between' && type === 'decimal' && Number.isFinite(n1) && Number.isFinite(n2)) return { ...base, type: 'numberBetween', values: [n1, n2] };
      if (op === 'greaterThanOrEqual' && type === 'decimal' && Number.isFinite(n1)) return { ...base, type: 'number', values: [n1] };
      const cmp = BETWEEN_OPS[op];
      if (!cmp) return null;
      const check = cmp(ref, f1, f2);
      return { ...base, type: 'custom', values: [type === 'whole' ? `=AND(ISNUMBER(${ref}),${ref}=INT(${ref}),${check})` : `=AND(ISNUMBER(${ref}),${check})`] };
    }
    case 'textLength':
    case 'time': {
      const cmp = BETWEEN_OPS[op];
      if (!cmp) return null;
      return { ...base, type: 'custom', values: [`=${cmp(type === 'textLength' ? `LEN(${ref})` : ref, f1, f2)}`] };
    }
    case 'custom': {
      if (!f1) return null;
      if (EMAIL_PATTERN.test(f1)) return { ...base, type: 'email', values: [] };
      if (URL_PATTERN.test(f1)) return { ...base, type: 'url', values: [] };
      return { ...base, type: 'custom', values: [`=${f1}`] };
    }
    default:
      return null;
  }
}

function readConditionalRule(rule: ExcelJS.ConditionalFormattingRule, ranges: GridRange[]): ConditionalRule | null {
  const style = (rule as { style?: Partial<ExcelJS.Style> }).style;
  const fill = style?.fill;
  const out: ConditionalRule = { id: newId(), ranges, condition: { type: 'formula', value: '' } };
  if (fill && fill.type === 'pattern') {
    const bg = fromArgb(fill.bgColor) ?? fromArgb(fill.fgColor);
    if (bg) out.background = bg;
  }
  const color = fromArgb(style?.font?.color);
  if (color) out.fontColor = color;
  if (style?.font?.bold) out.bold = true;
  if (style?.font?.strike) out.strikethrough = true;
  const formulae = (rule as { formulae?: unknown[] }).formulae ?? [];
  const first = formulae.length ? String(formulae[0]) : '';
  if (rule.type === 'expression' && first) {
    out.condition = { type: 'formula', value: `=${first}` };
    return out;
  }
  if (rule.type === 'cellIs' && rule.operator === 'equal') {
    const text = unquoteList(first);
    if (text && text.length === 1) {
      out.condition = { type: 'textEqualTo', value: text[0] };
      return out;
    }
    if (first) {
      const anchor = ranges[0];
      out.condition = { type: 'formula', value: `=${columnLetter(anchor.c1)}${anchor.r1}=${first}` };
      return out;
    }
    return null;
  }
  if (rule.type === 'containsText' && (rule.operator === 'containsText' || rule.operator === undefined)) {
    const quoted = /SEARCH\("((?:[^"]|"")*)",/.exec(first)?.[1];
    const text = rule.text ?? quoted?.replace(/""/g, '"');
    if (text === undefined) return null;
    out.condition = { type: 'textContains', value: text };
    return out;
  }
  return null;
}

interface ColumnFormatInfo {
  format: CellFormat | undefined;
  key: string;
}

function readSheet(ws: ExcelJS.Worksheet, scan: SheetScan | undefined, sheet: SheetModel): void {
  const styleFormats = new WeakMap<object, ColumnFormatInfo>();
  const columns: ColumnFormatInfo[] = [];
  const colCount = Math.max(ws.columnCount, ws.columns?.length ?? 0);
  for (let c = 1; c <= colCount; c++) {
    const col = ws.getColumn(c);
    const format = formatOf(col.style);
    columns[c] = { format, key: formatKey(format) };
    if (format) sheet.columnFormats.set(c, format);
    if (col.width !== undefined && col.width !== null && col.width !== EXCELJS_DEFAULT_WIDTH) sheet.columnWidths.set(c, Math.round(col.width * 7 + 5));
    if (col.hidden) sheet.hiddenCols.add(c);
  }
  const formatFor = (cell: ExcelJS.Cell, value: unknown): ColumnFormatInfo => {
    const style = cell.style;
    if (!style) return { format: undefined, key: '' };
    // exceljs gives dates without a format its default date format, which is not a format the user chose.
    if (isDate(value) && style.numFmt === DEFAULT_DATE_FORMAT) {
      const format = formatOf(style, value);
      return { format, key: formatKey(format) };
    }
    let info = styleFormats.get(style);
    if (!info) {
      const format = formatOf(style);
      info = { format, key: formatKey(format) };
      styleFormats.set(style, info);
    }
    return info;
  };
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) sheet.hiddenRows.add(r);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const read = readCell(cell);
      if (read) {
        sheet.set(r, c, read.value);
        if (read.formula) sheet.formulas.set(SheetModel.key(r, c), read.formula);
      }
      const rawValue = cell.value && typeof cell.value === 'object' && 'result' in cell.value ? cell.value.result : cell.value;
      const fmt = formatFor(cell, rawValue);
      if (fmt.key !== (columns[c]?.key ?? '')) sheet.formats.set(SheetModel.key(r, c), fmt.format ?? {});
    });
  });
  const view = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  if (view && view.state === 'frozen') {
    sheet.frozenRows = Number(view.ySplit ?? 0) || 0;
    sheet.frozenCols = Number(view.xSplit ?? 0) || 0;
  }
  const tab = fromArgb(ws.properties?.tabColor);
  if (tab) sheet.tabColor = tab;
  sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
  if (scan) {
    for (const ref of scan.merges) sheet.merges.push(...splitRefs(ref));
    for (const [ref, note] of scan.notes) {
      const { range } = parseA1(ref, EXCEL_MAX_ROWS, EXCEL_MAX_COLS);
      sheet.notes.set(SheetModel.key(range.r1, range.c1), note);
    }
  }
}

function fitGrid(sheet: SheetModel, extents: GridRange[]): void {
  let rows = Math.max(1000, sheet.lastRow(), sheet.frozenRows + 1);
  let cols = Math.max(26, sheet.lastColumn(), sheet.frozenCols + 1);
  const keyed = [...sheet.formats.keys(), ...sheet.notes.keys(), ...sheet.formulas.keys()];
  for (const k of keyed) {
    const [r, c] = k.split(',').map(Number);
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  // Column widths are left out: LibreOffice writes one for every column of its 1,024-column grid.
  for (const c of [...sheet.columnFormats.keys(), ...sheet.hiddenCols]) cols = Math.max(cols, c);
  for (const g of [...extents, ...sheet.merges]) {
    if (g.r2 < EXCEL_MAX_ROWS) rows = Math.max(rows, g.r2);
    if (g.c2 < EXCEL_MAX_COLS) cols = Math.max(cols, g.c2);
  }
  sheet.maxRows = rows;
  sheet.maxCols = cols;
}

/** Values of a range reference ("$Z$1:$Z$9", "Lists!A1:A5" or a defined name) as list entries. */
function listResolver(model: SpreadsheetModel, sheet: SheetModel, names: PackageScan['names']): (ref: string) => string[] | null {
  return (ref) => {
    let target = ref.replace(/^=/, '').trim();
    const named = names.find((n) => n.name === target);
    if (named) target = named.ref;
    let parsed: { sheetName?: string; range: GridRange };
    try {
      parsed = parseA1(target, EXCEL_MAX_ROWS, EXCEL_MAX_COLS);
    } catch {
      return null;
    }
    const src = parsed.sheetName ? model.sheetByName(parsed.sheetName) : sheet;
    if (!src) return null;
    const g = clampRange(parsed.range, src.lastRow(), src.lastColumn());
    const out: string[] = [];
    for (let r = g.r1; r <= g.r2; r++) {
      for (let c = g.c1; c <= g.c2; c++) {
        const v = src.get(r, c);
        if (v !== '') out.push(v instanceof WallDate ? String((v.wall - SERIAL_EPOCH) / DAY) : String(v));
      }
    }
    return out;
  };
}

/**
 * Reads an .xlsx workbook into a spreadsheet. Dates become wall-clock dates (as Sheets stores them); `timeZone`
 * (default Asia/Shanghai) is the spreadsheet's zone, used where the file holds an instant (date validations).
 * @example const model = await importWorkbook(fs.readFileSync('orders.xlsx'), { timeZone: 'Asia/Shanghai' });
 */
export async function importWorkbook(buf: Buffer, opts: { timeZone?: string; locale?: string } = {}): Promise<SpreadsheetModel> {
  const scan = await scanPackage(buf);
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own global Buffer interface (an ArrayBuffer), which Node's generic Buffer does not match.
  // Validations are read from the XML (scanPackage): exceljs would expand each range into one entry per cell.
  await wb.xlsx.load(scan.buffer as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] });
  const model = new SpreadsheetModel({ timeZone: opts.timeZone, locale: opts.locale?.replace('-', '_'), name: wb.title || undefined });
  const pending: { sheet: SheetModel; ws: ExcelJS.Worksheet; scan: SheetScan | undefined }[] = [];
  for (const ws of wb.worksheets) {
    const sheet = model.addSheet(ws.name);
    const sheetScan = scan.sheets.get(ws.name);
    readSheet(ws, sheetScan, sheet);
    pending.push({ sheet, ws, scan: sheetScan });
  }
  for (const { sheet, ws, scan: sheetScan } of pending) {
    const extents: GridRange[] = [];
    const resolveList = listResolver(model, sheet, scan.names);
    const validations: { range: GridRange; rule: ValidationRule }[] = [];
    for (const raw of sheetScan?.validations ?? []) {
      const ranges = splitRefs(raw.sqref);
      if (!ranges.length) continue;
      const first = { row: ranges[0].r1, col: ranges[0].c1 };
      const rule = validationRule(raw, first, model.timeZone, resolveList);
      if (!rule) continue;
      for (const g of ranges) {
        const anchored = rule.type === 'custom' ? { ...rule, values: [moveFormula(String(rule.values[0]), first, { row: g.r1, col: g.c1 })] } : { ...rule, values: [...rule.values] };
        validations.push({ range: g, rule: anchored });
        extents.push(g);
      }
    }
    const rules: { priority: number; rule: ConditionalRule }[] = [];
    for (const cf of extras(ws).conditionalFormattings ?? []) {
      const ranges = splitRefs(cf.ref);
      if (!ranges.length) continue;
      for (const r of cf.rules) {
        const rule = readConditionalRule(r, ranges);
        if (rule) rules.push({ priority: r.priority ?? Number.MAX_SAFE_INTEGER, rule });
      }
      extents.push(...ranges);
    }
    fitGrid(sheet, extents);
    sheet.validations = validations.map((v) => ({ range: clampRange(v.range, sheet.maxRows, sheet.maxCols), rule: v.rule }));
    sheet.conditionalRules = rules
      .sort((a, b) => a.priority - b.priority)
      .map(({ rule }) => ({ ...rule, ranges: rule.ranges.map((g) => clampRange(g, sheet.maxRows, sheet.maxCols)) }));
  }
  const sheetNames = wb.worksheets.map((ws) => ws.name);
  for (const n of scan.names) {
    if (/[,(]|#REF!/.test(n.ref) || model.namedRanges.some((x) => x.name === n.name)) continue;
    let parsed: { sheetName?: string; range: GridRange };
    try {
      parsed = parseA1(n.ref, EXCEL_MAX_ROWS, EXCEL_MAX_COLS);
    } catch {
      continue;
    }
    const sheetName = parsed.sheetName ?? (n.localSheetId !== undefined ? sheetNames[n.localSheetId] : undefined);
    const sheet = sheetName ? model.sheetByName(sheetName) : undefined;
    if (!sheet) continue;
    model.namedRanges.push({ name: n.name, sheetId: sheet.id, range: clampRange(parsed.range, sheet.maxRows, sheet.maxCols) });
  }
  return model;
}
