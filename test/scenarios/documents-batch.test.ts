// A batch of many orders: the per-document cost (≤ 12 service calls), and a batch longer than one execution that
// checkpoints, shows its progress, continues in a one-off trigger (and after a crash of that trigger run, in the
// trigger it scheduled first) and produces every document exactly once.
import { parseDocumentLinks } from '../../src/domain/documents/document-links';
import type { Sandbox } from '../../src/sandbox/runtime';
import { EXECUTION_LIMIT_MS } from '../../src/sandbox/call-ledger';
import { mailRecords } from '../../src/sandbox/mail/model';
import { anOrder, docsWorkbook, lastStep, linesFor, outputs } from './documents-fixtures';
import { cell, sheet } from './helpers';

const CUSTOMERS = ['C-0001', 'C-0008', 'C-0009', 'C-0010', 'C-0012'];

function batchWorkbook(count: number, linesEach = 2): { sb: Sandbox; nos: string[] } {
  const nos = Array.from({ length: count }, (_, i) => `SO-2026-${String(1001 + i)}`);
  const sb = docsWorkbook({
    orders: nos.map((no, i) => anOrder(no, { customer: CUSTOMERS[i % CUSTOMERS.length] })),
    lines: nos.flatMap((no) => linesFor(no, linesEach)),
  });
  return { sb, nos };
}

function quoteNumbers(sb: Sandbox, count: number): string[] {
  const s = sheet(sb, 'Orders');
  return Array.from({ length: count }, (_, i) => String(cell(s, i + 2, 'Quote no.')));
}

function pendingJobs(sb: Sandbox): string[] {
  return Object.entries(sb.env.documentProperties).filter(([k, v]) => k.startsWith('gendan.docjobs.') && v !== '').map(([, v]) => v);
}

describe('the cost of one more document', () => {
  it('is at most 12 service calls, the ledgers read once per batch', () => {
    const one = batchWorkbook(1);
    one.sb.select('Orders!A2');
    one.sb.click('menuGenerateQuotation');
    const single = lastStep(one.sb).total;
    const many = batchWorkbook(20);
    many.sb.select('Orders!A2:A21');
    many.sb.click('menuGenerateQuotation');
    const step = lastStep(many.sb);
    expect(outputs(many.sb).docs).toHaveLength(20);
    // 20 documents for 5 customers: the 4 more customer folders (a search and a create each) are included.
    const perDocument = (step.total - single) / 19;
    expect(perDocument).toBeLessThanOrEqual(12);
    expect(step.byMethod['SpreadsheetApp:Sheet.getDataRange']).toBe(one.sb.env.ledger.allSteps().slice(-1)[0].byMethod['SpreadsheetApp:Sheet.getDataRange']);
    expect(step.byMethod['Docs:Documents.get']).toBe(1);
  });
});

