// The default template of each document type in English and Chinese, as a structural spec (title, company header,
// parties, meta table, ONE line-item row of {{line.…}} fields with a header and a totals row, totals in words,
// terms, bank details, signatures), and the Docs API requests that build a spec in an empty document.
import type { DocsRequest } from '../../ports';
import type { Lang } from '../i18n/i18n';
import { tDoc } from '../i18n/documents';
import type { DocType } from './doc-types';

export type Alignment = 'START' | 'CENTER' | 'END';

export type TemplateBlock =
  /** A HEADING_1 paragraph, centred. */
  | { kind: 'title'; text: string }
  /** One or more paragraphs ("\n" separates them). */
  | { kind: 'paragraph'; text: string; bold?: boolean; align?: Alignment }
  /** A table; cell text may hold "\n" (several paragraphs in the cell). */
  | {
      kind: 'table';
      rows: string[][];
      /** Rows at the top shown bold (and pinned when `pinHeader`). */
      headerRows?: number;
      pinHeader?: boolean;
      /** Columns shown bold in every row (labels of a meta table). */
      boldColumns?: number[];
      /** Alignment per column (numbers to the END). */
      align?: (Alignment | undefined)[];
    };

export interface TemplateSpec {
  docType: DocType;
  lang: Lang;
  /** File name of the template document. */
  name: string;
  blocks: TemplateBlock[];
}

type Blocks = TemplateBlock[];

function vocabulary(lang: Lang) {
  const t = (id: string, vars?: Record<string, string>) => tDoc(lang, id, vars);
  const colon = lang === 'zh' ? '：' : ': ';
  /** "Tel: " / "电话：" */
  const label = (id: string) => t(id) + colon;
  /** "Unit price ({{order.currency}})" / "单价（{{order.currency}}）" */
  const inCurrency = (id: string, field: string) => (lang === 'zh' ? `${t(id)}（{{${field}}}）` : `${t(id)} ({{${field}}})`);
  const gap = lang === 'zh' ? '　　' : '    ';
  return { t, label, inCurrency, gap };
}

const P = (text: string, extra: { bold?: boolean; align?: Alignment } = {}): TemplateBlock => ({ kind: 'paragraph', text, ...extra });
const TITLE = (text: string): TemplateBlock => ({ kind: 'title', text });
const META = (rows: string[][]): TemplateBlock => ({ kind: 'table', rows, boldColumns: [0, 2] });
const LINES = (rows: string[][], align: (Alignment | undefined)[]): TemplateBlock => ({ kind: 'table', rows, headerRows: 1, pinHeader: true, align });

function companyHeader(lang: Lang, withContacts: boolean): Blocks {
  const { label, gap } = vocabulary(lang);
  const blocks: Blocks = [P('{{company.name}}', { bold: true, align: 'CENTER' })];
  if (withContacts) {
    blocks.push(P(`{{company.address}}\n${label('tpl.tel')}{{company.phone}}${gap}${label('tpl.email')}{{company.email}}`, { align: 'CENTER' }));
  }
  return blocks;
}

function bankDetails(lang: Lang, withAddress: boolean): Blocks {
  const { t, label } = vocabulary(lang);
  const blocks: Blocks = [
    P(t('tpl.bankDetails'), { bold: true }),
    P(`${label('tpl.beneficiary')}{{bank.beneficiary}}\n${label('tpl.bank')}{{bank.name}}`),
  ];
  if (withAddress) blocks.push(P(`{{#if bank.address}}${label('tpl.bankAddress')}{{bank.address}}{{/if}}`));
  blocks.push(P(`${label('tpl.account')}{{bank.account}}\n${label('tpl.swift')}{{bank.swift}}`));
  return blocks;
}

const END: Alignment = 'END';

