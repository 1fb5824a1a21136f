// The customer panel in a real browser: loads, renders, acts through google.script.run, escapes data, works by keyboard.
import fs from 'node:fs';
import path from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import { FakeSidebarBackend, type FakeCustomerOptions } from './fake-sidebar-backend';
import { assertCjkFont, holdable, launchBrowser, startSidebarServer, type PanelBrowser, type SidebarBackend, type SidebarServer } from './harness';
import { scriptJson } from '../../src/gas/adapters/gas-services';
import type { PanelPage } from '../../src/ui/sidebar-contract';

const ROOT = path.join(__dirname, '../..');
const HTML = fs.readFileSync(path.join(ROOT, 'src/ui/sidebar.html'), 'utf8');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

interface Opened {
  page: Page;
  errors: string[];
  server: SidebarServer;
}

const servers: SidebarServer[] = [];
let browser: PanelBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(async () => {
  for (const pg of browser?.context.pages() ?? []) await pg.close();
  while (servers.length) await servers.pop()?.close();
});

afterAll(async () => {
  await browser?.close();
});

async function openPanel(backend: SidebarBackend, on: PanelBrowser = browser): Promise<Opened> {
  const server = await startSidebarServer(HTML, backend);
  servers.push(server);
  const { page, errors } = await on.open(server.url);
  return { page, errors, server };
}

/** The page as the menu item serves it: the template's one scriptlet filled with the page data, as the server writes it. */
function served(page: PanelPage): string {
  expect(HTML.split('<?!= data ?>')).toHaveLength(2);
  return HTML.replace('<?!= data ?>', () => scriptJson(page));
}

async function openServed(page: PanelPage, backend: SidebarBackend): Promise<Opened> {
  const server = await startSidebarServer(served(page), backend);
  servers.push(server);
  const opened = await browser.open(server.url);
  return { ...opened, server };
}

async function openLoaded(options: FakeCustomerOptions = {}): Promise<Opened & { fake: FakeSidebarBackend }> {
  const fake = new FakeSidebarBackend(options);
  const opened = await openPanel(fake.dispatch);
  await opened.page.locator('#customer-name').waitFor({ state: 'visible' });
  return { ...opened, fake };
}

const followUpItems = (page: Page) => page.locator('#followups > li');
const orderItem = (page: Page, orderNo: string) => page.locator('#orders > li', { hasText: orderNo });

