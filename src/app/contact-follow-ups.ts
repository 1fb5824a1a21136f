// Contact log → Follow-ups: a contact row with a next action, an owner and a due date has exactly one follow-up,
// found by its source "contact:<Contact ID>"; editing the contact updates that follow-up instead of adding another.
import type { ContactRecord, FollowUpRecord } from '../domain/ledgers/records';
import type { AppContext } from './context';
import type { Change, Snapshot } from './ledger-table';
import { allocateNumbers } from './assign-numbers';
import { followUpFields, type Fields } from './row-rules';

export function contactSource(contactId: string): string {
  return `contact:${contactId}`;
}

/** What the sync reads of a contact row. */
export type SyncContact = Pick<ContactRecord, '_row' | 'contactId' | 'customer' | 'nextAction' | 'owner' | 'due' | 'priority'>;

/** What the sync reads of a follow-up row: its ID and source, the fields it copies and what its status depends on. */
export type SyncFollowUp = Pick<
  FollowUpRecord,
  '_row' | 'id' | 'source' | 'customer' | 'nextAction' | 'owner' | 'due' | 'priority' | 'status' | 'progress' | 'snoozedUntil' | 'startedOn' | 'doneOn'
>;

/** The follow-up a contact row asks for, or null when it asks for none. */
export function followUpFor(contact: SyncContact): Fields<FollowUpRecord> | null {
  if (!contact.contactId || !contact.nextAction || !contact.owner || !contact.due) return null;
  return {
    customer: contact.customer,
    nextAction: contact.nextAction,
    owner: contact.owner,
    due: contact.due,
    priority: contact.priority,
    source: contactSource(contact.contactId),
  };
}

const SYNCED: (keyof SyncFollowUp)[] = ['customer', 'nextAction', 'owner', 'due', 'priority'];

export interface SyncResult {
  created: number;
  updated: number;
  /** With a snapshot: the updates for the caller to write together with its own changes (one write). */
  changes: Change<FollowUpRecord>[];
  /** The follow-ups appended, as records of their new rows. */
  createdRecords: FollowUpRecord[];
  /**
   * With `deferAppend`: appends the new follow-ups (and sets their records' rows). The caller calls it after it has
   * written the contacts' numbers, so a run that dies in between leaves a numbered contact without its follow-up —
   * which the next run makes — never a follow-up whose contact number no row holds.
   */
  appendNow?: () => void;
}

/**
 * Creates or updates the follow-ups of `contacts`. With a snapshot of the whole Follow-ups ledger (the sweep) the
 * matching is done in memory; without one (onEdit) each contact's follow-up is searched for by its source.
 */
export function syncFollowUpsFromContacts(
  ctx: AppContext,
  contacts: readonly SyncContact[],
  followUps: Snapshot<SyncFollowUp> | null,
  locked = false,
  deferAppend = false,
): SyncResult {
  const result: SyncResult = { created: 0, updated: 0, changes: [], createdRecords: [] };
  const wanted = contacts.map((c) => ({ c, f: followUpFor(c) })).filter((x): x is { c: SyncContact; f: Fields<FollowUpRecord> } => x.f !== null);
  if (!wanted.length) return result;
  const ledger = ctx.ledger('followUps');
  if (!ledger) return result;
  const today = ctx.today;
  const toCreate: Fields<FollowUpRecord>[] = [];
  let header = followUps?.header;
  let mapping = followUps?.mapping;
  if (!header || !mapping) ({ header, mapping } = ledger.readMapping());
  const bySource = new Map<string, SyncFollowUp>();
  if (followUps) {
    // Indexed: a for…of in code that runs once per execution makes an iterator result per follow-up.
    const records = followUps.records;
    for (let i = 0; i < records.length; i++) if (records[i].source) bySource.set(records[i].source as string, records[i]);
  }
  const sourceCol = mapping.byKey.source;
  for (const { f } of wanted) {
    let existing: SyncFollowUp | undefined;
    let snap: Snapshot<SyncFollowUp> | null = followUps;
    if (followUps) existing = bySource.get(String(f.source));
    else if (sourceCol) {
      const rows = ledger.table.findRows(sourceCol, String(f.source));
      if (rows.length) {
        snap = ledger.readRows(rows[0], 1, header);
        existing = snap.byRow.get(rows[0]);
      }
    }
    if (existing && snap) {
      const changes: Change<FollowUpRecord>[] = [];
      for (const k of SYNCED) {
        const v = f[k as keyof typeof f];
        if (v !== undefined && v !== existing[k]) changes.push({ row: existing._row, key: k as Change<FollowUpRecord>['key'], value: v });
      }
      if (changes.length) {
        const next = { ...existing, ...f } as FollowUpRecord;
        for (const [k, v] of Object.entries(followUpFields(next, today))) changes.push({ row: existing._row, key: k as Change<FollowUpRecord>['key'], value: v });
        // Without a snapshot of the ledger, `snap` is the row just read in full.
        if (!followUps) ledger.write(snap as Snapshot<FollowUpRecord>, changes);
        else result.changes.push(...changes);
        result.updated++;
      }
    } else {
      toCreate.push(f);
    }
  }
  if (toCreate.length) {
    const existingIds = followUps ? followUps.records.map((r) => r.id) : [];
    const ids = allocateNumbers(ctx, 'followUp', toCreate.length, existingIds, locked);
    const rows = toCreate.map((f, i) => {
      const rec = { _row: 0, nextAction: String(f.nextAction), ...f, id: ids[i] } as FollowUpRecord;
      return { ...f, id: ids[i], ...followUpFields(rec, today) };
    });
    const created = rows.map((r) => ({ ...r, _row: 0 }) as FollowUpRecord);
    const cols = mapping;
    const append = () => {
      const appended = ledger.append(cols, rows);
      created.forEach((r, i) => (r._row = appended[i]));
    };
    result.createdRecords = created;
    result.created = rows.length;
    if (deferAppend) result.appendNow = append;
    else append();
  }
  return result;
}
