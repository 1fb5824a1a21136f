// Run reminders (hourly trigger and "Run now"): under the document lock, read each ledger once, finish whatever an
// interrupted run left, plan, make the customer mails and the owners' digests as Gmail drafts (sent ones are sent
// from their draft), then write the Contact log and the Reminder log in one append each and drop the journal.
//
// Never twice, never lost (docs/reminders.md): the lock keeps a second run out while one produces; the journal in
// document properties names each draft right after it is made; every draft carries its key in an X-Gendan-Key
// header, so a draft made just before a crash is found by the next run; a sent mail is a draft sent by Gmail, so
// "draft still there" means "not sent yet". Every key reaches the Reminder log before the journal is dropped.
import type { Attachment, OutgoingMail, Ports } from '../../ports';
import { langOf, type Lang } from '../../domain/i18n/i18n';
import { appText } from '../../domain/i18n/app';
import { remindersAppText } from '../../domain/i18n/reminders-app';
import type { ContactRecord, CustomerRecord, OrderRecord } from '../../domain/ledgers/records';
import { customerMailKey, DIGEST_MAX_ENTRIES, digestKey, mostUrgent, type CustomerMailPlan, type DigestPlan, type MailOutcome, type WaitingReason } from '../../domain/reminders/plan-run';
import { reminderRule, type ReminderItem, type ReminderLedger } from '../../domain/reminders/rules';
import { instantToWall, type LocalDate } from '../../domain/time/zone';
import { nextNumbers } from '../../domain/numbering';
import { counterKey, seriesOf } from '../assign-numbers';
import type { AppContext } from '../context';
import { attachmentName, composeCustomerMail, composeDigest, type ComposedMail } from './compose-mails';
import { loadReminderData, type ReminderData } from './load-reminder-data';
import { ownerLanguages } from './owner-language';
import { prepareRun, type PreparedRun } from './prepare-run';
import { KEY_HEADER, keyHeaderValue, recoverJournal, type Recovery } from './recover-journal';
import { loggedMarks, LOG_RESULT, producedKeys, recentSendRecipients, refOfKey, ruleOfKey, type LogRow } from './reminder-log-rows';
import { reminderSettings, type ReminderSettings } from './reminder-settings';
import { readJournal, RunJournal, type JournalEntry } from './run-journal';

/**
 * Orders by sheet row, made on first use: a run looks up the few orders its mails attach documents of, and a Map of
 * every order would be made for them each hour.
 */
class OrdersByRow implements Pick<ReadonlyMap<number, OrderRecord>, 'get'> {
  private map: Map<number, OrderRecord> | null = null;
  constructor(private readonly orders: readonly OrderRecord[]) {}
  get(row: number): OrderRecord | undefined {
    if (!this.map) {
      this.map = new Map();
      for (let i = 0; i < this.orders.length; i++) this.map.set(this.orders[i]._row, this.orders[i]);
    }
    return this.map.get(row);
  }
}

/** How long a run waits for another execution holding the document lock. */
export const REMINDER_LOCK_MS = 30_000;
/** Customer mails one run makes at most; the rest wait for the next hourly run. */
export const MAX_CUSTOMER_MAILS = 40;
/** No customer mail is started after this much of the 6-minute execution limit, nor a digest after the second. */
const MAIL_TIME_BUDGET_MS = 3.5 * 60_000;
const DIGEST_TIME_BUDGET_MS = 4.5 * 60_000;

export interface RunReport {
  digests: number;
  drafts: number;
  sent: number;
  /** Mails an interrupted run had made, now completed and logged. */
  recovered: number;
  /** Customer mails and digest entries left for a later run, by reason. */
  waiting: Partial<Record<WaitingReason, number>>;
  waitingTotal: number;
  /** Mails that failed (retried by the next run), as "key: message". */
  failed: string[];
  logRows: number;
  contactRows: number;
}

function message(e: unknown): string {
  const m = e && typeof e === 'object' ? (e as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : String(e);
}

/** "HH:mm" of an instant in a zone. */
function clockTime(now: number, timeZone: string): string {
  const minutes = Math.floor(instantToWall(now, timeZone) / 60_000) % 1440;
  const m = minutes < 0 ? minutes + 1440 : minutes;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** The Detail of a digest's Reminder log row: what it listed. */
function digestDetail(listed: number, fresh: number, more: number): string {
  return `${listed} items, ${fresh} new${more > 0 ? `, ${more} more open` : ''}`;
}

/** What the owner's digest of today lists: their most urgent open items (as the planner chooses them). */
function listedBy(owner: string, items: readonly ReminderItem[]): { listed: ReminderItem[]; more: number } {
  const seen = new Set<string>();
  const mine: ReminderItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.owner !== owner || seen.has(item.key)) continue;
    seen.add(item.key);
    mine.push(item);
  }
  const { listed } = mostUrgent(mine, DIGEST_MAX_ENTRIES);
  return { listed, more: mine.length - listed.length };
}

