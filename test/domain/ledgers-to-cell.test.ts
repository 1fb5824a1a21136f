// toCellValue / escapeFormulaText: what Gendan writes into a ledger cell, and text protected from becoming a formula.
import { LEDGERS } from '../../src/domain/ledgers/index';
import { escapeFormulaText, toCellValue } from '../../src/domain/ledgers/parse';
import { protectText } from '../../src/domain/ledgers/to-cell-value';
import { SETTINGS_SHEET } from '../../src/domain/ledgers/settings-sheet';
import { column, SHANGHAI } from './ledgers-fixtures';
import { expectWithinBudget } from '../support/cpu-budget';

const en = { timeZone: SHANGHAI, lang: 'en' as const };
const zh = { timeZone: SHANGHAI, lang: 'zh' as const };
const orders = (key: string) => column(LEDGERS.orders, key);

describe('escapeFormulaText', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ['+86 574 8765 4321', "'+86 574 8765 4321"],
    ['-5% discount', "'-5% discount"],
    ['@channel', "'@channel"],
    ['\tTab', "'\tTab"],
    ['\rReturn', "'\rReturn"],
    ['plain text', 'plain text'],
    ['a = b', 'a = b'],
    ['', ''],
  ])('%p → %p', (text, expected) => {
    expect(escapeFormulaText(text)).toBe(expected);
  });
});

describe('protectText', () => {
  it.each([
    ['007', "'007"],
    ['2026-03-02', "'2026-03-02"],
    ['3/5', "'3/5"],
    ['TRUE', "'TRUE"],
    ['1,200', "'1,200"],
    ['SO-2026-0001', 'SO-2026-0001'],
    ['Ningbo', 'Ningbo'],
    ['---', "'---"],
  ])('%p → %p', (text, expected) => {
    expect(protectText(text)).toBe(expected);
  });

  it('stays fast on a 50,000-character text that is almost a number', () => {
    const started = Date.now();
    expect(protectText(`${'1'.repeat(50_000)}x`)).toHaveLength(50_001);
    expectWithinBudget('protecting a 50,000-character text', Date.now() - started, 50);
  });
});

describe('toCellValue', () => {
  it('writes dates as Dates at local midnight in the spreadsheet zone', () => {
    const d = toCellValue(orders('deliveryDate'), '2026-03-02', en) as Date;
    expect(d.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    const la = toCellValue(orders('deliveryDate'), '2026-03-02', { timeZone: 'America/Los_Angeles', lang: 'en' }) as Date;
    expect(la.toISOString()).toBe('2026-03-02T08:00:00.000Z');
  });

  it('writes instants as Dates and numbers as numbers', () => {
    expect((toCellValue(orders('updated'), Date.UTC(2026, 2, 2, 6, 30), en) as Date).getTime()).toBe(Date.UTC(2026, 2, 2, 6, 30));
    expect(toCellValue(orders('totalAmount'), 12345.6, en)).toBe(12345.6);
    expect(toCellValue(orders('depositPercent'), 0.3, en)).toBe(0.3);
    expect(toCellValue(orders('totalAmount'), Number.NaN, en)).toBe('');
  });

  it('writes enum codes as labels in the workbook language', () => {
    expect(toCellValue(orders('stage'), 'quoted', en)).toBe('Quoted');
    expect(toCellValue(orders('stage'), 'quoted', zh)).toBe('已报价');
    expect(toCellValue(orders('paymentStatus'), 'balance-overdue', zh)).toBe('尾款逾期');
    expect(toCellValue(column(LEDGERS.followUps, 'status'), 'in-progress', en)).toBe('In progress');
  });

  it('writes times as typed text, checkboxes as booleans, blanks as ""', () => {
    expect(toCellValue(column(LEDGERS.contacts, 'time'), '09:30', en)).toBe('09:30');
    expect(toCellValue(column(LEDGERS.afterSales, 'calledCustomer'), true, en)).toBe(true);
    expect(toCellValue(orders('notes'), undefined, en)).toBe('');
    expect(toCellValue(orders('notes'), null, en)).toBe('');
    expect(toCellValue(orders('notes'), '', en)).toBe('');
  });

  it('protects text from outside: formulas escaped, numbers and dates kept as text', () => {
    expect(toCellValue(orders('notes'), '=IMPORTXML("http://x")', en)).toBe('\'=IMPORTXML("http://x")');
    expect(toCellValue(column(LEDGERS.customers, 'phone'), '+966 13 555 0198', en)).toBe("'+966 13 555 0198");
    expect(toCellValue(column(LEDGERS.products, 'hsCode'), '0302420000', en)).toBe("'0302420000");
    expect(toCellValue(column(LEDGERS.pipeline, 'checklistDone'), '3/5', en)).toBe("'3/5");
    expect(toCellValue(orders('customer'), 'Pacific Home Supply Inc.', en)).toBe('Pacific Home Supply Inc.');
  });

  it('falls back to protected text for a value of the wrong type', () => {
    expect(toCellValue(orders('deliveryDate'), 'soon', en)).toBe('soon');
    expect(toCellValue(orders('stage'), 'unknown-stage', en)).toBe('unknown-stage');
    expect(toCellValue(orders('totalAmount'), '=1+1', en)).toBe("'=1+1");
  });

  it('passes raw setting values through, protecting text', () => {
    const value = SETTINGS_SHEET.columns[1];
    expect(toCellValue(value, 30, en)).toBe(30);
    expect(toCellValue(value, false, en)).toBe(false);
    expect(toCellValue(value, '+86 574', en)).toBe("'+86 574");
  });
});
