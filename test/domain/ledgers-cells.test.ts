// Cell readers: every representation Apps Script hands over or people type, and the reason when a value is not one.
import {
  canonicalTimeZone,
  CellError,
  currencyCode,
  displayCell,
  isBlankCell,
  isDateValue,
  languageCode,
  readCheckbox,
  readDate,
  readDateTime,
  readEmail,
  readEnum,
  readFraction,
  readNumber,
  readPercent,
  readText,
  readTime,
  usesDecimalComma,
  type CellContext,
} from '../../src/domain/ledgers/cell-parsers';
import { ORDER_STAGE_OPTIONS } from '../../src/domain/ledgers/enum-labels';
import { startOfLocalDate, wallToInstant } from '../../src/domain/time/zone';
import { dateCell, foreignDate, SHANGHAI } from './ledgers-fixtures';
import { expectWithinBudget } from '../support/cpu-budget';

const zh: CellContext = { timeZone: SHANGHAI, locale: 'zh_CN' };
const us: CellContext = { timeZone: 'America/Los_Angeles', locale: 'en_US' };
const de: CellContext = { timeZone: 'Europe/Berlin', locale: 'de_DE' };
const gb: CellContext = { timeZone: 'Europe/London', locale: 'en_GB' };

function failure(v: unknown): string {
  expect(v).toBeInstanceOf(CellError);
  return (v as CellError).id;
}

describe('isDateValue', () => {
  it('recognises Dates from another realm, where instanceof fails', () => {
    const d = foreignDate(0);
    expect(d instanceof Date).toBe(false);
    expect(isDateValue(d)).toBe(true);
    expect(isDateValue('2026-03-02')).toBe(false);
    expect(isDateValue(46083)).toBe(false);
  });
});

describe('isBlankCell', () => {
  it.each([['', true], ['   ', true], ['\u3000', true], [null, true], [undefined, true], [0, false], [false, false], [' x ', false]])('%p → %p', (v, blank) => {
    expect(isBlankCell(v)).toBe(blank);
  });
});

describe('readDate', () => {
  it.each([
    ['ISO', '2026-03-02', zh, '2026-03-02'],
    ['slashes, no zero padding', '2026/3/2', zh, '2026-03-02'],
    ['Chinese', '2026年3月2日', zh, '2026-03-02'],
    ['Chinese with spaces', '2026 年 3 月 2 日', zh, '2026-03-02'],
    ['full-width Chinese', '２０２６年３月２日', zh, '2026-03-02'],
    ['dotted, always day first', '02.03.2026', us, '2026-03-02'],
    ['month first in en_US', '3/2/2026', us, '2026-03-02'],
    ['day first in zh_CN', '3/2/2026', zh, '2026-02-03'],
    ['day first in en_GB', '3/2/2026', gb, '2026-02-03'],
    ['day first with dashes in de_DE', '02-03-2026', de, '2026-03-02'],
    ['the only real reading wins (13 is no month)', '13/2/2026', us, '2026-02-13'],
    ['two-digit year', '2/3/26', gb, '2026-03-02'],
    ['day month-name year', '2 Mar 2026', zh, '2026-03-02'],
    ['month-name day, year', 'March 2, 2026', zh, '2026-03-02'],
    ['compact text', '20260302', zh, '2026-03-02'],
    ['with a time after it', '2026-03-02 14:30', zh, '2026-03-02'],
    ['an ISO instant is read in the spreadsheet zone', '2026-03-01T20:00:00Z', zh, '2026-03-02'],
    ['an ISO instant with an offset', '2026-03-02T01:00:00+09:00', us, '2026-03-01'],
  ])('%s: %p', (_name, text, ctx, expected) => {
    expect(readDate(text, ctx)).toBe(expected);
  });

  it('reads a Date as the calendar date in the spreadsheet zone', () => {
    const instant = Date.UTC(2026, 2, 1, 17, 0); // 01:00 on 2 March in Shanghai, 09:00 on 1 March in Los Angeles
    expect(readDate(foreignDate(instant), zh)).toBe('2026-03-02');
    expect(readDate(foreignDate(instant), us)).toBe('2026-03-01');
    expect(readDate(dateCell('2026-03-02', 'America/Los_Angeles'), us)).toBe('2026-03-02');
  });

  it('reads serial numbers and yyyymmdd numbers', () => {
    expect(readDate(46083, zh)).toBe('2026-03-02');
    expect(readDate(46083.75, zh)).toBe('2026-03-02');
    expect(readDate(20260302, zh)).toBe('2026-03-02');
  });

  it('memoises instants per parse run without changing results', () => {
    const ctx: CellContext = { ...zh, dateMemo: new Map() };
    const d = dateCell('2026-03-02');
    expect(readDate(d, ctx)).toBe('2026-03-02');
    expect(readDate(d, ctx)).toBe('2026-03-02');
    expect(ctx.dateMemo?.size).toBe(1);
  });

  it.each([
    ['text', 'next week', 'cell.notDate'],
    ['no such day', '2026-02-30', 'cell.noSuchDate'],
    ['no such day, slashed', '31/2/2026', 'cell.noSuchDate'],
    ['garbage after the date', '2026-03-02 maybe', 'cell.notDate'],
    ['a boolean', true, 'cell.notDate'],
    ['a negative number', -3, 'cell.notDate'],
    ['an invalid Date', foreignDate(NaN), 'cell.notDate'],
    ['a month name that is none', '2 Foo 2026', 'cell.notDate'],
  ])('refuses %s', (_name, v, id) => {
    expect(failure(readDate(v, zh))).toBe(id);
  });

  it('fails at once on a 50,000-character cell', () => {
    const started = Date.now();
    expect(failure(readDate('2'.repeat(50_000), zh))).toBe('cell.notDate');
    expectWithinBudget('a 50,000-character date cell', Date.now() - started, 50);
  });
});