/**
 * Runs reminders once: produces what Preview shows, logs it, and reports what happened.
 * @example runReminders(ctx).drafts // customer drafts made in this run
 */
export function runReminders(ctx: AppContext): RunReport {
  return ctx.ports.lock.withDocumentLock(REMINDER_LOCK_MS, () => new ReminderRun(ctx).run());
}

/** One execution's run: the state that producing the mails builds up. */
class ReminderRun {
  private readonly ports: Ports;
  private readonly now: number;
  private readonly timeZone: string;
  private readonly today: LocalDate;
  private readonly activeUser: string;
  private readonly logRows: LogRow[] = [];
  private readonly contactRows: Partial<ContactRecord>[] = [];
  private readonly failed: string[] = [];
  private readonly uncertain: JournalEntry[] = [];
  private unknownDraft = false;
  /** Waits and failures already in the Reminder log ("key|result|detail"): each is logged once. */
  private marks = new Set<string>();
  /** What became of each item's customer mail in this run, for the digests. */
  private readonly outcomes = new Map<string, MailOutcome>();
  private report: RunReport = { digests: 0, drafts: 0, sent: 0, recovered: 0, waiting: {}, waitingTotal: 0, failed: [], logRows: 0, contactRows: 0 };

  constructor(private readonly ctx: AppContext) {
    this.ports = ctx.ports;
    this.now = ctx.now;
    this.timeZone = ctx.timeZone;
    this.today = ctx.today;
    this.activeUser = ctx.ports.user.email();
  }

  private elapsed(): number {
    return this.ports.clock.now() - this.now;
  }

  run(): RunReport {
    const ctx = this.ctx;
    const settings = reminderSettings(ctx.reloadSettings().settings, this.activeUser);
    const data = loadReminderData(ctx);
    if (!data.log) throw new Error(remindersAppText(ctx.userLang, 'run.noLog'));
    const previousLog = data.log.records;
    const produced = producedKeys(previousLog);
    this.marks = loggedMarks(previousLog);

    const previous = readJournal(this.ports.docProps, this.now);
    const recovery: Recovery = previous ? recoverJournal(this.ports.mailer, previous, produced) : { recovered: [], unsettled: [], errors: [] };
    for (const r of recovery.recovered) produced.add(r.key);
    for (const u of recovery.unsettled) produced.add(u.key);
    this.failed.push(...recovery.errors);
    this.uncertain.push(...recovery.unsettled);
    const journal = new RunJournal(this.ports.docProps, {
      startedAt: previous ? Math.min(previous.startedAt, this.now) : this.now,
      user: this.activeUser,
      entries: [...recovery.recovered.map(({ key, mode, draftId }) => ({ key, mode, draftId })), ...recovery.unsettled],
    });
    if (recovery.recovered.length || recovery.unsettled.length) journal.begin();

    const recoveredSends = recovery.recovered.filter((r) => r.outcome === 'sent').length;
    const quota = Math.max(0, this.ports.mailer.remainingQuota() - recentSendRecipients(previousLog, this.now) - recoveredSends);
    const prepared = prepareRun({ data, settings, alreadyLogged: produced, quota, now: this.now, timeZone: this.timeZone, maxCustomerMails: MAX_CUSTOMER_MAILS });
    const itemsByKey = new Map<string, ReminderItem>();
    if (recovery.recovered.length) for (const item of prepared.items) if (!itemsByKey.has(item.key)) itemsByKey.set(item.key, item);
    const customersById = new Map<string, CustomerRecord>();
    for (const c of data.customers) if (c.customerId) customersById.set(c.customerId.trim().toLowerCase(), c);
    const ordersByRow = new OrdersByRow(data.orders);

    this.logRecovered(recovery, prepared, produced, itemsByKey, customersById, data, settings, ordersByRow);
    this.produceCustomerMails(prepared.plan.customerMails, journal, data, settings, ordersByRow);
    this.produceDigests(prepared, journal, data);
    this.logWaits(prepared, customersById);

    // Contact log first: its rows carry the key, so a crash before the Reminder log append is not doubled.
    this.appendContacts(data);
    if (this.logRows.length) data.log.ledger.append(data.log.mapping, this.logRows);
    journal.finish(this.uncertain, this.unknownDraft, previous !== null);

    this.report = { ...this.report, failed: this.failed, logRows: this.logRows.length, contactRows: this.contactRows.length };
    return this.report;
  }

