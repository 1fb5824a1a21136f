// SpreadsheetApp for the script: Spreadsheet, Sheet, Range, Ui and the builders, over the in-memory model.
// Each class implements the Apps Script interface's methods it supports (Pick<…>), so a signature that differs
// from Apps Script fails to compile. Every call is recorded in the call ledger with its cost class.
import type { Execution } from '../env';
import { asGas, count, gasError } from '../services/common';
import type { CostClass } from '../call-ledger';
import { instantToWall, wallToInstant } from '../../domain/time/zone';
import { FakeHtmlOutput } from '../services/html';
import {
  SheetModel,
  SpreadsheetModel,
  WallDate,
  a1Of,
  newId,
  parseA1,
  type CellValue,
  type ChartData,
  type ConditionalRule,
  type GridRange,
  type ProtectionData,
  type ValidationRule,
} from './model';
import { displayValue, formulaValue, parseInput } from './values';

type G = typeof GoogleAppsScript.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SS = 'SpreadsheetApp';

function isDateLike(v: unknown): v is { getTime(): number } {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Converts a value the script writes into a stored cell value (and maybe a formula). */
export function toCell(v: unknown, ss: SpreadsheetModel, textFormat: boolean): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : '#NUM!' };
  if (typeof v === 'boolean') return { value: v };
  if (isDateLike(v)) {
    const t = v.getTime();
    if (Number.isNaN(t)) return { value: '' };
    return { value: new WallDate(instantToWall(t, ss.timeZone)) };
  }
  const s = typeof v === 'string' ? v : String(v);
  if (textFormat) return { value: s };
  const p = parseInput(s, ss.locale);
  return { value: p.value, formula: p.formula };
}

export class FakeSpreadsheetApp {
  constructor(readonly ex: Execution) {}

  private c(method: string, cls: CostClass = 'handle'): void {
    count(this.ex, SS, `SpreadsheetApp.${method}`, cls);
  }

  get model(): SpreadsheetModel {
    return this.ex.env.spreadsheet;
  }

