// The currencies Gendan's documents name: decimals, the zh-locale symbol, and the words used for amounts in words.
// Unknown ISO codes still work: two decimals, the code itself as symbol and name, "CENTS" / 元角分 for the parts.

/** What documents need to know about one currency. */
export interface CurrencyInfo {
  /** ISO 4217 code, upper case ("USD"); "" when no currency was given. */
  code: string;
  /** Minor-unit digits: 2 for most, 0 for JPY / KRW. */
  decimals: number;
  /** Symbol used in Chinese documents ("US$", "¥"); null → the code followed by a space. */
  zhSymbol: string | null;
  /** Major unit in English amounts in words, plural and upper case ("US DOLLARS"). */
  wordsEn: string;
  /** Minor unit in English amounts in words ("CENTS"); null when the currency has none in use. */
  minorWordsEn: string | null;
  /** Currency named before Chinese uppercase amounts ("人民币", "美元"). */
  nameZh: string;
}

type Row = [decimals: number, zhSymbol: string | null, wordsEn: string, minorWordsEn: string | null, nameZh: string];

const TABLE: Record<string, Row> = {
  CNY: [2, '¥', 'CHINESE YUAN', 'FEN', '人民币'],
  USD: [2, 'US$', 'US DOLLARS', 'CENTS', '美元'],
  EUR: [2, '€', 'EUROS', 'CENTS', '欧元'],
  GBP: [2, '£', 'POUNDS STERLING', 'PENCE', '英镑'],
  JPY: [0, 'JP¥', 'JAPANESE YEN', null, '日元'],
  KRW: [0, '₩', 'KOREAN WON', null, '韩元'],
  HKD: [2, 'HK$', 'HONG KONG DOLLARS', 'CENTS', '港币'],
  TWD: [2, 'NT$', 'NEW TAIWAN DOLLARS', 'CENTS', '新台币'],
  AUD: [2, 'A$', 'AUSTRALIAN DOLLARS', 'CENTS', '澳元'],
  CAD: [2, 'C$', 'CANADIAN DOLLARS', 'CENTS', '加元'],
  NZD: [2, 'NZ$', 'NEW ZEALAND DOLLARS', 'CENTS', '新西兰元'],
  SGD: [2, 'S$', 'SINGAPORE DOLLARS', 'CENTS', '新加坡元'],
  CHF: [2, null, 'SWISS FRANCS', 'CENTIMES', '瑞士法郎'],
  AED: [2, null, 'UAE DIRHAMS', 'FILS', '阿联酋迪拉姆'],
  SAR: [2, null, 'SAUDI RIYALS', 'HALALAS', '沙特里亚尔'],
  RUB: [2, '₽', 'RUSSIAN ROUBLES', 'KOPECKS', '卢布'],
  INR: [2, '₹', 'INDIAN RUPEES', 'PAISE', '印度卢比'],
  MYR: [2, null, 'MALAYSIAN RINGGIT', 'SEN', '马来西亚林吉特'],
  THB: [2, null, 'THAI BAHT', 'SATANG', '泰铢'],
  VND: [0, '₫', 'VIETNAMESE DONG', null, '越南盾'],
  BRL: [2, 'R$', 'BRAZILIAN REAIS', 'CENTAVOS', '巴西雷亚尔'],
  MXN: [2, null, 'MEXICAN PESOS', 'CENTAVOS', '墨西哥比索'],
};

/** Spellings people type in a Currency cell that are not ISO codes. */
const ALIASES: Record<string, string> = { RMB: 'CNY', '人民币': 'CNY', '美元': 'USD', 'US$': 'USD', '$': 'USD', '€': 'EUR', '欧元': 'EUR' };

/**
 * The ISO code for what a user typed: trimmed, upper case, common aliases resolved.
 * @example normalizeCurrency(' rmb ') // "CNY"
 */
export function normalizeCurrency(currency: string | null | undefined): string {
  const c = String(currency ?? '').trim().toUpperCase();
  return ALIASES[c] ?? c;
}

/**
 * Everything documents need about a currency, for known and unknown codes alike.
 * @example currencyInfo('usd').wordsEn // "US DOLLARS"
 */
export function currencyInfo(currency: string | null | undefined): CurrencyInfo {
  const code = normalizeCurrency(currency);
  const row = TABLE[code];
  if (row) return { code, decimals: row[0], zhSymbol: row[1], wordsEn: row[2], minorWordsEn: row[3], nameZh: row[4] };
  return { code, decimals: 2, zhSymbol: null, wordsEn: code, minorWordsEn: 'CENTS', nameZh: code };
}

/**
 * Minor-unit digits of a currency (2 unless the currency has no minor unit in use).
 * @example currencyDecimals('JPY') // 0
 */
export function currencyDecimals(currency: string | null | undefined): number {
  return currencyInfo(currency).decimals;
}
