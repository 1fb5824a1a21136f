// Product pictures and page layout through the real bundle: the default quotation shows each line's picture (the
// product's Image URL) as an inline image in its Picture column; a picture Google cannot fetch fails the whole Docs
// batch, and the document is then made with "View picture" links instead — one more batchUpdate — and the user is
// told; a 20-line quotation with long descriptions fits several lines on a page.
import type { Sandbox } from '../../src/sandbox/runtime';
import type { DriveFileRecord } from '../../src/sandbox/drive/model';
import { toApiDocument } from '../../src/sandbox/docs/model';
import type { DocsApiDocument, StructuralElement } from '../../src/sandbox/docs/api-types';
import { anOrder, docsWorkbook, fileNamed, generateFor, lastStep, linesFor, orderRow, outputs, pdfOf, SAMPLE, squash } from './documents-fixtures';
import { cell, ref, sheet } from './helpers';

const UNREACHABLE = 'https://pictures.invalid/DH-2301.jpg';

/** The sample products' picture addresses, by code. */
const PICTURES = new Map((SAMPLE.products ?? []).map((p) => [String(p.code), typeof p.imageUrl === 'string' ? p.imageUrl : '']));

/** The quotation's line table: per line row, the picture cell's images (their sources) and its links. */
function pictureCells(doc: DocsApiDocument): { images: string[]; links: [string, string][] }[] {
  const table = doc.body.content.find((el) => el.table?.tableRows[0].tableRowStyle.tableHeader === true)?.table;
  if (!table) throw new Error('no line table');
  const paragraphs = (content: StructuralElement[]) => content.flatMap((el) => (el.paragraph ? [el.paragraph] : []));
  return table.tableRows.slice(1, -1).map((row) => {
    const elements = paragraphs(row.tableCells[1].content).flatMap((p) => p.elements);
    return {
      images: elements.flatMap((e) => {
        const id = e.inlineObjectElement?.inlineObjectId;
        return id ? [doc.inlineObjects?.[id]?.inlineObjectProperties?.embeddedObject?.imageProperties?.sourceUri ?? '?'] : [];
      }),
      links: elements.flatMap((e): [string, string][] => (e.textRun?.textStyle.link?.url ? [[e.textRun.content, e.textRun.textStyle.link.url]] : [])),
    };
  });
}

const asApi = (f: DriveFileRecord): DocsApiDocument => {
  if (!f.doc) throw new Error(`${f.name} is not a Doc`);
  return toApiDocument(f.id, f.name, f.doc);
};

/** A workbook with one order of `count` lines (sample products in turn), optionally a product's picture replaced. */
/**
 * A workbook with one order of `count` lines (sample products in turn), optionally a product's picture replaced,
 * and its quotation generated — by a colleague whose Google account is in Chinese when `colleagueLocale` is given.
 */
function quotationOf(no: string, count: number, opts: { picture?: [string, string]; colleagueLocale?: string; lines?: Record<string, unknown>[] } = {}): Sandbox {
  const sb = docsWorkbook({ orders: [anOrder(no)], lines: opts.lines ?? linesFor(no, count) });
  if (opts.picture) {
    // The user types the new address into the product's picture cell.
    const products = sheet(sb, 'Products');
    let row = 2;
    while (row <= products.lastRow() && cell(products, row, 'Product code') !== opts.picture[0]) row++;
    sb.edit(ref(products, row, 'Image URL'), opts.picture[1]);
  }
  if (opts.colleagueLocale) {
    const colleague = 'wang.fang@example.com';
    sb.env.user(colleague, opts.colleagueLocale);
    sb.select(`Orders!A${orderRow(sb, no)}`, colleague);
    sb.click('menuGenerateQuotation', colleague);
  } else generateFor(sb, 'menuGenerateQuotation', [no]);
  return sb;
}

