// parseLedger: typed records from sheet rows; blank rows skipped, every bad cell reported by its cell and left out
// of its record only, rows without a required value left out, the rest of the sheet read anyway.
import { LEDGERS } from '../../src/domain/ledgers/index';
import type { OrderRecord } from '../../src/domain/ledgers/records';
import { parseLedger, type ParseContext } from '../../src/domain/ledgers/parse';
import { recordSchema } from '../../src/domain/ledgers/record-schema';
import { cellOf, dateCell, expectIssuesNameCells, foreignDate, sheetOf, SHANGHAI } from './ledgers-fixtures';
import { expectWithinBudget } from '../support/cpu-budget';

const ORDERS = LEDGERS.orders;
const ctx: ParseContext = { sheetName: 'Orders', timeZone: SHANGHAI, locale: 'zh_CN' };

const KEYS = ['orderNo', 'customer', 'owner', 'stage', 'status', 'inquiryDate', 'currency', 'totalAmount', 'depositPercent', 'deliveryDate', 'transport', 'notes', 'updated'];
const ORDER_A: Record<string, unknown> = {
  orderNo: 'SO-2026-0001', customer: 'C-0002', owner: 'wang.wei@example.com', stage: 'shipped', status: 'pending', inquiryDate: '2025-11-20',
  currency: 'USD', totalAmount: 29900, depositPercent: 0.3, deliveryDate: '2026-01-20', transport: 'sea', notes: 'B/L copy sent', updated: Date.UTC(2026, 1, 28, 10, 30),
};
const ORDER_B: Record<string, unknown> = { orderNo: 'SO-2026-0002', customer: '上海恒通建材有限公司', stage: 'quoted', currency: 'CNY', depositPercent: 0.5 };

function parseOrders(header: unknown[], rows: unknown[][], over: Partial<ParseContext> = {}) {
  return parseLedger(ORDERS, header, rows, { ...ctx, ...over });
}

describe('parseLedger, a clean sheet', () => {
  it('reads typed records carrying their sheet row', () => {
    const { header, rows } = sheetOf(ORDERS, KEYS, [ORDER_A, ORDER_B]);
    const { records, issues, rejectedRows } = parseOrders(header, rows);
    expect(issues).toEqual([]);
    expect(rejectedRows).toEqual([]);
    expect(records).toEqual([{ _row: 2, ...ORDER_A }, { _row: 3, ...ORDER_B }]);
    const typed: OrderRecord = records[0];
    expect(typed.stage).toBe('shipped');
    for (const r of records) expect(recordSchema(ORDERS).safeParse(r).success).toBe(true);
  });

  it('reads the same records whatever the column order', () => {
    const { header, rows } = sheetOf(ORDERS, [...KEYS].reverse(), [ORDER_A, ORDER_B]);
    expect(parseOrders(header, rows).records).toEqual([{ _row: 2, ...ORDER_A }, { _row: 3, ...ORDER_B }]);
  });

  it('reads Chinese headers and Chinese enum labels', () => {
    const { header, rows } = sheetOf(ORDERS, KEYS, [ORDER_A, ORDER_B], { lang: 'zh' });
    expect(header[3]).toBe('阶段');
    expect(rows[0][3]).toBe('已出货');
    expect(parseOrders(header, rows).records).toEqual([{ _row: 2, ...ORDER_A }, { _row: 3, ...ORDER_B }]);
  });

  it('reads mixed English and Chinese headers, and bilingual ones', () => {
    const { header, rows } = sheetOf(ORDERS, KEYS, [ORDER_A]);
    const mixed = header.map((h, i) => (i === 0 ? '订单编号 Order no.' : i % 2 ? ORDERS.columns.find((c) => c.header.en === h)?.header.zh : h));
    expect(parseOrders(mixed, rows).records).toEqual([{ _row: 2, ...ORDER_A }]);
  });

  it('leaves the user’s own columns out of the records and reports them in the mapping', () => {
    const { header, rows } = sheetOf(ORDERS, ['orderNo', 'customer'], [ORDER_A]);
    const result = parseOrders([header[0], 'Margin', header[1]], [[rows[0][0], 0.25, rows[0][1]]]);
    expect(result.records).toEqual([{ _row: 2, orderNo: 'SO-2026-0001', customer: 'C-0002' }]);
    expect(result.mapping.userColumns).toEqual([{ col: 2, header: 'Margin' }]);
  });

  it('gives a blank order no. as "" (Gendan numbers it) without an issue', () => {
    const result = parseOrders(['Order no.', 'Customer'], [['', 'C-0001']]);
    expect(result.records).toEqual([{ _row: 2, orderNo: '', customer: 'C-0001' }]);
    expect(result.issues).toEqual([]);
  });

  it('numbers rows from firstRow', () => {
    const result = parseOrders(['Order no.', 'Customer', 'Delivery date'], [['SO-1', 'C-1', 'soon']], { firstRow: 40 });
    expect(result.records[0]._row).toBe(40);
    expect(cellOf(result.issues[0])).toBe('C40');
  });
});

