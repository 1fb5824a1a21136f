// Opening the customer panel through the real bundle: the customer of the selected row in any ledger, what the
// panel shows about it, in the user's language, and what opening costs.
import { StepError } from '../../src/sandbox/runtime';
import type { PanelData } from '../../src/ui/sidebar-contract';
import { cell, headerCol, sheet } from './helpers';
import { openPanel, sampleWorkbook } from './panel-fixtures';

/** The first row of a sheet whose column shows `value`. */
function rowOf(sb: ReturnType<typeof sampleWorkbook>, sheetName: string, header: string, value: string): number {
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

describe('opening the customer panel', () => {
  it('costs one service call for the menu click and six for the first data call', () => {
    const sb = sampleWorkbook();
    const { data, steps } = openPanel(sb, `Orders!C${rowOf(sb, 'Orders', 'Order no.', 'SO-2026-0019')}`);
    expect(data.customer.name).toBe('Pacific Home Supply Inc.');
    const [click, first] = steps;
    // The click: showing the page (the HTML file comes with the script: a handle call). The first call: document
    // properties (settings, language, where the sheets are), the selection, one read per ledger shown (Customers,
    // Orders, Contact log, Follow-ups). Seven round trips in all: one more than the budget of six.
    expect(click.step).toBe('--call menuOpenPanel');
    expect(click.total).toBe(1);
    expect(click.byMethod['SpreadsheetApp:Ui.showSidebar']).toBe(1);
    expect(first.step).toBe('rpc sidebarGetCustomer');
    expect(first.total).toBe(6);
    expect(first.byMethod['SpreadsheetApp:Range.getValues']).toBe(4);
    expect(first.byMethod['PropertiesService:Properties.getProperties']).toBe(1);
    expect(first.byMethod['SpreadsheetApp:Spreadsheet.getActiveRange']).toBe(1);
    expect(sb.env.uiEvents.find((u) => u.kind === 'sidebar')?.title).toBe('Gendan · Customer');
  });

  it('finds the customer of the selected row in Customers, Orders, Order lines, Contact log, Follow-ups and After-sales', () => {
    const sb = sampleWorkbook();
    const cases: [string, string, string, string][] = [
      ['Customers', 'Customer ID', 'C-0001', 'C-0001'],
      ['Orders', 'Order no.', 'SO-2026-0004', 'C-0001'],
      ['Order lines', 'Order no.', 'SO-2026-0027', 'C-0001'],
      ['Contact log', 'Contact ID', 'CT-0001', 'C-0001'],
      ['Follow-ups', 'ID', 'FU-0016', 'C-0001'],
      ['After-sales', 'Case no.', 'AS-2026-0008', 'C-0004'],
    ];
    for (const [name, header, value, customer] of cases) {
      const row = rowOf(sb, name, header, value);
      const { data, steps } = openPanel(sb, `'${name}'!B${row}`);
      expect([name, data.customer.id]).toEqual([name, customer]);
      // Order lines and After-sales are not shown: their header and the selected row cost two more reads.
      expect([name, steps[1].total]).toEqual([name, name === 'Order lines' || name === 'After-sales' ? 8 : 6]);
    }
  });

  it('shows a customer who is only named in a row (an e-commerce buyer) with what is known', () => {
    const sb = sampleWorkbook();
    const { data } = openPanel(sb, `'After-sales'!D${rowOf(sb, 'After-sales', 'Case no.', 'AS-2026-0003')}`);
    expect(data.customer).toMatchObject({ id: 'Laura K.', name: 'Laura K.', country: '', link: '' });
    expect(data.orders).toEqual([]);
  });

  it('shows details, open orders with stage and today’s status, recent contacts and open follow-ups, most urgent first', () => {
    const sb = sampleWorkbook();
    const { data } = openPanel(sb, 'Customers!A2');
    expect(data.lang).toBe('en');
    expect(data.customer).toMatchObject({
      id: 'C-0001',
      name: 'Pacific Home Supply Inc.',
      country: 'United States',
      timeZone: 'America/Los_Angeles',
      contact: 'Jennifer Walsh, Purchasing Director',
      owner: 'li.na@example.com',
      grade: 'A',
    });
    expect(data.customer.localTime).toMatch(/^Sun 18:\d\d$/); // 10:00 Monday in Shanghai
    expect(data.customer.link).toMatch(/#gid=\d+&range=B2$/);
    // Open orders only (SO-2025-0087 is completed), with stage labels and a status computed for today.
    expect(data.orders.map((o) => [o.orderNo, o.stage, o.statusCode])).toEqual([
      ['SO-2026-0004', 'Ready to ship', 'in-progress'],
      ['SO-2026-0019', 'Quoted', 'in-progress'],
      ['SO-2026-0027', 'Inquiry', 'pending'],
    ]);
    expect(data.orders[0].total).toBe('USD 34,650.00');
    const contactDates = data.contacts.map((c) => c.date);
    expect([...contactDates].sort().reverse()).toEqual(contactDates);
    expect(data.followUps.map((f) => f.id)).not.toContain('FU-0001'); // done
    expect(data.followUps.map((f) => f.due)).toEqual([...data.followUps.map((f) => f.due)].sort());
    expect(data.channels.map((c) => c.code)).toEqual(['face-to-face', 'phone', 'video', 'email', 'im']);
    expect(data.documentsUrl).toBeNull();
  });

  it('marks what is due today amber and what is late red', () => {
    const sb = sampleWorkbook();
    const fu = sheet(sb, 'Follow-ups');
    const r = rowOf(sb, 'Follow-ups', 'ID', 'FU-0016');
    fu.set(r, headerCol(fu, 'Due'), fu.get(rowOf(sb, 'Follow-ups', 'ID', 'FU-0005'), headerCol(fu, 'Due'))); // today
    const { data } = openPanel(sb, 'Customers!A2');
    const f = data.followUps.find((x) => x.id === 'FU-0016');
    expect(f).toMatchObject({ statusCode: 'due-today', status: 'Due today', due: '2026-03-02' });
    const late = openPanel(sb, `Orders!A${rowOf(sb, 'Orders', 'Order no.', 'SO-2026-0001')}`).data;
    expect(late.orders.find((o) => o.orderNo === 'SO-2026-0001')).toMatchObject({ statusCode: 'overdue', status: 'Overdue' });
  });

  it('speaks Chinese in a Chinese workbook: labels, channels and the panel’s own strings', () => {
    const sb = sampleWorkbook({ locale: 'zh-CN' });
    const { data } = openPanel(sb, '客户!A2');
    expect(data.lang).toBe('zh');
    expect(data.strings['sidebar.log.submit']).toBe('保存记录');
    expect(data.orders.map((o) => o.stage)).toEqual(['待出货', '已报价', '询盘']);
    expect(data.channels.map((c) => c.label)).toEqual(['面谈', '电话', '视频', '邮件', '即时通讯']);
    expect(data.customer.localTime).toMatch(/^周日 /);
    expect(data.orders[0].total).toBe('US$34,650.00');
  });

  it('refuses a selection that names no customer, in the user’s language', () => {
    const sb = sampleWorkbook();
    sb.select('Settings!B4');
    expect(rpcError(() => sb.rpc('sidebarGetCustomer', [null]))).toMatch(/^Select a row of the customer first/);
    const fu = sheet(sb, 'Follow-ups');
    const r = rowOf(sb, 'Follow-ups', 'ID', 'FU-0019'); // a project follow-up: no customer, no order
    sb.select(`Follow-ups!A${r}`);
    expect(rpcError(() => sb.rpc('sidebarGetCustomer', [null]))).toBe(`Row ${r} of ${fu.name} names no customer.`);
  });

  it('passes markup in the data as plain text (the page inserts text only)', () => {
    const sb = sampleWorkbook();
    const cu = sheet(sb, 'Customers');
    cu.set(2, headerCol(cu, 'Customer name'), '<img src=x onerror="alert(1)"> & Co <b>');
    const data = sb.rpc('sidebarGetCustomer', ['C-0001']) as PanelData;
    expect(data.customer.name).toBe('<img src=x onerror="alert(1)"> & Co <b>');
  });
});
