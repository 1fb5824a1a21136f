// The default templates' layout and the product pictures, on the sandbox's Docs fake (the Docs API's semantics):
// every table has fixed column widths in points that fill the page's text width, line tables are not evenly split
// (a wide description, narrow numbers), cells are formatted explicitly (nothing inherited), new line rows keep the
// template cells' formatting, and {{line.image}} becomes an inline image where the line has a picture — or a
// "View picture" link when the fill is planned without images.
import { applyRequests, emptyDoc, fromApiDocument, toApiDocument } from '../../src/sandbox/docs';
import type { DocsApiDocument, Paragraph, StructuralElement, Table } from '../../src/sandbox/docs/api-types';
import { defaultTemplate, templateBuildRequests, TEMPLATE_TEXT_WIDTH } from '../../src/domain/documents/default-templates';
import { DOC_TYPES, type DocType } from '../../src/domain/documents/doc-types';
import { imageAddress } from '../../src/domain/documents/image-address';
import { IMAGE_SIZE_PT, planMerge, type PlanMergeOptions } from '../../src/domain/documents/plan-merge';
import type { MergeData } from '../../src/domain/documents/merge-fields';
import type { Lang } from '../../src/domain/i18n/i18n';
import type { DocsDocument } from '../../src/ports';
import { aProduct, mergeDataFor, someLines, someProducts } from './documents-builders';
import { makeDoc, table, toDocs } from './documents-docs-applier';

const CASES: [DocType, Lang][] = DOC_TYPES.flatMap((t) => (['en', 'zh'] as const).map((l): [DocType, Lang] => [t, l]));

const built = (type: DocType, lang: Lang): DocsApiDocument =>
  toApiDocument('tpl', 'tpl', applyRequests(emptyDoc(), templateBuildRequests(defaultTemplate(type, lang))).doc);

/** A template filled with `data`, by the sandbox fake. */
function filled(template: DocsApiDocument, data: MergeData, options?: PlanMergeOptions): { doc: DocsApiDocument; images: number; requests: Record<string, unknown>[] } {
  const plan = planMerge(template as unknown as DocsDocument, data, options);
  expect(plan.report.problems).toEqual([]);
  const doc = toApiDocument('doc', 'doc', applyRequests(fromApiDocument(template), plan.requests).doc);
  return { doc, images: plan.images, requests: plan.requests };
}

function tablesIn(content: StructuralElement[]): Table[] {
  const out: Table[] = [];
  for (const el of content) {
    if (!el.table) continue;
    out.push(el.table);
    for (const row of el.table.tableRows) for (const cell of row.tableCells) out.push(...tablesIn(cell.content));
  }
  return out;
}

const paragraphsOf = (content: StructuralElement[]): Paragraph[] => content.filter((el) => el.paragraph).map((el) => el.paragraph as Paragraph);
const textOf = (p: Paragraph) => p.elements.map((e) => e.textRun?.content ?? (e.inlineObjectElement ? '[img]' : '')).join('').replace(/\n$/, '');
const cellText = (t: Table, r: number, c: number) => paragraphsOf(t.tableRows[r].tableCells[c].content).map(textOf).join('\n');
const isLineTable = (t: Table) => t.tableRows.some((_row, r) => t.tableRows[r].tableCells.some((_c, c) => cellText(t, r, c).includes('{{line.')));
const magnitude = (d: unknown) => (d as { magnitude?: number } | undefined)?.magnitude;

/** The page's text width, from the document style the template set. */
function textWidth(doc: DocsApiDocument): number {
  const s = doc.documentStyle;
  return (magnitude(s.pageSize?.width) ?? 0) - (magnitude(s.marginLeft) ?? 0) - (magnitude(s.marginRight) ?? 0);
}

/** The column whose line-row cell holds `field`. */
function columnOf(t: Table, field: string): number {
  const row = t.tableRows.findIndex((_r, i) => t.tableRows[i].tableCells.some((_c, c) => cellText(t, i, c).includes('{{line.')));
  return t.tableRows[row].tableCells.findIndex((_c, c) => cellText(t, row, c).includes(`{{${field}}}`));
}

