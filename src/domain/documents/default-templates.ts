// The default template of each document type in English and Chinese, as a structural spec (title, company header,
// parties, meta table, ONE line-item row of {{line.…}} fields with a header and a totals row, totals in words,
// terms, bank details, signatures), and the Docs API requests that build a spec in an empty document: an A4 page
// with narrow margins, every table with fixed column widths that fill the text width (narrow numbers, a wide
// description), small type in tables, shaded header rows.
import type { DocsRequest } from '../../ports';
import type { Lang } from '../i18n/i18n';
import { tDoc } from '../i18n/documents';
import type { DocType } from './doc-types';

export type Alignment = 'START' | 'CENTER' | 'END';

/** A column width in points, or '*': an equal share of what the fixed columns leave of the text width. */
export type ColumnWidth = number | '*';

export interface TableBlock {
  kind: 'table';
  rows: string[][];
  /** Column widths, one per column; they fill the page's text width exactly. */
  widths: ColumnWidth[];
  /** Rows at the top shown bold and shaded (and pinned when `pinHeader`). */
  headerRows?: number;
  pinHeader?: boolean;
  /** Rows at the bottom shown bold (a totals row). */
  footerRows?: number;
  /** Columns shown bold in every row (labels of a meta table). */
  boldColumns?: number[];
  /** Alignment per column (numbers to the END). */
  align?: (Alignment | undefined)[];
  /** Font size of the cells, points (TABLE_FONT_PT when not given). */
  fontSize?: number;
  /** No borders (a signature block). */
  borderless?: boolean;
  /** The first paragraph of every cell bold, the rest not (a signature block's "Seller"). */
  boldFirstLine?: boolean;
}

export type TemplateBlock =
  /** A HEADING_1 paragraph, centred. */
  | { kind: 'title'; text: string; newPage?: boolean }
  /** One or more paragraphs ("\n" separates them). */
  | { kind: 'paragraph'; text: string; bold?: boolean; align?: Alignment; fontSize?: number; spaceAbove?: number }
  /** A table; cell text may hold "\n" (several paragraphs in the cell). */
  | TableBlock;

/** The default templates' page: A4 portrait. */
export const TEMPLATE_PAGE = { width: 595.2756, height: 841.8898 } as const;
/** The default templates' page margins, points: left and right, top and bottom. */
export const TEMPLATE_MARGINS = { side: 40, top: 40, bottom: 40 } as const;
/** The width text and tables have on the default templates' page: 515.28 pt. */
export const TEMPLATE_TEXT_WIDTH = TEMPLATE_PAGE.width - 2 * TEMPLATE_MARGINS.side;
/** Font sizes, points: paragraphs, table cells, the company name at the top, the line under it. */
export const BODY_FONT_PT = 10;
export const TABLE_FONT_PT = 9;
const COMPANY_FONT_PT = 14;
const SMALL_FONT_PT = 9;
/** The empty paragraph the API puts before each table: a small gap. */
const SPACER_FONT_PT = 6;
/** Space above a paragraph that follows a table, and above a bold heading, points. */
const AFTER_TABLE_PT = 6;
const HEADING_SPACE_PT = 8;
/** Space above the company's name and signature that close a document. */
const CLOSING_SPACE_PT = 16;
/** Cell padding of the default tables, points: above and below, left and right. */
const CELL_PADDING_PT = { vertical: 3, horizontal: 4 };
/** Header rows' shading: light grey. */
const HEADER_SHADE = { red: 0.92, green: 0.92, blue: 0.92 };

/**
 * The widths in points of a table whose columns are `widths`, filling `textWidth`: fixed widths as given, the
 * rest shared equally by the '*' columns (rounded to hundredths, the last one taking what rounding leaves).
 * @example resolveWidths([30, '*', 60], 500) // [30, 410, 60]
 */
export function resolveWidths(widths: readonly ColumnWidth[], textWidth = TEMPLATE_TEXT_WIDTH): number[] {
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
  const flexible = widths.filter((w) => w === '*').length;
  const share = flexible ? Math.floor(((textWidth - fixed) / flexible) * 100) / 100 : 0;
  const out = widths.map((w) => (w === '*' ? share : w));
  const last = widths.lastIndexOf('*');
  if (last >= 0) out[last] = Math.round((textWidth - out.reduce((sum, w, i) => sum + (i === last ? 0 : w), 0)) * 10000) / 10000;
  return out;
}

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
  /** "Unit price" ↵ "({{order.currency}})" / "单价" ↵ "（{{order.currency}}）": a column header in two lines. */
  const inCurrency = (id: string, field: string) => (lang === 'zh' ? `${t(id)}\n（{{${field}}}）` : `${t(id)}\n({{${field}}})`);
  const gap = lang === 'zh' ? '　　' : '    ';
  return { t, label, inCurrency, gap };
}

