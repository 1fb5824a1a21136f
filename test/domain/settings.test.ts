// Settings: the registry (every setting of PRODUCT.md, bilingual, typed, with defaults), reading the Settings sheet
// by key or label in either language, and the rows setup writes.
import {
  defaultSettings,
  documentIdOf,
  parseSettings,
  reminderRule,
  REMINDER_RULES,
  SETTING_DEFS,
  SETTING_GROUP_LABELS,
  settingDef,
  settingFor,
  settingsRows,
  templateFor,
  DOCUMENT_TYPES,
  type SettingKey,
} from '../../src/domain/settings';
import { normalizeHeader } from '../../src/domain/ledgers/header-mapping';
import { asStored, cellOf, expectIssuesNameCells, foreignDate, SHANGHAI } from './ledgers-fixtures';
import { wallToInstant } from '../../src/domain/time/zone';

const CJK = /[\u3400-\u9fff]/;
const stored = (rows: unknown[][]) => rows.map((r) => r.map(asStored));

describe('the settings registry', () => {
  it('defines every setting once, with English and Chinese labels and help, a group and a default', () => {
    const keys = SETTING_DEFS.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(34 + 10 + 22);
    const names = new Map<string, string>();
    for (const d of SETTING_DEFS) {
      expect(d.label.en.trim()).toBeTruthy();
      expect(d.label.zh).toMatch(CJK);
      expect(d.note.en.trim()).toBeTruthy();
      expect(d.note.zh).toMatch(CJK);
      expect(SETTING_GROUP_LABELS[d.group]).toBeDefined();
      expect(d.default).not.toBeUndefined();
      for (const name of [d.key, d.label.en, d.label.zh]) {
        const k = normalizeHeader(name);
        const prev = names.get(k);
        if (prev !== undefined && prev !== d.key) throw new Error(`"${name}" names both ${prev} and ${d.key}`);
        names.set(k, d.key);
        expect(settingFor(name)?.key).toBe(d.key);
      }
    }
  });

  it('has the defaults of PRODUCT.md', () => {
    const s = defaultSettings();
    expect(s['currency.default']).toBe('USD');
    expect(s['quote.validity-days']).toBe(30);
    expect([s['prefix.order'], s['prefix.quote'], s['prefix.contract'], s['prefix.purchase-order'], s['prefix.shipping-notice'], s['prefix.invoice'], s['prefix.customer'], s['prefix.after-sales']]).toEqual(['SO', 'QT', 'SC', 'PO', 'SN', 'CI', 'C', 'AS']);
    expect(s.language).toBe('');
    expect([s['working-hours.start'], s['working-hours.end']]).toEqual(['09:00', '18:00']);
    expect(s['mail.customer-mode']).toBe('draft');
    expect(s['drive.folder']).toBe('Gendan documents');
    expect(s['factory-documents.language']).toBe('zh');
    expect([s['sweep.hour'], s['digest.hour']]).toEqual([6, 8]);
    expect([s['return-visit.after-receipt.working-days'], s['return-visit.after-complaint.days']]).toEqual([7, 3]);
    expect(s['company.name.en']).toBe('');
    for (const type of DOCUMENT_TYPES) expect([templateFor(s, type, 'en'), templateFor(s, type, 'zh')]).toEqual(['', '']);
  });

  it('has every reminder rule on, with its days', () => {
    const s = defaultSettings();
    const days = Object.fromEntries(REMINDER_RULES.map((r) => [r, reminderRule(s, r).days]));
    expect(days).toEqual({
      'inquiry-unanswered': 1, 'quote-no-decision': 5, 'prospect-untouched': 10, 'delivery-soon': 3, 'goods-late': 0, 'shipped-send-docs': 0,
      'balance-unpaid': 3, 'satisfaction-check': 7, 'reorder-check': 21, 'return-visit': 0, 'follow-up-due': 0,
    });
    for (const r of REMINDER_RULES) expect(reminderRule(s, r).on).toBe(true);
    expect(settingDef('reminder.quote-no-decision.days').label).toEqual({ en: 'Reminder: quotation without a decision (days)', zh: '提醒：报价未决定（天数）' });
  });

  it('gives a fresh object each time', () => {
    const a = defaultSettings();
    a['prefix.order'] = 'XX';
    expect(defaultSettings()['prefix.order']).toBe('SO');
  });
});

describe('settingsRows', () => {
  it.each([['en'], ['zh']] as const)('writes a header, group headings and every setting in %s, which parse back to the defaults', (lang) => {
    const rows = settingsRows(lang);
    expect(rows[0]).toEqual(lang === 'en' ? ['Setting', 'Value', 'Notes'] : ['设置项', '值', '说明']);
    const settingRows = rows.filter((r) => settingFor(r[0]));
    expect(settingRows).toHaveLength(SETTING_DEFS.length);
    const headings = rows.slice(1).filter((r) => !settingFor(r[0]));
    expect(headings.map((r) => r[0])).toEqual(Object.values(SETTING_GROUP_LABELS).map((m) => `— ${m[lang]} —`));
    const { settings, issues } = parseSettings(stored(rows), { timeZone: SHANGHAI });
    expect(issues).toEqual([]);
    expect(settings).toEqual(defaultSettings());
  });

  it('writes given values instead of defaults, protecting text that Sheets would change', () => {
    const rows = settingsRows('en', { 'company.phone': '+86 574 8765 4321', 'quote.validity-days': 45, 'reminder.goods-late.on': false });
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(value('Phone')).toBe("'+86 574 8765 4321");
    expect(value('Quotation validity (days)')).toBe(45);
    expect(value('Reminder: goods late (on)')).toBe(false);
    expect(value('Working hours: start')).toBe('09:00');
  });
});

