// The customer panel's actions through the real bundle: log a contact (its row and its follow-up), mark done,
// snooze, generate a quotation — judged by what the sheets hold afterwards.
import { StepError, type Sandbox } from '../../src/sandbox/runtime';
import type { LogContactInput, PanelData } from '../../src/ui/sidebar-contract';
import { cell, headerCol, ref, sheet } from './helpers';
import { sampleWorkbook } from './panel-fixtures';

function rowOf(sb: Sandbox, sheetName: string, header: string, value: string): number {
  const s = sheet(sb, sheetName);
  for (let r = 2; r <= s.lastRow(); r++) if (cell(s, r, header) === value) return r;
  throw new Error(`no ${value} in ${sheetName}`);
}

function rpcError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof StepError ? String((e.error as Error).message) : String(e);
  }
  throw new Error('expected the call to fail');
}

const CONTACT: LogContactInput = {
  customerId: 'C-0001',
  channel: 'phone',
  topic: 'Sample feedback call',
  feedback: 'Likes the finish; wants a darker stain.',
  nextAction: 'Send two darker stain samples',
  owner: 'li.na@example.com',
  due: '2026-03-06',
};

describe('logging a contact from the panel', () => {
  it('adds a numbered Contact log row for today and its follow-up, and shows both', () => {
    const sb = sampleWorkbook();
    const log = sheet(sb, 'Contact log');
    const fu = sheet(sb, 'Follow-ups');
    const [logRows, fuRows] = [log.lastRow(), fu.lastRow()];
    const data = sb.rpc('sidebarLogContact', [CONTACT]) as PanelData;

    expect(log.lastRow()).toBe(logRows + 1);
    const r = log.lastRow();
    const id = String(cell(log, r, 'Contact ID'));
    expect(id).toMatch(/^CT-\d+$/);
    expect([cell(log, r, 'Date'), cell(log, r, 'Channel'), cell(log, r, 'Customer'), cell(log, r, 'Topic')]).toEqual(['2026-03-02', 'Phone', 'C-0001', 'Sample feedback call']);
    expect([cell(log, r, 'Customer needs / feedback'), cell(log, r, 'Next action'), cell(log, r, 'Owner'), cell(log, r, 'Due')]).toEqual([
      CONTACT.feedback,
      CONTACT.nextAction,
      'li.na@example.com',
      '2026-03-06',
    ]);

    expect(fu.lastRow()).toBe(fuRows + 1);
    const f = fu.lastRow();
    expect([cell(fu, f, 'Source'), cell(fu, f, 'Next action'), cell(fu, f, 'Owner'), cell(fu, f, 'Due'), cell(fu, f, 'Status'), cell(fu, f, 'Customer')]).toEqual([
      `contact:${id}`,
      CONTACT.nextAction,
      'li.na@example.com',
      '2026-03-06',
      'Pending',
      'C-0001',
    ]);
    expect(cell(sheet(sb, 'Customers'), 2, 'Last contact')).toBe('2026-03-02');

    expect(data.contacts?.[0]).toMatchObject({ date: expect.stringMatching(/^2026-03-02 \d\d:\d\d$/), channel: 'Phone', topic: 'Sample feedback call', summary: CONTACT.feedback });
    expect(data.followUps.map((x) => x.action)).toContain(CONTACT.nextAction);
  });

  it('adds no follow-up when there is no next action', () => {
    const sb = sampleWorkbook();
    const fu = sheet(sb, 'Follow-ups');
    const before = fu.lastRow();
    sb.rpc('sidebarLogContact', [{ ...CONTACT, nextAction: '', owner: '', due: '' }]);
    expect(fu.lastRow()).toBe(before);
  });

  it('keeps one follow-up per contact: editing the logged row later updates it', () => {
    const sb = sampleWorkbook();
    sb.rpc('sidebarLogContact', [CONTACT]);
    const log = sheet(sb, 'Contact log');
    const fu = sheet(sb, 'Follow-ups');
    const rows = fu.lastRow();
    sb.edit(ref(log, log.lastRow(), 'Next action'), 'Send three darker stain samples');
    expect(fu.lastRow()).toBe(rows);
    expect(cell(fu, rows, 'Next action')).toBe('Send three darker stain samples');
  });

  it('refuses what the form refuses, in the user’s language, and writes nothing', () => {
    const sb = sampleWorkbook();
    const log = sheet(sb, 'Contact log');
    const rows = log.lastRow();
    expect(rpcError(() => sb.rpc('sidebarLogContact', [{ ...CONTACT, topic: ' ' }]))).toBe('Enter the topic of the contact.');
    expect(rpcError(() => sb.rpc('sidebarLogContact', [{ ...CONTACT, owner: '' }]))).toBe('A next action needs an owner.');
    expect(rpcError(() => sb.rpc('sidebarLogContact', [{ ...CONTACT, due: '' }]))).toBe('A next action needs a due date.');
    expect(rpcError(() => sb.rpc('sidebarLogContact', [{ ...CONTACT, due: '6 March' }]))).toBe('The due date must be a date (YYYY-MM-DD).');
    expect(rpcError(() => sb.rpc('sidebarLogContact', [{ ...CONTACT, channel: 'fax' }]))).toBe('Choose a channel for the contact.');
    expect(log.lastRow()).toBe(rows);
  });

  it('writes formula-like text as text', () => {
    const sb = sampleWorkbook();
    sb.rpc('sidebarLogContact', [{ ...CONTACT, topic: '=HYPERLINK("http://evil.example","x")', nextAction: '' , owner: '', due: '' }]);
    const log = sheet(sb, 'Contact log');
    expect(cell(log, log.lastRow(), 'Topic')).toBe('=HYPERLINK("http://evil.example","x")');
    expect(log.formulas.size).toBe(0);
  });
});

