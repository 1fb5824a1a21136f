// Generate <document> from the menu, through the real bundle: the Doc and PDF (read back by mammoth and pdf.js)
// hold every value the template asks for, every line, the totals and the total in words; the order row gets the
// number, the links, the stage and a note; bad orders are listed and get nothing; any number of lines costs the
// same number of service calls.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverPlaceholders } from '../../src/domain/documents/template-syntax';
import { renderField } from '../../src/domain/documents/render-placeholder';
import { parseDocumentLinks } from '../../src/domain/documents/document-links';
import { defaultTemplate, templateBuildRequests } from '../../src/domain/documents/default-templates';
import { buildMergeData } from '../../src/domain/documents/merge-fields';
import { planMerge } from '../../src/domain/documents/plan-merge';
import { applyRequests, emptyDoc, toApiDocument } from '../../src/sandbox/docs';
import { seedUserDoc, pickFile } from '../../src/sandbox/drive/model';
import type { DocType } from '../../src/domain/documents/doc-types';
import type { Lang } from '../../src/domain/i18n/i18n';
import type { DocsDocument } from '../../src/ports';
import type { Sandbox } from '../../src/sandbox/runtime';
import type { CustomerRecord, OrderLineRecord, OrderRecord } from '../../src/domain/ledgers/records';
import { ROOT } from '../../src/sandbox/session';
import {
  anOrder,
  docsWorkbook,
  docxOf,
  docPdfPages,
  expectedMerge,
  fileNamed,
  folderNameOf,
  generateFor,
  lastStep,
  linesFor,
  orderRow,
  outputs,
  pdfOf,
  squash,
} from './documents-fixtures';
import { cell, headerCol, sheet } from './helpers';
import { expectWithinBudget } from '../support/cpu-budget';

/** Every value the default template of `type` prints for this order (its placeholders rendered), and per line. */
function expectedTexts(sb: Sandbox, type: DocType, lang: Lang, orderNo: string, docNo: string): { scalars: string[]; lines: string[][] } {
  const data = expectedMerge(sb, type, lang, orderNo, docNo);
  const template = toApiDocument('t', 't', applyRequests(emptyDoc(), templateBuildRequests(defaultTemplate(type, lang))).doc) as unknown as DocsDocument;
  const placeholders = discoverPlaceholders(template).filter((p) => p.kind === 'field');
  const scalars = placeholders.filter((p) => !p.name.startsWith('line.')).map((p) => renderField(p.name, p.format, data)).filter((v) => v.trim() !== '');
  const lines = data.lines.map((_, k) => placeholders.filter((p) => p.name.startsWith('line.')).map((p) => renderField(p.name, p.format, data, k)).filter((v) => v.trim() !== ''));
  return { scalars, lines };
}

function expectAllIn(text: string, values: string[], what: string): void {
  const hay = squash(text);
  const missing = values.filter((v) => !hay.includes(squash(v)));
  expect({ what, missing }).toEqual({ what, missing: [] });
}

async function expectDocumentHolds(sb: Sandbox, type: DocType, lang: Lang, orderNo: string, docNo: string, docName: string): Promise<string> {
  const { scalars, lines } = expectedTexts(sb, type, lang, orderNo, docNo);
  const doc = fileNamed(sb, docName);
  const pdf = fileNamed(sb, `${docName.replace(/\.+$/, '')}.pdf`);
  const docx = await docxOf(doc);
  const pdfText = pdfOf(pdf).join('\n');
  for (const [name, text] of [['docx', docx], ['pdf', pdfText]] as const) {
    expectAllIn(text, scalars, `${name}: scalar fields`);
    lines.forEach((values, k) => expectAllIn(text, values, `${name}: line ${k + 1}`));
    expect(text).not.toContain('{{');
  }
  return pdfText;
}

const TODAY = '2026-03-02';