  readonly DataValidationCriteria = asGas<G['DataValidationCriteria']>({
    DATE_AFTER: 'DATE_AFTER', DATE_BEFORE: 'DATE_BEFORE', DATE_BETWEEN: 'DATE_BETWEEN', DATE_EQUAL_TO: 'DATE_EQUAL_TO',
    DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE', DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN', DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
    DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE', NUMBER_BETWEEN: 'NUMBER_BETWEEN', NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL', TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL', VALUE_IN_LIST: 'VALUE_IN_LIST',
    VALUE_IN_RANGE: 'VALUE_IN_RANGE', CUSTOM_FORMULA: 'CUSTOM_FORMULA', CHECKBOX: 'CHECKBOX',
  });
  readonly ProtectionType = asGas<G['ProtectionType']>({ RANGE: 'RANGE', SHEET: 'SHEET' });
  readonly BooleanCriteria = asGas<G['BooleanCriteria']>({ CUSTOM_FORMULA: 'CUSTOM_FORMULA', TEXT_EQUAL_TO: 'TEXT_EQUAL_TO', TEXT_CONTAINS: 'TEXT_CONTAINS' });
  readonly WrapStrategy = asGas<G['WrapStrategy']>({ WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' });
  readonly Dimension = asGas<G['Dimension']>({ ROWS: 'ROWS', COLUMNS: 'COLUMNS' });

  getActiveSpreadsheet(): Spreadsheet {
    this.c('getActiveSpreadsheet');
    return asGas(new FakeSpreadsheet(this.ex));
  }
  getActive(): Spreadsheet {
    this.c('getActive');
    return asGas(new FakeSpreadsheet(this.ex));
  }
  openById(id: string): Spreadsheet {
    this.c('openById', 'meta');
    if (id !== this.model.id) throw gasError(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
    return asGas(new FakeSpreadsheet(this.ex));
  }
  getActiveSheet(): Sheet {
    this.c('getActiveSheet', 'meta');
    return new FakeSpreadsheet(this.ex).activeSheetInternal();
  }
  getActiveRange(): Range {
    this.c('getActiveRange', 'meta');
    return asGas(new FakeSpreadsheet(this.ex).activeRangeInternal());
  }
  getUi(): GoogleAppsScript.Base.Ui {
    this.c('getUi');
    if (this.ex.kind === 'trigger') throw gasError('Cannot call SpreadsheetApp.getUi() from this context.');
    return asGas(new FakeUi(this.ex));
  }
  flush(): void {
    this.c('flush', 'meta');
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.c('newDataValidation');
    return asGas(new FakeDataValidationBuilder());
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.c('newConditionalFormatRule');
    return asGas(new FakeConditionalFormatRuleBuilder());
  }
  newFilterCriteria(): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
    this.c('newFilterCriteria');
    return asGas(new FakeFilterCriteriaBuilder());
  }
}

type SpreadsheetApi = Pick<
  Spreadsheet,
  | 'getId' | 'getName' | 'getUrl' | 'getSheetByName' | 'getSheets' | 'getNumSheets' | 'insertSheet' | 'deleteSheet' | 'getActiveSheet'
  | 'setActiveSheet' | 'getActiveRange' | 'getActiveCell' | 'setActiveRange' | 'getSelection' | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'toast' | 'getNamedRanges' | 'setNamedRange' | 'getRangeByName'
  | 'removeNamedRange' | 'getRange' | 'rename'
>;

export class FakeSpreadsheet implements SpreadsheetApi {
  constructor(readonly ex: Execution) {}

  get model(): SpreadsheetModel {
    return this.ex.env.spreadsheet;
  }

  private c(method: string, cls: CostClass = 'handle', units = 0): void {
    count(this.ex, SS, `Spreadsheet.${method}`, cls, units);
  }

  private needsAccess(): void {
    if (this.ex.authMode === 'NONE') throw gasError('You do not have permission to access the spreadsheet in AuthMode.NONE.');
  }

  sheetFake(model: SheetModel): Sheet {
    return asGas(new FakeSheet(this.ex, model));
  }

  getId(): string {
    this.c('getId');
    return this.model.id;
  }
  getName(): string {
    this.c('getName');
    return this.model.name;
  }
  rename(newName: string): void {
    this.c('rename', 'write');
    this.model.name = newName;
  }
  getUrl(): string {
    this.c('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }
  getSheetByName(name: string): Sheet | null {
    this.c('getSheetByName');
    this.needsAccess();
    const s = this.model.sheetByName(name);
    return s ? this.sheetFake(s) : null;
  }
  getSheets(): Sheet[] {
    this.c('getSheets');
    this.needsAccess();
    return this.ex.newArray(this.model.sheets.map((s) => this.sheetFake(s)));
  }
  getNumSheets(): number {
    this.c('getNumSheets');
    return this.model.sheets.length;
  }
  insertSheet(a?: unknown, b?: unknown): Sheet {
    this.c('insertSheet', 'structure');
    this.needsAccess();
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (!name) {
      let i = this.model.sheets.length + 1;
      while (this.model.sheetByName(`Sheet${i}`)) i++;
      name = `Sheet${i}`;
    }
    const s = this.model.addSheet(name, index);
    this.setSelection(s, { r1: 1, c1: 1, r2: 1, c2: 1 });
    return this.sheetFake(s);
  }
  deleteSheet(sheet: Sheet): void {
    this.c('deleteSheet', 'structure');
    const id = sheet.getSheetId();
    if (this.model.sheets.length === 1) throw gasError("You can't remove all the sheets in a document.");
    this.model.sheets = this.model.sheets.filter((s) => s.id !== id);
  }
  private setSelection(s: SheetModel, g: GridRange): void {
    this.ex.env.selection.set(this.ex.user.email, { sheetId: s.id, ...g });
  }
  activeSheetInternal(): Sheet {
    const sel = this.ex.env.selection.get(this.ex.user.email);
    const s = (sel && this.model.sheetById(sel.sheetId)) || this.model.sheets[0];
    return this.sheetFake(s);
  }
  activeRangeInternal(): Range | null {
    const sel = this.ex.env.selection.get(this.ex.user.email);
    const s = (sel && this.model.sheetById(sel.sheetId)) || this.model.sheets[0];
    if (!s) return null;
    const g = sel && sel.sheetId === s.id ? sel : { r1: 1, c1: 1, r2: 1, c2: 1 };
    return asGas(new FakeRange(this.ex, s, g.r1, g.c1, g.r2 - g.r1 + 1, g.c2 - g.c1 + 1));
  }
  getActiveSheet(): Sheet {
    this.c('getActiveSheet', 'meta');
    return this.activeSheetInternal();
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this.c('setActiveSheet', 'ui');
    const s = this.model.sheetById(sheet.getSheetId())!;
    this.setSelection(s, { r1: 1, c1: 1, r2: 1, c2: 1 });
    return sheet;
  }
  getActiveRange(): Range | null {
    this.c('getActiveRange', 'meta');
    return this.activeRangeInternal();
  }
  getActiveCell(): Range {
    this.c('getActiveCell', 'meta');
    const r = this.activeRangeInternal() as unknown as FakeRange;
    return asGas(new FakeRange(this.ex, r.sheet, r.row, r.col, 1, 1));
  }
  setActiveRange(range: Range): Range {
    this.c('setActiveRange', 'ui');
    const r = range as unknown as FakeRange;
    this.setSelection(r.sheet, r.grid());
    return range;
  }
  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    this.c('getSelection', 'meta');
    const range = this.activeRangeInternal();
    return asGas({
      getActiveRange: () => range,
      getActiveSheet: () => this.activeSheetInternal(),
      getCurrentCell: () => (range ? (range as unknown as FakeRange).cellAt(1, 1) : null),
      getActiveRangeList: () => (range ? { getRanges: () => [range] } : null),
    });
  }
  getSpreadsheetTimeZone(): string {
    this.c('getSpreadsheetTimeZone');
    return this.model.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.c('setSpreadsheetTimeZone', 'write');
    this.model.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    this.c('getSpreadsheetLocale');
    return this.model.locale;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.c('toast', 'ui');
    this.ex.env.ui({ user: this.ex.user.email, kind: 'toast', title: title ?? '', message: String(msg), data: { timeoutSeconds } });
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    this.c('getNamedRanges', 'read');
    return this.ex.newArray(this.model.namedRanges.map((n) => this.namedRange(n.name)));
  }
  private namedRange(name: string): GoogleAppsScript.Spreadsheet.NamedRange {
    const find = () => this.model.namedRanges.find((n) => n.name === name)!;
    return asGas({
      getName: () => name,
      getRange: () => {
        const n = find();
        const s = this.model.sheetById(n.sheetId)!;
        return asGas<Range>(new FakeRange(this.ex, s, n.range.r1, n.range.c1, n.range.r2 - n.range.r1 + 1, n.range.c2 - n.range.c1 + 1));
      },
      remove: () => {
        this.model.namedRanges = this.model.namedRanges.filter((n) => n.name !== name);
      },
    });
  }
  setNamedRange(name: string, range: Range): void {
    this.c('setNamedRange', 'write');
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) throw gasError(`Invalid named range name: ${name}`);
    const r = range as unknown as FakeRange;
    this.model.namedRanges = this.model.namedRanges.filter((n) => n.name !== name);
    this.model.namedRanges.push({ name, sheetId: r.sheet.id, range: r.grid() });
  }
  getRangeByName(name: string): Range | null {
    this.c('getRangeByName', 'read');
    const n = this.model.namedRanges.find((x) => x.name === name);
    if (!n) return null;
    const s = this.model.sheetById(n.sheetId)!;
    return asGas(new FakeRange(this.ex, s, n.range.r1, n.range.c1, n.range.r2 - n.range.r1 + 1, n.range.c2 - n.range.c1 + 1));
  }
  removeNamedRange(name: string): void {
    this.c('removeNamedRange', 'write');
    this.model.namedRanges = this.model.namedRanges.filter((n) => n.name !== name);
  }
  getRange(a1Notation: string): Range {
    this.c('getRange');
    const { sheetName } = parseA1(a1Notation, 1, 1);
    const s = sheetName ? this.model.sheetByName(sheetName) : (this.activeSheetInternal() as unknown as FakeSheet).model;
    if (!s) throw gasError(`Range not found`);
    const { range } = parseA1(a1Notation, s.maxRows, s.maxCols);
    return asGas(new FakeRange(this.ex, s, range.r1, range.c1, range.r2 - range.r1 + 1, range.c2 - range.c1 + 1));
  }
}

type SheetApi = Pick<
  Sheet,
  | 'getName' | 'setName' | 'getSheetId' | 'getIndex' | 'getParent' | 'getRange' | 'getDataRange' | 'getLastRow' | 'getLastColumn'
  | 'getMaxRows' | 'getMaxColumns' | 'insertRowsAfter' | 'insertRowAfter' | 'insertColumnsAfter' | 'insertColumnAfter'
  | 'insertColumnsBefore' | 'deleteRow' | 'deleteRows' | 'deleteColumn' | 'deleteColumns' | 'appendRow' | 'setFrozenRows' | 'getFrozenRows'
  | 'setFrozenColumns' | 'getFrozenColumns' | 'getConditionalFormatRules' | 'setConditionalFormatRules' | 'getProtections' | 'protect'
  | 'getFilter' | 'hideColumns' | 'showColumns' | 'isRowHiddenByFilter' | 'isRowHiddenByUser' | 'isColumnHiddenByUser' | 'setColumnWidth'
  | 'activate' | 'getCharts' | 'insertChart' | 'removeChart' | 'updateChart' | 'newChart' | 'setTabColor' | 'hideSheet' | 'showSheet'
  | 'isSheetHidden' | 'clear' | 'clearContents' | 'moveColumns' | 'autoResizeColumns' | 'insertRows' | 'getRangeList'
>;

export class FakeSheet implements SheetApi {
  constructor(readonly ex: Execution, readonly model: SheetModel) {}

  private c(method: string, cls: CostClass = 'handle', units = 0): void {
    count(this.ex, SS, `Sheet.${method}`, cls, units);
  }
  private alive(): void {
    if (!this.ex.env.spreadsheet.sheetById(this.model.id)) throw gasError('The sheet has been deleted.');
  }

  getName(): string {
    this.c('getName');
    return this.model.name;
  }
  setName(name: string): Sheet {
    this.c('setName', 'structure');
    const other = this.ex.env.spreadsheet.sheetByName(name);
    if (other && other !== this.model) throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.model.name = name;
    return asGas(this);
  }
  getSheetId(): number {
    this.c('getSheetId');
    return this.model.id;
  }
  getIndex(): number {
    this.c('getIndex');
    return this.ex.env.spreadsheet.sheets.indexOf(this.model) + 1;
  }
  getParent(): Spreadsheet {
    this.c('getParent');
    return asGas(new FakeSpreadsheet(this.ex));
  }
  getRange(a: number | string, b?: number, c?: number, d?: number): Range {
    this.c('getRange');
    this.alive();
    if (typeof a === 'string') {
      const { range } = parseA1(a, this.model.maxRows, this.model.maxCols);
      return asGas(new FakeRange(this.ex, this.model, range.r1, range.c1, range.r2 - range.r1 + 1, range.c2 - range.c1 + 1));
    }
    const rows = c ?? 1;
    const cols = d ?? 1;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || (b as number) < 1) {
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    if (rows < 1) throw gasError('The number of rows in the range must be at least 1.');
    if (cols < 1) throw gasError('The number of columns in the range must be at least 1.');
    return asGas(new FakeRange(this.ex, this.model, a, b as number, rows, cols));
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.c('getRangeList');
    const ranges = a1Notations.map((a) => this.getRange(a) as unknown as FakeRange);
    return asGas(new FakeRangeList(this.ex, this.model, ranges));
  }
  /** Apps Script's data range: A1 to the last row and column with content (a handle; the read costs). */
  getDataRange(): Range {
    this.c('getDataRange');
    this.alive();
    const rows = Math.max(1, this.model.lastRow());
    const cols = Math.max(1, this.model.lastColumn());
    return asGas(new FakeRange(this.ex, this.model, 1, 1, rows, cols));
  }
  getLastRow(): number {
    this.c('getLastRow', 'meta');
    return this.model.lastRow();
  }
  getLastColumn(): number {
    this.c('getLastColumn', 'meta');
    return this.model.lastColumn();
  }
  getMaxRows(): number {
    this.c('getMaxRows', 'meta');
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    this.c('getMaxColumns', 'meta');
    return this.model.maxCols;
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.c('insertRowsAfter', 'structure');
    this.model.insertRows(afterPosition, howMany);
    return asGas(this);
  }
  insertRowAfter(afterPosition: number): Sheet {
    this.c('insertRowAfter', 'structure');
    this.model.insertRows(afterPosition, 1);
    return asGas(this);
  }
  insertRows(rowIndex: number, numRows?: number): void {
    this.c('insertRows', 'structure');
    this.model.insertRows(rowIndex - 1, numRows ?? 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.c('insertColumnsAfter', 'structure');
    this.model.insertColumns(afterPosition, howMany);
    return asGas(this);
  }
  insertColumnAfter(afterPosition: number): Sheet {
    this.c('insertColumnAfter', 'structure');
    this.model.insertColumns(afterPosition, 1);
    return asGas(this);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this.c('insertColumnsBefore', 'structure');
    this.model.insertColumns(beforePosition - 1, howMany);
    return asGas(this);
  }
  deleteRow(rowPosition: number): Sheet {
    this.c('deleteRow', 'structure');
    this.model.deleteRows(rowPosition, 1);
    return asGas(this);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.c('deleteRows', 'structure');
    this.model.deleteRows(rowPosition, howMany);
  }
  deleteColumn(columnPosition: number): Sheet {
    this.c('deleteColumn', 'structure');
    this.model.deleteColumns(columnPosition, 1);
    return asGas(this);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.c('deleteColumns', 'structure');
    this.model.deleteColumns(columnPosition, howMany);
  }
  moveColumns(columnSpec: Range, destinationIndex: number): void {
    this.c('moveColumns', 'structure');
    const r = columnSpec as unknown as FakeRange;
    this.model.moveColumns(r.col, r.numCols, destinationIndex);
  }
  appendRow(rowContents: unknown[]): Sheet {
    this.c('appendRow', 'write', rowContents.length);
    const r = this.model.lastRow() + 1;
    const range = new FakeRange(this.ex, this.model, r, 1, 1, Math.max(1, rowContents.length));
    range.writeInternal([rowContents]);
    return asGas(this);
  }
  setFrozenRows(rows: number): void {
    this.c('setFrozenRows', 'structure');
    this.model.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.c('getFrozenRows', 'meta');
    return this.model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.c('setFrozenColumns', 'structure');
    this.model.frozenCols = columns;
  }
  getFrozenColumns(): number {
    this.c('getFrozenColumns', 'meta');
    return this.model.frozenCols;
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.c('getConditionalFormatRules', 'read');
    return this.ex.newArray(this.model.conditionalRules.map((r) => asGas<GoogleAppsScript.Spreadsheet.ConditionalFormatRule>(new FakeConditionalFormatRule(this.ex, r, this.model))));
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.c('setConditionalFormatRules', 'structure', rules.length);
    this.model.conditionalRules = rules.map((r) => {
      const data = (r as unknown as FakeConditionalFormatRule).data;
      return { ...data, ranges: data.ranges.map((g) => ({ ...g })) };
    });
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.c('getProtections', 'read');
    const want = String(type);
    return this.ex.newArray(
      this.model.protections
        .filter((p) => (want === 'SHEET' ? p.range === null : p.range !== null))
        .map((p) => asGas<GoogleAppsScript.Spreadsheet.Protection>(new FakeProtection(this.ex, this.model, p))),
    );
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.c('protect', 'structure');
    let p = this.model.protections.find((x) => x.range === null);
    if (!p) {
      p = { id: newId(), range: null, description: '', warningOnly: false };
      this.model.protections.push(p);
    }
    return asGas(new FakeProtection(this.ex, this.model, p));
  }
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    this.c('getFilter', 'read');
    return this.model.filter ? asGas(new FakeFilter(this.ex, this.model)) : null;
  }
  hideColumns(columnIndex: number, numColumns?: number): void {
    this.c('hideColumns', 'write');
    for (let i = 0; i < (numColumns ?? 1); i++) this.model.hiddenCols.add(columnIndex + i);
  }
  showColumns(columnIndex: number, numColumns?: number): void {
    this.c('showColumns', 'write');
    for (let i = 0; i < (numColumns ?? 1); i++) this.model.hiddenCols.delete(columnIndex + i);
  }
  isRowHiddenByFilter(rowPosition: number): boolean {
    this.c('isRowHiddenByFilter', 'meta');
    return this.model.hiddenByFilter.has(rowPosition);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    this.c('isRowHiddenByUser', 'meta');
    return this.model.hiddenRows.has(rowPosition);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.c('isColumnHiddenByUser', 'meta');
    return this.model.hiddenCols.has(columnPosition);
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.c('setColumnWidth', 'write');
    this.model.columnWidths.set(columnPosition, width);
    return asGas(this);
  }
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    this.c('autoResizeColumns', 'write');
    void startColumn;
    void numColumns;
    return asGas(this);
  }
  activate(): Sheet {
    this.c('activate', 'ui');
    this.ex.env.selection.set(this.ex.user.email, { sheetId: this.model.id, r1: 1, c1: 1, r2: 1, c2: 1 });
    return asGas(this);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.c('getCharts', 'read');
    return this.ex.newArray(this.model.charts.map((ch) => asGas<GoogleAppsScript.Spreadsheet.EmbeddedChart>(new FakeEmbeddedChart(this.ex, this.model, ch))));
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.c('newChart');
    return asGas(new FakeEmbeddedChartBuilder(this.ex, this.model, { id: newId(), type: 'COLUMN', ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 } }));
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.c('insertChart', 'structure');
    const data = (chart as unknown as FakeEmbeddedChart).data;
    this.model.charts.push({ ...data, id: newId() });
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.c('updateChart', 'structure');
    const data = (chart as unknown as FakeEmbeddedChart).data;
    const i = this.model.charts.findIndex((c) => c.id === data.id);
    if (i < 0) throw gasError('The chart does not exist on this sheet.');
    this.model.charts[i] = data;
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.c('removeChart', 'structure');
    const data = (chart as unknown as FakeEmbeddedChart).data;
    this.model.charts = this.model.charts.filter((c) => c.id !== data.id);
  }
  setTabColor(color: string | null): Sheet {
    this.c('setTabColor', 'write');
    this.model.tabColor = color;
    return asGas(this);
  }
  hideSheet(): Sheet {
    this.c('hideSheet', 'write');
    this.model.hidden = true;
    return asGas(this);
  }
  showSheet(): Sheet {
    this.c('showSheet', 'write');
    this.model.hidden = false;
    return asGas(this);
  }
  isSheetHidden(): boolean {
    this.c('isSheetHidden', 'meta');
    return this.model.hidden;
  }
  clear(): Sheet {
    this.c('clear', 'write');
    this.model.values = [];
    this.model.formulas.clear();
    this.model.formats.clear();
    this.model.notes.clear();
    return asGas(this);
  }
  clearContents(): Sheet {
    this.c('clearContents', 'write');
    this.model.values = [];
    this.model.formulas.clear();
    return asGas(this);
  }
}