function quotation(lang: Lang): Blocks {
  const { t, label, inCurrency } = vocabulary(lang);
  return [
    ...companyHeader(lang, true),
    TITLE(t('doc.quotation.title')),
    META([
      [t('tpl.to'), '{{customer.name}}', t('tpl.quoteNo'), '{{doc.no}}'],
      [t('tpl.attn'), '{{customer.contact}}', t('tpl.date'), '{{doc.date}}'],
      [t('tpl.email'), '{{customer.email}}', t('tpl.validUntil'), '{{order.quoteValidUntil}}'],
      [t('tpl.currency'), '{{order.currency}}', t('tpl.tradeTerm'), '{{order.tradeTerm}} {{order.portOfLoading}}'],
    ]),
    LINES([
      [t('tpl.no'), t('tpl.picture'), t('tpl.product'), t('tpl.description'), t('tpl.packaging'), t('tpl.quantity'),
        inCurrency('tpl.unitPrice', 'order.currency'), inCurrency('tpl.amount', 'order.currency')],
      ['{{line.no}}', '{{line.imageUrl}}', '{{line.name}}\n{{line.code}}', '{{line.description}}', '{{line.packaging}}',
        '{{line.quantity}} {{line.unit}}', '{{line.unitPrice}}', '{{line.amount}}'],
      ['', '', '', '', t('tpl.total'), '{{total.quantity}}', '', '{{total.amount|number}}'],
    ], [undefined, undefined, undefined, undefined, undefined, END, END, END]),
    P(t('tpl.terms'), { bold: true }),
    P(`${label('tpl.paymentTerms')}{{order.paymentTerms}}`),
    P(`${label('tpl.transport')}{{order.transport}}`),
    P(t('tpl.validity', { date: '{{order.quoteValidUntil}}' })),
    P('{{company.name}}\n{{company.signature}}', { align: 'END' }),
  ];
}

function contract(lang: Lang): Blocks {
  const { t, label, inCurrency, gap } = vocabulary(lang);
  return [
    TITLE(t('doc.contract.title')),
    P(`${label('tpl.contractNo')}{{doc.no}}${gap}${label('tpl.date')}{{doc.date}}${gap}${label('tpl.orderNo')}{{order.no}}`, { align: 'CENTER' }),
    {
      kind: 'table',
      headerRows: 1,
      rows: [
        [t('tpl.seller'), t('tpl.buyer')],
        ['{{company.name}}', '{{customer.name}}'],
        [`${label('tpl.address')}{{company.address}}`, `${label('tpl.address')}{{customer.address}}`],
        [`${label('tpl.tel')}{{company.phone}}`, `${label('tpl.tel')}{{customer.phone}}`],
        [`${label('tpl.email')}{{company.email}}`, `${label('tpl.email')}{{customer.email}}`],
        [`${label('tpl.representedBy')}{{company.signature}}`, `${label('tpl.attn')}{{customer.contact}}`],
      ],
    },
    P(t('tpl.agreement')),
    LINES([
      [t('tpl.no'), t('tpl.product'), t('tpl.description'), t('tpl.quantity'), inCurrency('tpl.unitPrice', 'order.currency'),
        inCurrency('tpl.amount', 'order.currency')],
      ['{{line.no}}', '{{line.name}}\n{{line.code}}', '{{line.description}}', '{{line.quantity}} {{line.unit}}', '{{line.unitPrice}}', '{{line.amount}}'],
      ['', t('tpl.total'), '', '{{total.quantity}}', '', '{{total.amount|number}}'],
    ], [undefined, undefined, undefined, END, END, END]),
    P(`${label('tpl.totalAmount')}{{total.amount}}`, { bold: true }),
    P(`${label('tpl.totalInWords')}{{total.words}}`),
    P(t('tpl.terms'), { bold: true }),
    P(`${label('tpl.paymentTerms')}{{order.paymentTerms}}`),
    P(`{{#if order.depositPercent}}${t('tpl.deposit', { percent: '{{order.depositPercent}}', amount: '{{order.depositAmount}}' })}{{/if}}`),
    P(`{{#if order.packagingRequirements}}${label('tpl.packagingRequirements')}{{order.packagingRequirements}}{{/if}}`),
    P(t('tpl.shippingTerms', { term: '{{order.tradeTerm}}', transport: '{{order.transport}}', from: '{{order.portOfLoading}}', to: '{{order.destinationPort}}' })),
    P(`${label('tpl.deliveryDate')}{{order.deliveryDate}}`),
    ...bankDetails(lang, true),
    {
      kind: 'table',
      headerRows: 1,
      rows: [
        [t('tpl.seller'), t('tpl.buyer')],
        [`{{company.name}}\n\n${label('tpl.signature')}\n{{company.signature}}`, `{{customer.name}}\n\n${label('tpl.signature')}\n`],
      ],
    },
  ];
}

