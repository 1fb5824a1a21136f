// What a reminder run would produce now, computed from data already read and nothing else: the due reminders, the
// planner's decisions, and two rules of the team's day the pure planner leaves to the run — customer drafts, like
// sends, are made only inside the customer's working hours, and digests go out from the digest hour on.
import type { CustomerRecord } from '../../domain/ledgers/records';
import { customerWindow, type CustomerWindow } from '../../domain/reminders/customer-time';
import { DIGEST_MAX_ENTRIES, planReminderRun, type MailOutcome, type ReminderRunPlan, type WaitingItem } from '../../domain/reminders/plan-run';
import { dueReminders, type ReminderConfig, type ReminderItem } from '../../domain/reminders/rules';
import { instantToWall, localDateOf, localDateToWall, type LocalDate } from '../../domain/time/zone';
import type { ReminderData } from './load-reminder-data';
import type { ReminderSettings } from './reminder-settings';

export interface PrepareRunInput {
  data: ReminderData;
  settings: ReminderSettings;
  /** Keys produced before (the Reminder log, plus what this run recovered). */
  alreadyLogged: ReadonlySet<string>;
  /** Mail recipients this run may still use. */
  quota: number;
  now: number;
  timeZone: string;
  /** Most customer mails one run makes (the rest wait for the next hourly run). */
  maxCustomerMails: number;
}

export interface PreparedRun {
  today: LocalDate;
  items: ReminderItem[];
  plan: ReminderRunPlan;
  /** False before the digest hour: today's digests wait for it. */
  digestHourReached: boolean;
}

const HOUR_MS = 3_600_000;

/** The hour (0–23) of an instant in a zone. */
export function hourIn(now: number, timeZone: string): number {
  const wall = instantToWall(now, timeZone);
  return Math.floor((wall - localDateToWall(localDateOf(now, timeZone))) / HOUR_MS);
}

/**
 * Finishes the planner's plan with the two rules it leaves to the run: a customer draft waits outside the
 * customer's working hours (the planner holds only sends), with when the window opens; and one run makes at most
 * `maxMails` customer mails — counted after the hours rule, so mails that cannot go now never take the place of
 * ones that can. The digests are told what becomes of each mail. Returns a new plan.
 */
export function finishPlan(plan: ReminderRunPlan, now: number, config: ReminderConfig, timeZone: string, maxMails: number): ReminderRunPlan {
  const windows = new Map<string, CustomerWindow>();
  const windowOf = (c: CustomerRecord): CustomerWindow => {
    const k = `${c.timeZone ?? ''}|${c.country ?? ''}`;
    let w = windows.get(k);
    if (!w) {
      w = customerWindow(now, c, config, timeZone);
      windows.set(k, w);
    }
    return w;
  };
  const changed = new Map<string, MailOutcome>();
  const extraWaits: WaitingItem[] = [];
  const customerMails = plan.customerMails.filter((m) => {
    if (m.mode === 'draft') {
      const w = windowOf(m.customer);
      if (!w.open) {
        extraWaits.push({ item: m.item, part: 'mail', reason: 'outside-hours', ...(w.opensAt !== undefined ? { opensAt: w.opensAt } : {}) });
        changed.set(m.item.key, 'outside-hours');
        return false;
      }
    }
    return true;
  });
  for (const m of customerMails.splice(Math.max(0, maxMails))) {
    extraWaits.push({ item: m.item, part: 'mail', reason: 'run-limit' });
    changed.set(m.item.key, 'run-limit');
  }
  if (!changed.size) return plan;
  const waiting = plan.waiting.concat(extraWaits);
  const digests = plan.digests.map((d) => ({
    ...d,
    entries: d.entries.map((e) => (changed.has(e.item.key) ? { ...e, mail: changed.get(e.item.key) as MailOutcome } : e)),
  }));
  return { ...plan, customerMails, waiting, digests };
}

/**
 * Everything due now and what becomes of it, without producing anything (Preview shows this; Run now produces it).
 * @example prepareRun({ data, settings, alreadyLogged: new Set(), quota: 100, now, timeZone: 'Asia/Shanghai', maxCustomerMails: 40 }).plan.digests
 */
export function prepareRun(input: PrepareRunInput): PreparedRun {
  const { data, settings, now, timeZone } = input;
  const config = settings.config;
  const today = localDateOf(now, timeZone);
  const items = dueReminders({
    now,
    timeZone,
    today,
    customers: data.customers,
    orders: data.orders,
    contacts: data.contacts,
    followUps: data.followUps,
    afterSales: data.afterSales,
    config,
  });
  const digestHourReached = hourIn(now, timeZone) >= settings.digestHour;
  const plan = planReminderRun({
    items,
    alreadyLogged: input.alreadyLogged,
    // Before the digest hour no digest goes out: new entries wait for it, the customer mails go.
    holdDigests: !digestHourReached,
    now,
    quota: input.quota,
    mode: settings.mode,
    customers: data.customers,
    timeZone,
    config,
    maxDigestEntries: DIGEST_MAX_ENTRIES,
  });
  return { today, items, plan: finishPlan(plan, now, config, timeZone, input.maxCustomerMails), digestHourReached };
}
