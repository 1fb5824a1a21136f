// Documents scenarios: a set-up workbook with the sample company, customers and products and orders built for the
// test, and readers for what the bundle made (Drive files, the .docx and .pdf of a Doc, the order row, the journal).
import { Sandbox } from '../../src/sandbox/runtime';
import { ROOT } from '../../src/sandbox/session';
import { readSampleData, loadSample } from '../../src/sandbox/sample-loader';
import { driveOf, type DriveFileRecord } from '../../src/sandbox/drive/model';
import { toApiDocument } from '../../src/sandbox/docs/model';
import { renderDocx } from '../../src/sandbox/export/docx';
import { renderPdf } from '../../src/sandbox/export/pdf';
import { buildMergeData, type MergeData } from '../../src/domain/documents/merge-fields';
import { parseSettings, type Settings } from '../../src/domain/settings';
import { parseLedger } from '../../src/domain/ledgers/parse';
import { LEDGERS } from '../../src/domain/ledgers/index';
import type { CustomerRecord, OrderLineRecord, OrderRecord, ProductRecord } from '../../src/domain/ledgers/records';
import { CustomerIndex } from '../../src/domain/orders/customer-aggregates';
import type { DocType } from '../../src/domain/documents/doc-types';
import type { Lang } from '../../src/domain/i18n/i18n';
import { documentSettingsOf } from '../../src/app/documents/document-settings-of';
import { WallDate } from '../../src/sandbox/spreadsheet/model';
import { docxText, pdfPages } from '../sandbox/export-test-kit';
import { cell, newSandbox, sheet } from './helpers';

export const SAMPLE = readSampleData(ROOT);
export const GDOC = 'application/vnd.google-apps.document';

type Row = Record<string, unknown>;

/** An order with every value the five documents need, for customer C-0001 (English) unless overridden. */
export function anOrder(orderNo: string, overrides: Row = {}): Row {
  return {
    orderNo,
    customer: 'C-0001',
    owner: 'li.na@example.com',
    stage: 'inquiry',
    inquiryDate: '2026-02-20',
    currency: 'USD',
    paymentTerms: '30% deposit, 70% against B/L copy',
    depositPercent: 0.3,
    tradeTerm: 'FOB',
    transport: 'sea',
    portOfLoading: 'Ningbo',
    destinationPort: 'Los Angeles',
    deliveryDate: '2026-04-30',
    factory: '余姚恒达五金厂',
    packagingRequirements: 'Export cartons, 4 corners protected',
    shippingMarks: 'PHS / LOS ANGELES / C/NO. 1-UP',
    qualityRequirements: 'AQL 2.5, salt spray 48 h',
    blNo: 'COSU6312345670',
    ...overrides,
  };
}

const PRODUCTS = SAMPLE.products ?? [];

/** `count` lines for an order, cycling through the sample products, each with its own quantity and price. */
export function linesFor(orderNo: string, count: number): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < count; i++) {
    const p = PRODUCTS[i % PRODUCTS.length];
    const quantity = 100 + i;
    const unitPrice = Math.round((Number(p.unitPrice) + i * 0.01) * 100) / 100;
    out.push({
      orderNo,
      line: i + 1,
      productCode: p.code,
      productName: `${String(p.name)} ${i + 1}`,
      description: `Item ${i + 1} of ${count}`,
      quantity,
      unit: p.unit,
      unitPrice,
      factoryPrice: p.factoryPrice,
      amount: Math.round(quantity * unitPrice * 100) / 100,
      cartons: Math.ceil(quantity / Number(p.pcsPerCarton)),
      netWeight: 10 + i,
      grossWeight: 11 + i,
      cbm: 0.05,
    });
  }
  return out;
}

export interface WorkbookOptions {
  orders: Row[];
  lines: Row[];
  locale?: string;
  user?: string;
  now?: string;
  settings?: Row;
}

/** A set-up workbook (which also makes the default templates) with the sample settings, customers and products. */
export function docsWorkbook(opts: WorkbookOptions): Sandbox {
  const sb = newSandbox({ locale: opts.locale, user: opts.user, now: opts.now });
  sb.click('menuSetup');
  loadSample(sb.env, { ...SAMPLE, settings: { ...SAMPLE.settings, ...opts.settings }, orders: opts.orders, orderLines: opts.lines, contacts: [], followUps: [], pipeline: [], afterSales: [] }, 'en');
  return sb;
}

/** The Orders row holding `orderNo`. */
export function orderRow(sb: Sandbox, orderNo: string): number {
  const s = sheet(sb, 'Orders');
  for (let r = 2; r <= s.lastRow(); r++) if (cell(s, r, 'Order no.') === orderNo) return r;
  throw new Error(`no order ${orderNo}`);
}

