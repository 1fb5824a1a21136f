import { currencyDecimals, currencyInfo, normalizeCurrency } from '../../src/domain/money/currencies';
import { formatDateForDoc } from '../../src/domain/money/format-date-for-doc';
import { formatMoney } from '../../src/domain/money/format-money';
import { formatNumber, groupDigits } from '../../src/domain/money/format-number';
import { roundMoney, roundTo } from '../../src/domain/money/round-money';

describe('roundMoney', () => {
  it.each([
    [0.1 + 0.2, undefined, 0.3],
    [1.005, undefined, 1.01],
    [2.675, undefined, 2.68],
    [1.004999, undefined, 1],
    [-2.675, undefined, -2.68],
    [-0.004, undefined, 0],
    [1234.5, 'JPY', 1235],
    [1234.4, 'KRW', 1234],
    [12345.6, 'USD', 12345.6],
    [0.285, 'CNY', 0.29],
  ])('rounds %p (%p) half away from zero to %p', (amount, currency, expected) => {
    expect(roundMoney(amount, currency)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundMoney(-0.001), 0)).toBe(true);
  });

  it('passes non-finite numbers through', () => {
    expect(roundMoney(Number.NaN)).toBeNaN();
  });

  it('rounds weights and volumes to their own decimals', () => {
    expect(roundTo(2.0005, 3)).toBe(2.001);
    expect(roundTo(12.345, 2)).toBe(12.35);
  });
});

describe('currencies', () => {
  it('normalises codes and common aliases', () => {
    expect(normalizeCurrency(' usd ')).toBe('USD');
    expect(normalizeCurrency('RMB')).toBe('CNY');
    expect(normalizeCurrency('人民币')).toBe('CNY');
    expect(normalizeCurrency(undefined)).toBe('');
  });

  it('knows the zero-decimal currencies', () => {
    expect(currencyDecimals('JPY')).toBe(0);
    expect(currencyDecimals('KRW')).toBe(0);
    expect(currencyDecimals('USD')).toBe(2);
    expect(currencyDecimals('XYZ')).toBe(2);
  });

  it('describes an unknown code by the code itself', () => {
    expect(currencyInfo('xyz')).toEqual({ code: 'XYZ', decimals: 2, zhSymbol: null, wordsEn: 'XYZ', minorWordsEn: 'CENTS', nameZh: 'XYZ' });
  });
});

