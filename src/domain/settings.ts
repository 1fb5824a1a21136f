// The registry of every Gendan setting (key, English and Chinese label, type, default, group, help text), the typed
// Settings object, reading the Settings sheet (a key/value table; a setting is named by its key or either label),
// and the default rows setup writes. A missing or unreadable value falls back to its default, with a message.
import type { Lang, Message } from './i18n/i18n';
import { ledgerMessage, type SlotValue } from './i18n/ledgers';
import {
  CellError,
  currencyCode,
  displayCell,
  enumCodeOf,
  isBlankCell,
  readCheckbox,
  readEmail,
  readNumber,
  readText,
  readTime,
  type CellContext,
} from './ledgers/cell-parsers';
import { mapHeaders, normalizeHeader } from './ledgers/header-mapping';
import { cellIssue } from './ledgers/issues';
import { MAIL_MODES, type MailMode } from './ledgers/records';
import { EMAIL_PATTERN } from './ledgers/record-schema';
import { SETTINGS_SHEET } from './ledgers/settings-sheet';
import { enumOptions, type LedgerIssue } from './ledgers/schema-types';
import { protectText, type SheetValue } from './ledgers/to-cell-value';

export const REMINDER_RULES = [
  'inquiry-unanswered',
  'quote-no-decision',
  'prospect-untouched',
  'delivery-soon',
  'goods-late',
  'shipped-send-docs',
  'balance-unpaid',
  'satisfaction-check',
  'reorder-check',
  'return-visit',
  'follow-up-due',
] as const;
export type ReminderRule = (typeof REMINDER_RULES)[number];