const P = (text: string, extra: { bold?: boolean; align?: Alignment; fontSize?: number; spaceAbove?: number } = {}): TemplateBlock => ({ kind: 'paragraph', text, ...extra });
/** What closes a quotation, notice or invoice: our name, and under it who signs when that says more than the name. */
const CLOSING: readonly TemplateBlock[] = [
  P('{{company.name}}', { align: 'END', spaceAbove: CLOSING_SPACE_PT }),
  P('{{#if company.signatory}}{{company.signatory}}{{/if}}', { align: 'END' }),
];
const TITLE = (text: string, newPage = false): TemplateBlock => (newPage ? { kind: 'title', text, newPage } : { kind: 'title', text });
/** A table of labels and values, two pairs a row: narrow labels, wide values. */
const META = (rows: string[][], labelWidths: [number, number] = [72, 80]): TemplateBlock => ({
  kind: 'table',
  rows,
  widths: [labelWidths[0], '*', labelWidths[1], '*'],
  boldColumns: [0, 2],
});
/** A column header with its unit on a line of its own: "N.W. (kg)" → "N.W." ↵ "(kg)", "净重（千克）" → "净重" ↵ "（千克）". */
function unitBelow(label: string): string {
  return label.includes('\n') ? label : label.replace(/\s*([（(])/, '\n$1');
}

/** A line-item table: a header row (pinned, units below the labels), the line row, a totals row. */
const LINES = (rows: string[][], widths: ColumnWidth[], align: (Alignment | undefined)[]): TemplateBlock => ({
  kind: 'table',
  rows: [rows[0].map(unitBelow), ...rows.slice(1)],
  widths,
  headerRows: 1,
  pinHeader: true,
  footerRows: 1,
  align,
});
/** Two columns side by side (seller and buyer). */
const PAIR = (rows: string[][]): TemplateBlock => ({ kind: 'table', rows, widths: ['*', '*'], headerRows: 1 });
/** The signature block: ONE borderless row (a row is never split over two pages), each party's name in bold. */
const SIGNATURES = (cells: [string, string]): TemplateBlock => ({
  kind: 'table',
  rows: [cells],
  widths: ['*', '*'],
  borderless: true,
  boldFirstLine: true,
  fontSize: BODY_FONT_PT,
});

function companyHeader(lang: Lang, withContacts: boolean): Blocks {
  const { label, gap } = vocabulary(lang);
  const blocks: Blocks = [P('{{company.name}}', { bold: true, align: 'CENTER', fontSize: COMPANY_FONT_PT })];
  if (withContacts) {
    blocks.push(P(`{{company.address}}\n${label('tpl.tel')}{{company.phone}}${gap}${label('tpl.email')}{{company.email}}`, { align: 'CENTER', fontSize: SMALL_FONT_PT }));
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
const CENTER: Alignment = 'CENTER';

function quotation(lang: Lang): Blocks {
  const { t, label, inCurrency } = vocabulary(lang);
  return [
    ...companyHeader(lang, true),
    TITLE(t('doc.quotation.title')),
    META([
      [t('tpl.to'), '{{customer.name}}', t('tpl.quoteNo'), '{{doc.no}}'],
      [t('tpl.attn'), '{{customer.contact}}', t('tpl.date'), '{{doc.date}}'],
      [t('tpl.email'), '{{customer.email}}', t('tpl.validUntil'), '{{order.quoteValidUntil}}'],
      [t('tpl.currency'), '{{order.currency}}', t('tpl.tradeTerm'), '{{order.incoterm}}'],
    ]),
    // The picture column holds a 60 pt image and its padding; packaging goes under the description.
    LINES([
      [t('tpl.no'), t('tpl.picture'), t('tpl.product'), `${t('tpl.description')} / ${t('tpl.packaging')}`, t('tpl.quantity'),
        inCurrency('tpl.unitPrice', 'order.currency'), inCurrency('tpl.amount', 'order.currency')],
      ['{{line.no}}', '{{line.image}}', '{{line.name}}\n{{line.code}}', '{{line.description}}\n{{line.packaging}}',
        '{{line.quantity}} {{line.unit}}', '{{line.unitPrice}}', '{{line.amount}}'],
      ['', '', t('tpl.total'), '', '{{total.quantity}}', '', '{{total.amount|number}}'],
    ], [28, 70, 84, '*', 54, 56, 62], [CENTER, CENTER, undefined, undefined, END, END, END]),
    P(t('tpl.terms'), { bold: true }),
    // Terms the order leaves blank leave no bare label ("Transport:") behind.
    P(`{{#if order.paymentTerms}}${label('tpl.paymentTerms')}{{order.paymentTerms}}{{/if}}`),
    P(`{{#if order.transport}}${label('tpl.transport')}{{order.transport}}{{/if}}`),
    P(t('tpl.validity', { date: '{{order.quoteValidUntil}}' })),
    ...CLOSING,
  ];
}

function contract(lang: Lang): Blocks {
  const { t, label, inCurrency, gap } = vocabulary(lang);
  return [
    TITLE(t('doc.contract.title')),
    P(`${label('tpl.contractNo')}{{doc.no}}${gap}${label('tpl.date')}{{doc.date}}${gap}${label('tpl.orderNo')}{{order.no}}`, { align: 'CENTER' }),
    PAIR([
      [t('tpl.seller'), t('tpl.buyer')],
      ['{{company.name}}', '{{customer.name}}'],
      [`${label('tpl.address')}{{company.address}}`, `${label('tpl.address')}{{customer.address}}`],
      [`${label('tpl.tel')}{{company.phone}}`, `${label('tpl.tel')}{{customer.phone}}`],
      [`${label('tpl.email')}{{company.email}}`, `${label('tpl.email')}{{customer.email}}`],
      [`${label('tpl.representedBy')}{{company.signature}}`, `${label('tpl.attn')}{{customer.contact}}`],
    ]),
    P(t('tpl.agreement')),
    LINES([
      [t('tpl.no'), t('tpl.product'), t('tpl.description'), t('tpl.quantity'), inCurrency('tpl.unitPrice', 'order.currency'),
        inCurrency('tpl.amount', 'order.currency')],
      ['{{line.no}}', '{{line.name}}\n{{line.code}}', '{{line.description}}', '{{line.quantity}} {{line.unit}}', '{{line.unitPrice}}', '{{line.amount}}'],
      ['', t('tpl.total'), '', '{{total.quantity}}', '', '{{total.amount|number}}'],
    ], [28, 100, '*', 60, 60, 72], [CENTER, undefined, undefined, END, END, END]),
    P(`${label('tpl.totalAmount')}{{total.amount}}`, { bold: true }),
    P(`${label('tpl.totalInWords')}{{total.words}}`),
    P(t('tpl.terms'), { bold: true }),
    P(`${label('tpl.paymentTerms')}{{order.paymentTerms}}`),
    P(`{{#if order.depositPercent}}${t('tpl.deposit', { percent: '{{order.depositPercent}}', amount: '{{order.depositAmount}}' })}{{/if}}`),
    P(`{{#if order.packagingRequirements}}${label('tpl.packagingRequirements')}{{order.packagingRequirements}}{{/if}}`),
    P(`{{#if order.shippingTerms}}${t('tpl.shippingTerms', { terms: '{{order.shippingTerms}}' })}{{/if}}`),
    P(`${label('tpl.deliveryDate')}{{order.deliveryDate}}`),
    ...bankDetails(lang, true),
    SIGNATURES([
      `${t('tpl.seller')}\n{{company.name}}\n\n${label('tpl.signature')}\n{{company.signature}}`,
      `${t('tpl.buyer')}\n{{customer.name}}\n\n${label('tpl.signature')}\n`,
    ]),
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
    ], [86, 80]),
    // Material and surface finish share a column, one above the other.
    LINES([
      [t('tpl.no'), t('tpl.itemNo'), t('tpl.product'), t('tpl.specification'), `${t('tpl.material')} / ${t('tpl.surfaceFinish')}`,
        t('tpl.quantity'), inCurrency('tpl.unitPrice', 'order.factoryCurrency'), inCurrency('tpl.domesticAmount', 'order.factoryCurrency')],
      ['{{line.no}}', '{{line.code}}', '{{line.name}}', '{{line.specification}}\n{{line.notes}}', '{{line.material}}\n{{line.surfaceFinish}}',
        '{{line.quantity}} {{line.unit}}', '{{line.factoryPrice}}', '{{line.factoryAmount}}'],
      ['', '', t('tpl.total'), '', '', '{{total.quantity}}', '', '{{total.factoryAmount|number}}'],
    ], [28, 52, 68, '*', 70, 50, 52, 60], [CENTER, undefined, undefined, undefined, undefined, END, END, END]),
    P(`${label('tpl.totalInWords')}{{total.factoryWords}}`, { bold: true }),
    P(`${label('tpl.qualityRequirements')}{{order.qualityRequirements}}`),
    P(`${label('tpl.packagingRequirements')}{{order.packagingRequirements}}`),
    SIGNATURES([
      `${t('tpl.purchaser')}\n{{company.name}}\n${label('tpl.representedBy')}{{company.signature}}\n${label('tpl.signature')}\n${label('tpl.date')}`,
      `${t('tpl.supplier')}\n{{order.factory}}\n${label('tpl.representedBy')}\n${label('tpl.signature')}\n${label('tpl.date')}`,
    ]),
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
    ], [90, 72]),
    P(t('tpl.shippingMarks'), { bold: true }),
    P('{{order.shippingMarks}}'),
    LINES([
      [t('tpl.no'), t('tpl.itemNo'), t('tpl.product'), t('tpl.description'), t('tpl.quantity'), t('tpl.unit')],
      ['{{line.no}}', '{{line.code}}', '{{line.name}}', '{{line.description}}', '{{line.quantity}}', '{{line.unit}}'],
      ['', '', t('tpl.total'), '', '{{total.quantity}}', ''],
    ], [28, 66, 104, '*', 60, 48], [CENTER, undefined, undefined, undefined, END, undefined]),
    P(t('tpl.shippingNoticeRequest')),
    ...CLOSING,
  ];
}

