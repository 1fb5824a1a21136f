import { buildMergeData } from '../../src/domain/documents/merge-fields';
import { docTypeSpec, DOC_TYPES } from '../../src/domain/documents/doc-types';
import { fieldDef, lineKey } from '../../src/domain/documents/field-catalog';
import { aCustomer, aLine, anOrder, aProduct, aSettings, mergeInput, TODAY } from './documents-builders';

describe('buildMergeData', () => {
  describe('an English quotation of one line', () => {
    const data = buildMergeData(mergeInput());

    it('fills the document, company, customer and order fields for the document language', () => {
      expect(data.fields['doc.no']).toBe('QT-2026-0001');
      expect(data.fields['doc.date']).toBe('2 March 2026');
      expect(data.fields['doc.title']).toBe('QUOTATION');
      expect(data.fields['company.name']).toBe('Ningbo Bright Hardware Co., Ltd.');
      expect(data.fields['company.address']).toBe('No. 8 Gangwan Road, Beilun, Ningbo, China');
      expect(data.fields['customer.name']).toBe('Acme Trading GmbH');
      expect(data.fields['order.transport']).toBe('Sea freight');
      expect(data.fields['order.deliveryDate']).toBe('15 April 2026');
      expect(data.fields['order.depositPercent']).toBe('30%');
    });

    it('gives the signatory under the company name only when it says more than the name', () => {
      expect(data.fields['company.signatory']).toBe('Li Ming, Sales Manager');
      const zh = (signature: string) => buildMergeData(mergeInput({ lang: 'zh', settings: aSettings({ signature }) })).fields;
      expect(zh('宁波明亮五金有限公司')['company.signatory']).toBe('');
      expect(zh('宁波明亮五金有限公司')['company.signature']).toBe('宁波明亮五金有限公司');
      expect(zh('销售部 李明')['company.signatory']).toBe('销售部 李明');
      const en = buildMergeData(mergeInput({ settings: aSettings({ signature: 'ningbo bright hardware co., ltd.' }) })).fields;
      expect(en['company.signatory']).toBe('');
    });

    it('dates the quotation today and makes it valid for the configured days', () => {
      expect(data.fields['order.quoteDate']).toBe('2 March 2026');
      expect(data.fields['order.quoteValidUntil']).toBe('1 April 2026');
      expect(data.raw['order.quoteValidUntil']).toBe('2026-04-01');
    });

    it('joins the line to its product and composes the description', () => {
      expect(data.lines).toHaveLength(1);
      expect(data.lines[0]).toMatchObject({
        no: '1',
        code: 'BR-100',
        name: 'Stainless steel bracket',
        description: 'Material: SUS304; Surface finish: Brushed; Specification: 100x50x3 mm; Structure: Welded, 4 holes',
        quantity: '1,000',
        unit: 'pcs',
        unitPrice: '1.25',
        amount: '1,250.00',
        packaging: '50 pcs per carton',
        hsCode: '7326909000',
        imageUrl: 'https://img.example/br-100.jpg',
      });
    });

    it('computes cartons, weights and volume from the per-carton data', () => {
      expect(data.lines[0]).toMatchObject({ cartons: '20', netWeight: '210.00', grossWeight: '224.00', cbm: '0.640' });
      expect(data.fields['total.cartons']).toBe('20');
      expect(data.fields['total.cbm']).toBe('0.640');
    });

    it('totals the lines and writes the total in words in both languages', () => {
      expect(data.fields['total.amount']).toBe('USD 1,250.00');
      expect(data.raw['total.amount']).toBe(1250);
      expect(data.fields['total.quantity']).toBe('1,000');
      expect(data.fields['total.wordsEn']).toBe('SAY US DOLLARS ONE THOUSAND TWO HUNDRED FIFTY ONLY');
      expect(data.fields['total.wordsZh']).toBe('美元壹仟贰佰伍拾元整');
      expect(data.fields['total.words']).toBe(data.fields['total.wordsEn']);
      expect(data.fields['order.depositAmount']).toBe('USD 375.00');
    });

    it('has nothing missing', () => {
      expect(data.missing).toEqual([]);
    });

    it('fills every field of the catalog (possibly empty)', () => {
      for (const name of docTypeSpec('contract').fields) expect(data.fields).toHaveProperty([name]);
      for (const key of Object.keys(data.lines[0])) expect(fieldDef(`line.${key}`)).toBeDefined();
    });
  });

  it('writes a Chinese document with Chinese names, dates and money forms', () => {
    const data = buildMergeData(mergeInput({ lang: 'zh', order: anOrder({ currency: 'CNY' }), lines: [aLine({ unitPrice: 12345.6, quantity: 1 })] }));
    expect(data.fields['company.name']).toBe('宁波明亮五金有限公司');
    expect(data.fields['company.address']).toBe('中国宁波市北仑区港湾路8号');
    expect(data.fields['doc.date']).toBe('2026年3月2日');
    expect(data.fields['order.transport']).toBe('海运');
    expect(data.lines[0].name).toBe('不锈钢支架');
    expect(data.lines[0].description).toBe('材质：SUS304；表面处理：Brushed；规格：100x50x3 mm；结构：Welded, 4 holes');
    expect(data.fields['total.amount']).toBe('¥12,345.60');
    expect(data.fields['total.words']).toBe('人民币壹万贰仟叁佰肆拾伍元陆角');
  });

  it('prices a purchase contract at factory prices in the factory currency', () => {
    const data = buildMergeData(mergeInput({ docType: 'purchase-order', lang: 'zh', docNo: 'PO-2026-0002' }));
    expect(data.factoryCurrency).toBe('CNY');
    expect(data.lines[0]).toMatchObject({ factoryPrice: '6.80', factoryAmount: '6,800.00' });
    expect(data.fields['total.factoryAmount']).toBe('¥6,800.00');
    expect(data.fields['total.factoryWords']).toBe('人民币陆仟捌佰元整');
    expect(data.fields['order.factoryCurrency']).toBe('CNY');
    expect(data.missing).toEqual([]);
  });

  it('prefers the order line over the product and keeps unit price precision', () => {
    const data = buildMergeData(mergeInput({ lines: [aLine({ productName: 'Bracket, custom', material: 'SUS316', unitPrice: 0.1255, quantity: 1000 })] }));
    expect(data.lines[0].material).toBe('SUS316');
    expect(data.lines[0].unitPrice).toBe('0.1255');
    expect(data.lines[0].amount).toBe('125.50');
  });

  it('uses the product price only when it is in the order currency', () => {
    const euro = buildMergeData(mergeInput({ order: anOrder({ currency: 'EUR' }) }));
    expect(euro.lines[0].unitPrice).toBe('');
    expect(euro.missing).toHaveLength(1);
    expect(euro.missing[0]).toMatchObject({ field: 'line.unitPrice', source: 'line', row: 2 });
    expect(euro.missing[0].message.en).toContain('USD, not EUR');
    expect(euro.missing[0].message.zh).toContain('订单明细第2行');
  });

  it('ignores lines of other orders and orders lines by their line number', () => {
    const lines = [
      aLine({ _row: 3, line: 2, productCode: 'B' }),
      aLine({ _row: 4, orderNo: 'SO-OTHER', productCode: 'X' }),
      aLine({ _row: 2, line: 1, productCode: 'A' }),
      aLine({ _row: 5, line: undefined, productCode: 'C' }),
    ];
    const data = buildMergeData(mergeInput({ lines, products: ['A', 'B', 'C'].map((code) => aProduct({ code })) }));
    expect(data.lines.map((l) => [l.no, l.code])).toEqual([['1', 'A'], ['2', 'B'], ['3', 'C']]);
  });

  it('falls back to the settings for currency and payment terms', () => {
    const data = buildMergeData(mergeInput({ order: anOrder({ currency: undefined, paymentTerms: undefined }) }));
    expect(data.currency).toBe('USD');
    expect(data.fields['order.paymentTerms']).toBe('30% T/T deposit, 70% against B/L copy');
  });

  it('keeps a quotation validity date the user set when it is still ahead', () => {
    const data = buildMergeData(mergeInput({ order: anOrder({ quoteValidUntil: '2026-05-31' }) }));
    expect(data.fields['order.quoteValidUntil']).toBe('31 May 2026');
    const stale = buildMergeData(mergeInput({ order: anOrder({ quoteValidUntil: '2026-01-31' }) }));
    expect(stale.fields['order.quoteValidUntil']).toBe('1 April 2026');
  });

  it('names each missing required value with its sheet and row, in both languages', () => {
    const data = buildMergeData(mergeInput({
      docType: 'contract',
      docNo: 'SC-2026-0009',
      order: anOrder({ deliveryDate: undefined, tradeTerm: '' }),
      customer: aCustomer({ address: '' }),
      settings: aSettings({ bank: { beneficiary: 'X', name: 'Y', account: '', swift: 'Z' } }),
      lines: [aLine({ quantity: undefined })],
    }));
    expect(data.missing.map((m) => [m.field, m.source, m.row])).toEqual([
      ['customer.address', 'customer', 5],
      ['order.tradeTerm', 'order', 12],
      ['order.deliveryDate', 'order', 12],
      ['bank.account', 'settings', undefined],
      ['line.quantity', 'line', 2],
    ]);
    expect(data.missing[0].message).toEqual({ en: 'Customer address is missing (Customers row 5).', zh: '缺少客户地址（客户第5行）。' });
    expect(data.missing[3].message).toEqual({ en: 'Bank account no. is missing in Settings.', zh: '设置中缺少银行账号。' });
    expect(data.missing[4].message.en).toBe('Quantity is missing on Order lines row 2 (BR-100).');
  });

  it('reports an unknown customer once', () => {
    const data = buildMergeData(mergeInput({ docType: 'invoice', customer: null, docNo: 'CI-1' }));
    const customerMissing = data.missing.filter((m) => m.source === 'customer');
    expect(customerMissing).toHaveLength(1);
    expect(customerMissing[0].message.en).toBe('Customer "C-0007" of order SO-2026-0007 is not in the Customers sheet.');
  });

  it('requires for each document type only fields it carries', () => {
    for (const type of DOC_TYPES) {
      const spec = docTypeSpec(type);
      const data = buildMergeData(mergeInput({ docType: type, lang: 'zh', docNo: 'X-1' }));
      expect(data.missing).toEqual([]);
      for (const name of spec.requiredLineFields) expect(data.lines[0][lineKey(name)]).not.toBe('');
    }
  });

  it('does not change its inputs', () => {
    const input = mergeInput();
    const copy = JSON.parse(JSON.stringify(input));
    buildMergeData(input);
    expect(input).toEqual(copy);
  });

  it('takes today from its input (no clock)', () => {
    expect(buildMergeData(mergeInput({ today: '2027-01-15' })).fields['doc.date']).toBe('15 January 2027');
    expect(TODAY).toBe('2026-03-02');
  });
});
