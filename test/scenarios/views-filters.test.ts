// The manager views through the real bundle: each menu item leaves exactly the rows it promises visible in the
// sheet's filter, on the ledger the user is looking at, and Show all rows brings every row back.
import type { Sandbox } from '../../src/sandbox/runtime';
import type { SheetModel } from '../../src/sandbox/spreadsheet/model';
import { cell, headerCol, sheet } from './helpers';
import { sampleWorkbook } from './panel-fixtures';

/** The values of a column in the rows the filter shows. */
function visible(s: SheetModel, header: string): unknown[] {
  const out: unknown[] = [];
  for (let r = 2; r <= s.lastRow(); r++) if (!s.hiddenByFilter.has(r)) out.push(cell(s, r, header));
  return out;
}

function lastToast(sb: Sandbox): string {
  return sb.env.uiEvents.filter((u) => u.kind === 'toast').pop()?.message ?? '';
}

describe('Views', () => {
  it('My overdue shows the user’s overdue follow-ups', () => {
    const sb = sampleWorkbook({ user: 'wang.wei@example.com' });
    sb.click('menuViewMyOverdue');
    const fu = sheet(sb, 'Follow-ups');
    expect(visible(fu, 'ID')).toEqual(['FU-0003', 'FU-0014', 'FU-0018']);
    expect(visible(fu, 'Owner').every((o) => o === 'wang.wei@example.com')).toBe(true);
    expect(lastToast(sb)).toBe('My overdue: 3 row(s) of Follow-ups shown. This is the sheet’s filter, so everyone sees it; Views ▸ Show all rows removes it.');
  });

  it('Due this week shows open follow-ups due Monday to Sunday of this week', () => {
    const sb = sampleWorkbook();
    sb.click('menuViewDueThisWeek');
    const fu = sheet(sb, 'Follow-ups');
    const due = visible(fu, 'Due') as string[];
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((d) => d >= '2026-03-02' && d <= '2026-03-08')).toBe(true);
    expect(visible(fu, 'Status')).not.toContain('Done');
    expect(visible(fu, 'ID')).toEqual(['FU-0002', 'FU-0005', 'FU-0007', 'FU-0008', 'FU-0009', 'FU-0010', 'FU-0015', 'FU-0016']);
  });

  it('By owner shows the open rows of the selected row’s owner, on the ledger selected', () => {
    const sb = sampleWorkbook();
    const orders = sheet(sb, 'Orders');
    let r = 2;
    while (cell(orders, r, 'Owner') !== 'wang.wei@example.com') r++;
    sb.select(`Orders!A${r}`);
    sb.click('menuViewByOwner');
    expect(visible(orders, 'Owner').every((o) => o === 'wang.wei@example.com')).toBe(true);
    expect(visible(orders, 'Stage')).not.toEqual(expect.arrayContaining(['Completed']));
    expect(visible(orders, 'Stage')).not.toEqual(expect.arrayContaining(['Lost']));
    expect(visible(orders, 'Order no.')).toContain('SO-2026-0011');
    expect(lastToast(sb)).toMatch(/^By owner: \d+ row\(s\) of Orders shown\./);
  });

  it('Shipping soon shows the orders not yet shipped whose delivery date is within 14 days', () => {
    const sb = sampleWorkbook();
    sb.click('menuViewShippingSoon');
    const orders = sheet(sb, 'Orders');
    expect(visible(orders, 'Order no.')).toEqual(['SO-2026-0004', 'SO-2026-0006', 'SO-2026-0021']);
    expect(sb.env.selection.get('li.na@example.com')?.sheetId).toBe(orders.id);
  });

  it('hides by the texts the column shows (Apps Script refuses visible values on a sheet filter)', () => {
    const sb = sampleWorkbook();
    sb.click('menuViewShippingSoon');
    const orders = sheet(sb, 'Orders');
    const criteria = Object.values(orders.filter?.criteria ?? {});
    expect(criteria.length).toBeGreaterThan(0);
    expect(criteria.every((c) => c.visibleValues === undefined && Array.isArray(c.hiddenValues))).toBe(true);
    expect(orders.filter?.criteria[headerCol(orders, 'Stage')]?.hiddenValues).toEqual(expect.arrayContaining(['Shipped', 'Completed', 'Lost']));
  });

  it('leaves the sheet alone when nothing matches, and Show all rows brings every row back', () => {
    const sb = sampleWorkbook({ user: 'nobody@example.com' });
    sb.click('menuViewMyOverdue');
    expect(lastToast(sb)).toBe('My overdue: no row of Follow-ups matches; nothing was hidden.');
    expect(sheet(sb, 'Follow-ups').filter).toBeNull();
    sb.click('menuViewDueThisWeek');
    sb.click('menuViewShippingSoon');
    expect(sheet(sb, 'Follow-ups').hiddenByFilter.size).toBeGreaterThan(0);
    sb.click('menuViewClear');
    for (const name of ['Follow-ups', 'Orders']) {
      expect(sheet(sb, name).filter).toBeNull();
      expect(sheet(sb, name).hiddenByFilter.size).toBe(0);
    }
    expect(lastToast(sb)).toBe('Every row is shown again (Follow-ups, Orders, Pipeline, After-sales).');
  });
});
