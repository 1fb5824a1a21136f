// "Email document to customer": the latest quotation, contract or invoice of each selected order goes to the
// customer as PDF, in the customer's language, as a Gmail draft or sent (Settings: Customer mails), and is logged in
// the Contact log. An attempt is recorded before the mail is made and cleared once it is logged, so an attempt
// that was interrupted is never silently repeated.
import type { AppContext } from '../context';
import { allocateNumbers } from '../assign-numbers';
import { parseDocumentLinks, type DocumentLink } from '../../domain/documents/document-links';
import { tDoc } from '../../domain/i18n/documents';
import { docsAppText } from '../../domain/i18n/documents-app';
import { langOf, type Lang } from '../../domain/i18n/i18n';
import type { ContactRecord, CustomerRecord, MailTemplateRecord, OrderRecord } from '../../domain/ledgers/records';
import { CustomerIndex } from '../../domain/orders/customer-aggregates';
import { pickMailTemplate, renderMailTemplate, type MailTemplate } from '../../domain/reminders/render';
import type { Settings } from '../../domain/settings';
import { instantToWall } from '../../domain/time/zone';
import { journalOwner } from './doc-journal';
import { errorText } from './generate-documents';
import { PDF_MIME, pdfNameOf } from './produce-document';
import { rowsOf, selectedOrders } from './select-orders';
import type { RecordField } from '../../domain/ledgers/schema-types';

/** Documents that go to the customer (purchase orders and shipping notices go to the factory). */
const CUSTOMER_DOCUMENTS = new Set(['quotation', 'contract', 'invoice']);
/** The Mail templates key of this mail; the built-in text is used when the sheet has no such row. */
export const DOCUMENT_MAIL_KEY = 'document';
const MAX_ORDERS = 20;
const ATTEMPT_PREFIX = 'gendan.mailjob.';

export interface EmailOutcome {
  /** One line per mail made. */
  done: string[];
  /** One line per order not emailed. */
  problems: string[];
}

interface Attempt {
  n: string;
  to: string;
  at: number;
  /** The Contact log ID the mail is logged under: a row with it means the attempt went through. */
  id: string;
}

/** The latest customer document on an order row. */
export function latestCustomerDocument(order: Pick<OrderRecord, 'documents'>): DocumentLink | undefined {
  const links = parseDocumentLinks(order.documents).filter((l) => CUSTOMER_DOCUMENTS.has(l.docType));
  return links[links.length - 1];
}

function builtInTemplate(lang: Lang): MailTemplate {
  return { subject: docsAppText(lang, 'mail.document.subject'), body: docsAppText(lang, 'mail.document.body') };
}

function companyName(settings: Settings, lang: Lang): string {
  return lang === 'zh' ? settings['company.name.zh'] || settings['company.name.en'] : settings['company.name.en'] || settings['company.name.zh'];
}

