// Preview reminders: what "Run now" would produce at this moment — digests, customer mails (with their text and the
// PDF they would carry) and what waits and why — computed from one read of each ledger, producing nothing: no
// mail, no draft, no PDF export, no log row, no journal.
import { langOf, type Lang } from '../../domain/i18n/i18n';
import { REMINDERS_APP_MESSAGES, remindersAppText, type RemindersAppMessageId } from '../../domain/i18n/reminders-app';
import type { CustomerRecord, OrderRecord } from '../../domain/ledgers/records';
import { customerTimeZone } from '../../domain/reminders/customer-time';
import type { WaitingItem } from '../../domain/reminders/plan-run';
import type { ReminderLedger } from '../../domain/reminders/rules';
import { instantToWall, wallDateString } from '../../domain/time/zone';
import type { AppContext } from '../context';
import { attachmentName, composeCustomerMail, composeDigest } from './compose-mails';
import { loadReminderData } from './load-reminder-data';
import { ownerLanguages } from './owner-language';
import { prepareRun } from './prepare-run';
import { producedKeys, recentSendRecipients } from './reminder-log-rows';
import { reminderSettings } from './reminder-settings';
import { MAX_CUSTOMER_MAILS } from './run-reminders';
import { readJournal } from './run-journal';

/** Rows per list the dialog shows; the rest are counted. */
const LIST_LIMIT = 200;

export interface PreviewDigest {
  to: string;
  language: string;
  subject: string;
  items: string;
  text: string;
}

export interface PreviewMail {
  customer: string;
  to: string;
  mode: string;
  language: string;
  subject: string;
  attachment: string;
  text: string;
}

export interface PreviewWait {
  customer: string;
  what: string;
  part: string;
  why: string;
}

/** The Preview dialog's data: every text already in the user's language (the page inserts it as text). */
export interface PreviewData {
  lang: Lang;
  strings: Record<string, string>;
  note: string;
  quota: string;
  digests: PreviewDigest[];
  mails: PreviewMail[];
  waiting: PreviewWait[];
  /** Rows left out of each list. */
  more: { digests: number; mails: number; waiting: number };
}

/** Texts the page uses as labels, in one language. */
const PAGE_STRINGS: readonly RemindersAppMessageId[] = (Object.keys(REMINDERS_APP_MESSAGES) as RemindersAppMessageId[]).filter((k) => k.startsWith('preview.'));

