// Specification of the spreadsheet ↔ .xlsx bridge: what the sandbox writes reads back the same, stays compact for
// whole-column rules, and files written by other programs (Excel, LibreOffice, Google Sheets) read correctly.
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { exportWorkbook, flattenValidations, importWorkbook, moveFormula } from '../../src/sandbox/xlsx';
import { SheetModel, SpreadsheetModel, WallDate, type CellFormat, type CellValue, type GridRange, type ValidationRule } from '../../src/sandbox/spreadsheet/model';

const TZ = 'Asia/Shanghai';
const D = (y: number, m: number, d: number, h = 0, mi = 0) => new WallDate(Date.UTC(y, m - 1, d, h, mi));

function rule(type: ValidationRule['type'], values: unknown[] = [], extra: Partial<ValidationRule> = {}): ValidationRule {
  return { type, values, allowInvalid: false, helpText: '', ...extra };
}

function g(r1: number, c1: number, r2 = r1, c2 = c1): GridRange {
  return { r1, c1, r2, c2 };
}

/** An Orders ledger as Gendan's setup leaves it, plus the odd things users do. */
function ordersWorkbook(): SpreadsheetModel {
  const ss = new SpreadsheetModel({ name: '跟单 workbook', timeZone: TZ, locale: 'zh_CN' });
  const s = ss.addSheet('Orders');
  const header = ['Order No', '客户 Customer', 'Order date', 'Amount', 'Status', 'Email', 'Paid', 'Qty', 'Discount', 'Total', 'Website'];
  header.forEach((h, i) => s.set(1, i + 1, h));
  const rows: CellValue[][] = [
    ['SO-001', '上海某某贸易有限公司', D(2026, 3, 2), 12500.5, 'Quoted', 'buyer@example.cn', true, 10, 0.05, '', 'https://example.cn'],
    ['SO-002', 'ACME GmbH', D(2026, 3, 5, 14, 30), 980, 'Shipped', 'ops@acme.de', false, 2, 0, '', ''],
    ['SO-003', '', '', 0, '', '', '', '', '', '', ''],
    ['SO-004', 'Long text\nwith a line break', D(1999, 12, 31), -42.25, 'Overdue', 'x@y.z', true, 1, 0.1, '', ''],
  ];
  rows.forEach((row, i) => row.forEach((v, j) => s.set(i + 2, j + 1, v)));
  s.set(5, 13, 'far right');
  s.set(9, 2, 'after empty rows');
  s.formulas.set(SheetModel.key(2, 10), '=D2*(1-I2)');
  s.set(2, 10, 11875.475);
  s.formulas.set(SheetModel.key(3, 10), '=D3*(1-I3)');
  s.set(3, 10, 980);
  s.formulas.set(SheetModel.key(5, 10), '=NA()');
  s.set(5, 10, '#N/A');
  s.formulas.set(SheetModel.key(4, 10), '=IF(D4>0,"yes","")');
  s.formulas.set(SheetModel.key(6, 3), '=C2+1');
  s.set(6, 3, D(2026, 3, 3));
  s.notes.set(SheetModel.key(1, 5), 'Quoted → Confirmed → Shipped\n状态由跟单自动维护');
  s.notes.set(SheetModel.key(2, 1), 'first order');
  s.notes.set(SheetModel.key(20, 20), 'note on an empty cell');
  for (let c = 1; c <= header.length; c++) s.formats.set(SheetModel.key(1, c), { bold: true, background: '#fce8e6', fontColor: '#1f1f1f', wrap: true, hAlign: 'center' });
  s.columnFormats.set(3, { numberFormat: 'yyyy-mm-dd' });
  s.columnFormats.set(4, { numberFormat: '#,##0.00' });
  s.columnFormats.set(9, { numberFormat: '0.00%' });
  s.formats.set(SheetModel.key(3, 4), { numberFormat: '"¥"#,##0.00', bold: true });
  s.formats.set(SheetModel.key(7, 7), { background: '#00ff00' });
  s.frozenRows = 1;
  s.frozenCols = 2;
  s.columnWidths.set(1, 120);
  s.columnWidths.set(2, 260);
  s.columnWidths.set(11, 80);
  s.hiddenCols.add(11);
  s.hiddenRows.add(8);
  s.merges.push(g(12, 1, 13, 3));
  s.set(12, 1, 'merged block');
  s.tabColor = '#34a853';
  s.validations.push({ range: g(2, 5, 1000, 5), rule: rule('list', ['Quoted', 'Confirmed', 'Shipped', 'Overdue', 'Say "hi"'], { showDropdown: true, helpText: '选择状态' }) });
  s.validations.push({ range: g(2, 3, 1000, 3), rule: rule('date', [], { allowInvalid: true }) });
  s.validations.push({ range: g(2, 6, 1000, 6), rule: rule('email', [], { allowInvalid: true, helpText: 'name@company.com' }) });
  s.validations.push({ range: g(2, 7, 1000, 7), rule: rule('checkbox') });
  s.validations.push({ range: g(2, 8, 1000, 8), rule: rule('number', [0]) });
  s.validations.push({ range: g(2, 9, 1000, 9), rule: rule('numberBetween', [0, 1]) });
  s.validations.push({ range: g(2, 11, 1000, 11), rule: rule('url', [], { allowInvalid: true }) });
  s.validations.push({ range: g(2, 1, 1000, 1), rule: rule('custom', ['=LEN(A2)>0'], { allowInvalid: true }) });
  s.validations.push({ range: g(2, 12, 1000, 12), rule: rule('dateAfter', [Date.UTC(2026, 0, 1) - 8 * 3_600_000]) });
  // A user cleared validation from a few cells and set another rule on one.
  s.validations.push({ range: g(5, 5, 6, 5), rule: null });
  s.validations.push({ range: g(100, 1, 100, 1), rule: rule('list', ['X'], { showDropdown: true }) });
  s.conditionalRules.push({ id: 1, ranges: [g(2, 1, 1000, 11)], condition: { type: 'formula', value: '=$E2="Overdue"' }, background: '#f4c7c3', fontColor: '#a50e0e', bold: true });
  s.conditionalRules.push({ id: 2, ranges: [g(2, 5, 1000, 5), g(2, 7, 1000, 7)], condition: { type: 'textEqualTo', value: 'Shipped' }, background: '#d9ead3' });
  s.conditionalRules.push({ id: 3, ranges: [g(2, 2, 1000, 2)], condition: { type: 'textContains', value: '有限"公司' }, fontColor: '#0000ff', strikethrough: true });
  const c = ss.addSheet('客户 Customers');
  c.set(1, 1, 'Name');
  c.set(2, 1, '张三');
  c.set(3, 1, 'Lee, Ann');
  c.set(1, 2, 'Active');
  c.set(2, 2, true);
  c.set(3, 2, false);
  c.hidden = true;
  c.set(1, 3, 'Time');
  c.set(2, 3, new WallDate(Date.UTC(1899, 11, 30, 9, 30)));
  c.formats.set(SheetModel.key(2, 3), { numberFormat: 'h:mm' });
  const lists = ss.addSheet("Lists 'n' more");
  ['Quoted', 'Confirmed', 'Shipped'].forEach((v, i) => lists.set(i + 1, 1, v));
  ss.namedRanges.push({ name: 'StatusList', sheetId: lists.id, range: g(1, 1, 3, 1) });
  ss.namedRanges.push({ name: 'OrderNumbers', sheetId: s.id, range: g(2, 1, 1000, 1) });
  ss.namedRanges.push({ name: 'Cell', sheetId: c.id, range: g(2, 1) });
  return ss;
}

