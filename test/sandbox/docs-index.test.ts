// Fidelity of the Docs model's index arithmetic: what Documents.get reports after each kind of batchUpdate request.
import { asDoc, bodyTexts, cellText, flatten, kit, tables, type Kit } from './drive-test-kit';
import type { DocsApiDocument } from '../../src/sandbox/docs/api-types';

function newDoc(k: Kit, requests: unknown[] = []): string {
  const id = asDoc(k.Docs.Documents.create({ title: 'T' })).documentId;
  if (requests.length) update(k, id, requests);
  return id;
}

function update(k: Kit, id: string, requests: unknown[]): unknown[] {
  return k.Docs.Documents.batchUpdate({ requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, id).replies ?? [];
}

function get(k: Kit, id: string): DocsApiDocument {
  return asDoc(k.Docs.Documents.get(id));
}

const text = (index: number, t: string) => ({ insertText: { location: { index }, text: t } });

describe('Docs model indexes', () => {
  it('creates an empty document as a section break (0–1) and one empty paragraph (1–2)', () => {
    const k = kit();
    const doc = get(k, newDoc(k));
    expect(doc.body.content).toHaveLength(2);
    expect(doc.body.content[0].startIndex).toBeUndefined();
    expect(doc.body.content[0].endIndex).toBe(1);
    expect(doc.body.content[0].sectionBreak).toBeDefined();
    expect(flatten(doc.body.content)[1]).toEqual({ kind: 'p', start: 1, end: 2, text: '\n' });
  });

  it('counts one index per UTF-16 code unit: Chinese takes one, an emoji two', () => {
    const k = kit();
    const doc = get(k, newDoc(k, [text(1, '报价单😀x')]));
    expect(flatten(doc.body.content)[1]).toEqual({ kind: 'p', start: 1, end: 8, text: '报价单😀x\n' });
  });

  it('splits a paragraph where "\\n" is inserted; both halves keep its named style', () => {
    const k = kit();
    const id = newDoc(k, [
      text(1, 'HelloWorld'),
      { updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { namedStyleType: 'HEADING_2' }, fields: 'namedStyleType' } },
      text(6, '\n'),
    ]);
    const doc = get(k, id);
    expect(flatten(doc.body.content).slice(1)).toEqual([
      { kind: 'p', start: 1, end: 7, text: 'Hello\n' },
      { kind: 'p', start: 7, end: 13, text: 'World\n' },
    ]);
    expect(doc.body.content.slice(1).map((e) => e.paragraph?.paragraphStyle.namedStyleType)).toEqual(['HEADING_2', 'HEADING_2']);
    const ids = doc.body.content.slice(1).map((e) => e.paragraph?.paragraphStyle.headingId);
    expect(new Set(ids).size).toBe(2);
  });

  it('strips control characters the API strips (\\r, NUL) but keeps tabs and vertical tabs', () => {
    const k = kit();
    const doc = get(k, newDoc(k, [text(1, 'a\r\u0000b\tc\u000bd')]));
    expect(bodyTexts(doc)).toEqual(['ab\tc\u000bd\n']);
  });

  it('lays an empty r×c table out as the Docs API does (inserted at 1: a newline first, the table at 2)', () => {
    const k = kit();
    const doc = get(k, newDoc(k, [{ insertTable: { rows: 3, columns: 2, location: { index: 1 } } }]));
    const s = 2;
    const [t] = tables(doc);
    expect(t.startIndex).toBe(s);
    // 1 (table start) + per row 1 + 2 per cell, + 1 (table end).
    expect(t.endIndex).toBe(s + 1 + 3 * (1 + 2 * 2) + 1);
    t.tableRows.forEach((row, r) => {
      expect(row.startIndex).toBe(s + 1 + r * 5);
      expect(row.endIndex).toBe(s + 1 + (r + 1) * 5);
      row.tableCells.forEach((cell, c) => {
        expect(cell.startIndex).toBe(row.startIndex + 1 + 2 * c);
        expect(cell.endIndex).toBe(cell.startIndex + 2);
        expect(cell.content[0].startIndex).toBe(cell.startIndex + 1);
        expect(cell.content[0].paragraph?.elements[0].textRun?.content).toBe('\n');
      });
    });
    expect(flatten(doc.body.content).filter((e) => e.kind === 'p' && e.start < s)).toEqual([{ kind: 'p', start: 1, end: 2, text: '\n' }]);
    const after = doc.body.content[doc.body.content.length - 1];
    expect(after.startIndex).toBe(t.endIndex);
    expect(after.endIndex).toBe(t.endIndex + 1);
  });

  it('matches the Docs guide\'s offsets for a 2×2 table at S (S…S+12, rows S+1…S+6 and S+6…S+11)', () => {
    const k = kit();
    const doc = get(k, newDoc(k, [text(1, 'Intro'), { insertTable: { rows: 2, columns: 2, location: { index: 6 } } }]));
    const [t] = tables(doc);
    const S = t.startIndex;
    expect(S).toBe(7);
    expect([t.startIndex, t.endIndex]).toEqual([S, S + 12]);
    expect(t.tableRows.map((r) => [r.startIndex, r.endIndex])).toEqual([[S + 1, S + 6], [S + 6, S + 11]]);
    expect(t.tableRows[0].tableCells.map((c) => [c.startIndex, c.endIndex])).toEqual([[S + 2, S + 4], [S + 4, S + 6]]);
    expect(t.tableRows[1].tableCells.map((c) => [c.content[0].startIndex, c.content[0].endIndex])).toEqual([[S + 8, S + 9], [S + 10, S + 11]]);
  });

  it('starts new cells as normal text after a heading; the paragraph after the table keeps the heading', () => {
    const k = kit();
    const doc = get(k, newDoc(k, [
      text(1, 'Items'),
      { updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { namedStyleType: 'HEADING_1' }, fields: 'namedStyleType' } },
      { insertTable: { rows: 1, columns: 1, location: { index: 6 } } },
    ]));
    const [t] = tables(doc);
    expect(t.tableRows[0].tableCells[0].content[0].paragraph?.paragraphStyle.namedStyleType).toBe('NORMAL_TEXT');
    const styles = doc.body.content.filter((e) => e.paragraph).map((e) => e.paragraph?.paragraphStyle.namedStyleType);
    expect(styles).toEqual(['HEADING_1', 'HEADING_1']);
  });

  it('inserts a table in the middle of a paragraph after a newline it adds there', () => {
    const k = kit();
    const doc = get(k, newDoc(k, [text(1, 'HelloWorld'), { insertTable: { rows: 1, columns: 1, location: { index: 6 } } }]));
    const [t] = tables(doc);
    expect(t.startIndex).toBe(7);
    expect(bodyTexts(doc)).toEqual(['Hello\n', 'World\n']);
    expect(doc.body.content[doc.body.content.length - 1].startIndex).toBe(t.endIndex);
  });

  it('inserts a table at the end of the body (endOfSegmentLocation) before the final paragraph', () => {
    const k = kit();
    const doc = get(k, newDoc(k, [text(1, 'abc'), { insertTable: { rows: 1, columns: 2, endOfSegmentLocation: {} } }]));
    const [t] = tables(doc);
    expect(t.startIndex).toBe(5);
    expect(bodyTexts(doc)).toEqual(['abc\n', '\n']);
    expect(doc.body.content[doc.body.content.length - 1].startIndex).toBe(t.endIndex);
  });

  it('fills cells at their paragraph indexes, last cell first, each request seeing the previous ones', () => {
    const k = kit();
    const T = 1;
    const C = 3;
    const at = (r: number, c: number) => T + 4 + r * (1 + 2 * C) + 2 * c;
    const fills: unknown[] = [];
    for (let r = 1; r >= 0; r--) for (let c = C - 1; c >= 0; c--) fills.push(text(at(r, c), `r${r}c${c}`));
    const doc = get(k, newDoc(k, [{ insertTable: { rows: 2, columns: C, location: { index: T } } }, ...fills]));
    const [t] = tables(doc);
    for (let r = 0; r < 2; r++) for (let c = 0; c < C; c++) expect(cellText(t, r, c)).toBe(`r${r}c${c}\n`);
    expect(t.endIndex).toBe(T + 1 + 1 + 2 * (1 + 2 * C) + 1 + 6 * 4);
  });

  it('inserts a table row below: 1 + 2c more indexes, empty cells that keep the reference row\'s styles', () => {
    const k = kit();
    const id = newDoc(k, [
      { insertTable: { rows: 2, columns: 2, location: { index: 1 } } },
      text(5, 'H1'),
      { updateTextStyle: { range: { startIndex: 5, endIndex: 7 }, textStyle: { bold: true }, fields: 'bold' } },
      { updateParagraphStyle: { range: { startIndex: 5, endIndex: 6 }, paragraphStyle: { alignment: 'CENTER' }, fields: 'alignment' } },
      { updateTableCellStyle: { tableStartLocation: { index: 2 }, tableCellStyle: { backgroundColor: { color: { rgbColor: { red: 0.9 } } } }, fields: 'backgroundColor' } },
    ]);
    const before = tables(get(k, id))[0];
    update(k, id, [{ insertTableRow: { tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 0, columnIndex: 0 }, insertBelow: true } }]);
    const t = tables(get(k, id))[0];
    expect(t.rows).toBe(3);
    expect(t.endIndex).toBe(before.endIndex + 1 + 2 * 2);
    const row = t.tableRows[1];
    expect(row.startIndex).toBe(before.tableRows[0].endIndex);
    expect(row.endIndex - row.startIndex).toBe(1 + 2 * 2);
    const cell = row.tableCells[0];
    expect(cellText(t, 1, 0)).toBe('\n');
    expect(cell.content[0].paragraph?.elements[0].textRun?.textStyle.bold).toBe(true);
    expect(cell.content[0].paragraph?.paragraphStyle.alignment).toBe('CENTER');
    expect(cell.tableCellStyle.backgroundColor).toEqual({ color: { rgbColor: { red: 0.9 } } });
    expect(t.tableRows[2].startIndex).toBe(row.endIndex);
  });

  it('inserts a table row above row 0 and deletes a row', () => {
    const k = kit();
    const id = newDoc(k, [{ insertTable: { rows: 2, columns: 1, location: { index: 1 } } }, text(5, 'first')]);
    update(k, id, [{ insertTableRow: { tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 0 }, insertBelow: false } }]);
    let t = tables(get(k, id))[0];
    expect([cellText(t, 0, 0), cellText(t, 1, 0)]).toEqual(['\n', 'first\n']);
    update(k, id, [{ deleteTableRow: { tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 1 } } }]);
    t = tables(get(k, id))[0];
    expect(t.rows).toBe(2);
    expect(t.endIndex).toBe(2 + 1 + 2 * 3 + 1);
    expect(t.tableRows.map((_r, i) => cellText(t, i, 0))).toEqual(['\n', '\n']);
  });

  it('pins header rows as tableRowStyle.tableHeader; rows inserted below the header are not headers', () => {
    const k = kit();
    const id = newDoc(k, [
      { insertTable: { rows: 3, columns: 2, location: { index: 1 } } },
      { pinTableHeaderRows: { tableStartLocation: { index: 2 }, pinnedHeaderRowsCount: 1 } },
      { insertTableRow: { tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 0 }, insertBelow: true } },
      { insertTableRow: { tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 0 }, insertBelow: false } },
    ]);
    const t = tables(get(k, id))[0];
    expect(t.tableRows.map((r) => r.tableRowStyle.tableHeader === true)).toEqual([true, true, false, false, false]);
    update(k, id, [{ pinTableHeaderRows: { tableStartLocation: { index: 2 }, pinnedHeaderRowsCount: 0 } }]);
    expect(tables(get(k, id))[0].tableRows.some((r) => r.tableRowStyle.tableHeader)).toBe(false);
  });

  it('deletes across paragraphs by merging them; the surviving newline keeps its paragraph style', () => {
    const k = kit();
    const id = newDoc(k, [
      text(1, 'ab\ncd'),
      { updateParagraphStyle: { range: { startIndex: 4, endIndex: 5 }, paragraphStyle: { alignment: 'END' }, fields: 'alignment' } },
      { deleteContentRange: { range: { startIndex: 2, endIndex: 5 } } },
    ]);
    const doc = get(k, id);
    expect(flatten(doc.body.content).slice(1)).toEqual([{ kind: 'p', start: 1, end: 4, text: 'ad\n' }]);
    expect(doc.body.content[1].paragraph?.paragraphStyle.alignment).toBe('END');
  });

  it('deletes a whole table with [startIndex, endIndex) and restores the indexes after it', () => {
    const k = kit();
    const id = newDoc(k, [text(1, 'x'), { insertTable: { rows: 2, columns: 2, endOfSegmentLocation: {} } }]);
    const t = tables(get(k, id))[0];
    update(k, id, [{ deleteContentRange: { range: { startIndex: t.startIndex, endIndex: t.endIndex } } }]);
    expect(flatten(get(k, id).body.content).slice(1)).toEqual([
      { kind: 'p', start: 1, end: 3, text: 'x\n' },
      { kind: 'p', start: 3, end: 4, text: '\n' },
    ]);
  });

  it('replaces every occurrence in body and cells, case-insensitively unless matchCase, shifting later indexes', () => {
    const k = kit();
    const id = newDoc(k, [text(1, '{{Name}} and {{name}}\n'), { insertTable: { rows: 1, columns: 1, endOfSegmentLocation: {} } }]);
    const t0 = tables(get(k, id))[0];
    update(k, id, [text(t0.tableRows[0].tableCells[0].startIndex + 1, '{{NAME}}')]);
    const replies = update(k, id, [
      { replaceAllText: { containsText: { text: '{{name}}', matchCase: false }, replaceText: '张三' } },
      { replaceAllText: { containsText: { text: 'and', matchCase: true }, replaceText: 'AND' } },
      { replaceAllText: { containsText: { text: 'missing', matchCase: true }, replaceText: 'x' } },
    ]);
    expect(replies).toEqual([{ replaceAllText: { occurrencesChanged: 3 } }, { replaceAllText: { occurrencesChanged: 1 } }, { replaceAllText: { occurrencesChanged: 0 } }]);
    const doc = get(k, id);
    expect(bodyTexts(doc)[0]).toBe('张三 AND 张三\n');
    const t = tables(doc)[0];
    expect(cellText(t, 0, 0)).toBe('张三\n');
    // Two body occurrences before the table (8 → 2 units each) move it by −12; its cell gained "张三" (2 units).
    expect(t.startIndex).toBe(t0.startIndex - 12);
    expect(t.endIndex).toBe(t0.endIndex - 12 + 2);
  });

  it('gives replaced text the style of the first replaced character, and turns "\\n" in the replacement into paragraphs', () => {
    const k = kit();
    const id = newDoc(k, [
      text(1, 'Total: {{amount}}.'),
      { updateTextStyle: { range: { startIndex: 8, endIndex: 18 }, textStyle: { bold: true }, fields: 'bold' } },
      { replaceAllText: { containsText: { text: '{{amount}}', matchCase: true }, replaceText: '壹万贰仟叁佰肆拾伍元陆角' } },
      { replaceAllText: { containsText: { text: 'Total: ', matchCase: true }, replaceText: 'Line 1\nTotal: ' } },
    ]);
    const doc = get(k, id);
    expect(bodyTexts(doc)).toEqual(['Line 1\n', 'Total: 壹万贰仟叁佰肆拾伍元陆角.\n']);
    const runs = doc.body.content[2].paragraph?.elements ?? [];
    expect(runs.map((r) => [r.textRun?.content, r.textRun?.textStyle.bold ?? false])).toEqual([
      ['Total: ', false],
      ['壹万贰仟叁佰肆拾伍元陆角', true],
      ['.\n', false],
    ]);
    expect(runs[1].startIndex).toBe(15);
    expect(runs[1].endIndex).toBe(27);
  });

  it('does not match across cells or across the structure of a table', () => {
    const k = kit();
    const id = newDoc(k, [{ insertTable: { rows: 1, columns: 2, location: { index: 1 } } }, text(7, 'b'), text(5, 'a')]);
    const replies = update(k, id, [{ replaceAllText: { containsText: { text: 'a\nb', matchCase: true }, replaceText: 'x' } }]);
    expect(replies).toEqual([{ replaceAllText: { occurrencesChanged: 0 } }]);
  });

  it('styles runs with updateTextStyle: splits runs, and a field listed but not given is cleared', () => {
    const k = kit();
    const id = newDoc(k, [
      text(1, 'abcdef'),
      { updateTextStyle: { range: { startIndex: 2, endIndex: 5 }, textStyle: { bold: true, fontSize: { magnitude: 14, unit: 'PT' } }, fields: 'bold,fontSize' } },
      { updateTextStyle: { range: { startIndex: 3, endIndex: 4 }, textStyle: {}, fields: 'bold' } },
    ]);
    const els = get(k, id).body.content[1].paragraph?.elements ?? [];
    expect(els.map((e) => [e.startIndex, e.endIndex, e.textRun?.content, e.textRun?.textStyle])).toEqual([
      [1, 2, 'a', {}],
      [2, 3, 'b', { bold: true, fontSize: { magnitude: 14, unit: 'PT' } }],
      [3, 4, 'c', { fontSize: { magnitude: 14, unit: 'PT' } }],
      [4, 5, 'd', { bold: true, fontSize: { magnitude: 14, unit: 'PT' } }],
      [5, 8, 'ef\n', {}],
    ]);
  });

  it('applies paragraph styles to every paragraph the range touches', () => {
    const k = kit();
    const id = newDoc(k, [
      text(1, 'Title\nBody\nMore'),
      { updateParagraphStyle: { range: { startIndex: 3, endIndex: 8 }, paragraphStyle: { namedStyleType: 'TITLE', alignment: 'CENTER' }, fields: 'namedStyleType,alignment' } },
    ]);
    const styles = get(k, id).body.content.slice(1).map((e) => [e.paragraph?.paragraphStyle.namedStyleType, e.paragraph?.paragraphStyle.alignment]);
    expect(styles).toEqual([['TITLE', 'CENTER'], ['TITLE', 'CENTER'], ['NORMAL_TEXT', undefined]]);
  });

  it('stores column widths from updateTableColumnProperties', () => {
    const k = kit();
    const id = newDoc(k, [
      { insertTable: { rows: 1, columns: 3, location: { index: 1 } } },
      { updateTableColumnProperties: { tableStartLocation: { index: 2 }, columnIndices: [0, 2], tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: 60, unit: 'PT' } }, fields: 'width,widthType' } },
    ]);
    expect(tables(get(k, id))[0].tableStyle.tableColumnProperties).toEqual([
      { widthType: 'FIXED_WIDTH', width: { magnitude: 60, unit: 'PT' } },
      { widthType: 'EVENLY_DISTRIBUTED' },
      { widthType: 'FIXED_WIDTH', width: { magnitude: 60, unit: 'PT' } },
    ]);
  });

  it('inserts an inline image as one index with an inline object holding the URI', () => {
    const k = kit();
    const id = newDoc(k, [text(1, 'ab')]);
    const replies = update(k, id, [{ insertInlineImage: { uri: 'https://example.com/logo.png', location: { index: 2 } } }]);
    const objectId = (replies[0] as { insertInlineImage: { objectId: string } }).insertInlineImage.objectId;
    const doc = get(k, id);
    const els = doc.body.content[1].paragraph?.elements ?? [];
    expect(els.map((e) => [e.startIndex, e.endIndex, e.inlineObjectElement?.inlineObjectId ?? e.textRun?.content])).toEqual([
      [1, 2, 'a'],
      [2, 3, objectId],
      [3, 5, 'b\n'],
    ]);
    expect(doc.inlineObjects?.[objectId]?.inlineObjectProperties?.embeddedObject?.imageProperties?.sourceUri).toBe('https://example.com/logo.png');
  });

  it('inserts a page break followed by a newline (two indexes)', () => {
    const k = kit();
    const doc = get(k, newDoc(k, [text(1, 'ab'), { insertPageBreak: { location: { index: 2 } } }]));
    expect(flatten(doc.body.content).slice(1)).toEqual([
      { kind: 'p', start: 1, end: 4, text: 'a\n' },
      { kind: 'p', start: 4, end: 6, text: 'b\n' },
    ]);
    expect(doc.body.content[1].paragraph?.elements[1].pageBreak).toBeDefined();
  });

  it('moves an insertion out of the middle of a surrogate pair', () => {
    const k = kit();
    const doc = get(k, newDoc(k, [text(1, '😀'), text(2, 'x')]));
    expect(bodyTexts(doc)).toEqual(['😀x\n']);
  });
});