describe('Generate quotation', () => {
  const no = 'SO-2026-0101';
  const sb = docsWorkbook({ orders: [anOrder(no)], lines: linesFor(no, 4) });
  generateFor(sb, 'menuGenerateQuotation', [no]);

  it('makes a Doc and a PDF named by the rule in the customer folder of the output folder', () => {
    const { docs, pdfs } = outputs(sb);
    expect(docs.map((d) => d.name)).toEqual(['QT-2026-0001 Pacific Home Supply Inc.']);
    expect(pdfs.map((d) => d.name)).toEqual(['QT-2026-0001 Pacific Home Supply Inc.pdf']);
    expect(folderNameOf(sb, docs[0])).toBe('Pacific Home Supply Inc.');
    expect(folderNameOf(sb, pdfs[0])).toBe('Pacific Home Supply Inc.');
  });

  it('writes the number, the links, the stage, the quote dates and a note into the order row', () => {
    const s = sheet(sb, 'Orders');
    const row = orderRow(sb, no);
    const { docs, pdfs } = outputs(sb);
    expect(cell(s, row, 'Quote no.')).toBe('QT-2026-0001');
    expect(parseDocumentLinks(String(cell(s, row, 'Documents')))).toEqual([{ docType: 'quotation', number: 'QT-2026-0001', docId: docs[0].id, pdfId: pdfs[0].id }]);
    expect(cell(s, row, 'Stage')).toBe('Quoted');
    expect(cell(s, row, 'Stage since')).toBe(TODAY);
    expect(cell(s, row, 'Quote date')).toBe(TODAY);
    expect(cell(s, row, 'Quote valid until')).toBe('2026-04-01');
    const note = s.notes.get(`${row},${headerCol(s, 'Quote no.')}`);
    expect(note).toMatch(/^QT-2026-0001 generated 2026-03-02 \d\d:\d\d by owner@example.com\. Stage: Inquiry → Quoted\.$/);
    const toast = sb.env.uiEvents.filter((u) => u.kind === 'toast').pop();
    expect(toast?.message).toBe('1 generated: QT-2026-0001');
  });

  it('the .docx and the .pdf hold every field value and every line', async () => {
    await expectDocumentHolds(sb, 'quotation', 'en', no, 'QT-2026-0001', 'QT-2026-0001 Pacific Home Supply Inc.');
  });

  it('generating again issues a new number and keeps both documents linked', () => {
    generateFor(sb, 'menuGenerateQuotation', [no]);
    const s = sheet(sb, 'Orders');
    const row = orderRow(sb, no);
    expect(cell(s, row, 'Quote no.')).toBe('QT-2026-0002');
    expect(parseDocumentLinks(String(cell(s, row, 'Documents'))).map((l) => l.number)).toEqual(['QT-2026-0001', 'QT-2026-0002']);
    expect(outputs(sb).docs).toHaveLength(2);
  });
});

