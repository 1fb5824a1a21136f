// "Email document to customer" through the real bundle: a Gmail draft (or a sent mail) in the customer's language
// with the document's PDF attached, parsed back by mailparser from the exported .eml, and a Contact log row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { exportMail, mailRecords, setMailQuota } from '../../src/sandbox/mail';
import type { Sandbox } from '../../src/sandbox/runtime';
import { anOrder, docsWorkbook, fileNamed, generateFor, linesFor, orderRow, pdfOf, squash } from './documents-fixtures';
import { cell, sheet } from './helpers';
import { pdfPages } from '../sandbox/export-test-kit';

const EN = 'SO-2026-0901';
const ZH = 'SO-2026-0902';
const NONE = 'SO-2026-0903';

function workbook(settings: Record<string, unknown> = {}): Sandbox {
  const sb = docsWorkbook({
    orders: [anOrder(EN), anOrder(ZH, { customer: 'C-0003', currency: 'CNY' }), anOrder(NONE)],
    lines: [...linesFor(EN, 2), ...linesFor(ZH, 2), ...linesFor(NONE, 1)],
    settings,
  });
  generateFor(sb, 'menuGenerateQuotation', [EN, ZH]);
  return sb;
}

async function parsed(sb: Sandbox): Promise<ParsedMail[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-mail-'));
  try {
    return await Promise.all(exportMail(sb.env, dir).map((f) => simpleParser(fs.readFileSync(f))));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('Email document to customer (drafts)', () => {
  const sb = workbook();
  generateFor(sb, 'menuEmailDocument', [EN, ZH]);

  it('makes a Gmail draft per order, in the customer’s language, with the PDF attached', async () => {
    const drafts = mailRecords(sb.env, { kind: 'draft' });
    expect(drafts).toHaveLength(2);
    const [en, zh] = (await parsed(sb)).sort((a, b) => String(a.subject).localeCompare(String(b.subject)));
    expect(en.subject).toBe('Quotation QT-2026-0001 – Ningbo Bright Harbor Trading Co., Ltd.');
    expect(en.to && 'text' in en.to ? en.to.text : '').toContain('jennifer.walsh@pacifichome.example.com');
    expect(en.text).toContain('Dear Jennifer Walsh,');
    expect(en.text).toContain('Please find attached our Quotation QT-2026-0001 for order SO-2026-0901.');
    expect(en.text).toContain('Bright Harbor Trading');
    expect(zh.subject).toBe('报价单 QT-2026-0002 – 宁波明港贸易有限公司');
    expect(zh.text).toContain('陈建国，您好！');
    expect(zh.text).toContain('附件是我司订单 SO-2026-0902 的报价单 QT-2026-0002，请查收。');
    for (const [mail, number, name] of [[en, 'QT-2026-0001', 'QT-2026-0001 Pacific Home Supply Inc.pdf'], [zh, 'QT-2026-0002', 'QT-2026-0002 上海恒通建材有限公司.pdf']] as const) {
      expect(mail.attachments).toHaveLength(1);
      const [pdf] = mail.attachments;
      expect(pdf.contentType).toBe('application/pdf');
      expect(pdf.filename).toBe(name);
      expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(squash(pdfPages(pdf.content).join('\n'))).toContain(squash(number));
    }
  });

  it('attaches the same document as the PDF stored in Drive', async () => {
    const [en] = (await parsed(sb)).filter((m) => String(m.subject).startsWith('Quotation'));
    const stored = pdfOf(fileNamed(sb, 'QT-2026-0001 Pacific Home Supply Inc.pdf'));
    expect(pdfPages(en.attachments[0].content)).toEqual(stored);
  });

  it('logs each mail in the Contact log as an email contact', () => {
    const log = sheet(sb, 'Contact log');
    const rows = [2, 3].map((r) => ({
      id: cell(log, r, 'Contact ID'),
      date: cell(log, r, 'Date'),
      channel: cell(log, r, 'Channel'),
      customer: cell(log, r, 'Customer'),
      topic: cell(log, r, 'Topic'),
      actions: cell(log, r, 'Our actions & commitments'),
    }));
    expect(rows[0]).toEqual({
      id: expect.stringMatching(/^CT-\d{6}$/),
      date: '2026-03-02',
      channel: 'Email',
      customer: 'C-0001',
      topic: 'Quotation QT-2026-0001 – Ningbo Bright Harbor Trading Co., Ltd.',
      actions: 'Gmail draft to jennifer.walsh@pacifichome.example.com: Quotation QT-2026-0001 (PDF attached)',
    });
    expect(rows[1].customer).toBe('C-0003');
    expect(rows[0].id).not.toBe(rows[1].id);
    expect(log.lastRow()).toBe(3);
    expect(Object.keys(sb.env.documentProperties).filter((k) => k.startsWith('gendan.mailjob.'))).toEqual([]);
  });
});

describe('Email document to customer (send)', () => {
  it('sends it when Customer mails is set to send, within the mail quota', async () => {
    const sb = workbook({ 'mail.customer-mode': 'send' });
    generateFor(sb, 'menuEmailDocument', [EN]);
    const sent = mailRecords(sb.env, { kind: 'sent' });
    expect(sent).toHaveLength(1);
    const [mail] = await parsed(sb);
    expect(mail.attachments[0].filename).toBe('QT-2026-0001 Pacific Home Supply Inc.pdf');
    expect(cell(sheet(sb, 'Contact log'), 2, 'Our actions & commitments')).toBe('Emailed to jennifer.walsh@pacifichome.example.com: Quotation QT-2026-0001 (PDF attached)');
  });

  it('sends nothing and says so when the quota is used up', () => {
    const sb = workbook({ 'mail.customer-mode': 'send' });
    setMailQuota(sb.env, 0);
    generateFor(sb, 'menuEmailDocument', [EN]);
    expect(mailRecords(sb.env)).toEqual([]);
    expect(sb.env.uiEvents.filter((u) => u.kind === 'alert').pop()?.message).toContain('mail quota is used up');
    expect(sheet(sb, 'Contact log').lastRow()).toBe(1);
  });
});

describe('Email document to customer (refusals and templates)', () => {
  it('names the order that has no document yet and mails the others', () => {
    const sb = workbook();
    const rows = [EN, ZH, NONE].map((no) => orderRow(sb, no));
    sb.select(`Orders!A${Math.min(...rows)}:A${Math.max(...rows)}`);
    sb.click('menuEmailDocument');
    expect(mailRecords(sb.env, { kind: 'draft' })).toHaveLength(2);
    expect(sb.env.uiEvents.filter((u) => u.kind === 'alert').pop()?.message).toBe(`${NONE}: no quotation, contract or invoice has been generated yet.`);
  });

  it('uses the "document" row of the Mail templates sheet when the team wrote one', async () => {
    const sb = workbook();
    const templates = sheet(sb, 'Mail templates');
    const row = templates.lastRow() + 1;
    sb.edit(`Mail templates!A${row}:D${row}`, [['document', 'en', 'Your {{docName}} {{docNo}}', 'Hi {{contact}}, here it is: {{docNo}}.']]);
    generateFor(sb, 'menuEmailDocument', [EN]);
    const [mail] = await parsed(sb);
    expect(mail.subject).toBe('Your Quotation QT-2026-0001');
    expect(mail.text?.trim()).toBe('Hi Jennifer Walsh, here it is: QT-2026-0001.');
  });

  it('an interrupted attempt is not repeated unless the user says so', () => {
    const sb = workbook();
    sb.env.ledger.arm({ method: 'Drafts.create', times: 1 });
    generateFor(sb, 'menuEmailDocument', [EN]);
    sb.env.ledger.disarm();
    expect(mailRecords(sb.env)).toEqual([]);
    // The failure was seen and the attempt cleared: a new click makes the draft once.
    generateFor(sb, 'menuEmailDocument', [EN]);
    expect(mailRecords(sb.env, { kind: 'draft' })).toHaveLength(1);
    // A crash after the draft but before the log: the next click asks, and NO leaves it at one draft.
    sb.env.ledger.arm({ method: 'Range.setValues', times: 1 });
    try {
      generateFor(sb, 'menuEmailDocument', [EN]);
    } catch {
      // the run failed after the draft was made
    }
    sb.env.ledger.disarm();
    expect(mailRecords(sb.env, { kind: 'draft' })).toHaveLength(2);
    sb.env.uiAnswers.push({ button: 'NO' });
    generateFor(sb, 'menuEmailDocument', [EN]);
    expect(mailRecords(sb.env, { kind: 'draft' })).toHaveLength(2);
    expect(sb.env.uiEvents.some((u) => u.kind === 'alert' && (u.message ?? '').includes('was interrupted and may have gone through'))).toBe(true);
  });
});
