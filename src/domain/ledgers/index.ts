// The catalogue of Gendan's sheets: every ledger by key (LEDGERS), the auto-only Dashboard, the record type of each
// ledger, and finding a ledger by a sheet name typed in English or Chinese.
import { AFTER_SALES } from './after-sales';
import { CONTACT_LOG } from './contact-log';
import { CUSTOMERS } from './customers';
import { FOLLOW_UPS } from './follow-ups';
import { normalizeHeader } from './header-mapping';
import { MAIL_TEMPLATES } from './mail-templates';
import { ORDER_LINES } from './order-lines';
import { ORDERS } from './orders';
import { PIPELINE } from './pipeline';
import { PRODUCTS } from './products';
import type {
  AfterSalesRecord,
  ContactRecord,
  CustomerRecord,
  FollowUpRecord,
  MailTemplateRecord,
  OrderLineRecord,
  OrderRecord,
  PipelineRecord,
  ProductRecord,
  ReminderLogRecord,
  SettingRecord,
} from './records';
import { REMINDER_LOG } from './reminder-log';
import type { AutoSheetDef, LedgerDef, LedgerKey } from './schema-types';
import { SETTINGS_SHEET } from './settings-sheet';

export type { LedgerKey } from './schema-types';

/** The record type of each ledger. */
export interface LedgerRecords {
  customers: CustomerRecord;
  products: ProductRecord;
  orders: OrderRecord;
  orderLines: OrderLineRecord;
  contacts: ContactRecord;
  followUps: FollowUpRecord;
  pipeline: PipelineRecord;
  afterSales: AfterSalesRecord;
  settings: SettingRecord;
  reminderLog: ReminderLogRecord;
  mailTemplates: MailTemplateRecord;
}

/** Every ledger, in the order of the workbook's tabs. */
export const LEDGERS: { readonly [K in LedgerKey]: LedgerDef<LedgerRecords[K]> } = {
  customers: CUSTOMERS,
  products: PRODUCTS,
  orders: ORDERS,
  orderLines: ORDER_LINES,
  contacts: CONTACT_LOG,
  followUps: FOLLOW_UPS,
  pipeline: PIPELINE,
  afterSales: AFTER_SALES,
  settings: SETTINGS_SHEET,
  reminderLog: REMINDER_LOG,
  mailTemplates: MAIL_TEMPLATES,
};

export const LEDGER_KEYS = Object.keys(LEDGERS) as LedgerKey[];

/** The dashboard: written by Gendan only, no rows to parse. */
export const DASHBOARD: AutoSheetDef = {
  key: 'dashboard',
  sheet: { en: 'Dashboard', zh: '看板' },
  sheetAliases: ['Overview', 'Summary', '仪表盘', '仪表板', '数据看板', '总览'],
};

let sheetLookup: Map<string, LedgerKey | 'dashboard'> | undefined;

/**
 * The ledger (or 'dashboard') a sheet name means, in English, Chinese or an alias; undefined for the user's own sheets.
 * @example sheetKeyOf('客户台账') // 'customers'
 */
export function sheetKeyOf(sheetName: string): LedgerKey | 'dashboard' | undefined {
  if (!sheetLookup) {
    sheetLookup = new Map();
    for (const def of [...LEDGER_KEYS.map((k) => LEDGERS[k] as LedgerDef), DASHBOARD]) {
      for (const name of [def.sheet.en, def.sheet.zh, ...def.sheetAliases]) {
        const k = normalizeHeader(name);
        if (!sheetLookup.has(k)) sheetLookup.set(k, def.key);
      }
    }
  }
  return sheetLookup.get(normalizeHeader(sheetName));
}

/** The sheet name of a ledger (or the dashboard) in a workbook language. */
export function sheetName(key: LedgerKey | 'dashboard', lang: 'en' | 'zh'): string {
  return (key === 'dashboard' ? DASHBOARD : LEDGERS[key]).sheet[lang];
}

export {
  AFTER_SALES,
  CONTACT_LOG,
  CUSTOMERS,
  FOLLOW_UPS,
  MAIL_TEMPLATES,
  ORDER_LINES,
  ORDERS,
  PIPELINE,
  PRODUCTS,
  REMINDER_LOG,
  SETTINGS_SHEET,
};
