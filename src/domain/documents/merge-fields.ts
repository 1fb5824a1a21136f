// Builds the data a document template is filled with: every merge field of the order, its customer, its lines
// (joined to Products), our company and bank, totals and totals in words — formatted for the document's language
// and currency — plus the list of required values that are missing.
import type { CustomerRecord, LocalDate, OrderLineRecord, OrderRecord, ProductRecord } from '../ledgers/records';
import type { Lang, Message } from '../i18n/i18n';
import { tDoc } from '../i18n/documents';
import { addDaysToLocalDate, isLocalDate } from '../time/zone';
import { amountInWordsEn } from '../money/amount-in-words-en';
import { amountInWordsZh } from '../money/amount-in-words-zh';
import { normalizeCurrency } from '../money/currencies';
import { formatDateForDoc } from '../money/format-date-for-doc';
import { roundMoney, roundTo } from '../money/round-money';
import { docTypeSpec, type DocType } from './doc-types';
import type { DocumentSettings } from './document-settings';
import { fieldDef, lineKey, type FieldDef } from './field-catalog';
import { imageAddress } from './image-address';
import { moneyNumberText, moneyText, numberText, percentText } from './field-format';

/** A machine value behind a shown value: numbers for amounts and quantities, "YYYY-MM-DD" for dates. */
export type RawValue = number | string;

/** A required value that is empty; `row` is the sheet row of the record it should come from. */
export interface MissingField {
  field: string;
  source: 'order' | 'customer' | 'line' | 'settings';
  row?: number;
  message: Message;
}

export interface MergeData {
  docType: DocType;
  lang: Lang;
  /** Currency of selling prices (the order's, else the settings default). */
  currency: string;
  /** Currency of factory prices. */
  factoryCurrency: string;
  /** Every scalar field as shown by default ("" when empty). */
  fields: Record<string, string>;
  /** One record per line, keyed without "line." ("no", "code", "unitPrice"…). */
  lines: Record<string, string>[];
  /** Machine values of numeric and date fields, for the `|format`s. */
  raw: Record<string, RawValue>;
  lineRaw: Record<string, RawValue>[];
  missing: MissingField[];
}

