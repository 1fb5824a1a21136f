// Switch language through the real bundle: Gendan's sheet names, headers, dropdown values and Settings texts change
// language; every value survives English → Chinese → English; the user's own columns and formulas are untouched.
import type { Sandbox } from '../../src/sandbox/runtime';
import type { CellValue, SheetModel } from '../../src/sandbox/spreadsheet/model';
import { cell, headerCol, ref, sheet } from './helpers';
import { sampleWorkbook } from './panel-fixtures';

/** Every sheet but the Dashboard (Gendan redraws it), by sheet ID: name and every cell value. */
function snapshot(sb: Sandbox): Map<number, { name: string; cells: CellValue[][] }> {
  const out = new Map<number, { name: string; cells: CellValue[][] }>();
  for (const s of sb.env.spreadsheet.sheets) {
    if (s.name === 'Dashboard' || s.name === '看板') continue;
    out.set(s.id, { name: s.name, cells: s.values.map((row) => row.map((v) => v)) });
  }
  return out;
}

/** Adds a column of the user's own, with text that looks like Gendan's labels, after the last column. */
function addOwnColumn(s: SheetModel, header: string): number {
  const c = s.lastColumn() + 1;
  s.set(1, c, header);
  for (let r = 2; r <= s.lastRow(); r++) s.set(r, c, r % 2 ? 'Pending' : `note ${r}`);
  return c;
}

function switchTo(sb: Sandbox): void {
  sb.env.uiAnswers.push({ button: 'YES' });
  sb.click('menuSwitchLanguage');
}

describe('Switch language', () => {
  it('renames sheets and headers and translates dropdown values, lists and Settings texts into Chinese', () => {
    const sb = sampleWorkbook();
    switchTo(sb);
    const names = sb.env.spreadsheet.sheets.map((s) => s.name);
    expect(names).toEqual(['Sheet1', '客户', '产品', '订单', '订单明细', '沟通记录', '跟进计划', '项目跟踪', '售后登记', '设置', '提醒日志', '邮件模板', '看板']);
    const orders = sheet(sb, '订单');
    expect([1, 2, 3, 4, 5].map((c) => orders.get(1, c))).toEqual(['订单编号', '客户', '跟单员', '阶段', '状态']);
    let r = 2;
    while (cell(orders, r, '订单编号') !== 'SO-2026-0019') r++;
    expect([cell(orders, r, '阶段'), cell(orders, r, '状态'), cell(orders, r, '运输方式')]).toEqual(['已报价', '进行中', '海运']);
    expect(orders.validationAt(2, headerCol(orders, '阶段'))?.values).toEqual(['询盘', '已报价', '已签约', '已收定金', '生产中', '待出货', '已出货', '已收余款', '已完成', '已终止']);
    const settings = sheet(sb, '设置');
    expect([settings.get(1, 1), settings.get(2, 1), settings.get(3, 1)]).toEqual(['设置项', '— 公司信息 —', '公司名称（英文）']);
    expect(sb.env.uiEvents.filter((u) => u.kind === 'toast').pop()?.message).toMatch(/^Gendan is now in Chinese: 12 sheet\(s\) renamed, \d+ header\(s\), \d+ dropdown value\(s\) and \d+ Settings text\(s\) translated\.$/);
    // Gendan goes on working in the new language: a status it writes is in Chinese.
    const fu = sheet(sb, '跟进计划');
    sb.edit(ref(fu, 3, '完成时限'), '2026-02-01'); // FU-0002, open
    expect(cell(fu, 3, '当前状态')).toBe('已逾期');
  });

  it('keeps every cell value through English → Chinese → English, and never touches the user’s own columns', () => {
    const sb = sampleWorkbook();
    const own = addOwnColumn(sheet(sb, 'Orders'), 'My remarks');
    const ownFu = addOwnColumn(sheet(sb, 'Follow-ups'), 'Status (mine)');
    const before = snapshot(sb);
    const orders = sheet(sb, 'Orders');
    const ownBefore = orders.values.map((row) => row[own - 1]);

    switchTo(sb);
    expect(sheet(sb, '订单').values.map((row) => row[own - 1])).toEqual(ownBefore);
    expect(sheet(sb, '跟进计划').get(1, ownFu)).toBe('Status (mine)');
    expect(sheet(sb, '跟进计划').get(3, ownFu)).toBe('Pending');

    switchTo(sb);
    const after = snapshot(sb);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [id, b] of before) expect(after.get(id)).toEqual(b);
  });

  it('leaves formulas, other spellings and renamed headers as they are', () => {
    const sb = sampleWorkbook();
    const orders = sheet(sb, 'Orders');
    const stage = headerCol(orders, 'Stage');
    orders.set(3, stage, 'Quote sent'); // an alias people type
    orders.formulas.set(`4,${stage}`, '=IF(TRUE,"Quoted","")');
    orders.set(4, stage, 'Quoted');
    orders.set(1, headerCol(orders, 'Factory'), 'Supplier'); // the user's own name for the column
    switchTo(sb);
    expect([orders.get(3, stage), orders.get(4, stage), orders.formulas.get(`4,${stage}`)]).toEqual(['Quote sent', 'Quoted', '=IF(TRUE,"Quoted","")']);
    expect(orders.get(1, headerCol(orders, 'Supplier'))).toBe('Supplier');
  });

  it('makes a workbook language set in Settings follow, and the menu with it', () => {
    const sb = sampleWorkbook();
    const settings = sheet(sb, 'Settings');
    let r = 2;
    while (settings.get(r, 1) !== 'Workbook language') r++;
    sb.edit(`Settings!B${r}`, 'en');
    switchTo(sb);
    expect(settings.get(r, 2)).toBe('zh');
    const menu = sb.env.menus.get('li.na@example.com') as { items: { caption?: string }[] };
    expect(menu.items.map((i) => i.caption)).toContain('打开客户面板');
    expect(sb.env.uiEvents.filter((u) => u.kind === 'toast').pop()?.message).toMatch(/^跟单已切换为中文/);
  });

  it('finishes a switch that died half-way when it is run again', () => {
    const reference = sampleWorkbook();
    switchTo(reference);
    for (const k of [12, 40, 80]) {
      const sb = sampleWorkbook();
      sb.env.ledger.reset();
      sb.env.ledger.arm({ atCall: k, message: `crash at round trip ${k}` });
      sb.env.uiAnswers.push({ button: 'YES' });
      expect(() => sb.click('menuSwitchLanguage')).toThrow(`crash at round trip ${k}`);
      sb.env.ledger.disarm();
      switchTo(sb);
      expect([k, [...snapshot(sb).values()]]).toEqual([k, [...snapshot(reference).values()]]);
    }
  });

  it('asks first, and changes nothing when the user says no', () => {
    const sb = sampleWorkbook();
    const before = snapshot(sb);
    sb.env.uiAnswers.push({ button: 'NO' });
    sb.click('menuSwitchLanguage');
    expect(sb.env.uiEvents.filter((u) => u.kind === 'alert').pop()?.message).toMatch(/into Chinese\?/);
    expect(snapshot(sb)).toEqual(before);
  });
});
