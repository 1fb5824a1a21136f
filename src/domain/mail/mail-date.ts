// The RFC 5322 §3.3 date-time of an instant, as a mail Date header carries it.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Formats epoch milliseconds as an RFC 5322 date-time. With `offsetMinutes` (east of UTC, e.g. 480 for
 * Asia/Shanghai) the local time and its zone are written; otherwise UTC (+0000).
 * @example formatMailDate(Date.UTC(2026, 2, 2, 1, 0, 0)) // 'Mon, 02 Mar 2026 01:00:00 +0000'
 */
export function formatMailDate(epochMs: number, offsetMinutes = 0): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`Not a date: ${epochMs}`);
  const off = Math.round(offsetMinutes);
  const d = new Date(epochMs + off * 60_000);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const zone = `${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${zone}`
  );
}