  private log(row: Omit<LogRow, 'when'>): void {
    this.logRows.push({ ...row, when: this.now });
  }

  /** Logs a wait or a failure unless the same one is in the log already. */
  private logOnce(row: Omit<LogRow, 'when'>): void {
    const mark = `${row.key}|${row.result ?? ''}|${row.detail ?? ''}`;
    if (this.marks.has(mark)) return;
    this.marks.add(mark);
    this.log(row);
  }

  private countWait(reason: WaitingReason, n = 1): void {
    if (n <= 0) return;
    this.report.waiting[reason] = (this.report.waiting[reason] ?? 0) + n;
    this.report.waitingTotal += n;
  }

  /** Logs what the interrupted run had produced (and this run finished), with its Contact log rows. */
  private logRecovered(
    recovery: Recovery,
    prepared: PreparedRun,
    produced: ReadonlySet<string>,
    itemsByKey: ReadonlyMap<string, ReminderItem>,
    customersById: ReadonlyMap<string, CustomerRecord>,
    data: ReminderData,
    settings: ReminderSettings,
    ordersByRow: Pick<ReadonlyMap<number, OrderRecord>, 'get'>,
  ): void {
    if (!recovery.recovered.length) return;
    const contactKeys = new Set<string>();
    for (let i = 0; i < data.contacts.length; i++) {
      const remarks = data.contacts[i].remarks;
      if (remarks?.startsWith('Gendan ')) contactKeys.add(remarks.slice('Gendan '.length).trim());
    }
    for (const r of recovery.recovered) {
      this.report.recovered++;
      if (r.outcome === 'sent') this.report.sent++;
      else this.report.drafts++;
      if (r.key.startsWith('digest:')) {
        this.report.digests++;
        const owner = r.key.slice('digest:'.length, r.key.lastIndexOf(':'));
        // What that digest listed: the owner's most urgent open items of the day, as it chose them; the ones no
        // earlier digest had listed are logged as listed now (a digest of an earlier day cannot be retold).
        const listed = r.key === digestKey(owner, prepared.today) ? listedBy(owner, prepared.items) : { listed: [], more: 0 };
        const fresh = listed.listed.filter((item) => !produced.has(item.key));
        this.log({ key: r.key, rule: 'digest', ref: '', recipient: owner, mode: 'send', result: LOG_RESULT.sent, detail: digestDetail(listed.listed.length, fresh.length, listed.more) });
        for (const item of fresh) {
          this.log({ key: item.key, rule: item.rule, ref: item.ref.id, recipient: owner, mode: 'digest', result: LOG_RESULT.listed, detail: r.key });
        }
        continue;
      }
      const itemKey = r.key.endsWith(':mail') ? r.key.slice(0, -':mail'.length) : r.key;
      const item = itemsByKey.get(itemKey);
      const customer = item?.customerId ? customersById.get(item.customerId.trim().toLowerCase()) : undefined;
      // The row the interrupted run would have written: the same subject, the same attachment.
      let subject = '';
      let note = '';
      if (item && customer) {
        const plan: CustomerMailPlan = { key: r.key, item, customer, to: customer.email?.trim() ?? '', language: customer.language ?? '', mode: r.mode };
        const order = item.ref.ledger === 'orders' ? ordersByRow.get(item.ref.row) : undefined;
        const composed = composeCustomerMail(plan, { templates: data.templates, sender: settings.sender, activeUser: this.activeUser, ...(order ? { order } : {}) });
        subject = composed.subject;
        if (composed.attachment) note = ` · ${attachmentName(composed.attachment)}`;
      }
      this.log({
        key: r.key,
        rule: item?.rule ?? ruleOfKey(r.key),
        ref: item?.ref.id ?? refOfKey(r.key),
        recipient: customer?.email?.trim() ?? '',
        mode: r.mode,
        result: r.outcome === 'sent' ? LOG_RESULT.sent : LOG_RESULT.drafted,
        detail: `${subject}${note}`,
      });
      if (!contactKeys.has(r.key)) this.addContact(r.key, r.mode, item, subject, customer);
      if (item) this.outcomes.set(item.key, r.outcome === 'sent' ? 'send' : 'draft');
    }
  }