function purchaseOrder(lang: Lang): Blocks {
  const { t, label, inCurrency } = vocabulary(lang);
  return [
    ...companyHeader(lang, false),
    TITLE(t('doc.purchase-order.title')),
    META([
      [t('tpl.purchaser'), '{{company.name}}', t('tpl.poNo'), '{{doc.no}}'],
      [t('tpl.supplier'), '{{order.factory}}', t('tpl.orderNo'), '{{order.no}}'],
      [t('tpl.address'), '{{company.address}}', t('tpl.date'), '{{doc.date}}'],
      [t('tpl.tel'), '{{company.phone}}', t('tpl.deliveryDate'), '{{order.deliveryDate}}'],
    ]),
    LINES([
      [t('tpl.no'), t('tpl.itemNo'), t('tpl.product'), t('tpl.specification'), t('tpl.material'), t('tpl.surfaceFinish'),
        t('tpl.quantity'), inCurrency('tpl.unitPrice', 'order.factoryCurrency'), inCurrency('tpl.domesticAmount', 'order.factoryCurrency')],
      ['{{line.no}}', '{{line.code}}', '{{line.name}}', '{{line.specification}}\n{{line.notes}}', '{{line.material}}', '{{line.surfaceFinish}}',
        '{{line.quantity}} {{line.unit}}', '{{line.factoryPrice}}', '{{line.factoryAmount}}'],
      [t('tpl.total'), '', '', '', '', '', '{{total.quantity}}', '', '{{total.factoryAmount|number}}'],
    ], [undefined, undefined, undefined, undefined, undefined, undefined, END, END, END]),
    P(`${label('tpl.totalInWords')}{{total.factoryWords}}`, { bold: true }),
    P(`${label('tpl.qualityRequirements')}{{order.qualityRequirements}}`),
    P(`${label('tpl.packagingRequirements')}{{order.packagingRequirements}}`),
    {
      kind: 'table',
      headerRows: 1,
      rows: [
        [t('tpl.purchaser'), t('tpl.supplier')],
        [`{{company.name}}\n${label('tpl.representedBy')}{{company.signature}}\n${label('tpl.signature')}\n${label('tpl.date')}`,
          `{{order.factory}}\n${label('tpl.representedBy')}\n${label('tpl.signature')}\n${label('tpl.date')}`],
      ],
    },
  ];
}

function shippingNotice(lang: Lang): Blocks {
  const { t } = vocabulary(lang);
  return [
    ...companyHeader(lang, false),
    TITLE(t('doc.shipping-notice.title')),
    META([
      [t('tpl.factory'), '{{order.factory}}', t('tpl.noticeNo'), '{{doc.no}}'],
      [t('tpl.orderNo'), '{{order.no}}', t('tpl.date'), '{{doc.date}}'],
      [t('tpl.shipmentDate'), '{{order.shipmentDate}}', t('tpl.transport'), '{{order.transport}}'],
      [t('tpl.destinationPort'), '{{order.destinationPort}}', t('tpl.country'), '{{customer.country}}'],
    ]),
    P(t('tpl.shippingMarks'), { bold: true }),
    P('{{order.shippingMarks}}'),
    LINES([
      [t('tpl.no'), t('tpl.itemNo'), t('tpl.product'), t('tpl.description'), t('tpl.quantity'), t('tpl.unit')],
      ['{{line.no}}', '{{line.code}}', '{{line.name}}', '{{line.description}}', '{{line.quantity}}', '{{line.unit}}'],
      [t('tpl.total'), '', '', '', '{{total.quantity}}', ''],
    ], [undefined, undefined, undefined, undefined, END, undefined]),
    P(t('tpl.shippingNoticeRequest')),
    P('{{company.name}}\n{{company.signature}}', { align: 'END' }),
  ];
}

