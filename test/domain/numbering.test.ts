// Specification of numbering: formats of every series, parsing junk, other years, gaps, allocation that never reuses.
import fc from 'fast-check';
import { allocate, DEFAULT_NUMBER_SERIES, formatNumber, maxSequence, nextNumbers, parseNumber } from '../../src/domain/numbering';

describe('formatNumber', () => {
  it.each([
    ['SO', 2026, 7, 4, 'SO-2026-0007'],
    ['C', null, 1, 4, 'C-0001'],
    ['CT', null, 12, 6, 'CT-000012'],
    ['FU', null, 34, 6, 'FU-000034'],
    ['AS', 2026, 3, 4, 'AS-2026-0003'],
    ['QT', 2026, 7, 4, 'QT-2026-0007'],
    ['SC', 2026, 12, 4, 'SC-2026-0012'],
    ['PO', 2026, 1, 4, 'PO-2026-0001'],
    ['SN', 2027, 5, 4, 'SN-2027-0005'],
    ['CI', 2026, 250, 4, 'CI-2026-0250'],
    ['SO', 2026, 12345, 4, 'SO-2026-12345'],
    [' SO ', 2026, 1, 4, 'SO-2026-0001'],
  ] as const)('%s, %s, %i, width %i → %s', (prefix, year, seq, width, expected) => {
    expect(formatNumber(prefix, year, seq, width)).toBe(expected);
  });

  it.each([
    ['a sequence of 0', 'SO', 2026, 0, 4],
    ['a fractional sequence', 'SO', 2026, 1.5, 4],
    ['a width of 0', 'SO', 2026, 1, 0],
    ['a two-digit year', 'SO', 26, 1, 4],
    ['an empty prefix', '  ', 2026, 1, 4],
  ] as const)('rejects %s', (_name, prefix, year, seq, width) => {
    expect(() => formatNumber(prefix, year, seq, width)).toThrow(RangeError);
  });
});

describe('parseNumber', () => {
  it.each([
    ['SO', 'SO-2026-0007', { year: 2026, seq: 7 }],
    ['SO', '  so-2026-0007 ', { year: 2026, seq: 7 }],
    ['SO', 'SO-2026-12345', { year: 2026, seq: 12345 }],
    ['SO', 'SO-2026-7', { year: 2026, seq: 7 }],
    ['C', 'C-0001', { year: null, seq: 1 }],
    ['CT', 'CT-000012', { year: null, seq: 12 }],
    ['C', 'C-2026-0001', { year: 2026, seq: 1 }],
    ['C', 'CT-000012', null],
    ['CT', 'C-0001', null],
    ['SO', 'PO-2026-0001', null],
    ['SO', 'SO-2026-0000', null],
    ['SO', 'SO-2026-', null],
    ['SO', 'SO2026-0001', null],
    ['SO', 'SO-2026-0001-R1', null],
    ['SO', 'x SO-2026-0001', null],
    ['SO', '', null],
    ['S.O', 'SXO-0001', null],
    ['S.O', 'S.O-0001', { year: null, seq: 1 }],
  ] as const)('%s in %j → %j', (prefix, text, expected) => {
    expect(parseNumber(prefix, text)).toEqual(expected);
  });

  it('reads back what formatNumber writes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(DEFAULT_NUMBER_SERIES)),
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 9_999_999 }),
        (series, year, seq) => {
          const y = series.yearly ? year : null;
          expect(parseNumber(series.prefix, formatNumber(series.prefix, y, seq, series.width))).toEqual({ year: y, seq });
        },
      ),
    );
  });
});