/** Cell values with trailing blanks removed, dates as ISO text (comparable with toEqual). */
function valuesOf(s: SheetModel): unknown[][] {
  const rows = s.values.map((row) => {
    const out = (row ?? []).map((v) => (v instanceof WallDate ? `date:${new Date(v.wall).toISOString()}` : v));
    while (out.length && (out[out.length - 1] === '' || out[out.length - 1] === undefined)) out.pop();
    return out;
  });
  while (rows.length && !rows[rows.length - 1].length) rows.pop();
  return rows;
}

/** A format as it shows (false and absent are the same; 'normal' alignment is the default). */
function shown(f: CellFormat | undefined): CellFormat {
  const out: CellFormat = {};
  if (!f) return out;
  if (f.numberFormat && f.numberFormat !== 'General') out.numberFormat = f.numberFormat;
  if (f.bold) out.bold = true;
  if (f.background) out.background = f.background.toLowerCase();
  if (f.fontColor) out.fontColor = f.fontColor.toLowerCase();
  if (f.wrap) out.wrap = true;
  if (f.hAlign && f.hAlign !== 'normal') out.hAlign = f.hAlign;
  return out;
}

function effectiveFormats(s: SheetModel, rows: number, cols: number): CellFormat[][] {
  const out: CellFormat[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: CellFormat[] = [];
    for (let c = 1; c <= cols; c++) row.push(shown(s.formatAt(r, c)));
    out.push(row);
  }
  return out;
}