  /** The Contact log row of a customer mail: channel email, the subject as topic, the rule in our actions. */
  private addContact(key: string, mode: 'draft' | 'send', item: ReminderItem | undefined, subject: string, customer: CustomerRecord | undefined): void {
    const lang = this.ctx.lang;
    const rule = item ? reminderRule(item.rule).name[lang] : ruleOfKey(key);
    const owner = item?.owner && item.owner.includes('@') ? item.owner : undefined;
    this.contactRows.push({
      date: this.today,
      time: clockTime(this.now, this.timeZone),
      channel: 'email',
      customer: customer?.name || item?.customerName || '',
      topic: subject || rule,
      ourActions: remindersAppText(lang, mode === 'send' ? 'contact.send' : 'contact.draft', { rule }),
      ...(owner ? { owner } : {}),
      remarks: `Gendan ${key}`,
    });
  }

  /** Builds an outgoing mail with its key header; the PDF is fetched here (one export per attached document). */
  private outgoing(composed: ComposedMail, name: string, attachment: Attachment | undefined): OutgoingMail {
    const headers: Record<string, string> = { [KEY_HEADER]: keyHeaderValue(composed.key, composed.mode) };
    if (LANGUAGE_TAG.test(composed.language)) headers['Content-Language'] = composed.language;
    return {
      to: composed.to,
      subject: composed.subject,
      text: composed.text,
      html: composed.html,
      name,
      ...(composed.replyTo ? { replyTo: composed.replyTo } : {}),
      ...(attachment ? { attachments: [attachment] } : {}),
      headers,
    };
  }

  /**
   * Makes one mail: the draft, its journal entry, then (for a send) the send of that draft. Returns false when the
   * mail was not produced; a draft call that throws may still have made the draft, which the journal then keeps
   * the next run looking for.
   */
  private produce(journal: RunJournal, mail: OutgoingMail, key: string, mode: 'draft' | 'send'): boolean {
    journal.begin();
    let draftId: string;
    try {
      draftId = this.ports.mailer.draft(mail);
    } catch (e) {
      this.unknownDraft = true;
      this.failed.push(`${key}: ${message(e)}`);
      return false;
    }
    const entry: JournalEntry = { key, mode, draftId };
    journal.record(entry);
    if (mode === 'send') {
      try {
        this.ports.mailer.sendDraft(draftId);
      } catch (e) {
        this.uncertain.push(entry);
        this.failed.push(`${key}: ${message(e)}`);
        return false;
      }
    }
    return true;
  }

  private produceCustomerMails(
    mails: readonly CustomerMailPlan[],
    journal: RunJournal,
    data: ReminderData,
    settings: ReminderSettings,
    ordersByRow: Pick<ReadonlyMap<number, OrderRecord>, 'get'>,
  ): void {
    for (const m of mails) {
      if (this.elapsed() > MAIL_TIME_BUDGET_MS || !journal.hasRoomFor(m.key)) {
        this.outcomes.set(m.item.key, 'run-limit');
        this.countWait('run-limit');
        continue;
      }
      const order = m.item.ref.ledger === 'orders' ? ordersByRow.get(m.item.ref.row) : undefined;
      const context = { templates: data.templates, sender: settings.sender, activeUser: this.activeUser };
      let composed = composeCustomerMail(m, { ...context, ...(order ? { order } : {}) });
      let attachment: Attachment | undefined;
      let note = '';
      if (composed.attachment) {
        const name = attachmentName(composed.attachment);
        try {
          attachment = { name, mimeType: 'application/pdf', blob: this.ports.docs.pdf(composed.attachment.docId, name) };
          note = ` · ${name}`;
        } catch (e) {
          // The document is gone or unreadable: the mail goes without it and says the papers follow.
          composed = composeCustomerMail(m, context);
          note = ` · ${name} not attached: ${message(e)}`;
        }
      }
      const companyName = settings.sender[langOf(composed.language)].companyName ?? '';
      if (!this.produce(journal, this.outgoing(composed, companyName, attachment), composed.key, composed.mode)) {
        this.outcomes.set(m.item.key, 'run-limit');
        this.logOnce({ key: composed.key, rule: m.item.rule, ref: m.item.ref.id, recipient: composed.to, mode: composed.mode, result: LOG_RESULT.failed, detail: this.failed[this.failed.length - 1] ?? '' });
        continue;
      }
      if (composed.mode === 'send') this.report.sent++;
      else this.report.drafts++;
      this.outcomes.set(m.item.key, composed.mode);
      this.log({
        key: composed.key,
        rule: m.item.rule,
        ref: m.item.ref.id,
        recipient: composed.to,
        mode: composed.mode,
        result: composed.mode === 'send' ? LOG_RESULT.sent : LOG_RESULT.drafted,
        detail: `${composed.subject}${note}`,
      });
      this.addContact(composed.key, composed.mode, m.item, composed.subject, m.customer);
    }
  }

