import { amountInWordsZh, integerInWordsZh } from '../../src/domain/money/amount-in-words-zh';

const cny = (amount: number) => amountInWordsZh(amount, 'CNY', { currencyPrefix: false });

describe('integerInWordsZh', () => {
  it.each([
    [0, '零'],
    [5, '伍'],
    [10, '壹拾'],
    [15, '壹拾伍'],
    [100, '壹佰'],
    [105, '壹佰零伍'],
    [1001, '壹仟零壹'],
    [1010, '壹仟零壹拾'],
    [1100, '壹仟壹佰'],
    [10000, '壹万'],
    [10001, '壹万零壹'],
    [10010, '壹万零壹拾'],
    [10100, '壹万零壹佰'],
    [11000, '壹万壹仟'],
    [100000, '壹拾万'],
    [1000001, '壹佰万零壹'],
    [10000000, '壹仟万'],
    [10005678, '壹仟万伍仟陆佰柒拾捌'],
    [100000000, '壹亿'],
    [100005678, '壹亿零伍仟陆佰柒拾捌'],
    [100010000, '壹亿零壹万'],
    [120003400, '壹亿贰仟万叁仟肆佰'],
    [120000340, '壹亿贰仟万零叁佰肆拾'],
    [1000000000000, '壹万亿'],
    [1000056780000, '壹万亿零伍仟陆佰柒拾捌万'],
    [1234500000000, '壹万贰仟叁佰肆拾伍亿'],
  ])('spells %p as %p', (n, words) => {
    expect(integerInWordsZh(n)).toBe(words);
  });
});

describe('amountInWordsZh', () => {
  it('writes the example of the product brief', () => {
    expect(amountInWordsZh(12345.6, 'CNY')).toBe('人民币壹万贰仟叁佰肆拾伍元陆角');
  });

  it.each([
    [12345, '壹万贰仟叁佰肆拾伍元整'],
    [100.05, '壹佰元零伍分'],
    [10000000, '壹仟万元整'],
    [1409.5, '壹仟肆佰零玖元伍角'],
    [6007.14, '陆仟零柒元壹角肆分'],
    [16409.02, '壹万陆仟肆佰零玖元零贰分'],
    [1680.32, '壹仟陆佰捌拾元叁角贰分'],
    [107000.53, '壹拾万柒仟元伍角叁分'],
    [325.04, '叁佰贰拾伍元零肆分'],
    [100000000, '壹亿元整'],
    [200000000.5, '贰亿元伍角'],
  ])('follows the bill-filling rules for zeros: %p → %p', (amount, words) => {
    expect(cny(amount)).toBe(words);
  });

  it.each([
    [0.5, '伍角'],
    [0.05, '伍分'],
    [0.55, '伍角伍分'],
    [0, '零元整'],
  ])('writes amounts below one yuan without 元: %p → %p', (amount, words) => {
    expect(cny(amount)).toBe(words);
  });

  it('rounds half-up to fen first', () => {
    expect(cny(0.1 + 0.2)).toBe('叁角');
    expect(cny(1.005)).toBe('壹元零壹分');
    expect(cny(9.999)).toBe('壹拾元整');
  });

  it('names the currency first and puts 负 after it for negative amounts', () => {
    expect(amountInWordsZh(-100, 'CNY')).toBe('人民币负壹佰元整');
    expect(amountInWordsZh(12345.6, 'USD')).toBe('美元壹万贰仟叁佰肆拾伍元陆角');
    expect(amountInWordsZh(99.99, 'EUR')).toBe('欧元玖拾玖元玖角玖分');
    expect(amountInWordsZh(5, 'XYZ')).toBe('XYZ伍元整');
  });

  it('rounds zero-decimal currencies to whole units', () => {
    expect(amountInWordsZh(1234567.6, 'JPY')).toBe('日元壹佰贰拾叁万肆仟伍佰陆拾捌元整');
  });

  it('refuses amounts it cannot spell exactly', () => {
    expect(() => cny(1e13)).toThrow(RangeError);
    expect(() => cny(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
