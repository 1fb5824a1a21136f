// Calendar dates as documents print them: "2 March 2026" in English, "2026年3月2日" in Chinese.
import type { Lang } from '../i18n/i18n';
import { isLocalDate, type LocalDate } from '../time/zone';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A calendar date ("YYYY-MM-DD") written out for a document in `lang` (day month year in English, the
 * unambiguous form for buyers on both sides of the Atlantic). Text that is not a valid date is returned
 * trimmed and unchanged, so a free-text "end of May" in a date column still reaches the document.
 * @example formatDateForDoc('2026-03-02', 'en') // "2 March 2026"
 * @example formatDateForDoc('2026-03-02', 'zh') // "2026年3月2日"
 */
export function formatDateForDoc(date: LocalDate, lang: Lang): string {
  const value = String(date ?? '').trim();
  if (!isLocalDate(value)) return value;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return lang === 'zh' ? `${year}年${month}月${day}日` : `${day} ${MONTHS[month - 1]} ${year}`;
}
