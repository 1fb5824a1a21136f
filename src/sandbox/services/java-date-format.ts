// Utilities.formatDate: Java SimpleDateFormat patterns applied in an IANA time zone, as Apps Script does.
import { zoneOffsetMs } from '../../domain/time/zone';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/**
 * The zone offset as a SimpleDateFormat pattern letter writes it: `Z` (+0800), `z` (GMT+08:00), or ISO 8601 `X`
 * repeated `isoWidth` times (1: +08, 2: +0800, 3: +08:00; "Z" for UTC).
 */
function offsetString(offsetMs: number, letter: 'Z' | 'z' | 'X', isoWidth = 1): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 60000);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (letter === 'Z') return `${sign}${pad(h, 2)}${pad(m, 2)}`;
  if (letter === 'z') return offsetMs === 0 ? 'GMT' : `GMT${sign}${pad(h, 2)}:${pad(m, 2)}`;
  if (offsetMs === 0) return 'Z';
  if (isoWidth === 1) return `${sign}${pad(h, 2)}${m ? pad(m, 2) : ''}`;
  if (isoWidth === 2) return `${sign}${pad(h, 2)}${pad(m, 2)}`;
  return `${sign}${pad(h, 2)}:${pad(m, 2)}`;
}

/** Formats `epochMs` in `timeZone` with a SimpleDateFormat pattern ("yyyy-MM-dd HH:mm", "EEE, d MMM yyyy"…). */
export function formatJavaDate(epochMs: number, timeZone: string, pattern: string): string {
  const offset = zoneOffsetMs(epochMs, timeZone);
  const d = new Date(epochMs + offset);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const day = d.getUTCDate();
  const hour = d.getUTCHours();
  const minute = d.getUTCMinutes();
  const second = d.getUTCSeconds();
  const ms = d.getUTCMilliseconds();
  const dow = d.getUTCDay();
  const dayOfYear = Math.floor((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y': // week-year; equal to the year except around New Year — close enough for display
        out += n === 2 ? pad(year % 100, 2) : pad(year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[month] : n === 3 ? MONTHS[month].slice(0, 3) : pad(month + 1, n);
        break;
      case 'd':
        out += pad(day, n);
        break;
      case 'D':
        out += pad(dayOfYear, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[dow] : DAYS[dow].slice(0, 3);
        break;
      case 'u':
        out += pad(dow === 0 ? 7 : dow, n);
        break;
      case 'a':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(hour, n);
        break;
      case 'k':
        out += pad(hour === 0 ? 24 : hour, n);
        break;
      case 'K':
        out += pad(hour % 12, n);
        break;
      case 'h':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
        break;
      case 'm':
        out += pad(minute, n);
        break;
      case 's':
        out += pad(second, n);
        break;
      case 'S':
        out += pad(ms, n);
        break;
      case 'Z':
        out += offsetString(offset, 'Z');
        break;
      case 'X':
        out += offsetString(offset, 'X', Math.min(n, 3));
        break;
      case 'z':
        out += offsetString(offset, 'z');
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
