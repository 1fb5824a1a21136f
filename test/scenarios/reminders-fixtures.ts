// Builders and readers for the reminder scenarios: a set-up workbook with rows put in by header text, settings,
// seeded invoice PDFs, the produced mail (parsed with mailparser), the Reminder log and the Contact log as rows.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Sandbox } from '../../src/sandbox/runtime';
import { mailRecords, type MailRecord } from '../../src/sandbox/mail/index';
import { headerValue, parseRawHeaders } from '../../src/sandbox/mail/raw-headers';
import { seedUserDoc } from '../../src/sandbox/drive/model';
import { toCell } from '../../src/sandbox/spreadsheet/fakes';
import { WallDate, type SheetModel } from '../../src/sandbox/spreadsheet/model';
import { LEDGERS, sheetKeyOf, type LedgerKey } from '../../src/domain/ledgers/index';
import { formatDocumentLinks } from '../../src/domain/documents/document-links';
import { settingDef, type SettingKey } from '../../src/domain/settings';
import { wallDateString, wallToInstant } from '../../src/domain/time/zone';
import { newSandbox } from './helpers';

export const LI = 'li.na@example.com';
export const WANG = 'wang.wei@example.com';
export const ME = 'owner@example.com';

/** "2026-03-06T10:00" on the wall clock of `timeZone` → epoch ms. */
export function wall(text: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`bad wall time ${text}`);
  return wallToInstant(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]), timeZone);
}

/** A sandbox (spreadsheet in Shanghai, acting user owner@example.com) with the workbook set up. */
export function setUpWorkbook(now = '2026-03-02T09:00'): Sandbox {
  const sb = newSandbox({ now });
  sb.click('menuSetup');
  setSetting(sb, 'company.name.en', 'Ningbo Bright Harbor Trading Co., Ltd.');
  setSetting(sb, 'company.name.zh', '宁波明港贸易有限公司');
  setSetting(sb, 'signature.en', 'Best regards,\nLi Na\nBright Harbor Trading');
  setSetting(sb, 'signature.zh', '顺祝商祺！\n李娜\n宁波明港贸易有限公司');
  return sb;
}

export function ledgerSheet(sb: Sandbox, key: LedgerKey): SheetModel {
  const s = sb.env.spreadsheet.sheets.find((x) => sheetKeyOf(x.name) === key);
  if (!s) throw new Error(`no ${key} sheet`);
  return s;
}

function columnOf(s: SheetModel, header: string): number {
  for (let c = 1; c <= s.lastColumn(); c++) if (s.get(1, c) === header) return c;
  throw new Error(`no column "${header}" in ${s.name}`);
}

/** Appends rows below the last one, values typed as a user would (by English header); returns their rows. */
export function addRows(sb: Sandbox, key: LedgerKey, rows: Record<string, string | number>[]): number[] {
  const s = ledgerSheet(sb, key);
  const first = s.lastRow() + 1;
  rows.forEach((row, i) => {
    for (const [header, v] of Object.entries(row)) s.set(first + i, columnOf(s, header), toCell(v, sb.env.spreadsheet, false).value);
  });
  return rows.map((_, i) => first + i);
}

/** Sets a cell by header (used for auto columns such as Documents). */
export function setCell(sb: Sandbox, key: LedgerKey, row: number, header: string, value: string): void {
  const s = ledgerSheet(sb, key);
  s.set(row, columnOf(s, header), value);
}

/** Types a value into the Settings row of a setting (found by its English label). */
export function setSetting(sb: Sandbox, key: SettingKey, value: string): void {
  const s = ledgerSheet(sb, 'settings');
  const label = settingDef(key).label.en;
  for (let r = 2; r <= s.lastRow(); r++) {
    if (s.get(r, 1) === label) {
      s.set(r, 2, toCell(value, sb.env.spreadsheet, false).value);
      return;
    }
  }
  throw new Error(`no Settings row for ${key}`);
}

/** A Google Doc the app may open (as if Gendan had generated it), linked from the order's Documents cell. */
export function seedInvoice(sb: Sandbox, orderRow: number, number: string): string {
  const doc = seedUserDoc(sb.env, { name: `Invoice ${number}`, text: `COMMERCIAL INVOICE ${number}\nThank you for your order.`, picked: true });
  setCell(sb, 'orders', orderRow, 'Documents', formatDocumentLinks([{ docType: 'invoice', number, docId: doc.id, pdfId: doc.id }]));
  return doc.id;
}

