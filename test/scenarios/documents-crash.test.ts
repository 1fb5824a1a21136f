// Crash safety of one generation: a service call fails at every position of a quotation's run in turn; after a
// re-run (what a user does when the run failed or reported a failure) there is exactly one document, its number
// is unique, and every link in the order row points at a file that exists. The same for a quotation whose picture
// Google cannot fetch (its run has a second, retried fill, which may be the call that fails).
import { parseDocumentLinks } from '../../src/domain/documents/document-links';
import { discoverPlaceholders } from '../../src/domain/documents/template-syntax';
import { toApiDocument } from '../../src/sandbox/docs/model';
import { driveOf } from '../../src/sandbox/drive/model';
import type { Sandbox } from '../../src/sandbox/runtime';
import type { DocsDocument } from '../../src/ports';
import { anOrder, docsWorkbook, generateFor, lastStep, linesFor, orderRow, outputs } from './documents-fixtures';
import { cell, ref, sheet } from './helpers';

const ORDER = 'SO-2026-0101';

function workbook(): Sandbox {
  return docsWorkbook({ orders: [anOrder(ORDER)], lines: linesFor(ORDER, 4) });
}

function quoteOf(sb: Sandbox): { quoteNo: unknown; links: ReturnType<typeof parseDocumentLinks>; stage: unknown } {
  const s = sheet(sb, 'Orders');
  const row = orderRow(sb, ORDER);
  return { quoteNo: cell(s, row, 'Quote no.'), links: parseDocumentLinks(String(cell(s, row, 'Documents'))), stage: cell(s, row, 'Stage') };
}

/**
 * The quotation's generation fails at service call `at`; the user clicks again when the run failed, left the order
 * without its one link, or reported a failure (as a user reading the alert would).
 */
function failAtThenRetry(sb: Sandbox, at: number): { threw: boolean; reported: boolean } {
  sb.env.ledger.arm({ atCall: at });
  let threw = false;
  try {
    generateFor(sb, 'menuGenerateQuotation', [ORDER]);
  } catch {
    threw = true;
  }
  expect(sb.env.ledger.faultFired()).toBe(true);
  sb.env.ledger.disarm();
  const finished = quoteOf(sb).links.length === 1 && !threw;
  const reported = sb.env.uiEvents.some((u) => u.kind === 'alert' && /could not be finished|Something went wrong/.test(u.message ?? ''));
  if (!finished || reported) generateFor(sb, 'menuGenerateQuotation', [ORDER]);
  return { threw, reported };
}

/** What must hold after any run that was not interrupted, or after an interrupted one and its re-run. */
function expectExactlyOneQuotation(sb: Sandbox, context: string): void {
  const { quoteNo, links, stage } = quoteOf(sb);
  const { docs, pdfs } = outputs(sb);
  const drive = driveOf(sb.env);
  expect({ context, docs: docs.map((d) => d.name), pdfs: pdfs.map((p) => p.name) }).toEqual({
    context,
    docs: [`${String(quoteNo)} Pacific Home Supply Inc.`],
    pdfs: [`${String(quoteNo)} Pacific Home Supply Inc.pdf`],
  });
  expect({ context, links: links.map((l) => [l.docType, l.number, l.docId, l.pdfId]) }).toEqual({ context, links: [['quotation', quoteNo, docs[0].id, pdfs[0].id]] });
  for (const l of links) {
    expect(drive.files.get(l.docId)?.trashed).toBe(false);
    expect(drive.files.get(l.pdfId)?.trashed).toBe(false);
  }
  expect({ context, stage }).toEqual({ context, stage: 'Quoted' });
  expect(discoverPlaceholders(toApiDocument(docs[0].id, docs[0].name, docs[0].doc!) as unknown as DocsDocument)).toEqual([]);
  // Nothing is left to finish, and the only number the series handed out is this one.
  const jobs = Object.entries(sb.env.documentProperties).filter(([k, v]) => k.startsWith('gendan.docjobs.') && v !== '');
  expect({ context, jobs }).toEqual({ context, jobs: [] });
  expect(quoteNo).toBe('QT-2026-0001');
}