export interface BuildMergeInput {
  docType: DocType;
  lang: Lang;
  order: OrderRecord;
  /** The order's lines (lines of other orders are ignored). */
  lines: readonly OrderLineRecord[];
  /** The order's customer; null when the Customers sheet has no such customer. */
  customer: CustomerRecord | null | undefined;
  products: readonly ProductRecord[];
  settings: DocumentSettings;
  /** Date of issue, in the spreadsheet's zone. */
  today: LocalDate;
  docNo: string;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function fieldOf(name: string): FieldDef {
  const def = fieldDef(name);
  if (!def) throw new Error(`merge-fields: no field ${name}`);
  return def;
}

/** Product lookup by code: exact, then case-insensitive. */
function productIndex(products: readonly ProductRecord[]): (code: string) => ProductRecord | undefined {
  const exact = new Map<string, ProductRecord>();
  const folded = new Map<string, ProductRecord>();
  for (const p of products) {
    const code = str(p.code);
    if (!code) continue;
    if (!exact.has(code)) exact.set(code, p);
    if (!folded.has(code.toUpperCase())) folded.set(code.toUpperCase(), p);
  }
  return (code) => (code ? exact.get(code) ?? folded.get(code.toUpperCase()) : undefined);
}

function both(build: (lang: Lang) => string): Message {
  return { en: build('en'), zh: build('zh') };
}

function label(lang: Lang, name: string): string {
  return tDoc(lang, `field.${name}`);
}

function spell(lang: Lang, amount: number | undefined, currency: string): { en: string; zh: string; doc: string } {
  if (amount === undefined) return { en: '', zh: '', doc: '' };
  let en = '';
  let zh = '';
  try {
    en = amountInWordsEn(amount, currency);
    zh = amountInWordsZh(amount, currency);
  } catch {
    // Beyond 10^13: no words rather than no document.
  }
  return { en, zh, doc: lang === 'zh' ? zh : en };
}

/**
 * The same merge data under another document number: the number is only the doc.no field (an order validated with
 * a preview number is filled with its real one without building its lines again).
 */
export function withDocNo(data: MergeData, docNo: string): MergeData {
  const no = str(docNo);
  return data.fields['doc.no'] === no ? data : { ...data, fields: { ...data.fields, 'doc.no': no } };
}

/** Sorts lines by their Line column, then by sheet row. */
function sortLines(lines: readonly OrderLineRecord[], orderNo: string): OrderLineRecord[] {
  return lines
    .filter((l) => str(l.orderNo) === orderNo && (str(l.productCode) || str(l.productName) || num(l.quantity) !== undefined))
    .slice()
    .sort((a, b) => (num(a.line) ?? Infinity) - (num(b.line) ?? Infinity) || a._row - b._row);
}

function composeDescription(lang: Lang, base: string, parts: [string, string][]): string {
  const sep = lang === 'zh' ? '；' : '; ';
  const colon = lang === 'zh' ? '：' : ': ';
  const items = base ? [base] : [];
  for (const [id, value] of parts) if (value) items.push(tDoc(lang, id) + colon + value);
  return items.join(sep);
}

/** What one line contributes to the totals. */
interface LineNumbers {
  quantity?: number;
  amount?: number;
  cartons?: number;
  netWeight?: number;
  grossWeight?: number;
  cbm?: number;
  factoryAmount?: number;
}

interface LineContext {
  lang: Lang;
  currency: string;
  factoryCurrency: string;
}

interface LineResult {
  shown: Record<string, string>;
  raw: Record<string, RawValue>;
  numbers: LineNumbers;
  /** The product's price exists but in another currency than the order's. */
  priceInOtherCurrency: string | null;
}

/** The merge values of one order line joined to its product. */
function lineValues(line: OrderLineRecord, product: ProductRecord | undefined, index: number, ctx: LineContext): LineResult {
  const { lang, currency, factoryCurrency } = ctx;
  const shown: Record<string, string> = {};
  const raw: Record<string, RawValue> = {};
  const text = (key: string, value: unknown) => {
    shown[key] = str(value);
  };
  const number = (key: string, value: number | undefined) => {
    shown[key] = value === undefined ? '' : numberText(fieldOf(lineFieldName(key)), value);
    if (value !== undefined) raw[key] = value;
  };
  const money = (key: string, value: number | undefined, cur: string) => {
    shown[key] = value === undefined ? '' : moneyNumberText(fieldOf(lineFieldName(key)), value, cur);
    if (value !== undefined) raw[key] = value;
  };

  const name = lang === 'zh'
    ? str(line.productName) || str(product?.name) || str(product?.englishName)
    : str(product?.englishName) || str(line.productName) || str(product?.name);
  const material = str(line.material) || str(product?.material);
  const surfaceFinish = str(line.surfaceFinish) || str(product?.surfaceFinish);
  const specification = str(line.specification) || str(product?.specification);
  const structure = str(product?.structure);
  const quantity = num(line.quantity);
  const productCurrency = normalizeCurrency(product?.currency);
  const productPrice = num(product?.unitPrice);
  const samePriceCurrency = !productCurrency || productCurrency === currency;
  const unitPrice = num(line.unitPrice) ?? (samePriceCurrency ? productPrice : undefined);
  const amount = quantity !== undefined && unitPrice !== undefined ? roundMoney(quantity * unitPrice, currency) : num(line.amount);
  const factoryPrice = num(line.factoryPrice) ?? num(product?.factoryPrice);
  const factoryAmount = quantity !== undefined && factoryPrice !== undefined ? roundMoney(quantity * factoryPrice, factoryCurrency) : undefined;
  const pcs = num(product?.pcsPerCarton);
  const cartons = num(line.cartons) ?? (quantity !== undefined && pcs ? Math.ceil(quantity / pcs) : undefined);
  const perCarton = (v: number | undefined, decimals: number) => (cartons !== undefined && v !== undefined ? roundTo(cartons * v, decimals) : undefined);
  const netWeight = num(line.netWeight) ?? perCarton(num(product?.nwPerCarton), 2);
  const grossWeight = num(line.grossWeight) ?? perCarton(num(product?.gwPerCarton), 2);
  const cbm = num(line.cbm) ?? perCarton(num(product?.cbmPerCarton), 3);

  text('no', String(index + 1));
  text('code', line.productCode);
  text('name', name);
  text('description', composeDescription(lang, str(line.description) || str(product?.description), [
    ['desc.material', material],
    ['desc.surfaceFinish', surfaceFinish],
    ['desc.specification', specification],
    ['desc.structure', structure],
  ]));
  text('material', material);
  text('surfaceFinish', surfaceFinish);
  text('specification', specification);
  text('structure', structure);
  text('packaging', product?.packaging);
  number('quantity', quantity);
  text('unit', str(line.unit) || str(product?.unit));
  money('unitPrice', unitPrice, currency);
  money('amount', amount, currency);
  money('factoryPrice', factoryPrice, factoryCurrency);
  money('factoryAmount', factoryAmount, factoryCurrency);
  number('pcsPerCarton', pcs);
  number('cartons', cartons);
  number('netWeight', netWeight);
  number('grossWeight', grossWeight);
  number('cbm', cbm);
  text('cartonSize', product?.cartonSize);
  text('hsCode', product?.hsCode);
  text('imageUrl', product?.imageUrl);
  text('image', imageAddress(product?.imageUrl));
  text('notes', line.notes);
  return {
    shown,
    raw,
    numbers: { quantity, amount, cartons, netWeight, grossWeight, cbm, factoryAmount },
    priceInOtherCurrency: productPrice !== undefined && !samePriceCurrency ? productCurrency : null,
  };
}

/** The required line fields a line leaves empty. */
function missingOnLine(line: OrderLineRecord, index: number, result: LineResult, required: readonly string[], currency: string): MissingField[] {
  const product = str(line.productCode) || str(line.productName) || `#${index + 1}`;
  const row = line._row;
  return required
    .filter((name) => !result.shown[lineKey(name)])
    .map((name): MissingField => ({
      field: name,
      source: 'line',
      row,
      message: name === 'line.unitPrice' && result.priceInOtherCurrency
        ? both((l) => tDoc(l, 'missing.lineCurrency', { row, product, productCurrency: result.priceInOtherCurrency ?? '', currency }))
        : both((l) => tDoc(l, 'missing.lineField', { field: label(l, name), row, product })),
    }));
}

/** Sums of the lines' numbers; undefined where no line had a value. */
function sumLines(all: readonly LineNumbers[]): LineNumbers {
  const totals: LineNumbers = {};
  const keys: (keyof LineNumbers)[] = ['quantity', 'amount', 'cartons', 'netWeight', 'grossWeight', 'cbm', 'factoryAmount'];
  for (const numbers of all) {
    for (const key of keys) {
      const v = numbers[key];
      if (v !== undefined) totals[key] = (totals[key] ?? 0) + v;
    }
  }
  return totals;
}

/** The required scalar fields that are empty, with the sheet and row to fix (an unknown customer once). */
function missingScalars(required: readonly string[], fields: Record<string, string>, order: OrderRecord, customer: CustomerRecord | null | undefined): MissingField[] {
  const missing: MissingField[] = [];
  let customerReported = false;
  for (const name of required) {
    if (fields[name]) continue;
    const def = fieldOf(name);
    if (def.source === 'customer' && !customer) {
      if (customerReported) continue;
      customerReported = true;
      missing.push({
        field: 'customer.name',
        source: 'customer',
        message: both((l) => tDoc(l, 'missing.customer', { customer: str(order.customer), order: str(order.orderNo) })),
      });
    } else if (def.source === 'settings' || def.source === 'document') {
      missing.push({ field: name, source: 'settings', message: both((l) => tDoc(l, 'missing.setting', { field: label(l, name) })) });
    } else if (def.source === 'line') {
      missing.push({ field: name, source: 'line', message: both((l) => tDoc(l, 'missing.value', { field: label(l, name) })) });
    } else {
      const source = def.source;
      const row = source === 'customer' ? (customer as CustomerRecord)._row : order._row;
      missing.push({
        field: name,
        source,
        row,
        message: both((l) => tDoc(l, 'missing.field', { field: label(l, name), sheet: tDoc(l, `sheet.${source}`), row })),
      });
    }
  }
  return missing;
}

/**
 * Everything a template of `docType` can show for one order, formatted for `lang`, and what is missing.
 * Values: line fields win over the product's (the order line is what was sold); English documents name a
 * product by its English name; cartons, weights and CBM are computed from the product's per-carton data when
 * the line leaves them blank; totals come from the lines (not from the order's Total column); a quotation is
 * dated today and valid until the order's date if still ahead, else today + the validity days.
 * @example
 * const data = buildMergeData({ docType: 'quotation', lang: 'en', order, lines, customer, products, settings,
 *   today: '2026-03-02', docNo: 'QT-2026-0007' });
 * data.fields['total.amount'] // "USD 12,345.60"
 * data.lines[0].unitPrice   // "12.50"
 */
export function buildMergeData(input: BuildMergeInput): MergeData {
  const { docType, lang, order, customer, settings, today } = input;
  const spec = docTypeSpec(docType);
  const currency = normalizeCurrency(order.currency) || normalizeCurrency(settings.currency);
  const factoryCurrency = normalizeCurrency(settings.factoryCurrency) || 'CNY';
  const fields: Record<string, string> = {};
  const raw: Record<string, RawValue> = {};

  const setText = (name: string, value: unknown) => {
    fields[name] = str(value);
  };
  const setDate = (name: string, value: unknown) => {
    const v = str(value);
    fields[name] = formatDateForDoc(v, lang);
    if (isLocalDate(v)) raw[name] = v;
  };
  const setNumber = (name: string, value: number | undefined, decimals: number) => {
    const rounded = value === undefined ? undefined : roundTo(value, decimals);
    fields[name] = rounded === undefined ? '' : numberText(fieldOf(name), rounded);
    if (rounded !== undefined) raw[name] = rounded;
  };
  const setMoney = (name: string, value: number | undefined, cur: string) => {
    const def = fieldOf(name);
    fields[name] = value === undefined ? '' : def.withCurrency ? moneyText(def, value, cur, lang) : moneyNumberText(def, value, cur);
    if (value !== undefined) raw[name] = value;
  };
  const setWords = (prefix: string, amount: number | undefined, cur: string) => {
    const words = spell(lang, amount, cur);
    setText(`${prefix}`, words.doc);
    setText(`${prefix}En`, words.en);
    setText(`${prefix}Zh`, words.zh);
  };

  // document, company, bank
  setText('doc.no', input.docNo);
  setDate('doc.date', today);
  setText('doc.title', tDoc(lang, `doc.${docType}.title`));
  const c = settings.company;
  const companyName = lang === 'zh' ? str(c.nameZh) || str(c.nameEn) : str(c.nameEn) || str(c.nameZh);
  setText('company.name', companyName);
  setText('company.nameEn', c.nameEn);
  setText('company.nameZh', c.nameZh);
  setText('company.address', lang === 'zh' ? str(c.addressZh) || str(c.address) : str(c.address) || str(c.addressZh));
  setText('company.phone', c.phone);
  setText('company.email', c.email);
  setText('company.signature', settings.signature);
  // Under the company's name, the signature only when it says more than the name ("宁波明港贸易有限公司" twice).
  setText('company.signatory', sameName(str(settings.signature), companyName) ? '' : settings.signature);
  setText('bank.beneficiary', settings.bank.beneficiary);
  setText('bank.name', settings.bank.name);
  setText('bank.account', settings.bank.account);
  setText('bank.swift', settings.bank.swift);
  setText('bank.address', settings.bank.address);

  // customer
  setText('customer.id', customer?.customerId);
  setText('customer.name', customer?.name);
  setText('customer.contact', customer?.contact);
  setText('customer.title', customer?.title);
  setText('customer.address', customer?.address);
  setText('customer.country', customer?.country);
  setText('customer.phone', customer?.phone);
  setText('customer.email', customer?.email);

  // lines and totals
  const productOf = productIndex(input.products);
  const ctx: LineContext = { lang, currency, factoryCurrency };
  const lineMissing: MissingField[] = [];
  const factories = new Set<string>();
  const results = sortLines(input.lines, str(order.orderNo)).map((line, i) => {
    const product = productOf(str(line.productCode));
    if (str(product?.factory)) factories.add(str(product?.factory));
    const result = lineValues(line, product, i, ctx);
    lineMissing.push(...missingOnLine(line, i, result, spec.requiredLineFields, currency));
    return result;
  });
  const totals = sumLines(results.map((r) => r.numbers));
  const totalAmount = totals.amount === undefined ? undefined : roundMoney(totals.amount, currency);
  const totalFactory = totals.factoryAmount === undefined ? undefined : roundMoney(totals.factoryAmount, factoryCurrency);
  setNumber('total.quantity', totals.quantity, 3);
  setMoney('total.amount', totalAmount, currency);
  setNumber('total.cartons', totals.cartons, 0);
  setNumber('total.netWeight', totals.netWeight, 2);
  setNumber('total.grossWeight', totals.grossWeight, 2);
  setNumber('total.cbm', totals.cbm, 3);
  setMoney('total.factoryAmount', totalFactory, factoryCurrency);
  setWords('total.words', totalAmount, currency);
  setWords('total.factoryWords', totalFactory, factoryCurrency);

  // order
  setText('order.no', order.orderNo);
  setText('order.quoteNo', order.quoteNo);
  const quoting = docType === 'quotation';
  setDate('order.quoteDate', quoting ? today : order.quoteDate);
  const storedValid = str(order.quoteValidUntil);
  const validUntil = quoting && !(isLocalDate(storedValid) && storedValid >= today)
    ? addDaysToLocalDate(today, Math.max(0, Math.round(settings.quotationValidityDays || 0)))
    : storedValid;
  setDate('order.quoteValidUntil', validUntil);
  setText('order.contractNo', order.contractNo);
  setDate('order.contractDate', str(order.contractDate) || (docType === 'contract' ? today : ''));
  setText('order.currency', currency);
  setText('order.factoryCurrency', factoryCurrency);
  setText('order.paymentTerms', str(order.paymentTerms) || str(settings.paymentTerms));
  const deposit = num(order.depositPercent);
  fields['order.depositPercent'] = deposit ? percentText(deposit) : '';
  if (deposit) raw['order.depositPercent'] = deposit;
  setMoney('order.depositAmount', deposit && totalAmount !== undefined ? roundMoney(totalAmount * deposit, currency) : undefined, currency);
  setText('order.tradeTerm', order.tradeTerm);
  setText('order.transport', order.transport ? tDocOr(lang, `transport.${order.transport}`, order.transport) : '');
  setText('order.portOfLoading', order.portOfLoading);
  setText('order.destinationPort', order.destinationPort);
  setText('order.incoterm', incoterm(fields['order.tradeTerm'], fields['order.portOfLoading'], fields['order.destinationPort']));
  setText('order.shippingTerms', shippingTerms(lang, fields['order.tradeTerm'], fields['order.transport'], fields['order.portOfLoading'], fields['order.destinationPort']));
  setDate('order.deliveryDate', order.deliveryDate);
  setText('order.factory', str(order.factory) || (factories.size === 1 ? [...factories][0] : ''));
  setText('order.factoryPoNo', order.factoryPoNo);
  setDate('order.shipmentDate', str(order.shippedOn) || str(order.deliveryDate));
  setDate('order.shippedOn', order.shippedOn);
  setText('order.blNo', order.blNo);
  setText('order.trackingNo', order.trackingNo);
  setDate('order.eta', order.eta);
  setText('order.packagingRequirements', order.packagingRequirements);
  setText('order.shippingMarks', order.shippingMarks);
  setText('order.qualityRequirements', order.qualityRequirements);
  setText('order.notes', order.notes);

  return {
    docType,
    lang,
    currency,
    factoryCurrency,
    fields,
    lines: results.map((r) => r.shown),
    raw,
    lineRaw: results.map((r) => r.raw),
    missing: [...missingScalars(spec.required, fields, order, customer), ...lineMissing],
  };
}

/** "quantity" → "line.quantity". */
function lineFieldName(key: string): string {
  return `line.${key}`;
}

function tDocOr(lang: Lang, id: string, fallback: string): string {
  try {
    return tDoc(lang, id);
  } catch {
    return fallback;
  }
}

/**
 * The shipping terms sentence's parts that are filled in, in the document language: the trade term, the transport
 * and the route, so a missing port leaves no ", , from to" behind. Empty when none is filled in.
 * @example shippingTerms('en', 'FOB', 'Sea freight', 'Ningbo', 'Jebel Ali') // 'FOB, Sea freight, from Ningbo to Jebel Ali'
 * @example shippingTerms('zh', 'CIF', '', '', '汉堡') // 'CIF，运至汉堡'
 */
export function shippingTerms(lang: Lang, term = '', transport = '', from = '', to = ''): string {
  const [t, v, f, d] = [term, transport, from, to].map((x) => String(x ?? '').trim());
  const route = f && d ? tDoc(lang, 'route.fromTo', { from: f, to: d }) : f ? tDoc(lang, 'route.from', { from: f }) : d ? tDoc(lang, 'route.to', { to: d }) : '';
  return [t, v, route].filter(Boolean).join(tDoc(lang, 'list.separator'));
}

// Incoterms 2020 name the place of shipment for the E and F terms and the place of destination for the C and D
// terms (older spellings included). Any other term is shown alone: Gendan does not guess its place.
const ORIGIN_TERMS = new Set(['EXW', 'FCA', 'FAS', 'FOB']);
const DESTINATION_TERMS = new Set(['CFR', 'CNF', 'C&F', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'DAT', 'DDU', 'DES', 'DEQ']);

/**
 * The trade term with its named place: the port of loading for EXW/FCA/FAS/FOB, the destination for C and D terms.
 * @example incoterm('FOB', 'Ningbo', 'Hamburg') // 'FOB Ningbo'
 * @example incoterm('CIF', 'Ningbo', 'Hamburg') // 'CIF Hamburg'
 */
export function incoterm(term = '', portOfLoading = '', destination = ''): string {
  const t = String(term ?? '').trim();
  if (!t) return '';
  const code = t.toUpperCase().replace(/\s+/g, '');
  const place = ORIGIN_TERMS.has(code) ? portOfLoading : DESTINATION_TERMS.has(code) ? destination : '';
  const p = String(place ?? '').trim();
  return p ? `${t} ${p}` : t;
}

/** Whether a signature only repeats the company's name (spaces, case and a trailing full stop aside). */
function sameName(signature: string, name: string): boolean {
  const norm = (t: string) => t.replace(/\s+/g, ' ').replace(/[.。]$/, '').trim().toLowerCase();
  return !!signature && norm(signature) === norm(name);
}