/** Selects the Orders rows of these orders (a contiguous block, in sheet order) and clicks a menu item. */
export function generateFor(sb: Sandbox, fn: string, orderNos: string[]): unknown {
  const rows = orderNos.map((no) => orderRow(sb, no));
  sb.select(`Orders!A${Math.min(...rows)}:A${Math.max(...rows)}`);
  return sb.click(fn);
}

/** Files the app made, not trashed (folders left out). */
export function driveFiles(sb: Sandbox): DriveFileRecord[] {
  return driveOf(sb.env).list().filter((f) => !f.trashed && f.mimeType !== 'application/vnd.google-apps.folder');
}

/** Generated documents: every non-template Doc and PDF. */
export function outputs(sb: Sandbox): { docs: DriveFileRecord[]; pdfs: DriveFileRecord[] } {
  const files = driveFiles(sb).filter((f) => f.origin === 'app' && !f.name.startsWith('Gendan template') && !f.name.startsWith('Gendan 模板'));
  return { docs: files.filter((f) => f.mimeType === GDOC), pdfs: files.filter((f) => f.mimeType === 'application/pdf') };
}

export function fileNamed(sb: Sandbox, name: string): DriveFileRecord {
  const f = driveFiles(sb).find((x) => x.name === name);
  if (!f) throw new Error(`no file "${name}" in Drive: ${driveFiles(sb).map((x) => x.name).join(', ')}`);
  return f;
}

export function folderNameOf(sb: Sandbox, f: DriveFileRecord): string {
  return f.parents.map((p) => driveOf(sb.env).files.get(p)?.name ?? '?').join('/');
}

/** The text of a Google Doc as Word would show it (mammoth over the sandbox's .docx export). */
export async function docxOf(f: DriveFileRecord): Promise<string> {
  if (!f.doc) throw new Error(`${f.name} is not a Doc`);
  return docxText(await renderDocx(toApiDocument(f.id, f.name, f.doc)));
}

/** The pages of a stored PDF, as pdf.js reads them. */
export function pdfOf(f: DriveFileRecord): string[] {
  if (!f.bytes) throw new Error(`${f.name} has no bytes`);
  return pdfPages(f.bytes);
}

/** The pages of a Doc rendered to PDF. */
export function docPdfPages(f: DriveFileRecord): string[] {
  if (!f.doc) throw new Error(`${f.name} is not a Doc`);
  return pdfPages(renderPdf(toApiDocument(f.id, f.name, f.doc), { creationDate: new Date(0) }));
}

/** Whitespace-free text, for containment checks across line wraps and table cells. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

function rowsOf(sb: Sandbox, name: string): unknown[][] {
  const s = sheet(sb, name);
  const out: unknown[][] = [];
  for (let r = 1; r <= s.lastRow(); r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= s.lastColumn(); c++) {
      const v = s.get(r, c);
      row.push(v instanceof WallDate ? new Date(v.wall) : v);
    }
    out.push(row);
  }
  return out;
}

/**
 * What the document should say, computed independently of the bundle: the workbook read back with the ledger
 * parsers and the merge engine run over it (the same rules, so every value the template prints is known).
 */
export function expectedMerge(sb: Sandbox, type: DocType, lang: Lang, orderNo: string, docNo: string, today = '2026-03-02'): MergeData {
  const ctx = { timeZone: 'UTC', locale: 'en_US' };
  const parse = <R>(key: 'orders' | 'orderLines' | 'customers' | 'products', name: string): R[] => {
    const [header, ...rows] = rowsOf(sb, name);
    return parseLedger(LEDGERS[key] as unknown as Parameters<typeof parseLedger>[0], header, rows, { sheetName: name, ...ctx, firstRow: 2 }).records as unknown as R[];
  };
  const orders = parse<OrderRecord>('orders', 'Orders');
  const order = orders.find((o) => o.orderNo === orderNo);
  if (!order) throw new Error(`no order ${orderNo}`);
  const customers = new CustomerIndex(parse<CustomerRecord>('customers', 'Customers'));
  const settings: Settings = parseSettings(rowsOf(sb, 'Settings'), ctx).settings;
  return buildMergeData({
    docType: type,
    lang,
    order,
    lines: parse<OrderLineRecord>('orderLines', 'Order lines').filter((l) => l.orderNo === orderNo),
    customer: customers.find(order.customer) ?? null,
    products: parse<ProductRecord>('products', 'Products'),
    settings: documentSettingsOf(settings, lang),
    today,
    docNo,
  });
}

/** The round trips of the last step, per method, and in total. */
export function lastStep(sb: Sandbox): { total: number; byMethod: Record<string, number>; modeledMs: number } {
  const steps = sb.env.ledger.allSteps();
  return steps[steps.length - 1];
}