  private produceDigests(prepared: PreparedRun, journal: RunJournal, data: ReminderData): void {
    const digests = prepared.plan.digests;
    if (!digests.length) return;
    const settings = this.ctx.settings();
    const langs = ownerLanguages(
      digests.map((d) => d.owner),
      {
        settingsLanguage: settings.language,
        activeUser: this.activeUser,
        activeLang: langOf(this.ports.user.locale()),
        workbookLang: this.ctx.lang,
        followUps: data.followUps,
        contacts: data.contacts,
        writings: data.writings,
      },
    );
    const linkTo = (ledger: ReminderLedger, row: number): string => {
      const id = data.sheetIds[ledger];
      return id === undefined ? '' : this.ports.workbook.linkTo(id, row);
    };
    for (const d of digests) {
      if (this.elapsed() > DIGEST_TIME_BUDGET_MS || !journal.hasRoomFor(d.key)) {
        this.countWait('run-limit', d.entries.length);
        continue;
      }
      // The entries say what really became of each customer mail in this run.
      const actual: DigestPlan = {
        ...d,
        entries: d.entries.map((e) => {
          const done = this.outcomes.get(e.item.key);
          return done && e.mail !== undefined && e.mail !== 'already' ? { ...e, mail: done } : e;
        }),
      };
      const lang: Lang = langs.get(d.owner) ?? this.ctx.lang;
      const composed = composeDigest(actual, lang, linkTo);
      if (!this.produce(journal, this.outgoing(composed, appText(lang, 'app.name'), undefined), d.key, 'send')) {
        this.logOnce({ key: d.key, rule: 'digest', ref: '', recipient: d.to, mode: 'send', result: LOG_RESULT.failed, detail: this.failed[this.failed.length - 1] ?? '' });
        continue;
      }
      this.report.digests++;
      // Each item's own key is logged the first time a digest lists it; listing it again adds no row.
      let fresh = 0;
      for (let i = 0; i < d.entries.length; i++) if (d.entries[i].isNew) fresh++;
      this.log({ key: d.key, rule: 'digest', ref: '', recipient: d.to, mode: 'send', result: LOG_RESULT.sent, detail: digestDetail(d.entries.length, fresh, d.more) });
      for (let i = 0; i < d.entries.length; i++) {
        const e = d.entries[i];
        if (!e.isNew) continue;
        this.log({ key: e.item.key, rule: e.item.rule, ref: e.item.ref.id, recipient: d.to, mode: 'digest', result: LOG_RESULT.listed, detail: d.key });
      }
    }
  }

  /** Counts every wait; logs the quota waits (once per key) — the reason the issue's owners must be able to read. */
  private logWaits(prepared: PreparedRun, customersById: ReadonlyMap<string, CustomerRecord>): void {
    const waiting = prepared.plan.waiting;
    for (let i = 0; i < waiting.length; i++) {
      const w = waiting[i];
      this.countWait(w.reason);
      if (w.reason !== 'quota') continue;
      const isMail = w.part === 'mail';
      const key = isMail ? customerMailKey(w.item) : digestKey(w.item.owner, prepared.today);
      const customer = w.item.customerId ? customersById.get(w.item.customerId.trim().toLowerCase()) : undefined;
      this.logOnce({
        key,
        rule: isMail ? w.item.rule : 'digest',
        ref: isMail ? w.item.ref.id : '',
        recipient: isMail ? customer?.email ?? '' : w.item.owner,
        mode: 'send',
        result: LOG_RESULT.waiting,
        detail: 'quota',
      });
    }
  }

  /**
   * Appends the Contact log rows with new Contact IDs, then stores the series counter: a run that dies between the two
   * leaves rows whose IDs the next allocation sees in the column, and one that dies before leaves the counter as it was.
   */
  private appendContacts(data: ReminderData): void {
    if (!this.contactRows.length || !data.contactLog) return;
    const series = seriesOf(this.ctx, 'contact');
    const year = Number(this.today.slice(0, 4));
    const prop = counterKey(series, series.yearly ? year : null);
    const stored = this.ports.docProps.get(prop);
    const existing = data.contactLog.records.map((c) => c.contactId);
    const { numbers, counter } = nextNumbers(series, year, existing, stored === null ? null : Number(stored), this.contactRows.length);
    const rows = this.contactRows.map((r, i) => ({ contactId: numbers[i], ...r }));
    data.contactLog.ledger.append(data.contactLog.mapping, rows);
    this.ctx.setProps({ [prop]: String(counter) });
  }
}
