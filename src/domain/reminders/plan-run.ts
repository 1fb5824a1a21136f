// Planning one reminder run: which owner digests and customer mails go out now, which wait and why, and which were
// produced before. An owner's digest of the day lists every item open for them (marking the ones no earlier digest
// listed as new); a customer mail is made once. Pure: the caller sends or drafts what the plan says and logs it.
import type { CustomerRecord, MailMode } from '../ledgers/records';
import { localDateOf, type LocalDate } from '../time/zone';
import { customerWindow, type CustomerWindow } from './customer-time';
import { DEFAULT_REMINDER_CONFIG, type DocType, type ReminderConfig, type ReminderItem, type Urgency } from './rules';

/**
 * Why part of a reminder is not produced in this run. 'digest-sent': today's digest for the owner already went
 * out, so an item no digest listed yet joins tomorrow's. 'run-limit': more customer mails than one run may make.
 */
export type WaitingReason = 'outside-hours' | 'quota' | 'do-not-email' | 'no-email' | 'digest-sent' | 'run-limit';

/** What happens to an item's customer mail, as the digest reports it. */
export type MailOutcome = MailMode | 'already' | WaitingReason;

export interface DigestEntry {
  item: ReminderItem;
  /** Customer-audience items only. */
  mail?: MailOutcome;
  /** No earlier digest listed the item (its key is not in the Reminder log): marked new, and logged as listed. */
  isNew: boolean;
}

/** Items by urgency. */
export type UrgencyCounts = Readonly<Record<Urgency, number>>;

/** Entries one digest lists at most: a longer list is not read. The rest are counted in a line of the digest. */
export const DIGEST_MAX_ENTRIES = 100;

export interface DigestPlan {
  /** `digest:<owner>:<date>`: one digest per owner per day. */
  key: string;
  owner: string;
  to: string;
  date: LocalDate;
  /**
   * What the digest lists: the owner's most urgent open items, listed before or not (at most `maxDigestEntries`).
   * Overdue first, then due today, then coming up; by due date within each.
   */
  entries: DigestEntry[];
  /** Every item open for the owner now, listed or not, by urgency. */
  open: UrgencyCounts;
  /** Open items the digest does not list (beyond `maxDigestEntries`, the least urgent). */
  more: number;
  /** The owner's customer mails left waiting for mail quota in this run. */
  waitingForQuota: number;
}

export interface CustomerMailPlan {
  /** Reminder log key of the mail (see `customerMailKey`). */
  key: string;
  item: ReminderItem;
  customer: CustomerRecord;
  to: string;
  /** The customer's Language cell ('' when blank), for choosing the template. */
  language: string;
  mode: MailMode;
  attachDocType?: DocType;
}

export interface WaitingItem {
  item: ReminderItem;
  /** Which part waits: the owner's digest entry or the customer mail. */
  part: 'digest' | 'mail';
  reason: WaitingReason;
  /** Outside hours: when the customer's working window opens (epoch ms). */
  opensAt?: number;
}

export interface ReminderRunPlan {
  today: LocalDate;
  digests: DigestPlan[];
  customerMails: CustomerMailPlan[];
  waiting: WaitingItem[];
  /** Items whose every part is in the Reminder log already, and repeated keys. */
  skipped: ReminderItem[];
  /** Sent mails (recipients) the plan uses; drafts use none. */
  quotaUsed: number;
}

