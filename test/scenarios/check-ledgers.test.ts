// "Check ledgers" through the real bundle: every problem named by sheet, row and column; nothing changed.
import { headerCol, newSandbox, sheet } from './helpers';
import { SheetModel, WallDate } from '../../src/sandbox/spreadsheet/model';

interface DialogIssue {
  sheet: string;
  row: number;
  column: string;
  header: string;
  value: string;
  message: string;
}

function dialogData(html: string): { summary: string; issues: DialogIssue[] } {
  const m = /var DATA = (.*);/.exec(html);
  if (!m) throw new Error('no DATA in the dialog');
  return JSON.parse(m[1]) as { summary: string; issues: DialogIssue[] };
}

describe('Check ledgers', () => {
  it('lists bad cells, formulas in auto columns, duplicate numbers and unknown references — and changes nothing', () => {
    const sb = newSandbox();
    sb.click('menuSetup');
    const orders = sheet(sb, 'Orders');
    const lines = sheet(sb, 'Order lines');
    const set = (s: SheetModel, row: number, header: string, v: string | number | WallDate) => s.set(row, headerCol(s, header), v);
    set(orders, 2, 'Order no.', 'SO-2026-0001');
    set(orders, 2, 'Customer', 'ACME Ltd');
    set(orders, 2, 'Delivery date', 'next week');
    set(orders, 3, 'Order no.', 'SO-2026-0001');
    set(orders, 3, 'Customer', 'ACME Ltd');
    set(orders, 3, 'Delivery date', '2026年3月9日');
    set(orders, 3, 'Deposit %', '３０%');
    set(orders, 3, 'Total amount', 0);
    orders.formulas.set(SheetModel.key(3, headerCol(orders, 'Total amount')), '=SUM(1,2)');
    set(lines, 2, 'Order no.', 'SO-2099-0042');
    set(lines, 2, 'Quantity', 'lots');
    set(orders, 5, 'Notes', 'x'.repeat(50_000));
    const before = JSON.stringify(sb.env.spreadsheet.sheets.map((s) => s.values));
    sb.env.ledger.reset();
    sb.click('menuCheckLedgers');
    const writes = Object.keys(sb.env.ledger.allSteps()[0].byMethod).filter((k) => /set[A-Z]|insert|protect|clear/.test(k));
    expect(writes).toEqual([]);
    expect(JSON.stringify(sb.env.spreadsheet.sheets.map((s) => s.values))).toBe(before);
    const dialog = sb.env.uiEvents.filter((u) => u.kind === 'dialog').pop()!;
    const { summary, issues } = dialogData(dialog.html!);
    expect(summary).toMatch(/problem/);
    const find = (sheetName: string, row: number, header: string) => issues.find((i) => i.sheet === sheetName && i.row === row && i.header === header);
    expect(find('Orders', 2, 'Delivery date')?.message).toMatch(/Orders row 2, column [A-Z]+ \(Delivery date\).*next week/);
    expect(find('Orders', 3, 'Delivery date')).toBeUndefined(); // 2026年3月9日 is a date
    expect(find('Orders', 3, 'Deposit %')).toBeUndefined(); // full-width digits are read
    expect(find('Orders', 3, 'Order no.')?.message).toContain('SO-2026-0001');
    expect(find('Orders', 3, 'Total amount')?.message).toContain('formula');
    expect(find('Order lines', 2, 'Order no.')?.message).toContain('SO-2099-0042');
    expect(find('Order lines', 2, 'Quantity')?.message).toContain('lots');
    for (const i of issues) {
      expect(i.sheet).toBeTruthy();
      if (i.row) expect(i.column).toMatch(/^[A-Z]+$/);
    }
  });

  it('reports two columns with the same header and a required header renamed to something unknown', () => {
    const sb = newSandbox();
    sb.click('menuSetup');
    const fu = sheet(sb, 'Follow-ups');
    fu.set(1, headerCol(fu, 'Next action'), 'What to do');
    fu.set(1, headerCol(fu, 'Notes'), 'Owner');
    sb.click('menuCheckLedgers');
    const { issues } = dialogData(sb.env.uiEvents.filter((u) => u.kind === 'dialog').pop()!.html!);
    const fuIssues = issues.filter((i) => i.sheet === 'Follow-ups').map((i) => i.message);
    expect(fuIssues.join('\n')).toMatch(/Next action/);
    expect(fuIssues.join('\n')).toMatch(/Owner/);
  });
});