async function roundTrip(ss: SpreadsheetModel): Promise<SpreadsheetModel> {
  return importWorkbook(await exportWorkbook(ss), { timeZone: ss.timeZone, locale: ss.locale });
}

async function sheetXml(buf: Buffer, n = 1): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string');
}

describe('exportWorkbook → importWorkbook', () => {
  let before: SpreadsheetModel;
  let after: SpreadsheetModel;

  beforeAll(async () => {
    before = ordersWorkbook();
    after = await roundTrip(before);
  });

  it('keeps sheet order, names, the spreadsheet name and hidden sheets', () => {
    expect(after.sheets.map((s) => s.name)).toEqual(['Orders', '客户 Customers', "Lists 'n' more"]);
    expect(after.name).toBe('跟单 workbook');
    expect(after.sheets.map((s) => s.hidden)).toEqual([false, true, false]);
    expect(after.timeZone).toBe(TZ);
  });

  it('keeps values: numbers, text in any language, booleans, dates, date-times and times', () => {
    for (let i = 0; i < before.sheets.length; i++) expect(valuesOf(after.sheets[i])).toEqual(valuesOf(before.sheets[i]));
    expect(after.sheets[0].get(3, 3)).toEqual(D(2026, 3, 5, 14, 30));
    expect(after.sheets[1].get(2, 3)).toEqual(new WallDate(Date.UTC(1899, 11, 30, 9, 30)));
  });

  it('keeps formulas with their cached results, error results included', () => {
    expect(after.sheets[0].formulas).toEqual(before.sheets[0].formulas);
    expect(after.sheets[0].get(2, 10)).toBe(11875.475);
    expect(after.sheets[0].get(5, 10)).toBe('#N/A');
    expect(after.sheets[0].get(6, 3)).toEqual(D(2026, 3, 3));
  });

  it('keeps notes, including one on an empty cell', () => {
    expect(after.sheets[0].notes).toEqual(before.sheets[0].notes);
  });

  it('keeps per-cell and per-column formats as the cells show them', () => {
    expect(after.sheets[0].columnFormats).toEqual(before.sheets[0].columnFormats);
    expect(effectiveFormats(after.sheets[0], 30, 14)).toEqual(effectiveFormats(before.sheets[0], 30, 14));
    expect(effectiveFormats(after.sheets[1], 3, 3)).toEqual(effectiveFormats(before.sheets[1], 3, 3));
    expect(shown(after.sheets[0].formatAt(1, 2))).toEqual({ bold: true, background: '#fce8e6', fontColor: '#1f1f1f', wrap: true, hAlign: 'center' });
    expect(shown(after.sheets[0].formatAt(500, 3))).toEqual({ numberFormat: 'yyyy-mm-dd' });
  });

  it('keeps frozen rows and columns, widths, hidden rows and columns, merges and tab colour', () => {
    const [a, b] = [after.sheets[0], before.sheets[0]];
    expect([a.frozenRows, a.frozenCols]).toEqual([1, 2]);
    expect(a.columnWidths).toEqual(b.columnWidths);
    expect([...a.hiddenCols]).toEqual([11]);
    expect([...a.hiddenRows]).toEqual([8]);
    expect(a.merges).toEqual(b.merges);
    expect(a.get(13, 2)).toBe('');
    expect(a.tabColor).toBe('#34a853');
    expect(a.maxRows).toBe(1000);
  });

  it('keeps data validations cell for cell', () => {
    const [a, b] = [after.sheets[0], before.sheets[0]];
    expect(flattenValidations(a)).toEqual(flattenValidations(b));
    for (const [r, c] of [[2, 5], [5, 5], [7, 5], [1000, 5], [2, 3], [2, 6], [2, 7], [2, 8], [2, 9], [2, 11], [2, 1], [77, 1], [100, 1], [2, 12], [1, 5], [1001, 5]]) {
      expect([r, c, a.validationAt(r, c)]).toEqual([r, c, b.validationAt(r, c)]);
    }
    // a custom formula stays relative to its range's first cell, as Sheets keeps it
    expect(a.validationAt(77, 1)).toEqual(rule('custom', ['=LEN(A2)>0'], { allowInvalid: true }));
    expect(a.validationAt(2, 12)).toEqual(rule('dateAfter', [Date.UTC(2026, 0, 1) - 8 * 3_600_000]));
  });

  it('keeps conditional formatting rules in order, with ranges, formulas and colours', () => {
    const strip = (s: SheetModel) => s.conditionalRules.map(({ id: _id, ...r }) => r);
    expect(strip(after.sheets[0])).toEqual(strip(before.sheets[0]));
  });

  it('keeps named ranges, whatever the sheet is called', () => {
    const named = (ss: SpreadsheetModel) => ss.namedRanges.map((n) => ({ name: n.name, sheet: ss.sheetById(n.sheetId)?.name, range: n.range }));
    expect(named(after)).toEqual(named(before));
  });

  it('opens again in exceljs with the same cells (a valid package)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportWorkbook(before)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Orders')!.getCell('B2').value).toBe('上海某某贸易有限公司');
  });
});

