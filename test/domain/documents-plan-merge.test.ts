import { performance } from 'node:perf_hooks';
import { planMerge, type MergePlan, type PlanMergeOptions } from '../../src/domain/documents/plan-merge';
import { buildMergeData, type MergeData } from '../../src/domain/documents/merge-fields';
import { aLine, anOrder, aProduct, mergeDataFor, mergeInput } from './documents-builders';
import { applyAll, applyRequest, bodyTexts, cellTexts, fromDocs, makeDoc, para, table, tablesOf, toDocs, withTableEnd, type MDoc, type MTable } from './documents-docs-applier';
import { expectWithinBudget } from '../support/cpu-budget';

const LINE_TABLE = () => table([
  ['Item', 'Qty', 'Amount'],
  ['{{line.name}}', '{{line.quantity}} {{line.unit}}', '{{line.amount}}'],
  ['Total', '{{total.quantity}}', '{{total.amount}}'],
]);
const SMALL = () => makeDoc('Quotation {{doc.no}}', LINE_TABLE(), 'Say: {{total.amount|words-en}}');

/**
 * Plans a merge of `doc` and applies it to a copy read back from the Docs JSON; fails on any problem. Runs under
 * both table-end conventions (a table counting no index, or one, for its end) and requires the same result.
 */
function merge(doc: MDoc, data: MergeData, options?: PlanMergeOptions): { plan: MergePlan; result: MDoc } {
  const [brief, withEnd] = ([0, 1] as const).map((tableEnd) => {
    const json = toDocs(withTableEnd(doc, tableEnd));
    const plan = planMerge(json, data, options);
    expect(plan.report.problems).toEqual([]);
    return { plan, result: applyAll(fromDocs(json, tableEnd), plan.requests) };
  });
  expect(withEnd.result.body).toEqual(brief.result.body);
  return brief;
}

function expectLineRows(t: MTable, data: MergeData, headerRows: number, render: (i: number) => string[]): void {
  const cells = cellTexts(t);
  data.lines.forEach((_, i) => expect(cells[headerRows + i]).toEqual(render(i)));
}

