// Rendering reminders: the owner's daily digest (subject, text, HTML) and customer mails from the editable Mail
// templates ({{field}} placeholders, as in documents), with the default templates in English and Chinese.
import { langOf, type Lang } from '../i18n/i18n';
import { REMINDER_MESSAGES, reminderMessage, reminderText } from '../i18n/reminders';
import type { MailTemplateRecord } from '../ledgers/records';
import { isLocalDate, type LocalDate } from '../time/zone';
import type { DigestEntry, DigestPlan, MailOutcome } from './plan-run';
import { REMINDER_RULES, reminderRule, type ReminderItem, type ReminderLedger, type Urgency } from './rules';

/**
 * Text made safe for HTML element content and attribute values.
 * @example escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

const MAIL_STYLE = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222';

/**
 * Plain text as HTML: escaped, blank lines → paragraphs, line breaks → <br>.
 * @example textToHtml('Dear <Ann>,\n\nThanks') // '<div …><p>Dear &lt;Ann&gt;,</p><p>Thanks</p></div>'
 */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`);
  return `<div style="${MAIL_STYLE}">${paragraphs.join('')}</div>`;
}

export interface MailTemplate {
  subject: string;
  body: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** Placeholders with no such field: left out of the mail, listed here. */
  unknown: string[];
  /** Placeholders whose field is empty. */
  blank: string[];
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/**
 * Fills {{field}} placeholders (spaces inside the braces allowed). Unknown placeholders are reported and left out,
 * never sent as "{{…}}"; the HTML is the filled text, escaped.
 * @example renderMailTemplate({ subject: 'Order {{orderNo}}', body: 'Dear {{contact}}' }, { orderNo: 'SO-1', contact: 'Ann' })
 *   // { subject: 'Order SO-1', text: 'Dear Ann', html: '<div …><p>Dear Ann</p></div>', unknown: [], blank: [] }
 */
export function renderMailTemplate(template: MailTemplate, fields: Readonly<Record<string, string | number | undefined>>): RenderedMail {
  const unknown: string[] = [];
  const blank: string[] = [];
  const fillIn = (source: string): string =>
    source.replace(PLACEHOLDER, (_m, raw: string) => {
      const name = raw.trim();
      if (!Object.prototype.hasOwnProperty.call(fields, name)) {
        if (!unknown.includes(name)) unknown.push(name);
        return '';
      }
      const value = fields[name];
      const text = value === undefined ? '' : String(value);
      if (text.trim() === '' && !blank.includes(name)) blank.push(name);
      return text;
    });
  // A subject is one header line: no line breaks may reach it from a field.
  const subject = fillIn(template.subject).replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const text = fillIn(template.body).replace(/\r\n?/g, '\n');
  return { subject, text, html: textToHtml(text), unknown, blank };
}

/** The fields every default template may use; a customer mail always knows them (blank when unknown). */
export const MAIL_FIELD_NAMES = [
  'customerName',
  'contact',
  'orderNo',
  'quoteNo',
  'quoteDate',
  'quoteValidUntil',
  'contractNo',
  'deliveryDate',
  'shippedOn',
  'transport',
  'trackingNo',
  'blNo',
  'destinationPort',
  'eta',
  'balanceDueOn',
  'balanceAmount',
  'totalAmount',
  'currency',
  'invoiceNo',
  'lastContact',
  'mainCategories',
  'companyName',
  'senderName',
  'signature',
  'attachmentNote',
] as const;

const DATE_FIELDS: ReadonlySet<string> = new Set(['quoteDate', 'quoteValidUntil', 'deliveryDate', 'shippedOn', 'eta', 'balanceDueOn', 'lastContact']);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date as a customer reads it: "10 March 2026" in English, "2026年3月10日" in Chinese, ISO otherwise.
 * @example formatMailDate('2026-03-10', 'zh-CN') // '2026年3月10日'
 */
export function formatMailDate(date: LocalDate, language: string): string {
  if (!isLocalDate(date)) return date;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const lang = language.trim().toLowerCase();
  if (lang.startsWith('zh')) return `${y}年${m}月${d}日`;
  if (lang === '' || lang.startsWith('en')) return `${d} ${MONTHS[m - 1]} ${y}`;
  return date;
}

/**
 * An amount as a customer reads it: currency code, two decimals, thousands grouped (the same output everywhere).
 * @example formatMailAmount(12345.6, 'USD') // 'USD 12,345.60'
 */
export function formatMailAmount(amount: number, currency: string | undefined): string {
  const cents = Math.round(Math.abs(amount) * 100);
  const int = String(Math.floor(cents / 100));
  const dec = String(cents % 100).padStart(2, '0');
  let grouped = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += ',';
    grouped += int[i];
  }
  const code = (currency ?? '').trim();
  return `${code ? `${code} ` : ''}${amount < 0 && cents > 0 ? '-' : ''}${grouped}.${dec}`;
}

const AMOUNT_FIELDS: readonly string[] = ['balanceAmount', 'totalAmount'];

/** A Mail templates row (sheet columns Template, Language, Subject, Body). */
export type MailTemplateEntry = Pick<MailTemplateRecord, 'key' | 'language' | 'subject' | 'body'>;

export const MAIL_TEMPLATE_COLUMNS = ['Template', 'Language', 'Subject', 'Body'] as const;

/** Keys of the customer-mail rules, in rule order. */
const TEMPLATE_KEYS: readonly string[] = REMINDER_RULES.filter((r) => r.mailTemplate).map((r) => r.mailTemplate as string);

/**
 * The default templates: one per customer rule, in English and in Chinese.
 * @example defaultMailTemplates().find((t) => t.key === 'quote-no-decision' && t.language === 'zh')?.subject
 *   // '关于我司报价单 {{quoteNo}} 的跟进'
 */
export function defaultMailTemplates(): MailTemplateEntry[] {
  const out: MailTemplateEntry[] = [];
  for (const key of TEMPLATE_KEYS) {
    const subject = reminderMessage(`template.${key}.subject`);
    const body = reminderMessage(`template.${key}.body`);
    for (const language of ['en', 'zh'] as const) out.push({ key, language, subject: subject[language], body: body[language] });
  }
  return out;
}

/**
 * The default templates as sheet rows, header first (Template, Language, Subject, Body).
 * @example defaultMailTemplateRows()[0] // ['Template', 'Language', 'Subject', 'Body']
 */
export function defaultMailTemplateRows(): string[][] {
  return [[...MAIL_TEMPLATE_COLUMNS], ...defaultMailTemplates().map((t) => [t.key, t.language, t.subject, t.body])];
}

const lc = (s: string | undefined): string => (s ?? '').trim().toLowerCase();

/**
 * The template for a customer: the row for their exact Language code when one exists; else Chinese for zh*, English
 * for everything else; the built-in default when the sheet has no such row.
 * @example pickMailTemplate(rows, 'reorder-check', 'es')?.language // 'es' if the sheet has a Spanish row, else 'en'
 */
export function pickMailTemplate(
  templates: readonly MailTemplateEntry[],
  key: string,
  customerLanguage: string | undefined,
): MailTemplateEntry | undefined {
  const lang = lc(customerLanguage);
  const base = lang.startsWith('zh') ? 'zh' : 'en';
  const wanted = lc(key);
  const find = (list: readonly MailTemplateEntry[], language: string) =>
    list.find((t) => lc(t.key) === wanted && lc(t.language) === language && (t.subject.trim() !== '' || t.body.trim() !== ''));
  return (lang ? find(templates, lang) : undefined) ?? find(templates, base) ?? find(defaultMailTemplates(), base);
}

export interface CustomerMailInput {
  item: ReminderItem;
  /** The customer's Language cell. */
  language: string | undefined;
  /** Rows of the Mail templates sheet; the defaults fill any gap. */
  templates?: readonly MailTemplateEntry[];
  /** Sender fields from Settings: companyName, senderName, signature… (and any custom field). */
  fields?: Readonly<Record<string, string>>;
}

export interface RenderedCustomerMail extends RenderedMail {
  templateKey: string;
  /** Language code of the template used. */
  language: string;
  /** False when a placeholder is unknown or empty: make a draft for the rep instead of sending. */
  sendable: boolean;
}

/**
 * A customer reminder mail, in the customer's language: dates and amounts written for the reader, the transport
 * named, a missing contact greeted politely, and a sentence on the attached invoice when there is one.
 * @example renderCustomerMail({ item, language: 'zh-CN', fields: { companyName: 'ACME', signature: 'Li Wei' } }).subject
 *   // '关于我司报价单 Q-2026-0001 的跟进'
 */
export function renderCustomerMail(input: CustomerMailInput): RenderedCustomerMail {
  const { item } = input;
  if (!item.mailTemplate) throw new Error(`Reminder ${item.key} has no customer mail`);
  const template = pickMailTemplate(input.templates ?? [], item.mailTemplate, input.language);
  if (!template) throw new Error(`No mail template "${item.mailTemplate}"`);
  const language = template.language;
  const lang: Lang = langOf(language);
  const fields: Record<string, string> = {};
  for (const name of MAIL_FIELD_NAMES) fields[name] = '';
  Object.assign(fields, item.fields ?? {}, input.fields ?? {});
  if (!fields.customerName) fields.customerName = item.customerName;
  if (!fields.contact?.trim()) fields.contact = reminderText(lang, 'mail.contact.fallback');
  if (!fields.signature?.trim()) fields.signature = fields.senderName || fields.companyName || '';
  fields.attachmentNote = reminderText(lang, item.attachDocType ? 'mail.attachment.invoice' : 'mail.attachment.none');
  const transportId = `transport.${fields.transport ?? ''}`;
  if (REMINDER_MESSAGES[transportId]) fields.transport = reminderText(lang, transportId);
  for (const name of DATE_FIELDS) if (fields[name]) fields[name] = formatMailDate(fields[name] as string, language);
  for (const name of AMOUNT_FIELDS) {
    const raw = (fields[name] ?? '').trim();
    if (raw !== '' && Number.isFinite(Number(raw))) fields[name] = formatMailAmount(Number(raw), fields.currency);
  }
  const rendered = renderMailTemplate(template, fields);
  return {
    ...rendered,
    templateKey: template.key,
    language,
    sendable: rendered.unknown.length === 0 && rendered.blank.length === 0,
  };
}

export interface DigestRenderOptions {
  /** The owner's language. */
  lang: Lang;
  /** Link to a ledger row (the Workbook port's linkTo). */
  linkTo: (ledger: ReminderLedger, row: number) => string;
}

export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
}

const GROUPS: readonly Urgency[] = ['overdue', 'today', 'upcoming'];
const GROUP_COLOR: Readonly<Record<Urgency, string>> = { overdue: '#c5221f', today: '#e37400', upcoming: '#1a73e8' };
const NEW_TAG_STYLE = 'background:#e6f4ea;color:#137333;font-size:11px;font-weight:bold;padding:0 4px;border-radius:3px';

function mailNote(lang: Lang, mail: MailOutcome | undefined): string {
  return mail ? reminderText(lang, `digest.mail.${mail}`) : '';
}

const safeLink = (url: string): string | undefined => (/^https?:\/\//i.test(url.trim()) ? url.trim() : undefined);

/**
 * The owner's digest: every item it lists grouped Overdue / Due today / Coming up, each with the customer, what to
 * do, its due date, what happened to its customer mail and a link to its row, the ones no earlier digest listed
 * marked new; how many open items it does not list; then how many customer mails wait for quota. The subject and
 * the group headings count every open item (and the new ones). Every cell value is HTML-escaped.
 * @example renderDigest(plan.digests[0], { lang: 'en', linkTo: (ledger, row) => workbook.linkTo(ids[ledger], row) }).subject
 *   // 'Gendan 2026-03-09: 10 overdue (2 new), 1 due today, 0 coming up'
 */
export function renderDigest(digest: DigestPlan, options: DigestRenderOptions): RenderedDigest {
  const { lang } = options;
  const t = (id: string, vars?: Record<string, string | number>) => reminderText(lang, id, vars);
  const byGroup: Record<Urgency, DigestEntry[]> = { overdue: [], today: [], upcoming: [] };
  for (const e of digest.entries) byGroup[e.item.urgency].push(e);
  const newIn = (group: Urgency) => byGroup[group].filter((e) => e.isNew).length;
  // Every open item counts, listed or not: a digest never says less is open than is.
  const openIn = (group: Urgency) => Math.max(digest.open[group], byGroup[group].length);
  const phrase = (group: Urgency): string => {
    const base = t(`digest.count.${group}`, { count: openIn(group) });
    const fresh = newIn(group);
    return fresh > 0 ? t('digest.count.new', { phrase: base, count: fresh }) : base;
  };
  const subject = t('digest.subject', { date: digest.date, overdue: phrase('overdue'), today: phrase('today'), upcoming: phrase('upcoming') });

  const intro = t('digest.intro', { date: digest.date });
  const textLines: string[] = [intro];
  const html: string[] = [`<div style="${MAIL_STYLE}">`, `<p>${escapeHtml(intro)}</p>`];
  if (digest.entries.some((e) => e.isNew)) {
    const note = t('digest.new.note');
    textLines.push(note);
    html.push(`<p style="color:#666">${escapeHtml(note)}</p>`);
  }
  textLines.push('');
  const tag = t('digest.new');
  for (const group of GROUPS) {
    const entries = byGroup[group];
    const open = openIn(group);
    if (open === 0) continue;
    const counts = [String(open)];
    if (entries.length < open) counts.push(t('digest.heading.listed', { count: entries.length }));
    if (newIn(group) > 0) counts.push(t('digest.heading.new', { count: newIn(group) }));
    const heading = t('digest.heading', { group: t(`digest.group.${group}`), counts: counts.join(t('digest.separator')) });
    textLines.push(heading);
    html.push(`<h3 style="color:${GROUP_COLOR[group]};margin:16px 0 4px">${escapeHtml(heading)}</h3>`);
    if (entries.length > 0) html.push('<ul style="padding-left:20px;margin:0">');
    for (const { item, mail, isNew } of entries) {
      const ruleName = reminderRule(item.rule).name[lang];
      const customer = item.customerName || '—';
      const act = item.action[lang];
      const due = t('digest.due', { date: item.dueDate });
      const note = mailNote(lang, mail);
      const link = safeLink(options.linkTo(item.ref.ledger, item.ref.row));
      textLines.push(`- ${isNew ? `[${tag}] ` : ''}${customer}: ${act} (${due}; ${ruleName})${note ? ` [${note}]` : ''}`);
      if (link) textLines.push(`  ${link}`);
      html.push(
        '<li style="margin:4px 0">' +
          (isNew ? `<span style="${NEW_TAG_STYLE}">${escapeHtml(tag)}</span> ` : '') +
          `<b>${escapeHtml(customer)}</b>: ${escapeHtml(act)} ` +
          `<span style="color:#666">(${escapeHtml(due)}; ${escapeHtml(ruleName)})</span>` +
          (note ? ` <i style="color:#666">${escapeHtml(note)}</i>` : '') +
          (link ? ` <a href="${escapeHtml(link)}">${escapeHtml(t('digest.open'))}</a>` : '') +
          '</li>',
      );
    }
    textLines.push('');
    if (entries.length > 0) html.push('</ul>');
  }
  if (digest.more > 0) {
    const more = t('digest.more', { count: digest.more, listed: digest.entries.length });
    textLines.push(more, '');
    html.push(`<p><b>${escapeHtml(more)}</b></p>`);
  }
  if (digest.waitingForQuota > 0) {
    const waiting = t('digest.waiting', { count: digest.waitingForQuota });
    textLines.push(waiting, '');
    html.push(`<p><b>${escapeHtml(waiting)}</b></p>`);
  }
  textLines.push(t('digest.footer'));
  html.push(`<p style="color:#888;font-size:12px">${escapeHtml(t('digest.footer'))}</p>`, '</div>');
  return { subject, text: textLines.join('\n'), html: html.join('') };
}