describe('readDateTime', () => {
  it('reads Dates, text in the spreadsheet zone, ISO instants, serials and epoch milliseconds', () => {
    const at = Date.UTC(2026, 2, 2, 6, 30);
    expect(readDateTime(foreignDate(at), zh)).toBe(at);
    expect(readDateTime('2026-03-02 14:30', zh)).toBe(at);
    expect(readDateTime('2026/3/2 14:30:00', zh)).toBe(at);
    expect(readDateTime('2026-03-02T06:30:00Z', us)).toBe(at);
    expect(readDateTime(46083.5, zh)).toBe(wallToInstant(Date.UTC(2026, 2, 2, 12), SHANGHAI));
    expect(readDateTime(at, zh)).toBe(at);
    expect(readDateTime('2026-03-02', zh)).toBe(startOfLocalDate('2026-03-02', SHANGHAI));
  });

  it.each([['soon'], ['2026-03-02 25:00'], [false]])('refuses %p', (v) => {
    expect(failure(readDateTime(v, zh))).toBe('cell.notDateTime');
  });
});

describe('readTime', () => {
  it.each([
    ['09:30', '09:30'],
    ['9:30', '09:30'],
    ['9:30 pm', '21:30'],
    ['12:15 am', '00:15'],
    ['12:15 PM', '12:15'],
    ['3 pm', '15:00'],
    ['下午3:30', '15:30'],
    ['下午3点半', '15:30'],
    ['上午10点15分', '10:15'],
    ['０９：３０', '09:30'],
    ['14:30:59', '14:30'],
  ])('%p → %p', (text, expected) => {
    expect(readTime(text, zh)).toBe(expected);
  });

  it('reads time cells (Dates on 1899-12-30 in the spreadsheet zone) and day fractions', () => {
    const cell = foreignDate(wallToInstant(Date.UTC(1899, 11, 30, 9, 30), SHANGHAI));
    expect(readTime(cell, zh)).toBe('09:30');
    expect(readTime(9.5 / 24, zh)).toBe('09:30');
  });

  it.each([['25:00'], ['soon'], ['13 pm'], [-1], [true]])('refuses %p', (v) => {
    expect(failure(readTime(v, zh))).toBe('cell.notTime');
  });
});

