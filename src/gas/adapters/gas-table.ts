// Table and Workbook over SpreadsheetApp: one sheet as a grid, reads and writes in whole blocks (one call each).
import type { CellValue, ChartSpec, ConditionalSpec, FilterCriterion, GridRef, Table, ValidationSpec, Workbook } from '../../ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TAG_RE = /N\("(gendan:[^"]+)"\)/;
const PROTECTION_PREFIX = 'Gendan: ';

function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A1 ranges of one column covering `rows` (sorted, duplicates dropped), consecutive rows as one range: "O5:O7", "O12". */
export function columnRangesA1(col: number, rows: readonly number[]): string[] {
  const letters = columnLetters(col);
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j > i ? `${letters}${sorted[i]}:${letters}${sorted[j]}` : `${letters}${sorted[i]}`);
    i = j + 1;
  }
  return out;
}

function trimTrailingBlanks(row: CellValue[]): CellValue[] {
  let n = row.length;
  while (n > 0 && row[n - 1] === '') n--;
  return row.slice(0, n);
}

function toValidation(spec: ValidationSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  let b = SpreadsheetApp.newDataValidation();
  switch (spec.kind) {
    case 'list':
      b = b.requireValueInList(spec.values ?? [], true);
      break;
    case 'date':
      b = b.requireDate();
      break;
    case 'email':
      b = b.requireTextIsEmail();
      break;
    case 'url':
      b = b.requireTextIsUrl();
      break;
    case 'number':
      b = b.requireNumberGreaterThanOrEqualTo(0);
      break;
    case 'percent':
      b = b.requireNumberBetween(0, 100);
      break;
    case 'checkbox':
      b = b.requireCheckbox();
      break;
  }
  b = b.setAllowInvalid(spec.allowInvalid);
  if (spec.helpText) b = b.setHelpText(spec.helpText);
  return b.build();
}

function fromValidation(v: GoogleAppsScript.Spreadsheet.DataValidation | null): ValidationSpec | null {
  if (!v) return null;
  const type = String(v.getCriteriaType());
  const values = v.getCriteriaValues();
  const kind: ValidationSpec['kind'] | null =
    type === 'VALUE_IN_LIST' ? 'list'
      : type === 'DATE_IS_VALID_DATE' ? 'date'
        : type === 'TEXT_IS_VALID_EMAIL' ? 'email'
          : type === 'TEXT_IS_VALID_URL' ? 'url'
            : type === 'NUMBER_GREATER_THAN_OR_EQUAL_TO' ? 'number'
              : type === 'NUMBER_BETWEEN' ? 'percent'
                : type === 'CHECKBOX' ? 'checkbox'
                  : null;
  if (!kind) return null;
  return {
    kind,
    values: kind === 'list' ? (values[0] as string[]).map(String) : undefined,
    allowInvalid: v.getAllowInvalid(),
    helpText: v.getHelpText() || undefined,
  };
}

export class GasTable implements Table {
  readonly name: string;
  readonly sheetId: number;

  constructor(private readonly sheet: Sheet) {
    this.name = sheet.getName();
    this.sheetId = sheet.getSheetId();
  }

