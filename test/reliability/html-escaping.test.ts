// HTML and script in customer names reach the Check ledgers dialog, the customer panel and the mails as text: the
// pages the bundle serves are opened in a real browser (Chromium) and must show the names verbatim without running
// or building anything from them; mail HTML carries them escaped.
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../src/sandbox/runtime';
import type { SheetModel } from '../../src/sandbox/spreadsheet/model';
import { mailRecords } from '../../src/sandbox/mail/model';
import { launchBrowser, startSidebarServer, type PanelBrowser, type SidebarServer } from '../ui/harness';
import { setUpWorkbook } from './crash-kit';

const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img'">`,
  `<script>window.__pwned='script'</script>`,
  `</script><script>window.__pwned='break-out'</script>`,
  `"><svg onload="window.__pwned='svg'">`,
  `Tom & Jerry's <b>Bold</b> Trading \u2028 Co.`,
];

function col(s: SheetModel, header: string): number {
  const i = (s.values[0] ?? []).indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${s.name}`);
  return i + 1;
}

function sheet(sb: Sandbox, name: string): SheetModel {
  const s = sb.env.spreadsheet.sheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The HTML of the last dialog or sidebar the bundle showed. */
function lastPage(sb: Sandbox, kind: 'dialog' | 'sidebar'): string {
  const html = sb.env.uiEvents.filter((u) => u.kind === kind).pop()?.html;
  if (!html) throw new Error(`no ${kind} shown`);
  return html;
}

let browser: PanelBrowser;
const servers: SidebarServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);

afterEach(async () => {
  for (const p of browser?.context.pages() ?? []) await p.close();
  while (servers.length) await servers.pop()?.close();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a page the bundle made, with google.script.run answered by the sandbox. */
async function open(sb: Sandbox, html: string): Promise<{ page: Page; errors: string[] }> {
  const server = await startSidebarServer(html, (fn, args) => sb.rpc(fn, args));
  servers.push(server);
  return browser.open(server.url);
}

/** What a page built: a script run from data sets window.__pwned; injected elements would carry these names. */
async function injected(page: Page): Promise<{ pwned: unknown; elements: number }> {
  return page.evaluate(`({ pwned: window.__pwned === undefined ? null : window.__pwned, elements: document.querySelectorAll('img[src="x"], svg[onload], b').length })`) as Promise<{ pwned: unknown; elements: number }>;
}

describe('Check ledgers', () => {
  it('shows customer names holding HTML and script as text, in the dialog and in a browser', async () => {
    const sb = setUpWorkbook();
    const orders = sheet(sb, 'Orders');
    PAYLOADS.forEach((p, i) => orders.set(2 + i, col(orders, 'Customer'), p));
    sb.click('menuCheckLedgers');
    const html = lastPage(sb, 'dialog');
    for (const p of PAYLOADS.slice(0, 4)) expect(html).not.toContain(p);
    const { page, errors } = await open(sb, html);
    await page.locator('#rows tr').first().waitFor();
    const shown = await page.locator('#rows .value').allTextContents();
    for (const p of PAYLOADS) expect(shown).toContain(p);
    expect(await injected(page)).toEqual({ pwned: null, elements: 0 });
    expect(errors).toEqual([]);
  });
});

describe(`customer panel`, () => {
  it.each(PAYLOADS.map((p, i) => [i, p]))('shows customer name %i as text, in the data and in a browser', async (i, payload) => {
    const sb = setUpWorkbook();
    const customers = sheet(sb, 'Customers');
    const row = 2 + Number(i);
    customers.set(row, col(customers, 'Customer name'), payload);
    customers.set(row, col(customers, 'Contact'), payload);
    sb.select(`Customers!A${row}`);
    const data = sb.rpc('sidebarGetCustomer', [null]) as { customer: { name: string; contact: string } };
    expect(data.customer.name).toBe(payload);
    expect(data.customer.contact.startsWith(payload)).toBe(true);
    sb.click('menuOpenPanel');
    const { page, errors } = await open(sb, lastPage(sb, 'sidebar'));
    await page.locator('#customer-name').waitFor({ state: 'visible' });
    expect(await page.locator('#customer-name').textContent()).toBe(payload);
    expect(await injected(page)).toEqual({ pwned: null, elements: 0 });
    expect(errors).toEqual([]);
  });
});

it(`reminder mails carry customer names escaped in HTML and verbatim in text`, async () => {
  const sb = setUpWorkbook();
  const customers = sheet(sb, 'Customers');
  for (let r = 2; r <= customers.lastRow(); r++) {
    customers.set(r, col(customers, 'Customer name'), PAYLOADS[(r - 2) % PAYLOADS.length]);
    customers.set(r, col(customers, 'Contact'), PAYLOADS[(r - 2) % PAYLOADS.length]);
  }
  sb.click('menuRemindersRun');
  const mails = mailRecords(sb.env);
  expect(mails.length).toBeGreaterThan(0);
  let carrying = 0;
  for (const m of mails) {
    const parsed = await simpleParser(m.raw);
    const text = parsed.text ?? '';
    const html = typeof parsed.html === 'string' ? parsed.html : '';
    const named = PAYLOADS.filter((p) => text.includes(p));
    if (!named.length) continue;
    carrying++;
    for (const p of PAYLOADS.slice(0, 4)) expect({ mail: m.subject, html: html.includes(p) }).toEqual({ mail: m.subject, html: false });
    expect(html).toContain('&lt;');
  }
  expect(carrying).toBeGreaterThan(0);
});
