// Reading and writing the Reminder log: which keys count as produced (the never-twice set), which waits were
// already recorded, how many recipients Gendan's own sends used in the last 24 hours, and the rows a run appends.
import type { ReminderLogRecord } from '../../domain/ledgers/records';
import { recipientCount } from '../../domain/reminders/plan-run';

/** Result codes in the Result column. Only 'waiting' and 'failed' rows leave their key free for a later run. */
export const LOG_RESULT = {
  sent: 'sent',
  drafted: 'drafted',
  listed: 'listed',
  waiting: 'waiting',
  failed: 'failed',
} as const;
export type LogResult = (typeof LOG_RESULT)[keyof typeof LOG_RESULT];

/** Mode codes in the Mode column: a Gmail draft, a sent mail, an entry of a digest. */
export type LogMode = 'draft' | 'send' | 'digest';

export type LogRow = Pick<ReminderLogRecord, 'key' | 'rule' | 'ref' | 'recipient' | 'when' | 'mode' | 'result' | 'detail'>;

const DAY_MS = 86_400_000;

function isFree(result: string | undefined): boolean {
  return result === LOG_RESULT.waiting || result === LOG_RESULT.failed;
}

/**
 * Keys of everything produced before: every row except waits and failures (a row of unknown result counts as
 * produced — never twice wins over never lost when the log was edited by hand).
 * @example producedKeys([{ _row: 2, key: 'k', rule: 'r', result: 'drafted' }]).has('k') // true
 */
export function producedKeys(rows: readonly ReminderLogRecord[]): Set<string> {
  const out = new Set<string>();
  // Indexed loops: the log only grows, and a for…of in code that runs once per execution makes a result per row.
  for (let i = 0; i < rows.length; i++) if (rows[i].key && !isFree(rows[i].result)) out.add(rows[i].key);
  return out;
}

/**
 * "key|result|detail" of every wait and failure already recorded, so each is logged once, not every hour.
 * @example loggedMarks([{ _row: 2, key: 'k:mail', rule: 'r', result: 'waiting', detail: 'quota' }]).has('k:mail|waiting|quota') // true
 */
export function loggedMarks(rows: readonly ReminderLogRecord[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.key && isFree(r.result)) out.add(`${r.key}|${r.result}|${r.detail ?? ''}`);
  }
  return out;
}

/**
 * Recipients of the mails Gendan sent in the 24 hours before `now`. Gendan sends through Gmail drafts, which
 * MailApp's remaining quota may not count, so the run takes these off that figure itself.
 * @example recentSendRecipients([{ _row: 2, key: 'k', rule: 'r', mode: 'send', result: 'sent', recipient: 'a@x.com', when: now - 1 }], now) // 1
 */
export function recentSendRecipients(rows: readonly ReminderLogRecord[], now: number): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.mode !== 'send' || r.result !== LOG_RESULT.sent || typeof r.when !== 'number') continue;
    if (r.when > now - DAY_MS && r.when <= now) n += Math.max(1, recipientCount(r.recipient ?? ''));
  }
  return n;
}

/** The rule part of a reminder key ("quote-no-decision:SO-1:2026-03-07:mail" → "quote-no-decision"). */
export function ruleOfKey(key: string): string {
  return key.split(':')[0] ?? '';
}

/** The row-id part of a reminder key, for the Ref column. */
export function refOfKey(key: string): string {
  const parts = key.split(':');
  return parts[0] === 'digest' ? '' : parts.slice(1, -1).filter((p) => p !== 'mail' && !/^\d{4}-\d{2}-\d{2}$/.test(p)).join(':');
}