export interface Customer {
  id: string;
  name: string;
  country: string;
  zone: string;
  language: string;
  email: string;
  owner: string;
  contact?: string;
  pauseUntil?: string;
}

export const LA: Customer = { id: 'C-LA', name: 'Pacific Home Supply Inc.', country: 'United States', zone: 'America/Los_Angeles', language: 'en', email: 'jennifer@pacifichome.example.com', owner: LI, contact: 'Jennifer Walsh' };
export const RIYADH: Customer = { id: 'C-RUH', name: 'Al Noor Building Materials', country: 'Saudi Arabia', zone: 'Asia/Riyadh', language: 'ar', email: 'khalid@alnoor.example.com', owner: WANG, contact: 'Khalid Al-Harbi' };
export const SHANGHAI: Customer = { id: 'C-SHA', name: '上海恒通建材有限公司', country: '中国', zone: 'Asia/Shanghai', language: 'zh', email: 'chen@hengtong.example.com', owner: LI, contact: '陈建国' };

export function addCustomers(sb: Sandbox, customers: Customer[]): number[] {
  return addRows(
    sb,
    'customers',
    customers.map((c) => ({
      'Customer ID': c.id,
      'Customer name': c.name,
      Country: c.country,
      'Time zone': c.zone,
      Language: c.language,
      Contact: c.contact ?? '',
      Email: c.email,
      Owner: c.owner,
      ...(c.pauseUntil ? { 'Do not email until': c.pauseUntil } : {}),
    })),
  );
}

/** Quoted orders (one per customer) whose quotation follow-up falls due `days` after `quoteDate` (default 5). */
export function addQuotedOrders(sb: Sandbox, orders: { no: string; customer: Customer; quoteDate: string }[]): number[] {
  return addRows(
    sb,
    'orders',
    orders.map((o) => ({ 'Order no.': o.no, Customer: o.customer.id, Owner: o.customer.owner, Stage: 'Quoted', 'Quote no.': `QT-${o.no}`, 'Quote date': o.quoteDate, Currency: 'USD' })),
  );
}

/** Mail the sandbox holds, newest last, with the Gendan key header read. */
export interface Mail extends MailRecord {
  key: string;
  language: string;
}

export function allMail(sb: Sandbox): Mail[] {
  return mailRecords(sb.env).map((r) => {
    const headers = parseRawHeaders(r.raw);
    const key = headerValue(headers, 'X-Gendan-Key').split(';')[0]?.trim() ?? '';
    return { ...r, key, language: headerValue(headers, 'Content-Language') };
  });
}

export function parse(m: MailRecord): Promise<ParsedMail> {
  return simpleParser(m.raw);
}

function show(v: unknown): string {
  return v instanceof WallDate ? wallDateString(v.wall) : v === undefined || v === null ? '' : String(v);
}

/** A ledger's data rows as records keyed by English header. */
export function rowsOf(sb: Sandbox, key: LedgerKey): Record<string, string>[] {
  const s = ledgerSheet(sb, key);
  const headers = LEDGERS[key].columns.map((c) => c.header.en);
  const cols = headers.map((h) => {
    for (let c = 1; c <= s.lastColumn(); c++) if (s.get(1, c) === h) return c;
    return 0;
  });
  const out: Record<string, string>[] = [];
  for (let r = 2; r <= s.lastRow(); r++) {
    const rec: Record<string, string> = {};
    headers.forEach((h, i) => (rec[h] = cols[i] ? show(s.get(r, cols[i])) : ''));
    out.push(rec);
  }
  return out;
}

/** The data of the last Preview dialog shown. */
export function lastPreview(sb: Sandbox): {
  note: string;
  quota: string;
  digests: { to: string; language: string; subject: string; text: string }[];
  mails: { customer: string; to: string; mode: string; language: string; subject: string; attachment: string; text: string }[];
  waiting: { customer: string; what: string; part: string; why: string }[];
} {
  const dialog = sb.env.uiEvents.filter((u) => u.kind === 'dialog').pop();
  const json = dialog?.html ? /var DATA = (.*);\n/.exec(dialog.html)?.[1] : undefined;
  if (!json) throw new Error('no Preview dialog shown');
  return JSON.parse(json) as ReturnType<typeof lastPreview>;
}

/** The message of the last toast. */
export function lastToast(sb: Sandbox): string {
  return sb.env.uiEvents.filter((u) => u.kind === 'toast').pop()?.message ?? '';
}

/** Counts of each value. */
export function countOf(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