describe('maxSequence', () => {
  const column: unknown[] = [
    'SO-2026-0003',
    'SO-2026-0010', // a gap: 4…9 were deleted
    'SO-2025-0090', // last year
    'SO-2027-0001', // typed ahead by mistake: another year
    'PO-2026-0050', // another series
    'SO-2026-0011-copy',
    'n/a',
    '',
    null,
    undefined,
    42,
    true,
    { text: 'SO-2026-0099' },
  ];
  it('takes the highest number of the series and year, ignoring junk', () => {
    expect(maxSequence(column, 'SO', 2026)).toBe(10);
    expect(maxSequence(column, 'SO', 2025)).toBe(90);
    expect(maxSequence(column, 'PO', 2026)).toBe(50);
  });
  it('is 0 when nothing matches', () => {
    expect(maxSequence(column, 'SO', 2024)).toBe(0);
    expect(maxSequence([], 'SO', 2026)).toBe(0);
  });
  it('counts only numbers without a year for a series without one', () => {
    expect(maxSequence(['C-0004', 'C-2026-0100', 'CT-000900', 'C-0002'], 'C', null)).toBe(4);
  });
  it('agrees with parseNumber on generated values of every shape', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed >>> 8) % n;
    };
    const pick = (xs: readonly string[]) => xs[random(xs.length)];
    const prefixes = ['SO', 'so', 'sO', 'C', 'c', 'CT', 'S0', 'ſO', 'SOX', ''];
    const separators = ['-', '-', '-', '', '--', ' -', '_'];
    const years = ['', '', '2026-', '2025-', '0000-', '26-', '2026--', '20261-', '2026'];
    const digits = ['7', '0007', '123', '0', '000', '000000000000001', '123456789012345', '1234567890123456', '', 'x1', '12a'];
    const spaces = ['', '', ' ', '\t', ' \n'];
    const values: string[] = [];
    for (let i = 0; i < 4000; i++) values.push(pick(spaces) + pick(prefixes) + pick(separators) + pick(years) + pick(digits) + pick(spaces));
    for (const [prefix, year] of [['SO', 2026], ['so', 2025], ['SO', null], ['C', null], ['CT', null], ['S0', 0], ['SO', 20261]] as const) {
      const reference = Math.max(0, ...values.map((v) => parseNumber(prefix, v)).map((n) => (n && n.year === year ? n.seq : 0)));
      expect({ prefix, year, max: maxSequence(values, prefix, year) }).toEqual({ prefix, year, max: reference });
      for (const v of values) {
        const one = parseNumber(prefix, v);
        expect({ v, max: maxSequence([v], prefix, year) }).toEqual({ v, max: one && one.year === year ? one.seq : 0 });
      }
    }
  });
  it('reads each value as parseNumber does (case, spaces, sequence 0, padded prefixes)', () => {
    const values = [' so-2026-0007 ', 'SO-2026-0000', 'SO-2026-000000000000123', 'SO-26-0100', 'SO-2026-', ' SO -2026-0200', 'so-0005', 'SO-0300', 7, 'SO-2026-0009\n'];
    for (const [prefix, year] of [['SO', 2026], [' SO ', 2026], ['so', null], ['SO', null], ['', 2026]] as const) {
      const reference = Math.max(0, ...values.map((v) => (typeof v === 'string' ? parseNumber(prefix, v) : null)).map((n) => (n && n.year === year ? n.seq : 0)));
      expect({ prefix, year, max: maxSequence(values, prefix, year) }).toEqual({ prefix, year, max: reference });
    }
  });
});

describe('allocate', () => {
  it.each([
    ['a fresh counter on an empty sheet', undefined, 0, 1, [1], 1],
    ['continues after the stored counter', 7, 7, 2, [8, 9], 9],
    ['jumps past numbers typed in the sheet', 7, 9, 2, [10, 11], 11],
    ['never reuses numbers whose rows were deleted', 12, 5, 1, [13], 13],
    ['rebuilds a lost counter from the sheet', null, 41, 1, [42], 42],
    ['treats a damaged counter as missing', Number.NaN, 3, 1, [4], 4],
    ['treats a negative counter as missing', -5, 0, 1, [1], 1],
    ['allocates nothing for a count of 0', 7, 9, 0, [], 9],
  ] as const)('%s', (_name, counter, existingMax, count, sequences, stored) => {
    expect(allocate(counter, existingMax, count)).toEqual({ sequences, counter: stored });
  });

  it.each([-1, 1.5])('rejects a count of %d', (count) => {
    expect(() => allocate(1, 1, count)).toThrow(RangeError);
  });

  it('never goes backwards across successive allocations', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 5 })), { maxLength: 20 }), (steps) => {
        let counter: number | undefined;
        let last = 0;
        for (const [sheetMax, count] of steps) {
          const result = allocate(counter, sheetMax, count);
          for (const seq of result.sequences) {
            expect(seq).toBeGreaterThan(Math.max(last, sheetMax));
            last = seq;
          }
          expect(result.counter).toBeGreaterThanOrEqual(counter ?? 0);
          counter = result.counter;
        }
      }),
    );
  });
});

describe('nextNumbers', () => {
  it('numbers new orders of the year after both the counter and the sheet', () => {
    expect(nextNumbers(DEFAULT_NUMBER_SERIES.order, 2026, ['SO-2026-0006', 'SO-2025-0120'], 4, 2)).toEqual({
      numbers: ['SO-2026-0007', 'SO-2026-0008'],
      counter: 8,
    });
  });
  it('starts a new year at 1 when the caller keeps one counter per year', () => {
    expect(nextNumbers(DEFAULT_NUMBER_SERIES.quotation, 2027, ['QT-2026-0300'], undefined, 1)).toEqual({ numbers: ['QT-2027-0001'], counter: 1 });
  });
  it('ignores the year for series without one', () => {
    expect(nextNumbers(DEFAULT_NUMBER_SERIES.contact, 2026, ['CT-000011', 'junk'], 12, 1)).toEqual({ numbers: ['CT-000013'], counter: 13 });
    expect(nextNumbers(DEFAULT_NUMBER_SERIES.customer, 2026, [], undefined, 1)).toEqual({ numbers: ['C-0001'], counter: 1 });
  });
});
