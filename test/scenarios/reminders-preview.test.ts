// Reminders ▸ Preview: shows exactly what Run now then produces, produces nothing itself (no draft, no log row, no
// journal, no PDF export), and the dialog shows every value as text in a real browser, in the user's language.
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../src/sandbox/runtime';
import { launchBrowser, startSidebarServer, type PanelBrowser, type SidebarServer } from '../ui/harness';
import { LI, SHANGHAI, addCustomers, addQuotedOrders, addRows, allMail, lastPreview, parse, rowsOf, seedInvoice, setUpWorkbook, wall, type Customer } from './reminders-fixtures';

const EVIL = '<img src=x onerror="window.__pwned=1">Evil & Co';
const NOW = wall('2026-03-09T10:00', 'Asia/Shanghai');

function workbook(): Sandbox {
  const sb = setUpWorkbook('2026-03-02T09:00');
  const evil: Customer = { ...SHANGHAI, id: 'C-EVIL', name: EVIL, language: 'en', email: 'buyer@evil.example.com', contact: '<b>Boss</b>' };
  addCustomers(sb, [SHANGHAI, evil]);
  addQuotedOrders(sb, [
    { no: 'SO-1', customer: SHANGHAI, quoteDate: '2026-03-02' },
    { no: 'SO-2', customer: evil, quoteDate: '2026-03-02' },
  ]);
  const [shipped] = addRows(sb, 'orders', [{ 'Order no.': 'SO-3', Customer: SHANGHAI.id, Owner: LI, Stage: 'Shipped', 'Shipped on': '2026-03-08', 'Invoice no.': 'CI-9', 'Tracking no.': 'T-9', Transport: 'Sea', ETA: '2026-03-30', 'Destination port': 'Shanghai' }]);
  seedInvoice(sb, shipped!, 'CI-9');
  sb.env.now = NOW;
  return sb;
}

describe('Reminders ▸ Preview', () => {
  const sb = workbook();
  sb.click('menuRemindersPreview');
  const preview = lastPreview(sb);
  const step = sb.env.ledger.allSteps().filter((s) => s.step === '--call menuRemindersPreview').pop()!;

  it('produces nothing: no mail call, no sheet write, no journal, no PDF export', () => {
    expect(allMail(sb)).toEqual([]);
    const produced = Object.keys(step.byMethod).filter((k) => /Drafts\.|sendEmail|Range\.setValues|Properties\.setProperty|Document\.getAs/.test(k));
    expect(produced).toEqual([]);
    expect(rowsOf(sb, 'reminderLog')).toEqual([]);
    expect(rowsOf(sb, 'contacts')).toEqual([]);
  });

  it('lists what Run now then makes, mail for mail', () => {
    expect(preview.mails.map((m) => [m.customer, m.attachment])).toEqual([
      [SHANGHAI.name, ''],
      [EVIL, ''],
      [SHANGHAI.name, 'CI-9.pdf'],
    ]);
    expect(preview.digests.map((d) => d.to)).toEqual([LI]);
    sb.click('menuRemindersRun');
    const made = allMail(sb);
    expect(made.filter((m) => m.kind === 'draft').map((m) => m.subject).sort()).toEqual(preview.mails.map((m) => m.subject).sort());
    expect(made.filter((m) => m.kind === 'sent').map((m) => m.subject)).toEqual(preview.digests.map((d) => d.subject));
  });

  it('the next day, shows the digest the run then sends: yesterday’s items again, the new one marked', async () => {
    addRows(sb, 'followUps', [{ ID: 'FU-000001', Customer: SHANGHAI.id, 'Next action': 'Call about <the> samples', Owner: LI, Due: '2026-03-10' }]);
    sb.env.now = NOW + 86_400_000;
    sb.click('menuRemindersPreview');
    const next = lastPreview(sb);
    expect(next.digests.map((d) => d.subject)).toEqual(['Gendan 2026-03-10: 3 overdue, 1 due today (1 new), 0 coming up']);
    expect((next.digests[0] as { items?: string }).items).toBe('3 overdue, 1 due today, 0 coming up; 1 new');
    expect(next.mails).toEqual([]);
    sb.click('menuRemindersRun');
    const sent = allMail(sb).filter((m) => m.kind === 'sent' && m.key.endsWith(':2026-03-10'));
    expect(sent.map((m) => m.subject)).toEqual(next.digests.map((d) => d.subject));
    const text = (await parse(sent[0]!)).text ?? '';
    expect(text.trim()).toBe(next.digests[0]?.text.trim());
    expect(text.split('\n').filter((l) => l.startsWith('- [new] '))).toEqual([expect.stringContaining('Call about <the> samples')]);
  });

  it('puts the data into the page as JSON that cannot close its script element', () => {
    const html = sb.env.uiEvents.filter((u) => u.kind === 'dialog').pop()?.html ?? '';
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('\\u003cimg src=x');
  });
});

describe('the Preview dialog in a browser', () => {
  let browser: PanelBrowser;
  let server: SidebarServer | undefined;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  async function open(sb: Sandbox): Promise<void> {
    const html = sb.env.uiEvents.filter((u) => u.kind === 'dialog').pop()?.html ?? '';
    await server?.close();
    server = await startSidebarServer(html, () => null);
    ({ page, errors } = await browser.open(server.url));
    await page.locator('#mails table').waitFor();
  }

  it('shows names, subjects and texts as text, never as HTML', async () => {
    const sb = workbook();
    sb.click('menuRemindersPreview');
    await open(sb);
    expect(errors).toEqual([]);
    expect(await page.locator('#mails img').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    const cells = await page.locator('#mails tbody tr td:first-child').allTextContents();
    expect(cells).toContain(EVIL);
    expect(await page.locator('#title').textContent()).toBe('Reminders: preview');
    await page.locator('#mails details summary').nth(1).click();
    expect(await page.locator('#mails pre').nth(1).textContent()).toContain('Dear <b>Boss</b>,');
    expect(await page.locator('#mails b').count()).toBe(0);
    await page.locator('#close').click();
    expect(await page.evaluate('window.__gendanHostClosed')).toBe(true);
  });

  it('speaks Chinese to a Chinese-speaking user', async () => {
    const sb = workbook();
    sb.env.defaultUser.locale = 'zh_CN';
    sb.click('menuRemindersPreview');
    await open(sb);
    expect(await page.locator('#title').textContent()).toBe('提醒：预览');
    expect(await page.locator('#h-mails').textContent()).toBe('客户邮件（3）');
  });
});
