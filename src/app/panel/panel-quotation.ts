// "Generate quotation" from the customer panel: the documents feature's own use case (generateDocuments), run on
// the order's row, which is selected first exactly as if the user had clicked it and used the Documents menu; then
// the new quotation's Doc and PDF links as the order row records them, and the customer's folder remembered.
import type { AppContext } from '../context';
import { LockBusy } from '../../ports';
import { generateDocuments } from '../documents/generate-documents';
import { parseDocumentLinks } from '../../domain/documents/document-links';
import { LEDGERS } from '../../domain/ledgers/index';
import { appText } from '../../domain/i18n/app';
import { docsAppText } from '../../domain/i18n/documents-app';
import { panelText } from '../../domain/i18n/panel-app';
import { CustomerIndex } from '../../domain/orders/customer-aggregates';
import { orderKey } from './panel-ledgers';
import { rememberDocumentsFolder } from './documents-folder';

export interface QuotationResult {
  message: string;
  links: { name: string; url: string }[];
}

export function panelQuotation(ctx: AppContext, orderNo: string): QuotationResult {
  const lang = ctx.userLang;
  const no = String(orderNo ?? '').trim();
  const orders = ctx.ledger('orders');
  if (!orders) throw new Error(appText(lang, 'check.missingSheet', { sheet: LEDGERS.orders.sheet[lang] }));
  const before = orders.readAll();
  const order = before.records.find((o) => orderKey(o.orderNo) === orderKey(no));
  if (!order) throw new Error(panelText(lang, 'panel.unknownOrder', { order: no, sheet: orders.table.name }));
  orders.table.activate(order._row, before.mapping.byKey.orderNo ?? 1);
  let generated: string[];
  let problems: string[];
  try {
    ({ generated, problems } = generateDocuments(ctx, 'quotation'));
  } catch (e) {
    if (e instanceof LockBusy) throw new Error(docsAppText(lang, 'gen.busySelf'), { cause: e });
    throw e;
  }
  if (!generated.length) return { message: panelText(lang, 'panel.quoteNone', { order: no, problems: problems.join(' ') }), links: [] };
  const after = orders.readAll().records.find((o) => orderKey(o.orderNo) === orderKey(no));
  const links = parseDocumentLinks(after?.documents)
    .filter((d) => generated.includes(d.number))
    .flatMap((d) => [
      { name: `${d.number} (Google Doc)`, url: `https://docs.google.com/document/d/${d.docId}/edit` },
      { name: `${d.number}.pdf`, url: `https://drive.google.com/file/d/${d.pdfId}/view` },
    ]);
  try {
    const customers = ctx.ledger('customers')?.readAll().records ?? [];
    const record = new CustomerIndex(customers).find(order.customer);
    rememberDocumentsFolder(ctx, { record, ref: record ? record.customerId || record.name : order.customer });
  } catch (e) {
    // The quotation is made; without the folder the panel links to a Drive search instead.
    ctx.ports.log.error('panel: documents folder not found', e);
  }
  return { message: panelText(lang, 'panel.quoteDone', { numbers: generated.join(', '), order: no }), links };
}