describe('exportWorkbook', () => {
  it('writes a whole-column validation from row 2 as one range, not 50,000 cells', async () => {
    const ss = new SpreadsheetModel({ timeZone: TZ });
    const s = ss.addSheet('Big');
    s.maxRows = 50_000;
    s.set(1, 1, 'Status');
    s.validations.push({ range: g(2, 1, 50_000, 3), rule: rule('list', ['A', 'B'], { showDropdown: true }) });
    s.validations.push({ range: g(2, 4, 50_000, 4), rule: rule('custom', ['=$A2<>""']) });
    s.validations.push({ range: g(3, 2, 3, 2), rule: null });
    s.columnWidths.set(2, 68);
    const xml = await sheetXml(await exportWorkbook(ss));
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(sqrefs).toEqual(['A2:A50000', 'B2', 'B4:B50000', 'C2:C50000', 'D2:D50000']);
    expect(xml.length).toBeLessThan(5_000);
    const back = (await importWorkbook(await exportWorkbook(ss))).sheets[0];
    expect(back.validationAt(50_000, 3)).toEqual(rule('list', ['A', 'B'], { showDropdown: true }));
    expect(back.validationAt(3, 2)).toBeNull();
    expect(back.validationAt(9_999, 4)).toEqual(rule('custom', ['=$A2<>""']));
    expect(back.maxRows).toBe(50_000);
    expect(back.columnWidths).toEqual(new Map([[2, 68]]));
  });

  it('re-anchors a custom formula when a rule is split into several ranges', () => {
    const s = new SheetModel('S');
    s.validations.push({ range: g(2, 2, 10, 2), rule: rule('custom', ['=AND(B2>$A$1,B2<>"B2",\'My B2\'!B2>0)']) });
    s.validations.push({ range: g(5, 2, 5, 2), rule: null });
    expect(flattenValidations(s).map((v) => [v.range, v.rule.values[0]])).toEqual([
      [g(2, 2, 4, 2), '=AND(B2>$A$1,B2<>"B2",\'My B2\'!B2>0)'],
      [g(6, 2, 10, 2), '=AND(B6>$A$1,B6<>"B2",\'My B2\'!B6>0)'],
    ]);
  });

  it('merges cell-by-cell validations of the same rule into ranges', () => {
    const s = new SheetModel('S');
    for (let r = 2; r <= 400; r++) for (let c = 1; c <= 2; c++) s.validations.push({ range: g(r, c), rule: rule('custom', [`=${c === 1 ? 'A' : 'B'}${r}>0`]) });
    expect(flattenValidations(s)).toEqual([{ range: g(2, 1, 400, 2), rule: rule('custom', ['=A2>0']) }]);
  });

  it('refuses a sheet name .xlsx cannot hold', async () => {
    const ss = new SpreadsheetModel();
    ss.addSheet('Orders: 2026/03');
    await expect(exportWorkbook(ss)).rejects.toThrow(/cannot be written to \.xlsx/);
  });
});