describe('a batch longer than one execution', () => {
  const COUNT = 70;
  const { sb } = batchWorkbook(COUNT);
  sb.select(`Orders!A2:A${COUNT + 1}`);
  sb.click('menuGenerateQuotation');
  const first = lastStep(sb);
  const afterFirst = quoteNumbers(sb, COUNT).filter(Boolean).length;
  const checkpointToast = sb.env.uiEvents.filter((u) => u.kind === 'toast').pop();
  const triggersAfterFirst = sb.env.triggers.filter((t) => t.handler === 'triggerContinueDocuments' && !t.spent).length;

  it('stops between two documents well inside the 6-minute limit and says how far it got', () => {
    expect(first.modeledMs).toBeLessThan(EXECUTION_LIMIT_MS - 30_000);
    expect(afterFirst).toBeGreaterThan(10);
    expect(afterFirst).toBeLessThan(COUNT);
    expect(checkpointToast?.message).toBe(`${afterFirst} of ${COUNT} generated; the rest continues in the background in about a minute.`);
    expect(triggersAfterFirst).toBe(1);
    expect(sb.env.uiEvents.some((u) => u.kind === 'toast' && /^\d+ of \d+ generated…$/.test(u.message ?? ''))).toBe(true);
  });

  it('continues in the one-off trigger and ends with every order generated exactly once', () => {
    const { fired, failed } = sb.advance(30 * 60_000);
    expect(failed).toEqual([]);
    expect(fired.every((f) => f === 'triggerContinueDocuments')).toBe(true);
    expect(fired.length).toBeGreaterThanOrEqual(1);
    const numbers = quoteNumbers(sb, COUNT);
    expect(numbers).toEqual(Array.from({ length: COUNT }, (_, i) => `QT-2026-${String(i + 1).padStart(4, '0')}`));
    const { docs, pdfs } = outputs(sb);
    expect(docs).toHaveLength(COUNT);
    expect(pdfs).toHaveLength(COUNT);
    const s = sheet(sb, 'Orders');
    for (let r = 2; r <= COUNT + 1; r++) expect(parseDocumentLinks(String(cell(s, r, 'Documents')))).toHaveLength(1);
    expect(fired.length).toBeGreaterThanOrEqual(1);
    expect(pendingJobs(sb)).toEqual([]);
    expect(sb.env.triggers.filter((t) => t.handler === 'triggerContinueDocuments' && !t.spent)).toEqual([]);
    for (const step of sb.env.ledger.allSteps()) expect(step.modeledMs).toBeLessThan(EXECUTION_LIMIT_MS);
  });

  it('reports the end of the batch to the user who started it', () => {
    expect(sb.env.uiEvents.filter((u) => u.kind === 'toast').pop()?.message).toMatch(new RegExp(`^${COUNT} generated: QT-2026-0001, `));
    const mail = mailRecords(sb.env).filter((m) => m.subject.includes('batch finished'));
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toBe('owner@example.com');
  });
});

describe('a continuation run that dies', () => {
  function stoppedBatch(count: number): Sandbox {
    const { sb } = batchWorkbook(count);
    sb.select(`Orders!A2:A${count + 1}`);
    sb.click('menuGenerateQuotation');
    expect(quoteNumbers(sb, count).filter(Boolean).length).toBeLessThan(count);
    return sb;
  }

  function expectAllOnce(sb: Sandbox, count: number): void {
    expect(quoteNumbers(sb, count)).toEqual(Array.from({ length: count }, (_, i) => `QT-2026-${String(i + 1).padStart(4, '0')}`));
    expect(outputs(sb).docs).toHaveLength(count);
    expect(outputs(sb).pdfs).toHaveLength(count);
    expect(pendingJobs(sb)).toEqual([]);
    expect(sb.env.triggers.filter((t) => t.handler === 'triggerContinueDocuments' && !t.spent)).toEqual([]);
  }

  it('before it could do anything: the trigger it scheduled first takes over', () => {
    const COUNT = 50;
    const sb = stoppedBatch(COUNT);
    sb.env.ledger.arm({ method: 'Properties.getProperties', times: 1 });
    const died = sb.advance(2 * 60_000);
    sb.env.ledger.disarm();
    expect(died.failed.map((f) => f.handler)).toEqual(['triggerContinueDocuments']);
    sb.advance(30 * 60_000);
    expectAllOnce(sb, COUNT);
  });

  it('in the middle of a document: the document is finished once by the next run', () => {
    const COUNT = 50;
    const sb = stoppedBatch(COUNT);
    sb.env.ledger.arm({ method: 'Document.getAs', times: 1 });
    sb.advance(2 * 60_000);
    sb.env.ledger.disarm();
    sb.advance(30 * 60_000);
    expectAllOnce(sb, COUNT);
  });
});

describe('one batch at a time per user', () => {
  it('a click while a batch of the same user holds the lock says so and does nothing', () => {
    const { sb } = batchWorkbook(1);
    sb.env.locks.user.set('owner@example.com', { holder: 999_999, user: 'owner@example.com' });
    sb.select('Orders!A2');
    sb.click('menuGenerateQuotation');
    expect(sb.env.uiEvents.filter((u) => u.kind === 'toast').pop()?.message).toBe('A document batch of yours is still running; try again in a minute.');
    expect(outputs(sb).docs).toEqual([]);
    expect(pendingJobs(sb)).toEqual([]);
  });
});
