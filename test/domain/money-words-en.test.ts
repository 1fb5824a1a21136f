import { amountInWordsEn, integerInWordsEn } from '../../src/domain/money/amount-in-words-en';

describe('integerInWordsEn', () => {
  it.each([
    [0, 'ZERO'],
    [7, 'SEVEN'],
    [13, 'THIRTEEN'],
    [20, 'TWENTY'],
    [45, 'FORTY-FIVE'],
    [100, 'ONE HUNDRED'],
    [101, 'ONE HUNDRED ONE'],
    [999, 'NINE HUNDRED NINETY-NINE'],
    [1000, 'ONE THOUSAND'],
    [1001, 'ONE THOUSAND ONE'],
    [12345, 'TWELVE THOUSAND THREE HUNDRED FORTY-FIVE'],
    [1000000, 'ONE MILLION'],
    [1002003, 'ONE MILLION TWO THOUSAND THREE'],
    [2000000000, 'TWO BILLION'],
    [1000000000000, 'ONE TRILLION'],
  ])('spells %p as %p', (n, words) => {
    expect(integerInWordsEn(n)).toBe(words);
  });
});

describe('amountInWordsEn', () => {
  it.each([
    [12345.6, 'USD', 'SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED FORTY-FIVE AND CENTS SIXTY ONLY'],
    [12345, 'USD', 'SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED FORTY-FIVE ONLY'],
    [1, 'USD', 'SAY US DOLLARS ONE ONLY'],
    [0.05, 'EUR', 'SAY EUROS ZERO AND CENTS FIVE ONLY'],
    [0.99, 'USD', 'SAY US DOLLARS ZERO AND CENTS NINETY-NINE ONLY'],
    [0, 'USD', 'SAY US DOLLARS ZERO ONLY'],
    [1050.25, 'GBP', 'SAY POUNDS STERLING ONE THOUSAND FIFTY AND PENCE TWENTY-FIVE ONLY'],
    [88.8, 'CNY', 'SAY CHINESE YUAN EIGHTY-EIGHT AND FEN EIGHTY ONLY'],
    [1234567.4, 'JPY', 'SAY JAPANESE YEN ONE MILLION TWO HUNDRED THIRTY-FOUR THOUSAND FIVE HUNDRED SIXTY-SEVEN ONLY'],
    [-100, 'USD', 'SAY MINUS US DOLLARS ONE HUNDRED ONLY'],
    [10.5, 'XYZ', 'SAY XYZ TEN AND CENTS FIFTY ONLY'],
    [10, '', 'SAY TEN ONLY'],
  ])('spells %p %p', (amount, currency, words) => {
    expect(amountInWordsEn(amount, currency)).toBe(words);
  });

  it('rounds to cents first (0.1 + 0.2, 1.005)', () => {
    expect(amountInWordsEn(0.1 + 0.2, 'USD')).toBe('SAY US DOLLARS ZERO AND CENTS THIRTY ONLY');
    expect(amountInWordsEn(1.005, 'USD')).toBe('SAY US DOLLARS ONE AND CENTS ONE ONLY');
    expect(amountInWordsEn(9.999, 'USD')).toBe('SAY US DOLLARS TEN ONLY');
  });

  it('refuses amounts it cannot spell exactly', () => {
    expect(() => amountInWordsEn(1e13, 'USD')).toThrow(RangeError);
    expect(() => amountInWordsEn(Number.NaN, 'USD')).toThrow(RangeError);
  });
});