describe('default templates: column widths', () => {
  it.each(CASES)('%s (%s): every table has fixed widths in points that fill the text width of its A4 page', (type, lang) => {
    const doc = built(type, lang);
    expect(magnitude(doc.documentStyle.pageSize?.width)).toBeCloseTo(595.2756, 3);
    expect(textWidth(doc)).toBeCloseTo(TEMPLATE_TEXT_WIDTH, 6);
    const tables = tablesIn(doc.body.content);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const cols = t.tableStyle.tableColumnProperties;
      expect(cols).toHaveLength(t.columns);
      for (const c of cols) {
        expect(c.widthType).toBe('FIXED_WIDTH');
        expect(c.width?.unit).toBe('PT');
        expect(magnitude(c.width)).toBeGreaterThanOrEqual(20);
      }
      const sum = cols.reduce((a, c) => a + (magnitude(c.width) ?? 0), 0);
      expect(Math.abs(sum - textWidth(doc))).toBeLessThan(0.01);
    }
  });

  it.each(CASES)('%s (%s): line tables give the description room and the numbers little', (type, lang) => {
    const doc = built(type, lang);
    const lineTables = tablesIn(doc.body.content).filter(isLineTable);
    expect(lineTables.length).toBe(type === 'invoice' ? 2 : 1);
    for (const t of lineTables) {
      const widths = t.tableStyle.tableColumnProperties.map((c) => magnitude(c.width) ?? 0);
      expect(new Set(widths).size).toBeGreaterThan(1);
      // the widest column is the one describing the goods
      const wide = widths.indexOf(Math.max(...widths));
      const described = ['line.description', 'line.specification', 'line.description}}\n{{line.packaging', 'line.code}} {{line.name'].map((f) => columnOf(t, f));
      expect(described).toContain(wide);
      expect(widths[wide]).toBeGreaterThanOrEqual(0.25 * TEMPLATE_TEXT_WIDTH);
      // No. is the narrowest; quantities and money are narrow
      const no = columnOf(t, 'line.no');
      expect(no).toBe(0);
      expect(widths[no]).toBe(Math.min(...widths));
      expect(widths[no]).toBeLessThanOrEqual(30);
      for (const f of ['line.quantity}} {{line.unit', 'line.unitPrice', 'line.amount', 'line.factoryPrice', 'line.factoryAmount', 'line.cartons', 'line.netWeight']) {
        const c = columnOf(t, f);
        if (c >= 0) expect(widths[c]).toBeLessThanOrEqual(widths[wide] / 2);
      }
    }
  });

  it('the quotation has a picture column wide enough for the 60 pt picture and its padding', () => {
    const [t] = tablesIn(built('quotation', 'en').body.content).filter(isLineTable);
    const c = columnOf(t, 'line.image');
    expect(c).toBe(1);
    const width = magnitude(t.tableStyle.tableColumnProperties[c].width) ?? 0;
    const pad = t.tableRows[1].tableCells[c].tableCellStyle;
    expect(width - (magnitude(pad.paddingLeft) ?? 0) - (magnitude(pad.paddingRight) ?? 0)).toBeGreaterThanOrEqual(IMAGE_SIZE_PT);
  });
});

