// What makes a big fill cheap must not change what a batchUpdate does: the gap buffer behaves as an array, a table
// laid out up to a row agrees with the whole layout, replaceAllText's remembered text stays true across requests,
// and PDFs made one after another (sharing the parsed fonts) each hold their own text.
import fc from 'fast-check';
import { UnitBuffer } from '../../src/sandbox/docs/unit-buffer';
import { applyRequests } from '../../src/sandbox/docs/edit';
import { EMPTY_STYLE, emptyDoc, plainText, tableLayout, toApiDocument, type Unit } from '../../src/sandbox/docs/model';
import { renderPdf } from '../../src/sandbox/export/pdf';
import { pdfPages, squash } from './export-test-kit';

const ch = (c: string): Unit => ({ k: 'ch', c, s: EMPTY_STYLE });

describe('the unit buffer', () => {
  it('gives the same units as array splices, whatever the edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(5), fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 40 })), { maxLength: 60 }),
        fc.array(fc.constantFrom('x', 'y'), { maxLength: 30 }),
        (edits, start) => {
          const plain = start.map(ch);
          const buf = new UnitBuffer(plain);
          for (const [at, del, text] of edits) {
            const i = plain.length ? at % (plain.length + 1) : 0;
            const items = text.map(ch);
            plain.splice(i, del, ...items);
            buf.splice(i, del, items);
            expect(buf.length).toBe(plain.length);
          }
          expect(buf.toArray().map((u) => (u.k === 'ch' ? u.c : u.k))).toEqual(plain.map((u) => (u.k === 'ch' ? u.c : u.k)));
          for (let i = 0; i < plain.length; i++) expect(buf.get(i)).toBe(plain[i]);
        },
      ),
    );
  });

  it('grows past its first gap', () => {
    const buf = new UnitBuffer([]);
    for (let n = 0; n < 5000; n++) buf.splice(n % 7 === 0 ? 0 : buf.length, 0, [ch(String(n % 10))]);
    expect(buf.length).toBe(5000);
    expect(buf.toArray().filter((u) => u.k === 'ch' && u.c === '0')).toHaveLength(500);
  });
});

describe('a table laid out up to a row', () => {
  const doc = applyRequests(emptyDoc(), [{ insertTable: { rows: 6, columns: 3, location: { index: 1 } } }]).doc;
  const ts = doc.units.findIndex((u) => u.k === 'ts');

  it('has the first rows of the whole layout and says it is not complete', () => {
    const all = tableLayout(doc.units, ts);
    const part = tableLayout(doc.units, ts, 2);
    expect(all.complete).toBe(true);
    expect(all.rows).toHaveLength(6);
    expect(part.complete).toBe(false);
    expect(part.rows).toEqual(all.rows.slice(0, 3));
    expect(tableLayout(doc.units, ts, 5)).toEqual(all);
  });

  it('still names the real row count of an index out of bounds', () => {
    expect(() => applyRequests(doc, [{ insertTableRow: { tableCellLocation: { tableStartLocation: { index: ts }, rowIndex: 9, columnIndex: 0 } } }])).toThrow(
      'Row index 9 is out of bounds for a table with 6 rows.',
    );
  });
});

describe('replaceAllText over several requests', () => {
  const text = (requests: unknown[]) => plainText(applyRequests(emptyDoc(), [{ insertText: { location: { index: 1 }, text: 'Dear {{A}}, see {{b}}.\n{{A}} again' } }, ...requests]).doc.units);

  it('finds text an earlier replacement wrote, in either case mode', () => {
    expect(
      text([
        { replaceAllText: { containsText: { text: '{{A}}', matchCase: true }, replaceText: 'Ms {{B}}' } },
        { replaceAllText: { containsText: { text: '{{b}}', matchCase: false }, replaceText: 'Lee' } },
      ]),
    ).toBe('Dear Ms Lee, see Lee.\nMs Lee again\n');
  });

  it('sees what other requests inserted between two replacements', () => {
    expect(
      text([
        { replaceAllText: { containsText: { text: '{{A}}', matchCase: true }, replaceText: 'Ann' } },
        { insertText: { location: { index: 1 }, text: '{{b}} ' } },
        { replaceAllText: { containsText: { text: '{{B}}', matchCase: false }, replaceText: 'x' } },
        { replaceAllText: { containsText: { text: 'ANN', matchCase: true }, replaceText: 'no' } },
      ]),
    ).toBe('x Dear Ann, see x.\nAnn again\n');
  });
});

describe('PDFs one after another', () => {
  function cellDoc(words: string[]) {
    const at = (r: number) => 5 + r * 3; // a one-column table inserted at 1: sb, nl, ts, then rs cs nl per row
    const fills = words.map((_w, r) => r).reverse().map((r) => ({ insertText: { location: { index: at(r) }, text: words[r] } }));
    const doc = applyRequests(emptyDoc(), [{ insertTable: { rows: words.length, columns: 1, location: { index: 1 } } }, ...fills]).doc;
    return toApiDocument('1x', 'x', doc);
  }

  it('each hold their own text, Chinese included, right-aligned cells too', () => {
    const first = pdfPages(renderPdf(cellDoc(['Alpha 一号', '12.50']))).map(squash).join('');
    const aligned = cellDoc(['Beta 二号', '1,234.00']);
    const cell = aligned.body.content.find((e) => e.table)!.table!.tableRows[1].tableCells[0].content[0].paragraph!;
    cell.paragraphStyle = { ...cell.paragraphStyle, alignment: 'END' };
    const second = pdfPages(renderPdf(aligned)).map(squash).join('');
    expect(first).toContain('Alpha一号');
    expect(first).not.toContain('Beta');
    expect(second).toContain('Beta二号');
    expect(second).toContain('1,234.00');
  });
});