  readAll(): CellValue[][] {
    return this.sheet.getDataRange().getValues() as CellValue[][];
  }
  readHeader(): CellValue[] {
    const row = this.sheet.getRange('1:1').getValues()[0] as CellValue[];
    return trimTrailingBlanks(row);
  }
  readBlock(row: number, col: number, numRows: number, numCols: number): CellValue[][] {
    return this.sheet.getRange(row, col, numRows, numCols).getValues() as CellValue[][];
  }
  readColumn(col: number, fromRow: number): CellValue[] {
    // An open-ended A1 range ("M2:M") reaches the sheet's last row without asking for it (getLastRow is a call).
    const letters = columnLetters(col);
    return (this.sheet.getRange(`${letters}${fromRow}:${letters}`).getValues() as CellValue[][]).map((r) => r[0]);
  }
  readFormulas(row: number, col: number, numRows: number, numCols: number): string[][] {
    return this.sheet.getRange(row, col, numRows, numCols).getFormulas();
  }
  writeBlock(row: number, col: number, values: unknown[][]): void {
    if (!values.length || !values[0].length) return;
    this.sheet.getRange(row, col, values.length, values[0].length).setValues(values);
  }
  fillCells(col: number, rows: readonly number[], value: unknown): void {
    if (!rows.length) return;
    // RangeList.setValue: one value into every range of the list, in one call.
    this.sheet.getRangeList(columnRangesA1(col, rows)).setValue(value);
  }
  findRows(col: number, text: string): number[] {
    if (!text) return [];
    const letters = columnLetters(col);
    return this.sheet
      .getRange(`${letters}2:${letters}`)
      .createTextFinder(text)
      .matchEntireCell(true)
      .matchCase(false)
      .findAll()
      .map((r) => r.getRow());
  }
  setNote(row: number, col: number, note: string): void {
    this.sheet.getRange(row, col).setNote(note);
  }
  lastRow(): number {
    return this.sheet.getLastRow();
  }
  maxColumns(): number {
    return this.sheet.getMaxColumns();
  }
  frozenRows(): number {
    return this.sheet.getFrozenRows();
  }
  setFrozenRows(n: number): void {
    this.sheet.setFrozenRows(n);
  }
  setColumnValidation(col: number, spec: ValidationSpec | null, fromRow: number, numRows: number): void {
    const range = this.sheet.getRange(fromRow, col, numRows, 1);
    if (spec) range.setDataValidation(toValidation(spec));
    else range.clearDataValidations();
  }
  columnValidations(numCols: number): (ValidationSpec | null)[] {
    if (numCols < 1) return [];
    return this.sheet.getRange(2, 1, 1, numCols).getDataValidations()[0].map(fromValidation);
  }
  setColumnFormat(col: number, numberFormat: string, fromRow: number, numRows: number): void {
    this.sheet.getRange(fromRow, col, numRows, 1).setNumberFormat(numberFormat);
  }
  formatHeader(numCols: number, background: string): void {
    this.sheet.getRange(1, 1, 1, numCols).setFontWeight('bold').setBackground(background);
  }
  setColumnWidth(col: number, width: number): void {
    this.sheet.setColumnWidth(col, width);
  }
  conditionalTags(): string[] {
    const tags: string[] = [];
    for (const rule of this.sheet.getConditionalFormatRules()) {
      const cond = rule.getBooleanCondition();
      const formula = cond ? String(cond.getCriteriaValues()[0] ?? '') : '';
      const m = TAG_RE.exec(formula);
      if (m) tags.push(m[1]);
    }
    return tags;
  }
  setConditionalRules(rules: ConditionalSpec[], tagPrefix: string): void {
    const keep = this.sheet.getConditionalFormatRules().filter((rule) => {
      const cond = rule.getBooleanCondition();
      const m = TAG_RE.exec(cond ? String(cond.getCriteriaValues()[0] ?? '') : '');
      return !(m && m[1].startsWith(tagPrefix));
    });
    const maxRows = this.sheet.getMaxRows();
    const built = rules.map((r) => {
      let b = SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(r.formula)
        .setBackground(r.background)
        .setRanges(r.columns.map((c) => this.sheet.getRange(2, c, Math.max(1, maxRows - 1), 1)));
      if (r.fontColor) b = b.setFontColor(r.fontColor);
      return b.build();
    });
    this.sheet.setConditionalFormatRules(keep.concat(built));
  }
  protectedColumns(): { col: number; description: string }[] {
    return this.sheet
      .getProtections(SpreadsheetApp.ProtectionType.RANGE)
      .filter((p) => p.getDescription().startsWith(PROTECTION_PREFIX))
      .map((p) => ({ col: p.getRange().getColumn(), description: p.getDescription().slice(PROTECTION_PREFIX.length) }));
  }
  protectColumn(col: number, description: string, warningOnly: boolean): void {
    const p = this.sheet.getRange(2, col, Math.max(1, this.sheet.getMaxRows() - 1), 1).protect();
    p.setDescription(PROTECTION_PREFIX + description);
    p.setWarningOnly(warningOnly);
  }
  unprotect(description: string): void {
    for (const p of this.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      if (p.getDescription() === PROTECTION_PREFIX + description) p.remove();
    }
  }
  applyFilter(criteria: FilterCriterion[] | null, numCols: number): void {
    const existing = this.sheet.getFilter();
    if (existing) existing.remove();
    if (!criteria) return;
    const rows = Math.max(2, this.sheet.getLastRow());
    const filter = this.sheet.getRange(1, 1, rows, numCols).createFilter();
    for (const c of criteria) {
      // A sheet's filter refuses visible values ("Visible values are not currently supported"; they are for pivot
      // tables): it hides every other text the column shows instead. One read of the texts (and of the values).
      const range = this.sheet.getRange(2, c.col, rows - 1, 1);
      const texts = range.getDisplayValues().map((r) => r[0]);
      let shows: (text: string, i: number) => boolean;
      if ('show' in c) {
        const values = (range.getValues() as CellValue[][]).map((r) => r[0]);
        shows = (_text, i) => c.show(values[i]);
      } else {
        const wanted = new Set(c.values);
        shows = (text) => wanted.has(text);
      }
      const keep = new Set<string>();
      const hide = new Set<string>();
      texts.forEach((text, i) => (shows(text, i) ? keep : hide).add(text));
      const hidden = [...hide].filter((text) => !keep.has(text));
      if (hidden.length) filter.setColumnFilterCriteria(c.col, SpreadsheetApp.newFilterCriteria().setHiddenValues(hidden).build());
    }
  }
  charts(): { tag: string }[] {
    return this.sheet.getCharts().map((c) => ({ tag: String(c.getOptions().get('title') ?? '') }));
  }
  replaceCharts(specs: ChartSpec[]): void {
    for (const c of this.sheet.getCharts()) this.sheet.removeChart(c);
    for (const s of specs) {
      let b = this.sheet.newChart().setChartType(Charts.ChartType[s.type]);
      for (const a1 of s.ranges) b = b.addRange(this.sheet.getRange(a1));
      this.sheet.insertChart(b.setOption('title', s.title).setPosition(s.row, s.col, 0, 0).build());
    }
  }
  activate(row: number, col: number, numRows = 1, numCols = 1): void {
    this.sheet.getRange(row, col, numRows, numCols).activate();
  }
}

