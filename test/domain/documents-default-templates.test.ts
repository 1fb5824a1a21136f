import { performance } from 'node:perf_hooks';
import { defaultTemplate, templateBuildRequests, type TemplateSpec } from '../../src/domain/documents/default-templates';
import { docTypeSpec, DOC_TYPES, type DocType } from '../../src/domain/documents/doc-types';
import { fieldDef } from '../../src/domain/documents/field-catalog';
import { planMerge } from '../../src/domain/documents/plan-merge';
import { discoverPlaceholders } from '../../src/domain/documents/template-syntax';
import type { Lang } from '../../src/domain/i18n/i18n';
import { allText, applyAll, bodyTexts, cellTexts, emptyDoc, tablesOf, toDocs, fromDocs, withTableEnd, type MDoc } from './documents-docs-applier';
import { anOrder, mergeDataFor } from './documents-builders';
import { expectWithinBudget } from '../support/cpu-budget';

const LANGS: Lang[] = ['en', 'zh'];
const CASES: [DocType, Lang][] = DOC_TYPES.flatMap((t) => LANGS.map((l): [DocType, Lang] => [t, l]));

function built(spec: TemplateSpec, tableEnd: 0 | 1 = 0): MDoc {
  return applyAll(withTableEnd(emptyDoc(), tableEnd), templateBuildRequests(spec));
}

describe('templateBuildRequests', () => {
  const tiny: TemplateSpec = {
    docType: 'quotation',
    lang: 'en',
    name: 'tiny',
    blocks: [
      { kind: 'title', text: 'T' },
      { kind: 'paragraph', text: 'ab', bold: true },
      { kind: 'table', rows: [['x', 'y'], ['', 'z']], widths: [100, '*'], headerRows: 1, pinHeader: true },
      { kind: 'paragraph', text: 'end' },
    ],
  };

  it('emits requests with indexes per the Docs index model, writing blocks from the last, each at index 1', () => {
    const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });
    const normal = (startIndex: number, endIndex: number) => ({
      updateParagraphStyle: { range: { startIndex, endIndex }, paragraphStyle: { namedStyleType: 'NORMAL_TEXT', alignment: 'START' }, fields: 'namedStyleType,alignment,spaceAbove,pageBreakBefore' },
    });
    const space = (startIndex: number, endIndex: number, magnitude: number) => ({
      updateParagraphStyle: { range: { startIndex, endIndex }, paragraphStyle: { spaceAbove: pt(magnitude) }, fields: 'spaceAbove' },
    });
    const text = (startIndex: number, endIndex: number, bold: boolean, size?: number) => ({
      updateTextStyle: { range: { startIndex, endIndex }, textStyle: size === undefined ? { bold } : { bold, fontSize: pt(size) }, fields: 'bold,fontSize' },
    });
    const column = (c: number, width: number) => ({
      updateTableColumnProperties: { tableStartLocation: { index: 2 }, columnIndices: [c], tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(width) }, fields: 'widthType,width' },
    });
    expect(templateBuildRequests(tiny)).toEqual([
      // A4, 40 pt margins: 515.2756 pt of text width
      {
        updateDocumentStyle: {
          documentStyle: { pageSize: { width: pt(595.2756), height: pt(841.8898) }, marginLeft: pt(40), marginRight: pt(40), marginTop: pt(40), marginBottom: pt(40) },
          fields: 'pageSize,marginLeft,marginRight,marginTop,marginBottom',
        },
      },
      // the last block goes into the document's final paragraph, a little below the table before it
      { insertText: { location: { index: 1 }, text: 'end' } },
      normal(1, 4),
      space(1, 4, 6),
      text(1, 4, false, 10),
      // the API puts a newline at 1, so the table starts at 2; cell (r, c) has its paragraph at 2 + 3 + 5r + 2c
      { insertTable: { rows: 2, columns: 2, location: { index: 1 } } },
      normal(1, 2),
      text(1, 2, false, 6),
      column(0, 100),
      column(1, 415.2756),
      {
        updateTableCellStyle: {
          tableStartLocation: { index: 2 },
          tableCellStyle: { paddingTop: pt(3), paddingBottom: pt(3), paddingLeft: pt(4), paddingRight: pt(4) },
          fields: 'paddingTop,paddingBottom,paddingLeft,paddingRight',
        },
      },
      {
        updateTableCellStyle: {
          tableRange: { tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 0, columnIndex: 0 }, rowSpan: 1, columnSpan: 2 },
          tableCellStyle: { backgroundColor: { color: { rgbColor: { red: 0.92, green: 0.92, blue: 0.92 } } } },
          fields: 'backgroundColor',
        },
      },
      { insertText: { location: { index: 12 }, text: 'z' } },
      text(12, 13, false, 9),
      { insertText: { location: { index: 7 }, text: 'y' } },
      text(7, 8, true, 9),
      { insertText: { location: { index: 5 }, text: 'x' } },
      text(5, 6, true, 9),
      { pinTableHeaderRows: { tableStartLocation: { index: 2 }, pinnedHeaderRowsCount: 1 } },
      // a bold heading keeps some space above it
      { insertText: { location: { index: 1 }, text: 'ab\n' } },
      normal(1, 4),
      space(1, 4, 8),
      text(1, 3, true, 10),
      { insertText: { location: { index: 1 }, text: 'T\n' } },
      { updateParagraphStyle: { range: { startIndex: 1, endIndex: 3 }, paragraphStyle: { namedStyleType: 'HEADING_1', alignment: 'CENTER' }, fields: 'namedStyleType,alignment,spaceAbove,pageBreakBefore' } },
      text(1, 2, true),
    ]);
  });

  it('builds the document the spec describes', () => {
    const doc = built(tiny);
    expect(bodyTexts(doc)).toEqual(['T', 'ab', '', '[table]', 'end']);
    expect(doc.body[1]).toMatchObject({ kind: 'p', style: { namedStyleType: 'HEADING_1', alignment: 'CENTER' } });
    const [t] = tablesOf(doc);
    expect(cellTexts(t)).toEqual([['x', 'y'], ['', 'z']]);
    expect(t.pinned).toBe(1);
    expect(toDocs(doc).body.content[4]).toMatchObject({ startIndex: 7, endIndex: 21 });
  });

  it('builds the same document when tables count an index for their end (as the sandbox fake does)', () => {
    for (const type of DOC_TYPES) for (const lang of LANGS) {
      expect(built(defaultTemplate(type, lang), 1).body).toEqual(built(defaultTemplate(type, lang), 0).body);
    }
    expect(toDocs(built(tiny, 1)).body.content[4]).toMatchObject({ startIndex: 7, endIndex: 22 });
  });
});