function invoice(lang: Lang): Blocks {
  const { t, label, inCurrency, gap } = vocabulary(lang);
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
    ], [90, 76]),
    P(t('tpl.shippingMarks'), { bold: true }),
    P('{{order.shippingMarks}}'),
    LINES([
      [t('tpl.no'), t('tpl.goods'), t('tpl.hsCode'), t('tpl.quantity'), inCurrency('tpl.unitPrice', 'order.currency'),
        inCurrency('tpl.amount', 'order.currency')],
      ['{{line.no}}', '{{line.code}} {{line.name}}\n{{line.description}}', '{{line.hsCode}}', '{{line.quantity}} {{line.unit}}',
        '{{line.unitPrice}}', '{{line.amount}}'],
      ['', t('tpl.total'), '', '{{total.quantity}}', '', '{{total.amount|number}}'],
    ], [28, '*', 64, 62, 62, 72], [CENTER, undefined, undefined, END, END, END]),
    P(`${label('tpl.totalAmount')}{{total.amount}}`, { bold: true }),
    P(`${label('tpl.totalInWords')}{{total.words}}`),
    P(`${label('tpl.paymentTerms')}{{order.paymentTerms}}`),
    ...bankDetails(lang, false),
    // The packing list is a document of its own: it starts a page.
    TITLE(t('doc.invoice.packingTitle'), true),
    P(`${label('tpl.invoiceNo')}{{doc.no}}${gap}${label('tpl.date')}{{doc.date}}${gap}${label('tpl.messrs')}{{customer.name}}`, { align: 'CENTER' }),
    LINES([
      [t('tpl.no'), t('tpl.goods'), t('tpl.quantity'), t('tpl.cartons'), t('tpl.netWeight'), t('tpl.grossWeight'), t('tpl.cbm')],
      ['{{line.no}}', '{{line.code}} {{line.name}}', '{{line.quantity}} {{line.unit}}', '{{line.cartons}}', '{{line.netWeight}}',
        '{{line.grossWeight}}', '{{line.cbm}}'],
      ['', t('tpl.total'), '{{total.quantity}}', '{{total.cartons}}', '{{total.netWeight}}', '{{total.grossWeight}}', '{{total.cbm}}'],
    ], [28, '*', 62, 50, 54, 54, 70], [CENTER, undefined, END, END, END, END, END]),
    ...CLOSING,
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

