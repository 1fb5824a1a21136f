// Property-based: every ledger parser fed arbitrary cell values (text in any script, full-width digits, formulas,
// 60,000-character strings, numbers including NaN and infinities, booleans, Dates valid or not and from another
// realm, blanks, short rows) never throws, and every issue it reports names its sheet, row and column, in both
// languages.
import vm from 'node:vm';
import fc from 'fast-check';
import { LEDGERS, LEDGER_KEYS, type LedgerKey } from '../../src/domain/ledgers/index';
import { parseLedger } from '../../src/domain/ledgers/parse';
import { parseSettings } from '../../src/domain/settings';
import type { LedgerDef, LedgerIssue } from '../../src/domain/ledgers/schema-types';

const foreignDate = vm.runInNewContext('(ms) => new Date(ms)') as (ms: number) => Date;
const FULL_WIDTH = '０１２３４５６７８９．，－／：年月日　＄￥％（）ＡＢＣ';
const SPECIAL = ['', ' ', '　', '#N/A', '#REF!', '#VALUE!', '=SUM(A1:A3)', '=HYPERLINK("http://x","y")', '+1', '-', '@me', 'TRUE', 'false', '2026-03-02', '2026/3/2', '2026年3月2日', '02.03.2026', '3/2/2026', '１２３', '１２．５％', 'N/A', '12:30', '25:99', '∞', 'NaN', '<script>alert(1)</script>', "'=1+1", '\t=1', '\r\n'];

/** Anything getValues can return, and a few things it cannot (undefined, null) that a short row or bug might bring. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...FULL_WIDTH), maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => `=${s}`) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 25 }).map((n) => 'x'.repeat(60_000 + n)) },
  { weight: 3, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 100_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0.3, 1, 45_000) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.date({ min: new Date(-2208988800000), max: new Date(4102444800000), noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.integer({ min: -2_208_988_800_000, max: 4_102_444_800_000 }).map(foreignDate) },
  { weight: 1, arbitrary: fc.constant(foreignDate(Number.NaN)) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
);

const TIME_ZONES = ['Asia/Shanghai', 'America/Los_Angeles', 'UTC', 'Asia/Kolkata'];
const LOCALES = ['en_US', 'en_GB', 'zh_CN', 'de_DE'];

/** A header row: the ledger's headers in either language, maybe some missing, shuffled, with a user column. */
function headerOf(ledger: LedgerDef): fc.Arbitrary<string[]> {
  const names = ledger.columns.map((c) => [c.header.en, c.header.zh, ...c.aliases.slice(0, 1)]);
  return fc
    .tuple(
      fc.array(fc.nat({ max: 2 }), { minLength: names.length, maxLength: names.length }),
      fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
      fc.boolean(),
      fc.string({ maxLength: 8 }),
    )
    .chain(([pick, keep, shuffle, extra]) => {
      const header = names.map((n, i) => (keep[i] || i < 2 ? (n[pick[i]] ?? n[0]) : extra)).concat(['My notes']);
      return shuffle ? fc.shuffledSubarray(header, { minLength: header.length, maxLength: header.length }) : fc.constant(header);
    });
}

const issueShape = (sheet: string, lastRow: number) => (issue: LedgerIssue) => {
  expect(issue.sheet).toBe(sheet);
  expect(Number.isInteger(issue.row) && issue.row >= 1 && issue.row <= lastRow).toBe(true);
  expect(issue.column).toMatch(/^[A-Z]{1,3}$/);
  for (const text of [issue.message.en, issue.message.zh]) {
    expect(typeof text).toBe('string');
    expect(text).toContain(sheet);
    expect(text).toContain(issue.column);
    if (issue.row > 1) expect(text).toContain(String(issue.row));
  }
  expect(issue.value.length).toBeLessThanOrEqual(81);
};

const PARSABLE: LedgerKey[] = LEDGER_KEYS.filter((k) => k !== 'settings');

describe.each(PARSABLE)('parseLedger(%s) fed arbitrary cells', (key) => {
  const ledger = LEDGERS[key] as LedgerDef;
  const sheet = `${ledger.sheet.en} (imported)`;

  it('never throws; every issue names its sheet, row and column in English and Chinese', () => {
    fc.assert(
      fc.property(
        headerOf(ledger),
        fc.array(fc.array(cell, { maxLength: ledger.columns.length + 2 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...TIME_ZONES),
        fc.constantFrom(...LOCALES),
        fc.integer({ min: 2, max: 40_000 }),
        (header, rows, timeZone, locale, firstRow) => {
          const parsed = parseLedger(ledger, header, rows, { sheetName: sheet, timeZone, locale, firstRow });
          const lastRow = firstRow + rows.length - 1;
          parsed.issues.forEach(issueShape(sheet, lastRow));
          const recordRows = parsed.records.map((r) => r._row);
          expect(new Set(recordRows).size).toBe(recordRows.length);
          for (const r of [...recordRows, ...parsed.rejectedRows]) expect(r >= firstRow && r <= lastRow).toBe(true);
          // A row left out is explained: an error in that row, or a required column missing (said once, at the header).
          for (const r of parsed.rejectedRows) expect(parsed.issues.some((i) => i.severity === 'error' && (i.row === r || i.row === firstRow - 1))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('parseSettings fed arbitrary cells', () => {
  it('never throws; every issue names its sheet, row and column in English and Chinese', () => {
    const labels = LEDGERS.settings.columns.map((c) => c.header.en);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom('Company name (English)', 'Quote validity (days)', 'Sweep hour', 'Customer mails', 'Working hours: start', 'Default currency'), fc.string({ maxLength: 20 })), cell, cell), { maxLength: 12 }),
        fc.constantFrom(...TIME_ZONES),
        (rows, timeZone) => {
          const all = [labels, ...rows];
          const parsed = parseSettings(all, { sheetName: 'Settings', timeZone, locale: 'en_US' });
          parsed.issues.forEach(issueShape('Settings', all.length));
          expect(typeof parsed.settings['quote.validity-days']).toBe('number');
        },
      ),
      { numRuns: 200 },
    );
  });
});
