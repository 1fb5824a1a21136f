// Test support: deterministic builders of the records a document is made from, each with overrides.
import type { CustomerRecord, OrderLineRecord, OrderRecord, ProductRecord } from '../../src/domain/ledgers/records';
import type { DocumentSettings } from '../../src/domain/documents/document-settings';
import type { DocType } from '../../src/domain/documents/doc-types';
import type { Lang } from '../../src/domain/i18n/i18n';
import { buildMergeData, type BuildMergeInput, type MergeData } from '../../src/domain/documents/merge-fields';

export const TODAY = '2026-03-02';

export function aSettings(overrides: Partial<DocumentSettings> = {}): DocumentSettings {
  return {
    company: {
      nameEn: 'Ningbo Bright Hardware Co., Ltd.',
      nameZh: '宁波明亮五金有限公司',
      address: 'No. 8 Gangwan Road, Beilun, Ningbo, China',
      addressZh: '中国宁波市北仑区港湾路8号',
      phone: '+86 574 8888 6666',
      email: 'sales@bright-hw.example',
    },
    bank: { beneficiary: 'Ningbo Bright Hardware Co., Ltd.', name: 'Bank of China Ningbo Branch', account: '3581 0000 1234', swift: 'BKCHCNBJ92A' },
    currency: 'USD',
    factoryCurrency: 'CNY',
    paymentTerms: '30% T/T deposit, 70% against B/L copy',
    quotationValidityDays: 30,
    signature: 'Li Ming, Sales Manager',
    ...overrides,
  };
}

export function aCustomer(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  return {
    _row: 5,
    customerId: 'C-0007',
    name: 'Acme Trading GmbH',
    country: 'Germany',
    language: 'en',
    contact: 'Anna Schmidt',
    title: 'Purchasing',
    email: 'anna@acme.example',
    phone: '+49 40 1234 5678',
    address: 'Hafenstraße 1, 20457 Hamburg, Germany',
    ...overrides,
  };
}

export function aProduct(overrides: Partial<ProductRecord> = {}): ProductRecord {
  return {
    _row: 2,
    code: 'BR-100',
    name: '不锈钢支架',
    englishName: 'Stainless steel bracket',
    material: 'SUS304',
    surfaceFinish: 'Brushed',
    specification: '100x50x3 mm',
    structure: 'Welded, 4 holes',
    packaging: '50 pcs per carton',
    unit: 'pcs',
    unitPrice: 1.25,
    currency: 'USD',
    factory: '慈溪永盛五金厂',
    factoryPrice: 6.8,
    pcsPerCarton: 50,
    nwPerCarton: 10.5,
    gwPerCarton: 11.2,
    cbmPerCarton: 0.032,
    hsCode: '7326909000',
    imageUrl: 'https://img.example/br-100.jpg',
    ...overrides,
  };
}

export function anOrder(overrides: Partial<OrderRecord> = {}): OrderRecord {
  return {
    _row: 12,
    orderNo: 'SO-2026-0007',
    customer: 'C-0007',
    stage: 'inquiry',
    currency: 'USD',
    paymentTerms: '30% T/T deposit, balance before shipment',
    depositPercent: 0.3,
    tradeTerm: 'FOB',
    transport: 'sea',
    portOfLoading: 'Ningbo',
    destinationPort: 'Hamburg',
    deliveryDate: '2026-04-15',
    factory: '慈溪永盛五金厂',
    packagingRequirements: 'Export cartons, 50 pcs each',
    shippingMarks: 'ACME / HAMBURG / C/NO. 1-UP',
    qualityRequirements: 'No scratches; AQL 2.5',
    contractNo: 'SC-2026-0003',
    ...overrides,
  };
}

export function aLine(overrides: Partial<OrderLineRecord> = {}): OrderLineRecord {
  return { _row: 2, orderNo: 'SO-2026-0007', line: 1, productCode: 'BR-100', quantity: 1000, ...overrides };
}

/** n lines of the order, each a different code with quantity 100 × (i + 1) and unit price 1.25. */
export function someLines(n: number): OrderLineRecord[] {
  return Array.from({ length: n }, (_, i) => aLine({ _row: i + 2, line: i + 1, productCode: `P-${i + 1}`, productName: `Item ${i + 1}`, quantity: 100 * (i + 1), unitPrice: 1.25, unit: 'pcs' }));
}

/** Products matching someLines(n). */
export function someProducts(n: number): ProductRecord[] {
  return Array.from({ length: n }, (_, i) => aProduct({ _row: i + 2, code: `P-${i + 1}`, name: `产品${i + 1}`, englishName: `Item ${i + 1}` }));
}

export function mergeInput(overrides: Partial<BuildMergeInput> = {}): BuildMergeInput {
  return {
    docType: 'quotation',
    lang: 'en',
    order: anOrder(),
    lines: [aLine()],
    customer: aCustomer(),
    products: [aProduct()],
    settings: aSettings(),
    today: TODAY,
    docNo: 'QT-2026-0001',
    ...overrides,
  };
}

/** Merge data for `n` generated lines. */
export function mergeDataFor(docType: DocType, lang: Lang, n: number, overrides: Partial<BuildMergeInput> = {}): MergeData {
  return buildMergeData(mergeInput({ docType, lang, lines: someLines(n), products: someProducts(n), ...overrides }));
}
