// What a reminder run would produce now, computed from data already read and nothing else: the due reminders, the
// planner's decisions, and two rules of the team's day the pure planner leaves to the run — customer drafts, like
// sends, are made only inside the customer's working hours, and digests go out from the digest hour on.
import type { CustomerRecord } from '../../domain/ledgers/records';
import { customerWindow, type CustomerWindow } from '../../domain/reminders/customer-time';
import { customerMailKey, digestKey, planReminderRun, type MailOutcome, type ReminderRunPlan, type WaitingItem } from '../../domain/reminders/plan-run';
import { dueReminders, type ReminderConfig, type ReminderItem, type Urgency } from '../../domain/reminders/rules';
import { DIGEST_MAX_ENTRIES } from './compose-mails';
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
  /** False before the digest hour: today's digest entries wait for it. */
  digestHourReached: boolean;
  /** Per owner, entries left out of today's digest before planning (beyond what one digest lists). */
  digestOverflow: ReadonlyMap<string, number>;
}

const HOUR_MS = 3_600_000;
/** The planner's order of urgency (overdue first). */
const URGENCY_RANK: Readonly<Record<Urgency, number>> = { overdue: 0, today: 1, upcoming: 2 };

/** The planner's order of entries: overdue first, then by due date, then by key. */
export function byUrgency(a: ReminderItem, b: ReminderItem): number {
  const u = URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency];
  if (u !== 0) return u;
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

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
    entries: d.entries.map((e) => (changed.has(e.item.key) ? { item: e.item, mail: changed.get(e.item.key) as MailOutcome } : e)),
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
  let logged = input.alreadyLogged;
  if (!digestHourReached) {
    // Before the digest hour every owner's digest counts as sent: the entries wait, the customer mails go.
    const withDigests = new Set(logged);
    for (let i = 0; i < items.length; i++) withDigests.add(digestKey(items[i].owner, today));
    logged = withDigests;
  }
  // Only what can still happen goes to the planner, which sorts everything it gets:
  // - an entry whose owner had today's digest, with no customer mail to make, can only wait for tomorrow's;
  // - of an owner's entries with no customer mail, only the most urgent DIGEST_MAX_ENTRIES can be listed today: the
  //   (urgency, due date) groups beyond that count are left for the next digests, counted in `digestOverflow`.
  const planned: ReminderItem[] = [];
  const waitingForDigest: WaitingItem[] = [];
  const digestOnly = new Map<string, ReminderItem[]>();
  const digestDone = new Map<string, boolean>();
  // Indexed: a for…of in code that runs once per execution makes an iterator result per item.
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const entryNew = !logged.has(item.key);
    const mailNew = item.audience === 'customer' && !logged.has(customerMailKey(item));
    if (!entryNew || mailNew) {
      planned.push(item);
      continue;
    }
    let done = digestDone.get(item.owner);
    if (done === undefined) {
      done = logged.has(digestKey(item.owner, today));
      digestDone.set(item.owner, done);
    }
    if (done) {
      waitingForDigest.push({ item, part: 'digest', reason: 'digest-sent' });
      continue;
    }
    const list = digestOnly.get(item.owner);
    if (list) list.push(item);
    else digestOnly.set(item.owner, [item]);
  }
  const digestOverflow = new Map<string, number>();
  const days = new Map<string, number>();
  const dayNumber = (date: LocalDate): number => {
    let n = days.get(date);
    if (n === undefined) days.set(date, (n = Number(date.replace(/-/g, ''))));
    return n;
  };
  for (const [owner, list] of digestOnly) {
    if (list.length <= DIGEST_MAX_ENTRIES) {
      for (let n = 0; n < list.length; n++) planned.push(list[n]);
      continue;
    }
    // Group by urgency and due date (a numeric key: rank, then the date's digits) and keep the groups that hold the
    // most urgent DIGEST_MAX_ENTRIES; ties inside the last group are left to the planner.
    const keys = list.map((i) => URGENCY_RANK[i.urgency] * 1e8 + dayNumber(i.dueDate));
    const counts = new Map<number, number>();
    for (let n = 0; n < keys.length; n++) counts.set(keys[n], (counts.get(keys[n]) ?? 0) + 1);
    const groups = [...counts.keys()].sort((a, b) => a - b);
    let threshold = groups[groups.length - 1] as number;
    let sum = 0;
    for (const g of groups) {
      sum += counts.get(g) ?? 0;
      if (sum >= DIGEST_MAX_ENTRIES) {
        threshold = g;
        break;
      }
    }
    let over = 0;
    list.forEach((i, n) => {
      if ((keys[n] as number) <= threshold) planned.push(i);
      else {
        waitingForDigest.push({ item: i, part: 'digest', reason: 'digest-sent' });
        over++;
      }
    });
    digestOverflow.set(owner, over);
  }
  const planAll = planReminderRun({
    items: planned,
    alreadyLogged: logged,
    now,
    quota: input.quota,
    mode: settings.mode,
    customers: data.customers,
    timeZone,
    config,
  });
  const plan = waitingForDigest.length ? { ...planAll, waiting: planAll.waiting.concat(waitingForDigest) } : planAll;
  return { today, items, plan: finishPlan(plan, now, config, timeZone, input.maxCustomerMails), digestHourReached, digestOverflow };
}