describe('readNumber', () => {
  it.each([
    ['a number', 12.5, zh, 12.5],
    ['full-width digits and punctuation', '１２，３４５．６', zh, 12345.6],
    ['a currency code', 'USD 1,200.50', zh, 1200.5],
    ['a trailing currency code', '1200 usd', zh, 1200],
    ['yen/yuan sign', '¥1200', zh, 1200],
    ['full-width yuan sign', '￥1,200', zh, 1200],
    ['dollar sign', '$1,200', zh, 1200],
    ['US$', 'US$ 99.9', zh, 99.9],
    ['元', '1,200元', zh, 1200],
    ['a negative amount', '-$5', zh, -5],
    ['accounting negative', '(1,200.00)', zh, -1200],
    ['a unit word', '500 pcs', zh, 500],
    ['Chinese unit', '500件', zh, 500],
    ['spaces as thousands separators', '1 200 000', zh, 1200000],
    ['both separators, comma last (de)', '1.234,56', zh, 1234.56],
    ['decimal comma in de_DE', '1,5', de, 1.5],
    ['thousands dot in de_DE', '1.200', de, 1200],
    ['euro, de_DE', '€ 1.200,50', de, 1200.5],
  ])('reads %s', (_name, v, ctx, expected) => {
    expect(readNumber(v, ctx)).toBeCloseTo(expected, 10);
  });

  it.each([
    ['text', 'about 500', zh],
    ['a decimal comma outside decimal-comma locales', '1,5', zh],
    ['letters after digits', '12abc', zh],
    ['a boolean', true, zh],
    ['a Date', foreignDate(0), zh],
    ['a formula text', '=A1*2', zh],
    ['a 50,000-digit cell', '9'.repeat(50_000), zh],
  ])('refuses %s', (_name, v, ctx) => {
    expect(failure(readNumber(v, ctx))).toBe('cell.notNumber');
  });

  it('knows which locales write decimal commas', () => {
    expect(usesDecimalComma('de_DE')).toBe(true);
    expect(usesDecimalComma('pt_BR')).toBe(true);
    expect(usesDecimalComma('en_US')).toBe(false);
    expect(usesDecimalComma('zh_CN')).toBe(false);
    expect(usesDecimalComma('es_MX')).toBe(false);
  });
});

describe('readPercent (rule: "%" text is points; bare numbers above 1 are points; 0…1 is a fraction)', () => {
  it.each([
    ['30%', 0.3],
    ['30 %', 0.3],
    ['３０％', 0.3],
    ['0.5%', 0.005],
    ['百分之30', 0.3],
    [0.3, 0.3],
    [30, 0.3],
    ['30', 0.3],
    ['0.3', 0.3],
    [1, 1],
    [100, 1],
    ['12,5%', 0.125],
  ])('%p → %p', (v, expected) => {
    expect(readPercent(v, typeof v === 'string' && v.includes(',') ? de : zh)).toBeCloseTo(expected, 12);
  });

  it.each([['half'], [true], ['']])('refuses %p', (v) => {
    expect(failure(readPercent(v, zh))).toBe('cell.notPercent');
  });
});

describe('readCheckbox', () => {
  it.each([
    [true, true], [false, false], ['TRUE', true], ['false', false], ['yes', true], ['No', false], ['是', true], ['否', false],
    ['✓', true], ['x', true], ['✗', false], [1, true], [0, false], ['已', true], ['未', false], ['ｙｅｓ', true],
  ])('%p → %p', (v, expected) => {
    expect(readCheckbox(v)).toBe(expected);
  });

  it.each([['maybe'], [2], [foreignDate(0)]])('refuses %p', (v) => {
    expect(failure(readCheckbox(v))).toBe('cell.notBoolean');
  });
});

describe('readEnum', () => {
  it.each([
    ['quoted', 'quoted'], ['Quoted', 'quoted'], ['已报价', 'quoted'], ['  QUOTED ', 'quoted'], ['Quote sent', 'quoted'],
    ['In production', 'production'], ['in-production', 'production'], ['生产中', 'production'],
    ['Deposit received', 'deposit'], ['已收定金', 'deposit'], ['Ｌｏｓｔ', 'lost'], ['Cancelled', 'lost'],
  ])('%p → %p', (text, code) => {
    expect(readEnum(text, ORDER_STAGE_OPTIONS)).toBe(code);
    // the second read of the same text is served from the exact-text memo and gives the same code
    expect(readEnum(text, ORDER_STAGE_OPTIONS)).toBe(code);
  });

  it('lists the labels in both languages when the value is none of them', () => {
    const err = readEnum('Shippped', ORDER_STAGE_OPTIONS) as CellError;
    expect(err.id).toBe('cell.notOption');
    expect(err.vars.options).toEqual({
      en: 'Inquiry, Quoted, Contracted, Deposit received, In production, Ready to ship, Shipped, Balance received, Completed, Lost',
      zh: '询盘、已报价、已签约、已收定金、生产中、待出货、已出货、已收余款、已完成、已终止',
    });
  });

  it('refuses a 50,000-character cell at once', () => {
    expect(failure(readEnum('x'.repeat(50_000), ORDER_STAGE_OPTIONS))).toBe('cell.notOption');
  });
});

