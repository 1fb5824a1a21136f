// A 300-row table over many PDF pages: its pinned header row repeats at the top of every page, no row is lost or
// drawn twice, and cell text wraps inside its column.
import { applyRequests } from '../../src/sandbox/docs/edit';
import { emptyDoc, toApiDocument } from '../../src/sandbox/docs/model';
import type { DocsApiDocument } from '../../src/sandbox/docs/api-types';
import { renderPdf } from '../../src/sandbox/export/pdf';
import { renderDocx } from '../../src/sandbox/export/docx';
import JSZip from 'jszip';
import { docxText, pdfPages, squash } from './export-test-kit';

const HEADER = ['品名 Description', '数量 Qty', '金额 Amount'];
const ROWS = 300;

function ledger(pinned: number): DocsApiDocument {
  const C = HEADER.length;
  const T = 1 + 'Order items'.length;
  const at = (r: number, c: number) => T + 4 + r * (1 + 2 * C) + 2 * c;
  const fills: unknown[] = [];
  for (let r = ROWS; r >= 0; r--) {
    for (let c = C - 1; c >= 0; c--) {
      const text = r === 0 ? HEADER[c] : [`Item ${r} 货品`, String(r), `¥${(r * 10).toFixed(2)}`][c];
      fills.push({ insertText: { location: { index: at(r, c) }, text } });
    }
  }
  const doc = applyRequests(emptyDoc(), [
    { insertText: { location: { index: 1 }, text: 'Order items' } },
    { insertTable: { rows: ROWS + 1, columns: C, location: { index: T } } },
    { pinTableHeaderRows: { tableStartLocation: { index: T + 1 }, pinnedHeaderRowsCount: pinned } },
    { updateTableColumnProperties: { tableStartLocation: { index: T + 1 }, columnIndices: [1], tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: 60, unit: 'PT' } }, fields: 'width,widthType' } },
    ...fills,
  ]).doc;
  return toApiDocument('1ledger', 'Ledger', doc);
}

describe('a table longer than a page', () => {
  const pages = pdfPages(renderPdf(ledger(1))).map(squash);

  it('runs over several pages and repeats the pinned header row at the top of each', () => {
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages) {
      expect(p.split(squash(HEADER[0])).length - 1).toBe(1);
      expect(p.indexOf(squash(HEADER[0]))).toBeLessThan(p.indexOf('Item'));
    }
  });

  it('draws every row exactly once, in order', () => {
    const all = pages.join('');
    let last = -1;
    for (let r = 1; r <= ROWS; r++) {
      const hits = all.match(new RegExp(`Item${r}货品`, 'g')) ?? [];
      expect(hits).toHaveLength(1);
      const at = all.indexOf(`Item${r}货品`);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
    expect(pages[pages.length - 1]).toContain('Item300货品');
  });

  it('does not repeat a header that was not pinned', () => {
    const plain = pdfPages(renderPdf(ledger(0))).map(squash);
    expect(plain.filter((p) => p.includes(squash(HEADER[0])))).toHaveLength(1);
  });

  it('marks the header row to repeat in the .docx too', async () => {
    const docx = await renderDocx(ledger(1));
    const text = await docxText(docx);
    expect(text).toContain('Item 300 货品');
    expect(text.split('品名 Description').length - 1).toBe(1);
    const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
    const rows = xml.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(ROWS + 1);
    expect(rows.map((r) => r.includes('<w:tblHeader/>'))).toEqual(rows.map((_r, i) => i === 0));
  });
});

describe('pictures and column widths in a table', () => {
  /** A one-column-of-pictures table of `rows` rows: each row a 60 pt picture (or, without, one line of text). */
  function pictureTable(rows: number, withPictures: boolean): DocsApiDocument {
    const T = 1;
    const C = 2;
    const at = (r: number, c: number) => T + 4 + r * (1 + 2 * C) + 2 * c;
    const fills: unknown[] = [];
    for (let r = rows - 1; r >= 0; r--) {
      fills.push({ insertText: { location: { index: at(r, 1) }, text: `Row ${r + 1}` } });
      if (withPictures) {
        fills.push({
          insertInlineImage: {
            location: { index: at(r, 0) },
            uri: `https://img.example.com/products/P-${r + 1}.jpg`,
            objectSize: { height: { magnitude: 60, unit: 'PT' }, width: { magnitude: 60, unit: 'PT' } },
          },
        });
      }
    }
    const doc = applyRequests(emptyDoc(), [{ insertTable: { rows, columns: C, location: { index: T } } }, ...fills]).doc;
    return toApiDocument('pics', 'Pictures', doc);
  }

  it('gives each picture its own 60 pt of height: 12 picture rows need two A4 pages, 12 text rows one', () => {
    const withPictures = pdfPages(renderPdf(pictureTable(12, true)));
    expect(withPictures).toHaveLength(2);
    expect(pdfPages(renderPdf(pictureTable(12, false)))).toHaveLength(1);
    // the placeholder names the picture's file, never its whole address
    const all = squash(withPictures.join('\n'));
    for (let r = 1; r <= 12; r++) expect(all).toContain(squash(`[image] P-${r}.jpg`));
    expect(all).not.toContain('img.example.com');
  });

  it('wraps text in the column width it is given', () => {
    const long = 'word '.repeat(40).trim();
    const doc = (w: number) => {
      const base = applyRequests(emptyDoc(), [
        { insertTable: { rows: 1, columns: 2, location: { index: 1 } } },
        { updateTableColumnProperties: { tableStartLocation: { index: 2 }, columnIndices: [0], tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: w, unit: 'PT' } }, fields: 'width,widthType' } },
        { insertText: { location: { index: 5 }, text: long } },
      ]).doc;
      return toApiDocument('w', 'w', base);
    };
    const lines = (w: number) => pdfPages(renderPdf(doc(w)))[0].split('\n').filter((l) => l.includes('word')).length;
    // a narrow column takes many more lines than a wide one
    expect(lines(60)).toBeGreaterThan(3 * lines(360));
  });
});
