// Header mapping: columns are found by their text in English or Chinese wherever they are; everything else is the
// user's and is only reported.
import { columnForHeader, columnLetter, mapHeaders, normalizeHeader } from '../../src/domain/ledgers/header-mapping';
import { LEDGERS } from '../../src/domain/ledgers/index';
import { cellOf, expectIssuesNameCells } from './ledgers-fixtures';

const ORDERS = LEDGERS.orders;

describe('normalizeHeader', () => {
  it.each([
    ['Order no.', 'orderno'],
    ['  ORDER   NO ', 'orderno'],
    ['Ｏｒｄｅｒ　Ｎｏ．', 'orderno'],
    ['Order No.：（自动）', 'orderno'],
    ['Status (auto)', 'status'],
    ['Status [AUTO]', 'status'],
    ['*Customer name*', 'customername'],
    ['交货日期：', '交货日期'],
    ['客户名称*', '客户名称'],
    ['Deposit %', 'deposit%'],
    ['PO#', 'po#'],
    ['  ', ''],
    [null, ''],
    [42, '42'],
  ])('%p → %p', (text, expected) => {
    expect(normalizeHeader(text)).toBe(expected);
  });
});

describe('columnLetter', () => {
  it.each([[1, 'A'], [8, 'H'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA']])('%p → %p', (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
  });
});

describe('columnForHeader', () => {
  it.each([
    ['Order no.', 'orderNo'],
    ['订单编号', 'orderNo'],
    ['订单号', 'orderNo'],
    ['PO#', 'orderNo'],
    ['order number', 'orderNo'],
    ['orderNo', 'orderNo'],
    ['交货日期', 'deliveryDate'],
    ['Delivery Date:', 'deliveryDate'],
    ['Status (auto)', 'status'],
    ['状态（自动）', 'status'],
    ['Customer name 客户名称', 'customer'],
    ['订单编号 Order no.', 'orderNo'],
    ['Order no. / 订单编号', 'orderNo'],
    ['订单编号\nOrder No', 'orderNo'],
  ])('%p names %p', (text, key) => {
    expect(columnForHeader(ORDERS, text)?.key).toBe(key);
  });

  it.each([['Customer 评级'], ['客户 Notes'], ['My own column'], ['']])('%p names no column', (text) => {
    expect(columnForHeader(ORDERS, text)).toBeUndefined();
  });
});

describe('mapHeaders', () => {
  const template = ORDERS.columns.map((c) => c.header.en);

  it('maps the template header to columns 1…n with nothing missing', () => {
    const m = mapHeaders(ORDERS, template);
    ORDERS.columns.forEach((c, i) => expect(m.byKey[c.key]).toBe(i + 1));
    expect(m.missing).toEqual([]);
    expect(m.missingRequired).toEqual([]);
    expect(m.userColumns).toEqual([]);
    expect(m.duplicates).toEqual([]);
    expect(m.issues).toEqual([]);
  });

  it('finds columns wherever they were moved', () => {
    const reversed = [...template].reverse();
    const m = mapHeaders(ORDERS, reversed);
    const n = template.length;
    ORDERS.columns.forEach((c, i) => expect(m.byKey[c.key]).toBe(n - i));
  });

  it('reads Chinese headers and mixed English/Chinese headers alike', () => {
    const zh = mapHeaders(ORDERS, ORDERS.columns.map((c) => c.header.zh));
    const mixed = mapHeaders(ORDERS, ORDERS.columns.map((c, i) => (i % 2 ? c.header.zh : c.header.en)));
    expect(zh.byKey).toEqual(mapHeaders(ORDERS, template).byKey);
    expect(mixed.byKey).toEqual(zh.byKey);
    expect(zh.missing).toEqual([]);
  });

  it('reports the user’s own columns and never maps them', () => {
    const m = mapHeaders(ORDERS, ['Order no.', 'Customer', 'Margin check', '我的备注', 'Stage']);
    expect(m.userColumns).toEqual([
      { col: 3, header: 'Margin check' },
      { col: 4, header: '我的备注' },
    ]);
    expect(m.byKey).toEqual({ orderNo: 1, customer: 2, stage: 5 });
  });

  it('skips blank header cells, including the tail of a merged header cell', () => {
    const m = mapHeaders(ORDERS, ['Order no.', '', '', 'Customer', null, '  ', 'Stage']);
    expect(m.byKey).toEqual({ orderNo: 1, customer: 4, stage: 7 });
    expect(m.userColumns).toEqual([]);
  });

  it('turns a renamed header into a user column and reports a required one as missing, naming a cell to add it', () => {
    const header = template.map((h) => (h === 'Customer' ? 'Client company' : h === 'Delivery date' ? 'Delivery when' : h));
    const m = mapHeaders(ORDERS, header, { sheetName: '订单' });
    expect(m.userColumns.map((u) => u.header)).toEqual(['Client company', 'Delivery when']);
    expect(m.missingRequired).toEqual(['customer']);
    expect(m.missing).toEqual(['customer', 'deliveryDate']);
    expect(m.issues).toHaveLength(1);
    const issue = m.issues[0];
    expect(issue).toMatchObject({ sheet: '订单', row: 1, key: 'customer', severity: 'error', column: columnLetter(template.length + 1) });
    expect(issue.message.en).toBe(`订单 header row 1: the required column "Customer" is missing; add it (for example in ${cellOf(issue)}) or rename a column to it`);
    expect(issue.message.zh).toBe(`订单 表头第 1 行：缺少必填列“客户”；请添加（例如在 ${cellOf(issue)}）或把某一列改名为它`);
    expectIssuesNameCells(m.issues);
  });

  it('uses the first of two columns with the same header and warns about the second', () => {
    const m = mapHeaders(ORDERS, ['Order no.', 'Customer', 'Stage', 'Notes', '阶段']);
    expect(m.byKey.stage).toBe(3);
    expect(m.duplicates).toEqual([{ key: 'stage', cols: [3, 5] }]);
    expect(m.issues).toHaveLength(1);
    expect(m.issues[0]).toMatchObject({ row: 1, column: 'E', header: '阶段', key: 'stage', severity: 'warning' });
    expect(m.issues[0].message.en).toBe('Orders row 1, column E (阶段): this column is also "阶段", like column C; Gendan uses column C and ignores this one');
    expectIssuesNameCells(m.issues);
  });

  it('reports missing columns of every ledger against an empty header', () => {
    for (const ledger of Object.values(LEDGERS)) {
      const m = mapHeaders(ledger, []);
      expect(m.missing).toEqual(ledger.columns.map((c) => c.key));
      expect(m.missingRequired).toEqual(ledger.columns.filter((c) => c.required).map((c) => c.key));
    }
  });

  it('handles a 50,000-character header cell as a user column', () => {
    const m = mapHeaders(ORDERS, ['Order no.', 'h'.repeat(50_000)]);
    expect(m.userColumns).toHaveLength(1);
    expect(m.byKey).toEqual({ orderNo: 1 });
  });
});
