// The run journal: one document property that says a reminder run is producing mail, and which Gmail draft each
// of its mails became. It is written before the first mail and after each draft, and removed once the Reminder log
// holds every key — so a run that died in between leaves exactly what the next run needs to finish its work.
import type { KeyValueStore } from '../../ports';
import type { MailMode } from '../../domain/ledgers/records';

export const JOURNAL_PROPERTY = 'gendan.reminders.journal';

/** Apps Script allows 9 KB per property value; the journal stops taking mails well before. */
export const JOURNAL_MAX_BYTES = 8000;

export interface JournalEntry {
  /** Reminder log key of the mail (digest key, or the item's ":mail" key). */
  key: string;
  mode: MailMode;
  /** The Gmail draft the mail was made as. */
  draftId: string;
}

export interface JournalState {
  /** When the run that wrote it began (epoch ms): drafts made since then may belong to it. */
  startedAt: number;
  /** Who ran it: drafts live in that user's Gmail. */
  user: string;
  entries: JournalEntry[];
}

/** Bytes of a string in UTF-8 (what the property limit counts). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3;
  }
  return n;
}

type Stored = { s: number; u: string; e: [string, 'd' | 's', string][] };

function encode(state: JournalState): string {
  const stored: Stored = { s: state.startedAt, u: state.user, e: state.entries.map((e) => [e.key, e.mode === 'send' ? 's' : 'd', e.draftId]) };
  return JSON.stringify(stored);
}

/**
 * The journal a run left behind, or null when the last run finished cleanly. An unreadable value still means a run
 * did not finish: it is read as a journal with no entries begun 24 hours ago, so the next run looks that far back
 * for drafts carrying a key.
 */
export function readJournal(store: KeyValueStore, now: number): JournalState | null {
  const raw = store.get(JOURNAL_PROPERTY);
  if (raw === null || raw === '') return null;
  try {
    const s = JSON.parse(raw) as Partial<Stored>;
    const entries = Array.isArray(s.e)
      ? s.e
          .filter((e): e is [string, 'd' | 's', string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[2] === 'string')
          .map(([key, mode, draftId]) => ({ key, mode: (mode === 's' ? 'send' : 'draft') as MailMode, draftId }))
      : [];
    return { startedAt: typeof s.s === 'number' ? s.s : now - 86_400_000, user: typeof s.u === 'string' ? s.u : '', entries };
  } catch {
    return { startedAt: now - 86_400_000, user: '', entries: [] };
  }
}

/** The journal of the running execution: every change is one property write. */
export class RunJournal {
  private state: JournalState;
  private written = false;

  /** `state` starts with what a previous run left unsettled (recovered now, logged at the end of this run). */
  constructor(
    private readonly store: KeyValueStore,
    state: JournalState,
  ) {
    this.state = { ...state, entries: [...state.entries] };
  }

  get entries(): readonly JournalEntry[] {
    return this.state.entries;
  }

  /** Writes the journal once before the first mail, so a crash at any later point is seen by the next run. */
  begin(): void {
    if (this.written) return;
    this.store.set(JOURNAL_PROPERTY, encode(this.state));
    this.written = true;
  }

  /** True when one more entry (its key, a draft id, the JSON around them) still fits in the property. */
  hasRoomFor(key: string): boolean {
    return utf8Length(encode(this.state)) + utf8Length(key) + 64 <= JOURNAL_MAX_BYTES;
  }

  /** Records that `key` became draft `draftId` (before a send-mode draft is sent). */
  record(entry: JournalEntry): void {
    this.state = { ...this.state, entries: [...this.state.entries, entry] };
    this.store.set(JOURNAL_PROPERTY, encode(this.state));
    this.written = true;
  }

  /**
   * Ends the run once the Reminder log holds its keys: the property goes, unless some mail's fate is uncertain (a
   * send that threw after its draft was made, a draft call that threw) — then it keeps exactly those for the next
   * run to settle. `hadJournal`: a property from an earlier run exists and must go even if this run wrote none.
   */
  finish(uncertain: readonly JournalEntry[], unknownDraft: boolean, hadJournal: boolean): void {
    if (!uncertain.length && !unknownDraft) {
      if (this.written || hadJournal) this.store.delete(JOURNAL_PROPERTY);
      return;
    }
    this.state = { ...this.state, entries: [...uncertain] };
    this.store.set(JOURNAL_PROPERTY, encode(this.state));
  }
}