describe('parseLedger, blank rows', () => {
  it('skips blank rows in the middle and at the end without an issue, keeping row numbers', () => {
    const { header, rows } = sheetOf(ORDERS, KEYS, [ORDER_A, ORDER_B]);
    const blank = header.map(() => '');
    const result = parseOrders(header, [rows[0], blank, ['  ', ...blank.slice(1)], [], rows[1], blank]);
    expect(result.issues).toEqual([]);
    expect(result.records.map((r) => r._row)).toEqual([2, 6]);
  });

  it('treats a row holding only left-over auto values as blank', () => {
    const result = parseOrders(['Order no.', 'Customer', 'Status', 'Total amount'], [['', '', 'Overdue', 1200]]);
    expect(result.records).toEqual([]);
    expect(result.issues).toEqual([]);
    expect(result.rejectedRows).toEqual([]);
  });
});

describe('parseLedger, bad cells', () => {
  it('reports a bad date by its cell, in both languages, and keeps the rest of the row', () => {
    const header = ['Order no.', 'Customer', 'Owner', 'Stage', 'Status', 'Stage since', 'Payment status', 'Delivery date'];
    const good = ['SO-2026-0001', 'C-0001', 'li.na@example.com', 'Quoted', '', '', '', dateCell('2026-03-20')];
    const rows = Array.from({ length: 11 }, (_, i) => good.map((v, c) => (c === 0 ? `SO-2026-${String(i + 1).padStart(4, '0')}` : v)));
    rows[10][7] = 'next week';
    const result = parseOrders(header, rows);
    expect(result.records).toHaveLength(11);
    expect(result.records[10]).toEqual({ _row: 12, orderNo: 'SO-2026-0011', customer: 'C-0001', owner: 'li.na@example.com', stage: 'quoted' });
    expect(result.issues).toEqual([
      {
        sheet: 'Orders',
        row: 12,
        column: 'H',
        header: 'Delivery date',
        key: 'deliveryDate',
        value: 'next week',
        severity: 'error',
        message: {
          en: 'Orders row 12, column H (Delivery date): "next week" is not a date (use 2026-03-02)',
          zh: 'Orders 第 12 行 H 列（Delivery date）：“next week”不是日期（请写成 2026-03-02）',
        },
      },
    ]);
  });

  it.each([
    ['2026-03-02', '2026-03-02'],
    ['2026/3/2', '2026-03-02'],
    ['2026年3月2日', '2026-03-02'],
    ['02.03.2026', '2026-03-02'],
    ['3/2/2026', '2026-02-03'],
    ['２０２６－０３－０２', '2026-03-02'],
  ])('reads a date typed as text %p in zh_CN as %p', (text, date) => {
    expect(parseOrders(['Order no.', 'Customer', 'Delivery date'], [['SO-1', 'C-1', text]]).records[0].deliveryDate).toBe(date);
  });

  it('reads 3/2/2026 month first when the spreadsheet locale is en_US', () => {
    const result = parseOrders(['Order no.', 'Customer', 'Delivery date'], [['SO-1', 'C-1', '3/2/2026']], { locale: 'en_US' });
    expect(result.records[0].deliveryDate).toBe('2026-03-02');
  });

  it('reads Date cells from another realm as calendar dates in the spreadsheet zone', () => {
    const la = parseOrders(['Order no.', 'Customer', 'Delivery date'], [['SO-1', 'C-1', dateCell('2026-03-02', 'America/Los_Angeles')]], { timeZone: 'America/Los_Angeles' });
    expect(la.records[0].deliveryDate).toBe('2026-03-02');
    const sh = parseOrders(['Order no.', 'Customer', 'Delivery date'], [['SO-1', 'C-1', foreignDate(Date.UTC(2026, 2, 1, 16))]]);
    expect(sh.records[0].deliveryDate).toBe('2026-03-02');
  });

  it('reports text in number columns: an error in a user column, a warning in an auto column', () => {
    const result = parseOrders(['Order no.', 'Customer', 'Total amount', 'Deposit %'], [['SO-1', 'C-1', 'about 500', 'thirty']]);
    expect(result.records).toEqual([{ _row: 2, orderNo: 'SO-1', customer: 'C-1' }]);
    expect(result.issues.map((i) => [cellOf(i), i.key, i.severity, i.message.en])).toEqual([
      ['C2', 'totalAmount', 'warning', 'Orders row 2, column C (Total amount): "about 500" is not a number'],
      ['D2', 'depositPercent', 'error', 'Orders row 2, column D (Deposit %): "thirty" is not a percentage (use 30%)'],
    ]);
  });

  it('reads full-width digits, currency symbols and percents', () => {
    const result = parseOrders(['Order no.', 'Customer', 'Total amount', 'Deposit %', 'Production progress %'], [['ＳＯ－１', 'C-1', '１２，３４５．６', '３０％', 60]]);
    expect(result.issues).toEqual([]);
    expect(result.records[0]).toMatchObject({ orderNo: 'ＳＯ－１', totalAmount: 12345.6, depositPercent: 0.3, productionProgress: 0.6 });
    const money = parseOrders(['Order no.', 'Customer', 'Total amount'], [['SO-1', 'C-1', 'USD 1,200.50'], ['SO-2', 'C-1', '¥1200'], ['SO-3', 'C-1', '$1,200']]);
    expect(money.records.map((r) => r.totalAmount)).toEqual([1200.5, 1200, 1200]);
  });

  it('warns about formula text in auto columns and reports formula errors', () => {
    const result = parseOrders(['Order no.', 'Customer', 'Total amount', 'Deposit %', 'Status'], [['SO-1', 'C-1', '=SUM(Lines!K2:K9)', '#REF!', '=IF(A1,"Done")']]);
    expect(result.records).toEqual([{ _row: 2, orderNo: 'SO-1', customer: 'C-1' }]);
    expect(result.issues.map((i) => [cellOf(i), i.severity, i.message.en])).toEqual([
      ['C2', 'warning', 'Orders row 2, column C (Total amount): "=SUM(Lines!K2:K9)" looks like a formula; Gendan fills this column itself and will replace it'],
      ['D2', 'error', 'Orders row 2, column D (Deposit %): shows the formula error #REF!'],
      ['E2', 'warning', 'Orders row 2, column E (Status): "=IF(A1,"Done")" looks like a formula; Gendan fills this column itself and will replace it'],
    ]);
  });

  it('keeps formula-like text in the user’s text columns as typed', () => {
    const result = parseOrders(['Order no.', 'Customer', 'Notes'], [['SO-1', 'C-1', '=ask factory']]);
    expect(result.records[0].notes).toBe('=ask factory');
    expect(result.issues).toEqual([]);
  });

  it('refuses values the record schema does not allow: emails, ranges, whole numbers, enum labels', () => {
    const result = parseOrders(['Order no.', 'Customer', 'Owner', 'Deposit %', 'Stage', 'Transport'], [
      ['SO-1', 'C-1', 'Li Na', '130%', 'Shippped', 'by camel'],
      ['SO-2', 'C-1', 'li.na@example.com; wang.wei@example.com', -0.2, 'shipped', 'Sea freight'],
    ]);
    expect(result.records).toEqual([
      { _row: 2, orderNo: 'SO-1', customer: 'C-1' },
      { _row: 3, orderNo: 'SO-2', customer: 'C-1', stage: 'shipped', transport: 'sea' },
    ]);
    expect(result.issues.map((i) => [cellOf(i), i.message.en])).toEqual([
      ['C2', 'Orders row 2, column C (Owner): "Li Na" is not an email address'],
      ['D2', 'Orders row 2, column D (Deposit %): "130%" is outside 0% to 100%'],
      ['E2', 'Orders row 2, column E (Stage): "Shippped" is not one of: Inquiry, Quoted, Contracted, Deposit received, In production, Ready to ship, Shipped, Balance received, Completed, Lost'],
      ['F2', 'Orders row 2, column F (Transport): "by camel" is not one of: Sea, Air, Rail, Truck, Express'],
      ['C3', 'Orders row 3, column C (Owner): "li.na@example.com; wang.wei@example.com" must be a single email address'],
      ['D3', 'Orders row 3, column D (Deposit %): "-0.2" is outside 0% to 100%'],
    ]);
    expect(result.issues[2].message.zh).toBe(
      'Orders 第 2 行 E 列（Stage）：“Shippped”不在可选值中：询盘、已报价、已签约、已收定金、生产中、待出货、已出货、已收余款、已完成、已终止',
    );
  });

  it('reports the same refused value in every row it appears in', () => {
    const rows = Array.from({ length: 3 }, (_, i) => [`SO-${i}`, 'C-1', 'Li Na']);
    const result = parseOrders(['Order no.', 'Customer', 'Owner'], rows);
    expect(result.issues.map(cellOf)).toEqual(['C2', 'C3', 'C4']);
    expect(result.records.map((r) => r.owner)).toEqual([undefined, undefined, undefined]);
  });

  it('reports a number that is not whole in an integer column', () => {
    const result = parseLedger(LEDGERS.orderLines, ['Order no.', 'Line', 'Quantity'], [['SO-1', 1.5, 100]], { ...ctx, sheetName: 'Order lines' });
    expect(result.records).toEqual([{ _row: 2, orderNo: 'SO-1', quantity: 100 }]);
    expect(result.issues[0].message.en).toBe('Order lines row 2, column B (Line): "1.5" is not a whole number');
  });

  it('reports a required value that is missing and leaves that row out, reading the others', () => {
    const result = parseOrders(['Order no.', 'Customer', 'Stage'], [['SO-1', '', 'Quoted'], ['SO-2', 'C-2', 'Quoted'], ['SO-3', '#N/A', 'Quoted']]);
    expect(result.records.map((r) => r.orderNo)).toEqual(['SO-2']);
    expect(result.rejectedRows).toEqual([2, 4]);
    expect(result.issues.map((i) => [cellOf(i), i.severity, i.message.en])).toEqual([
      ['B2', 'error', 'Orders row 2, column B (Customer): is required but empty; the row is skipped until this is fixed'],
      ['B4', 'error', 'Orders row 4, column B (Customer): shows the formula error #N/A; the row is skipped until this is fixed'],
    ]);
    expect(result.issues[0].message.zh).toBe('Orders 第 2 行 B 列（Customer）：必填，但为空；修正前此行不会被处理');
  });

  it('reports a missing required column once, at the header, and reads no rows', () => {
    const result = parseOrders(['Order no.', 'Client company', 'Stage'], [['SO-1', 'C-1', 'Quoted'], ['SO-2', 'C-2', 'Quoted']]);
    expect(result.records).toEqual([]);
    expect(result.rejectedRows).toEqual([2, 3]);
    expect(result.mapping.missingRequired).toEqual(['customer']);
    expect(result.mapping.userColumns).toEqual([{ col: 2, header: 'Client company' }]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ row: 1, column: 'D', key: 'customer', severity: 'error' });
  });

  it('reads records without a renamed optional column', () => {
    const result = parseOrders(['Order no.', 'Customer', 'Delivery when'], [['SO-1', 'C-1', '2026-03-02']]);
    expect(result.records).toEqual([{ _row: 2, orderNo: 'SO-1', customer: 'C-1' }]);
    expect(result.mapping.missing).toContain('deliveryDate');
    expect(result.mapping.missingRequired).toEqual([]);
  });

  it('reads the first of two columns with the same header', () => {
    const result = parseOrders(['Order no.', 'Customer', 'Stage', '阶段'], [['SO-1', 'C-1', 'Quoted', 'Lost']]);
    expect(result.records[0].stage).toBe('quoted');
    expect(result.mapping.duplicates).toEqual([{ key: 'stage', cols: [3, 4] }]);
    expect(result.issues.map((i) => [cellOf(i), i.severity])).toEqual([['D1', 'warning']]);
  });

  it('ignores values under the blank tail of a merged header cell', () => {
    const result = parseOrders(['Order no.', '', 'Customer'], [['SO-1', 'part 2', 'C-1']]);
    expect(result.records).toEqual([{ _row: 2, orderNo: 'SO-1', customer: 'C-1' }]);
    expect(result.issues).toEqual([]);
  });

  it('parses 50,000-character cells quickly: kept in text columns, refused elsewhere with a short value', () => {
    const huge = 'x'.repeat(50_000);
    const started = Date.now();
    const result = parseOrders(['Order no.', 'Customer', 'Notes', 'Delivery date', 'Owner', 'Total amount', 'Stage', 'Updated'], [['SO-1', 'C-1', huge, huge, huge, huge, huge, huge]]);
    expectWithinBudget('parsing 50,000-character cells', Date.now() - started, 200);
    expect(result.records[0].notes).toHaveLength(50_000);
    expect(result.issues.map((i) => [cellOf(i), i.value.length])).toEqual([
      ['D2', 80],
      ['E2', 80],
      ['F2', 80],
      ['G2', 80],
      ['H2', 80],
    ]);
    expectIssuesNameCells(result.issues);
  });

  it('warns about a lesson longer than 50 characters and keeps it', () => {
    const lesson = '价格谈判前先了解竞争对手的报价和交期，再决定让步幅度，并且把每次让步换成客户的承诺，例如更大的数量或更短的付款期';
    const result = parseLedger(LEDGERS.contacts, ['Date', 'Customer', 'Lesson'], [['2026-03-02', 'C-1', lesson]], { ...ctx, sheetName: '沟通记录' });
    expect(result.records[0].lesson).toBe(lesson);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ severity: 'warning', column: 'C', key: 'lesson' });
    expect(result.issues[0].message.zh).toBe(`沟通记录 第 2 行 C 列（Lesson）：共 ${lesson.length} 个字符；请控制在 50 个字符以内`);
  });

  it('names the cell of every issue in a messy sheet, and never stops at a bad row', () => {
    const header = ['Order no.', '客户', 'Stage', 'Deposit %', 'Delivery date', 'Owner', 'Status', 'Stage', 'Updated'];
    const rows: unknown[][] = [
      ['SO-1', 'C-1', 'Quoted', '30%', '2026-03-02', 'li.na@example.com', '', '', ''],
      ['SO-2', '', 'bogus', 'x', 'never', 'nobody', '=X', '', 'yesterday'],
      ['', '', '', '', '', '', 'Overdue', '', ''],
      ['SO-4', 'C-4', '已签约', 0.3, 46083, 'Wang <wang.wei@example.com>', '', '', foreignDate(Date.UTC(2026, 2, 1))],
    ];
    const result = parseOrders(header, rows);
    expect(result.records.map((r) => r.orderNo)).toEqual(['SO-1', 'SO-4']);
    expect(result.records[1]).toMatchObject({ stage: 'contracted', depositPercent: 0.3, deliveryDate: '2026-03-02', owner: 'wang.wei@example.com', updated: Date.UTC(2026, 2, 1) });
    expect(result.issues.length).toBeGreaterThanOrEqual(7);
    expectIssuesNameCells(result.issues);
  });
});