export interface PlanReminderRunInput {
  items: readonly ReminderItem[];
  /** Keys in the Reminder log. */
  alreadyLogged: ReadonlySet<string>;
  now: number;
  /** Mail recipients left today (MailApp.getRemainingDailyQuota()). */
  quota: number;
  /** The team's customer-mail setting; draft-only rules stay drafts in 'send'. */
  mode: MailMode;
  customers: readonly CustomerRecord[];
  /** The spreadsheet's zone: "today" and the digest date, and the zone of customers without one. */
  timeZone: string;
  config?: ReminderConfig;
  /** Owner cell → staff email address; by default the owner itself when it is an address. */
  staffEmail?: (owner: string) => string | undefined;
  /** Most customer mails (drafts and sends) this run may make; the rest wait with 'run-limit'. */
  maxCustomerMails?: number;
  /** Most entries one digest lists (default DIGEST_MAX_ENTRIES); the rest are counted in `more`. */
  maxDigestEntries?: number;
  /** No digest now (before the digest hour): every owner's counts as sent, so new entries wait with 'digest-sent'. */
  holdDigests?: boolean;
}

/**
 * Reminder log key of an item's customer mail, distinct from the item's own (digest) key.
 * @example customerMailKey(item) // 'quote-no-decision:SO-2026-0001:2026-03-07:mail'
 */
export function customerMailKey(item: Pick<ReminderItem, 'key'>): string {
  return `${item.key}:mail`;
}

/**
 * Reminder log key of an owner's digest on a day.
 * @example digestKey('li@acme.cn', '2026-03-09') // 'digest:li@acme.cn:2026-03-09'
 */
export function digestKey(owner: string, date: LocalDate): string {
  return `digest:${owner}:${date}`;
}

/**
 * Recipients of a To field ("a@x.com; b@y.com" → 2); each costs one unit of mail quota.
 * @example recipientCount('a@x.com, b@y.com') // 2
 */
export function recipientCount(to: string): number {
  return to.split(/[,;]/).filter((s) => s.trim() !== '').length;
}

const URGENCY_RANK: Readonly<Record<Urgency, number>> = { overdue: 0, today: 1, upcoming: 2 };

/**
 * The order of a digest: overdue first, then due today, then coming up; by due date within each, then by key.
 * @example [today, overdue].sort(byUrgency) // [overdue, today]
 */
export function byUrgency(a: ReminderItem, b: ReminderItem): number {
  const u = URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency];
  if (u !== 0) return u;
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The `max` most urgent of an owner's open items, in digest order, and how many are open by urgency. Only the
 * (urgency, due date) groups that hold the most urgent `max` are sorted: an owner may have thousands of open items,
 * and a digest lists a hundred.
 * @example mostUrgent(items, 100).listed.length // ≤ 100
 */
export function mostUrgent(list: readonly ReminderItem[], max: number): { listed: ReminderItem[]; open: UrgencyCounts } {
  const open = { overdue: 0, today: 0, upcoming: 0 };
  for (let i = 0; i < list.length; i++) open[list[i].urgency]++;
  if (list.length <= max) return { listed: list.slice().sort(byUrgency), open };
  // A numeric key per item: the urgency rank, then the due date's digits (memoised: a workbook has a few hundred dates).
  const dayNumbers = new Map<LocalDate, number>();
  const ranks = new Float64Array(list.length);
  const counts = new Map<number, number>();
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    let day = dayNumbers.get(item.dueDate);
    if (day === undefined) {
      day = Number(item.dueDate.replace(/-/g, ''));
      dayNumbers.set(item.dueDate, day);
    }
    const rank = URGENCY_RANK[item.urgency] * 1e8 + day;
    ranks[i] = rank;
    counts.set(rank, (counts.get(rank) ?? 0) + 1);
  }
  const groups = [...counts.keys()].sort((a, b) => a - b);
  let threshold = groups[groups.length - 1] as number;
  let sum = 0;
  for (let g = 0; g < groups.length; g++) {
    sum += counts.get(groups[g] as number) ?? 0;
    if (sum >= max) {
      threshold = groups[g] as number;
      break;
    }
  }
  const kept: ReminderItem[] = [];
  for (let i = 0; i < list.length; i++) if (ranks[i] <= threshold) kept.push(list[i]);
  kept.sort(byUrgency);
  return { listed: kept.length > max ? kept.slice(0, max) : kept, open };
}

