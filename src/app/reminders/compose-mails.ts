// The mails of a run as text: each customer mail from the Mail templates in the customer's language, with the
// generated PDF it should carry (found in the order's Documents cell), and each owner's digest in the owner's
// language with links to the rows. Pure: fetching the PDF and making the drafts is the run's business.
import type { Lang } from '../../domain/i18n/i18n';
import { latestDocument, parseDocumentLinks, type DocumentLink } from '../../domain/documents/document-links';
import type { DocType as DocumentDocType } from '../../domain/documents/doc-types';
import type { CustomerRecord, MailMode, OrderRecord } from '../../domain/ledgers/records';
import type { CustomerMailPlan, DigestPlan } from '../../domain/reminders/plan-run';
import { pickMailTemplate, renderCustomerMail, renderDigest, type MailTemplateEntry } from '../../domain/reminders/render';
import type { DocType, ReminderItem, ReminderLedger } from '../../domain/reminders/rules';
import { countryCode } from '../../domain/time/working-days';

export interface ComposedMail {
  /** Reminder log key. */
  key: string;
  mode: MailMode;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Language code of the text ("en", "zh", or the template's own code). */
  language: string;
  replyTo?: string;
  /** The generated document whose PDF goes with the mail. */
  attachment?: DocumentLink;
}

const CHINESE_COUNTRIES: ReadonlySet<string> = new Set(['CN', 'TW', 'HK', 'MO']);
/** Chinese-speaking regions the country table does not name. */
const CHINESE_REGIONS: ReadonlySet<string> = new Set(['hong kong', 'taiwan', 'macao', 'macau', '香港', '台湾', '台灣', '澳门', '澳門', '中國']);

/**
 * The language a customer reads: their Language cell; when blank, Chinese for customers in China, Taiwan, Hong Kong
 * and Macao; otherwise '' (English templates).
 * @example customerLanguage({ customerId: 'C-1', name: 'X', _row: 2, country: '中国' }) // 'zh'
 */
export function customerLanguage(customer: Pick<CustomerRecord, 'language' | 'country'>): string {
  const own = (customer.language ?? '').trim();
  if (own) return own;
  const code = countryCode(customer.country);
  if (code && CHINESE_COUNTRIES.has(code)) return 'zh';
  return CHINESE_REGIONS.has((customer.country ?? '').trim().toLowerCase()) ? 'zh' : '';
}

/** The document a reminder's mail carries: the one its rule names (a quotation follow-up carries the quotation). */
function wantedDocument(item: ReminderItem): DocType | undefined {
  if (item.attachDocType) return item.attachDocType;
  return item.rule === 'quote-no-decision' ? 'quotation' : undefined;
}

const DOCUMENT_TYPE: Readonly<Record<DocType, DocumentDocType>> = {
  quotation: 'quotation',
  contract: 'contract',
  'purchase-contract': 'purchase-order',
  'shipping-notice': 'shipping-notice',
  invoice: 'invoice',
};

/**
 * The latest generated document of the kind the reminder wants, from its order's Documents cell.
 * @example attachmentFor(item, order)?.number // 'CI-2026-0003'
 */
export function attachmentFor(item: ReminderItem, order: Pick<OrderRecord, 'documents'> | undefined): DocumentLink | undefined {
  const wanted = wantedDocument(item);
  if (!wanted || !order?.documents) return undefined;
  return latestDocument(parseDocumentLinks(order.documents), DOCUMENT_TYPE[wanted]);
}

/** The file name of a document's PDF in a mail. */
export function attachmentName(link: DocumentLink): string {
  return `${link.number}.pdf`;
}

const CLOSING = /[,，!！:：]$/;

/**
 * The signature to put under a template: without its complimentary close ("Best regards," / "顺祝商祺！") when the
 * template already ends with one right above {{signature}}, so the mail does not close twice.
 * @example signatureUnder('Best regards,\n{{signature}}', 'Best regards,\nBright Harbor') // 'Bright Harbor'
 */
export function signatureUnder(body: string, signature: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const at = lines.findIndex((l) => /\{\{\s*signature\s*\}\}/.test(l));
  let before = '';
  for (let i = at - 1; i >= 0 && before === ''; i--) before = (lines[i] ?? '').trim();
  const own = signature.replace(/\r\n?/g, '\n').split('\n');
  const first = (own[0] ?? '').trim();
  if (at < 0 || !CLOSING.test(before) || own.length < 2 || !CLOSING.test(first)) return signature;
  return own.slice(1).join('\n').trim();
}

export interface CustomerMailContext {
  templates: readonly MailTemplateEntry[];
  /** Sender fields per language (company name, signature). */
  sender: Readonly<Record<Lang, Readonly<Record<string, string>>>>;
  /** The item's order, when it points at one (for the attachment). */
  order?: OrderRecord;
  /** The running user: replies go to the item's owner when that is someone else. */
  activeUser: string;
}

/**
 * A customer mail ready to be drafted or sent. A mail whose template has a placeholder with no value becomes a
 * draft even in send mode, so a person fills the gap; an invoice the order does not have yet is announced, not
 * claimed as attached.
 * @example composeCustomerMail(plan.customerMails[0], { templates: [], sender, activeUser: 'me@x.cn' }).subject
 */
export function composeCustomerMail(m: CustomerMailPlan, ctx: CustomerMailContext): ComposedMail {
  const attachment = attachmentFor(m.item, ctx.order);
  // The action and fields of a due reminder are getters, which a spread leaves out: copied by name.
  const item: ReminderItem = { ...m.item, action: m.item.action, fields: m.item.fields };
  if (!attachment) delete item.attachDocType;
  const language = customerLanguage(m.customer);
  const senderLang: Lang = language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const fields = { ...ctx.sender[senderLang] };
  const template = item.mailTemplate ? pickMailTemplate(ctx.templates, item.mailTemplate, language) : undefined;
  if (template && fields.signature) fields.signature = signatureUnder(template.body, fields.signature);
  const rendered = renderCustomerMail({ item, language, templates: ctx.templates, fields });
  const owner = m.item.owner.trim();
  const replyTo = owner.includes('@') && owner.toLowerCase() !== ctx.activeUser.trim().toLowerCase() ? owner : undefined;
  return {
    key: m.key,
    mode: m.mode === 'send' && !rendered.sendable ? 'draft' : m.mode,
    to: m.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    language: rendered.language,
    ...(replyTo ? { replyTo } : {}),
    ...(attachment ? { attachment } : {}),
  };
}

/**
 * An owner's digest in their language; every item links to its row.
 * @example composeDigest(plan.digests[0], 'zh', (ledger, row) => url).subject // '跟单提醒 2026-03-09：…'
 */
export function composeDigest(d: DigestPlan, lang: Lang, linkTo: (ledger: ReminderLedger, row: number) => string): ComposedMail {
  const r = renderDigest(d, { lang, linkTo });
  return { key: d.key, mode: 'send', to: d.to, subject: r.subject, text: r.text, html: r.html, language: lang };
}
