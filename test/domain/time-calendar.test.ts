// Calendar arithmetic without Date objects (wallDateString, dayOfWeek, addWorkingDays) gives what Date's UTC fields
// and a day-by-day walk give.
import { addDaysToLocalDate, dayOfWeek, localDateToWall, wallDateString } from '../../src/domain/time/zone';
import { addWorkingDays, isWorkingDay, type Weekday } from '../../src/domain/time/working-days';

const DAY = 86_400_000;

/** The formatting as first written, through a Date. */
function viaDate(wallMs: number): string {
  const d = new Date(Math.floor(wallMs / DAY) * DAY);
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

describe('calendar dates without Date objects', () => {
  it('formats every day of years 0000…9999 (and either side) as Date does, whatever the time of day', () => {
    const wrong: string[] = [];
    const check = (days: number) => {
      for (const w of [days * DAY, days * DAY + 1, days * DAY + DAY - 1]) if (viaDate(w) !== wallDateString(w)) wrong.push(`${w}: ${wallDateString(w)}, expected ${viaDate(w)}`);
    };
    // Every day from 1899 to 2101, and every 97th day (all weekdays, months and leap rules) from year -1 to 10050.
    for (let days = -25_600; days <= 48_000; days++) check(days);
    for (let days = -720_000; days <= 2_950_000; days += 97) check(days);
    for (const w of [NaN, Infinity, -Infinity, 8.64e15, -8.64e15]) if (viaDate(w) !== wallDateString(w)) wrong.push(`${w}: ${wallDateString(w)}, expected ${viaDate(w)}`);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(['1970-01-01', '2000-02-29', '2026-03-02', '1900-03-01', '9999-12-31'].map((d) => wallDateString(localDateToWall(d)))).toEqual(['1970-01-01', '2000-02-29', '2026-03-02', '1900-03-01', '9999-12-31']);
  });

  it('tells the day of the week as Date does', () => {
    const wrong: string[] = [];
    for (let days = -25_000; days <= 60_000; days++) {
      const date = wallDateString(days * DAY);
      if (dayOfWeek(date) !== new Date(localDateToWall(date)).getUTCDay()) wrong.push(date);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(dayOfWeek('2026-03-02')).toBe(1);
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(dayOfWeek('not a date')).toBeNaN();
  });
});

describe('addWorkingDays', () => {
  /** The day-by-day walk as first written. */
  const walk = (date: string, days: number, weekend: readonly Weekday[], holidays: ReadonlySet<string>): string => {
    let left = Math.abs(days);
    let d = date;
    while (left > 0) {
      d = addDaysToLocalDate(d, days < 0 ? -1 : 1);
      if (isWorkingDay(d, weekend, holidays)) left--;
    }
    return d;
  };
  const WEEKENDS: Weekday[][] = [[6, 0], [5, 6], [5], [4, 5], [], [0, 1, 2, 3, 4, 5]];
  const HOLIDAYS = [new Set<string>(), new Set(['2026-01-01', '2026-02-17', '2026-02-18', '2026-05-01', '2025-12-25', '2026-10-01'])];

  it('lands where a day-by-day walk lands, forwards and backwards, with any weekend and holidays', () => {
    const wrong: string[] = [];
    for (let i = 0; i < 400; i += 3) {
      const date = addDaysToLocalDate('2025-11-01', i);
      for (const weekend of WEEKENDS) {
        for (const holidays of HOLIDAYS) {
          for (const days of [-15, -7, -1, 0, 1, 2, 5, 7, 10, 15, 31]) {
            const want = walk(date, days, weekend, holidays);
            const got = addWorkingDays(date, days, weekend, holidays);
            if (got !== want) wrong.push(`${date} ${days} [${weekend.join(',')}] ${holidays.size}: ${got}, expected ${want}`);
          }
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('counts from the date itself, not counted', () => {
    expect(addWorkingDays('2026-03-06', 1, [6, 0])).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-05', 1, [5, 6])).toBe('2026-03-08');
    expect(addWorkingDays('2026-03-06', 0, [6, 0])).toBe('2026-03-06');
    expect(() => addWorkingDays('2026-03-06', 1, [0, 1, 2, 3, 4, 5, 6])).toThrow(/at least one working day/);
  });
});
