// The real bundle in the sandbox: setting up a workbook, statuses that follow edits and the clock.
import { cell, newSandbox, pasteRow, ref, sheet } from './helpers';

describe('Set up workbook', () => {
  it('creates every ledger with headers, frozen row, dropdowns, status colours and protected auto columns', () => {
    const sb = newSandbox();
    sb.click('menuSetup');
    const names = sb.env.spreadsheet.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Customers', 'Products', 'Orders', 'Order lines', 'Contact log', 'Follow-ups', 'Pipeline', 'After-sales', 'Settings', 'Reminder log', 'Mail templates', 'Dashboard']));
    const orders = sheet(sb, 'Orders');
    expect(orders.frozenRows).toBe(1);
    expect(orders.get(1, 1)).toBe('Order no.');
    const stageCol = [...Array(orders.lastColumn()).keys()].map((i) => i + 1).find((c) => orders.get(1, c) === 'Stage')!;
    expect(orders.validationAt(2, stageCol)?.type).toBe('list');
    expect(orders.validationAt(2, stageCol)?.values).toContain('Quoted');
    expect(orders.conditionalRules.length).toBeGreaterThanOrEqual(3);
    expect(orders.protections.every((p) => p.warningOnly)).toBe(true);
    expect(orders.protections.map((p) => p.description)).toEqual(expect.arrayContaining([expect.stringContaining('Status')]));
    expect(sheet(sb, 'Settings').lastRow()).toBeGreaterThan(40);
    expect(sheet(sb, 'Mail templates').lastRow()).toBeGreaterThan(10);
  });

  it('changes nothing the second time', () => {
    const sb = newSandbox();
    sb.click('menuSetup');
    sb.env.ledger.reset();
    sb.click('menuSetup');
    const step = sb.env.ledger.allSteps()[0];
    const writes = Object.entries(step.byMethod).filter(([k]) => /setValues|setValue|insertSheet|setDataValidation|setConditionalFormatRules|protect|setFrozenRows|setNumberFormat|setNote/.test(k) && !k.includes('Settings'));
    // the sweep that follows setup writes nothing either on an empty workbook
    expect(writes).toEqual([]);
    expect(sb.env.uiEvents.filter((u) => u.kind === 'toast').pop()?.message).toContain('already set up');
  });

  it('sets up in Chinese for a zh locale', () => {
    const sb = newSandbox({ locale: 'zh-CN' });
    sb.click('menuSetup');
    expect(sb.env.spreadsheet.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['客户', '订单', '跟进计划']));
    expect(sheet(sb, '订单').get(1, 1)).toBe('订单编号');
  });
});

describe('statuses through edits and time', () => {
  it('a follow-up becomes overdue when the clock passes its due date, and done when marked', () => {
    const sb = newSandbox();
    sb.click('menuSetup');
    const fu = sheet(sb, 'Follow-ups');
    pasteRow(sb, fu, 2, { Customer: 'ACME Ltd', 'Next action': 'Send quotation', Owner: 'li.na@example.com', Due: '2026-03-03' });
    expect(cell(fu, 2, 'Status')).toBe('Pending');
    expect(String(cell(fu, 2, 'ID'))).toMatch(/^FU-\d{6}$/);
    sb.click('menuToggleAutomation');
    expect(sb.env.triggers.map((t) => t.handler).sort()).toEqual(['triggerDailySweep', 'triggerHourlyReminders', 'triggerOnChange']);
    sb.env.now += 2 * 86_400_000;
    sb.trigger('triggerDailySweep');
    expect(cell(fu, 2, 'Status')).toBe('Overdue');
    sb.edit(ref(fu, 2, 'Status'), 'Done');
    expect(cell(fu, 2, 'Status')).toBe('Done');
    expect(cell(fu, 2, 'Done on')).toBe('2026-03-04');
  });
});
