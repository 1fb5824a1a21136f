// The customer panel end to end: the page Gendan's menu item serves (with the customer inside), in Chromium, its
// google.script.run calls answered by the real bundle in the sandbox (a workbook set up with menuSetup and the sample rows). Logging a contact
// and marking a follow-up done change the sandbox's sheets; screenshots in English and Chinese are kept.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { StepError, errorMessage, type Sandbox } from '../../src/sandbox/runtime';
import { cell, headerCol, sheet } from '../scenarios/helpers';
import { sampleWorkbook } from '../scenarios/panel-fixtures';
import { assertCjkFont, launchBrowser, startSidebarServer, type PanelBrowser, type SidebarServer } from './harness';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts');

let browser: PanelBrowser;
const servers: SidebarServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterEach(async () => {
  for (const pg of browser?.context.pages() ?? []) await pg.close();
  while (servers.length) await servers.pop()?.close();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The user selects `selection` and clicks Open customer panel: the page the sandbox's HtmlService served is opened
 * in the browser, each google.script.run call runs the bundle (a failure reaches the page with its message only,
 * as Apps Script passes it).
 */
async function openFromMenu(sb: Sandbox, selection: string): Promise<{ page: Page; errors: string[]; server: SidebarServer }> {
  sb.select(selection);
  sb.click('menuOpenPanel');
  const html = sb.env.uiEvents.filter((u) => u.kind === 'sidebar').pop()?.html;
  if (!html) throw new Error('the menu item showed no sidebar');
  const server = await startSidebarServer(html, (fn, args) => {
    try {
      return sb.rpc(fn, args);
    } catch (e) {
      throw new Error(e instanceof StepError ? errorMessage(e.error) : errorMessage(e), { cause: e });
    }
  });
  servers.push(server);
  const { page, errors } = await browser.open(server.url);
  await page.locator('#customer-name').waitFor({ state: 'visible' });
  return { page, errors, server };
}

function rowOf(sb: Sandbox, sheetName: string, header: string, value: string): number {
  const s = sheet(sb, sheetName);
  for (let r = 2; r <= s.lastRow(); r++) if (cell(s, r, header) === value) return r;
  throw new Error(`no ${value} in ${sheetName}`);
}

describe('customer panel over the sandbox', () => {
  it('opens on the selected order’s customer, logs a contact and marks a follow-up done in the sheets (English)', async () => {
    const sb = sampleWorkbook();
    const { page, errors, server } = await openFromMenu(sb, `Orders!B${rowOf(sb, 'Orders', 'Order no.', 'SO-2026-0019')}`);
    expect(await page.locator('#customer-name').textContent()).toBe('Pacific Home Supply Inc.');
    // The menu item served the page with the customer inside: the page made no call to show it.
    expect(server.calls).toEqual([]);
    await page.getByRole('button', { name: 'Show recent contacts' }).click();
    await page.locator('#contacts > li').first().waitFor();
    expect(server.calls).toEqual([{ fn: 'sidebarGetContacts', args: ['C-0001'] }]);
    expect(await page.locator('#orders > li .item-title').allTextContents()).toEqual(['SO-2026-0004', 'SO-2026-0019', 'SO-2026-0027']);
    expect(await page.locator('#orders > li').first().innerText()).toContain('Stage Ready to ship');

    // Log a contact with a next action.
    const log = sheet(sb, 'Contact log');
    const fu = sheet(sb, 'Follow-ups');
    const [logRows, fuRows] = [log.lastRow(), fu.lastRow()];
    await page.getByLabel('Channel').selectOption('phone');
    await page.getByLabel('Topic').fill('Sample feedback call');
    await page.getByLabel('Customer feedback').fill('Likes the satin finish; wants 200 more sets.');
    await page.getByLabel('Next action').fill('Send the revised quotation');
    await page.getByLabel('Due').fill('2026-03-06');
    await page.locator('#log-submit').click();
    await page.locator('#status', { hasText: 'Contact saved.' }).waitFor();
    expect(log.lastRow()).toBe(logRows + 1);
    expect([cell(log, log.lastRow(), 'Topic'), cell(log, log.lastRow(), 'Channel'), cell(log, log.lastRow(), 'Customer')]).toEqual(['Sample feedback call', 'Phone', 'C-0001']);
    expect(fu.lastRow()).toBe(fuRows + 1);
    expect([cell(fu, fu.lastRow(), 'Next action'), cell(fu, fu.lastRow(), 'Owner'), cell(fu, fu.lastRow(), 'Status')]).toEqual(['Send the revised quotation', 'li.na@example.com', 'Pending']);
    expect(await page.locator('#contacts > li .item-title').first().textContent()).toBe('Sample feedback call');

    // Mark a follow-up done.
    const r = rowOf(sb, 'Follow-ups', 'ID', 'FU-0016');
    const item = page.locator('#followups > li', { hasText: 'Book the container' });
    await item.getByRole('button', { name: 'Mark done' }).click();
    await page.locator('#status', { hasText: 'Follow-up marked done.' }).waitFor();
    expect([cell(fu, r, 'Status'), cell(fu, r, 'Done on')]).toEqual(['Done', '2026-03-02']);
    expect(await page.locator('#followups').innerText()).not.toContain('Book the container');

    // Snooze one by a week.
    const soon = page.locator('#followups > li', { hasText: 'sample test result' });
    await soon.getByRole('group', { name: /Snooze/ }).getByRole('button', { name: '1 week' }).click();
    await page.locator('#status', { hasText: 'Follow-up snoozed.' }).waitFor();
    expect(cell(fu, rowOf(sb, 'Follow-ups', 'ID', 'FU-0002'), 'Snoozed until')).toBe('2026-03-11');

    await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-sandbox-en.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows a server refusal in the panel, and markup in the data as text', async () => {
    const sb = sampleWorkbook();
    const cu = sheet(sb, 'Customers');
    const name = '<img src=x onerror="window.pwned=1">Pacific & Co </script><script>window.pwned=2</script><!--';
    cu.set(2, headerCol(cu, 'Customer name'), name);
    const { page, errors } = await openFromMenu(sb, 'Customers!A2');
    expect(await page.locator('#customer-name').textContent()).toBe(name);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate('window.pwned')).toBeUndefined();

    // Another user marked it done meanwhile, then removed its row: the server's message reaches the page.
    const fu = sheet(sb, 'Follow-ups');
    fu.set(rowOf(sb, 'Follow-ups', 'ID', 'FU-0016'), headerCol(fu, 'ID'), 'FU-9016');
    await page.locator('#followups > li', { hasText: 'Book the container' }).getByRole('button', { name: 'Mark done' }).click();
    await page.getByRole('alert').filter({ hasText: 'FU-0016' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('That did not work: Follow-up FU-0016 is no longer in Follow-ups; refresh the panel.');
    expect(errors).toEqual([]);
  });

  it('speaks Chinese in a Chinese workbook and marks a follow-up done there (Chinese)', async () => {
    assertCjkFont();
    const sb = sampleWorkbook({ locale: 'zh-CN' });
    const { page, errors } = await openFromMenu(sb, '客户!A2');
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    expect(await page.locator('#log-submit').textContent()).toBe('保存记录');
    expect(await page.locator('#orders > li').first().innerText()).toContain('阶段 待出货');
    const fu = sheet(sb, '跟进计划');
    const r = rowOf(sb, '跟进计划', '编号', 'FU-0016');
    await page.locator('#followups > li', { hasText: 'Book the container' }).getByRole('button', { name: '标记完成' }).click();
    await page.locator('#status', { hasText: '跟进已标记完成。' }).waitFor();
    expect(cell(fu, r, '当前状态')).toBe('已完成');
    await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-sandbox-zh.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
