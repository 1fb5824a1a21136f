// onEdit through the real bundle: every kind of edit people make, and what Gendan does (or carefully does not do).
import { cell, headerCol, newSandbox, pasteRow, ref, sheet } from './helpers';
import type { Sandbox } from '../../src/sandbox/runtime';

function setUp(): Sandbox {
  const sb = newSandbox();
  sb.click('menuSetup');
  return sb;
}

function lastToast(sb: Sandbox): string | undefined {
  return sb.env.uiEvents.filter((u) => u.kind === 'toast').pop()?.message;
}

describe('onEdit', () => {
  it('computes statuses for a 3-row paste and numbers each row', () => {
    const sb = setUp();
    const fu = sheet(sb, 'Follow-ups');
    const c1 = headerCol(fu, 'Customer');
    const grid = [
      ['ACME Ltd', '', 'Send quotation', 'li.na@example.com', '2026-03-01'],
      ['Bolt GmbH', '', 'Call about samples', 'li.na@example.com', '2026-03-02'],
      ['Chen Trading', '', 'Confirm packaging', 'wang.wei@example.com', '2026-03-09'],
    ];
    const a = ref(fu, 2, 'Customer');
    const letter = (c: number) => String.fromCharCode(64 + c);
    sb.edit(`${a}:${letter(c1 + 4)}4`, grid);
    expect([2, 3, 4].map((r) => cell(fu, r, 'Status'))).toEqual(['Overdue', 'Pending', 'Pending']);
    const ids = [2, 3, 4].map((r) => String(cell(fu, r, 'ID')));
    expect(new Set(ids).size).toBe(3);
  });

  it('fill-down of Status marks every row done and stamps Done on', () => {
    const sb = setUp();
    const fu = sheet(sb, 'Follow-ups');
    for (const r of [2, 3]) pasteRow(sb, fu, r, { Customer: 'ACME Ltd', 'Next action': 'Send quotation', Owner: 'li.na@example.com', Due: '2026-03-10' });
    const a = ref(fu, 2, 'Status');
    sb.edit(`${a}:${a.split('!')[1].replace(/\d+$/, '3')}`, 'Done');
    expect([cell(fu, 2, 'Done on'), cell(fu, 3, 'Done on')]).toEqual(['2026-03-02', '2026-03-02']);
  });

  it('clearing a row clears the statuses Gendan wrote, and nothing else', () => {
    const sb = setUp();
    const fu = sheet(sb, 'Follow-ups');
    pasteRow(sb, fu, 2, { Customer: 'ACME Ltd', 'Next action': 'Send quotation', Owner: 'li.na@example.com', Due: '2026-03-01' });
    expect(cell(fu, 2, 'Status')).toBe('Overdue');
    const from = ref(fu, 2, 'Customer');
    const to = ref(fu, 2, 'Due').split('!')[1];
    sb.edit(`${from}:${to}`, '');
    expect(cell(fu, 2, 'Status')).toBe('');
  });

  it("ignores edits in the user's own columns and in sheets Gendan does not know", () => {
    const sb = setUp();
    const orders = sheet(sb, 'Orders');
    const own = orders.lastColumn() + 1;
    orders.set(1, own, 'My notes');
    sb.env.ledger.reset();
    const letters = (c: number) => {
      let s = '';
      for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    sb.edit(`Orders!${letters(own)}2`, 'call Bob');
    const step = sb.env.ledger.allSteps()[0];
    expect(Object.keys(step.byMethod).filter((k) => k.includes('setValues'))).toEqual([]);
    sb.env.ledger.reset();
    sb.edit('Sheet1!B2', 'anything');
    // one document-properties read (where are the ledgers?), nothing from the spreadsheet
    expect(sb.env.ledger.allSteps()[0].byService).toEqual({ PropertiesService: 1 });
  });

  it('finds a ledger the user renamed, by its sheet ID', () => {
    const sb = setUp();
    const fu = sheet(sb, 'Follow-ups');
    fu.name = 'My follow-ups 2026';
    pasteRow(sb, fu, 2, { Customer: 'ACME Ltd', 'Next action': 'Send quotation', Owner: 'li.na@example.com', Due: '2026-03-01' });
    expect(cell(fu, 2, 'Status')).toBe('Overdue');
  });

  it('follows columns the user reordered and Chinese headers', () => {
    const sb = setUp();
    const fu = sheet(sb, 'Follow-ups');
    const statusCol = headerCol(fu, 'Status');
    fu.moveColumns(statusCol, 1, 1);
    fu.set(1, headerCol(fu, 'Due'), '完成时限');
    pasteRow(sb, fu, 2, { Customer: 'ACME Ltd', 'Next action': 'Send quotation', Owner: 'li.na@example.com', 完成时限: '2026-03-01' });
    expect(fu.get(2, 1)).toBe('Overdue');
  });

  it('keeps the user value and explains in a toast when the handler fails', () => {
    const sb = setUp();
    const fu = sheet(sb, 'Follow-ups');
    sb.env.ledger.arm({ method: 'Range.setValues', message: 'Service Spreadsheets timed out' });
    sb.edit(ref(fu, 2, 'Next action'), 'Send quotation');
    expect(cell(fu, 2, 'Next action')).toBe('Send quotation');
    expect(lastToast(sb)).toContain('Service Spreadsheets timed out');
    expect(sb.triggerErrors).toEqual([]);
  });

  it('advances the order stage when Shipped on is filled after the contract, and refuses an impossible move with a note', () => {
    const sb = setUp();
    const orders = sheet(sb, 'Orders');
    pasteRow(sb, orders, 2, { Customer: 'ACME Ltd', Stage: 'Contracted', 'Contract date': '2026-02-20' });
    pasteRow(sb, orders, 3, { Customer: 'Bolt GmbH', Stage: 'Inquiry' });
    expect(String(cell(orders, 2, 'Order no.'))).toMatch(/^SO-2026-\d{4}$/);
    sb.edit(ref(orders, 2, 'Shipped on'), '2026-03-02');
    expect(cell(orders, 2, 'Stage')).toBe('Shipped');
    expect(cell(orders, 2, 'Stage since')).toBe('2026-03-02');
    sb.edit(ref(orders, 3, 'Shipped on'), '2026-03-02');
    expect(cell(orders, 3, 'Stage')).toBe('Inquiry');
    expect(orders.notes.get(`3,${headerCol(orders, 'Shipped on')}`)).toContain('Inquiry');
    expect(lastToast(sb)).toContain('Shipped on');
  });

  it('a contact with a next action creates exactly one follow-up, and editing it updates that one', () => {
    const sb = setUp();
    const contacts = sheet(sb, 'Contact log');
    const fu = sheet(sb, 'Follow-ups');
    pasteRow(sb, contacts, 2, { Date: '2026-03-02', Customer: 'ACME Ltd', Topic: 'Price', 'Next action': 'Send revised quotation', Owner: 'li.na@example.com', Due: '2026-03-04' });
    expect(fu.lastRow()).toBe(2);
    expect(cell(fu, 2, 'Next action')).toBe('Send revised quotation');
    expect(String(cell(fu, 2, 'Source'))).toMatch(/^contact:CT-\d{6}$/);
    sb.edit(ref(contacts, 2, 'Due'), '2026-03-06');
    expect(fu.lastRow()).toBe(2);
    expect(cell(fu, 2, 'Due')).toBe('2026-03-06');
  });

  it('two users pasting new orders at the same moment get different numbers', () => {
    const sb = setUp();
    const orders = sheet(sb, 'Orders');
    sb.env.ledger.interleave(3, () => pasteRow(sb, orders, 3, { Customer: 'Bolt GmbH', Stage: 'Inquiry' }));
    pasteRow(sb, orders, 2, { Customer: 'ACME Ltd', Stage: 'Inquiry' });
    const a = String(cell(orders, 2, 'Order no.'));
    const b = String(cell(orders, 3, 'Order no.'));
    expect(a).toMatch(/^SO-2026-\d{4}$/);
    // The second user either got its own number or (lock busy) none yet; never the same one.
    expect(a).not.toBe(b);
    sb.click('menuRefreshStatuses');
    expect(String(cell(orders, 3, 'Order no.'))).toMatch(/^SO-2026-\d{4}$/);
    expect(cell(orders, 3, 'Order no.')).not.toBe(a);
  });
});
