// The .docx and .pdf exporters read back with mammoth and pdf.js: every text (Chinese included), headings, bold,
// header rows, image placeholders, wrapping and page breaks.
import JSZip from 'jszip';
import { applyRequests } from '../../src/sandbox/docs/edit';
import { emptyDoc, toApiDocument } from '../../src/sandbox/docs/model';
import type { DocsApiDocument } from '../../src/sandbox/docs/api-types';
import { renderDocx } from '../../src/sandbox/export/docx';
import { renderPdf } from '../../src/sandbox/export/pdf';
import { docxText, pdfPages, squash } from './export-test-kit';

const AMOUNT = '壹万贰仟叁佰肆拾伍元陆角';
const LONG = 'This sentence is long enough that it cannot fit on one line of an A4 page with one-inch margins, so the exporter has to wrap it onto a second line.';

/** A quotation: title, heading, bold run, Chinese amount, a wrapped paragraph, an image, a table with a pinned header. */
function quotation(): DocsApiDocument {
  const body = `报价单 Quotation\nCustomer 客户\nTotal: ${AMOUNT}\n${LONG}\nLogo: \nItems`;
  const lines = body.split('\n');
  const start = (n: number) => 1 + lines.slice(0, n).reduce((a, l) => a + l.length + 1, 0);
  const para = (n: number, namedStyleType: string) => ({
    updateParagraphStyle: { range: { startIndex: start(n), endIndex: start(n) + 1 }, paragraphStyle: { namedStyleType }, fields: 'namedStyleType' },
  });
  const totalAt = start(2) + 'Total: '.length;
  let doc = applyRequests(emptyDoc(), [
    { insertText: { location: { index: 1 }, text: body } },
    para(0, 'TITLE'),
    para(1, 'HEADING_1'),
    { updateTextStyle: { range: { startIndex: totalAt, endIndex: totalAt + AMOUNT.length }, textStyle: { bold: true }, fields: 'bold' } },
    { insertInlineImage: { uri: 'https://example.com/logo.png', location: { index: start(4) + 'Logo: '.length } } },
  ]).doc;
  const tableAt = doc.units.length - 1;
  const T = tableAt;
  const C = 3;
  const at = (r: number, c: number) => T + 4 + r * (1 + 2 * C) + 2 * c;
  const cells = [
    ['品名 Description', '数量 Qty', '金额 Amount'],
    ['Widget 小部件', '2', '¥100.00'],
    ['Gadget 装置', '1', '¥50.00'],
  ];
  const fills: unknown[] = [];
  for (let r = cells.length - 1; r >= 0; r--) for (let c = C - 1; c >= 0; c--) fills.push({ insertText: { location: { index: at(r, c) }, text: cells[r][c] } });
  doc = applyRequests(doc, [
    { insertTable: { rows: 3, columns: C, location: { index: T } } },
    { pinTableHeaderRows: { tableStartLocation: { index: T + 1 }, pinnedHeaderRowsCount: 1 } },
    ...fills,
    { insertText: { endOfSegmentLocation: {}, text: 'After the table.' } },
    { insertPageBreak: { endOfSegmentLocation: {} } },
    { insertText: { endOfSegmentLocation: {}, text: 'Terms on page two.' } },
  ]).doc;
  return toApiDocument('1doc', '报价单 Q-001', doc);
}

describe('renderDocx', () => {
  it('keeps every text, Chinese included, readable by mammoth', async () => {
    const text = await docxText(await renderDocx(quotation()));
    for (const s of ['报价单 Quotation', 'Customer 客户', `Total: ${AMOUNT}`, LONG, '品名 Description', 'Widget 小部件', '¥100.00', 'Gadget 装置', 'After the table.', 'Terms on page two.']) {
      expect(text).toContain(s);
    }
    // an image is a placeholder naming its file (the sandbox cannot fetch it)
    expect(text).toContain('[image] logo.png');
  });

  it('writes Word headings, bold runs, bordered tables with a repeating header row, page breaks and A4 pages', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(quotation()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*壹万贰仟/s);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).toMatch(/<w:tcBorders>.*<w:top w:val="single"/s);
    expect(xml).toContain('<w:br w:type="page"/>');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });
});

describe('renderPdf', () => {
  it('embeds Noto Sans SC so Chinese comes back out of the PDF, on A4 pages', () => {
    const pdf = renderPdf(quotation());
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    // the document's own page size (the sandbox's new documents are A4: 595.2756 × 841.8898 pt)
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.2756 841\.8898\]/);
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(2);
    const first = squash(pages[0]);
    for (const s of ['报价单 Quotation', 'Customer 客户', `Total: ${AMOUNT}`, '品名 Description', 'Widget 小部件', '¥100.00', 'After the table.', '[image] logo.png']) {
      expect(first).toContain(squash(s));
    }
    expect(squash(pages[1])).toContain(squash('Terms on page two.'));
    expect(first).not.toContain(squash('Terms on page two.'));
  });

  it('wraps a long paragraph onto several lines', () => {
    const page = pdfPages(renderPdf(quotation()))[0];
    expect(squash(page)).toContain(squash(LONG));
    expect(page).not.toContain(LONG);
  });

  it('is reproducible for the same document and date', () => {
    const date = new Date(Date.UTC(2026, 2, 2));
    expect(renderPdf(quotation(), { creationDate: date }).equals(renderPdf(quotation(), { creationDate: date }))).toBe(true);
  });
});
