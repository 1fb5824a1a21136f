// onEdit through the real bundle when the sheet around the edit is not plain: rows hidden by a filter (a manager
// view), and a header row the user edits (renamed into Chinese, renamed to something unknown, then back).
import { cell, headerCol, newSandbox, pasteRow, ref, sheet } from './helpers';
import type { Sandbox } from '../../src/sandbox/runtime';

const OWNER = 'owner@example.com';

function withFollowUps(): Sandbox {
  const sb = newSandbox({ user: OWNER });
  sb.click('menuSetup');
  const fu = sheet(sb, 'Follow-ups');
  // Rows 2, 4, 6 are the user's own and overdue; rows 3 and 5 belong to a colleague, due later.
  const rows: [number, string, string][] = [
    [2, OWNER, '2026-02-20'],
    [3, 'wang.wei@example.com', '2026-03-20'],
    [4, OWNER, '2026-02-21'],
    [5, 'wang.wei@example.com', '2026-03-21'],
    [6, OWNER, '2026-02-22'],
  ];
  for (const [r, owner, due] of rows) pasteRow(sb, fu, r, { Customer: 'ACME Ltd', 'Next action': `Send quotation ${r}`, Owner: owner, Due: due });
  return sb;
}

describe('onEdit around filters and header edits', () => {
  it('a fill-down over rows a filter hides computes each row from its own cells and writes only Gendan columns', () => {
    const sb = withFollowUps();
    const fu = sheet(sb, 'Follow-ups');
    sb.select(ref(fu, 2, 'Status'));
    sb.click('menuViewMyOverdue');
    expect([...fu.hiddenByFilter].sort()).toEqual([3, 5]);
    const notesBefore = [2, 3, 4, 5, 6].map((r) => cell(fu, r, 'Next action'));

    // The user marks the visible rows done with one fill-down from row 2 to row 6; the event covers rows 3 and 5.
    const from = ref(fu, 2, 'Status');
    sb.edit(`${from}:${from.split('!')[1].replace(/\d+$/, '6')}`, 'Done');

    expect([2, 3, 4, 5, 6].map((r) => cell(fu, r, 'Status'))).toEqual(['Done', 'Done', 'Done', 'Done', 'Done']);
    expect([2, 3, 4, 5, 6].map((r) => cell(fu, r, 'Done on'))).toEqual(Array(5).fill('2026-03-02'));
    expect([2, 3, 4, 5, 6].map((r) => cell(fu, r, 'Next action'))).toEqual(notesBefore);
    expect(fu.filter).not.toBeNull();
  });

  it('an edit of one visible row under a filter leaves the hidden rows alone', () => {
    const sb = withFollowUps();
    const fu = sheet(sb, 'Follow-ups');
    sb.select(ref(fu, 2, 'Status'));
    sb.click('menuViewMyOverdue');
    const hiddenBefore = [3, 5].map((r) => [cell(fu, r, 'Status'), cell(fu, r, 'Done on'), cell(fu, r, 'Due')]);
    sb.env.ledger.reset();
    sb.edit(ref(fu, 4, 'Due'), '2026-03-09');
    expect(cell(fu, 4, 'Status')).toBe('Pending');
    expect([3, 5].map((r) => [cell(fu, r, 'Status'), cell(fu, r, 'Done on'), cell(fu, r, 'Due')])).toEqual(hiddenBefore);
    const step = sb.env.ledger.allSteps().pop();
    expect(step?.byMethod['SpreadsheetApp:Range.setValues'] ?? 0).toBeLessThanOrEqual(1);
  });

  it('follows a header the user renames into Chinese, ignores the header edit itself, and reports an unknown one', () => {
    const sb = withFollowUps();
    const fu = sheet(sb, 'Follow-ups');
    const dueCol = headerCol(fu, 'Due');
    const dueRef = ref(fu, 1, 'Due');

    sb.env.ledger.reset();
    sb.edit(dueRef, '完成时限');
    expect(fu.get(1, dueCol)).toBe('完成时限');
    // Editing the header writes nothing.
    const headerStep = sb.env.ledger.allSteps().pop();
    expect(Object.keys(headerStep?.byMethod ?? {}).filter((k) => k.includes('setValue'))).toEqual([]);

    // The next edit finds Due under its Chinese header: moving it into the future clears overdue.
    sb.edit(`${fu.name}!${dueRef.split('!')[1].replace(/\d+$/, '2')}`, '2026-03-12');
    expect(cell(fu, 2, 'Status')).toBe('Pending');

    // Renamed to something Gendan does not know: the edit goes on for what it can, and Check ledgers names it.
    sb.edit(dueRef, 'When?');
    sb.edit(ref(fu, 6, 'Status'), 'In progress');
    expect(cell(fu, 6, 'Status')).toBe('In progress');
    expect(cell(fu, 6, 'When?')).toBe('2026-02-22');
    sb.click('menuCheckLedgers');
    const dialog = sb.env.uiEvents.filter((u) => u.kind === 'dialog').pop();
    expect(dialog?.html ?? '').toMatch(/The column \\*"Due\\*" is missing/);

    // Renamed back: everything is as before.
    sb.edit(dueRef, 'Due');
    sb.edit(ref(fu, 6, 'Due'), '2026-03-20');
    expect(cell(fu, 6, 'Status')).toBe('In progress');
    sb.edit(ref(fu, 6, 'Due'), '2026-02-01');
    expect(cell(fu, 6, 'Status')).toBe('Overdue');
  });
});
