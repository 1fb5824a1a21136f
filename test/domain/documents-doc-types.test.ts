import { readFileSync } from 'node:fs';
import path from 'node:path';
import { docTypeSpec, documentLanguage, DOC_TYPES, FIELD_PARTS, isDocType } from '../../src/domain/documents/doc-types';
import { fieldDef, isLineField, LINE_FIELDS, SCALAR_FIELDS } from '../../src/domain/documents/field-catalog';
import { documentsCatalog } from '../../src/domain/i18n/documents';
import type { MergeProblemCode } from '../../src/domain/documents/plan-merge';

describe('document types', () => {
  it('are the five documents of the seeds, with their number prefixes, languages and stages', () => {
    expect(DOC_TYPES.map((t) => {
      const s = docTypeSpec(t);
      return [t, s.defaultPrefix, s.defaultLanguage, s.advancesStage, s.numberField, s.name.zh];
    })).toEqual([
      ['quotation', 'QT', 'customer', 'quoted', 'quoteNo', '报价单'],
      ['contract', 'SC', 'customer', 'contracted', 'contractNo', '销售合同'],
      ['purchase-order', 'PO', 'zh', null, 'factoryPoNo', '采购合同/外协采购清单'],
      ['shipping-notice', 'SN', 'zh', null, 'shippingNoticeNo', '出货通知'],
      ['invoice', 'CI', 'customer', null, 'invoiceNo', '发票/装箱单'],
    ]);
    expect(new Set(DOC_TYPES.map((t) => docTypeSpec(t).prefixKey)).size).toBe(5);
  });

  it.each(DOC_TYPES)('%s carries known fields and requires only fields it carries', (type) => {
    const spec = docTypeSpec(type);
    for (const name of spec.fields) expect([name, fieldDef(name) !== undefined && !isLineField(name)]).toEqual([name, true]);
    for (const name of spec.lineFields) expect([name, fieldDef(name) !== undefined && isLineField(name)]).toEqual([name, true]);
    const carried = [...spec.fields, ...spec.fields.flatMap((f) => FIELD_PARTS[f] ?? [])];
    for (const name of spec.required) expect(carried).toContain(name);
    for (const name of spec.requiredLineFields) expect(spec.lineFields).toContain(name);
    expect(spec.linesRequired).toBe(true);
  });

  it('never shows selling prices on the factory documents', () => {
    for (const type of ['purchase-order', 'shipping-notice'] as const) {
      const spec = docTypeSpec(type);
      expect([...spec.fields, ...spec.lineFields].filter((f) => /unitPrice|\.amount|total\.words/.test(f))).toEqual([]);
    }
  });

  it('writes factory documents in Chinese and the others in the customer language', () => {
    expect(documentLanguage('quotation', { language: 'zh' })).toBe('zh');
    expect(documentLanguage('quotation', { language: 'zh-TW' })).toBe('zh');
    expect(documentLanguage('contract', { language: 'de' })).toBe('en');
    expect(documentLanguage('invoice', null)).toBe('en');
    expect(documentLanguage('purchase-order', { language: 'en' })).toBe('zh');
    expect(documentLanguage('shipping-notice', undefined)).toBe('zh');
    expect(documentLanguage('purchase-order', { language: 'en' }, 'en')).toBe('en');
  });

  it('recognises its codes', () => {
    expect(isDocType('invoice')).toBe(true);
    expect(isDocType('receipt')).toBe(false);
  });
});

describe('the documents catalog', () => {
  it('has both languages of every message', () => {
    for (const [id, m] of Object.entries(documentsCatalog)) {
      expect([id, m.en.trim().length > 0, m.zh.trim().length > 0]).toEqual([id, true, true]);
    }
  });

  it('labels every merge field and names every document and problem', () => {
    for (const f of [...SCALAR_FIELDS, ...LINE_FIELDS]) expect(documentsCatalog).toHaveProperty([`field.${f.name}`]);
    for (const t of DOC_TYPES) {
      expect(documentsCatalog).toHaveProperty([`doc.${t}.name`]);
      expect(documentsCatalog).toHaveProperty([`doc.${t}.title`]);
    }
    const codes: MergeProblemCode[] = ['UNKNOWN_PLACEHOLDER', 'BAD_PLACEHOLDER', 'UNKNOWN_FORMAT', 'FORMAT_NOT_APPLICABLE', 'MISSING_DATA', 'NO_LINES',
      'LINE_ROW_MISSING', 'LINE_FIELD_OUTSIDE', 'TWO_LINE_ROWS', 'LINE_ROW_UNSUPPORTED', 'SECTION_UNBALANCED', 'SECTION_CROSSES_CELL', 'SECTION_IN_LINES'];
    for (const code of codes) expect(documentsCatalog).toHaveProperty([`problem.${code}`]);
  });

  it('is documented field by field in docs/template-syntax.md', () => {
    const doc = readFileSync(path.join(__dirname, '../../docs/template-syntax.md'), 'utf8');
    for (const f of [...SCALAR_FIELDS, ...LINE_FIELDS]) expect([f.name, doc.includes('`' + f.name + '`')]).toEqual([f.name, true]);
  });

  it('has no field twice', () => {
    const names = [...SCALAR_FIELDS, ...LINE_FIELDS].map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