type RangeApi = Pick<
  Range,
  | 'getA1Notation' | 'getRow' | 'getColumn' | 'getLastRow' | 'getLastColumn' | 'getNumRows' | 'getNumColumns' | 'getSheet' | 'getValues'
  | 'getValue' | 'setValues' | 'setValue' | 'getDisplayValues' | 'getDisplayValue' | 'getFormulas' | 'getFormula' | 'setFormula'
  | 'setFormulas' | 'getNotes' | 'getNote' | 'setNote' | 'setNotes' | 'clearContent' | 'clear' | 'clearNote' | 'clearDataValidations'
  | 'getDataValidation' | 'getDataValidations' | 'setDataValidation' | 'setDataValidations' | 'setNumberFormat' | 'setNumberFormats'
  | 'getNumberFormat' | 'getNumberFormats' | 'setBackground' | 'getBackground' | 'setFontWeight' | 'setFontColor' | 'setWrap'
  | 'setHorizontalAlignment' | 'offset' | 'protect' | 'activate' | 'createFilter' | 'isBlank' | 'merge' | 'getMergedRanges'
  | 'breakApart' | 'createTextFinder' | 'getCell' | 'getBackgrounds' | 'getFontWeight'
>;

/**
 * Sheet.getRangeList: ranges of one sheet, written in one call each (clearContent, setValue: the same value into every
 * cell of every range; a write of their cells). A class, so the bench's meter sees its calls and their sheet.
 */