describe('moveFormula', () => {
  it('moves relative references and keeps absolute ones, strings and function names', () => {
    expect(moveFormula('=SUM(A1:B2)+$C$3+C$4+$D5+LOG10(E6)&"F7"', { row: 1, col: 1 }, { row: 3, col: 2 })).toBe('=SUM(B3:C4)+$C$3+D$4+$D7+LOG10(F8)&"F7"');
    expect(moveFormula('=A2', { row: 2, col: 1 }, { row: 1, col: 1 })).toBe('=A1');
    expect(moveFormula('=A1', { row: 2, col: 1 }, { row: 1, col: 1 })).toBe('=#REF!');
  });
});

describe('a large ledger', () => {
  it('exports and imports 20,000 rows × 20 columns in reasonable time', async () => {
    const ss = new SpreadsheetModel({ timeZone: TZ });
    const s = ss.addSheet('Orders');
    const ROWS = 20_000;
    const COLS = 20;
    for (let c = 1; c <= COLS; c++) s.set(1, c, `Column ${c} 列`);
    for (let r = 2; r <= ROWS; r++) {
      for (let c = 1; c <= COLS; c++) {
        const k = c % 5;
        s.set(r, c, k === 0 ? `客户 ${r}-${c}` : k === 1 ? r * 10 + c / 100 : k === 2 ? new WallDate(Date.UTC(2026, 0, 1 + (r % 365))) : k === 3 ? r % 2 === 0 : `SO-${r}`);
      }
    }
    s.maxRows = ROWS + 1000;
    for (let c = 1; c <= COLS; c++) s.formats.set(SheetModel.key(1, c), { bold: true, background: '#eeeeee' });
    s.columnFormats.set(3, { numberFormat: 'yyyy-mm-dd' });
    s.validations.push({ range: g(2, 5, s.maxRows, 5), rule: rule('list', ['A', 'B', 'C']) });
    s.validations.push({ range: g(2, 3, s.maxRows, 3), rule: rule('date', [], { allowInvalid: true }) });
    s.frozenRows = 1;
    const t0 = performance.now();
    const buf = await exportWorkbook(ss);
    const t1 = performance.now();
    const back = await importWorkbook(buf, { timeZone: TZ });
    const t2 = performance.now();
    console.log(`xlsx 20,000 × 20: export ${Math.round(t1 - t0)} ms, import ${Math.round(t2 - t1)} ms, ${(buf.length / 1024 / 1024).toFixed(1)} MB`);
    const b = back.sheets[0];
    expect(b.lastRow()).toBe(ROWS);
    expect(b.lastColumn()).toBe(COLS);
    expect(valuesOf(b)).toEqual(valuesOf(s));
    expect(b.frozenRows).toBe(1);
    expect(b.validationAt(ROWS + 1000, 5)).toEqual(rule('list', ['A', 'B', 'C'], { showDropdown: true }));
    expect(flattenValidations(b)).toHaveLength(2);
    expect(b.formats.size).toBe(COLS);
    expect(t2 - t0).toBeLessThan(60_000);
  });
});

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook as Excel and LibreOffice write them, by hand: shared and inline strings, rich text with phonetic
 *  guides, shared formulas, error values, hyperlinks, whole-column validations, x14 validations, comments, a hidden
 *  filter name, a whole-column name and LibreOffice's 1,025 column definitions. */