/** Emails the latest customer document of each selected order. */
export function emailDocument(ctx: AppContext): EmailOutcome {
  const ui = ctx.userLang;
  const out: EmailOutcome = { done: [], problems: [] };
  const ordersLedger = ctx.ledger('orders');
  const selection = ctx.ports.workbook.selection();
  if (!ordersLedger || !selection) {
    ctx.ports.ui.alert(docsAppText(ui, 'email.title'), docsAppText(ui, 'gen.noOrders'));
    return out;
  }
  const orders = ordersLedger.readAll();
  const onLines = selection.sheet === ctx.table('orderLines')?.name;
  const lines = onLines ? ctx.ledger('orderLines')?.readAll() ?? null : null;
  const sel = selectedOrders(ctx, selection, rowsOf(orders), lines ? rowsOf(lines) : null);
  if (!sel || !sel.orderNos.length) {
    ctx.ports.ui.alert(docsAppText(ui, 'email.title'), docsAppText(ui, 'gen.noOrders'));
    return out;
  }
  if (sel.orderNos.length > MAX_ORDERS) {
    ctx.ports.ui.alert(docsAppText(ui, 'email.title'), docsAppText(ui, 'gen.tooMany', { max: MAX_ORDERS }));
    return out;
  }
  const settings = ctx.settings();
  const customers = new CustomerIndex<CustomerRecord>(ctx.ledger('customers')?.readAll().records ?? []);
  const templates: MailTemplateRecord[] = ctx.ledger('mailTemplates')?.readAll().records ?? [];
  const contacts = ctx.ledger('contacts');
  const contactSnap = contacts?.readAll() ?? null;
  const user = ctx.ports.user.email();
  const attemptKey = ATTEMPT_PREFIX + journalOwner(user);
  const byNo = new Map(orders.records.map((o) => [o.orderNo.trim(), o]));
  const mode = settings['mail.customer-mode'];

  for (const no of sel.orderNos) {
    const order = byNo.get(no);
    const link = order ? latestCustomerDocument(order) : undefined;
    if (!order || !link) {
      out.problems.push(docsAppText(ui, 'email.noDocument', { order: no }));
      continue;
    }
    const customer = customers.find(order.customer);
    if (!customer) {
      out.problems.push(docsAppText(ui, 'email.noCustomer', { order: no, customer: order.customer }));
      continue;
    }
    const to = (customer.email ?? '').trim();
    if (!to) {
      out.problems.push(docsAppText(ui, 'email.noEmail', { order: no, customer: customer.name }));
      continue;
    }
    if (customer.doNotEmailUntil && customer.doNotEmailUntil > ctx.today) {
      out.problems.push(docsAppText(ui, 'email.paused', { order: no, customer: customer.name, date: customer.doNotEmailUntil }));
      continue;
    }
    if (mode === 'send' && ctx.ports.mailer.remainingQuota() < 1) {
      out.problems.push(docsAppText(ui, 'email.quota', { order: no }));
      continue;
    }
    // An attempt on record for this document was interrupted: logged means it went through; otherwise ask.
    const attempt = readAttempt(ctx.ports.docProps.get(attemptKey));
    if (attempt && attempt.n === link.number) {
      const logged = !!attempt.id && (contactSnap?.records.some((c) => c.contactId === attempt.id) ?? false);
      if (logged) {
        ctx.ports.docProps.delete(attemptKey);
        continue;
      }
      if (!ctx.ports.ui.confirm(docsAppText(ui, 'email.title'), docsAppText(ui, 'email.pending', { number: link.number, to: attempt.to }))) continue;
    }
    const file = ctx.ports.files.findFile(link.docId);
    if (!file) {
      out.problems.push(docsAppText(ui, 'email.docGone', { order: no, number: link.number }));
      continue;
    }
    const lang = langOf(customer.language);
    const docName = tDoc(lang, `doc.${link.docType}.name`);
    const picked = pickMailTemplate(templates, DOCUMENT_MAIL_KEY, customer.language);
    const template = picked && picked.key.trim().toLowerCase() === DOCUMENT_MAIL_KEY ? picked : builtInTemplate(lang);
    const mailLang = picked ? langOf(picked.language) : lang;
    const signature = mailLang === 'zh' ? settings['signature.zh'] || settings['signature.en'] : settings['signature.en'] || settings['signature.zh'];
    const rendered = renderMailTemplate(template, {
      docName: mailLang === lang ? docName : tDoc(mailLang, `doc.${link.docType}.name`),
      docNo: link.number,
      orderNo: no,
      customerName: customer.name,
      contact: customer.contact?.trim() || docsAppText(mailLang, 'mail.contactFallback'),
      companyName: companyName(settings, mailLang),
      senderName: user,
      signature: signature || companyName(settings, mailLang),
    });
    const contactId = contacts && contactSnap ? allocateNumbers(ctx, 'contact', 1, contactSnap.records.map((c) => c.contactId))[0] : '';
    ctx.ports.docProps.set(attemptKey, JSON.stringify({ n: link.number, to, at: ctx.ports.clock.now(), id: contactId } satisfies Attempt));
    const pdfName = pdfNameOf(file.name);
    const mail = {
      to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments: [{ name: pdfName, mimeType: PDF_MIME, blob: ctx.ports.docs.pdf(file.id, pdfName) }],
      ...(settings['company.email'] ? { replyTo: settings['company.email'] } : {}),
    };
    try {
      if (mode === 'send') ctx.ports.mailer.send(mail);
      else ctx.ports.mailer.draft(mail);
    } catch (e) {
      ctx.ports.docProps.delete(attemptKey);
      out.problems.push(`${no}: ${errorText(e)}`);
      continue;
    }
    const logText = docsAppText(ctx.lang, mode === 'send' ? 'email.logSent' : 'email.logDraft', { to, doc: tDoc(ctx.lang, `doc.${link.docType}.name`), number: link.number });
    if (contacts && contactSnap) {
      const record: Partial<Record<RecordField<ContactRecord>, unknown>> = {
        contactId,
        date: ctx.today,
        time: new Date(instantToWall(ctx.ports.clock.now(), ctx.timeZone)).toISOString().slice(11, 16),
        channel: 'email',
        customer: order.customer,
        customerParticipants: [customer.contact, customer.title].filter(Boolean).join(' - '),
        ourParticipants: user,
        topic: rendered.subject,
        ourActions: logText,
        owner: order.owner || user,
      };
      contacts.append(contactSnap.mapping, [record]);
    }
    ctx.ports.docProps.delete(attemptKey);
    out.done.push(docsAppText(ui, mode === 'send' ? 'email.sent' : 'email.drafted', { to, number: link.number }));
  }
  if (out.done.length) ctx.ports.workbook.toast(out.done.join('\n'), docsAppText(ui, 'email.title'));
  if (out.problems.length) ctx.ports.ui.alert(docsAppText(ui, 'email.skipped'), out.problems.join('\n'));
  return out;
}

function readAttempt(text: string | null): Attempt | null {
  if (!text) return null;
  try {
    const a = JSON.parse(text) as Partial<Attempt>;
    return typeof a.n === 'string' && typeof a.to === 'string' && typeof a.at === 'number' ? { n: a.n, to: a.to, at: a.at, id: typeof a.id === 'string' ? a.id : '' } : null;
  } catch {
    return null;
  }
}
