// Templates through the real bundle: the default Google Docs that setup makes (one per document type and language,
// every field as a placeholder), made again when lost, kept when there; the "Documents" menu; and the server side
// of the Choose-my-template dialog (the Google Picker itself cannot load offline): the picked file is checked
// through Drive.Files.get and the Docs API before Settings name it.
import { docTypeSpec, DOC_TYPES } from '../../src/domain/documents/doc-types';
import { discoverPlaceholders } from '../../src/domain/documents/template-syntax';
import { toApiDocument } from '../../src/sandbox/docs/model';
import { driveOf, pickFile, seedUserDoc, seedUserFile } from '../../src/sandbox/drive/model';
import type { DocsDocument } from '../../src/ports';
import type { Sandbox } from '../../src/sandbox/runtime';
import { anOrder, docsWorkbook, driveFiles, folderNameOf, generateFor, GDOC, linesFor, outputs, docPdfPages } from './documents-fixtures';
import { newSandbox, sheet } from './helpers';

function templates(sb: Sandbox, user = 'owner@example.com') {
  return driveFiles(sb).filter((f) => f.mimeType === GDOC && folderNameOf(sb, f) === 'Gendan templates' && f.owner === user);
}

function settingValue(sb: Sandbox, label: string): unknown {
  const s = sheet(sb, 'Settings');
  for (let r = 1; r <= s.lastRow(); r++) if (s.get(r, 1) === label) return s.get(r, 2);
  throw new Error(`no setting ${label}`);
}

describe('default templates', () => {
  const sb = newSandbox();
  sb.click('menuSetup');

  it('setup makes one Google Doc per document type, in English and in Chinese, in a "Gendan templates" folder', () => {
    const made = templates(sb);
    expect(made.map((f) => f.name).sort()).toEqual(
      [
        'Gendan template – Commercial invoice and packing list (English)',
        'Gendan template – Purchase contract / outsourcing list (English)',
        'Gendan template – Quotation (English)',
        'Gendan template – Sales contract (English)',
        'Gendan template – Shipping notice (English)',
        'Gendan 模板 – 出货通知（中文）',
        'Gendan 模板 – 发票/装箱单（中文）',
        'Gendan 模板 – 报价单（中文）',
        'Gendan 模板 – 采购合同/外协采购清单（中文）',
        'Gendan 模板 – 销售合同（中文）',
      ].sort(),
    );
  });

  it.each(DOC_TYPES.flatMap((t) => (['en', 'zh'] as const).map((l) => [t, l] as const)))('the %s template (%s) holds every field of the document as a placeholder', (type, lang) => {
    const spec = docTypeSpec(type);
    const name = lang === 'en' ? `Gendan template – ${spec.name.en} (English)` : `Gendan 模板 – ${spec.name.zh}（中文）`;
    const f = templates(sb).find((x) => x.name === name)!;
    const names = new Set(discoverPlaceholders(toApiDocument(f.id, f.name, f.doc!) as unknown as DocsDocument).map((p) => p.name));
    for (const field of [...spec.fields, ...spec.lineFields]) expect(names).toContain(field);
    const text = docPdfPages(f).join('\n');
    expect(text).toContain(lang === 'en' ? spec.name.en.toUpperCase().split(' ')[0] : spec.name.zh.slice(0, 2));
  });

  it('are kept when they are there, and made again when one was deleted', () => {
    sb.click('menuSetup');
    expect(templates(sb)).toHaveLength(10);
    const quotation = templates(sb).find((f) => f.name === 'Gendan template – Quotation (English)')!;
    driveOf(sb.env).files.get(quotation.id)!.trashed = true;
    sb.click('menuCreateTemplates');
    expect(templates(sb)).toHaveLength(10);
    expect(sb.env.uiEvents.filter((u) => u.kind === 'toast').pop()?.message).toBe('Default templates are in the "Gendan templates" folder of your Drive: 1 created, 9 already there.');
  });

  it("are each user's own: another user gets theirs when they first generate", () => {
    const wb = docsWorkbook({ orders: [anOrder('SO-2026-1101')], lines: linesFor('SO-2026-1101', 1) });
    wb.select('Orders!A2', 'li.na@example.com');
    wb.click('menuGenerateQuotation', 'li.na@example.com');
    expect(templates(wb, 'li.na@example.com').map((f) => f.name)).toEqual(['Gendan template – Quotation (English)']);
    expect(outputs(wb).docs.map((d) => [d.name, d.owner])).toEqual([['QT-2026-0001 Pacific Home Supply Inc.', 'li.na@example.com']]);
  });
});