describe('default templates', () => {
  it.each(CASES)('%s (%s) holds every field of its type, each known to the merge', (type, lang) => {
    const spec = docTypeSpec(type);
    const found = discoverPlaceholders(toDocs(built(defaultTemplate(type, lang))));
    const names = new Set(found.filter((p) => p.kind === 'field' || p.kind === 'if').map((p) => p.name));
    for (const name of [...spec.fields, ...spec.lineFields]) expect(names).toContain(name);
    for (const name of names) expect(fieldDef(name)).toBeDefined();
    expect(found.filter((p) => p.kind === 'invalid')).toEqual([]);
  });

  it.each(CASES)('%s (%s) has line tables of one header, ONE line row and a totals row, header pinned', (type, lang) => {
    const doc = built(defaultTemplate(type, lang));
    const lineTables = tablesOf(doc).filter((t) => cellTexts(t).some((row) => row.some((c) => c.includes('{{line.'))));
    expect(lineTables.length).toBe(type === 'invoice' ? 2 : 1);
    for (const t of lineTables) {
      expect(cellTexts(t).map((row) => row.some((c) => c.includes('{{line.')))).toEqual([false, true, false]);
      expect(t.pinned).toBe(1);
    }
  });

  it('writes labels in the template language', () => {
    expect(allText(built(defaultTemplate('quotation', 'en')))).toContain('QUOTATION');
    expect(allText(built(defaultTemplate('quotation', 'zh')))).toContain('报价单');
    expect(allText(built(defaultTemplate('purchase-order', 'zh')))).toContain('需方（采购单位）');
    expect(defaultTemplate('contract', 'zh').name).toBe('Gendan 模板 – 销售合同（中文）');
  });

  it.each(CASES.flatMap(([t, l]) => [[t, l, 0], [t, l, 1]] as [DocType, Lang, 0 | 1][]))('%s (%s, table end %p) merges with complete data into a document without placeholders', (type, lang, tableEnd) => {
    const template = toDocs(built(defaultTemplate(type, lang), tableEnd));
    const data = mergeDataFor(type, lang, 3, { docNo: 'DOC-1' });
    const plan = planMerge(template, data);
    expect(plan.report.problems).toEqual([]);
    const result = applyAll(fromDocs(template, tableEnd), plan.requests);
    expect(allText(result)).not.toContain('{{');
    for (const t of tablesOf(result).filter((x) => x.pinned === 1)) {
      expect(t.rows).toHaveLength(1 + 3 + 1);
      expect(cellTexts(t)[1][0]).toBe('1');
      expect(cellTexts(t)[3][0]).toBe('3');
    }
  });

  it('the contract drops the deposit line without a deposit and keeps it with one', () => {
    const template = toDocs(built(defaultTemplate('contract', 'en')));
    const withDeposit = mergeDataFor('contract', 'en', 1, { docNo: 'SC-1' });
    const text = allText(applyAll(fromDocs(template), planMerge(template, withDeposit).requests));
    expect(text).toContain('Deposit: 30% of the total amount (USD 37.50); production starts when the deposit is received.');
    const noDeposit = mergeDataFor('contract', 'en', 1, {
      docNo: 'SC-1',
      order: anOrder({ depositPercent: undefined, packagingRequirements: undefined, paymentTerms: 'T/T' }),
    });
    const plain = allText(applyAll(fromDocs(template), planMerge(template, noDeposit).requests));
    expect(plain).not.toContain('Deposit:');
    expect(plain).not.toContain('Packaging requirements:');
    expect(plain).toContain('Payment terms: T/T');
  });

  it('the quotation leaves out the transport the order does not give, and takes payment terms from Settings without its own', () => {
    for (const lang of ['en', 'zh'] as const) {
      const template = toDocs(built(defaultTemplate('quotation', lang)));
      const bare = mergeDataFor('quotation', lang, 1, { docNo: 'QT-1', order: anOrder({ paymentTerms: undefined, depositPercent: undefined, transport: undefined }) });
      const plain = allText(applyAll(fromDocs(template), planMerge(template, bare).requests));
      expect(plain).not.toMatch(lang === 'en' ? /Transport/ : /运输方式/);
      expect(plain).toContain(lang === 'en' ? 'Payment terms: 30% T/T deposit, 70% against B/L copy' : '付款方式：30% T/T deposit, 70% against B/L copy');
      const full = mergeDataFor('quotation', lang, 1, { docNo: 'QT-1', order: anOrder({ paymentTerms: 'T/T 30/70', transport: 'sea' }) });
      const text = allText(applyAll(fromDocs(template), planMerge(template, full).requests));
      expect(text).toContain(lang === 'en' ? 'Payment terms: T/T 30/70' : '付款方式：T/T 30/70');
      expect(text).toMatch(lang === 'en' ? /Transport: \S/ : /运输方式：\S/);
    }
  });

  it('names the trade term with the place Incoterms give it: the port of loading for FOB, the destination for CIF', () => {
    const template = toDocs(built(defaultTemplate('quotation', 'en')));
    const textFor = (tradeTerm: string) =>
      allText(applyAll(fromDocs(template), planMerge(template, mergeDataFor('quotation', 'en', 1, { docNo: 'QT-1', order: anOrder({ tradeTerm }) })).requests));
    expect(textFor('FOB')).toContain('FOB Ningbo');
    expect(textFor('CIF')).toContain('CIF Hamburg');
    expect(textFor('CIF')).not.toContain('CIF Ningbo');
  });

  it('plans the two line tables of the invoice for 300 lines in well under a second', () => {
    const template = toDocs(built(defaultTemplate('invoice', 'en')));
    const data = mergeDataFor('invoice', 'en', 300, { docNo: 'CI-1' });
    planMerge(template, data);
    const started = performance.now();
    const plan = planMerge(template, data);
    const ms = performance.now() - started;
    console.log(`planMerge, default invoice, 300 lines (2 tables, 13 columns): ${ms.toFixed(2)} ms, ${plan.requests.length} requests`);
    expectWithinBudget('planMerge, default invoice, 300 lines', ms, 1000);
    const result = applyAll(fromDocs(template), plan.requests);
    const [invoice, packing] = tablesOf(result).filter((t) => t.pinned === 1);
    expect(invoice.rows).toHaveLength(302);
    expect(packing.rows).toHaveLength(302);
    data.lines.forEach((line, i) => {
      expect(cellTexts(invoice)[i + 1]).toEqual([line.no, `${line.code} ${line.name}\n${line.description}`, line.hsCode, `${line.quantity} ${line.unit}`, line.unitPrice, line.amount]);
      expect(cellTexts(packing)[i + 1]).toEqual([line.no, `${line.code} ${line.name}`, `${line.quantity} ${line.unit}`, line.cartons, line.netWeight, line.grossWeight, line.cbm]);
    });
  });
});