function wallText(instant: number, timeZone: string): string {
  const wall = instantToWall(instant, timeZone);
  const minutes = Math.floor(wall / 60_000) % 1440;
  const m = minutes < 0 ? minutes + 1440 : minutes;
  return `${wallDateString(wall)} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function capped<T>(list: readonly T[]): { shown: T[]; more: number } {
  return { shown: list.slice(0, LIST_LIMIT), more: Math.max(0, list.length - LIST_LIMIT) };
}

/**
 * What a run would produce now, as dialog data.
 * @example previewReminders(ctx).mails.map((m) => m.subject)
 */
export function previewReminders(ctx: AppContext): PreviewData {
  const ports = ctx.ports;
  const lang = ctx.userLang;
  const t = (id: RemindersAppMessageId, vars?: Record<string, string | number>): string => remindersAppText(lang, id, vars);
  const activeUser = ports.user.email();
  const rawSettings = ctx.reloadSettings().settings;
  const settings = reminderSettings(rawSettings, activeUser);
  const data = loadReminderData(ctx);
  const log = data.log?.records ?? [];
  const produced = producedKeys(log);
  // Mails an interrupted run made are finished by the next run, not made again.
  for (const e of readJournal(ports.docProps, ctx.now)?.entries ?? []) produced.add(e.key);
  const remaining = ports.mailer.remainingQuota();
  const quota = Math.max(0, remaining - recentSendRecipients(log, ctx.now));
  const prepared = prepareRun({ data, settings, alreadyLogged: produced, quota, now: ctx.now, timeZone: ctx.timeZone, maxCustomerMails: MAX_CUSTOMER_MAILS });
  const { plan } = prepared;

  const customersById = new Map<string, CustomerRecord>();
  for (const c of data.customers) if (c.customerId) customersById.set(c.customerId.trim().toLowerCase(), c);
  const ordersByRow = new Map<number, OrderRecord>();
  for (const o of data.orders) ordersByRow.set(o._row, o);

  const langs = ownerLanguages(
    plan.digests.map((d) => d.owner),
    {
      settingsLanguage: rawSettings.language,
      activeUser,
      activeLang: langOf(ports.user.locale()),
      workbookLang: ctx.lang,
      followUps: data.followUps,
      contacts: data.contacts,
      writings: data.writings,
    },
  );
  const linkTo = (ledger: ReminderLedger, row: number): string => {
    const id = data.sheetIds[ledger];
    return id === undefined ? '' : ports.workbook.linkTo(id, row);
  };
  const digestList = capped(plan.digests);
  const digests: PreviewDigest[] = digestList.shown.map((d) => {
    const owner = langs.get(d.owner) ?? ctx.lang;
    const composed = composeDigest(d, owner, linkTo);
    const fresh = d.entries.filter((e) => e.isNew).length;
    return {
      to: d.to,
      language: owner,
      subject: composed.subject,
      items: t('preview.items', { overdue: d.open.overdue, today: d.open.today, upcoming: d.open.upcoming, new: fresh }),
      text: composed.text,
    };
  });

  const mailList = capped(plan.customerMails);
  const mails: PreviewMail[] = mailList.shown.map((m) => {
    const order = m.item.ref.ledger === 'orders' ? ordersByRow.get(m.item.ref.row) : undefined;
    const composed = composeCustomerMail(m, { templates: data.templates, sender: settings.sender, activeUser, ...(order ? { order } : {}) });
    return {
      customer: m.customer.name,
      to: composed.to,
      mode: t(composed.mode === 'send' ? 'preview.mode.send' : 'preview.mode.draft'),
      language: composed.language,
      subject: composed.subject,
      attachment: composed.attachment ? attachmentName(composed.attachment) : '',
      text: composed.text,
    };
  });

  const why = (w: WaitingItem): string => {
    const customer = w.item.customerId ? customersById.get(w.item.customerId.trim().toLowerCase()) : undefined;
    switch (w.reason) {
      case 'outside-hours':
        return w.opensAt !== undefined && customer
          ? t('wait.outside-hours', { at: `${wallText(w.opensAt, customerTimeZone(customer, ctx.timeZone))} (${customerTimeZone(customer, ctx.timeZone)})` })
          : t('wait.outside-hours.closed');
      case 'do-not-email':
        return t('wait.do-not-email', { date: customer?.doNotEmailUntil ?? '' });
      case 'digest-sent':
        return prepared.digestHourReached ? t('wait.digest-sent') : t('wait.digest-hour', { hour: settings.digestHour });
      default:
        return t(`wait.${w.reason}`);
    }
  };
  const waitList = capped(plan.waiting);
  const waiting: PreviewWait[] = waitList.shown.map((w) => ({
    customer: w.item.customerName,
    what: w.item.action[lang],
    part: t(w.part === 'digest' ? 'preview.part.digest' : 'preview.part.mail'),
    why: why(w),
  }));

  const strings: Record<string, string> = {};
  for (const id of PAGE_STRINGS) strings[id] = t(id, { count: '{count}' });
  strings['preview.digests'] = t('preview.digests', { count: plan.digests.length });
  strings['preview.mails'] = t('preview.mails', { count: plan.customerMails.length });
  strings['preview.waiting'] = t('preview.waiting', { count: plan.waiting.length });
  return {
    lang,
    strings,
    note: t('preview.note', { time: `${wallText(ctx.now, ctx.timeZone)} (${ctx.timeZone})` }),
    quota: t('preview.quota', { quota, mode: t(settings.mode === 'send' ? 'preview.mode.send' : 'preview.mode.draft'), hour: settings.digestHour }),
    digests,
    mails,
    waiting,
    more: { digests: digestList.more, mails: mailList.more, waiting: waitList.more },
  };
}
