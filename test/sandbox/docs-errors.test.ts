// The Docs fake refuses what the Docs API refuses, with its messages, and applies nothing from a failed batch.
import { asDoc, bodyTexts, errorOf, kit, tables, type Kit } from './drive-test-kit';
import { unreachableImageUri } from '../../src/sandbox/docs/edit';

const PREFIX = 'GoogleJsonResponseException: API call to docs.documents.batchUpdate failed with error: ';

function setup(k: Kit, requests: unknown[]): string {
  const id = asDoc(k.Docs.Documents.create({ title: 'T' })).documentId;
  if (requests.length) batch(k, id, requests);
  return id;
}

function batch(k: Kit, id: string, requests: unknown[]): unknown {
  return k.Docs.Documents.batchUpdate({ requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, id);
}

/** A document whose body ends at index 40. */
function fortyLong(k: Kit): string {
  return setup(k, [{ insertText: { location: { index: 1 }, text: 'x'.repeat(38) } }]);
}

describe('Docs batchUpdate errors', () => {
  it('names the failing request and the segment end for an index past the end', () => {
    const k = kit();
    const id = fortyLong(k);
    const msg = errorOf(() =>
      batch(k, id, [
        { insertText: { location: { index: 1 }, text: 'a' } },
        { deleteContentRange: { range: { startIndex: 1, endIndex: 2 } } },
        { updateTextStyle: { range: { startIndex: 1, endIndex: 3 }, textStyle: { bold: true }, fields: 'bold' } },
        { insertText: { location: { index: 57 }, text: 'late' } },
      ]),
    );
    expect(msg).toBe(`${PREFIX}Invalid requests[3].insertText: Index 57 must be less than the end index of the referenced segment, 40.`);
  });

  it('applies nothing when any request of the batch fails', () => {
    const k = kit();
    const id = fortyLong(k);
    const before = asDoc(k.Docs.Documents.get(id));
    errorOf(() => batch(k, id, [{ insertText: { location: { index: 1 }, text: 'kept?' } }, { insertText: { location: { index: 99 }, text: 'x' } }]));
    const after = asDoc(k.Docs.Documents.get(id));
    expect(after.body).toEqual(before.body);
    expect(after.revisionId).toBe(before.revisionId);
  });

  it('refuses text at a table start, a row start or a cell start (not inside a paragraph)', () => {
    const k = kit();
    const id = setup(k, [{ insertTable: { rows: 1, columns: 1, location: { index: 1 } } }]);
    for (const index of [2, 3, 4]) {
      expect(errorOf(() => batch(k, id, [{ insertText: { location: { index }, text: 'x' } }]))).toBe(
        `${PREFIX}Invalid requests[0].insertText: The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.`,
      );
    }
    expect(errorOf(() => batch(k, id, [{ insertText: { location: { index: 0 }, text: 'x' } }]))).toContain('inside the bounds of an existing paragraph');
    expect(() => batch(k, id, [{ insertText: { location: { index: 5 }, text: 'in cell' } }])).not.toThrow();
  });

  it('refuses to delete the final newline of the body', () => {
    const k = kit();
    const id = setup(k, [{ insertText: { location: { index: 1 }, text: 'abc' } }]);
    expect(errorOf(() => batch(k, id, [{ deleteContentRange: { range: { startIndex: 1, endIndex: 5 } } }]))).toBe(
      `${PREFIX}Invalid requests[0].deleteContentRange: The range cannot include the newline character at the end of the segment.`,
    );
    expect(errorOf(() => batch(k, id, [{ deleteContentRange: { range: { startIndex: 1, endIndex: 9 } } }]))).toBe(
      `${PREFIX}Invalid requests[0].deleteContentRange: Index 9 must be less than the end index of the referenced segment, 5.`,
    );
    expect(errorOf(() => batch(k, id, [{ deleteContentRange: { range: { startIndex: 2, endIndex: 2 } } }]))).toBe(
      `${PREFIX}Invalid requests[0].deleteContentRange: The range should not be empty.`,
    );
    batch(k, id, [{ deleteContentRange: { range: { startIndex: 1, endIndex: 4 } } }]);
    expect(bodyTexts(asDoc(k.Docs.Documents.get(id)))).toEqual(['\n']);
  });

  it("refuses to delete a cell's last newline, the newline before a table, or part of a table", () => {
    const k = kit();
    const id = setup(k, [{ insertText: { location: { index: 1 }, text: 'ab' } }, { insertTable: { rows: 2, columns: 2, location: { index: 3 } } }]);
    const t = tables(asDoc(k.Docs.Documents.get(id)))[0];
    const cellPara = t.tableRows[0].tableCells[0].content[0];
    const invalid = `${PREFIX}Invalid requests[0].deleteContentRange: Invalid deletion range. Cannot delete the requested range.`;
    const del = (startIndex: number, endIndex: number) => () => batch(k, id, [{ deleteContentRange: { range: { startIndex, endIndex } } }]);
    expect(errorOf(del(cellPara.startIndex ?? 0, cellPara.endIndex))).toBe(invalid);
    expect(errorOf(del(1, t.startIndex))).toBe(invalid);
    expect(errorOf(del(t.startIndex, t.endIndex - 1))).toBe(invalid);
    expect(errorOf(del(t.tableRows[0].startIndex, t.tableRows[0].endIndex))).toBe(invalid);
    expect(errorOf(del(t.tableRows[0].tableCells[0].startIndex + 1, t.tableRows[0].tableCells[1].startIndex + 2))).toBe(invalid);
    // The paragraph's text before the table may go; its newline stays.
    expect(del(1, t.startIndex - 1)).not.toThrow();
  });

  it('refuses table requests that do not point at a table start, and rows out of range', () => {
    const k = kit();
    const id = setup(k, [{ insertTable: { rows: 2, columns: 2, location: { index: 1 } } }]);
    expect(errorOf(() => batch(k, id, [{ insertTableRow: { tableCellLocation: { tableStartLocation: { index: 3 }, rowIndex: 0 }, insertBelow: true } }]))).toBe(
      `${PREFIX}Invalid requests[0].insertTableRow: Invalid table start location. There is no table starting at index 3.`,
    );
    expect(errorOf(() => batch(k, id, [{ insertTableRow: { tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 2 } } }]))).toContain(
      'Invalid requests[0].insertTableRow: Row index 2 is out of bounds for a table with 2 rows.',
    );
    expect(errorOf(() => batch(k, id, [{ pinTableHeaderRows: { tableStartLocation: { index: 2 }, pinnedHeaderRowsCount: 3 } }]))).toContain(
      'Invalid requests[0].pinTableHeaderRows:',
    );
    expect(errorOf(() => batch(k, id, [{ insertTable: { rows: 0, columns: 2, location: { index: 1 } } }]))).toContain('Invalid requests[0].insertTable:');
  });

  it('requires a field mask for style updates and checks enum values', () => {
    const k = kit();
    const id = setup(k, [{ insertText: { location: { index: 1 }, text: 'abc' } }]);
    expect(errorOf(() => batch(k, id, [{ updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: { bold: true } } }]))).toBe(
      `${PREFIX}Invalid requests[0].updateTextStyle: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)`,
    );
    expect(
      errorOf(() => batch(k, id, [{ updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { namedStyleType: 'HEADING1' }, fields: 'namedStyleType' } }])),
    ).toBe(`${PREFIX}Invalid value at 'requests[0].update_paragraph_style.paragraph_style.named_style_type' (TYPE_ENUM), "HEADING1"`);
    expect(errorOf(() => batch(k, id, [{ updateTextStyle: { range: { startIndex: 1, endIndex: 5 }, textStyle: { bold: true }, fields: 'bold' } }]))).toBe(
      `${PREFIX}Invalid requests[0].updateTextStyle: Index 5 must be less than the end index of the referenced segment, 5.`,
    );
  });

  it('rejects malformed payloads: unknown requests, two kinds in one request, an empty list, empty text', () => {
    const k = kit();
    const id = setup(k, []);
    expect(errorOf(() => batch(k, id, [{ insertParagraph: {} }]))).toBe(
      `${PREFIX}Invalid JSON payload received. Unknown name "insertParagraph" at 'requests[0]': Cannot find field.`,
    );
    expect(errorOf(() => batch(k, id, [{ insertText: { location: { index: 1 }, text: 'a' }, insertPageBreak: { location: { index: 1 } } }]))).toContain(
      "Oneof field 'request' is already set",
    );
    expect(errorOf(() => batch(k, id, []))).toBe(`${PREFIX}Invalid requests: Must specify at least one request.`);
    expect(errorOf(() => batch(k, id, [{ insertText: { location: { index: 1 }, text: '' } }]))).toBe(
      `${PREFIX}Invalid requests[0].insertText: Insert text requests must specify text to insert.`,
    );
    expect(errorOf(() => batch(k, id, [{ createParagraphBullets: { range: { startIndex: 1, endIndex: 2 } } }]))).toContain('does not model the Docs request "createParagraphBullets"');
  });

  it('refuses images that are not public http(s) URLs and page breaks inside tables', () => {
    const k = kit();
    const id = setup(k, [{ insertTable: { rows: 1, columns: 1, location: { index: 1 } } }]);
    expect(errorOf(() => batch(k, id, [{ insertInlineImage: { uri: 'file:///etc/logo.png', location: { index: 1 } } }]))).toContain(
      'There was a problem retrieving the image.',
    );
    expect(errorOf(() => batch(k, id, [{ insertPageBreak: { location: { index: 5 } } }]))).toContain('Page breaks cannot be inserted inside a table.');
  });

  it('refuses, as Docs does an image it cannot retrieve, a picture Google could never fetch — and applies nothing of the batch', () => {
    const k = kit();
    const id = setup(k, [{ insertText: { location: { index: 1 }, text: 'Pictures: ' } }]);
    const before = asDoc(k.Docs.Documents.get(id));
    const msg = errorOf(() =>
      batch(k, id, [
        { insertText: { location: { index: 1 }, text: 'kept? ' } },
        { insertInlineImage: { uri: 'https://img.example.com/ok.jpg', location: { index: 1 } } },
        { insertInlineImage: { uri: 'https://pictures.invalid/DH-2301.jpg', location: { index: 1 }, objectSize: { width: { magnitude: 60, unit: 'PT' } } } },
      ]),
    );
    expect(msg).toBe(
      `${PREFIX}Invalid requests[2].insertInlineImage: There was a problem retrieving the image. The provided image should be publicly accessible, within size limit, and in supported formats.`,
    );
    const after = asDoc(k.Docs.Documents.get(id));
    expect(after.body).toEqual(before.body);
    expect(after.inlineObjects).toBeUndefined();
    expect(after.revisionId).toBe(before.revisionId);
    // a reachable-looking address goes in: the fake fetches nothing and keeps the size asked for
    batch(k, id, [{ insertInlineImage: { uri: 'https://img.example.com/ok.jpg', location: { index: 1 }, objectSize: { height: { magnitude: 60, unit: 'PT' }, width: { magnitude: 60, unit: 'PT' } } } }]);
    const objects = Object.values(asDoc(k.Docs.Documents.get(id)).inlineObjects ?? {});
    expect(objects.map((o) => [o.inlineObjectProperties?.embeddedObject?.imageProperties?.sourceUri, o.inlineObjectProperties?.embeddedObject?.size?.width?.magnitude])).toEqual([
      ['https://img.example.com/ok.jpg', 60],
    ]);
  });

  it('treats as unreachable the hosts Google could never reach, and every other http(s) host as reachable', () => {
    for (const uri of ['https://pictures.invalid/a.jpg', 'http://x.y.INVALID./a.png', 'http://localhost:8080/a.jpg', 'https://printer.local/a.jpg', 'https://files.corp.internal/a.jpg',
      'http://10.0.0.5/a.jpg', 'http://192.168.1.20/a.jpg', 'http://172.16.3.4/a.jpg', 'http://127.0.0.1/a.jpg', 'http://169.254.1.1/a.jpg', 'http://[::1]/a.jpg', 'http://user@localhost/a.jpg']) {
      expect([uri, unreachableImageUri(uri)]).toEqual([uri, true]);
    }
    for (const uri of ['https://images.example.com/products/DH-2301.jpg', 'https://lh3.googleusercontent.com/abc=w600', 'http://8.8.8.8/a.jpg', 'http://172.32.0.1/a.jpg', 'https://invalid.example.com/a.jpg']) {
      expect([uri, unreachableImageUri(uri)]).toEqual([uri, false]);
    }
  });

  it('updateDocumentStyle sets the page size and margins it names, and refuses margins that leave no page', () => {
    const k = kit();
    const id = setup(k, []);
    const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });
    batch(k, id, [{ updateDocumentStyle: { documentStyle: { pageSize: { width: pt(612), height: pt(792) }, marginLeft: pt(36), marginRight: pt(36) }, fields: 'pageSize,marginLeft,marginRight' } }]);
    const style = asDoc(k.Docs.Documents.get(id)).documentStyle;
    expect(style.pageSize).toEqual({ width: pt(612), height: pt(792) });
    expect([style.marginLeft, style.marginRight, style.marginTop]).toEqual([pt(36), pt(36), pt(72)]);
    expect(errorOf(() => batch(k, id, [{ updateDocumentStyle: { documentStyle: { marginLeft: pt(300), marginRight: pt(320) }, fields: 'marginLeft,marginRight' } }]))).toBe(
      `${PREFIX}Invalid requests[0].updateDocumentStyle: The page margins must leave room for content on the page.`,
    );
    expect(errorOf(() => batch(k, id, [{ updateDocumentStyle: { documentStyle: { marginTop: pt(-1) }, fields: 'marginTop' } }]))).toContain('must be at least 0');
    expect(errorOf(() => batch(k, id, [{ updateDocumentStyle: { documentStyle: {}, fields: 'defaultHeaderId' } }]))).toContain('Invalid field mask');
    expect(errorOf(() => batch(k, id, [{ updateDocumentStyle: { documentStyle: { marginHeader: pt(20) }, fields: 'marginHeader' } }]))).toContain('The sandbox does not model documentStyle.marginHeader');
    expect(errorOf(() => batch(k, id, [{ updateDocumentStyle: { documentStyle: { marginTop: pt(10) } } }]))).toContain("At least one field must be listed in 'fields'");
  });

  it('honours writeControl.requiredRevisionId and carries the HTTP code in details', () => {
    const k = kit();
    const id = setup(k, []);
    const rev = asDoc(k.Docs.Documents.get(id)).revisionId;
    const res = k.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'a' } }], writeControl: { requiredRevisionId: rev } }, id);
    expect(res.writeControl?.requiredRevisionId).not.toBe(rev);
    let caught: unknown;
    try {
      k.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'b' } }], writeControl: { requiredRevisionId: rev } }, id);
    } catch (e) {
      caught = e;
    }
    expect((caught as { details?: { code: number } }).details?.code).toBe(400);
    expect(String((caught as Error).message)).toContain('does not match the latest revision');
    expect(bodyTexts(asDoc(k.Docs.Documents.get(id)))).toEqual(['a\n']);
  });
});
