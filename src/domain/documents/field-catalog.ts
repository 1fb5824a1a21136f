// The merge fields every template may use: name, kind (how values are shown and which formats apply) and where
// the value comes from (for missing-data messages). Line fields are written {{line.<name>}} in templates.

/** How a field's value is shown by default and which `|format`s fit it; `image` is a picture, not text (no format). */
export type FieldKind = 'text' | 'date' | 'money' | 'number' | 'percent' | 'image';

/** Where a value comes from; `document` values (number, date, title) are always present. */
export type FieldSource = 'document' | 'order' | 'customer' | 'settings' | 'line';

export interface FieldDef {
  /** Full placeholder name: "customer.name", "line.quantity". */
  name: string;
  kind: FieldKind;
  source: FieldSource;
  /** Money: which currency the amount is in (the order's, or the factory's for purchase prices). */
  currency?: 'order' | 'factory';
  /** Money shown with its currency by default ("USD 1,200.00"); otherwise the bare number ("1,200.00"). */
  withCurrency?: boolean;
  /** Numbers: fixed decimals; without it up to 3 decimals, trailing zeros dropped. Money: max decimals shown. */
  decimals?: number;
}

/** Prefix of line fields in templates. */
export const LINE_PREFIX = 'line.';

function def(name: string, kind: FieldKind, source: FieldSource, extra: Partial<FieldDef> = {}): FieldDef {
  return { name, kind, source, ...extra };
}

const text = (name: string, source: FieldSource) => def(name, 'text', source);
const date = (name: string, source: FieldSource) => def(name, 'date', source);

/** Fields with one value per document. */
export const SCALAR_FIELDS: readonly FieldDef[] = [
  text('doc.no', 'document'),
  date('doc.date', 'document'),
  text('doc.title', 'document'),
  text('company.name', 'settings'),
  text('company.nameEn', 'settings'),
  text('company.nameZh', 'settings'),
  text('company.address', 'settings'),
  text('company.phone', 'settings'),
  text('company.email', 'settings'),
  text('company.signature', 'settings'),
  text('company.signatory', 'settings'),
  text('bank.beneficiary', 'settings'),
  text('bank.name', 'settings'),
  text('bank.account', 'settings'),
  text('bank.swift', 'settings'),
  text('bank.address', 'settings'),
  text('customer.id', 'customer'),
  text('customer.name', 'customer'),
  text('customer.contact', 'customer'),
  text('customer.title', 'customer'),
  text('customer.address', 'customer'),
  text('customer.country', 'customer'),
  text('customer.phone', 'customer'),
  text('customer.email', 'customer'),
  text('order.no', 'order'),
  text('order.quoteNo', 'order'),
  date('order.quoteDate', 'order'),
  date('order.quoteValidUntil', 'order'),
  text('order.contractNo', 'order'),
  date('order.contractDate', 'order'),
  text('order.currency', 'order'),
  text('order.factoryCurrency', 'settings'),
  text('order.paymentTerms', 'order'),
  def('order.depositPercent', 'percent', 'order'),
  def('order.depositAmount', 'money', 'order', { currency: 'order', withCurrency: true }),
  text('order.tradeTerm', 'order'),
  text('order.transport', 'order'),
  text('order.portOfLoading', 'order'),
  text('order.destinationPort', 'order'),
  text('order.shippingTerms', 'order'),
  text('order.incoterm', 'order'),
  date('order.deliveryDate', 'order'),
  text('order.factory', 'order'),
  text('order.factoryPoNo', 'order'),
  date('order.shipmentDate', 'order'),
  date('order.shippedOn', 'order'),
  text('order.blNo', 'order'),
  text('order.trackingNo', 'order'),
  date('order.eta', 'order'),
  text('order.packagingRequirements', 'order'),
  text('order.shippingMarks', 'order'),
  text('order.qualityRequirements', 'order'),
  text('order.notes', 'order'),
  def('total.quantity', 'number', 'line'),
  def('total.amount', 'money', 'line', { currency: 'order', withCurrency: true }),
  text('total.words', 'line'),
  text('total.wordsEn', 'line'),
  text('total.wordsZh', 'line'),
  def('total.cartons', 'number', 'line', { decimals: 0 }),
  def('total.netWeight', 'number', 'line', { decimals: 2 }),
  def('total.grossWeight', 'number', 'line', { decimals: 2 }),
  def('total.cbm', 'number', 'line', { decimals: 3 }),
  def('total.factoryAmount', 'money', 'line', { currency: 'factory', withCurrency: true }),
  text('total.factoryWords', 'line'),
  text('total.factoryWordsEn', 'line'),
  text('total.factoryWordsZh', 'line'),
];

/** Fields with one value per order line; keys without the "line." prefix. */
export const LINE_FIELDS: readonly FieldDef[] = [
  text('line.no', 'line'),
  text('line.code', 'line'),
  text('line.name', 'line'),
  text('line.description', 'line'),
  text('line.material', 'line'),
  text('line.surfaceFinish', 'line'),
  text('line.specification', 'line'),
  text('line.structure', 'line'),
  text('line.packaging', 'line'),
  def('line.quantity', 'number', 'line'),
  text('line.unit', 'line'),
  def('line.unitPrice', 'money', 'line', { currency: 'order', decimals: 4 }),
  def('line.amount', 'money', 'line', { currency: 'order' }),
  def('line.factoryPrice', 'money', 'line', { currency: 'factory', decimals: 4 }),
  def('line.factoryAmount', 'money', 'line', { currency: 'factory' }),
  def('line.pcsPerCarton', 'number', 'line'),
  def('line.cartons', 'number', 'line', { decimals: 0 }),
  def('line.netWeight', 'number', 'line', { decimals: 2 }),
  def('line.grossWeight', 'number', 'line', { decimals: 2 }),
  def('line.cbm', 'number', 'line', { decimals: 3 }),
  text('line.cartonSize', 'line'),
  text('line.hsCode', 'line'),
  text('line.imageUrl', 'line'),
  def('line.image', 'image', 'line'),
  text('line.notes', 'line'),
];

const BY_NAME = new Map<string, FieldDef>([...SCALAR_FIELDS, ...LINE_FIELDS].map((f) => [f.name, f]));

/**
 * The definition of a merge field, or undefined for a name Gendan does not know.
 * @example fieldDef('line.quantity')?.kind // "number"
 */
export function fieldDef(name: string): FieldDef | undefined {
  return BY_NAME.get(name);
}

/**
 * True for "line.…" names (whether or not the field exists).
 * @example isLineField('line.code') // true
 */
export function isLineField(name: string): boolean {
  return name.startsWith(LINE_PREFIX);
}

/**
 * A line field's key in MergeData.lines ("line.unitPrice" → "unitPrice").
 * @example lineKey('line.unitPrice') // "unitPrice"
 */
export function lineKey(name: string): string {
  return isLineField(name) ? name.slice(LINE_PREFIX.length) : name;
}