describe('readText', () => {
  it.each([
    ['  padded  ', 'padded'],
    [8302419000, '8302419000'],
    [0.1 + 0.2, '0.3'],
    [true, 'TRUE'],
  ])('%p → %p', (v, expected) => {
    expect(readText(v, zh)).toBe(expected);
  });

  it('turns a Date (Sheets converted typed text) into its calendar date', () => {
    expect(readText(dateCell('2026-03-02'), zh)).toBe('2026-03-02');
  });

  it('keeps a 50,000-character cell whole', () => {
    expect(readText('a'.repeat(50_000), zh)).toHaveLength(50_000);
  });
});

describe('readEmail', () => {
  it.each([
    ['li.na@example.com', 'li.na@example.com'],
    ['  Li Na <li.na@example.com> ', 'li.na@example.com'],
    ['mailto:li.na@example.com', 'li.na@example.com'],
    ['a@x.com; b@y.com', 'a@x.com, b@y.com'],
    ['a@x.com，b@y.com', 'a@x.com, b@y.com'],
    ['li.na＠example.com', 'li.na@example.com'],
  ])('%p → %p', (v, expected) => {
    expect(readEmail(v)).toBe(expected);
  });

  it('refuses numbers', () => {
    expect(failure(readEmail(12))).toBe('cell.notEmail');
  });
});

describe('kinds of text', () => {
  it.each([
    ['asia/shanghai', 'Asia/Shanghai'],
    ['Asia/Riyadh', 'Asia/Riyadh'],
    ['UTC', 'UTC'],
    ['UTC+3', 'Etc/GMT-3'],
    ['GMT-5', 'Etc/GMT+5'],
    ['utc+8:00', 'Etc/GMT-8'],
    ['Mars/Olympus', undefined],
    ['UTC+15', undefined],
  ])('time zone %p → %p', (text, expected) => {
    expect(canonicalTimeZone(text)).toBe(expected);
  });

  it.each([['usd', 'USD'], ['RMB', 'CNY'], ['人民币', 'CNY'], ['€', 'EUR'], ['美元', 'USD'], ['ＥＵＲ', 'EUR'], ['dollars', undefined], ['constructor', undefined]])(
    'currency %p → %p',
    (text, expected) => {
      expect(currencyCode(text)).toBe(expected);
    },
  );

  it.each([['English', 'en'], ['中文', 'zh'], ['zh-CN', 'zh'], ['es', 'es'], ['阿拉伯语', 'ar'], ['Klingon', undefined], ['toString', undefined]])(
    'language %p → %p',
    (text, expected) => {
      expect(languageCode(text)).toBe(expected);
    },
  );

  it('reads checklist counts, also when Sheets turned "3/5" into a date', () => {
    expect(readFraction('3/5', zh)).toBe('3/5');
    expect(readFraction(' ３／５ ', zh)).toBe('3/5');
    expect(readFraction(dateCell('2026-03-05', 'America/Los_Angeles'), us)).toBe('3/5');
    expect(readFraction(dateCell('2026-05-03', 'Europe/Berlin'), de)).toBe('3/5');
    expect(failure(readFraction('6/5', zh))).toBe('cell.notFraction');
    expect(failure(readFraction('most', zh))).toBe('cell.notFraction');
  });
});

describe('displayCell', () => {
  it('shows dates in the spreadsheet zone, with the time when there is one, and truncates to 80 characters', () => {
    expect(displayCell(dateCell('2026-03-02'), SHANGHAI)).toBe('2026-03-02');
    expect(displayCell(foreignDate(Date.UTC(2026, 2, 2, 6, 30)), SHANGHAI)).toBe('2026-03-02 14:30');
    expect(displayCell(true, SHANGHAI)).toBe('TRUE');
    const long = displayCell('y'.repeat(50_000), SHANGHAI);
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });
});