describe('a quotation survives a crash at any service call', () => {
  const clean = workbook();
  generateFor(clean, 'menuGenerateQuotation', [ORDER]);
  const calls = lastStep(clean).total;

  it('runs cleanly with a known number of calls', () => {
    expectExactlyOneQuotation(clean, 'clean run');
    expect(calls).toBeGreaterThan(20);
  });

  it.each(Array.from({ length: calls }, (_, i) => i + 1))('call %i fails, the user runs it again: one document, one number, no orphan link', (at) => {
    const sb = workbook();
    const { threw, reported } = failAtThenRetry(sb, at);
    expectExactlyOneQuotation(sb, `fault at call ${at}${threw ? ' (run failed)' : ''}${reported ? ' (failure reported)' : ''}`);
  });
});

describe('what an interrupted run left is adopted, never repeated', () => {
  it('a copy made twice (a lost response) keeps one, the other goes to the trash', () => {
    const sb = workbook();
    // The run dies at the fill, after the copy exists.
    sb.env.ledger.arm({ method: 'Documents.batchUpdate', times: 1 });
    generateFor(sb, 'menuGenerateQuotation', [ORDER]);
    sb.env.ledger.disarm();
    const drive = driveOf(sb.env);
    const [copy] = outputs(sb).docs;
    expect(copy.name).toBe('QT-2026-0001 Pacific Home Supply Inc.');
    const twin = drive.add({ name: copy.name, mimeType: copy.mimeType, owner: copy.owner, origin: 'app', parents: copy.parents, doc: copy.doc });
    generateFor(sb, 'menuGenerateQuotation', [ORDER]);
    expectExactlyOneQuotation(sb, 'after a duplicate copy');
    expect([drive.files.get(copy.id)?.trashed, drive.files.get(twin.id)?.trashed].sort()).toEqual([false, true]);
  });

  it('a filled Doc without its PDF gets its PDF and is not filled again', () => {
    const sb = workbook();
    sb.env.ledger.arm({ method: 'Document.getAs', times: 1 });
    generateFor(sb, 'menuGenerateQuotation', [ORDER]);
    sb.env.ledger.disarm();
    expect(outputs(sb).pdfs).toEqual([]);
    generateFor(sb, 'menuGenerateQuotation', [ORDER]);
    const step = lastStep(sb);
    expect(step.byMethod['Docs:Documents.batchUpdate'] ?? 0).toBe(0);
    expect(step.byMethod['Drive:Files.copy'] ?? 0).toBe(0);
    expectExactlyOneQuotation(sb, 'after a lost export');
  });
});

describe('a quotation whose picture Google cannot fetch survives a crash at any service call', () => {
  /** The workbook, with the first line's product picture at an address Google can never reach. */
  function unreachablePicture(): Sandbox {
    const sb = workbook();
    const products = sheet(sb, 'Products');
    let row = 2;
    while (cell(products, row, 'Product code') !== String(linesFor(ORDER, 1)[0].productCode)) row++;
    sb.edit(ref(products, row, 'Image URL'), 'https://pictures.invalid/DH-2301.jpg');
    return sb;
  }

  /** One quotation, as always — with links instead of pictures, none of them an image. */
  function expectLinksNotPictures(sb: Sandbox, context: string): void {
    expectExactlyOneQuotation(sb, context);
    const [doc] = outputs(sb).docs;
    const json = JSON.stringify(toApiDocument(doc.id, doc.name, doc.doc!));
    expect({ context, images: Object.keys(doc.doc?.inlineObjects ?? {}).length, links: json.includes('https://pictures.invalid/DH-2301.jpg') }).toEqual({ context, images: 0, links: true });
  }

  const clean = unreachablePicture();
  generateFor(clean, 'menuGenerateQuotation', [ORDER]);
  const calls = lastStep(clean).total;

  it('runs cleanly in two batchUpdates', () => {
    expectLinksNotPictures(clean, 'clean run');
    expect(lastStep(clean).byMethod['Docs:Documents.batchUpdate']).toBe(2);
  });

  it.each(Array.from({ length: calls }, (_, i) => i + 1))('call %i fails, the user runs it again: one document with links, one number', (at) => {
    const sb = unreachablePicture();
    const { threw, reported } = failAtThenRetry(sb, at);
    expectLinksNotPictures(sb, `fault at call ${at}${threw ? ' (run failed)' : ''}${reported ? ' (failure reported)' : ''}`);
  });
});
