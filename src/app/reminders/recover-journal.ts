// Settling what an interrupted run left: each journaled draft is looked up (still there: a draft, or an unsent
// mail to send now; gone: sent, or handled by the user), and drafts carrying Gendan's key header made since that run
// began but never journaled (the run died right after making them) are found and finished the same way.
import type { Mailer } from '../../ports';
import type { MailMode } from '../../domain/ledgers/records';
import type { JournalEntry, JournalState } from './run-journal';

/** The header every Gendan draft carries: "<reminder log key>; <draft|send>". */
export const KEY_HEADER = 'X-Gendan-Key';

/** How many of the newest drafts are looked at for ones the journal missed. */
const SCAN_LIMIT = 100;
/** Gmail's clock and the script's may differ a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface RecoveredMail extends JournalEntry {
  /** What the mail is now: still a draft, or sent (before the crash, or by this recovery). */
  outcome: 'drafted' | 'sent';
  /** Sent by this recovery (uses quota now). */
  sentNow: boolean;
}

export interface Recovery {
  recovered: RecoveredMail[];
  /** Journaled sends that could not be finished now: they stay in the journal. */
  unsettled: JournalEntry[];
  errors: string[];
}

/**
 * The header value of a draft for `key` in `mode`.
 * @example keyHeaderValue('digest:li@x.cn:2026-03-09', 'send') // 'digest:li@x.cn:2026-03-09; send'
 */
export function keyHeaderValue(key: string, mode: MailMode): string {
  return `${key}; ${mode}`;
}

/** The key and mode from a header value; undefined when it is not Gendan's. */
export function parseKeyHeader(value: string): { key: string; mode: MailMode } | undefined {
  const at = value.lastIndexOf(';');
  if (at <= 0) return undefined;
  const key = value.slice(0, at).trim();
  const mode = value.slice(at + 1).trim();
  if (!key || (mode !== 'draft' && mode !== 'send')) return undefined;
  return { key, mode };
}

function message(e: unknown): string {
  const m = e && typeof e === 'object' ? (e as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : String(e);
}

/**
 * Finishes the mails of an interrupted run. `produced`: keys already in the Reminder log (nothing to do for them).
 * Calls: one draft lookup per journaled mail, one draft list, and one lookup per draft newer than the run that is
 * not journaled; plus one send per mail that was made to be sent and is still a draft.
 */
export function recoverJournal(mailer: Mailer, journal: JournalState, produced: ReadonlySet<string>): Recovery {
  const recovered: RecoveredMail[] = [];
  const unsettled: JournalEntry[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const finish = (entry: JournalEntry, stillDraft: boolean): void => {
    seen.add(entry.key);
    if (!stillDraft) {
      recovered.push({ ...entry, outcome: entry.mode === 'send' ? 'sent' : 'drafted', sentNow: false });
      return;
    }
    if (entry.mode === 'draft') {
      recovered.push({ ...entry, outcome: 'drafted', sentNow: false });
      return;
    }
    try {
      mailer.sendDraft(entry.draftId);
      recovered.push({ ...entry, outcome: 'sent', sentNow: true });
    } catch (e) {
      unsettled.push(entry);
      errors.push(`${entry.key}: ${message(e)}`);
    }
  };

  const known = new Set<string>();
  for (const entry of journal.entries) {
    known.add(entry.draftId);
    if (produced.has(entry.key) || seen.has(entry.key)) continue;
    finish(entry, mailer.draftHeader(entry.draftId, KEY_HEADER) !== null);
  }

  for (const id of mailer.draftIds(SCAN_LIMIT)) {
    if (known.has(id)) continue;
    const header = mailer.draftHeader(id, KEY_HEADER);
    if (!header) continue;
    // Newest first: the first draft older than the run ends the search.
    if (header.createdAt < journal.startedAt - CLOCK_SKEW_MS) break;
    const mark = parseKeyHeader(header.value);
    if (!mark || produced.has(mark.key) || seen.has(mark.key)) continue;
    finish({ key: mark.key, mode: mark.mode, draftId: id }, true);
  }
  return { recovered, unsettled, errors };
}