describe('Generate sales contract', () => {
  const en = 'SO-2026-0201';
  const zh = 'SO-2026-0202';
  const sb = docsWorkbook({
    orders: [anOrder(en, { stage: 'quoted', quoteNo: 'QT-2026-0009', quoteDate: '2026-02-25' }), anOrder(zh, { customer: 'C-0003', currency: 'CNY', destinationPort: '上海', tradeTerm: 'DAP', paymentTerms: '30% 定金，发货后付清' })],
    lines: [...linesFor(en, 3), ...linesFor(zh, 2)],
  });
  generateFor(sb, 'menuGenerateContract', [en, zh]);

  it('in English for an English-speaking customer, in Chinese for a Chinese one', async () => {
    expect(outputs(sb).docs.map((d) => d.name).sort()).toEqual(['SC-2026-0001 Pacific Home Supply Inc.', 'SC-2026-0002 上海恒通建材有限公司']);
    const enText = await expectDocumentHolds(sb, 'contract', 'en', en, 'SC-2026-0001', 'SC-2026-0001 Pacific Home Supply Inc.');
    const zhText = await expectDocumentHolds(sb, 'contract', 'zh', zh, 'SC-2026-0002', 'SC-2026-0002 上海恒通建材有限公司');
    expect(enText).toContain('SALES CONTRACT');
    expect(zhText).toContain('销售合同');
  });

  it('carries the total and the total in words, in English and in Chinese uppercase', async () => {
    const enData = expectedMerge(sb, 'contract', 'en', en, 'SC-2026-0001');
    const zhData = expectedMerge(sb, 'contract', 'zh', zh, 'SC-2026-0002');
    expect(enData.fields['total.words']).toMatch(/^SAY US DOLLARS [A-Z -]+ ONLY$/);
    expect(zhData.fields['total.words']).toMatch(/^人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
    const enDocx = await docxOf(fileNamed(sb, 'SC-2026-0001 Pacific Home Supply Inc.'));
    const zhDocx = await docxOf(fileNamed(sb, 'SC-2026-0002 上海恒通建材有限公司'));
    expect(squash(enDocx)).toContain(squash(enData.fields['total.words']));
    expect(squash(enDocx)).toContain(squash(enData.fields['total.amount']));
    expect(squash(zhDocx)).toContain(squash(zhData.fields['total.words']));
    expect(squash(zhDocx)).toContain(squash(zhData.fields['total.amount']));
  });

  it('moves Quoted and Inquiry orders to Contracted and stamps the contract date', () => {
    const s = sheet(sb, 'Orders');
    for (const [no, number] of [[en, 'SC-2026-0001'], [zh, 'SC-2026-0002']]) {
      const row = orderRow(sb, no);
      expect([cell(s, row, 'Contract no.'), cell(s, row, 'Stage'), cell(s, row, 'Contract date')]).toEqual([number, 'Contracted', TODAY]);
    }
    expect(cell(s, orderRow(sb, en), 'Quote no.')).toBe('QT-2026-0009');
  });
});

describe('factory and shipping documents', () => {
  const no = 'SO-2026-0301';
  const sb = docsWorkbook({ orders: [anOrder(no, { stage: 'production', contractNo: 'SC-2026-0031', contractDate: '2026-02-10', shippedOn: '2026-03-01' })], lines: linesFor(no, 5) });

  it.each([
    ['menuGeneratePurchaseOrder', 'purchase-order', 'zh', 'Factory PO no.', 'PO-2026-0001'],
    ['menuGenerateShippingNotice', 'shipping-notice', 'zh', 'Shipping notice no.', 'SN-2026-0001'],
    ['menuGenerateInvoice', 'invoice', 'en', 'Invoice no.', 'CI-2026-0001'],
  ] as const)('%s: %s in %s, its number in "%s", the stage left as it was', async (fn, type, lang, column, number) => {
    generateFor(sb, fn, [no]);
    const s = sheet(sb, 'Orders');
    const row = orderRow(sb, no);
    expect(cell(s, row, column)).toBe(number);
    expect(cell(s, row, 'Stage')).toBe('In production');
    expect(parseDocumentLinks(String(cell(s, row, 'Documents'))).map((l) => l.number)).toContain(number);
    await expectDocumentHolds(sb, type, lang, no, number, `${number} Pacific Home Supply Inc.`);
  });
});

describe('orders selected on Order lines', () => {
  it('generates once per order whose lines are selected', () => {
    const a = 'SO-2026-0401';
    const b = 'SO-2026-0402';
    const sb = docsWorkbook({ orders: [anOrder(a), anOrder(b, { customer: 'C-0010' })], lines: [...linesFor(a, 2), ...linesFor(b, 2)] });
    sb.select('Order lines!A2:C5');
    sb.click('menuGenerateQuotation');
    expect(outputs(sb).docs.map((d) => d.name)).toEqual(['QT-2026-0001 Pacific Home Supply Inc.', 'QT-2026-0002 BuildRight Supplies Ltd']);
  });

  it('asks for a selection on Orders or Order lines', () => {
    const sb = docsWorkbook({ orders: [anOrder('SO-2026-0403')], lines: linesFor('SO-2026-0403', 1) });
    sb.select('Customers!A2');
    sb.click('menuGenerateQuotation');
    expect(sb.env.uiEvents.filter((u) => u.kind === 'alert').pop()?.message).toContain('Select one or more order rows');
    expect(outputs(sb).docs).toEqual([]);
  });
});

describe('validate first', () => {
  const good1 = 'SO-2026-0501';
  const bad = 'SO-2026-0502';
  const good2 = 'SO-2026-0503';
  const noLines = 'SO-2026-0504';
  const sb = docsWorkbook({
    orders: [anOrder(good1), anOrder(bad, { tradeTerm: '', customer: 'C-0010' }), anOrder(good2), anOrder(noLines)],
    lines: [...linesFor(good1, 2), ...linesFor(bad, 2).map((l, i) => (i === 1 ? { ...l, quantity: undefined } : l)), ...linesFor(good2, 2)],
  });
  generateFor(sb, 'menuGenerateQuotation', [good1, bad, good2, noLines]);

  it('goes past the bad orders and generates the good ones, numbered without gaps', () => {
    expect(outputs(sb).docs.map((d) => d.name)).toEqual(['QT-2026-0001 Pacific Home Supply Inc.', 'QT-2026-0002 Pacific Home Supply Inc.']);
    const s = sheet(sb, 'Orders');
    expect(cell(s, orderRow(sb, good1), 'Quote no.')).toBe('QT-2026-0001');
    expect(cell(s, orderRow(sb, good2), 'Quote no.')).toBe('QT-2026-0002');
  });

  it('lists, at the end, each bad order with the rows and fields to fix, and generates nothing for it', () => {
    const alert = sb.env.uiEvents.filter((u) => u.kind === 'alert').pop();
    const badRow = orderRow(sb, bad);
    const lineRow = 2 + 2 + 1; // the second line of the bad order on Order lines
    expect(alert?.title).toBe('Quotation: Not generated');
    expect(alert?.message).toContain(`${bad} (Orders row ${badRow})`);
    expect(alert?.message).toContain(`Trade term is missing (Orders row ${badRow})`);
    expect(alert?.message).toContain(`Quantity is missing on Order lines row ${lineRow}`);
    expect(alert?.message).toContain(`${noLines} (Orders row ${orderRow(sb, noLines)})`);
    expect(alert?.message).toContain(`Order ${noLines} has no order lines; a Quotation needs at least one.`);
    const s = sheet(sb, 'Orders');
    expect(cell(s, badRow, 'Quote no.')).toBe('');
    expect(cell(s, badRow, 'Stage')).toBe('Inquiry');
    expect(cell(s, badRow, 'Documents')).toBe('');
    const quoteCol = [...Array(s.lastColumn()).keys()].map((c) => c + 1).find((c) => s.get(1, c) === 'Quote no.')!;
    expect(s.notes.get(`${badRow},${quoteCol}`)).toMatch(/^Quotation not generated \(2026-03-02 \d\d:\d\d\): .*Trade term is missing/);
  });
});

describe('rows without an order number', () => {
  it('are named and get nothing, the others are generated', () => {
    const sb = docsWorkbook({ orders: [anOrder('SO-2026-0551'), anOrder('')], lines: linesFor('SO-2026-0551', 1) });
    sb.select('Orders!A2:A3');
    sb.click('menuGenerateQuotation');
    expect(outputs(sb).docs.map((d) => d.name)).toEqual(['QT-2026-0001 Pacific Home Supply Inc.']);
    expect(sb.env.uiEvents.filter((u) => u.kind === 'alert').pop()?.message).toContain('— (Orders row 3): this order has no order number yet: choose Refresh statuses now first.');
  });
});

describe('template problems', () => {
  function withTemplate(text: string): Sandbox {
    const no = 'SO-2026-0601';
    const sb = docsWorkbook({ orders: [anOrder(no)], lines: linesFor(no, 2) });
    const doc = seedUserDoc(sb.env, { name: 'My quotation', text });
    pickFile(sb.env, doc.id);
    const settings = sheet(sb, 'Settings');
    let row = 0;
    for (let r = 1; r <= settings.lastRow(); r++) if (String(settings.get(r, 1)).startsWith('Template: quotation (English)')) row = r;
    sb.edit(`Settings!B${row}`, `https://docs.google.com/document/d/${doc.id}/edit`);
    generateFor(sb, 'menuGenerateQuotation', [no]);
    return sb;
  }

  it('an unknown placeholder is named, and nothing is generated', () => {
    const sb = withTemplate('Quotation {{doc.no}} for {{customer.nmae}}\n{{#lines}}{{line.name}}{{/lines}}');
    const alert = sb.env.uiEvents.filter((u) => u.kind === 'alert').pop();
    expect(alert?.message).toContain('the Quotation template (English) has a problem');
    expect(alert?.message).toContain('customer.nmae');
    expect(outputs(sb).docs).toEqual([]);
    expect(sb.env.documentProperties['gendan.counter.QT.2026']).toBeUndefined();
  });

  it('a template whose line row was deleted says so, and nothing is generated', () => {
    const sb = withTemplate('Quotation {{doc.no}} for {{customer.name}}\nTotal {{total.amount}}');
    const alert = sb.env.uiEvents.filter((u) => u.kind === 'alert').pop();
    expect(alert?.message).toMatch(/line/i);
    expect(alert?.message).toContain('Quotation template (English)');
    expect(outputs(sb).docs).toEqual([]);
  });

  it("the user's own template, picked, is used", () => {
    const sb = withTemplate('OUR QUOTE {{doc.no}} for {{customer.name}}\n{{#lines}}{{line.no}}. {{line.name}} × {{line.quantity}}{{/lines}}\nTotal {{total.amount}}');
    const doc = fileNamed(sb, 'QT-2026-0001 Pacific Home Supply Inc.');
    const text = docPdfPages(doc).join('\n');
    expect(text).toContain('OUR QUOTE QT-2026-0001 for Pacific Home Supply Inc.');
    expect(text).toContain('1. Stainless steel lever door handle × 100');
  });
});

describe('any number of lines', () => {
  const counts: Record<number, { total: number; perDocument: number; byMethod: Record<string, number> }> = {};
  const sbs: Record<number, Sandbox> = {};
  for (const n of [1, 20, 300]) {
    const no = `SO-2026-07${String(n).padStart(2, '0').slice(-2)}`;
    const sb = docsWorkbook({ orders: [anOrder(no)], lines: linesFor(no, n) });
    generateFor(sb, 'menuGenerateContract', [no]);
    const step = lastStep(sb);
    const perDocument = ['Drive:Files.copy', 'Docs:Documents.batchUpdate', 'DocumentApp:DocumentApp.openById', 'DocumentApp:Document.getAs', 'SpreadsheetApp:Range.setValues', 'SpreadsheetApp:Range.setNote']
      .reduce((sum, k) => sum + (step.byMethod[k] ?? 0), 0) + 1 /* the PDF's Files.create */ + 1 /* the row read again */;
    counts[n] = { total: step.total, perDocument, byMethod: step.byMethod };
    sbs[n] = sb;
  }

  it('costs the same service calls for 1, 20 and 300 lines (≤ 12 per document)', () => {
    expect(counts[20].total).toBe(counts[1].total);
    expect(counts[300].total).toBe(counts[1].total);
    expect(counts[1].perDocument).toBeLessThanOrEqual(12);
    expect(counts[1].byMethod['Docs:Documents.batchUpdate']).toBe(1);
    expect(counts[1].byMethod['Drive:Files.copy']).toBe(1);
  });

  it('puts all 300 lines in the contract, and the table header repeats on every page it spans', () => {
    const sb = sbs[300];
    const pages = pdfOf(outputs(sb).pdfs[0]);
    expect(pages.length).toBeGreaterThan(5);
    const all = squash(pages.join('\n'));
    for (let i = 1; i <= 300; i++) expect(all).toContain(squash(`Item ${i} of 300`));
    const header = squash('Unit price (USD)');
    const tablePages = pages.filter((p) => /Item\s*\d+\s*of\s*300/.test(p));
    expect(tablePages.length).toBeGreaterThan(5);
    for (const p of tablePages) expect(squash(p)).toContain(header);
  });

  it('plans a 300-line contract in well under a second of CPU', () => {
    const no = 'SO-2026-0700';
    const orders = [{ _row: 2, orderNo: no, customer: 'C-0001', currency: 'USD', paymentTerms: 'T/T', tradeTerm: 'FOB', deliveryDate: '2026-04-30' } as OrderRecord];
    const customer = { _row: 2, customerId: 'C-0001', name: 'ACME Ltd', address: '1 Main St' } as CustomerRecord;
    const lines = linesFor(no, 300).map((l, i) => ({ ...l, _row: i + 2 }) as unknown as OrderLineRecord);
    const template = toApiDocument('t', 't', applyRequests(emptyDoc(), templateBuildRequests(defaultTemplate('contract', 'en'))).doc) as unknown as DocsDocument;
    const start = process.cpuUsage();
    const data = buildMergeData({ docType: 'contract', lang: 'en', order: orders[0], lines, customer, products: [], settings: { company: { nameEn: 'A', nameZh: '', address: 'x', phone: '', email: '' }, bank: { beneficiary: 'b', name: 'n', account: '1', swift: 's' }, currency: 'USD', paymentTerms: '', quotationValidityDays: 30, signature: '' }, today: '2026-03-02', docNo: 'SC-1' });
    const plan = planMerge(template, data);
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    expect(plan.report.problems).toEqual([]);
    expect(plan.requests.length).toBeGreaterThan(300);
    expectWithinBudget('planning a 300-line contract', ms, 1000);
  });
});

describe('the sandbox CLI step', () => {
  it("npm run sandbox -- --workbook <sample> --select 'Orders!A5' --call menuGenerateQuotation writes the .docx and .pdf", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-docs-cli-'));
    try {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), 'src/sandbox/cli-main.ts', '--workbook', 'sheets-template/gendan-sample.xlsx', '--select', 'Orders!A5', '--call', 'menuGenerateQuotation', '--out', out], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const files = fs.readdirSync(path.join(out, 'docs')).filter((f) => f.startsWith('QT-'));
      expect(files.some((f) => f.endsWith('.docx'))).toBe(true);
      expect(files.some((f) => f.endsWith('.pdf'))).toBe(true);
      const calls = JSON.parse(fs.readFileSync(path.join(out, 'calls.json'), 'utf8')) as { steps: { step: string; byMethod: Record<string, number> }[] };
      const step = calls.steps.find((x) => x.step === '--call menuGenerateQuotation');
      // This user never ran setup in the sample workbook: the default quotation template is made first (a create
      // and a batchUpdate), then the quotation (a copy and a batchUpdate).
      expect(step?.byMethod['Drive:Files.copy']).toBe(1);
      expect(step?.byMethod['Docs:Documents.batchUpdate']).toBe(2);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it("--select 'Orders!A5' --call menuGenerateQuotation generates for that row", () => {
    const orders = ['SO-2026-0801', 'SO-2026-0802', 'SO-2026-0803', 'SO-2026-0804'].map((n) => anOrder(n));
    const sb = docsWorkbook({ orders, lines: orders.flatMap((o) => linesFor(String(o.orderNo), 1)) });
    sb.select('Orders!A5');
    sb.click('menuGenerateQuotation');
    expect(cell(sheet(sb, 'Orders'), 5, 'Quote no.')).toBe('QT-2026-0001');
    expect(cell(sheet(sb, 'Orders'), 4, 'Quote no.')).toBe('');
  });
});