export class FakeRangeList {
  constructor(readonly ex: Execution, readonly sheet: SheetModel, private readonly ranges: readonly FakeRange[]) {}

  private cells(): number {
    return this.ranges.reduce((n, r) => n + r.numRows * r.numCols, 0);
  }
  getRanges(): Range[] {
    count(this.ex, SS, 'RangeList.getRanges', 'handle');
    return this.ex.newArray(this.ranges.map((r) => asGas<Range>(r)));
  }
  clearContent(): GoogleAppsScript.Spreadsheet.RangeList {
    count(this.ex, SS, 'RangeList.clearContent', 'write', this.cells());
    this.ranges.forEach((r) => r.clearInternal());
    return asGas(this);
  }
  setValue(value: unknown): GoogleAppsScript.Spreadsheet.RangeList {
    count(this.ex, SS, 'RangeList.setValue', 'write', this.cells());
    this.ranges.forEach((r) => r.fillInternal(value));
    return asGas(this);
  }
}

export class FakeRange implements RangeApi {
  constructor(
    readonly ex: Execution,
    readonly sheet: SheetModel,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  private c(method: string, cls: CostClass = 'handle', units = 0): void {
    count(this.ex, SS, `Range.${method}`, cls, units);
  }
  private get ss(): SpreadsheetModel {
    return this.ex.env.spreadsheet;
  }
  private cells(): number {
    return this.numRows * this.numCols;
  }
  grid(): GridRange {
    return { r1: this.row, c1: this.col, r2: this.row + this.numRows - 1, c2: this.col + this.numCols - 1 };
  }
  cellAt(r: number, c: number): Range {
    return asGas(new FakeRange(this.ex, this.sheet, this.row + r - 1, this.col + c - 1, 1, 1));
  }
  private readCell(r: number, c: number): unknown {
    const v = this.sheet.get(r, c);
    if (v instanceof WallDate) return this.ex.newDate(wallToInstant(v.wall, this.ss.timeZone));
    return v;
  }
  private grid2<T>(f: (r: number, c: number) => T): T[][] {
    const out: T[][] = new Array(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const row: T[] = new Array(this.numCols);
      for (let j = 0; j < this.numCols; j++) row[j] = f(this.row + i, this.col + j);
      out[i] = row;
    }
    return out;
  }
  private checkDims(values: unknown[][], what = 'data'): void {
    if (!Array.isArray(values) || values.some((r) => !Array.isArray(r))) {
      throw gasError(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.setValues.`);
    }
    if (values.length !== this.numRows) {
      throw gasError(`The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${values.length} but the range has ${this.numRows}.`);
    }
    for (const r of values) {
      if (r.length !== this.numCols) {
        throw gasError(`The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${r.length} but the range has ${this.numCols}.`);
      }
    }
  }
  /** Writes script values (no counting, no dimension check): used by setValues/appendRow after their checks. */
  writeInternal(values: unknown[][]): void {
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values[i].length; j++) {
        const r = this.row + i;
        const c = this.col + j;
        const fmt = this.sheet.formatAt(r, c)?.numberFormat;
        const { value, formula } = toCell(values[i][j], this.ss, fmt === '@');
        this.sheet.set(r, c, value);
        const key = SheetModel.key(r, c);
        if (formula) this.sheet.formulas.set(key, formula);
        else this.sheet.formulas.delete(key);
      }
    }
  }
  clearInternal(): void {
    for (let r = this.row; r < this.row + this.numRows; r++) {
      for (let c = this.col; c < this.col + this.numCols; c++) {
        this.sheet.set(r, c, '');
        this.sheet.formulas.delete(SheetModel.key(r, c));
      }
    }
  }
  fillInternal(v: unknown): void {
    this.writeInternal(Array.from({ length: this.numRows }, () => new Array(this.numCols).fill(v)));
  }

  getA1Notation(): string {
    this.c('getA1Notation');
    return a1Of(this.grid());
  }
  getRow(): number {
    this.c('getRow');
    return this.row;
  }
  getColumn(): number {
    this.c('getColumn');
    return this.col;
  }
  getLastRow(): number {
    this.c('getLastRow');
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    this.c('getLastColumn');
    return this.col + this.numCols - 1;
  }
  getNumRows(): number {
    this.c('getNumRows');
    return this.numRows;
  }
  getNumColumns(): number {
    this.c('getNumColumns');
    return this.numCols;
  }
  getSheet(): Sheet {
    this.c('getSheet');
    return asGas(new FakeSheet(this.ex, this.sheet));
  }
  getCell(row: number, column: number): Range {
    this.c('getCell');
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) throw gasError('Cell reference out of range');
    return this.cellAt(row, column);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    this.c('offset');
    const r = this.row + rowOffset;
    const c = this.col + columnOffset;
    if (r < 1 || c < 1) throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    return asGas(new FakeRange(this.ex, this.sheet, r, c, numRows ?? this.numRows, numColumns ?? this.numCols));
  }
  getValues(): unknown[][] {
    this.c('getValues', 'read', this.cells());
    if (this.ex.authMode === 'NONE') throw gasError('You do not have permission to access the spreadsheet in AuthMode.NONE.');
    if (!this.sheet.merges.length) return this.readValues();
    // Merged areas: the value lives in the top-left cell; the other cells read as blank.
    return this.grid2((r, c) => {
      const m = this.sheet.mergeAt(r, c);
      if (m && (m.r1 !== r || m.c1 !== c)) return '';
      return this.readCell(r, c);
    });
  }
  /**
   * The cells of the range as the script sees them, read straight from the rows (the benchmarks read millions of
   * cells: the sandbox's own cost must stay small next to the script's). Each distinct date is converted once.
   */
  private readValues(): unknown[][] {
    const rows = this.sheet.values;
    const tz = this.ss.timeZone;
    const instants = new Map<number, number>();
    const c0 = this.col - 1;
    const out: unknown[][] = new Array(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const src = rows[this.row - 1 + i];
      const row: unknown[] = new Array(this.numCols);
      for (let j = 0; j < this.numCols; j++) {
        const v = src ? src[c0 + j] : undefined;
        if (v === undefined) row[j] = '';
        else if (v instanceof WallDate) {
          let ms = instants.get(v.wall);
          if (ms === undefined) instants.set(v.wall, (ms = wallToInstant(v.wall, tz)));
          row[j] = this.ex.newDate(ms);
        } else row[j] = v;
      }
      out[i] = row;
    }
    return out;
  }
  getValue(): unknown {
    this.c('getValue', 'read', 1);
    return this.readCell(this.row, this.col);
  }
  setValues(values: unknown[][]): Range {
    this.c('setValues', 'write', this.cells());
    this.checkDims(values);
    this.writeInternal(values);
    return asGas(this);
  }
  setValue(value: unknown): Range {
    this.c('setValue', 'write', this.cells());
    this.fillInternal(value);
    return asGas(this);
  }
  getDisplayValues(): string[][] {
    this.c('getDisplayValues', 'read', this.cells());
    return this.grid2((r, c) => displayValue(this.sheet.get(r, c), this.sheet.formatAt(r, c)?.numberFormat, this.ss.locale));
  }
  getDisplayValue(): string {
    this.c('getDisplayValue', 'read', 1);
    return displayValue(this.sheet.get(this.row, this.col), this.sheet.formatAt(this.row, this.col)?.numberFormat, this.ss.locale);
  }
  getFormulas(): string[][] {
    this.c('getFormulas', 'read', this.cells());
    return this.grid2((r, c) => this.sheet.formulas.get(SheetModel.key(r, c)) ?? '');
  }
  getFormula(): string {
    this.c('getFormula', 'read', 1);
    return this.sheet.formulas.get(SheetModel.key(this.row, this.col)) ?? '';
  }
  setFormula(formula: string): Range {
    this.c('setFormula', 'write', this.cells());
    this.setFormulaGrid(Array.from({ length: this.numRows }, () => new Array(this.numCols).fill(formula)));
    return asGas(this);
  }
  setFormulas(formulas: string[][]): Range {
    this.c('setFormulas', 'write', this.cells());
    this.checkDims(formulas);
    this.setFormulaGrid(formulas);
    return asGas(this);
  }
  private setFormulaGrid(formulas: string[][]): void {
    formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        const key = SheetModel.key(this.row + i, this.col + j);
        if (f) {
          const text = f.startsWith('=') ? f : `=${f}`;
          this.sheet.formulas.set(key, text);
          this.sheet.set(this.row + i, this.col + j, formulaValue(text));
        } else {
          this.sheet.formulas.delete(key);
          this.sheet.set(this.row + i, this.col + j, '');
        }
      }),
    );
  }
  getNotes(): string[][] {
    this.c('getNotes', 'read', this.cells());
    return this.grid2((r, c) => this.sheet.notes.get(SheetModel.key(r, c)) ?? '');
  }
  getNote(): string {
    this.c('getNote', 'read', 1);
    return this.sheet.notes.get(SheetModel.key(this.row, this.col)) ?? '';
  }
  setNote(note: string | null): Range {
    this.c('setNote', 'write', this.cells());
    for (let r = this.row; r < this.row + this.numRows; r++) {
      for (let c = this.col; c < this.col + this.numCols; c++) {
        if (note) this.sheet.notes.set(SheetModel.key(r, c), String(note));
        else this.sheet.notes.delete(SheetModel.key(r, c));
      }
    }
    return asGas(this);
  }
  setNotes(notes: (string | null)[][]): Range {
    this.c('setNotes', 'write', this.cells());
    this.checkDims(notes);
    notes.forEach((row, i) =>
      row.forEach((n, j) => {
        const key = SheetModel.key(this.row + i, this.col + j);
        if (n) this.sheet.notes.set(key, String(n));
        else this.sheet.notes.delete(key);
      }),
    );
    return asGas(this);
  }
  clearNote(): Range {
    this.c('clearNote', 'write', this.cells());
    for (let r = this.row; r < this.row + this.numRows; r++) for (let c = this.col; c < this.col + this.numCols; c++) this.sheet.notes.delete(SheetModel.key(r, c));
    return asGas(this);
  }
  clearContent(): Range {
    this.c('clearContent', 'write', this.cells());
    this.clearInternal();
    return asGas(this);
  }
  clear(): Range {
    this.c('clear', 'write', this.cells());
    this.clearInternal();
    for (let r = this.row; r < this.row + this.numRows; r++) {
      for (let c = this.col; c < this.col + this.numCols; c++) {
        this.sheet.formats.delete(SheetModel.key(r, c));
        this.sheet.notes.delete(SheetModel.key(r, c));
      }
    }
    return asGas(this);
  }
  clearDataValidations(): Range {
    this.c('clearDataValidations', 'structure');
    this.sheet.validations.push({ range: this.grid(), rule: null });
    return asGas(this);
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    this.c('getDataValidation', 'read', 1);
    const rule = this.sheet.validationAt(this.row, this.col);
    return rule ? asGas(new FakeDataValidation(rule)) : null;
  }
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    this.c('getDataValidations', 'read', this.cells());
    return this.grid2((r, c) => {
      const rule = this.sheet.validationAt(r, c);
      return rule ? asGas<GoogleAppsScript.Spreadsheet.DataValidation>(new FakeDataValidation(rule)) : null;
    });
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    this.c('setDataValidation', 'structure');
    this.sheet.validations.push({ range: this.grid(), rule: rule ? { ...(rule as unknown as FakeDataValidation).rule } : null });
    return asGas(this);
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): Range {
    this.c('setDataValidations', 'structure', this.cells());
    this.checkDims(rules, 'data validations');
    rules.forEach((row, i) =>
      row.forEach((rule, j) => {
        const g = { r1: this.row + i, c1: this.col + j, r2: this.row + i, c2: this.col + j };
        this.sheet.validations.push({ range: g, rule: rule ? { ...(rule as unknown as FakeDataValidation).rule } : null });
      }),
    );
    return asGas(this);
  }
  private formatEach(f: (fmt: import('./model').CellFormat) => void): void {
    // Whole columns (from row 1 or 2 to the bottom) are stored once per column.
    if (this.numRows >= this.sheet.maxRows - 1 && this.row <= 2) {
      for (let c = this.col; c < this.col + this.numCols; c++) {
        const fmt = { ...(this.sheet.columnFormats.get(c) ?? {}) };
        f(fmt);
        this.sheet.columnFormats.set(c, fmt);
      }
      if (this.row === 2) return;
    }
    for (let r = this.row; r < this.row + Math.min(this.numRows, this.sheet.maxRows); r++) {
      for (let c = this.col; c < this.col + this.numCols; c++) {
        const key = SheetModel.key(r, c);
        const fmt = { ...(this.sheet.formats.get(key) ?? {}) };
        f(fmt);
        this.sheet.formats.set(key, fmt);
      }
    }
  }
  setNumberFormat(numberFormat: string): Range {
    this.c('setNumberFormat', 'write', this.cells());
    this.formatEach((f) => (f.numberFormat = numberFormat));
    return asGas(this);
  }
  setNumberFormats(numberFormats: string[][]): Range {
    this.c('setNumberFormats', 'write', this.cells());
    this.checkDims(numberFormats, 'number formats');
    numberFormats.forEach((row, i) =>
      row.forEach((nf, j) => {
        const key = SheetModel.key(this.row + i, this.col + j);
        this.sheet.formats.set(key, { ...(this.sheet.formats.get(key) ?? {}), numberFormat: nf });
      }),
    );
    return asGas(this);
  }
  getNumberFormat(): string {
    this.c('getNumberFormat', 'read', 1);
    return this.sheet.formatAt(this.row, this.col)?.numberFormat ?? 'General';
  }
  getNumberFormats(): string[][] {
    this.c('getNumberFormats', 'read', this.cells());
    return this.grid2((r, c) => this.sheet.formatAt(r, c)?.numberFormat ?? 'General');
  }
  setBackground(color: string | null): Range {
    this.c('setBackground', 'write', this.cells());
    this.formatEach((f) => (f.background = color ?? undefined));
    return asGas(this);
  }
  getBackground(): string {
    this.c('getBackground', 'read', 1);
    return this.sheet.formatAt(this.row, this.col)?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    this.c('getBackgrounds', 'read', this.cells());
    return this.grid2((r, c) => this.sheet.formatAt(r, c)?.background ?? '#ffffff');
  }
  setFontWeight(fontWeight: string | null): Range {
    this.c('setFontWeight', 'write', this.cells());
    this.formatEach((f) => (f.bold = fontWeight === 'bold'));
    return asGas(this);
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    this.c('getFontWeight', 'read', 1);
    return asGas(this.sheet.formatAt(this.row, this.col)?.bold ? 'bold' : 'normal');
  }
  setFontColor(color: string | null): Range {
    this.c('setFontColor', 'write', this.cells());
    this.formatEach((f) => (f.fontColor = color ?? undefined));
    return asGas(this);
  }
  setWrap(isWrapEnabled: boolean): Range {
    this.c('setWrap', 'write', this.cells());
    this.formatEach((f) => (f.wrap = isWrapEnabled));
    return asGas(this);
  }
  setHorizontalAlignment(alignment: string | null): Range {
    this.c('setHorizontalAlignment', 'write', this.cells());
    this.formatEach((f) => (f.hAlign = alignment ?? undefined));
    return asGas(this);
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.c('protect', 'structure');
    const p: ProtectionData = { id: newId(), range: this.grid(), description: '', warningOnly: false };
    this.sheet.protections.push(p);
    return asGas(new FakeProtection(this.ex, this.sheet, p));
  }
  activate(): Range {
    this.c('activate', 'ui');
    this.ex.env.selection.set(this.ex.user.email, { sheetId: this.sheet.id, ...this.grid() });
    return asGas(this);
  }
  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    this.c('createFilter', 'structure');
    if (this.sheet.filter) throw gasError('You can\'t create a filter in a sheet that already has a filter.');
    this.sheet.filter = { range: this.grid(), criteria: {} };
    return asGas(new FakeFilter(this.ex, this.sheet));
  }
  isBlank(): boolean {
    this.c('isBlank', 'read', this.cells());
    for (let r = this.row; r < this.row + this.numRows; r++) for (let c = this.col; c < this.col + this.numCols; c++) if (this.sheet.get(r, c) !== '') return false;
    return true;
  }
  merge(): Range {
    this.c('merge', 'write');
    this.sheet.merges.push(this.grid());
    return asGas(this);
  }
  breakApart(): Range {
    this.c('breakApart', 'write');
    const g = this.grid();
    this.sheet.merges = this.sheet.merges.filter((m) => m.r2 < g.r1 || m.r1 > g.r2 || m.c2 < g.c1 || m.c1 > g.c2);
    return asGas(this);
  }
  getMergedRanges(): Range[] {
    this.c('getMergedRanges', 'read');
    const g = this.grid();
    return this.ex.newArray(
      this.sheet.merges
        .filter((m) => !(m.r2 < g.r1 || m.r1 > g.r2 || m.c2 < g.c1 || m.c1 > g.c2))
        .map((m) => asGas<Range>(new FakeRange(this.ex, this.sheet, m.r1, m.c1, m.r2 - m.r1 + 1, m.c2 - m.c1 + 1))),
    );
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    this.c('createTextFinder');
    return asGas(new FakeTextFinder(this.ex, this, findText));
  }
}

class FakeTextFinder {
  private entire = false;
  private caseSensitive = false;
  private cursor = 0;
  constructor(private readonly ex: Execution, private readonly range: FakeRange, private readonly text: string) {}
  matchEntireCell(v: boolean) {
    this.entire = v;
    return this;
  }
  matchCase(v: boolean) {
    this.caseSensitive = v;
    return this;
  }
  private matches(): FakeRange[] {
    const out: FakeRange[] = [];
    const needle = this.caseSensitive ? this.text : this.text.toLowerCase();
    const s = this.range.sheet;
    for (let r = this.range.row; r < this.range.row + this.range.numRows; r++) {
      for (let c = this.range.col; c < this.range.col + this.range.numCols; c++) {
        const v = s.get(r, c);
        if (v === '') continue;
        const hay = this.caseSensitive ? displayValue(v, s.formatAt(r, c)?.numberFormat) : displayValue(v, s.formatAt(r, c)?.numberFormat).toLowerCase();
        if (this.entire ? hay === needle : hay.includes(needle)) out.push(new FakeRange(this.ex, s, r, c, 1, 1));
      }
    }
    return out;
  }
  findAll() {
    count(this.ex, SS, 'TextFinder.findAll', 'read', this.range.numRows * this.range.numCols);
    return this.ex.newArray(this.matches().map((m) => asGas<Range>(m)));
  }
  findNext() {
    count(this.ex, SS, 'TextFinder.findNext', 'read', this.range.numRows * this.range.numCols);
    const all = this.matches();
    const m = all[this.cursor++];
    return m ? asGas<Range>(m) : null;
  }
}

class FakeDataValidation {
  constructor(readonly rule: ValidationRule) {}
  getCriteriaType(): string {
    return ({ list: 'VALUE_IN_LIST', date: 'DATE_IS_VALID_DATE', dateAfter: 'DATE_ON_OR_AFTER', email: 'TEXT_IS_VALID_EMAIL', url: 'TEXT_IS_VALID_URL', number: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', numberBetween: 'NUMBER_BETWEEN', checkbox: 'CHECKBOX', custom: 'CUSTOM_FORMULA' } as const)[this.rule.type];
  }
  getCriteriaValues(): unknown[] {
    return this.rule.type === 'list' ? [this.rule.values, this.rule.showDropdown ?? true] : this.rule.values;
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getHelpText(): string {
    return this.rule.helpText;
  }
  copy(): FakeDataValidationBuilder {
    const b = new FakeDataValidationBuilder();
    b.rule = { ...this.rule };
    return b;
  }
}

export class FakeDataValidationBuilder {
  rule: ValidationRule = { type: 'custom', values: [], allowInvalid: true, helpText: '' };
  requireValueInList(values: string[], showDropdown?: boolean) {
    this.rule = { ...this.rule, type: 'list', values: [...values], showDropdown: showDropdown ?? true };
    return this;
  }
  requireDate() {
    this.rule = { ...this.rule, type: 'date', values: [] };
    return this;
  }
  requireDateOnOrAfter(date: { getTime(): number }) {
    this.rule = { ...this.rule, type: 'dateAfter', values: [date.getTime()] };
    return this;
  }
  requireTextIsEmail() {
    this.rule = { ...this.rule, type: 'email', values: [] };
    return this;
  }
  requireTextIsUrl() {
    this.rule = { ...this.rule, type: 'url', values: [] };
    return this;
  }
  requireNumberBetween(start: number, end: number) {
    this.rule = { ...this.rule, type: 'numberBetween', values: [start, end] };
    return this;
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    this.rule = { ...this.rule, type: 'number', values: [n] };
    return this;
  }
  requireCheckbox() {
    this.rule = { ...this.rule, type: 'checkbox', values: [] };
    return this;
  }
  requireFormulaSatisfied(formula: string) {
    this.rule = { ...this.rule, type: 'custom', values: [formula] };
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean) {
    this.rule = { ...this.rule, allowInvalid: allowInvalidData };
    return this;
  }
  setHelpText(helpText: string) {
    this.rule = { ...this.rule, helpText };
    return this;
  }
  build() {
    return new FakeDataValidation({ ...this.rule });
  }
}

/** True when `v` passes a validation rule (used for simulated user edits). */
export function passesValidation(rule: ValidationRule, v: CellValue): boolean {
  if (v === '') return true;
  switch (rule.type) {
    case 'list':
      return (rule.values as string[]).some((x) => String(x) === String(v instanceof WallDate ? '' : v));
    case 'date':
    case 'dateAfter':
      return v instanceof WallDate;
    case 'email':
      return typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
    case 'url':
      return typeof v === 'string' && /^https?:\/\//i.test(v);
    case 'number':
      return typeof v === 'number' && v >= Number(rule.values[0]);
    case 'numberBetween':
      return typeof v === 'number' && v >= Number(rule.values[0]) && v <= Number(rule.values[1]);
    case 'checkbox':
      return typeof v === 'boolean';
    default:
      return true;
  }
}

class FakeConditionalFormatRule {
  constructor(private readonly ex: Execution | null, readonly data: ConditionalRule, private readonly sheet: SheetModel | null) {}
  getRanges(): Range[] {
    if (!this.ex || !this.sheet) return [];
    return this.ex.newArray(this.data.ranges.map((g) => asGas<Range>(new FakeRange(this.ex!, this.sheet!, g.r1, g.c1, g.r2 - g.r1 + 1, g.c2 - g.c1 + 1))));
  }
  getBooleanCondition() {
    const d = this.data;
    return {
      getCriteriaType: () => (d.condition.type === 'formula' ? 'CUSTOM_FORMULA' : d.condition.type === 'textEqualTo' ? 'TEXT_EQUAL_TO' : 'TEXT_CONTAINS'),
      getCriteriaValues: () => [d.condition.value],
      getBackground: () => d.background ?? null,
      getFontColor: () => d.fontColor ?? null,
      getBold: () => d.bold ?? null,
      getStrikethrough: () => d.strikethrough ?? null,
    };
  }
  copy(): FakeConditionalFormatRuleBuilder {
    const b = new FakeConditionalFormatRuleBuilder();
    b.data = { ...this.data, ranges: this.data.ranges.map((g) => ({ ...g })) };
    b.sheet = this.sheet;
    return b;
  }
}

export class FakeConditionalFormatRuleBuilder {
  data: ConditionalRule = { id: newId(), ranges: [], condition: { type: 'formula', value: '' } };
  sheet: SheetModel | null = null;
  whenFormulaSatisfied(formula: string) {
    this.data.condition = { type: 'formula', value: formula };
    return this;
  }
  whenTextEqualTo(text: string) {
    this.data.condition = { type: 'textEqualTo', value: text };
    return this;
  }
  whenTextContains(text: string) {
    this.data.condition = { type: 'textContains', value: text };
    return this;
  }
  setBackground(color: string | null) {
    this.data.background = color ?? undefined;
    return this;
  }
  setFontColor(color: string | null) {
    this.data.fontColor = color ?? undefined;
    return this;
  }
  setBold(bold: boolean | null) {
    this.data.bold = bold ?? undefined;
    return this;
  }
  setStrikethrough(s: boolean | null) {
    this.data.strikethrough = s ?? undefined;
    return this;
  }
  setRanges(ranges: Range[]) {
    this.data.ranges = ranges.map((r) => (r as unknown as FakeRange).grid());
    this.sheet = ranges.length ? (ranges[0] as unknown as FakeRange).sheet : null;
    return this;
  }
  build() {
    return new FakeConditionalFormatRule(null, { ...this.data, id: newId() }, this.sheet);
  }
}

class FakeProtection {
  constructor(private readonly ex: Execution, private readonly sheet: SheetModel, readonly data: ProtectionData) {}
  private c(method: string, cls: CostClass = 'write'): void {
    count(this.ex, SS, `Protection.${method}`, cls);
  }
  setDescription(description: string) {
    this.c('setDescription');
    this.data.description = description;
    return this;
  }
  getDescription(): string {
    this.c('getDescription', 'handle');
    return this.data.description;
  }
  setWarningOnly(warningOnly: boolean) {
    this.c('setWarningOnly');
    this.data.warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    this.c('isWarningOnly', 'handle');
    return this.data.warningOnly;
  }
  getRange(): Range {
    this.c('getRange', 'handle');
    const g = this.data.range ?? { r1: 1, c1: 1, r2: this.sheet.maxRows, c2: this.sheet.maxCols };
    return asGas(new FakeRange(this.ex, this.sheet, g.r1, g.c1, g.r2 - g.r1 + 1, g.c2 - g.c1 + 1));
  }
  getProtectionType(): string {
    return this.data.range ? 'RANGE' : 'SHEET';
  }
  remove(): void {
    this.c('remove', 'structure');
    this.sheet.protections = this.sheet.protections.filter((p) => p.id !== this.data.id);
  }
  canEdit(): boolean {
    return true;
  }
}

class FakeFilterCriteria {
  constructor(readonly data: { hiddenValues?: string[]; visibleValues?: string[]; condition?: { type: string; values: unknown[] } }) {}
  copy() {
    const b = new FakeFilterCriteriaBuilder();
    b.data = { ...this.data };
    return b;
  }
  getHiddenValues() {
    return this.data.hiddenValues ?? null;
  }
  getVisibleValues() {
    return this.data.visibleValues ?? null;
  }
}

export class FakeFilterCriteriaBuilder {
  data: { hiddenValues?: string[]; visibleValues?: string[]; condition?: { type: string; values: unknown[] } } = {};
  setHiddenValues(values: string[]) {
    this.data.hiddenValues = [...values];
    return this;
  }
  setVisibleValues(values: string[]) {
    this.data.visibleValues = [...values];
    return this;
  }
  whenTextEqualTo(text: string) {
    this.data.condition = { type: 'TEXT_EQUAL_TO', values: [text] };
    return this;
  }
  whenTextEqualToAny(texts: string[]) {
    this.data.condition = { type: 'TEXT_EQUAL_TO_ANY', values: [...texts] };
    return this;
  }
  whenNumberLessThan(n: number) {
    this.data.condition = { type: 'NUMBER_LESS_THAN', values: [n] };
    return this;
  }
  whenCellNotEmpty() {
    this.data.condition = { type: 'CELL_NOT_EMPTY', values: [] };
    return this;
  }
  whenCellEmpty() {
    this.data.condition = { type: 'CELL_EMPTY', values: [] };
    return this;
  }
  whenFormulaSatisfied(formula: string) {
    this.data.condition = { type: 'CUSTOM_FORMULA', values: [formula] };
    return this;
  }
  build() {
    return new FakeFilterCriteria({ ...this.data });
  }
}

class FakeFilter {
  constructor(private readonly ex: Execution, private readonly sheet: SheetModel) {}
  private c(method: string, cls: CostClass = 'write'): void {
    count(this.ex, SS, `Filter.${method}`, cls);
  }
  getRange(): Range {
    this.c('getRange', 'handle');
    const g = this.sheet.filter!.range;
    return asGas(new FakeRange(this.ex, this.sheet, g.r1, g.c1, g.r2 - g.r1 + 1, g.c2 - g.c1 + 1));
  }
  setColumnFilterCriteria(columnPosition: number, criteria: FakeFilterCriteria | null) {
    this.c('setColumnFilterCriteria');
    const f = this.sheet.filter!;
    if (criteria) f.criteria[columnPosition] = { ...criteria.data };
    else delete f.criteria[columnPosition];
    applyFilter(this.sheet);
    return this;
  }
  getColumnFilterCriteria(columnPosition: number) {
    this.c('getColumnFilterCriteria', 'read');
    const c = this.sheet.filter!.criteria[columnPosition];
    return c ? new FakeFilterCriteria(c) : null;
  }
  removeColumnFilterCriteria(columnPosition: number) {
    this.c('removeColumnFilterCriteria');
    delete this.sheet.filter!.criteria[columnPosition];
    applyFilter(this.sheet);
    return this;
  }
  remove(): void {
    this.c('remove', 'structure');
    this.sheet.filter = null;
    this.sheet.hiddenByFilter.clear();
  }
}

/** Recomputes which rows a basic filter hides (value lists and simple conditions; formulas are not evaluated). */
export function applyFilter(sheet: SheetModel): void {
  sheet.hiddenByFilter.clear();
  const f = sheet.filter;
  if (!f) return;
  for (let r = f.range.r1 + 1; r <= Math.min(f.range.r2, sheet.lastRow()); r++) {
    for (const [colStr, crit] of Object.entries(f.criteria)) {
      const c = Number(colStr);
      const shown = displayValue(sheet.get(r, c), sheet.formatAt(r, c)?.numberFormat);
      let visible = true;
      if (crit.visibleValues) visible = crit.visibleValues.includes(shown);
      if (crit.hiddenValues && crit.hiddenValues.includes(shown)) visible = false;
      const cond = crit.condition;
      if (cond) {
        if (cond.type === 'TEXT_EQUAL_TO') visible = visible && shown === String(cond.values[0]);
        if (cond.type === 'TEXT_EQUAL_TO_ANY') visible = visible && cond.values.map(String).includes(shown);
        if (cond.type === 'CELL_NOT_EMPTY') visible = visible && shown !== '';
        if (cond.type === 'CELL_EMPTY') visible = visible && shown === '';
      }
      if (!visible) {
        sheet.hiddenByFilter.add(r);
        break;
      }
    }
  }
}

class FakeEmbeddedChart {
  constructor(private readonly ex: Execution, private readonly sheet: SheetModel, readonly data: ChartData) {}
  getChartId(): number {
    return this.data.id;
  }
  getRanges(): Range[] {
    return this.ex.newArray(this.data.ranges.map((g) => asGas<Range>(new FakeRange(this.ex, this.sheet, g.r1, g.c1, g.r2 - g.r1 + 1, g.c2 - g.c1 + 1))));
  }
  getOptions() {
    return { get: (k: string) => this.data.options[k] ?? null };
  }
  getType(): string {
    return this.data.type;
  }
  modify() {
    return new FakeEmbeddedChartBuilder(this.ex, this.sheet, { ...this.data, ranges: [...this.data.ranges], options: { ...this.data.options } });
  }
  getContainerInfo() {
    const p = this.data.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.column, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
}

class FakeEmbeddedChartBuilder {
  constructor(private readonly ex: Execution, private readonly sheet: SheetModel, private data: ChartData) {}
  setChartType(type: string) {
    this.data.type = String(type);
    return this;
  }
  asColumnChart() {
    this.data.type = 'COLUMN';
    return this;
  }
  asBarChart() {
    this.data.type = 'BAR';
    return this;
  }
  asPieChart() {
    this.data.type = 'PIE';
    return this;
  }
  addRange(range: Range) {
    this.data.ranges.push((range as unknown as FakeRange).grid());
    return this;
  }
  clearRanges() {
    this.data.ranges = [];
    return this;
  }
  setOption(option: string, value: unknown) {
    this.data.options[option] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    this.data.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  build() {
    return new FakeEmbeddedChart(this.ex, this.sheet, { ...this.data });
  }
}

class FakeMenu {
  items: { kind: 'item' | 'separator' | 'submenu'; caption?: string; fn?: string; menu?: FakeMenu }[] = [];
  constructor(private readonly ex: Execution, readonly name: string) {}
  addItem(caption: string, functionName: string) {
    this.items.push({ kind: 'item', caption, fn: functionName });
    return this;
  }
  addSeparator() {
    this.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: FakeMenu) {
    this.items.push({ kind: 'submenu', caption: menu.name, menu });
    return this;
  }
  addToUi() {
    count(this.ex, SS, 'Menu.addToUi', 'ui');
    this.ex.env.menus.set(this.ex.user.email, this.toJSON());
    this.ex.env.ui({ user: this.ex.user.email, kind: 'menu', title: this.name, data: this.toJSON() });
  }
  toJSON(): unknown {
    return { name: this.name, items: this.items.map((i) => (i.kind === 'submenu' ? { kind: i.kind, caption: i.caption, menu: i.menu!.toJSON() } : { ...i })) };
  }
}

export class FakeUi {
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' };
  constructor(private readonly ex: Execution) {}
  private c(method: string): void {
    count(this.ex, SS, `Ui.${method}`, 'ui');
  }
  createMenu(caption: string) {
    count(this.ex, SS, 'Ui.createMenu', 'handle');
    return new FakeMenu(this.ex, caption);
  }
  createAddonMenu() {
    count(this.ex, SS, 'Ui.createAddonMenu', 'handle');
    return new FakeMenu(this.ex, '(add-on)');
  }
  alert(a: string, b?: string, c?: string): string {
    this.c('alert');
    const title = b === undefined ? '' : a;
    const message = b === undefined ? a : typeof b === 'string' && !(b in this.ButtonSet) ? b : a;
    const buttons = c ?? (b !== undefined && b in this.ButtonSet ? b : 'OK');
    const answer = this.ex.env.uiAnswers.shift();
    this.ex.env.ui({ user: this.ex.user.email, kind: 'alert', title, message, data: { buttons } });
    if (answer?.button) return answer.button;
    return buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK';
  }
  prompt(a: string, b?: string, c?: string) {
    this.c('prompt');
    const answer = this.ex.env.uiAnswers.shift();
    this.ex.env.ui({ user: this.ex.user.email, kind: 'prompt', title: b === undefined ? '' : a, message: b ?? a, data: { buttons: c ?? 'OK' } });
    return { getResponseText: () => answer?.text ?? '', getSelectedButton: () => answer?.button ?? 'OK' };
  }
  showSidebar(userInterface: FakeHtmlOutput) {
    this.c('showSidebar');
    this.ex.env.ui({ user: this.ex.user.email, kind: 'sidebar', title: userInterface.getTitle(), html: userInterface.getContent() });
  }
  showModalDialog(userInterface: FakeHtmlOutput, title: string) {
    this.c('showModalDialog');
    this.ex.env.ui({ user: this.ex.user.email, kind: 'dialog', title, html: userInterface.getContent() });
  }
  showModelessDialog(userInterface: FakeHtmlOutput, title: string) {
    this.c('showModelessDialog');
    this.ex.env.ui({ user: this.ex.user.email, kind: 'dialog', title, html: userInterface.getContent() });
  }
}

/** Type checks of the fakes against Apps Script's interfaces (compile-time only). */
export type _SpreadsheetAppSubset = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getActiveSpreadsheet' | 'getActive' | 'getUi' | 'flush' | 'newDataValidation' | 'newConditionalFormatRule' | 'getActiveRange' | 'openById'>;
export const _checkSpreadsheetApp: (f: FakeSpreadsheetApp) => _SpreadsheetAppSubset = (f) => f;