export const DOCUMENT_TYPES = ['quotation', 'contract', 'purchase-order', 'shipping-notice', 'invoice'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const LANGS = ['en', 'zh'] as const;

/** How a setting's value is read. `document`: a Google Docs link or file ID, kept as the ID. */
export type SettingType = 'text' | 'integer' | 'hour' | 'boolean' | 'time' | 'email' | 'currency' | 'language' | 'mail-mode' | 'document';

export type SettingGroup = 'company' | 'bank' | 'trade' | 'numbering' | 'language' | 'mail' | 'documents' | 'schedule' | 'after-sales' | 'reminders';

interface BaseSettings {
  'company.name.en': string;
  'company.name.zh': string;
  'company.address.en': string;
  'company.address.zh': string;
  'company.phone': string;
  'company.email': string;
  'bank.beneficiary': string;
  'bank.name': string;
  'bank.account': string;
  'bank.swift': string;
  'bank.address': string;
  'currency.default': string;
  'payment-terms.default': string;
  'quote.validity-days': number;
  'prefix.order': string;
  'prefix.quote': string;
  'prefix.contract': string;
  'prefix.purchase-order': string;
  'prefix.shipping-notice': string;
  'prefix.invoice': string;
  'prefix.customer': string;
  'prefix.after-sales': string;
  /** '' = each user's own locale. */
  language: '' | Lang;
  'working-hours.start': string;
  'working-hours.end': string;
  'mail.customer-mode': MailMode;
  'signature.en': string;
  'signature.zh': string;
  'drive.folder': string;
  'factory-documents.language': Lang;
  'sweep.hour': number;
  'digest.hour': number;
  'return-visit.after-receipt.working-days': number;
  'return-visit.after-complaint.days': number;
}

/** '' = the default template Gendan creates. */
type TemplateSettings = { [K in `template.${DocumentType}.${Lang}`]: string };
type ReminderOnSettings = { [K in `reminder.${ReminderRule}.on`]: boolean };
type ReminderDaysSettings = { [K in `reminder.${ReminderRule}.days`]: number };

/** Every setting, typed, defaults filled in. */
export type Settings = BaseSettings & TemplateSettings & ReminderOnSettings & ReminderDaysSettings;
export type SettingKey = keyof Settings;

interface Spec<T> {
  type: SettingType;
  group: SettingGroup;
  default: T;
  label: Message;
  note: Message;
  min?: number;
  max?: number;
}

export interface SettingDef extends Spec<Settings[SettingKey]> {
  key: SettingKey;
}

const m = (en: string, zh: string): Message => ({ en, zh });
const text = (group: SettingGroup, label: Message, note: Message, def = ''): Spec<string> => ({ type: 'text', group, default: def, label, note });
const prefix = (label: Message, def: string, sample: string): Spec<string> =>
  text('numbering', label, m(`Numbers look like ${sample}`, `编号形如 ${sample}`), def);

const BASE: { [K in keyof BaseSettings]: Spec<BaseSettings[K]> } = {
  'company.name.en': text('company', m('Company name (English)', '公司名称（英文）'), m('Full legal name, as on contracts and invoices', '合同和发票上的英文全称')),
  'company.name.zh': text('company', m('Company name (Chinese)', '公司名称（中文）'), m('Full legal name in Chinese, for factory documents', '中文全称，用于工厂单据')),
  'company.address.en': text('company', m('Address (English)', '公司地址（英文）'), m('Printed on quotations, contracts and invoices', '打印在报价单、合同和发票上')),
  'company.address.zh': text('company', m('Address (Chinese)', '公司地址（中文）'), m('Printed on Chinese documents', '打印在中文单据上')),
  'company.phone': text('company', m('Phone', '电话'), m('With the country code, e.g. +86 574 8888 0000', '带国家区号，如 +86 574 8888 0000')),
  'company.email': { type: 'email', group: 'company', default: '', label: m('Email', '邮箱'), note: m('The address customers reply to', '客户回复的邮箱地址') },
  'bank.beneficiary': text('bank', m('Bank: beneficiary', '银行：收款人'), m('Account holder, as the bank writes it', '开户名，与银行记录一致')),
  'bank.name': text('bank', m('Bank: bank name', '银行：开户行'), m('Name of the bank', '开户银行名称')),
  'bank.account': text('bank', m('Bank: account no.', '银行：账号'), m('Account number or IBAN', '账号或 IBAN')),
  'bank.swift': text('bank', m('Bank: SWIFT', '银行：SWIFT 代码'), m('SWIFT / BIC code', 'SWIFT / BIC 代码')),
  'bank.address': text('bank', m('Bank: address', '银行：地址'), m('Address of the bank branch', '开户行地址')),
  'currency.default': { type: 'currency', group: 'trade', default: 'USD', label: m('Default currency', '默认币种'), note: m('ISO code used when an order has none (USD, EUR, CNY…)', '订单未填币种时使用的代码（USD、EUR、CNY 等）') },
  'payment-terms.default': text('trade', m('Default payment terms', '默认付款方式'), m('Used when an order has none', '订单未填付款方式时使用'), '30% deposit, 70% against B/L copy'),
  'quote.validity-days': { type: 'integer', group: 'trade', default: 30, min: 1, max: 365, label: m('Quotation validity (days)', '报价有效期（天）'), note: m('Quote valid until = quote date + these days', '报价有效期 = 报价日期 + 天数') },
  'prefix.order': prefix(m('Prefix: order no.', '编号前缀：订单'), 'SO', 'SO-2026-0001'),
  'prefix.quote': prefix(m('Prefix: quotation no.', '编号前缀：报价单'), 'QT', 'QT-2026-0001'),
  'prefix.contract': prefix(m('Prefix: contract no.', '编号前缀：销售合同'), 'SC', 'SC-2026-0001'),
  'prefix.purchase-order': prefix(m('Prefix: factory PO no.', '编号前缀：采购合同'), 'PO', 'PO-2026-0001'),
  'prefix.shipping-notice': prefix(m('Prefix: shipping notice no.', '编号前缀：出货通知'), 'SN', 'SN-2026-0001'),
  'prefix.invoice': prefix(m('Prefix: invoice no.', '编号前缀：发票'), 'CI', 'CI-2026-0001'),
  'prefix.customer': prefix(m('Prefix: customer ID', '编号前缀：客户'), 'C', 'C-0001'),
  'prefix.after-sales': prefix(m('Prefix: after-sales case no.', '编号前缀：售后单'), 'AS', 'AS-2026-0001'),
  language: { type: 'language', group: 'language', default: '', label: m('Workbook language', '工作簿语言'), note: m('en or zh; blank = each user’s own language', 'en 或 zh；留空 = 按各用户自己的语言') },
  'working-hours.start': { type: 'time', group: 'mail', default: '09:00', label: m('Working hours: start', '工作时间：开始'), note: m('Customer mails are timed inside the customer’s working hours', '客户邮件安排在客户当地工作时间内') },
  'working-hours.end': { type: 'time', group: 'mail', default: '18:00', label: m('Working hours: end', '工作时间：结束'), note: m('In the customer’s own time zone', '按客户当地时区') },
  'mail.customer-mode': { type: 'mail-mode', group: 'mail', default: 'draft', label: m('Customer mails', '客户邮件'), note: m('draft = Gmail drafts you check and send; send = sent directly', 'draft = 生成 Gmail 草稿由您发送；send = 直接发送') },
  'signature.en': text('mail', m('Signature (English)', '邮件签名（英文）'), m('Added to English mails', '附在英文邮件末尾')),
  'signature.zh': text('mail', m('Signature (Chinese)', '邮件签名（中文）'), m('Added to Chinese mails', '附在中文邮件末尾')),
  'drive.folder': text('documents', m('Drive folder', '云端硬盘文件夹'), m('Folder in My Drive for generated documents', '生成的单据保存在“我的云端硬盘”中的此文件夹'), 'Gendan documents'),
  'factory-documents.language': { type: 'language', group: 'documents', default: 'zh', label: m('Factory documents language', '工厂单据语言'), note: m('Language of purchase contracts and shipping notices', '采购合同和出货通知使用的语言') },
  'sweep.hour': { type: 'hour', group: 'schedule', default: 6, min: 0, max: 23, label: m('Daily status sweep hour', '每日状态更新时间（时）'), note: m('Hour (0–23, spreadsheet time zone) when statuses are brought up to date', '每天几点（0–23，表格时区）更新所有状态') },
  'digest.hour': { type: 'hour', group: 'schedule', default: 8, min: 0, max: 23, label: m('Daily digest hour', '每日提醒邮件时间（时）'), note: m('Hour (0–23) when each owner gets the digest of what is due', '每天几点（0–23）给每位负责人发送待办汇总') },
  'return-visit.after-receipt.working-days': { type: 'integer', group: 'after-sales', default: 7, min: 0, max: 60, label: m('Return visit after receipt (working days)', '签收后回访（工作日）'), note: m('Working days after the customer received the goods (7–15 is usual)', '客户签收后的工作日数（通常 7–15）') },
  'return-visit.after-complaint.days': { type: 'integer', group: 'after-sales', default: 3, min: 0, max: 60, label: m('Return visit after a complaint (days)', '投诉处理后回访（天）'), note: m('Days after a complaint was handled (3–7 is usual)', '投诉处理完成后的天数（通常 3–7）') },
};

const DOCUMENT_LABELS: Record<DocumentType, Message> = {
  quotation: m('quotation', '报价单'),
  contract: m('sales contract', '销售合同'),
  'purchase-order': m('factory purchase contract', '采购合同'),
  'shipping-notice': m('shipping notice', '出货通知'),
  invoice: m('invoice and packing list', '发票/装箱单'),
};

const LANG_LABELS: Record<Lang, Message> = { en: m('English', '英文'), zh: m('Chinese', '中文') };

const REMINDER_INFO: Record<ReminderRule, { days: number; label: Message; daysNote: Message; max: number }> = {
  'inquiry-unanswered': { days: 1, max: 30, label: m('inquiry not answered', '询盘未回复'), daysNote: m('Days without a reply after an inquiry arrives (1 = 24 hours)', '询盘到达后未回复的天数（1 = 24 小时）') },
  'quote-no-decision': { days: 5, max: 90, label: m('quotation without a decision', '报价未决定'), daysNote: m('Days after the quotation date with no decision', '报价后仍未决定的天数') },
  'prospect-untouched': { days: 10, max: 90, label: m('prospect not contacted', '潜在客户未联系'), daysNote: m('Days since the last contact with a prospect (7–14 is usual)', '距上次联系潜在客户的天数（通常 7–14）') },
  'delivery-soon': { days: 3, max: 60, label: m('delivery date approaching', '交期临近'), daysNote: m('Days before the delivery date: confirm with the factory, tell the customer', '交货日期前的天数：与工厂确认并告知客户') },
  'goods-late': { days: 0, max: 60, label: m('goods late', '货物延期'), daysNote: m('Days after the delivery date with nothing shipped', '超过交货日期仍未出货的天数') },
  'shipped-send-docs': { days: 0, max: 30, label: m('shipped: send tracking and documents', '已出货：发送物流信息和单据'), daysNote: m('Days after shipping', '出货后的天数') },
  'balance-unpaid': { days: 3, max: 90, label: m('balance unpaid', '尾款未付'), daysNote: m('Days after the balance due date', '尾款到期后的天数') },
  'satisfaction-check': { days: 7, max: 90, label: m('satisfaction check', '满意度回访'), daysNote: m('Days after the ETA', '预计到达后的天数') },
  'reorder-check': { days: 21, max: 180, label: m('sales and reorder check', '销售与返单回访'), daysNote: m('Days after the ETA (14–30 is usual)', '预计到达后的天数（通常 14–30）') },
  'return-visit': { days: 0, max: 30, label: m('after-sales return visit', '售后回访'), daysNote: m('Days after the return-visit date', '回访日期之后的天数') },
  'follow-up-due': { days: 0, max: 30, label: m('follow-up due', '跟进到期'), daysNote: m('Days after a follow-up’s due date (0 = on the day)', '跟进完成时限之后的天数（0 = 当天）') },
};

function buildRegistry(): SettingDef[] {
  const defs: SettingDef[] = [];
  for (const key of Object.keys(BASE) as (keyof BaseSettings)[]) {
    defs.push({ key, ...(BASE[key] as Spec<Settings[SettingKey]>) });
    if (key === 'drive.folder') {
      // The template files follow the Drive folder, the factory language after them.
      for (const type of DOCUMENT_TYPES) {
        for (const lang of LANGS) {
          const doc = DOCUMENT_LABELS[type];
          const language = LANG_LABELS[lang];
          defs.push({
            key: `template.${type}.${lang}`,
            type: 'document',
            group: 'documents',
            default: '',
            label: m(`Template: ${doc.en} (${language.en})`, `模板：${doc.zh}（${language.zh}）`),
            note: m('Google Docs link or file ID; blank = the default Gendan creates', 'Google 文档链接或文件 ID；留空 = 使用 Gendan 创建的默认模板'),
          });
        }
      }
    }
  }
  for (const rule of REMINDER_RULES) {
    const info = REMINDER_INFO[rule];
    defs.push({
      key: `reminder.${rule}.on`,
      type: 'boolean',
      group: 'reminders',
      default: true,
      label: m(`Reminder: ${info.label.en} (on)`, `提醒：${info.label.zh}（开启）`),
      note: m('TRUE = remind, FALSE = never', 'TRUE = 提醒，FALSE = 不提醒'),
    });
    defs.push({
      key: `reminder.${rule}.days`,
      type: 'integer',
      group: 'reminders',
      default: info.days,
      min: 0,
      max: info.max,
      label: m(`Reminder: ${info.label.en} (days)`, `提醒：${info.label.zh}（天数）`),
      note: info.daysNote,
    });
  }
  return defs;
}

/** Every setting, in the order of the Settings sheet. */
export const SETTING_DEFS: readonly SettingDef[] = buildRegistry();

const defsByKey = new Map<string, SettingDef>(SETTING_DEFS.map((d) => [d.key, d]));

/** The definition of a setting key. */
export function settingDef(key: SettingKey): SettingDef {
  const def = defsByKey.get(key);
  if (!def) throw new Error(`unknown setting ${key}`);
  return def;
}

/** A fresh Settings object holding every default. */
export function defaultSettings(): Settings {
  const out: Record<string, unknown> = {};
  for (const d of SETTING_DEFS) out[d.key] = d.default;
  return out as unknown as Settings;
}

export const SETTING_GROUP_LABELS: Record<SettingGroup, Message> = {
  company: m('Company', '公司信息'),
  bank: m('Bank details', '银行信息'),
  trade: m('Trade defaults', '贸易默认值'),
  numbering: m('Numbering', '编号规则'),
  language: m('Language', '语言'),
  mail: m('Mail and working hours', '邮件与工作时间'),
  documents: m('Documents', '单据'),
  schedule: m('Schedule', '定时任务'),
  'after-sales': m('After-sales', '售后'),
  reminders: m('Reminders', '提醒规则'),
};

/** The on/off and days of a reminder rule. */
export function reminderRule(settings: Settings, rule: ReminderRule): { on: boolean; days: number } {
  return { on: settings[`reminder.${rule}.on`], days: settings[`reminder.${rule}.days`] };
}

/** The template file ID chosen for a document type and language ('' = Gendan's default template). */
export function templateFor(settings: Settings, type: DocumentType, lang: Lang): string {
  return settings[`template.${type}.${lang}`];
}

// ---- reading the sheet ----

const SETTING_LOOKUP = new Map<string, SettingDef>();
for (const d of SETTING_DEFS) {
  for (const name of [d.key, d.label.en, d.label.zh]) {
    const k = normalizeHeader(name);
    if (!SETTING_LOOKUP.has(k)) SETTING_LOOKUP.set(k, d);
  }
}

/** The setting a Setting cell names (its key, English or Chinese label, in any case or width). */
export function settingFor(name: unknown): SettingDef | undefined {
  return SETTING_LOOKUP.get(normalizeHeader(name));
}

const MAIL_MODE_OPTIONS = enumOptions(MAIL_MODES, {
  draft: ['Draft', '草稿', ['Drafts', 'Gmail draft', '存草稿', '生成草稿']],
  send: ['Send', '直接发送', ['Sent', 'Send directly', 'Auto send', '发送', '自动发送']],
});
const LANGUAGE_OPTIONS = enumOptions(LANGS, {
  en: ['English', '英文', ['en-US', 'en-GB', 'EN', '英语']],
  zh: ['Chinese', '中文', ['zh-CN', 'zh-TW', 'ZH', '简体中文', '汉语', 'Chinese (simplified)']],
});
const SWITCH_WORDS = new Map<string, boolean>([
  ['开', true], ['开启', true], ['启用', true], ['打开', true], ['enabled', true], ['enable', true],
  ['关', false], ['关闭', false], ['停用', false], ['禁用', false], ['disabled', false], ['disable', false],
]);

type ValueRead = { value: unknown } | CellError;

function bounded(n: number, def: SettingDef, whole: boolean): ValueRead {
  if (whole && !Number.isInteger(n)) return new CellError('cell.notInteger');
  if ((def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)) {
    return new CellError('cell.outOfRange', { min: def.min ?? '', max: def.max ?? '' });
  }
  return { value: n };
}

/** A Google Docs file ID from a link (…/document/d/ID/edit) or the ID itself. */
export function documentIdOf(text: string): string | undefined {
  const link = /\/d\/([A-Za-z0-9_-]{20,})/.exec(text);
  if (link) return link[1];
  return /^[A-Za-z0-9_-]{20,}$/.test(text) ? text : undefined;
}

function readSettingValue(def: SettingDef, raw: unknown, ctx: CellContext): ValueRead {
  switch (def.type) {
    case 'text':
      return { value: readText(raw, ctx) };
    case 'integer':
    case 'hour': {
      const n = readNumber(raw, ctx);
      return n instanceof CellError ? n : bounded(n, def, true);
    }
    case 'boolean': {
      const word = typeof raw === 'string' ? SWITCH_WORDS.get(raw.trim().toLowerCase()) : undefined;
      if (word !== undefined) return { value: word };
      const b = readCheckbox(raw);
      return b instanceof CellError ? b : { value: b };
    }
    case 'time': {
      const t = readTime(raw, ctx);
      return t instanceof CellError ? t : { value: t };
    }
    case 'email': {
      const e = readEmail(raw);
      if (e instanceof CellError) return e;
      if (e.includes(',')) return new CellError('cell.notOneEmail');
      return EMAIL_PATTERN.test(e) ? { value: e } : new CellError('cell.notEmail');
    }
    case 'currency': {
      const c = currencyCode(readText(raw, ctx));
      return c ? { value: c } : new CellError('cell.notCurrency');
    }
    case 'language': {
      const code = enumCodeOf(LANGUAGE_OPTIONS, readText(raw, ctx));
      return code ? { value: code } : optionError(LANGUAGE_OPTIONS);
    }
    case 'mail-mode': {
      const code = enumCodeOf(MAIL_MODE_OPTIONS, readText(raw, ctx));
      return code ? { value: code } : optionError(MAIL_MODE_OPTIONS);
    }
    case 'document': {
      const id = documentIdOf(readText(raw, ctx));
      return id ? { value: id } : new CellError('setting.notDocument');
    }
  }
}

function optionError(options: readonly { en: string; zh: string; code: string }[]): CellError {
  return new CellError('cell.notOption', {
    options: { en: options.map((o) => `${o.code} (${o.en})`).join(', '), zh: options.map((o) => `${o.code}（${o.zh}）`).join('、') },
  });
}

function shownDefault(def: SettingDef): SlotValue {
  if (def.default === '') return m('blank', '空');
  return typeof def.default === 'boolean' ? (def.default ? 'TRUE' : 'FALSE') : String(def.default);
}

export interface SettingsContext {
  /** The sheet's actual name, for messages (default "Settings"). */
  sheetName?: string;
  /** For time cells (Dates) and dates; default UTC. */
  timeZone?: string;
  /** For numbers with decimal commas; default en_US. */
  locale?: string;
}

/**
 * Reads the Settings sheet (all rows, header first) into typed settings with every default filled in. Rows whose
 * Setting is not a known setting are ignored (a warning when they hold a value; headings and blank rows are
 * silent); a bad value keeps the default and is reported.
 */
export function parseSettings(rows: readonly (readonly unknown[])[], ctx: SettingsContext = {}): { settings: Settings; issues: LedgerIssue[] } {
  const sheet = ctx.sheetName ?? SETTINGS_SHEET.sheet.en;
  const timeZone = ctx.timeZone ?? 'UTC';
  const cellCtx: CellContext = { timeZone, locale: ctx.locale ?? 'en_US' };
  const settings = defaultSettings() as unknown as Record<string, unknown>;
  const issues: LedgerIssue[] = [];
  const header = rows[0] ?? [];
  const mapping = mapHeaders(SETTINGS_SHEET, header, { sheetName: sheet });
  // Without a recognisable header row, the table is read as A = Setting, B = Value, C = Notes from row 1.
  const hasHeader = mapping.byKey.key !== undefined && mapping.byKey.value !== undefined;
  const keyCol = hasHeader ? mapping.byKey.key : 1;
  const valueCol = hasHeader ? mapping.byKey.value : 2;
  const valueHeader = hasHeader ? String(header[valueCol - 1]).trim() : SETTINGS_SHEET.columns[1].header.en;
  const keyHeader = hasHeader ? String(header[keyCol - 1]).trim() : SETTINGS_SHEET.columns[0].header.en;
  const seen = new Map<string, number>();
  for (let i = hasHeader ? 1 : 0; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const row = i + 1;
    const name = cells[keyCol - 1];
    const raw = cells[valueCol - 1];
    if (isBlankCell(name)) continue;
    const def = settingFor(name);
    if (!def) {
      if (!isBlankCell(raw)) {
        issues.push(cellIssue({ sheet, row, col: keyCol, header: keyHeader, key: '', raw: name, timeZone, id: 'setting.unknown', severity: 'warning' }));
      }
      continue;
    }
    const first = seen.get(def.key);
    if (first !== undefined) {
      issues.push(cellIssue({ sheet, row, col: keyCol, header: keyHeader, key: def.key, raw: name, timeZone, id: 'setting.duplicate', vars: { first }, severity: 'warning' }));
      continue;
    }
    seen.set(def.key, row);
    if (isBlankCell(raw)) continue;
    const read = readSettingValue(def, raw, cellCtx);
    if (read instanceof CellError) {
      const detail = ledgerMessage(read.id, { ...read.vars, value: displayCell(raw, timeZone) });
      issues.push(cellIssue({ sheet, row, col: valueCol, header: valueHeader, key: def.key, raw, timeZone, id: 'setting.defaultUsed', vars: { detail, default: shownDefault(def) }, severity: 'error' }));
      continue;
    }
    settings[def.key] = read.value;
  }
  return { settings: settings as unknown as Settings, issues };
}

function settingCell(def: SettingDef, value: unknown): SheetValue {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // Times stay as typed so that Sheets stores a time; other text is protected from formula/number conversion.
  return def.type === 'time' ? String(value) : protectText(String(value));
}

/**
 * The rows setup writes into a new Settings sheet: the header, then each group's heading row and its settings
 * (label in the workbook language, value, help text). `values` overrides defaults (the demo's company details).
 */
export function settingsRows(lang: Lang, values: Partial<Settings> = {}): SheetValue[][] {
  const rows: SheetValue[][] = [SETTINGS_SHEET.columns.map((c) => c.header[lang])];
  let group: SettingGroup | undefined;
  for (const def of SETTING_DEFS) {
    if (def.group !== group) {
      group = def.group;
      rows.push([`— ${SETTING_GROUP_LABELS[group][lang]} —`, '', '']);
    }
    const value = (values as Record<string, unknown>)[def.key] ?? def.default;
    rows.push([def.label[lang], settingCell(def, value), def.note[lang]]);
  }
  return rows;
}
