// Follow-up status rules: the user marks in progress / done, Gendan keeps pending / overdue true and stamps the dates.
import type { FollowUpRecord, LocalDate, WorkStatus } from '../ledgers/records';

// Bound once: the sandbox runs the bundle in a node:vm context, where each lookup of a global is a call into Node;
// followUpStatus runs for every follow-up of the ledger.
const isFiniteNumber = Number.isFinite;

export type FollowUpStatusInput = Pick<FollowUpRecord, 'status' | 'progress' | 'due' | 'snoozedUntil' | 'startedOn' | 'doneOn'>;

/** What the Status, Started on and Done on columns should hold; an absent date means a blank cell. */
export interface FollowUpStatusResult {
  status: WorkStatus;
  startedOn?: LocalDate;
  doneOn?: LocalDate;
}

/**
 * The date after which a follow-up is overdue: its due date, or a later "snoozed until" date.
 * @example followUpDeadline({ due: '2026-03-02', snoozedUntil: '2026-03-05' }) // '2026-03-05'
 */
export function followUpDeadline(row: Pick<FollowUpRecord, 'due' | 'snoozedUntil'>): LocalDate | undefined {
  if (!row.due) return undefined;
  return row.snoozedUntil && row.snoozedUntil > row.due ? row.snoozedUntil : row.due;
}

/**
 * The status of a follow-up on `today` (a date in the spreadsheet's zone). Done (marked done or progress 100 %)
 * wins and stamps Done on; otherwise overdue when the due date, deferred by a snooze, is before today (due today is
 * not overdue); otherwise in progress when started (progress > 0, marked in progress, or a Started on stamp), which
 * stamps Started on; otherwise pending. 'pending' or 'overdue' typed by hand are recomputed; leaving done clears
 * Done on.
 * @example followUpStatus({ status: 'pending', due: '2026-03-01' }, '2026-03-02') // { status: 'overdue' }
 * @example followUpStatus({ status: 'done' }, '2026-03-02') // { status: 'done', doneOn: '2026-03-02' }
 */
export function followUpStatus(row: FollowUpStatusInput, today: LocalDate): FollowUpStatusResult {
  const progress = typeof row.progress === 'number' && isFiniteNumber(row.progress) ? row.progress : 0;
  const result: FollowUpStatusResult = { status: 'pending' };
  if (row.startedOn) result.startedOn = row.startedOn;

  if (row.status === 'done' || progress >= 1) {
    result.status = 'done';
    result.doneOn = row.doneOn || today;
    return result;
  }

  const started = progress > 0 || row.status === 'in-progress' || Boolean(row.startedOn);
  if (started && !result.startedOn) result.startedOn = today;

  const deadline = followUpDeadline(row);
  if (deadline && deadline < today) result.status = 'overdue';
  else if (started) result.status = 'in-progress';
  return result;
}