describe('parseLedger, other ledgers', () => {
  it('reads checkboxes typed as 是/否 and counts that Sheets turned into dates', () => {
    const as = parseLedger(LEDGERS.afterSales, ['登记日期', '已电话联系', '已归位', '售后类型'], [['2026-03-01', '是', '否', '差评']], { ...ctx, sheetName: '售后登记' });
    expect(as.records).toEqual([{ _row: 2, caseNo: '', date: '2026-03-01', calledCustomer: true, restocked: false, type: 'bad-review' }]);
    const pipe = parseLedger(LEDGERS.pipeline, ['Project name', 'Checklist done'], [['Tower', dateCell('2026-03-05', 'America/Los_Angeles')]], {
      sheetName: 'Pipeline',
      timeZone: 'America/Los_Angeles',
      locale: 'en_US',
    });
    expect(pipe.records[0].checklistDone).toBe('3/5');
  });

  it('normalises time zones, languages and currencies in customer rows', () => {
    const result = parseLedger(LEDGERS.customers, ['Customer name', 'Time zone', 'Language', 'Email'], [
      ['Al Noor', 'asia/riyadh', 'Arabic', 'a@x.com; b@y.com'],
      ['Nowhere Ltd', 'Mars/Olympus', 'Klingon', 'not mail'],
    ], { ...ctx, sheetName: 'Customers' });
    expect(result.records[0]).toEqual({ _row: 2, customerId: '', name: 'Al Noor', timeZone: 'Asia/Riyadh', language: 'ar', email: 'a@x.com, b@y.com' });
    expect(result.records[1]).toEqual({ _row: 3, customerId: '', name: 'Nowhere Ltd' });
    expect(result.issues.map((i) => i.message.en)).toEqual([
      'Customers header row 1: the required column "Customer ID" is missing; add it (for example in E1) or rename a column to it',
      'Customers row 3, column B (Time zone): "Mars/Olympus" is not a time zone (use a name like Asia/Riyadh)',
      'Customers row 3, column C (Language): "Klingon" is not a language (use a code like en, zh, es)',
      'Customers row 3, column D (Email): "not mail" is not an email address',
    ]);
  });

  it('reads times and reminder-log instants', () => {
    const contacts = parseLedger(LEDGERS.contacts, ['Date', 'Time', 'Customer', 'Channel'], [['2026-03-02', '下午3点半', 'C-1', '面谈']], { ...ctx, sheetName: 'Contact log' });
    expect(contacts.records[0]).toMatchObject({ time: '15:30', channel: 'face-to-face' });
    const log = parseLedger(LEDGERS.reminderLog, ['Key', 'Rule', 'When', 'Recipient'], [['k1', 'goods-late', '2026-03-02 08:00', 'li.na@example.com']], { ...ctx, sheetName: 'Reminder log' });
    expect(log.records[0]).toEqual({ _row: 2, key: 'k1', rule: 'goods-late', when: Date.UTC(2026, 2, 2, 0), recipient: 'li.na@example.com' });
  });
});