describe('follow-up buttons', () => {
  it('Mark done sets Done and stamps Done on; the panel no longer lists it', () => {
    const sb = sampleWorkbook();
    const fu = sheet(sb, 'Follow-ups');
    const r = rowOf(sb, 'Follow-ups', 'ID', 'FU-0016');
    const data = sb.rpc('sidebarMarkDone', ['C-0001', 'FU-0016']) as PanelData;
    expect([cell(fu, r, 'Status'), cell(fu, r, 'Done on')]).toEqual(['Done', '2026-03-02']);
    expect(data.followUps.map((f) => f.id)).not.toContain('FU-0016');
    // The customer's next follow-up is the earliest open deadline left.
    expect(cell(sheet(sb, 'Customers'), 2, 'Next follow-up')).toBe(data.customer.nextFollowUp);
  });

  it('Snooze moves Snoozed until on from the deadline, or from today when it is late, and the status follows', () => {
    const sb = sampleWorkbook();
    const fu = sheet(sb, 'Follow-ups');
    const soon = rowOf(sb, 'Follow-ups', 'ID', 'FU-0002'); // due 2026-03-04
    sb.rpc('sidebarSnooze', ['C-0001', 'FU-0002', 7]);
    expect(cell(fu, soon, 'Snoozed until')).toBe('2026-03-11');
    const late = rowOf(sb, 'Follow-ups', 'ID', 'FU-0003'); // C-0002, due 2026-02-25: overdue
    expect(cell(fu, late, 'Status')).toBe('Overdue');
    const data = sb.rpc('sidebarSnooze', ['C-0002', 'FU-0003', 3]) as PanelData;
    expect([cell(fu, late, 'Snoozed until'), cell(fu, late, 'Status')]).toEqual(['2026-03-05', 'Pending']);
    expect(data.followUps.find((f) => f.id === 'FU-0003')).toMatchObject({ due: '2026-03-05', statusCode: 'pending' });
  });

  it('refuses a follow-up of another customer and unknown follow-ups, changing nothing', () => {
    const sb = sampleWorkbook();
    const fu = sheet(sb, 'Follow-ups');
    const r = rowOf(sb, 'Follow-ups', 'ID', 'FU-0003');
    expect(rpcError(() => sb.rpc('sidebarMarkDone', ['C-0001', 'FU-0003']))).toBe('Follow-up FU-0003 belongs to another customer.');
    expect(rpcError(() => sb.rpc('sidebarMarkDone', ['C-0001', 'FU-9999']))).toBe('Follow-up FU-9999 is no longer in Follow-ups; refresh the panel.');
    expect(rpcError(() => sb.rpc('sidebarSnooze', ['C-0002', 'FU-0003', 0]))).toBe('Snooze by 1 to 60 days.');
    expect(cell(fu, r, 'Status')).toBe('Overdue');
  });

  it('keeps a change someone made to the follow-up since the panel read it', () => {
    const sb = sampleWorkbook();
    const fu = sheet(sb, 'Follow-ups');
    const r = rowOf(sb, 'Follow-ups', 'ID', 'FU-0002');
    // Another user marks it in progress after the panel read the ledgers (call 6 is the re-read before the write).
    sb.env.ledger.interleave(6, () => fu.set(r, headerCol(fu, 'Status'), 'In progress'));
    sb.rpc('sidebarMarkDone', ['C-0001', 'FU-0002']);
    expect(cell(fu, r, 'Status')).toBe('In progress');
  });
});

describe('generating a quotation from the panel', () => {
  it('runs the documents feature on the order, returns the Doc and PDF links and remembers the customer’s folder', () => {
    const sb = sampleWorkbook();
    const result = sb.rpc('sidebarGenerateQuotation', ['SO-2026-0019']) as { message: string; links: { name: string; url: string }[] };
    expect(result.message).toMatch(/^Quotation QT-\d{4}-\d+ created for SO-2026-0019\.$/);
    expect(result.links.map((l) => l.name)).toEqual([expect.stringMatching(/\(Google Doc\)$/), expect.stringMatching(/\.pdf$/)]);
    expect(result.links[0].url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit$/);
    const orders = sheet(sb, 'Orders');
    const r = rowOf(sb, 'Orders', 'Order no.', 'SO-2026-0019');
    expect(String(cell(orders, r, 'Documents'))).toContain(result.message.split(' ')[1]);
    const data = sb.rpc('sidebarGetCustomer', ['C-0001']) as PanelData;
    expect(data.documentsUrl).toMatch(/^https:\/\/drive\.google\.com\/drive\/folders\/[\w-]+$/);
  });

  it('says why when the documents feature made nothing', () => {
    const sb = sampleWorkbook();
    const result = sb.rpc('sidebarGenerateQuotation', ['SO-2026-0027']) as { message: string; links: unknown[] };
    expect(result.message).toMatch(/^No quotation was created for SO-2026-0027\. .*Trade term/);
    expect(result.links).toEqual([]);
    expect(rpcError(() => sb.rpc('sidebarGenerateQuotation', ['SO-1999-0001']))).toBe('Order SO-1999-0001 is not in Orders.');
  });
});