export class GasWorkbook implements Workbook {
  constructor(private readonly ss: Spreadsheet) {}

  id(): string {
    return this.ss.getId();
  }
  url(): string {
    return this.ss.getUrl();
  }
  timeZone(): string {
    return this.ss.getSpreadsheetTimeZone();
  }
  locale(): string {
    return this.ss.getSpreadsheetLocale();
  }
  table(name: string): Table | null {
    const s = this.ss.getSheetByName(name);
    return s ? new GasTable(s) : null;
  }
  tableById(sheetId: number): Table | null {
    const s = this.ss.getSheets().find((x) => x.getSheetId() === sheetId);
    return s ? new GasTable(s) : null;
  }
  tableNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }
  insertTable(name: string): Table {
    return new GasTable(this.ss.insertSheet(name));
  }
  renameTable(from: string, to: string): void {
    const s = this.ss.getSheetByName(from);
    if (s) s.setName(to);
  }
  selection(): GridRef | null {
    const r = this.ss.getActiveRange();
    if (!r) return null;
    return { sheet: r.getSheet().getName(), row: r.getRow(), col: r.getColumn(), numRows: r.getNumRows(), numCols: r.getNumColumns() };
  }
  toast(message: string, title?: string): void {
    this.ss.toast(message, title ?? 'Gendan', 8);
  }
  linkTo(sheetId: number, row: number, col = 1): string {
    let letters = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return `${this.ss.getUrl()}#gid=${sheetId}&range=${letters}${row}`;
  }
}