const PT = (magnitude: number) => ({ magnitude, unit: 'PT' });

/**
 * The paragraph style fields every paragraph written sets (those not given are cleared): a new paragraph takes the
 * style of the one it is written before, which may be a heading, spaced, or start a page.
 */
const PARAGRAPH_RESET = 'namedStyleType,alignment,spaceAbove,pageBreakBefore';

/** The page of the default templates: A4 and its margins, set first. */
function pageRequest(): DocsRequest {
  return {
    updateDocumentStyle: {
      documentStyle: {
        pageSize: { width: PT(TEMPLATE_PAGE.width), height: PT(TEMPLATE_PAGE.height) },
        marginLeft: PT(TEMPLATE_MARGINS.side),
        marginRight: PT(TEMPLATE_MARGINS.side),
        marginTop: PT(TEMPLATE_MARGINS.top),
        marginBottom: PT(TEMPLATE_MARGINS.bottom),
      },
      fields: 'pageSize,marginLeft,marginRight,marginTop,marginBottom',
    },
  };
}

/** Bold on or off and a font size (none: the named style's), set explicitly so nothing is inherited. */
function textStyle(startIndex: number, endIndex: number, bold: boolean, fontSize?: number): DocsRequest {
  return {
    updateTextStyle: { range: { startIndex, endIndex }, textStyle: fontSize === undefined ? { bold } : { bold, fontSize: PT(fontSize) }, fields: 'bold,fontSize' },
  };
}