/** Elements sticking out of the 300 px panel, and the page's horizontal scroll width. */
async function overflow(page: Page): Promise<{ scrollWidth: number; width: number; outside: string[] }> {
  return page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const outside = [];
    for (const node of document.querySelectorAll('body *')) {
      const r = node.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > width + 0.5 || r.left < -0.5) outside.push(node.tagName + '#' + node.id + '.' + node.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, outside };
  })()`);
}

describe('customer panel (src/ui/sidebar.html)', () => {
  it('without data in the page, shows a bilingual loading line, then renders the customer from sidebarGetCustomer(null)', async () => {
    const fake = new FakeSidebarBackend();
    const gate = holdable(fake.dispatch);
    gate.hold();
    const { page, errors, server } = await openPanel(gate.backend);

    const loading = page.locator('#loading');
    await expect(loading.textContent()).resolves.toMatch(/Loading customer….*正在加载客户…/s);
    expect(await loading.isVisible()).toBe(true);
    gate.release();

    await page.locator('#customer-name').waitFor();
    expect(await loading.isVisible()).toBe(false);
    expect(server.calls[0]).toEqual({ fn: 'sidebarGetCustomer', args: [null] });
    expect(await page.evaluate('document.compatMode')).toBe('CSS1Compat');

    expect(await page.locator('#customer-name').textContent()).toBe('Nordlicht Home GmbH');
    const details = await page.locator('#details').innerText();
    for (const expected of ['Country', 'Germany', 'Local time', 'Fri 09:30 (Europe/Berlin)', 'Anna Weber (Purchasing manager)',
      'anna.weber@nordlicht-home.de', '+49 40 1234 5678', 'li.na@gendan-demo.com', 'Grade', 'Last contact', '2025-03-10',
      'Next follow-up', '2025-03-13']) {
      expect(details).toContain(expected);
    }
    expect(await page.locator('#customer-link').getAttribute('href')).toBe('https://docs.google.com/spreadsheets/d/1FakeGendanWorkbook/edit#gid=0&range=A7');

    expect(await page.locator('#orders > li').count()).toBe(2);
    expect(await followUpItems(page).count()).toBe(2);
    // The contact history is read when asked for.
    expect(await page.locator('#contacts > li').count()).toBe(0);
    expect(await page.locator('#contacts-empty').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show recent contacts' }).click();
    await page.locator('#contacts > li').first().waitFor();
    expect(server.calls.at(-1)).toEqual({ fn: 'sidebarGetContacts', args: ['C-0042'] });
    expect(await page.locator('#contacts > li').count()).toBe(3);
    expect(await page.locator('#contacts-count').textContent()).toBe('(3)');
    expect(await page.locator('#contacts-show').isVisible()).toBe(false);
    expect(await page.evaluate('document.activeElement.id')).toBe('h-contacts');

    const lateOrder = orderItem(page, 'SO-2025-0007');
    expect(await lateOrder.locator('.badge').textContent()).toBe('Overdue');
    expect(await lateOrder.locator('.badge').getAttribute('class')).toContain('badge-overdue');
    expect(await lateOrder.innerText()).toMatch(/Stage In production/);
    expect(await lateOrder.getByRole('button').count()).toBe(0); // past quoting
    expect(await orderItem(page, 'SO-2025-0012').getByRole('button', { name: 'Generate quotation' }).count()).toBe(1);

    const badgeColours = await page.evaluate(`[...document.querySelectorAll('#followups .badge')].map((b) => [b.className, getComputedStyle(b).color])`);
    expect(badgeColours).toEqual([
      ['badge badge-overdue', 'rgb(179, 38, 30)'],
      ['badge badge-in-progress', 'rgb(23, 78, 166)'],
    ]);
    expect(await page.locator('#f-owner').inputValue()).toBe('li.na@gendan-demo.com');
    expect(await page.locator('#f-channel option').allTextContents()).toEqual(['Email', 'Phone', 'Video call', 'Face-to-face', 'WhatsApp / WeChat']);
    expect(errors).toEqual([]);
  });

  it('shows the customer the menu item put in the page at once, without a call of its own', async () => {
    const hostile = 'Evil </script><script>window.__owned = 1</script><!-- Ltd \u2028 & "Co"';
    const fake = new FakeSidebarBackend({ name: hostile });
    const dialogs: string[] = [];
    const onDialog = (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    browser.context.on('dialog', onDialog);
    const { page, errors, server } = await openServed({ panel: fake.sidebarGetCustomer(null) }, fake.dispatch);
    await page.locator('#customer-name').waitFor();
    expect(await page.locator('#customer-name').textContent()).toBe(hostile);
    expect(await page.locator('#loading').isVisible()).toBe(false);
    expect(await page.locator('#orders > li').count()).toBe(2);
    expect(await page.evaluate('window.__owned === undefined')).toBe(true);
    expect(await page.locator('body script').count()).toBe(2);
    await page.waitForTimeout(200);
    expect(server.calls).toEqual([]);
    // The actions work as after a first call.
    await followUpItems(page).first().getByRole('button', { name: 'Mark done' }).click();
    await page.locator('#status', { hasText: 'Follow-up marked done.' }).waitFor();
    expect(server.calls.map((c) => c.fn)).toEqual(['sidebarMarkDone']);
    browser.context.off('dialog', onDialog);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows why the menu item found no customer, and loads on "Try again"', async () => {
    const fake = new FakeSidebarBackend();
    const { page, server } = await openServed({ error: 'Select a row of the customer first <b>.' }, fake.dispatch);
    const failure = page.locator('#load-error');
    await failure.waitFor();
    expect(await page.locator('#load-error-reason').textContent()).toBe('Select a row of the customer first <b>.');
    expect(server.calls).toEqual([]);
    await page.locator('#retry').click();
    await page.locator('#customer-name').waitFor();
    expect(server.calls).toEqual([{ fn: 'sidebarGetCustomer', args: [null] }]);
  });

  it('logs a contact: shows progress while saving, then the new contact and its follow-up', async () => {
    const fake = new FakeSidebarBackend();
    const gate = holdable(fake.dispatch);
    const { page, errors, server } = await openPanel(gate.backend);
    await page.locator('#customer-name').waitFor();

    await page.getByLabel('Channel').selectOption('phone');
    await page.getByLabel('Topic').fill('Sample feedback call');
    await page.getByLabel('Customer feedback').fill('Likes the finish; wants a darker stain.');
    await page.getByLabel('Next action').fill('Send stain swatches');
    await page.getByLabel('Due').fill('2025-03-20');

    gate.hold();
    const submit = page.locator('#log-submit');
    await submit.click();
    await expect(submit.textContent()).resolves.toBe('Working…');
    expect(await submit.isDisabled()).toBe(true);
    expect(await page.locator('#status').textContent()).toBe('Working…');
    expect(await page.locator('#followups button').first().isDisabled()).toBe(true);
    gate.release();

    await page.locator('#status', { hasText: 'Contact saved.' }).waitFor();
    expect(await submit.textContent()).toBe('Save contact');
    expect(await submit.isDisabled()).toBe(false);
    expect(server.calls.at(-1)).toEqual({
      fn: 'sidebarLogContact',
      args: [{
        customerId: 'C-0042', channel: 'phone', topic: 'Sample feedback call', feedback: 'Likes the finish; wants a darker stain.',
        nextAction: 'Send stain swatches', owner: 'li.na@gendan-demo.com', due: '2025-03-20',
      }],
    });

    const newest = page.locator('#contacts > li').first();
    expect(await newest.locator('.item-title').textContent()).toBe('Sample feedback call');
    expect(await newest.innerText()).toContain('2025-03-14');
    expect(await page.locator('#contacts-count').textContent()).toBe('(4)');
    expect(await followUpItems(page).count()).toBe(3);
    expect(await page.locator('#followups').innerText()).toContain('Send stain swatches');
    expect(await page.locator('#f-topic').inputValue()).toBe('');
    expect(await page.locator('#f-due').inputValue()).toBe('');
    expect(await page.locator('#f-owner').inputValue()).toBe('li.na@gendan-demo.com');
    expect(errors).toEqual([]);
  });

  it('refuses a contact without a topic, and a next action without a due date, before calling the server', async () => {
    const { page, server } = await openLoaded();
    const before = server.calls.length;
    await page.locator('#log-submit').click();
    expect(await page.locator('#f-topic-error').textContent()).toBe('Enter the topic of the contact.');
    expect(await page.locator('#f-topic').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement.id')).toBe('f-topic');

    await page.getByLabel('Topic').fill('Price check');
    await page.getByLabel('Next action').fill('Call back');
    await page.locator('#log-submit').click();
    expect(await page.locator('#f-topic-error').isVisible()).toBe(false);
    expect(await page.locator('#f-due-error').textContent()).toBe('A next action needs a due date.');
    expect(await page.evaluate('document.activeElement.id')).toBe('f-due');
    expect(server.calls.length).toBe(before);
  });

  it('marks a follow-up done and takes it off the list', async () => {
    const { page, fake, server } = await openLoaded();
    const first = followUpItems(page).first();
    expect(await first.locator('.item-title').textContent()).toBe('Send quotation for walnut sideboards');
    await first.getByRole('button', { name: 'Mark done' }).click();

    await page.locator('#status', { hasText: 'Follow-up marked done.' }).waitFor();
    expect(server.calls.at(-1)).toEqual({ fn: 'sidebarMarkDone', args: ['C-0042', 'F-0031'] });
    expect(fake.followUps.find((f) => f.id === 'F-0031')?.done).toBe(true);
    expect(await followUpItems(page).count()).toBe(1);
    expect(await page.locator('#followups').innerText()).not.toContain('walnut sideboards');
    expect(await page.locator('#details').innerText()).toContain('2025-03-18'); // next follow-up moved on
    expect(await page.evaluate('document.activeElement.id')).toBe('h-followups');
  });

  it('snoozes a follow-up by 3 days: new due date, no longer overdue', async () => {
    const { page, server } = await openLoaded();
    const overdue = followUpItems(page).filter({ hasText: 'walnut sideboards' });
    expect(await overdue.locator('.badge').textContent()).toBe('Overdue');
    const snoozeGroup = overdue.getByRole('group', { name: /Snooze/ });
    expect(await snoozeGroup.getByRole('button').allTextContents()).toEqual(['1 day', '3 days', '1 week']);
    await snoozeGroup.getByRole('button', { name: '3 days' }).click();

    await page.locator('#status', { hasText: 'Follow-up snoozed.' }).waitFor();
    expect(server.calls.at(-1)).toEqual({ fn: 'sidebarSnooze', args: ['C-0042', 'F-0031', 3] });
    const snoozed = followUpItems(page).filter({ hasText: 'walnut sideboards' });
    expect(await snoozed.innerText()).toContain('Due 2025-03-17');
    expect(await snoozed.locator('.badge').textContent()).toBe('Pending');
    expect(await page.evaluate('document.activeElement.getAttribute("data-key")')).toBe('snooze:F-0031:3');
  });

  it('generates a quotation for an Inquiry order, shows the returned links and the new stage', async () => {
    const { page, server } = await openLoaded();
    const order = orderItem(page, 'SO-2025-0012');
    expect(await order.innerText()).toContain('Stage Inquiry');
    await order.getByRole('button', { name: 'Generate quotation' }).click();

    await page.locator('#status', { hasText: 'Quotation QT-2025-0001 created for SO-2025-0012.' }).waitFor();
    expect(server.calls.slice(-2)).toEqual([
      { fn: 'sidebarGenerateQuotation', args: ['SO-2025-0012'] },
      { fn: 'sidebarGetCustomer', args: ['C-0042', false] },
    ]);
    const quoted = orderItem(page, 'SO-2025-0012');
    expect(await quoted.innerText()).toContain('Stage Quoted');
    const links = quoted.locator('.result a');
    expect(await links.allTextContents()).toEqual(['QT-2025-0001 (Google Doc)', 'QT-2025-0001.pdf']);
    expect(await links.first().getAttribute('href')).toBe('https://docs.google.com/document/d/1FakeQT-2025-0001/edit');
    expect(await links.first().getAttribute('target')).toBe('_blank');
    expect(await links.first().getAttribute('rel')).toBe('noopener noreferrer');
    expect(await quoted.getByRole('button', { name: 'Generate quotation' }).isEnabled()).toBe(true);
  });

  it('shows a server failure in the alert area and gives the button back', async () => {
    const { page, fake } = await openLoaded();
    fake.failNext = { fn: 'sidebarMarkDone', message: 'Follow-ups sheet is locked by another user' };
    const button = followUpItems(page).first().getByRole('button', { name: 'Mark done' });
    await button.click();

    const alert = page.getByRole('alert').filter({ hasText: 'locked' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe('That did not work: Follow-ups sheet is locked by another user');
    expect(await page.locator('#status').textContent()).toBe('');
    expect(await button.isEnabled()).toBe(true);
    expect(await button.textContent()).toBe('Mark done');
    expect(await followUpItems(page).count()).toBe(2);

    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('#alert').textContent()).toBe('');
    // The live region stays rendered (only empty), so the next error is announced.
    expect(await page.evaluate(`getComputedStyle(document.getElementById('alert')).display`)).toBe('block');

    fake.failNext = { fn: 'sidebarMarkDone', message: 'Still locked' };
    await button.click();
    await page.locator('#alert', { hasText: 'Still locked' }).waitFor();
    await button.click(); // the next try works and clears the alert
    await page.locator('#status', { hasText: 'Follow-up marked done.' }).waitFor();
    expect(await page.locator('#alert').textContent()).toBe('');
  });

  it('lets a success message go after a few seconds, so it does not cover the panel', async () => {
    const { page } = await openLoaded();
    await page.clock.install();
    await followUpItems(page).first().getByRole('button', { name: 'Mark done' }).click();
    await page.locator('#status', { hasText: 'Follow-up marked done.' }).waitFor();
    await page.clock.fastForward(5000);
    expect(await page.locator('#status').textContent()).toBe('Follow-up marked done.');
    await page.clock.fastForward(2000);
    expect(await page.locator('#status').textContent()).toBe('');
    expect(await page.locator('#status').isVisible()).toBe(false);
  });

  it('refreshes to the customer of the selected row, showing progress on the icon button', async () => {
    const fake = new FakeSidebarBackend();
    const gate = holdable(fake.dispatch);
    const { page, server } = await openPanel(gate.backend);
    await page.locator('#customer-name').waitFor();
    const refresh = page.getByRole('button', { name: 'Refresh' });
    expect(await refresh.getAttribute('title')).toBe('Show the customer of the selected row');

    gate.hold();
    fake.name = 'Nordlicht Home GmbH & Co. KG';
    await refresh.click();
    expect(await refresh.locator('.spinner').count()).toBe(1);
    expect(await page.locator('#status').textContent()).toBe('Working…');
    gate.release();

    await page.locator('#status', { hasText: 'Showing Nordlicht Home GmbH & Co. KG.' }).waitFor();
    expect(server.calls.at(-1)).toEqual({ fn: 'sidebarGetCustomer', args: [null, false] });
    expect(await page.locator('#customer-name').textContent()).toBe('Nordlicht Home GmbH & Co. KG');
    expect(await refresh.locator('svg').count()).toBe(1);
    expect(await refresh.locator('.spinner').count()).toBe(0);

    // Once the contact history shows, a refresh reads it again.
    await page.locator('#contacts-show').click();
    await page.locator('#contacts > li').first().waitFor();
    await refresh.click();
    await page.locator('#status', { hasText: 'Showing' }).waitFor();
    expect(server.calls.at(-1)).toEqual({ fn: 'sidebarGetCustomer', args: [null, true] });
    expect(await page.locator('#contacts > li').count()).toBe(3);
  });

  it('shows a first-load failure in both languages and loads on "Try again"', async () => {
    const fake = new FakeSidebarBackend();
    fake.failNext = { fn: 'sidebarGetCustomer', message: 'Select a row of a customer, order or contact.' };
    const { page } = await openPanel(fake.dispatch);
    const failure = page.locator('#load-error');
    await failure.waitFor();
    expect(await failure.innerText()).toMatch(/Could not load the customer\. 无法加载客户。 Select a row of a customer, order or contact\./);
    expect(await page.evaluate('document.activeElement.id')).toBe('retry');
    await page.keyboard.press('Enter');
    await page.locator('#customer-name').waitFor();
    expect(await failure.isVisible()).toBe(false);
  });

  it('renders hostile data as text and never links to javascript: URLs', async () => {
    const hostile = '<img src=x onerror=alert(1)> Trading & Sons "Ltd"';
    const fake = new FakeSidebarBackend({ name: hostile, customerLink: 'javascript:alert(2)' });
    fake.contacts[0].topic = '<script>alert(3)</script>';
    const dialogs: string[] = [];
    const onDialog = (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    browser.context.on('dialog', onDialog); // listening before the page loads
    const { page, errors } = await openPanel(fake.dispatch);
    await page.locator('#customer-name').waitFor();
    await page.locator('#contacts-show').click();
    await page.locator('#contacts .item-title').first().waitFor();

    expect(await page.locator('#customer-name').textContent()).toBe(hostile);
    expect(await page.locator('#contacts .item-title').first().textContent()).toBe('<script>alert(3)</script>');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body script').count()).toBe(2); // the panel's own: its data element and its code
    expect(await page.locator('#customer-link').getAttribute('href')).toBeNull();
    expect(await page.locator('#customer-link').isVisible()).toBe(false);
    expect(await page.evaluate('document.title')).toBe(`Customer · ${hostile}`);
    await page.waitForTimeout(200);
    browser.context.off('dialog', onDialog);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('opens the documents folder in a new tab, and disables the button when there is none', async () => {
    const withFolder = await openLoaded();
    const docs = withFolder.page.getByRole('link', { name: 'Open documents' });
    expect(await docs.getAttribute('href')).toBe('https://drive.google.com/drive/folders/1FakeNordlicht');
    expect(await docs.getAttribute('target')).toBe('_blank');

    const without = await openLoaded({ documentsUrl: null });
    const disabled = without.page.getByRole('button', { name: 'Open documents' });
    expect(await disabled.isDisabled()).toBe(true);
    expect(await without.page.locator('#documents-none').textContent()).toBe('No documents folder yet.');
    // Stays disabled after an action re-enables the other buttons.
    await followUpItems(without.page).first().getByRole('button', { name: 'Mark done' }).click();
    await without.page.locator('#status', { hasText: 'Follow-up marked done.' }).waitFor();
    expect(await disabled.isDisabled()).toBe(true);
  });

  it('works by keyboard: Tab reaches the form fields in order, focus is visible, Enter submits', async () => {
    const { page, server } = await openLoaded();
    await page.locator('body').focus();
    const order: string[] = [];
    for (let i = 0; i < 60 && order.at(-1) !== 'log-submit'; i++) {
      await page.keyboard.press('Tab');
      const id = (await page.evaluate('document.activeElement.id || document.activeElement.getAttribute("data-key") || document.activeElement.tagName')) as string;
      if (order.at(-1) !== id) order.push(id); // a date input takes several Tabs (day, month, year)
    }
    const form = order.slice(order.indexOf('f-channel'));
    expect(form).toEqual(['f-channel', 'f-topic', 'f-feedback', 'f-next', 'f-owner', 'f-due', 'log-submit']);
    // Before the form: the header, then the follow-ups' and the orders' buttons, in reading order.
    expect(order.slice(0, 3)).toEqual(['refresh', 'customer-link', 'documents-link']);
    expect(order.indexOf('done:F-0031')).toBeLessThan(order.indexOf('quote:SO-2025-0012'));
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');

    await page.locator('#f-topic').focus();
    await page.keyboard.type('Quick call about cartons');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Wants 4 per carton.');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // implicit submission from the topic field
    await page.locator('#status', { hasText: 'Contact saved.' }).waitFor();
    const logged = server.calls.at(-1);
    expect(logged?.fn).toBe('sidebarLogContact');
    expect(logged?.args[0]).toMatchObject({ topic: 'Quick call about cartons', feedback: 'Wants 4 per carton.', channel: 'email', nextAction: '' });
    expect(await page.locator('#contacts .item-title').first().textContent()).toBe('Quick call about cartons');
    expect(await page.evaluate('document.activeElement.id')).toBe('f-topic'); // stays where the user typed, ready for the next
  });

  it.each([
    { lang: 'en', locale: 'en-US', heading: 'Open follow-ups' },
    { lang: 'zh', locale: 'zh-CN', heading: '待办跟进' },
  ] as const)('fits the 300 px sidebar in $lang with all text from data.strings, and screenshots it into test-artifacts/', async ({ lang, locale, heading }) => {
    if (lang === 'zh') expect(assertCjkFont().join('\n')).toMatch(/CJK|SC|Hei|Song/);
    const localBrowser = lang === 'en' ? browser : await launchBrowser({ locale });
    try {
      const fake = new FakeSidebarBackend({ lang });
      const { page, errors } = await openPanel(fake.dispatch, localBrowser);
      await page.locator('#customer-name').waitFor();
      await page.clock.install();
      await orderItem(page, 'SO-2025-0012').getByRole('button').click();
      await page.locator('.result a').first().waitFor();

      expect(await page.locator('#h-followups').textContent()).toBe(`${heading}(2)`);
      expect(await page.evaluate('document.documentElement.lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      const visible = await page.locator('body').innerText();
      expect(visible).not.toMatch(/sidebar\.[a-zA-Z]/); // no catalog key shows through
      if (lang === 'zh') expect(visible).not.toMatch(/Open orders|Mark done|Save contact|Snooze/);

      await page.clock.fastForward(7000); // let the status message go: the screenshot shows the panel itself
      await page.locator('#status').waitFor({ state: 'hidden' });
      const box = await overflow(page);
      expect(box.outside).toEqual([]);
      expect(box.scrollWidth).toBeLessThanOrEqual(300);

      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `sidebar-${lang}.png`), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      if (localBrowser !== browser) await localBrowser.close();
    }
  });
});