describe('Product pictures in the quotation', () => {
  const no = 'SO-2026-0301';
  const sb = quotationOf(no, 4);
  const codes = linesFor(no, 4).map((l) => String(l.productCode));
  const step = lastStep(sb);

  it('puts each line\'s picture into its Picture cell as an image, and nothing where the product has none', () => {
    const doc = asApi(outputs(sb).docs[0]);
    const expected = codes.map((c) => (PICTURES.get(c) ? [PICTURES.get(c)] : []));
    expect(expected.flat().length).toBeGreaterThan(1);
    expect(expected.some((e) => e.length === 0)).toBe(true);
    expect(pictureCells(doc).map((c) => c.images)).toEqual(expected);
    expect(pictureCells(doc).every((c) => c.links.length === 0)).toBe(true);
    for (const obj of Object.values(doc.inlineObjects ?? {})) {
      expect(obj.inlineObjectProperties?.embeddedObject?.size).toEqual({ height: { magnitude: 60, unit: 'PT' }, width: { magnitude: 60, unit: 'PT' } });
    }
  });

  it('in one batchUpdate, with no message', () => {
    expect(step.byMethod['Docs:Documents.batchUpdate']).toBe(1);
    expect(sb.env.uiEvents.filter((u) => u.kind === 'alert')).toEqual([]);
  });

  it('the PDF shows a picture box where the picture goes, never the address as text', () => {
    const pages = pdfOf(fileNamed(sb, `${cell(sheet(sb, 'Orders'), orderRow(sb, no), 'Quote no.')} Pacific Home Supply Inc..pdf`.replace(/\.\.pdf$/, '.pdf')));
    const text = squash(pages.join('\n'));
    expect(text).toContain(squash('[image] DH-2301.jpg'));
    expect(text).not.toContain('images.example.com');
  });

  describe('a picture Google cannot fetch', () => {
    const bad = quotationOf('SO-2026-0302', 4, { picture: ['DH-2301', UNREACHABLE] });
    const badStep = lastStep(bad);

    it('still makes the document, with "View picture" links to every picture instead of images', () => {
      const row = orderRow(bad, 'SO-2026-0302');
      expect(cell(sheet(bad, 'Orders'), row, 'Quote no.')).toBe('QT-2026-0001');
      expect(cell(sheet(bad, 'Orders'), row, 'Stage')).toBe('Quoted');
      const { docs, pdfs } = outputs(bad);
      expect([docs.length, pdfs.length]).toEqual([1, 1]);
      const doc = asApi(docs[0]);
      expect(doc.inlineObjects).toBeUndefined();
      const expected = codes.map((c, i): [string, string][] => {
        const uri = i === 0 ? UNREACHABLE : PICTURES.get(c);
        return uri ? [['View picture', uri]] : [];
      });
      expect(pictureCells(doc).map((c) => c.links)).toEqual(expected);
      expect(JSON.stringify(doc.body)).not.toContain('{{');
    });

    it('costs exactly one more batchUpdate (and the alert that tells the user)', () => {
      expect(badStep.byMethod['Docs:Documents.batchUpdate']).toBe(2);
      expect(badStep.total - step.total).toBe(2);
      const more = Object.keys({ ...badStep.byMethod, ...step.byMethod }).filter((k) => (badStep.byMethod[k] ?? 0) !== (step.byMethod[k] ?? 0));
      // getUi only hands out the Ui object (a handle call, no round trip)
      expect(more.sort()).toEqual(['Docs:Documents.batchUpdate', 'SpreadsheetApp:SpreadsheetApp.getUi', 'SpreadsheetApp:Ui.alert']);
      expect(badStep.byMethod['SpreadsheetApp:Ui.alert']).toBe(1);
    });

    it('tells the user which document has links instead of pictures, and why', () => {
      const alert = bad.env.uiEvents.filter((u) => u.kind === 'alert').pop();
      expect(alert?.title).toBe('Quotation: Pictures not shown');
      expect(alert?.message).toContain('QT-2026-0001: Google Docs could not fetch a product picture');
      expect(alert?.message).toContain('Image URL');
    });

    it('in Chinese for a colleague who works in Chinese', () => {
      const zh = quotationOf('SO-2026-0303', 2, { picture: ['DH-2301', UNREACHABLE], colleagueLocale: 'zh-CN' });
      const alert = zh.env.uiEvents.filter((u) => u.kind === 'alert').pop();
      expect(alert?.title).toBe('报价单: 图片未显示');
      expect(alert?.message).toContain('QT-2026-0001：Google 文档无法获取某张产品图片');
      // the colleague's own default quotation template is built first (drive.file: each user's own), then the two fills
      expect(lastStep(zh).byMethod['Docs:Documents.batchUpdate']).toBe(3);
    });
  });
});

describe('A 20-line quotation with long descriptions', () => {
  const LONG = 'heavy-duty concealed hinge with soft-close damper, three-way adjustable (height, depth, side), suitable for 16-22 mm doors, tested to 50,000 open and close cycles, packed with screws and a mounting plate';
  const no = 'SO-2026-0320';
  const lines = linesFor(no, 20).map((l, i) => ({ ...l, description: `Item ${i + 1} of 20: ${LONG}` }));
  const sb = quotationOf(no, 20, { lines });
  const pages = pdfOf(outputs(sb).pdfs[0]);
  const perPage = pages.map((p) => [...squash(p).matchAll(/Item(\d+)of20:/g)].map((m) => Number(m[1])));

  it('fits several lines on a page: far fewer pages than lines', () => {
    console.log(`20-line quotation, long descriptions: ${pages.length} pages, lines per page ${perPage.map((p) => p.length).join('/')}`);
    expect(pages.length).toBeLessThanOrEqual(6);
    expect(perPage.flat()).toEqual(Array.from({ length: 20 }, (_v, i) => i + 1));
    // every page the table runs over (but the last, which may end with a line or two) holds at least three lines
    const tablePages = perPage.filter((p) => p.length > 0);
    for (const p of tablePages.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(3);
  });

  it('costs the same service calls as a one-line quotation', () => {
    const one = quotationOf('SO-2026-0321', 1);
    expect(lastStep(sb).total).toBe(lastStep(one).total);
  });
});