const amount = (i: number) => (125 * (i + 1)).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const quantity = (i: number) => String(100 * (i + 1)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const smallRow = (i: number) => [`Item ${i + 1}`, `${quantity(i)} pcs`, amount(i)];

describe('planMerge', () => {
  describe('the line-item table', () => {
    it('emits the exact request sequence for one line', () => {
      const data = mergeDataFor('quotation', 'en', 1);
      const { requests, report } = planMerge(toDocs(SMALL()), data);
      const at = { tableStartLocation: { index: 22 }, rowIndex: 1, columnIndex: 0 };
      const plain = (startIndex: number, endIndex: number) => ({
        updateTextStyle: {
          range: { startIndex, endIndex },
          textStyle: {},
          fields: 'bold,italic,underline,strikethrough,smallCaps,fontSize,foregroundColor,backgroundColor,weightedFontFamily,baselineOffset',
        },
      });
      expect(report).toEqual({ unknownPlaceholders: [], missingData: [], problems: [] });
      expect(requests).toEqual([
        // template row 1 ends at 109; the new row starts there: row start, then per cell a start and a "\n"
        { insertTableRow: { tableCellLocation: at, insertBelow: true } },
        // each cell's text, then its template cell's character formatting (here: none, so everything is reset)
        { insertText: { location: { index: 115 }, text: '125.00' } },
        plain(115, 121),
        { insertText: { location: { index: 113 }, text: '100 pcs' } },
        plain(113, 120),
        { insertText: { location: { index: 111 }, text: 'Item 1' } },
        plain(111, 117),
        { deleteTableRow: { tableCellLocation: at } },
        { pinTableHeaderRows: { tableStartLocation: { index: 22 }, pinnedHeaderRowsCount: 1 } },
        { replaceAllText: { containsText: { text: '{{doc.no}}', matchCase: true }, replaceText: 'QT-2026-0001' } },
        { replaceAllText: { containsText: { text: '{{total.quantity}}', matchCase: true }, replaceText: '100' } },
        { replaceAllText: { containsText: { text: '{{total.amount}}', matchCase: true }, replaceText: 'USD 125.00' } },
        { replaceAllText: { containsText: { text: '{{total.amount|words-en}}', matchCase: true }, replaceText: 'SAY US DOLLARS ONE HUNDRED TWENTY-FIVE ONLY' } },
      ]);
    });

    it('fills one line: header kept, template row gone, totals below, header pinned', () => {
      const data = mergeDataFor('quotation', 'en', 1);
      const { result } = merge(SMALL(), data);
      const [t] = tablesOf(result);
      expect(cellTexts(t)).toEqual([['Item', 'Qty', 'Amount'], ['Item 1', '100 pcs', '125.00'], ['Total', '100', 'USD 125.00']]);
      expect(t.pinned).toBe(1);
      expect(bodyTexts(result)).toEqual(['Quotation QT-2026-0001', '[table]', 'Say: SAY US DOLLARS ONE HUNDRED TWENTY-FIVE ONLY']);
    });

    it('fills 20 lines in order, cell by cell', () => {
      const data = mergeDataFor('quotation', 'en', 20);
      const { plan, result } = merge(SMALL(), data);
      expect(plan.requests.filter((r) => 'insertTableRow' in r)).toHaveLength(20);
      expect(plan.requests.filter((r) => 'insertText' in r)).toHaveLength(60);
      const [t] = tablesOf(result);
      expect(t.rows).toHaveLength(22);
      expectLineRows(t, data, 1, smallRow);
      expect(cellTexts(t)[21]).toEqual(['Total', '21,000', 'USD 26,250.00']);
    });

    it('plans 300 lines in well under a second and every cell lands in its place', () => {
      const data = mergeDataFor('quotation', 'en', 300);
      const doc = toDocs(SMALL());
      planMerge(doc, data); // warm-up
      const runs = 5;
      const started = performance.now();
      let plan: MergePlan | null = null;
      for (let r = 0; r < runs; r++) plan = planMerge(doc, data);
      const ms = (performance.now() - started) / runs;
      console.log(`planMerge, 300 lines × 3 columns: ${ms.toFixed(2)} ms`);
      expectWithinBudget('planMerge, 300 lines', ms, 1000);
      // rows, texts, each text's character formatting, delete and pin, replacements
      expect(plan?.requests).toHaveLength(300 + 900 + 900 + 2 + 4);
      const result = applyAll(fromDocs(doc), plan?.requests ?? []);
      const [t] = tablesOf(result);
      expect(t.rows).toHaveLength(302);
      expectLineRows(t, data, 1, smallRow);
      expect(cellTexts(t)[301]).toEqual(['Total', '4,515,000', 'USD 5,643,750.00']);
    });

    it('repeats a template cell of several paragraphs, scalar fields included', () => {
      const doc = makeDoc('x', table([['Product', 'Price'], ['{{line.name}}\n{{line.code}}', '{{line.unitPrice}} {{order.currency}}/{{line.unit}}']]), 'end');
      const data = mergeDataFor('quotation', 'en', 2);
      const { result } = merge(doc, data);
      expect(cellTexts(tablesOf(result)[0])).toEqual([['Product', 'Price'], ['Item 1\nP-1', '1.25 USD/pcs'], ['Item 2\nP-2', '1.25 USD/pcs']]);
    });

    it('keeps the alignment of the template cells in the new rows', () => {
      const t = LINE_TABLE();
      for (const cell of t.rows[1].slice(1)) (cell.content[0] as ReturnType<typeof para>).style.alignment = 'END';
      const { plan, result } = merge(makeDoc('x', t, 'y'), mergeDataFor('quotation', 'en', 2));
      expect(plan.requests.filter((r) => 'updateParagraphStyle' in r)).toHaveLength(4);
      const rows = tablesOf(result)[0].rows;
      expect(rows.slice(1, 3).map((r) => r.map((c) => (c.content[0] as ReturnType<typeof para>).style.alignment))).toEqual([
        [undefined, 'END', 'END'],
        [undefined, 'END', 'END'],
      ]);
    });

    it('expands two line tables of one document (invoice and packing list) independently', () => {
      const doc = makeDoc(
        'Invoice {{doc.no}}',
        table([['Goods', 'Amount'], ['{{line.name}}', '{{line.amount}}']]),
        'Packing list',
        table([['Goods', 'Cartons', 'G.W.'], ['{{line.name}}', '{{line.cartons}}', '{{line.grossWeight}}'], ['Total', '{{total.cartons}}', '{{total.grossWeight}}']]),
        'end',
      );
      const data = mergeDataFor('invoice', 'en', 3, { docNo: 'CI-2026-0001' });
      const { result } = merge(doc, data);
      const [invoice, packing] = tablesOf(result);
      expect(cellTexts(invoice)).toEqual([['Goods', 'Amount'], ['Item 1', '125.00'], ['Item 2', '250.00'], ['Item 3', '375.00']]);
      expect(cellTexts(packing)).toEqual([
        ['Goods', 'Cartons', 'G.W.'],
        ['Item 1', '2', '22.40'],
        ['Item 2', '4', '44.80'],
        ['Item 3', '6', '67.20'],
        ['Total', '12', '134.40'],
      ]);
      expect(invoice.pinned).toBe(1);
      expect(packing.pinned).toBe(1);
    });

    it('does not pin a header when the line row is the first row', () => {
      const { plan, result } = merge(makeDoc('x', table([['{{line.name}}']]), 'y'), mergeDataFor('quotation', 'en', 2));
      expect(plan.requests.some((r) => 'pinTableHeaderRows' in r)).toBe(false);
      expect(cellTexts(tablesOf(result)[0])).toEqual([['Item 1'], ['Item 2']]);
    });

    it('never lets a value become a placeholder', () => {
      const data = buildMergeData(mergeInput({ lines: [aLine({ productName: 'Evil {{doc.no}}' })], products: [aProduct({ englishName: '' })], order: anOrder({ notes: 'x' }) }));
      const { result } = merge(makeDoc('{{doc.no}}', table([['{{line.name}}']]), 'end'), data);
      expect(cellTexts(tablesOf(result)[0])).toEqual([['Evil { {doc.no} }']]);
    });
  });

  describe('an order without lines, where the caller allows it', () => {
    const none = () => mergeDataFor('quotation', 'en', 0);
    const mergeNone = (doc: MDoc) => merge(doc, none(), { linesRequired: false }).result;

    it('deletes the template row and keeps header and totals', () => {
      expect(cellTexts(tablesOf(mergeNone(SMALL()))[0])).toEqual([['Item', 'Qty', 'Amount'], ['Total', '', '']]);
    });

    it('deletes a table made of the line row only', () => {
      expect(bodyTexts(mergeNone(makeDoc('a', table([['{{line.name}}', '{{line.amount}}']]), 'b')))).toEqual(['a', 'b']);
    });

    it('deletes a lines block', () => {
      expect(bodyTexts(mergeNone(makeDoc('a', '{{#lines}}', '{{line.name}}', '{{/lines}}', 'b')))).toEqual(['a', 'b']);
      expect(bodyTexts(mergeNone(makeDoc('a', '{{#lines}}{{line.name}}{{/lines}}')))).toEqual(['a', '']);
    });
  });

  describe('formats', () => {
    it('renders upper, lower, date, money, number, words-en and words-zh', () => {
      const doc = makeDoc(
        '{{customer.name|upper}}|{{customer.email|lower}}|{{order.deliveryDate|date}}|{{total.amount|money}}|{{total.amount|number}}',
        '{{total.amount|words-en}}',
        '{{total.amount|words-zh}}',
        table([['{{line.amount|money}}', '{{line.unitPrice|words-en}}', '{{line.quantity|number}}']]),
      );
      const data = mergeDataFor('quotation', 'en', 1, { lines: [aLine({ productCode: 'P-1', quantity: 12000, unitPrice: 1.25 })] });
      const { result } = merge(doc, data);
      expect(bodyTexts(result)).toEqual([
        'ACME TRADING GMBH|anna@acme.example|15 April 2026|USD 15,000.00|15,000.00',
        'SAY US DOLLARS FIFTEEN THOUSAND ONLY',
        '美元壹万伍仟元整',
        '[table]',
        '',
      ]);
      expect(cellTexts(tablesOf(result)[0])).toEqual([['USD 15,000.00', 'SAY US DOLLARS ONE AND CENTS TWENTY-FIVE ONLY', '12,000']]);
    });
  });

  describe('optional sections', () => {
    const withNotes = (notes: string | undefined, n = 1) => mergeDataFor('quotation', 'en', n, { order: anOrder({ notes }) });

    it('removes the paragraphs of a section whose field is empty', () => {
      const doc = makeDoc(LINE_TABLE(), 'Intro', '{{#if order.notes}}', 'Notes:', '{{order.notes}}', '{{/if}}', 'End');
      expect(bodyTexts(merge(doc, withNotes(undefined)).result)).toEqual(['[table]', 'Intro', 'End']);
    });

    it('keeps a section whose field has a value and drops the marker paragraphs', () => {
      const doc = makeDoc(LINE_TABLE(), 'Intro', '{{#if order.notes}}', 'Notes:', '{{order.notes}}', '{{/if}}', 'End');
      expect(bodyTexts(merge(doc, withNotes('Rush order')).result)).toEqual(['[table]', 'Intro', 'Notes:', 'Rush order', 'End']);
    });

    it('removes an inline section with its paragraph, or only the markers when kept', () => {
      const doc = makeDoc(LINE_TABLE(), 'A', 'Note: {{#if order.notes}}{{order.notes}}{{/if}}', 'B');
      expect(bodyTexts(merge(doc, withNotes(undefined)).result)).toEqual(['[table]', 'A', 'B']);
      expect(bodyTexts(merge(doc, withNotes('Rush')).result)).toEqual(['[table]', 'A', 'Note: Rush', 'B']);
    });

    it('keeps the last newline of the body when a section ends the document', () => {
      const doc = makeDoc(LINE_TABLE(), '{{#if order.notes}}', 'Notes: {{order.notes}}', '{{/if}}');
      expect(bodyTexts(merge(doc, withNotes(undefined)).result)).toEqual(['[table]', '']);
      expect(bodyTexts(merge(doc, withNotes('Rush')).result)).toEqual(['[table]', 'Notes: Rush', '']);
    });

    it('does not delete the newline before a table', () => {
      const doc = makeDoc('Intro', '{{#if order.notes}}Notes: {{order.notes}}{{/if}}', LINE_TABLE(), 'End');
      const { result } = merge(doc, withNotes(undefined));
      expect(bodyTexts(result)).toEqual(['Intro', '', '[table]', 'End']);
    });

    it('removes a whole table inside an empty section', () => {
      const doc = makeDoc(LINE_TABLE(), '{{#if order.notes}}', table([['Notes'], ['{{order.notes}}']]), '{{/if}}', 'End');
      expect(bodyTexts(merge(doc, withNotes(undefined)).result)).toEqual(['[table]', 'End']);
      expect(bodyTexts(merge(doc, withNotes('Rush')).result)).toEqual(['[table]', '', '[table]', 'End']);
    });

    it('works inside a table cell', () => {
      const t = LINE_TABLE();
      t.rows[0][1].content = [para('Qty'), para('{{#if order.notes}}see notes{{/if}}')];
      t.rows[2][0].content = [para('{{#if order.notes}}'), para('Total*'), para('{{/if}}'), para('Total')];
      const empty = merge(makeDoc('x', t, 'y'), withNotes(undefined, 2)).result;
      expect(cellTexts(tablesOf(empty)[0])[0]).toEqual(['Item', 'Qty\n', 'Amount']);
      expect(cellTexts(tablesOf(empty)[0])[3][0]).toBe('Total');
      const kept = merge(makeDoc('x', t, 'y'), withNotes('n', 2)).result;
      expect(cellTexts(tablesOf(kept)[0])[0]).toEqual(['Item', 'Qty\nsee notes', 'Amount']);
      expect(cellTexts(tablesOf(kept)[0])[3][0]).toBe('Total*\nTotal');
      expectLineRows(tablesOf(kept)[0], withNotes('n', 2), 1, smallRow);
    });

    it('nests: an empty outer section removes the inner one with it; a kept outer one decides the inner alone', () => {
      const doc = makeDoc(LINE_TABLE(), '{{#if order.notes}}', 'N: {{order.notes}}', '{{#if order.blNo}}', 'B/L: {{order.blNo}}', '{{/if}}', '{{/if}}', 'End');
      expect(bodyTexts(merge(doc, withNotes(undefined)).result)).toEqual(['[table]', 'End']);
      expect(bodyTexts(merge(doc, withNotes('x')).result)).toEqual(['[table]', 'N: x', 'End']);
      const both = mergeDataFor('quotation', 'en', 1, { order: anOrder({ notes: 'x', blNo: 'COSU123' }) });
      expect(bodyTexts(merge(doc, both).result)).toEqual(['[table]', 'N: x', 'B/L: COSU123', 'End']);
    });
  });

  describe('the {{#lines}} block', () => {
    it('repeats its paragraphs once per line', () => {
      const doc = makeDoc('Items:', '{{#lines}}', '{{line.no}}. {{line.name}} × {{line.quantity}}', '  {{line.description}}', '{{/lines}}', 'End');
      const data = mergeDataFor('quotation', 'en', 2);
      expect(bodyTexts(merge(doc, data).result)).toEqual([
        'Items:',
        '1. Item 1 × 100',
        `  ${data.lines[0].description}`,
        '2. Item 2 × 200',
        `  ${data.lines[1].description}`,
        'End',
      ]);
    });

    it('works at the end of the body with inline markers', () => {
      const doc = makeDoc('Items:', '{{#lines}}{{line.name}}: {{line.amount|money}}{{/lines}}');
      expect(bodyTexts(merge(doc, mergeDataFor('quotation', 'en', 3)).result)).toEqual(['Items:', 'Item 1: USD 125.00', 'Item 2: USD 250.00', 'Item 3: USD 375.00']);
    });

    it('works inside a table cell', () => {
      const doc = makeDoc('x', table([['Goods', '{{#lines}}\n{{line.code}} {{line.name}}\n{{/lines}}']]), 'y');
      expect(cellTexts(tablesOf(merge(doc, mergeDataFor('quotation', 'en', 2)).result)[0])).toEqual([['Goods', 'P-1 Item 1\nP-2 Item 2']]);
    });
  });

  describe('problems: validate first, then nothing is emitted', () => {
    const problemsOf = (doc: MDoc, data: MergeData = mergeDataFor('quotation', 'en', 2)) => {
      const plan = planMerge(toDocs(doc), data);
      if (plan.report.problems.length) expect(plan.requests).toEqual([]);
      return plan.report;
    };
    const codes = (doc: MDoc, data?: MergeData) => problemsOf(doc, data).problems.map((p) => p.code);

    it('an unknown placeholder (field or section) is named in EN and ZH', () => {
      const report = problemsOf(makeDoc('Dear {{customer.nmae}}', '{{#if foo.bar}}x{{/if}}', LINE_TABLE()));
      expect(report.unknownPlaceholders).toEqual(['customer.nmae', 'foo.bar']);
      expect(report.problems).toEqual([{
        code: 'UNKNOWN_PLACEHOLDER',
        message: {
          en: 'The template uses fields Gendan does not know: customer.nmae, foo.bar. Check the spelling against the field list.',
          zh: '模板中有无法识别的字段：customer.nmae, foo.bar。请对照字段列表检查拼写。',
        },
      }]);
    });

    it('a template whose line row was deleted, while the order has lines', () => {
      const report = problemsOf(makeDoc('Quotation {{doc.no}}', table([['Item', 'Qty'], ['Total', '{{total.quantity}}']])));
      expect(report.problems.map((p) => p.code)).toEqual(['LINE_ROW_MISSING']);
      expect(report.problems[0].message.en).toContain('the order has 2 line(s)');
      expect(report.problems[0].message.zh).toContain('订单有 2 行明细');
    });

    it('an order without lines', () => {
      const report = problemsOf(SMALL(), mergeDataFor('quotation', 'en', 0));
      expect(report.problems.map((p) => p.code)).toEqual(['NO_LINES']);
      expect(report.problems[0].message).toEqual({
        en: 'Order SO-2026-0007 has no order lines; a Quotation needs at least one.',
        zh: '订单SO-2026-0007没有订单明细，报价单至少需要一行。',
      });
    });

    it('missing required data', () => {
      const data = mergeDataFor('contract', 'en', 1, { order: anOrder({ deliveryDate: undefined }), docNo: 'SC-1' });
      const report = problemsOf(SMALL(), data);
      expect(report.problems.map((p) => p.code)).toEqual(['MISSING_DATA']);
      expect(report.missingData).toHaveLength(1);
      expect(report.problems[0].message.en).toBe('1 required value(s) are missing, so no document was made: Delivery date is missing (Orders row 12).');
    });

    it('malformed placeholders, unknown formats and formats that do not fit', () => {
      expect(codes(makeDoc('{{two words}} {{customer.name|bold}} {{customer.name|money}} {{doc.date|words-zh}}', LINE_TABLE()))).toEqual([
        'BAD_PLACEHOLDER',
        'UNKNOWN_FORMAT',
        'FORMAT_NOT_APPLICABLE',
      ]);
    });

    it('line fields outside a line row or block', () => {
      expect(codes(makeDoc('{{line.name}}', LINE_TABLE()))).toEqual(['LINE_FIELD_OUTSIDE']);
      expect(codes(makeDoc(LINE_TABLE(), '{{#if line.notes}}x{{/if}}'))).toEqual(['LINE_FIELD_OUTSIDE']);
    });

    it('two line rows in one table, and line rows it cannot repeat', () => {
      expect(codes(makeDoc('x', table([['{{line.name}}'], ['{{line.code}}']])))).toEqual(['TWO_LINE_ROWS']);
      expect(codes(makeDoc('x', table([['{{#if order.notes}}{{line.name}}{{/if}}']])))).toEqual(['LINE_ROW_UNSUPPORTED']);
      const nested = table([['{{line.name}}', 'x']]);
      nested.rows[0][1].content = [para(''), table([['inner']]), para('')];
      expect(codes(makeDoc('x', nested))).toEqual(['LINE_ROW_UNSUPPORTED']);
    });

    it('unbalanced and crossing sections', () => {
      expect(codes(makeDoc(LINE_TABLE(), '{{#if order.notes}}', 'x'))).toEqual(['SECTION_UNBALANCED']);
      expect(codes(makeDoc(LINE_TABLE(), 'x{{/if}}'))).toEqual(['SECTION_UNBALANCED']);
      expect(codes(makeDoc(LINE_TABLE(), '{{#lines}}{{line.name}}{{/if}}'))).toContain('SECTION_UNBALANCED');
      expect(codes(makeDoc('{{#if order.notes}}', table([['{{/if}}'], ['{{line.name}}']])))).toEqual(['SECTION_CROSSES_CELL']);
    });

    it('sections or tables inside a lines block', () => {
      expect(codes(makeDoc('{{#lines}}', '{{#if order.notes}}{{line.name}}{{/if}}', '{{/lines}}'))).toEqual(['SECTION_IN_LINES']);
      expect(codes(makeDoc('{{#lines}}', table([['a']]), '{{line.name}}{{/lines}}'))).toEqual(['SECTION_IN_LINES']);
    });
  });
});

describe('the reference applier refuses what the Docs API refuses', () => {
  const doc = () => fromDocs(toDocs(makeDoc('ab', table([['c']]), 'd')));
  // body: break 0–1, "ab\n" 1–4, table 4–9 (row 5, cell 6, "c\n" 7–9), "d\n" 9–11

  it('deleting the newline before a table', () => {
    expect(() => applyRequest(doc(), { deleteContentRange: { range: { startIndex: 1, endIndex: 4 } } })).toThrow('newline before a table');
  });

  it('deleting the last newline of the body or of a cell', () => {
    expect(() => applyRequest(doc(), { deleteContentRange: { range: { startIndex: 9, endIndex: 11 } } })).toThrow('last newline');
    expect(() => applyRequest(doc(), { deleteContentRange: { range: { startIndex: 7, endIndex: 9 } } })).toThrow('last newline');
  });

  it('deleting part of a table, inserting outside a paragraph', () => {
    expect(() => applyRequest(doc(), { deleteContentRange: { range: { startIndex: 7, endIndex: 10 } } })).toThrow('part of a table');
    expect(() => applyRequest(doc(), { insertText: { location: { index: 6 }, text: 'x' } })).toThrow('no paragraph');
  });

  it('inserting a table puts it one index after the location', () => {
    const d = fromDocs(toDocs(makeDoc('')));
    applyRequest(d, { insertTable: { rows: 1, columns: 1, location: { index: 1 } } });
    const content = toDocs(d).body.content;
    expect(content.map((e) => [e.startIndex, e.endIndex, e.table ? 'table' : e.paragraph ? 'p' : 'break'])).toEqual([
      [undefined, 1, 'break'],
      [1, 2, 'p'],
      [2, 6, 'table'],
      [6, 7, 'p'],
    ]);
  });
});
