// The five documents Gendan generates (seed 000 §2–§7): their number prefix, default language, the fields each
// carries, which of them must be filled before a document is made, and the order stage generating it advances.
import type { CustomerRecord, OrderRecord, OrderStage } from '../ledgers/records';
import { both, langOf, type Lang, type Message } from '../i18n/i18n';
import { documentsCatalog } from '../i18n/documents';

export const DOC_TYPES = ['quotation', 'contract', 'purchase-order', 'shipping-notice', 'invoice'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** Order columns where a document's number is written back. */
export type DocNumberField = Extract<keyof OrderRecord, 'quoteNo' | 'contractNo' | 'factoryPoNo' | 'shippingNoticeNo' | 'invoiceNo'>;

export interface DocTypeSpec {
  type: DocType;
  /** "Quotation" / "报价单". */
  name: Message;
  /** Settings key holding the number prefix, and the prefix used when the setting is blank. */
  prefixKey: string;
  defaultPrefix: string;
  /** 'customer': the customer's language (English unless Chinese); 'zh': factory documents. */
  defaultLanguage: 'customer' | 'zh';
  /** Scalar fields the document carries (its default template shows every one). */
  fields: readonly string[];
  /** Line fields the line-item table carries. */
  lineFields: readonly string[];
  /** Scalar fields that must have a value, or no document is made. */
  required: readonly string[];
  /** Line fields every line must have. */
  requiredLineFields: readonly string[];
  /** At least one order line is needed. */
  linesRequired: boolean;
  /** Stage the order reaches when the document is generated; null when generating it changes no stage. */
  advancesStage: OrderStage | null;
  /** Where the generated document's number is stored on the order. */
  numberField: DocNumberField;
}

const COMPANY = ['company.name', 'company.address', 'company.phone', 'company.email'];

/** Fields a document shows through one composed field (a required part is carried by carrying the whole). */
export const FIELD_PARTS: Readonly<Record<string, readonly string[]>> = {
  'order.shippingTerms': ['order.tradeTerm', 'order.transport', 'order.portOfLoading', 'order.destinationPort'],
  'order.incoterm': ['order.tradeTerm', 'order.portOfLoading', 'order.destinationPort'],
};
const BANK = ['bank.beneficiary', 'bank.name', 'bank.account', 'bank.swift'];

const SPECS: Record<DocType, DocTypeSpec> = {
  // 000 §2: name/picture, description (material, finish, spec, structure), unit price, packaging, payment, transport, validity
  quotation: {
    type: 'quotation',
    name: both(documentsCatalog, 'doc.quotation.name'),
    prefixKey: 'prefix.quote',
    defaultPrefix: 'QT',
    defaultLanguage: 'customer',
    fields: ['doc.no', 'doc.date', ...COMPANY, 'customer.name', 'customer.contact', 'customer.email', 'order.currency',
      'order.paymentTerms', 'order.incoterm', 'order.transport', 'order.quoteValidUntil',
      'total.quantity', 'total.amount', 'company.signatory'],
    lineFields: ['line.no', 'line.code', 'line.image', 'line.name', 'line.description', 'line.packaging', 'line.quantity',
      'line.unit', 'line.unitPrice', 'line.amount'],
    required: ['doc.no', 'company.name', 'customer.name', 'order.currency', 'order.paymentTerms', 'order.tradeTerm', 'order.quoteValidUntil'],
    requiredLineFields: ['line.name', 'line.quantity', 'line.unitPrice'],
    linesRequired: true,
    advancesStage: 'quoted',
    numberField: 'quoteNo',
  },
  // 000 §3: both parties, date and no., lines, total and in words, payment, packaging, shipping terms, delivery, bank
  contract: {
    type: 'contract',
    name: both(documentsCatalog, 'doc.contract.name'),
    prefixKey: 'prefix.contract',
    defaultPrefix: 'SC',
    defaultLanguage: 'customer',
    fields: ['doc.no', 'doc.date', 'order.no', ...COMPANY, 'company.signature', 'customer.name', 'customer.contact', 'customer.address',
      'customer.phone', 'customer.email', 'order.currency', 'total.quantity', 'total.amount', 'total.words', 'order.paymentTerms',
      'order.depositPercent', 'order.depositAmount', 'order.packagingRequirements', 'order.shippingTerms', 'order.deliveryDate',
      ...BANK, 'bank.address'],
    lineFields: ['line.no', 'line.code', 'line.name', 'line.description', 'line.quantity', 'line.unit', 'line.unitPrice', 'line.amount'],
    required: ['doc.no', 'company.name', 'company.address', 'customer.name', 'customer.address', 'order.currency',
      'order.paymentTerms', 'order.tradeTerm', 'order.deliveryDate', ...BANK],
    requiredLineFields: ['line.name', 'line.quantity', 'line.unitPrice'],
    linesRequired: true,
    advancesStage: 'contracted',
    numberField: 'contractNo',
  },
  // 000 §4: purchasing unit, order no., order date, delivery date, code, spec and requirements, material, finish,
  // quantity, domestic amount, total, quality and packaging requirements
  'purchase-order': {
    type: 'purchase-order',
    name: both(documentsCatalog, 'doc.purchase-order.name'),
    prefixKey: 'prefix.purchase-order',
    defaultPrefix: 'PO',
    defaultLanguage: 'zh',
    fields: ['doc.no', 'doc.date', 'company.name', 'company.address', 'company.phone', 'company.signature', 'order.no', 'order.factory',
      'order.deliveryDate', 'order.factoryCurrency', 'total.quantity', 'total.factoryAmount', 'total.factoryWords',
      'order.qualityRequirements', 'order.packagingRequirements'],
    lineFields: ['line.no', 'line.code', 'line.name', 'line.specification', 'line.notes', 'line.material', 'line.surfaceFinish',
      'line.quantity', 'line.unit', 'line.factoryPrice', 'line.factoryAmount'],
    required: ['doc.no', 'company.name', 'order.no', 'order.factory', 'order.deliveryDate'],
    requiredLineFields: ['line.code', 'line.quantity', 'line.factoryPrice'],
    linesRequired: true,
    advancesStage: null,
    numberField: 'factoryPoNo',
  },
  // 000 §6: shipping marks, order no., product, short description, quantity, date, destination port, country, transport
  'shipping-notice': {
    type: 'shipping-notice',
    name: both(documentsCatalog, 'doc.shipping-notice.name'),
    prefixKey: 'prefix.shipping-notice',
    defaultPrefix: 'SN',
    defaultLanguage: 'zh',
    fields: ['doc.no', 'doc.date', 'company.name', 'company.signatory', 'order.no', 'order.factory', 'order.shippingMarks',
      'order.shipmentDate', 'order.destinationPort', 'customer.country', 'order.transport', 'total.quantity'],
    lineFields: ['line.no', 'line.code', 'line.name', 'line.description', 'line.quantity', 'line.unit'],
    required: ['doc.no', 'order.no', 'order.factory', 'order.shippingMarks', 'order.shipmentDate', 'order.destinationPort', 'order.transport'],
    requiredLineFields: ['line.name', 'line.quantity'],
    linesRequired: true,
    advancesStage: null,
    numberField: 'shippingNoticeNo',
  },
  // 000 §7 + PRODUCT: commercial invoice and packing list in one document
  invoice: {
    type: 'invoice',
    name: both(documentsCatalog, 'doc.invoice.name'),
    prefixKey: 'prefix.invoice',
    defaultPrefix: 'CI',
    defaultLanguage: 'customer',
    fields: ['doc.no', 'doc.date', ...COMPANY, 'company.signatory', 'customer.name', 'customer.address', 'customer.country',
      'order.no', 'order.contractNo', 'order.currency', 'order.tradeTerm', 'order.portOfLoading', 'order.destinationPort',
      'order.transport', 'order.blNo', 'order.shippingMarks', 'order.paymentTerms', 'total.quantity', 'total.amount', 'total.words',
      'total.cartons', 'total.netWeight', 'total.grossWeight', 'total.cbm', ...BANK],
    lineFields: ['line.no', 'line.code', 'line.name', 'line.description', 'line.hsCode', 'line.quantity', 'line.unit', 'line.unitPrice',
      'line.amount', 'line.cartons', 'line.netWeight', 'line.grossWeight', 'line.cbm'],
    required: ['doc.no', 'company.name', 'company.address', 'customer.name', 'customer.address', 'order.currency', 'order.tradeTerm',
      'order.portOfLoading', 'order.destinationPort'],
    requiredLineFields: ['line.name', 'line.quantity', 'line.unitPrice', 'line.cartons', 'line.netWeight', 'line.grossWeight'],
    linesRequired: true,
    advancesStage: null,
    numberField: 'invoiceNo',
  },
};

/**
 * The specification of a document type.
 * @example docTypeSpec('quotation').defaultPrefix // "QT"
 */
export function docTypeSpec(type: DocType): DocTypeSpec {
  return SPECS[type];
}

/**
 * True for one of the five document type codes.
 * @example isDocType('invoice') // true
 */
export function isDocType(value: string): value is DocType {
  return (DOC_TYPES as readonly string[]).includes(value);
}

/**
 * The language a document is written in: the factory documents in Chinese, the others in the customer's
 * language (Chinese for a zh customer, English for everyone else — the two languages Gendan writes).
 * `override` (a user's explicit choice) wins.
 * @example documentLanguage('quotation', { language: 'zh' }) // "zh"
 * @example documentLanguage('purchase-order', { language: 'en' }) // "zh"
 */
export function documentLanguage(type: DocType, customer: Pick<CustomerRecord, 'language'> | null | undefined, override?: Lang): Lang {
  if (override) return override;
  if (SPECS[type].defaultLanguage === 'zh') return 'zh';
  return langOf(customer?.language);
}