describe('default templates: formatting', () => {
  /** The text style of a cell's first text run. */
  const styleOf = (t: Table, r: number, c: number) => paragraphsOf(t.tableRows[r].tableCells[c].content)[0].elements[0].textRun?.textStyle ?? {};

  it.each(CASES)('%s (%s): header and totals bold, line row plain, all 9 pt, whatever text followed the table', (type, lang) => {
    for (const t of tablesIn(built(type, lang).body.content).filter(isLineTable)) {
      const last = t.tableRows.length - 1;
      for (let c = 0; c < t.columns; c++) {
        expect([c, styleOf(t, 0, c).bold]).toEqual([c, true]);
        expect([c, styleOf(t, 1, c).bold]).toEqual([c, false]);
        expect(magnitude(styleOf(t, 1, c).fontSize)).toBe(9);
        if (cellText(t, last, c)) expect([c, styleOf(t, last, c).bold]).toEqual([c, true]);
      }
      // the header row is shaded
      expect(t.tableRows[0].tableCells[0].tableCellStyle.backgroundColor?.color?.rgbColor).toEqual({ red: 0.92, green: 0.92, blue: 0.92 });
      expect(t.tableRows[1].tableCells[0].tableCellStyle.backgroundColor?.color?.rgbColor).toBeUndefined();
    }
  });

  it.each(CASES)('%s (%s): only the packing list starts a page; no paragraph inherits a page break, heading or spacing', (type, lang) => {
    const all = (content: StructuralElement[]): Paragraph[] => content.flatMap((el) => (el.paragraph ? [el.paragraph] : el.table ? el.table.tableRows.flatMap((r) => r.tableCells.flatMap((c) => all(c.content))) : []));
    const paragraphs = all(built(type, lang).body.content);
    const breaking = paragraphs.filter((p) => p.paragraphStyle.pageBreakBefore === true).map(textOf);
    expect(breaking).toEqual(type === 'invoice' ? [lang === 'zh' ? '装箱单' : 'PACKING LIST'] : []);
    const headings = paragraphs.filter((p) => p.paragraphStyle.namedStyleType === 'HEADING_1').map(textOf);
    expect(headings.length).toBe(type === 'invoice' ? 2 : 1);
    // empty paragraphs (the gaps before tables) are never headings nor spaced
    for (const p of paragraphs.filter((x) => textOf(x) === '')) expect([p.paragraphStyle.namedStyleType, p.paragraphStyle.spaceAbove]).toEqual(['NORMAL_TEXT', undefined]);
  });

  it.each(CASES)('%s (%s): the filled line rows are plain 9 pt text like the template row, in the same column widths', (type, lang) => {
    const template = built(type, lang);
    const { doc } = filled(template, mergeDataFor(type, lang, 3, { docNo: 'DOC-1' }));
    const before = tablesIn(template.body.content).filter(isLineTable);
    const after = tablesIn(doc.body.content).filter((t) => t.tableRows[0].tableRowStyle.tableHeader === true);
    expect(after).toHaveLength(before.length);
    after.forEach((t, i) => {
      expect(t.tableStyle.tableColumnProperties).toEqual(before[i].tableStyle.tableColumnProperties);
      for (let r = 1; r <= 3; r++) {
        for (let c = 0; c < t.columns; c++) {
          for (const p of paragraphsOf(t.tableRows[r].tableCells[c].content)) {
            for (const e of p.elements.filter((x) => x.textRun && x.textRun.content !== '\n')) {
              expect([r, c, e.textRun?.textStyle.bold ?? false, magnitude(e.textRun?.textStyle.fontSize)]).toEqual([r, c, false, 9]);
            }
          }
        }
      }
    });
  });

  it('keeps each template paragraph\'s own formatting in a cell of several paragraphs', () => {
    const source = toApiDocument('t', 't', fromApiDocument(toDocs(makeDoc('x', table([['Item'], ['{{line.name}}\n{{line.code}}']]), 'y')) as never));
    // the name bold and 12 pt, the code as it is
    const nameAt = source.body.content[2].table?.tableRows[1].tableCells[0].content[0].startIndex ?? 0;
    const template = toApiDocument('t', 't', applyRequests(fromApiDocument(source), [
      { updateTextStyle: { range: { startIndex: nameAt, endIndex: nameAt + '{{line.name}}'.length }, textStyle: { bold: true, fontSize: { magnitude: 12, unit: 'PT' } }, fields: 'bold,fontSize' } },
    ]).doc);
    const { doc } = filled(template, mergeDataFor('quotation', 'en', 2));
    const t = tablesIn(doc.body.content)[0];
    for (const r of [1, 2]) {
      const [name, code] = paragraphsOf(t.tableRows[r].tableCells[0].content);
      expect(textOf(name)).toBe(`Item ${r}`);
      expect(name.elements[0].textRun?.textStyle).toMatchObject({ bold: true, fontSize: { magnitude: 12 } });
      expect(textOf(code)).toBe(`P-${r}`);
      expect(code.elements[0].textRun?.textStyle.bold).toBeUndefined();
    }
  });
});