const SOLID_NONE = { color: { color: { rgbColor: { red: 1, green: 1, blue: 1 } } }, width: PT(0), dashStyle: 'SOLID' };

/** The requests shaping a table that starts at `tableStart`: column widths, padding (and borders), header shading. */
function tableShapeRequests(block: TableBlock, tableStart: number, columns: number, textWidth: number): DocsRequest[] {
  const out: DocsRequest[] = [];
  const tableStartLocation = { index: tableStart };
  const widths = resolveWidths(block.widths, textWidth);
  widths.forEach((width, c) => {
    out.push({
      updateTableColumnProperties: {
        tableStartLocation,
        columnIndices: [c],
        tableColumnProperties: { widthType: 'FIXED_WIDTH', width: PT(width) },
        fields: 'widthType,width',
      },
    });
  });
  const cellStyle: Record<string, unknown> = {
    paddingTop: PT(CELL_PADDING_PT.vertical),
    paddingBottom: PT(CELL_PADDING_PT.vertical),
    paddingLeft: PT(CELL_PADDING_PT.horizontal),
    paddingRight: PT(CELL_PADDING_PT.horizontal),
  };
  let fields = 'paddingTop,paddingBottom,paddingLeft,paddingRight';
  if (block.borderless) {
    Object.assign(cellStyle, { borderTop: SOLID_NONE, borderBottom: SOLID_NONE, borderLeft: SOLID_NONE, borderRight: SOLID_NONE });
    fields += ',borderTop,borderBottom,borderLeft,borderRight';
  }
  out.push({ updateTableCellStyle: { tableStartLocation, tableCellStyle: cellStyle, fields } });
  const headerRows = block.headerRows ?? 0;
  if (headerRows > 0 && !block.borderless) {
    out.push({
      updateTableCellStyle: {
        tableRange: { tableCellLocation: { tableStartLocation, rowIndex: 0, columnIndex: 0 }, rowSpan: headerRows, columnSpan: columns },
        tableCellStyle: { backgroundColor: { color: { rgbColor: HEADER_SHADE } } },
        fields: 'backgroundColor',
      },
    });
  }
  return out;
}

/**
 * The Docs API requests that build `spec` in an EMPTY document (body: section break 0–1, paragraph "\n" 1–2),
 * on an A4 page with the default templates' margins (the first request), so that tables of fixed column widths
 * fill the text width `TEMPLATE_TEXT_WIDTH` exactly.
 * Blocks are written from the LAST to the first, each at index 1, so every index is known without knowing how
 * long an earlier table turned out (nor whether the API counts an index for a table's end): a paragraph is one
 * insertText at 1 plus its styles, set explicitly so nothing is inherited from the text it lands before (the last
 * block's text goes into the document's own final paragraph, so no empty paragraph trails the document); a
 * table is insertTable at 1 — the API puts a newline first, so the table starts at 2 after an empty paragraph
 * (reset to normal text, small) — then its column widths, cell padding and header shading, its cells filled from
 * the last backwards (cell (r, c) of a table of C columns holds its paragraph at 2 + 3 + r(1 + 2C) + 2c), bold,
 * size and alignment per cell, and the header pinned.
 * @example
 * docs.batchUpdate(newDocId, templateBuildRequests(defaultTemplate('contract', 'zh')));
 */
