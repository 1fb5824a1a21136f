// Working days: which weekdays are the weekend in a customer's country (Friday–Saturday across much of the
// Middle East), and calendar arithmetic that skips weekends and listed holidays.
import { addDaysToLocalDate, dayOfWeek, localDateToWall, wallDateString, type LocalDate } from './zone';

const DAY = 86_400_000;

/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const SAT_SUN: Weekday[] = [6, 0];
const FRI_SAT: Weekday[] = [5, 6];

/** Countries whose weekend is not Saturday–Sunday, by ISO 3166 alpha-2 code. */
const WEEKENDS: Record<string, Weekday[]> = {
  SA: FRI_SAT, // Saudi Arabia
  QA: FRI_SAT,
  KW: FRI_SAT,
  BH: FRI_SAT,
  OM: FRI_SAT,
  JO: FRI_SAT,
  EG: FRI_SAT,
  DZ: FRI_SAT,
  IQ: FRI_SAT,
  IL: FRI_SAT,
  YE: FRI_SAT,
  LY: FRI_SAT,
  SY: FRI_SAT,
  SD: FRI_SAT,
  BD: FRI_SAT,
  MV: FRI_SAT,
  IR: [5],
  AF: [4, 5],
  NP: [6],
};

/** Country names and aliases (English and Chinese) → ISO code, for the countries Gendan's users trade with most. */
const COUNTRY_ALIASES: Record<string, string> = {
  'saudi arabia': 'SA', 'ksa': 'SA', '沙特': 'SA', '沙特阿拉伯': 'SA',
  'qatar': 'QA', '卡塔尔': 'QA',
  'kuwait': 'KW', '科威特': 'KW',
  'bahrain': 'BH', '巴林': 'BH',
  'oman': 'OM', '阿曼': 'OM',
  'jordan': 'JO', '约旦': 'JO',
  'egypt': 'EG', '埃及': 'EG',
  'algeria': 'DZ', '阿尔及利亚': 'DZ',
  'iraq': 'IQ', '伊拉克': 'IQ',
  'israel': 'IL', '以色列': 'IL',
  'yemen': 'YE', 'libya': 'LY', 'syria': 'SY', 'sudan': 'SD',
  'bangladesh': 'BD', '孟加拉': 'BD', '孟加拉国': 'BD',
  'maldives': 'MV',
  'iran': 'IR', '伊朗': 'IR',
  'afghanistan': 'AF',
  'nepal': 'NP', '尼泊尔': 'NP',
  'united arab emirates': 'AE', 'uae': 'AE', '阿联酋': 'AE',
  'united states': 'US', 'usa': 'US', 'us': 'US', 'america': 'US', '美国': 'US',
  'china': 'CN', '中国': 'CN',
  'united kingdom': 'GB', 'uk': 'GB', 'britain': 'GB', '英国': 'GB',
  'germany': 'DE', '德国': 'DE',
  'france': 'FR', '法国': 'FR',
  'spain': 'ES', '西班牙': 'ES',
  'italy': 'IT', '意大利': 'IT',
  'japan': 'JP', '日本': 'JP',
  'korea': 'KR', 'south korea': 'KR', '韩国': 'KR',
  'australia': 'AU', '澳大利亚': 'AU',
  'canada': 'CA', '加拿大': 'CA',
  'mexico': 'MX', '墨西哥': 'MX',
  'brazil': 'BR', '巴西': 'BR',
  'india': 'IN', '印度': 'IN',
  'russia': 'RU', '俄罗斯': 'RU',
  'turkey': 'TR', 'türkiye': 'TR', '土耳其': 'TR',
  'vietnam': 'VN', '越南': 'VN',
  'thailand': 'TH', '泰国': 'TH',
  'indonesia': 'ID', '印度尼西亚': 'ID', '印尼': 'ID',
  'malaysia': 'MY', '马来西亚': 'MY',
  'singapore': 'SG', '新加坡': 'SG',
  'philippines': 'PH', '菲律宾': 'PH',
  'netherlands': 'NL', '荷兰': 'NL',
  'poland': 'PL', '波兰': 'PL',
  'south africa': 'ZA', '南非': 'ZA',
  'nigeria': 'NG', '尼日利亚': 'NG',
  'chile': 'CL', '智利': 'CL',
  'argentina': 'AR', '阿根廷': 'AR',
  'new zealand': 'NZ', '新西兰': 'NZ',
};

/** ISO alpha-2 code of a country typed as a code or a name in English or Chinese; undefined when unknown. */
export function countryCode(country: string | undefined): string | undefined {
  if (!country) return undefined;
  const t = country.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase();
  return COUNTRY_ALIASES[t.toLowerCase()];
}

/** The weekend days of a country (Saturday–Sunday unless the table says otherwise). */
export function weekendOf(country: string | undefined): Weekday[] {
  const code = countryCode(country);
  return (code && WEEKENDS[code]) || SAT_SUN;
}

/** True when `date` is neither a weekend day nor a listed holiday. */
export function isWorkingDay(date: LocalDate, weekend: readonly Weekday[], holidays: ReadonlySet<LocalDate> = new Set()): boolean {
  return !weekend.includes(dayOfWeek(date) as Weekday) && !holidays.has(date);
}

/**
 * The date `days` working days after `date` (before it when negative); `date` itself is not counted.
 * @example addWorkingDays('2026-03-06', 1, [6, 0]) // '2026-03-09' (Friday → Monday)
 */
export function addWorkingDays(date: LocalDate, days: number, weekend: readonly Weekday[], holidays: ReadonlySet<LocalDate> = new Set()): LocalDate {
  if (weekend.length >= 7) throw new Error('A week needs at least one working day');
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  if (left === 0) return date;
  // Counted in day numbers (the sweep does this for every case): a date text is made only for a holiday check and
  // for the result. 1970-01-01 (day 0) was a Thursday.
  let day = Math.floor(localDateToWall(date) / DAY);
  while (left > 0) {
    day += step;
    if (weekend.includes(((((day + 4) % 7) + 7) % 7) as Weekday)) continue;
    if (holidays.size && holidays.has(wallDateString(day * DAY))) continue;
    left--;
  }
  return wallDateString(day * DAY);
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: LocalDate, to: LocalDate, weekend: readonly Weekday[], holidays: ReadonlySet<LocalDate> = new Set()): number {
  if (from === to) return 0;
  const step = to > from ? 1 : -1;
  let n = 0;
  let d = from;
  while (d !== to) {
    d = addDaysToLocalDate(d, step);
    if (isWorkingDay(d, weekend, holidays)) n += step;
  }
  return n;
}