describe('pictures: {{line.image}}', () => {
  /** Three quotation lines; the second product has no picture. */
  function threeLines(): MergeData {
    const products = someProducts(3).map((p, i) => ({ ...p, imageUrl: i === 1 ? '' : `https://img.example.com/P-${i + 1}.jpg` }));
    return mergeDataFor('quotation', 'en', 3, { products, lines: someLines(3) });
  }

  /** The picture cells of the quotation's line rows: their inline objects' source addresses and sizes. */
  function pictures(doc: DocsApiDocument): { uri: string | undefined; size: unknown }[][] {
    const [t] = tablesIn(doc.body.content).filter((x) => x.tableRows[0].tableRowStyle.tableHeader === true);
    return t.tableRows.slice(1, -1).map((row) =>
      paragraphsOf(row.tableCells[1].content).flatMap((p) =>
        p.elements.filter((e) => e.inlineObjectElement).map((e) => {
          const obj = doc.inlineObjects?.[e.inlineObjectElement?.inlineObjectId ?? '']?.inlineObjectProperties?.embeddedObject;
          return { uri: obj?.imageProperties?.sourceUri, size: obj?.size };
        }),
      ),
    );
  }

  it('inserts the picture of each line that has one, 60 × 60 pt, in the picture column; nothing for a line without', () => {
    const data = threeLines();
    const { doc, images, requests } = filled(built('quotation', 'en'), data);
    expect(images).toBe(2);
    expect(requests.filter((r) => 'insertInlineImage' in r)).toHaveLength(2);
    const size = { height: { magnitude: 60, unit: 'PT' }, width: { magnitude: 60, unit: 'PT' } };
    expect(pictures(doc)).toEqual([[{ uri: 'https://img.example.com/P-1.jpg', size }], [], [{ uri: 'https://img.example.com/P-3.jpg', size }]]);
    expect(Object.keys(doc.inlineObjects ?? {})).toHaveLength(2);
    // the address is never printed
    expect(JSON.stringify(doc.body)).not.toContain('img.example.com');
  });

  it('without images writes a "View picture" link to each picture, and still nothing for a line without', () => {
    const { doc, images, requests } = filled(built('quotation', 'zh'), { ...threeLines(), lang: 'zh' }, { images: false });
    expect(images).toBe(0);
    expect(requests.filter((r) => 'insertInlineImage' in r)).toHaveLength(0);
    expect(doc.inlineObjects).toBeUndefined();
    const [t] = tablesIn(doc.body.content).filter((x) => x.tableRows[0].tableRowStyle.tableHeader === true);
    const links = [1, 2, 3].map((r) => paragraphsOf(t.tableRows[r].tableCells[1].content).flatMap((p) => p.elements.filter((e) => e.textRun?.textStyle.link)).map((e) => [e.textRun?.content, e.textRun?.textStyle.link?.url]));
    expect(links).toEqual([[['查看图片', 'https://img.example.com/P-1.jpg']], [], [['查看图片', 'https://img.example.com/P-3.jpg']]]);
    // the link text has the cell's formatting
    expect(magnitude(paragraphsOf(t.tableRows[1].tableCells[1].content)[0].elements[0].textRun?.textStyle.fontSize)).toBe(9);
  });

  it('takes only http(s) addresses as pictures', () => {
    for (const bad of ['', 'C:\\photos\\p1.jpg', 'see catalogue page 4', 'ftp://img.example.com/p.jpg', 'https://img.example.com/a b.jpg', `https://img.example.com/${'x'.repeat(2000)}.jpg`]) {
      expect([bad.slice(0, 40), imageAddress(bad)]).toEqual([bad.slice(0, 40), '']);
    }
    expect(imageAddress(' https://img.example.com/p.jpg?v=2 ')).toBe('https://img.example.com/p.jpg?v=2');
    const products = [aProduct({ code: 'P-1', imageUrl: 'C:\\photos\\p1.jpg' })];
    const { images, doc } = filled(built('quotation', 'en'), mergeDataFor('quotation', 'en', 1, { products }));
    expect(images).toBe(0);
    expect(doc.inlineObjects).toBeUndefined();
  });

  it('puts the picture where it is written in a {{#lines}} block, the text around it kept', () => {
    const template = toApiDocument('t', 't', fromApiDocument(toDocs(makeDoc('Items:', '{{#lines}}', '{{line.no}}. {{line.image}} {{line.name}}', '{{/lines}}', 'End')) as never));
    const data = threeLines();
    const { doc, images } = filled(template, data);
    expect(images).toBe(2);
    const texts = paragraphsOf(doc.body.content).map(textOf);
    expect(texts).toEqual(['Items:', '1. [img] Item 1', '2.  Item 2', '3. [img] Item 3', 'End']);
  });

  it('refuses a format on a picture', () => {
    const template = toDocs(makeDoc('x', table([['Pic'], ['{{line.image|upper}}']]), 'y'));
    expect(planMerge(template, mergeDataFor('quotation', 'en', 1)).report.problems.map((p) => p.code)).toEqual(['FORMAT_NOT_APPLICABLE']);
  });
});