describe('parseLedger with a column projection', () => {
  const FIELDS = ['stage', 'totalAmount', 'deliveryDate'];

  it('reads only the fields asked for, with the required fields and the ID, and says which it read', () => {
    const { header, rows } = sheetOf(ORDERS, KEYS, [ORDER_A, ORDER_B]);
    const result = parseOrders(header, rows, { fields: FIELDS });
    expect(result.fields?.sort()).toEqual(['customer', 'deliveryDate', 'orderNo', 'stage', 'totalAmount']);
    expect(result.records).toEqual([
      { _row: 2, orderNo: 'SO-2026-0001', customer: 'C-0002', stage: 'shipped', totalAmount: 29900, deliveryDate: '2026-01-20' },
      { _row: 3, orderNo: 'SO-2026-0002', customer: '上海恒通建材有限公司', stage: 'quoted', totalAmount: undefined, deliveryDate: undefined },
    ]);
    // Only the projected fields are present (a full parse has every field, undefined when blank).
    expect(Object.keys(result.records[0]).sort()).toEqual(['_row', 'customer', 'deliveryDate', 'orderNo', 'stage', 'totalAmount']);
    expect(parseOrders(header, rows).fields).toBeUndefined();
  });

  it('tells blank rows as a full parse does: a row with content only in a column not read is still a row', () => {
    const { header, rows } = sheetOf(ORDERS, KEYS, [ORDER_A, { notes: 'typed in notes only' }, {}, ORDER_B]);
    const full = parseOrders(header, rows);
    const projected = parseOrders(header, rows, { fields: FIELDS });
    expect(full.records.map((r) => r._row)).toEqual([2, 5]);
    expect(full.rejectedRows).toEqual([3]);
    expect(projected.records.map((r) => r._row)).toEqual([2, 5]);
    // Row 3 lacks the required customer: reported and rejected, not skipped as blank.
    expect(projected.rejectedRows).toEqual([3]);
    expect(projected.issues.map((i) => [cellOf(i), i.key])).toEqual(full.issues.map((i) => [cellOf(i), i.key]));
  });

  it('reports the bad cells of the columns it reads, and of no other column', () => {
    const { header, rows } = sheetOf(ORDERS, KEYS, [ORDER_A, ORDER_B]);
    const at = (key: string) => KEYS.indexOf(key);
    rows[0][at('deliveryDate')] = 'next Tuesday-ish';
    rows[0][at('depositPercent')] = 'a lot';
    rows[1][at('customer')] = '';
    const full = parseOrders(header, rows);
    const projected = parseOrders(header, rows, { fields: FIELDS });
    expect(full.issues.map(cellOf).sort()).toEqual(['B3', 'I2', 'J2']);
    // The required Customer is always read: its row is rejected as in a full parse.
    expect(projected.issues.map(cellOf).sort()).toEqual(['B3', 'J2']);
    expect(projected.rejectedRows).toEqual([3]);
    expect(projected.records).toEqual([{ _row: 2, orderNo: 'SO-2026-0001', customer: 'C-0002', stage: 'shipped', totalAmount: 29900, deliveryDate: undefined }]);
  });
});