export function templateBuildRequests(spec: TemplateSpec): DocsRequest[] {
  const requests: DocsRequest[] = [pageRequest()];
  const AT = 1;
  const blocks = spec.blocks;
  for (let b = blocks.length - 1; b >= 0; b--) {
    const block = blocks[b];
    if (block.kind === 'title' || block.kind === 'paragraph') {
      const text = block.text;
      const title = block.kind === 'title';
      // A paragraph right after a table, and a bold heading, keep a little distance (titles: their named style's).
      const space = block.kind === 'paragraph'
        ? block.spaceAbove ?? (block.bold ? HEADING_SPACE_PT : blocks[b - 1]?.kind === 'table' ? AFTER_TABLE_PT : undefined)
        : undefined;
      // The last block becomes the document's final paragraph (no empty paragraph is left after it).
      const last = b === blocks.length - 1;
      if (last && !text) continue;
      const end = AT + text.length + (last ? 0 : 1);
      requests.push({ insertText: { location: { index: AT }, text: last ? text : text + '\n' } });
      const paragraphStyle: Record<string, unknown> = { namedStyleType: title ? 'HEADING_1' : 'NORMAL_TEXT', alignment: title ? 'CENTER' : block.align ?? 'START' };
      if (title && block.newPage) paragraphStyle.pageBreakBefore = true;
      requests.push({ updateParagraphStyle: { range: { startIndex: AT, endIndex: end }, paragraphStyle, fields: PARAGRAPH_RESET } });
      if (space !== undefined) {
        const firstEnd = text.includes('\n') ? AT + text.indexOf('\n') + 1 : end;
        requests.push({ updateParagraphStyle: { range: { startIndex: AT, endIndex: firstEnd }, paragraphStyle: { spaceAbove: PT(space) }, fields: 'spaceAbove' } });
      }
      if (text) {
        const bold = title || (block.kind === 'paragraph' && block.bold === true);
        const size = block.kind === 'paragraph' ? block.fontSize ?? BODY_FONT_PT : undefined;
        requests.push(textStyle(AT, AT + text.length, bold, size));
      }
      continue;
    }
    const rows = block.rows.length;
    const columns = Math.max(...block.rows.map((r) => r.length));
    requests.push({ insertTable: { rows, columns, location: { index: AT } } });
    requests.push({
      updateParagraphStyle: { range: { startIndex: AT, endIndex: AT + 1 }, paragraphStyle: { namedStyleType: 'NORMAL_TEXT', alignment: 'START' }, fields: PARAGRAPH_RESET },
    });
    // The empty paragraph before the table is a small gap.
    requests.push(textStyle(AT, AT + 1, false, SPACER_FONT_PT));
    const tableStart = AT + 1;
    requests.push(...tableShapeRequests(block, tableStart, columns, TEMPLATE_TEXT_WIDTH));
    const rowLength = 1 + 2 * columns;
    const headerRows = block.headerRows ?? 0;
    const footerFrom = rows - (block.footerRows ?? 0);
    const size = block.fontSize ?? TABLE_FONT_PT;
    for (let r = rows - 1; r >= 0; r--) {
      for (let c = columns - 1; c >= 0; c--) {
        const text = block.rows[r][c] ?? '';
        if (!text) continue;
        const index = tableStart + 3 + r * rowLength + 2 * c;
        requests.push({ insertText: { location: { index }, text } });
        const bold = r < headerRows || r >= footerFrom || block.boldColumns?.includes(c) === true;
        const first = block.boldFirstLine ? text.indexOf('\n') : -1;
        if (first > 0) {
          requests.push(textStyle(index, index + first, true, size));
          requests.push(textStyle(index + first, index + text.length, bold, size));
        } else requests.push(textStyle(index, index + text.length, bold || block.boldFirstLine === true, size));
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