describe('parseSettings', () => {
  const header = ['Setting', 'Value', 'Notes'];

  it('reads settings named by key, English label or Chinese label, in any width and case', () => {
    const { settings, issues } = parseSettings([
      header,
      ['company.name.en', 'Bright Harbor Trading', ''],
      ['公司名称（中文）', '宁波明港贸易有限公司', ''],
      ['ＤＥＦＡＵＬＴ ＣＵＲＲＥＮＣＹ', 'rmb', ''],
      ['提醒：报价未决定（开启）', '否', ''],
      ['reminder.quote-no-decision.days', '7 days', ''],
      ['Reminder: goods late (on)', '关闭', ''],
      ['客户邮件', '直接发送', ''],
      ['Workbook language', '中文', ''],
      ['Working hours: start', foreignDate(wallToInstant(Date.UTC(1899, 11, 30, 8, 30), SHANGHAI)), ''],
      ['Working hours: end', '下午5点半', ''],
      ['Email', 'Sales <sales@example.com>', ''],
      ['Template: quotation (English)', 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit', ''],
      ['Daily digest hour', 7, ''],
    ], { timeZone: SHANGHAI });
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({
      'company.name.en': 'Bright Harbor Trading',
      'company.name.zh': '宁波明港贸易有限公司',
      'currency.default': 'CNY',
      'reminder.quote-no-decision.on': false,
      'reminder.quote-no-decision.days': 7,
      'reminder.goods-late.on': false,
      'mail.customer-mode': 'send',
      language: 'zh',
      'working-hours.start': '08:30',
      'working-hours.end': '17:30',
      'company.email': 'sales@example.com',
      'template.quotation.en': '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      'digest.hour': 7,
      'quote.validity-days': 30,
    });
  });

  it('keeps the default for a bad value and names the cell', () => {
    const { settings, issues } = parseSettings([
      ['设置项', '说明', '值'],
      ['每日提醒邮件时间（时）', '', 25],
      ['Quotation validity (days)', '', 'a month'],
      ['Email', '', 'sales at example'],
      ['Customer mails', '', 'fax'],
      ['Template: invoice and packing list (Chinese)', '', 'my template'],
      ['Working hours: start', '', 'after lunch'],
    ], { sheetName: '设置' });
    expect(settings['digest.hour']).toBe(8);
    expect(settings['quote.validity-days']).toBe(30);
    expect(settings['company.email']).toBe('');
    expect(settings['mail.customer-mode']).toBe('draft');
    expect(issues.map((i) => [cellOf(i), i.severity, i.key])).toEqual([
      ['C2', 'error', 'digest.hour'],
      ['C3', 'error', 'quote.validity-days'],
      ['C4', 'error', 'company.email'],
      ['C5', 'error', 'mail.customer-mode'],
      ['C6', 'error', 'template.invoice.zh'],
      ['C7', 'error', 'working-hours.start'],
    ]);
    expect(issues[0].message.en).toBe('设置 row 2, column C (值): "25" is outside 0 to 23; the default (8) is used');
    expect(issues[0].message.zh).toBe('设置 第 2 行 C 列（值）：“25”超出范围 0 至 23；使用默认值（8）');
    expect(issues[3].message.en).toBe('设置 row 5, column C (值): "fax" is not one of: draft (Draft), send (Send); the default (draft) is used');
    expect(issues[4].message.en).toBe('设置 row 6, column C (值): "my template" is not a Google Docs link or file ID; the default (blank) is used');
    expectIssuesNameCells(issues);
  });

  it('ignores headings and blank rows, warns about unknown settings with a value and about duplicates', () => {
    const { settings, issues } = parseSettings([
      header,
      ['— Company —', '', ''],
      [],
      ['Favourite colour', 'blue', ''],
      ['Prefix: order no.', 'PI', ''],
      ['prefix.order', 'SO', ''],
    ]);
    expect(settings['prefix.order']).toBe('PI');
    expect(issues.map((i) => [cellOf(i), i.severity, i.message.en])).toEqual([
      ['A4', 'warning', 'Settings row 4, column A (Setting): "Favourite colour" is not a Gendan setting; this row is ignored'],
      ['A6', 'warning', 'Settings row 6, column A (Setting): this setting is also in row 5; row 5 is used'],
    ]);
  });

  it('reads a table without a header row as Setting, Value, Notes', () => {
    const { settings, issues } = parseSettings([
      ['Default currency', 'EUR'],
      ['Daily status sweep hour', '5'],
    ]);
    expect(issues).toEqual([]);
    expect(settings['currency.default']).toBe('EUR');
    expect(settings['sweep.hour']).toBe(5);
  });

  it('gives the defaults for an empty sheet', () => {
    expect(parseSettings([])).toEqual({ settings: defaultSettings(), issues: [] });
  });

  it('accepts Google Docs links and IDs as templates', () => {
    expect(documentIdOf('https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz/edit?usp=sharing')).toBe('1AbCdEfGhIjKlMnOpQrStUvWxYz');
    expect(documentIdOf('1AbCdEfGhIjKlMnOpQrStUvWxYz')).toBe('1AbCdEfGhIjKlMnOpQrStUvWxYz');
    expect(documentIdOf('quotation.docx')).toBeUndefined();
  });

  it('types every key', () => {
    const key: SettingKey = 'reminder.balance-unpaid.days';
    const n: number = defaultSettings()[key];
    expect(n).toBe(3);
  });
});
