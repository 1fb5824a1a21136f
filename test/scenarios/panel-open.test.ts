// Opening the customer panel through the real bundle: the customer of the selected row in any ledger, what the
// panel shows about it, in the user's language, and what opening costs.
import { StepError } from '../../src/sandbox/runtime';
import type { PanelContacts, PanelData } from '../../src/ui/sidebar-contract';
import { cell, headerCol, sheet } from './helpers';
import { openPanel, sampleWorkbook, shownPage, steps } from './panel-fixtures';

/** The first row of a sheet whose column shows `value`. */
function rowOf(sb: ReturnType<typeof sampleWorkbook>, sheetName: string, header: string, value: string): number {
  const s = sheet(sb, sheetName);
  for (let r = 2; r <= s.lastRow(); r++) if (cell(s, r, header) === value) return r;
  throw new Error(`no ${value} in ${sheetName}`);
}

function shownPageCount(sb: ReturnType<typeof sampleWorkbook>): number {
  return sb.env.uiEvents.filter((u) => u.kind === 'sidebar').length;
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
  it('costs six service calls from the click to the customer on screen: the page comes with the customer inside', () => {
    const sb = sampleWorkbook();
    const { data, steps } = openPanel(sb, `Orders!C${rowOf(sb, 'Orders', 'Order no.', 'SO-2026-0019')}`);
    expect(data.customer.name).toBe('Pacific Home Supply Inc.');
    // One execution, no call from the page: document properties (settings, language, where the sheets are), the
    // selection, Customers, Orders and Follow-ups, showing the page. The contact history waits for a click.
    expect(steps).toHaveLength(1);
    const [click] = steps;
    expect(click.step).toBe('--call menuOpenPanel');
    expect(click.total).toBe(6);
    expect(click.byMethod['SpreadsheetApp:Range.getValues']).toBe(3);
    expect(click.byMethod['PropertiesService:Properties.getProperties']).toBe(1);
    expect(click.byMethod['SpreadsheetApp:Spreadsheet.getActiveRange']).toBe(1);
    expect(click.byMethod['SpreadsheetApp:Ui.showSidebar']).toBe(1);
    expect(data.contacts).toBeNull();
    expect(data.customer.lastContact).toBe(cell(sheet(sb, 'Customers'), 2, 'Last contact'));
    expect(sb.env.uiEvents.find((u) => u.kind === 'sidebar')?.title).toBe('Gendan · Customer');
  });

  it('finds the customer of the selected row in Customers, Orders, Order lines, Contact log, Follow-ups and After-sales', () => {
    const sb = sampleWorkbook();
    const cases: [string, string, string, string, number][] = [
      ['Customers', 'Customer ID', 'C-0001', 'C-0001', 6],
      ['Orders', 'Order no.', 'SO-2026-0004', 'C-0001', 6],
      // Not shown by the panel: their header and the selected row cost two more reads.
      ['Order lines', 'Order no.', 'SO-2026-0027', 'C-0001', 8],
      // The Contact log is read to find the row's customer: the panel then shows the contact history too.
      ['Contact log', 'Contact ID', 'CT-0001', 'C-0001', 7],
      ['Follow-ups', 'ID', 'FU-0016', 'C-0001', 6],
      ['After-sales', 'Case no.', 'AS-2026-0008', 'C-0004', 8],
    ];
    for (const [name, header, value, customer, calls] of cases) {
      const row = rowOf(sb, name, header, value);
      const { data, steps } = openPanel(sb, `'${name}'!B${row}`);
      expect([name, data.customer.id, steps[0].total]).toEqual([name, customer, calls]);
      expect([name, data.contacts === null]).toEqual([name, name !== 'Contact log']);
    }
  });

  it('reads the contact history when asked: three calls, most recent first', () => {
    const sb = sampleWorkbook();
    openPanel(sb, 'Customers!A2');
    const [step] = steps(sb, () => sb.rpc('sidebarGetContacts', ['C-0001']));
    expect(step.total).toBe(3);
    const history = sb.rpc('sidebarGetContacts', ['C-0001']) as PanelContacts;
    const dates = history.contacts.map((c) => c.date);
    expect(dates.length).toBeGreaterThan(0);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(history.lastContact).toBe(dates[0].slice(0, 10));
    const full = sb.rpc('sidebarGetCustomer', ['C-0001', true]) as PanelData;
    expect(full.contacts).toEqual(history.contacts);
  });

  it('shows a customer who is only named in a row (an e-commerce buyer) with what is known', () => {
    const sb = sampleWorkbook();
    const { data } = openPanel(sb, `'After-sales'!D${rowOf(sb, 'After-sales', 'Case no.', 'AS-2026-0003')}`);
    expect(data.customer).toMatchObject({ id: 'Laura K.', name: 'Laura K.', country: '', link: '' });
    expect(data.orders).toEqual([]);
  });

  it('shows details, open orders with stage and today’s status and open follow-ups, most urgent first', () => {
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

  it('opens the page with the reason when the selection names no customer', () => {
    const sb = sampleWorkbook();
    sb.select('Settings!B4');
    sb.click('menuOpenPanel');
    const { page } = shownPage(sb);
    expect(page).toEqual({ error: expect.stringMatching(/^Select a row of the customer first/) });
    expect(sb.env.uiEvents.filter((u) => u.kind === 'alert')).toEqual([]);
  });

  it('puts data in the page so that no name can close its element or open a comment', () => {
    const sb = sampleWorkbook();
    const cu = sheet(sb, 'Customers');
    const name = 'Evil </script><script>alert(1)</script><!-- Ltd \u2028 Co';
    cu.set(2, headerCol(cu, 'Customer name'), name);
    const before = shownPageCount(sb);
    const { data } = openPanel(sb, 'Customers!A2');
    expect(shownPageCount(sb)).toBe(before + 1);
    expect(data.customer.name).toBe(name);
    const { html } = shownPage(sb);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<!-- Ltd');
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the data element's and the code's
  });

  it('passes markup in the data as plain text (the page inserts text only)', () => {
    const sb = sampleWorkbook();
    const cu = sheet(sb, 'Customers');
    cu.set(2, headerCol(cu, 'Customer name'), '<img src=x onerror="alert(1)"> & Co <b>');
    const data = sb.rpc('sidebarGetCustomer', ['C-0001']) as PanelData;
    expect(data.customer.name).toBe('<img src=x onerror="alert(1)"> & Co <b>');
  });
});
