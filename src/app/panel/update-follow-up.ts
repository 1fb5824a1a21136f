// The customer panel's follow-up buttons: Mark done (status Done, Done on stamped) and Snooze (Snoozed until moved
// on by 1–60 days from the follow-up's deadline, or from today when it is already late), then the statuses the
// rules give. Only the follow-up's own cells are written, re-read first so that a concurrent edit is kept.
import type { AppContext } from '../context';
import type { Change } from '../ledger-table';
import type { PanelData } from '../../ui/sidebar-contract';
import type { FollowUpRecord } from '../../domain/ledgers/records';
import { LEDGERS } from '../../domain/ledgers/index';
import { panelText } from '../../domain/i18n/panel-app';
import { followUpDeadline } from '../../domain/status/follow-up-status';
import { addDaysToLocalDate } from '../../domain/time/zone';
import { followUpFields } from '../row-rules';
import { belongsTo, followUpCustomer, readPanelLedgers, resolveCustomer, updateCustomerColumns, type PanelLedgers } from './panel-ledgers';
import { buildPanel } from './build-panel';

type Edit = (f: FollowUpRecord, today: string) => Partial<FollowUpRecord>;

function find(l: PanelLedgers, id: string): FollowUpRecord | undefined {
  const records = l.followUps?.snap.records ?? [];
  const row = /^row:(\d+)$/.exec(id);
  if (row) return l.followUps?.snap.byRow.get(Number(row[1]));
  return records.find((f) => f.id === id);
}

function updateFollowUp(ctx: AppContext, customerId: string, followUpId: string, edit: Edit, userKeys: readonly string[]): PanelData {
  const lang = ctx.userLang;
  const l = readPanelLedgers(ctx);
  const customer = resolveCustomer(l, String(customerId ?? ''));
  const id = String(followUpId ?? '').trim();
  const f = find(l, id);
  const followUps = l.followUps;
  if (!f || !followUps) throw new Error(panelText(lang, 'panel.unknownFollowUp', { id, sheet: followUps?.snap.table.name ?? LEDGERS.followUps.sheet[lang] }));
  if (!belongsTo(l, customer, followUpCustomer(l, f))) throw new Error(panelText(lang, 'panel.otherCustomer', { id }));
  const today = ctx.today;
  const next: FollowUpRecord = { ...f, ...edit(f, today) };
  const fields = { ...edit(f, today), ...followUpFields(next, today) } as Partial<FollowUpRecord>;
  const changes = Object.entries(fields).map(([key, value]): Change<FollowUpRecord> => ({ row: f._row, key: key as Change<FollowUpRecord>['key'], value }));
  followUps.ledger.write(followUps.snap, changes, { fresh: true, userKeys });
  // The records as they are now, for the panel (the snapshot itself stays as read: the writer compared against it).
  const updated = { ...next, ...fields } as FollowUpRecord;
  l.followUps = { ...followUps, snap: { ...followUps.snap, records: followUps.snap.records.map((r) => (r === f ? updated : r)) } };
  updateCustomerColumns(ctx, l, customer);
  return buildPanel(ctx, l, customer);
}

/** Marks a follow-up of the customer done. */
export function markFollowUpDone(ctx: AppContext, customerId: string, followUpId: string): PanelData {
  return updateFollowUp(ctx, customerId, followUpId, () => ({ status: 'done' }), []);
}

/** Snoozes a follow-up of the customer by `days` (1–60). */
export function snoozeFollowUp(ctx: AppContext, customerId: string, followUpId: string, days: number): PanelData {
  const n = Number(days);
  if (!Number.isInteger(n) || n < 1 || n > 60) throw new Error(panelText(ctx.userLang, 'panel.badDays'));
  // Snoozed until is the user's column: written because the user asked for it with this button.
  return updateFollowUp(
    ctx,
    customerId,
    followUpId,
    (f, today) => {
      const deadline = followUpDeadline(f);
      const from = deadline && deadline > today ? deadline : today;
      return { snoozedUntil: addDaysToLocalDate(from, n) };
    },
    ['snoozedUntil'],
  );
}