function invoice(lang: Lang): Blocks {
  const { t, label, inCurrency } = vocabulary(lang);
  return [
    ...companyHeader(lang, true),
    TITLE(t('doc.invoice.title')),
    META([
      [t('tpl.messrs'), '{{customer.name}}', t('tpl.invoiceNo'), '{{doc.no}}'],
      [t('tpl.address'), '{{customer.address}}', t('tpl.date'), '{{doc.date}}'],
      [t('tpl.country'), '{{customer.country}}', t('tpl.contractNo'), '{{order.contractNo}}'],
      [t('tpl.portOfLoading'), '{{order.portOfLoading}}', t('tpl.orderNo'), '{{order.no}}'],
      [t('tpl.destinationPort'), '{{order.destinationPort}}', t('tpl.tradeTerm'), '{{order.tradeTerm}}'],
      [t('tpl.transport'), '{{order.transport}}', t('tpl.blNo'), '{{order.blNo}}'],
    ]),
    P(t('tpl.shippingMarks'), { bold: true }),
    P('{{order.shippingMarks}}'),
    LINES([
      [t('tpl.no'), t('tpl.goods'), t('tpl.hsCode'), t('tpl.quantity'), inCurrency('tpl.unitPrice', 'order.currency'),
        inCurrency('tpl.amount', 'order.currency')],
      ['{{line.no}}', '{{line.code}} {{line.name}}\n{{line.description}}', '{{line.hsCode}}', '{{line.quantity}} {{line.unit}}',
        '{{line.unitPrice}}', '{{line.amount}}'],
      ['', t('tpl.total'), '', '{{total.quantity}}', '', '{{total.amount|number}}'],
    ], [undefined, undefined, undefined, END, END, END]),
    P(`${label('tpl.totalAmount')}{{total.amount}}`, { bold: true }),
    P(`${label('tpl.totalInWords')}{{total.words}}`),
    P(`${label('tpl.paymentTerms')}{{order.paymentTerms}}`),
    ...bankDetails(lang, false),
    TITLE(t('doc.invoice.packingTitle')),
    LINES([
      [t('tpl.no'), t('tpl.goods'), t('tpl.quantity'), t('tpl.cartons'), t('tpl.netWeight'), t('tpl.grossWeight'), t('tpl.cbm')],
      ['{{line.no}}', '{{line.code}} {{line.name}}', '{{line.quantity}} {{line.unit}}', '{{line.cartons}}', '{{line.netWeight}}',
        '{{line.grossWeight}}', '{{line.cbm}}'],
      ['', t('tpl.total'), '{{total.quantity}}', '{{total.cartons}}', '{{total.netWeight}}', '{{total.grossWeight}}', '{{total.cbm}}'],
    ], [undefined, undefined, END, END, END, END, END]),
    P('{{company.name}}\n{{company.signature}}', { align: 'END' }),
  ];
}

const BUILDERS: Record<DocType, (lang: Lang) => Blocks> = {
  quotation,
  contract,
  'purchase-order': purchaseOrder,
  'shipping-notice': shippingNotice,
  invoice,
};

/**
 * The default template of a document type in a language.
 * @example defaultTemplate('quotation', 'en').blocks[2] // { kind: 'title', text: 'QUOTATION' }
 */
