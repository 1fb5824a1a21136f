// The reminders feature's exposed functions and menu section: the hourly trigger that runs reminders (installed with
// the daily sweep by "Turn daily updates on"), and Gendan ▸ Reminders ▸ Preview / Run now.
import { automationTriggerMayRun } from '../../app/automation';
import { previewReminders } from '../../app/reminders/preview-reminders';
import { runReminders, type RunReport } from '../../app/reminders/run-reminders';
import type { Lang } from '../../domain/i18n/i18n';
import { remindersAppText } from '../../domain/i18n/reminders-app';
import type { MenuSection } from '../menu';
import { withContext } from '../run';

/** The hourly time-driven trigger: reminders run only while automation is on and this trigger is its own. */
export function triggerHourlyReminders(e?: { triggerUid?: string }): void {
  withContext(
    (ctx) => {
      if (!automationTriggerMayRun(ctx, e?.triggerUid)) return;
      const report = runReminders(ctx);
      ctx.ports.log.info(`reminders: ${JSON.stringify(report)}`);
    },
    { ui: false },
  );
}

/** Gendan ▸ Reminders ▸ Preview: what Run now would produce, in a dialog; nothing is produced. */
export function menuRemindersPreview(): void {
  withContext((ctx) => {
    const data = previewReminders(ctx);
    ctx.ports.ui.showDialog('reminders-preview', remindersAppText(data.lang, 'preview.title'), data, 900, 620);
  });
}

/** The one-line outcome of a run, in the user's language. */
function runSummary(lang: Lang, r: RunReport): string {
  const made = r.digests + r.drafts + r.sent;
  const parts: string[] = [];
  parts.push(made || r.waitingTotal ? remindersAppText(lang, 'run.summary', { digests: r.digests, drafts: r.drafts, sent: r.sent, waiting: r.waitingTotal }) : remindersAppText(lang, 'run.nothing'));
  if (r.recovered) parts.push(remindersAppText(lang, 'run.recovered', { count: r.recovered }));
  if (r.failed.length) parts.push(remindersAppText(lang, 'run.failed', { count: r.failed.length, message: r.failed[0] ?? '' }));
  return parts.join(' ');
}

/** Gendan ▸ Reminders ▸ Run now: produces what Preview shows and says what it did. */
export function menuRemindersRun(): void {
  withContext((ctx) => {
    const report = runReminders(ctx);
    const lang = ctx.userLang;
    ctx.ports.workbook.toast(runSummary(lang, report), remindersAppText(lang, 'run.title'));
  });
}

export const handlers: Record<string, (...args: never[]) => unknown> = {
  triggerHourlyReminders,
  menuRemindersPreview,
  menuRemindersRun,
};
export const menuTop: MenuSection[] = [];
export const menuMiddle: MenuSection[] = [
  {
    title: 'menu.reminders',
    items: [
      { label: 'menu.remindersPreview', fn: 'menuRemindersPreview' },
      { label: 'menu.remindersRun', fn: 'menuRemindersRun' },
    ],
  },
];