describe('the Documents menu', () => {
  it('has a Documents submenu with the five documents, email, and the two template items', () => {
    const sb = newSandbox();
    sb.click('menuSetup');
    sb.open();
    const menu = sb.env.menus.get('owner@example.com') as { items: { kind: string; caption?: string; menu?: { items: { caption?: string; fn?: string }[] } }[] };
    const docs = menu.items.find((i) => i.kind === 'submenu' && i.caption === 'Documents');
    expect(docs?.menu?.items.map((i) => [i.caption, i.fn])).toEqual([
      ['Generate quotation', 'menuGenerateQuotation'],
      ['Generate sales contract', 'menuGenerateContract'],
      ['Generate factory purchase order', 'menuGeneratePurchaseOrder'],
      ['Generate shipping notice', 'menuGenerateShippingNotice'],
      ['Generate invoice and packing list', 'menuGenerateInvoice'],
      ['Email document to customer', 'menuEmailDocument'],
      ['Create default templates', 'menuCreateTemplates'],
      ['Choose my template…', 'menuChooseTemplate'],
    ]);
  });
});

describe('Choose my template (the dialog’s server side)', () => {
  const no = 'SO-2026-1201';
  const sb = docsWorkbook({ orders: [anOrder(no)], lines: linesFor(no, 2) });
  const label = 'Template: quotation (English)';

  it('opens the dialog with each document type and its current template', () => {
    sb.click('menuChooseTemplate');
    const dialog = sb.env.uiEvents.filter((u) => u.kind === 'dialog').pop();
    expect(dialog?.title).toBe('Choose my template');
    expect(dialog?.html).toContain('"type":"quotation"');
    expect(dialog?.html).toContain('"token":"sandbox-oauth-token"');
    expect(dialog?.html).toContain('google.picker.PickerBuilder');
  });

  it('refuses a file Gendan cannot open (not picked), a file that is not a Google Doc, and a broken template', () => {
    const notPicked = seedUserDoc(sb.env, { name: 'Secret', text: '{{doc.no}}' });
    expect(sb.rpc('dialogSetTemplate', ['quotation', 'en', notPicked.id])).toEqual({ ok: false, message: expect.stringContaining('Gendan cannot open this file') });
    const pdf = seedUserFile(sb.env, { name: 'Old quote.pdf', mimeType: 'application/pdf', bytes: '%PDF-1.4', picked: true });
    expect(sb.rpc('dialogSetTemplate', ['quotation', 'en', pdf.id])).toEqual({ ok: false, name: 'Old quote.pdf', message: expect.stringContaining('is not a Google Docs document') });
    const broken = seedUserDoc(sb.env, { name: 'Broken', text: '{{doc.no}} {{customer.nmae}}\n{{#lines}}{{line.name}}{{/lines}}', picked: true });
    const result = sb.rpc('dialogSetTemplate', ['quotation', 'en', broken.id]) as { ok: boolean; message: string };
    expect(result.ok).toBe(false);
    expect(result.message).toContain('customer.nmae');
    expect(settingValue(sb, label)).toBe('');
  });

  it('records a picked Doc in Settings, and generation then uses it', () => {
    const mine = seedUserDoc(sb.env, { name: 'Our quotation', text: 'ACME QUOTE {{doc.no}} to {{customer.name}}\n{{#lines}}{{line.no}} {{line.name}} {{line.quantity}}{{/lines}}\n{{total.amount}}' });
    pickFile(sb.env, mine.id);
    expect(sb.rpc('dialogSetTemplate', ['quotation', 'en', mine.id])).toEqual({ ok: true, name: 'Our quotation', message: '"Our quotation" is now the Quotation template (English).' });
    expect(settingValue(sb, label)).toBe(`https://docs.google.com/document/d/${mine.id}/edit`);
    generateFor(sb, 'menuGenerateQuotation', [no]);
    const [doc] = outputs(sb).docs;
    expect(docPdfPages(doc).join('\n')).toContain('ACME QUOTE QT-2026-0001 to Pacific Home Supply Inc.');
  });

  it('goes back to the default template', () => {
    expect(sb.rpc('dialogClearTemplate', ['quotation', 'en'])).toEqual({ ok: true, message: 'The Quotation template (English) is the default again.' });
    expect(settingValue(sb, label)).toBe('');
    generateFor(sb, 'menuGenerateQuotation', [no]);
    const doc = outputs(sb).docs.find((d) => d.name.startsWith('QT-2026-0002'))!;
    expect(docPdfPages(doc).join('\n')).toContain('QUOTATION');
  });
});
