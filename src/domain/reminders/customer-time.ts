// A customer's working window in their own time: their zone (else the spreadsheet's), their country's weekend and
// holidays, and the working-hours setting. Customer mails go out inside it; outside, they wait for a later run.
import type { CustomerRecord } from '../ledgers/records';
import { countryCode, isWorkingDay, weekendOf, type Weekday } from '../time/working-days';
import { addDaysToLocalDate, instantToWall, isValidTimeZone, localDateToWall, wallDateString, wallToInstant, type LocalDate } from '../time/zone';
import { DEFAULT_WORKING_HOURS, parseClockTime, type ReminderConfig } from './rules';

/** Zones of countries with a weekend other than Saturday–Sunday, for customers whose Country cell is blank. */
const ZONE_COUNTRY: Readonly<Record<string, string>> = {
  'Asia/Riyadh': 'SA',
  'Asia/Qatar': 'QA',
  'Asia/Kuwait': 'KW',
  'Asia/Bahrain': 'BH',
  'Asia/Muscat': 'OM',
  'Asia/Amman': 'JO',
  'Africa/Cairo': 'EG',
  'Africa/Algiers': 'DZ',
  'Asia/Baghdad': 'IQ',
  'Asia/Jerusalem': 'IL',
  'Asia/Aden': 'YE',
  'Africa/Tripoli': 'LY',
  'Asia/Damascus': 'SY',
  'Africa/Khartoum': 'SD',
  'Asia/Dhaka': 'BD',
  'Indian/Maldives': 'MV',
  'Asia/Tehran': 'IR',
  'Asia/Kabul': 'AF',
  'Asia/Kathmandu': 'NP',
};

const MINUTE = 60_000;
/** Holidays can chain into long closures; beyond this many days the window is reported closed with no opening. */
const SEARCH_DAYS = 60;

export interface CustomerWindow {
  /** Inside the customer's working hours on one of their working days. */
  open: boolean;
  /** When closed: the next instant the window opens (epoch ms). */
  opensAt?: number;
  /** The zone used: the customer's, or the spreadsheet's when theirs is blank or unknown. */
  timeZone: string;
  /** The customer's calendar date at `now`. */
  localDate: LocalDate;
  weekend: readonly Weekday[];
}

/**
 * The IANA zone a customer lives in: their Time zone cell when valid, else the spreadsheet's zone.
 * @example customerTimeZone({ timeZone: 'Asia/Riyadh' } as CustomerRecord, 'Asia/Shanghai') // 'Asia/Riyadh'
 */
export function customerTimeZone(customer: Pick<CustomerRecord, 'timeZone'>, spreadsheetTimeZone: string): string {
  const own = customer.timeZone?.trim();
  if (own && isValidTimeZone(own)) return own;
  return isValidTimeZone(spreadsheetTimeZone) ? spreadsheetTimeZone : 'UTC';
}

/**
 * Whether `now` falls inside the customer's working hours (default 09:00–18:00 their time) on a working day of
 * their country (Friday–Saturday weekend in Saudi Arabia…, the configured holidays excluded), and if not, when
 * the window next opens.
 * @example
 * // Friday 10:00 in Riyadh is weekend: closed until Sunday 09:00 there.
 * customerWindow(Date.UTC(2026, 2, 6, 7), { country: 'Saudi Arabia', timeZone: 'Asia/Riyadh' } as CustomerRecord,
 *   DEFAULT_REMINDER_CONFIG, 'Asia/Shanghai') // { open: false, opensAt: Date.UTC(2026, 2, 8, 6), … }
 */
export function customerWindow(
  now: number,
  customer: Pick<CustomerRecord, 'timeZone' | 'country'>,
  config: Pick<ReminderConfig, 'workingHours' | 'holidays'>,
  spreadsheetTimeZone: string,
): CustomerWindow {
  const timeZone = customerTimeZone(customer, spreadsheetTimeZone);
  const country = countryCode(customer.country) ?? ZONE_COUNTRY[timeZone];
  const weekend = weekendOf(country);
  const holidays = new Set<LocalDate>(country ? config.holidays[country] ?? [] : []);
  let start = parseClockTime(config.workingHours.start);
  let end = parseClockTime(config.workingHours.end);
  if (start === undefined || end === undefined || start >= end) {
    start = parseClockTime(DEFAULT_WORKING_HOURS.start) as number;
    end = parseClockTime(DEFAULT_WORKING_HOURS.end) as number;
  }
  const wall = instantToWall(now, timeZone);
  const localDate = wallDateString(wall);
  const minute = Math.floor((wall - localDateToWall(localDate)) / MINUTE);
  const base = { timeZone, localDate, weekend };
  if (isWorkingDay(localDate, weekend, holidays) && minute >= start && minute < end) return { open: true, ...base };
  for (let d = 0; d <= SEARCH_DAYS; d++) {
    const day = addDaysToLocalDate(localDate, d);
    if (!isWorkingDay(day, weekend, holidays)) continue;
    const opensAt = wallToInstant(localDateToWall(day) + start * MINUTE, timeZone);
    if (opensAt > now) return { open: false, opensAt, ...base };
  }
  return { open: false, ...base };
}