describe('formatNumber', () => {
  it('groups thousands', () => {
    expect(groupDigits('1234567')).toBe('1,234,567');
    expect(groupDigits('123')).toBe('123');
    expect(formatNumber(1200)).toBe('1,200');
    expect(formatNumber(1234567.891, { minDecimals: 2 })).toBe('1,234,567.89');
  });

  it('shows optional decimals only when they are not zero', () => {
    expect(formatNumber(0.125, { maxDecimals: 3 })).toBe('0.125');
    expect(formatNumber(2.5, { maxDecimals: 3 })).toBe('2.5');
    expect(formatNumber(2, { maxDecimals: 3 })).toBe('2');
    expect(formatNumber(12.5, { minDecimals: 2, maxDecimals: 4 })).toBe('12.50');
  });

  it('rounds half-up without binary surprises (toFixed gives 1.00 for 1.005)', () => {
    expect(formatNumber(1.005, { minDecimals: 2 })).toBe('1.01');
  });

  it('writes negatives with a leading minus and never "-0"', () => {
    expect(formatNumber(-1234.5, { minDecimals: 2 })).toBe('-1,234.50');
    expect(formatNumber(-0.001, { minDecimals: 2 })).toBe('0.00');
  });

  it('gives "" for non-finite numbers', () => {
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('formatMoney', () => {
  it.each([
    [12345.6, 'USD', 'en', 'USD 12,345.60'],
    [12345.6, 'USD', 'zh', 'US$12,345.60'],
    [12345.6, 'CNY', 'zh', '¥12,345.60'],
    [12345.6, 'CNY', 'en', 'CNY 12,345.60'],
    [12345.6, 'rmb', 'zh', '¥12,345.60'],
    [1234.5, 'EUR', 'zh', '€1,234.50'],
    [1234567, 'JPY', 'en', 'JPY 1,234,567'],
    [1234567.4, 'JPY', 'zh', 'JP¥1,234,567'],
    [1000, 'KRW', 'zh', '₩1,000'],
    [10, 'CHF', 'zh', 'CHF 10.00'],
    [0, 'USD', 'en', 'USD 0.00'],
    [-12345.6, 'USD', 'en', 'USD -12,345.60'],
    [-12, 'CNY', 'zh', '-¥12.00'],
    [12.5, '', 'en', '12.50'],
  ] as const)('formats %p %p in %p as %p', (amount, currency, lang, expected) => {
    expect(formatMoney(amount, currency, lang)).toBe(expected);
  });

  it('keeps a unit price precision when asked', () => {
    expect(formatMoney(0.1255, 'USD', 'en', { maxDecimals: 4 })).toBe('USD 0.1255');
    expect(formatMoney(0.125, 'USD', 'en')).toBe('USD 0.13');
  });

  it('gives "" for NaN', () => {
    expect(formatMoney(Number.NaN, 'USD', 'en')).toBe('');
  });
});

describe('formatDateForDoc', () => {
  it('writes day month year in English and 年月日 in Chinese', () => {
    expect(formatDateForDoc('2026-03-02', 'en')).toBe('2 March 2026');
    expect(formatDateForDoc('2026-03-02', 'zh')).toBe('2026年3月2日');
    expect(formatDateForDoc('2025-12-31', 'en')).toBe('31 December 2025');
  });

  it('passes text that is not a date through unchanged', () => {
    expect(formatDateForDoc('end of May', 'en')).toBe('end of May');
    expect(formatDateForDoc('2026-02-30', 'zh')).toBe('2026-02-30');
    expect(formatDateForDoc('', 'en')).toBe('');
  });
});

describe('roundMoney and roundTo: the direct rounding gives what keeping 15 significant digits first gives', () => {
  // The rounding as first written: every value through toPrecision(15).
  const reference = (value: number, decimals: number): number => {
    if (!Number.isFinite(value)) return value;
    const units = Math.round(Number((Math.abs(value) * 10 ** decimals).toPrecision(15)));
    if (units === 0) return 0;
    const result = units / 10 ** decimals;
    return value < 0 ? -result : result;
  };
  // A deterministic generator (mulberry32), so a failure names a value that fails again.
  let seed = 0x9e3779b9;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(random() * n);

  /** Values near halves and whole units of every size, with and without float noise, and products like line amounts. */
  function values(): number[] {
    const out: number[] = [0, -0, 0.5, 1.5, 2.5, -0.5, 0.005, 1.005, 2.675, 1.045, 8.345, 1e15, 1e15 + 0.5, 2 ** 53, -(2 ** 53), 1e21, 1e-7, 5e-324];
    for (let i = 0; i < 60_000; i++) {
      const magnitude = 10 ** (int(20) - 4);
      const decimals = int(5);
      const half = (Math.floor(random() * magnitude) + 0.5) / 10 ** decimals;
      const noise = [0, Number.EPSILON, -Number.EPSILON, 1e-13, -1e-13, 1e-9][int(6)] * half;
      out.push(half + noise, -(half + noise));
      out.push(int(100_000) * (int(4_000) / 100 + 0.25) * [1, 0.1, 0.3, 1.1][int(4)]);
      out.push(random() * magnitude, (int(1_000_000) / 1000) * 3);
      out.push(0.1 * int(1000) + 0.2 * int(1000));
    }
    return out;
  }

  it.each([0, 1, 2, 3, 4])('to %i decimals, on 300,000 values', (decimals) => {
    const wrong: string[] = [];
    for (const v of values()) {
      const got = roundTo(v, decimals);
      const want = reference(v, decimals);
      if (!Object.is(got, want)) wrong.push(`${v} → ${got}, expected ${want}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('rounds money as before, zero-decimal currencies included', () => {
    for (const v of [0.285, 1.005, 1234.5, -2.675, 0.1 + 0.2, 19.995, 1e14 + 0.5, 123456789.125]) {
      expect(roundMoney(v)).toBe(reference(v, 2));
      expect(roundMoney(v, 'JPY')).toBe(reference(v, 0));
    }
  });

  it('is exact on values float noise puts just below a half', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(100.49999999999999, 0)).toBe(101);
    expect(roundTo(100.4999999999, 0)).toBe(100);
    expect(roundTo(-0.285, 2)).toBe(-0.29);
  });
});