export function defaultTemplate(docType: DocType, lang: Lang): TemplateSpec {
  return {
    docType,
    lang,
    name: tDoc(lang, 'tpl.templateName', { doc: tDoc(lang, `doc.${docType}.name`) }),
    blocks: BUILDERS[docType](lang),
  };
}

/**
 * The Docs API requests that build `spec` in an EMPTY document (body: section break 0–1, paragraph "\n" 1–2).
 * Blocks are written from the LAST to the first, each at index 1, so every index is known without knowing how
 * long an earlier table turned out (nor whether the API counts an index for a table's end): a paragraph is one
 * insertText at 1 plus its styles, set explicitly so nothing is inherited from the text it lands before; a
 * table is insertTable at 1 — the API puts a newline first, so the table starts at 2 after an empty paragraph
 * (reset to normal text) — then its cells filled from the last backwards (cell (r, c) of a table of C columns
 * holds its paragraph at 2 + 3 + r(1 + 2C) + 2c), bold and alignment per cell, and the header pinned.
 * @example
 * docs.batchUpdate(newDocId, templateBuildRequests(defaultTemplate('contract', 'zh')));
 */
export function templateBuildRequests(spec: TemplateSpec): DocsRequest[] {
  const requests: DocsRequest[] = [];
  const AT = 1;
  for (const block of [...spec.blocks].reverse()) {
    if (block.kind === 'title' || block.kind === 'paragraph') {
      const text = block.text;
      const title = block.kind === 'title';
      requests.push({ insertText: { location: { index: AT }, text: text + '\n' } });
      requests.push({
        updateParagraphStyle: {
          range: { startIndex: AT, endIndex: AT + text.length + 1 },
          paragraphStyle: { namedStyleType: title ? 'HEADING_1' : 'NORMAL_TEXT', alignment: title ? 'CENTER' : block.align ?? 'START' },
          fields: 'namedStyleType,alignment',
        },
      });
      if (text) {
        const bold = title || (block.kind === 'paragraph' && block.bold === true);
        requests.push({ updateTextStyle: { range: { startIndex: AT, endIndex: AT + text.length }, textStyle: { bold }, fields: 'bold' } });
      }
      continue;
    }
    const rows = block.rows.length;
    const columns = Math.max(...block.rows.map((r) => r.length));
    requests.push({ insertTable: { rows, columns, location: { index: AT } } });
    requests.push({
      updateParagraphStyle: { range: { startIndex: AT, endIndex: AT + 1 }, paragraphStyle: { namedStyleType: 'NORMAL_TEXT', alignment: 'START' }, fields: 'namedStyleType,alignment' },
    });
    const tableStart = AT + 1;
    const rowLength = 1 + 2 * columns;
    const headerRows = block.headerRows ?? 0;
    for (let r = rows - 1; r >= 0; r--) {
      for (let c = columns - 1; c >= 0; c--) {
        const text = block.rows[r][c] ?? '';
        if (!text) continue;
        const index = tableStart + 3 + r * rowLength + 2 * c;
        requests.push({ insertText: { location: { index }, text } });
        if (r < headerRows || block.boldColumns?.includes(c)) {
          requests.push({ updateTextStyle: { range: { startIndex: index, endIndex: index + text.length }, textStyle: { bold: true }, fields: 'bold' } });
        }
        const align = block.align?.[c];
        if (align && align !== 'START') {
          requests.push({
            updateParagraphStyle: { range: { startIndex: index, endIndex: index + text.length + 1 }, paragraphStyle: { alignment: align }, fields: 'alignment' },
          });
        }
      }
    }
    if (block.pinHeader && headerRows > 0) {
      requests.push({ pinTableHeaderRows: { tableStartLocation: { index: tableStart }, pinnedHeaderRowsCount: headerRows } });
    }
  }
  return requests;
}
