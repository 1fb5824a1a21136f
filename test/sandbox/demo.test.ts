// `npm start`: the demo runs through the built bundle and leaves what the README promises — the summary of every
// step, the generated documents named by the naming rule (.docx + .pdf, English and Chinese), the Gmail draft with
// the PDF attached, the workbook and the call counts. Breaking any step fails here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { docxText, pdfPages, squash } from './export-test-kit';

const ROOT = path.join(__dirname, '../..');

describe('the demo (npm start)', () => {
  let out = '';
  let printed = '';

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-demo-'));
    printed = execFileSync(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), 'src/sandbox/demo.ts', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
  }, 180_000);

  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it('prints every step and writes the same lines to summary.txt', () => {
    const summary = fs.readFileSync(path.join(out, 'summary.txt'), 'utf8');
    expect(summary.trim()).toBe(printed.trim());
    for (const heading of ['1. Set up workbook', '2. The sample data', '3. Edits keep statuses true', '4. Documents', '5. Email document to customer', '6. Customer panel', '7. Time passes', '8. Reminders', '9. Refresh dashboard', 'Outputs']) {
      expect(summary).toContain(heading);
    }
    expect(summary).toMatch(/Done in \d+\.\d s\./);
    console.log(summary.match(/Done in .*/)?.[0]);
  });

  it('generates a quotation and a contract that advance the stage and are recorded on the order row', () => {
    expect(printed).toMatch(/SO-2026-0016 \(Gulf Star Contracting LLC, English\): quotation QT-2026-\d{4} → stage Quoted, Quote no\. QT-2026-\d{4}/);
    expect(printed).toMatch(/Sales contract refused: .*Delivery date is missing/);
    expect(printed).toMatch(/contract SC-2026-\d{4}; stage Contracted, Contract no\. SC-2026-\d{4}/);
    expect(printed).toMatch(/In Chinese: quotation QT-2026-\d{4} \(stage → Quoted\), contract SC-2026-\d{4} \(stage → Contracted\)/);
    expect(printed).toMatch(/New inquiry typed for C-0003 \(上海恒通建材有限公司, language zh\), numbered SO-2026-0029 by Gendan/);
    expect(printed).toMatch(/Follow-up row \d+ \((Pending|In progress|Overdue)\) marked Done → Done, Done on 2026-03-02/);
    expect(printed).toMatch(/Documents cell of SO-2026-0029: quotation QT-2026-\d{4} · Doc docs\.google\.com\/… · PDF drive\.google\.com\/… \| contract SC-2026-\d{4}/);
  });

  it('leaves each generated document in out/docs as .docx and .pdf, named "<number> <customer>", in the customer’s language', async () => {
    const files = fs.readdirSync(path.join(out, 'docs'));
    const named = (re: RegExp) => files.filter((f) => re.test(f)).sort();
    const en = named(/^QT-2026-\d{4} Gulf Star Contracting LLC\.(docx|pdf)$/);
    const zh = named(/^(QT|SC)-2026-\d{4} 上海恒通建材有限公司\.(docx|pdf)$/);
    expect(en).toHaveLength(2);
    expect(named(/^SC-2026-\d{4} Gulf Star Contracting LLC\.(docx|pdf)$/)).toHaveLength(2);
    expect(zh).toHaveLength(4);
    expect(files.filter((f) => /\(2\)/.test(f))).toEqual([]);
    const quoteNo = en[0].split(' ')[0];
    expect(await docxText(fs.readFileSync(path.join(out, 'docs', en[0])))).toContain(quoteNo);
    const zhQuote = zh.find((f) => f.startsWith('QT') && f.endsWith('.docx')) as string;
    const zhText = await docxText(fs.readFileSync(path.join(out, 'docs', zhQuote)));
    expect(zhText).toContain('报价单');
    expect(zhText).toContain(zhQuote.split(' ')[0]);
    const pdf = pdfPages(fs.readFileSync(path.join(out, 'docs', zhQuote.replace(/\.docx$/, '.pdf')))).map(squash).join('');
    expect(pdf).toContain('报价单');
  });

  it('drafts the contract to the customer in Gmail with its PDF attached (.eml in out/mail)', async () => {
    expect(printed).toMatch(/Gmail draft to omar\.haddad@gulfstar\.example\.com: "Sales contract SC-2026-\d{4} – .*", attachment SC-2026-\d{4} Gulf Star Contracting LLC\.pdf/);
    const mail = fs.readdirSync(path.join(out, 'mail')).find((f) => /draft-Sales-contract-SC-2026/.test(f));
    expect(mail).toBeDefined();
    const parsed = await simpleParser(fs.readFileSync(path.join(out, 'mail', mail as string)));
    const pdf = parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toMatch(/^SC-2026-\d{4} Gulf Star Contracting LLC\.pdf$/);
    expect(pdf?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('installs the change trigger with daily updates, and a deleted line row takes its amount off the order', () => {
    expect(printed).toContain('triggers installed: triggerDailySweep, triggerHourlyReminders, triggerOnChange');
    expect(printed).toMatch(/SO-2026-0029: a second line typed → total CNY 25,500\.00; its row deleted → CNY 21,250\.00/);
  });

  it('opens the customer panel in six calls and logs a contact through it', () => {
    expect(printed).toMatch(/Pacific Home Supply Inc\. \(C-0001, United States, .* there\): 3 open orders \(.*\), \d+ open follow-ups, last contact \d{4}-\d\d-\d\d — 6 service calls/);
    expect(printed).toMatch(/Log a contact \(panel form\) → Contact log: "Call about the walnut finish" 2026-03-02 \d\d:\d\d; follow-up FU-\d+ "Send the revised quotation" due 2026-03-06 \(Pending\)/);
  });

  it('refreshes the dashboard and prints its figures', () => {
    expect(printed).toMatch(/Dashboard refreshed: \d+ order\(s\)/);
    expect(printed).toMatch(/Open orders \d+ \(USD [\d,]+/);
    expect(printed).toMatch(/Quotations awaiting a decision: \d+/);
  });

  it('writes the workbook, its state and the call counts', () => {
    for (const f of ['workbook.xlsx', 'workbook.state.json', 'calls.json', 'ui.json', 'log.txt']) expect(fs.existsSync(path.join(out, f))).toBe(true);
    const calls = JSON.parse(fs.readFileSync(path.join(out, 'calls.json'), 'utf8')) as { steps: { step: string }[] };
    expect(calls.steps.map((s) => s.step)).toEqual(expect.arrayContaining(['--call menuGenerateQuotation', '--call menuEmailDocument', '--call menuOpenPanel', 'rpc sidebarLogContact', '--call menuRefreshDashboard']));
  });
});