async function foreignWorkbook(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ${NS}><workbookPr/><bookViews><workbookView/></bookViews><sheets><sheet name="订单 Orders" sheetId="1" r:id="rId1"/><sheet name="Lists" sheetId="2" r:id="rId2"/></sheets>
<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'订单 Orders'!$A$1:$F$7</definedName><definedName name="Statuses">Lists!$A$1:$A$3</definedName><definedName name="WholeColumn">'订单 Orders'!$B:$B</definedName></definedNames></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/></font><font><b/><sz val="11"/><color rgb="FFFF0000"/><name val="Calibri"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs></styleSheet>`);
  zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6"><si><t>Order</t></si><si><t>Customer</t></si><si><r><rPr><b/></rPr><t>上海</t></r><r><t xml:space="preserve"> 某某贸易 &amp; Co</t></r></si><si><t>Status</t></si><si><t>Quoted</t></si><si><t>example site</t></si></sst>`);
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}><dimension ref="A1:F7"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>
<cols><col min="1" max="1" width="20.7109375" customWidth="1"/><col min="3" max="3" width="12" style="2" customWidth="1"/><col min="6" max="6" width="9.140625" hidden="1" customWidth="1"/></cols>
<sheetData><row r="1" spans="1:6"><c r="A1" t="s" s="3"><v>0</v></c><c r="B1" t="s" s="3"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Date</t></is></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="inlineStr"><is><r><t>Amo</t></r><r><rPr><i/></rPr><t>unt</t></r></is></c></row>
<row r="2"><c r="A2"><v>1001</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="2"><v>46083</v></c><c r="D2" t="s"><v>4</v></c><c r="E2"><v>100.5</v></c><c r="F2"><f>E2*2</f><v>201</v></c></row>
<row r="3"><c r="A3"><v>1002</v></c><c r="B3" t="s"><v>5</v></c><c r="C3" s="1"><v>46084.5</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3"><v>7</v></c><c r="F3"><f t="shared" ref="F3:F5" si="0">E3*2</f><v>14</v></c></row>
<row r="4"><c r="E4"><v>8</v></c><c r="F4"><f t="shared" si="0"/><v>16</v></c></row>
<row r="5"><c r="E5" t="b"><v>1</v></c><c r="F5"><f t="shared" si="0"/><v>2</v></c></row>
<row r="7"><c r="A7" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="B7" t="e"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData>
<mergeCells count="1"><mergeCell ref="A9:B10"/></mergeCells>
<conditionalFormatting sqref="A2:F100"><cfRule type="expression" dxfId="0" priority="1"><formula>$D2="Overdue"</formula></cfRule></conditionalFormatting>
<dataValidations count="3"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" prompt="Pick one" sqref="D2:D1048576"><formula1>Statuses</formula1></dataValidation><dataValidation type="whole" operator="greaterThan" allowBlank="1" showErrorMessage="1" errorStyle="warning" sqref="A2:A1048576"><formula1>1000</formula1></dataValidation><dataValidation type="custom" allowBlank="1" showErrorMessage="1" sqref="E2:E10 G2:G10"><formula1>ISNUMBER(E2)</formula1></dataValidation></dataValidations>
<hyperlinks><hyperlink ref="B3" r:id="rId2"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>H2:H20</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`);
  zip.file('xl/worksheets/_rels/sheet1.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${REL}/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>`);
  zip.file('xl/comments1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Ann</author></authors><commentList><comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>Ann:</t></r><r><t xml:space="preserve">
大客户 &lt;VIP&gt;</t></r></text></comment><comment ref="G6" authorId="0"><text><t>note on an empty cell</t></text></comment></commentList></comments>`);
  zip.file('xl/worksheets/sheet2.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}><sheetPr filterMode="false"><tabColor rgb="FF00B050"/></sheetPr><cols><col collapsed="false" customWidth="false" hidden="false" outlineLevel="0" max="1025" min="1" style="0" width="11.52"/></cols>
<sheetData><row r="1"><c r="A1" t="s"><v>4</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Confirmed</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Shipped</t></is></c></row></sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('importWorkbook on files from other programs', () => {
  let ss: SpreadsheetModel;
  let s: SheetModel;
  const serial = (n: number) => new WallDate(Date.UTC(1899, 11, 30) + Math.round(n * 86_400_000));

  beforeAll(async () => {
    ss = await importWorkbook(await foreignWorkbook(), { timeZone: TZ });
    s = ss.sheets[0];
  });

  it('reads sheets in order with their names', () => {
    expect(ss.sheets.map((x) => x.name)).toEqual(['订单 Orders', 'Lists']);
    expect(ss.sheets[1].tabColor).toBe('#00b050');
  });

  it('reads shared, inline and rich text as plain text, hyperlinks as their text, errors as text', () => {
    expect(s.get(1, 1)).toBe('Order');
    expect(s.get(1, 3)).toBe('Date');
    expect(s.get(1, 5)).toBe('Amount');
    expect(s.get(2, 2)).toBe('上海 某某贸易 & Co');
    expect(s.get(3, 2)).toBe('example site');
    expect(s.get(3, 4)).toBe('#N/A');
    expect(s.get(5, 5)).toBe(true);
    expect(s.get(6, 1)).toBe('');
    expect(ss.sheets[1].get(2, 1)).toBe('Confirmed');
  });

  it('reads dates as wall-clock dates, with or without a chosen format', () => {
    expect(s.get(2, 3)).toEqual(serial(46083));
    expect(s.get(3, 3)).toEqual(serial(46084.5));
    // Excel escapes the hyphens (yyyy\-mm\-dd); exceljs reads the format without the escapes.
    expect(s.formatAt(2, 3)).toEqual({ numberFormat: 'yyyy-mm-dd' });
    expect(shown(s.formatAt(3, 3))).toEqual({});
    expect(s.columnFormats.get(3)).toEqual({ numberFormat: 'yyyy-mm-dd' });
  });

  it('reads formulas, shared formulas spelled out per cell, with cached results', () => {
    expect([s.formulas.get('2,6'), s.get(2, 6)]).toEqual(['=E2*2', 201]);
    expect([s.formulas.get('3,6'), s.formulas.get('4,6'), s.formulas.get('5,6')]).toEqual(['=E3*2', '=E4*2', '=E5*2']);
    expect([s.get(3, 6), s.get(4, 6), s.get(5, 6)]).toEqual([14, 16, 2]);
    expect([s.formulas.get('7,1'), s.get(7, 1)]).toEqual(['="x"&"y"', 'xy']);
    expect([s.formulas.get('7,2'), s.get(7, 2)]).toEqual(['=1/0', '#DIV/0!']);
  });

  it('reads styles, frozen rows, widths, hidden columns and merges', () => {
    expect(shown(s.formatAt(1, 1))).toEqual({ bold: true, fontColor: '#ff0000', background: '#ffff00' });
    expect(s.frozenRows).toBe(1);
    expect([s.columnWidths.get(1), s.columnWidths.get(3), s.columnWidths.get(6)]).toEqual([150, 89, 69]);
    expect([...s.hiddenCols]).toEqual([6]);
    expect(s.merges).toEqual([g(9, 1, 10, 2)]);
    expect(ss.sheets[1].maxCols).toBe(26);
  });

  it('reads notes, including the author line Excel adds and notes on empty cells', () => {
    expect(s.notes.get('2,2')).toBe('Ann:\n大客户 <VIP>');
    expect(s.notes.get('6,7')).toBe('note on an empty cell');
  });

  it('reads whole-column and extension validations without expanding them, resolving list ranges', () => {
    expect(s.maxRows).toBe(1000);
    const statuses = ['Quoted', 'Confirmed', 'Shipped'];
    expect(s.validationAt(1000, 4)).toEqual({ type: 'list', values: statuses, showDropdown: true, allowInvalid: false, helpText: 'Pick one' });
    expect(s.validationAt(1, 4)).toBeNull();
    expect(s.validationAt(2, 1)).toEqual(rule('custom', ['=AND(ISNUMBER(A2),A2=INT(A2),A2>1000)'], { allowInvalid: true }));
    expect(s.validationAt(3, 5)).toEqual(rule('custom', ['=ISNUMBER(E2)']));
    expect(s.validationAt(3, 7)).toEqual(rule('custom', ['=ISNUMBER(G2)']));
    expect(s.validationAt(20, 8)).toEqual({ ...rule('list', statuses), showDropdown: true });
  });

  it('reads formula conditional formats with their colours', () => {
    expect(s.conditionalRules.map(({ id: _id, ...r }) => r)).toEqual([
      { ranges: [g(2, 1, 100, 6)], condition: { type: 'formula', value: '=$D2="Overdue"' }, background: '#ffc7ce', fontColor: '#9c0006' },
    ]);
  });

  it('reads the user\'s defined names and leaves out the program\'s', () => {
    expect(ss.namedRanges.map((n) => ({ name: n.name, sheet: ss.sheetById(n.sheetId)?.name, range: n.range }))).toEqual([
      { name: 'Statuses', sheet: 'Lists', range: g(1, 1, 3, 1) },
      { name: 'WholeColumn', sheet: '订单 Orders', range: g(1, 2, 1000, 2) },
    ]);
  });
});