function defaultStaffEmail(owner: string): string | undefined {
  const o = owner.trim();
  return o.includes('@') ? o : undefined;
}

/**
 * Decides one run. An owner whose digest of today is not in the Reminder log gets one listing every item open for
 * them (the most urgent `maxDigestEntries`), each marked new when no earlier digest listed it; after it went out, an
 * item no digest listed yet waits for tomorrow's ('digest-sent') and the rest is skipped. Digests are sent mail and
 * take quota first (one each); then customer mails by urgency: drafts take no quota, sends take one per recipient,
 * and once a send does not fit every later send waits with 'quota' (the owner's digest says how many). Customers
 * paused ("Do not email until" after today) or without an email get no mail, their digest entry stays; sends outside
 * the customer's working hours wait for a later run.
 * @example
 * const plan = planReminderRun({ items, alreadyLogged: new Set(), now, quota: 3, mode: 'send', customers,
 *   timeZone: 'Asia/Shanghai' });
 * plan.digests.length + plan.customerMails.filter((m) => m.mode === 'send').length // ≤ 3
 */
export function planReminderRun(input: PlanReminderRunInput): ReminderRunPlan {
  const config = input.config ?? DEFAULT_REMINDER_CONFIG;
  const today = localDateOf(input.now, input.timeZone);
  const logged = input.alreadyLogged;
  const staffEmail = input.staffEmail ?? defaultStaffEmail;
  let quota = Number.isFinite(input.quota) ? Math.max(0, Math.floor(input.quota)) : 0;
  let quotaUsed = 0;
  const maxMails = input.maxCustomerMails ?? Number.POSITIVE_INFINITY;
  const maxEntries = Math.max(0, input.maxDigestEntries ?? DIGEST_MAX_ENTRIES);
  const hold = input.holdDigests === true;

  const customersById = new Map<string, CustomerRecord>();
  for (const c of input.customers) if (c.customerId) customersById.set(c.customerId.trim().toLowerCase(), c);

  const skipped: ReminderItem[] = [];
  const waiting: WaitingItem[] = [];
  const seen = new Set<string>();
  /** Per owner whose digest of today is due: every open item; per other owner: the items no digest listed yet. */
  const byOwner = new Map<string, ReminderItem[]>();
  /** Owner → today's digest is not in the log yet. */
  const digestDue = new Map<string, boolean>();
  const mailNew: ReminderItem[] = [];
  const mailOutcome = new Map<string, MailOutcome>();

  // Classify without sorting: after the day's digests nearly every item is in the log already and is skipped here.
  // Indexed: a for…of in code that runs once per execution makes an iterator result per item.
  for (let i = 0; i < input.items.length; i++) {
    const item = input.items[i];
    if (seen.has(item.key)) {
      skipped.push(item);
      continue;
    }
    seen.add(item.key);
    let due = digestDue.get(item.owner);
    if (due === undefined) {
      due = !hold && !logged.has(digestKey(item.owner, today));
      digestDue.set(item.owner, due);
    }
    const entryIsNew = !logged.has(item.key);
    const wantsMail = item.audience === 'customer';
    const mailIsNew = wantsMail && !logged.has(customerMailKey(item));
    if (!due && !entryIsNew && !mailIsNew) {
      skipped.push(item);
      continue;
    }
    if (wantsMail && !mailIsNew) mailOutcome.set(item.key, 'already');
    if (due || entryIsNew) {
      const list = byOwner.get(item.owner);
      if (list) list.push(item);
      else byOwner.set(item.owner, [item]);
    }
    if (mailIsNew) mailNew.push(item);
  }
  mailNew.sort(byUrgency);

  // Digests first: they are what tells the team anything at all.
  const digestOwners: { owner: string; to: string; listed: ReminderItem[]; open: UrgencyCounts; total: number }[] = [];
  for (const owner of [...byOwner.keys()].sort()) {
    const items = byOwner.get(owner) as ReminderItem[];
    const wait = (reason: WaitingReason): void => {
      for (let i = 0; i < items.length; i++) waiting.push({ item: items[i], part: 'digest', reason });
    };
    const to = staffEmail(owner);
    if (!to) {
      wait('no-email');
      continue;
    }
    if (!digestDue.get(owner)) {
      wait('digest-sent');
      continue;
    }
    if (quota < 1) {
      wait('quota');
      continue;
    }
    quota -= 1;
    quotaUsed += 1;
    const { listed, open } = mostUrgent(items, maxEntries);
    digestOwners.push({ owner, to, listed, open, total: items.length });
  }

  const customerMails: CustomerMailPlan[] = [];
  // The window depends only on the customer's zone and country at this instant: compute each pair once.
  const windows = new Map<string, CustomerWindow>();
  const windowOf = (customer: CustomerRecord): CustomerWindow => {
    const key = `${customer.timeZone ?? ''}|${customer.country ?? ''}`;
    let w = windows.get(key);
    if (!w) {
      w = customerWindow(input.now, customer, config, input.timeZone);
      windows.set(key, w);
    }
    return w;
  };
  let quotaExhausted = false;
  const waitMail = (item: ReminderItem, reason: WaitingReason, opensAt?: number): void => {
    waiting.push({ item, part: 'mail', reason, ...(opensAt !== undefined ? { opensAt } : {}) });
    mailOutcome.set(item.key, reason);
  };
  for (let i = 0; i < mailNew.length; i++) {
    const item = mailNew[i];
    const customer = item.customerId ? customersById.get(item.customerId.trim().toLowerCase()) : undefined;
    const to = customer?.email?.trim() ?? '';
    if (!customer || !to || recipientCount(to) === 0) {
      waitMail(item, 'no-email');
      continue;
    }
    if (customer.doNotEmailUntil && customer.doNotEmailUntil > today) {
      waitMail(item, 'do-not-email');
      continue;
    }
    const mode: MailMode = item.draftOnly || input.mode === 'draft' ? 'draft' : 'send';
    if (mode === 'send') {
      const window = windowOf(customer);
      if (!window.open) {
        waitMail(item, 'outside-hours', window.opensAt);
        continue;
      }
      const cost = recipientCount(to);
      if (quotaExhausted || cost > quota) {
        quotaExhausted = true;
        waitMail(item, 'quota');
        continue;
      }
      if (customerMails.length >= maxMails) {
        waitMail(item, 'run-limit');
        continue;
      }
      quota -= cost;
      quotaUsed += cost;
    } else if (customerMails.length >= maxMails) {
      waitMail(item, 'run-limit');
      continue;
    }
    customerMails.push({
      key: customerMailKey(item),
      item,
      customer,
      to,
      language: (customer.language ?? '').trim(),
      mode,
      ...(item.attachDocType ? { attachDocType: item.attachDocType } : {}),
    });
    mailOutcome.set(item.key, mode);
  }

  const quotaWaitsByOwner = new Map<string, number>();
  for (let i = 0; i < waiting.length; i++) {
    const w = waiting[i];
    if (w.part === 'mail' && w.reason === 'quota') quotaWaitsByOwner.set(w.item.owner, (quotaWaitsByOwner.get(w.item.owner) ?? 0) + 1);
  }
  const digests: DigestPlan[] = digestOwners.map(({ owner, to, listed, open, total }) => ({
    key: digestKey(owner, today),
    owner,
    to,
    date: today,
    entries: listed.map((item) => {
      const mail = mailOutcome.get(item.key);
      const isNew = !logged.has(item.key);
      return mail ? { item, mail, isNew } : { item, isNew };
    }),
    open,
    more: total - listed.length,
    waitingForQuota: quotaWaitsByOwner.get(owner) ?? 0,
  }));

  return { today, digests, customerMails, waiting, skipped, quotaUsed };
}
