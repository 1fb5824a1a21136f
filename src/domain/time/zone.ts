// Time-zone arithmetic on plain epoch milliseconds: the offset of an IANA zone at an instant, wall clock ↔ instant,
// and calendar dates (YYYY-MM-DD) of an instant. Cached per zone and hour so that converting a whole ledger is cheap.

/** A calendar date as written in ISO 8601, e.g. "2026-03-02". Compared as a string. */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
const HOUR = 3_600_000;
const DAY = 86_400_000;
// Bound once: the sandbox runs the bundle in a node:vm context, where each lookup of a global (Math, Number…) is a
// call into Node; the date functions below run for every date of a ledger.
const { floor } = Math;
const toNumber = Number;
const toText = String;
const utc = Date.UTC;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offset of `timeZone` from UTC, in milliseconds, at the instant `epochMs` (positive east of Greenwich).
 * @example zoneOffsetMs(Date.UTC(2026, 0, 1), 'Asia/Shanghai') // 28_800_000
 */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT') return 0;
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  // Offsets change on the quarter hour at most; an hour bucket is safe for every zone in use today.
  const bucket = Math.floor(epochMs / HOUR);
  const hit = cache.get(bucket);
  if (hit !== undefined) return hit;
  const parts = formatter(timeZone).formatToParts(new Date(bucket * HOUR));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  const offset = wall - bucket * HOUR;
  cache.set(bucket, offset);
  return offset;
}

/** Wall-clock milliseconds (UTC fields = local fields) of an instant in a zone. */
export function instantToWall(epochMs: number, timeZone: string): number {
  return epochMs + zoneOffsetMs(epochMs, timeZone);
}

/**
 * The instant at which a zone's clocks show the wall time `wallMs` (UTC fields = local fields).
 * In a gap (spring forward) the later side is taken; in an overlap (fall back) the earlier instant.
 */
export function wallToInstant(wallMs: number, timeZone: string): number {
  const first = wallMs - zoneOffsetMs(wallMs, timeZone);
  const second = wallMs - zoneOffsetMs(first, timeZone);
  if (second === first) return first;
  const third = wallMs - zoneOffsetMs(second, timeZone);
  return Math.min(second, third);
}

/** The calendar date an instant falls on in a zone. */
export function localDateOf(epochMs: number, timeZone: string): LocalDate {
  return wallDateString(instantToWall(epochMs, timeZone));
}

/** First and last day (days since 1970-01-01) of the years 0000…9999, where the arithmetic below applies. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

/**
 * "YYYY-MM-DD" of a wall-clock value. Years 0000…9999 by calendar arithmetic (no Date object: the sweep formats
 * hundreds of thousands of dates), others through Date.
 */
export function wallDateString(wallMs: number): LocalDate {
  const days = floor(wallMs / DAY);
  if (days >= FIRST_DAY && days <= LAST_DAY) {
    // Days since 0000-03-01 in 400-year eras (the proleptic Gregorian calendar, as Date's UTC fields).
    const z = days + 719_468;
    const era = floor(z / 146_097);
    const doe = z - era * 146_097;
    const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36_524) - floor(doe / 146_096)) / 365);
    const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
    const mp = floor((5 * doy + 2) / 153);
    const dd = doy - floor((153 * mp + 2) / 5) + 1;
    const mm = mp < 10 ? mp + 3 : mp - 9;
    const yy = yoe + era * 400 + (mm <= 2 ? 1 : 0);
    return `${toText(yy).padStart(4, '0')}-${mm < 10 ? '0' : ''}${mm}-${dd < 10 ? '0' : ''}${dd}`;
  }
  const d = new Date(days * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

/** Wall-clock midnight of a calendar date, as milliseconds (UTC fields = local fields). */
export function localDateToWall(date: LocalDate): number {
  const y = toNumber(date.slice(0, 4));
  const m = toNumber(date.slice(5, 7));
  const d = toNumber(date.slice(8, 10));
  return utc(y, m - 1, d);
}

/** The instant of local midnight starting `date` in a zone. */
export function startOfLocalDate(date: LocalDate, timeZone: string): number {
  return wallToInstant(localDateToWall(date), timeZone);
}

/** `date` moved by `days` calendar days. */
export function addDaysToLocalDate(date: LocalDate, days: number): LocalDate {
  return wallDateString(localDateToWall(date) + days * DAY);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((localDateToWall(to) - localDateToWall(from)) / DAY);
}

/** Day of week of a calendar date: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  // 1970-01-01 was a Thursday.
  return (((floor(localDateToWall(date) / DAY) + 4) % 7) + 7) % 7;
}

/** True for a well-formed, existing calendar date "YYYY-MM-DD". */
export function isLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return wallDateString(localDateToWall(value)) === value;
}
