// Messages of the ledger area, English and Chinese: where a problem is (sheet, row, column) and what is wrong with
// the header row, a cell or a setting. Issue texts say what was found and what to type instead.
import { fill, type Catalog, type Lang, type Message } from './i18n';

export const LEDGER_MESSAGES = {
  // where
  'issue.cell': { en: '{sheet} row {row}, column {col} ({header}): {detail}', zh: '{sheet} 第 {row} 行 {col} 列（{header}）：{detail}' },
  'issue.headerRow': { en: '{sheet} header row {row}: {detail}', zh: '{sheet} 表头第 {row} 行：{detail}' },
  'issue.rowSkipped': { en: '{detail}; the row is skipped until this is fixed', zh: '{detail}；修正前此行不会被处理' },
  // header row
  'header.missingRequired': {
    en: 'the required column "{header}" is missing; add it (for example in {cell}) or rename a column to it',
    zh: '缺少必填列“{header}”；请添加（例如在 {cell}）或把某一列改名为它',
  },
  'header.duplicate': {
    en: 'this column is also "{header}", like column {first}; Gendan uses column {first} and ignores this one',
    zh: '此列与 {first} 列同为“{header}”；Gendan 使用 {first} 列，忽略此列',
  },
  // cells
  'cell.required': { en: 'is required but empty', zh: '必填，但为空' },
  'cell.notNumber': { en: '"{value}" is not a number', zh: '“{value}”不是数字' },
  'cell.notInteger': { en: '"{value}" is not a whole number', zh: '“{value}”不是整数' },
  'cell.notPercent': { en: '"{value}" is not a percentage (use 30%)', zh: '“{value}”不是百分比（请写成 30%）' },
  'cell.outOfRange': { en: '"{value}" is outside {min} to {max}', zh: '“{value}”超出范围 {min} 至 {max}' },
  'cell.belowMin': { en: '"{value}" is below {min}', zh: '“{value}”小于 {min}' },
  'cell.aboveMax': { en: '"{value}" is above {max}', zh: '“{value}”大于 {max}' },
  'cell.notDate': { en: '"{value}" is not a date (use 2026-03-02)', zh: '“{value}”不是日期（请写成 2026-03-02）' },
  'cell.noSuchDate': { en: '"{value}" is not a real calendar date', zh: '“{value}”不是真实存在的日期' },
  'cell.notDateTime': { en: '"{value}" is not a date and time (use 2026-03-02 14:30)', zh: '“{value}”不是日期时间（请写成 2026-03-02 14:30）' },
  'cell.notTime': { en: '"{value}" is not a time of day (use 09:30)', zh: '“{value}”不是时间（请写成 09:30）' },
  'cell.notBoolean': { en: '"{value}" is not yes or no (use TRUE or FALSE)', zh: '“{value}”不是“是/否”（请填 TRUE 或 FALSE）' },
  'cell.notOption': { en: '"{value}" is not one of: {options}', zh: '“{value}”不在可选值中：{options}' },
  'cell.notEmail': { en: '"{value}" is not an email address', zh: '“{value}”不是邮箱地址' },
  'cell.notOneEmail': { en: '"{value}" must be a single email address', zh: '“{value}”只能填一个邮箱地址' },
  'cell.notUrl': { en: '"{value}" is not a web address (use https://…)', zh: '“{value}”不是网址（请以 https:// 开头）' },
  'cell.notTimeZone': { en: '"{value}" is not a time zone (use a name like Asia/Riyadh)', zh: '“{value}”不是时区（请填写如 Asia/Riyadh 的名称）' },
  'cell.notCurrency': { en: '"{value}" is not a currency code (use USD, CNY, EUR…)', zh: '“{value}”不是币种代码（请填 USD、CNY、EUR 等）' },
  'cell.notLanguage': { en: '"{value}" is not a language (use a code like en, zh, es)', zh: '“{value}”不是语言（请填 en、zh、es 等代码）' },
  'cell.notFraction': { en: '"{value}" is not a count of conditions met, like 3/5', zh: '“{value}”不是“3/5”这样的完成条件数' },
  'cell.tooLong': { en: 'is {length} characters long; keep it within {max}', zh: '共 {length} 个字符；请控制在 {max} 个字符以内' },
  'cell.formulaText': {
    en: '"{value}" looks like a formula; Gendan fills this column itself and will replace it',
    zh: '“{value}”像是公式；此列由 Gendan 自动填写，将被覆盖',
  },
  'cell.formulaError': { en: 'shows the formula error {value}', zh: '显示公式错误 {value}' },
  'cell.invalid': { en: '"{value}" is not valid in this column', zh: '“{value}”在此列无效' },
  // settings
  'setting.unknown': { en: '"{value}" is not a Gendan setting; this row is ignored', zh: '“{value}”不是 Gendan 的设置项；此行被忽略' },
  'setting.duplicate': { en: 'this setting is also in row {first}; row {first} is used', zh: '此设置项在第 {first} 行已出现；以第 {first} 行为准' },
  'setting.defaultUsed': { en: '{detail}; the default ({default}) is used', zh: '{detail}；使用默认值（{default}）' },
  'setting.notDocument': { en: '"{value}" is not a Google Docs link or file ID', zh: '“{value}”不是 Google 文档链接或文件 ID' },
} satisfies Catalog;

export type LedgerMessageId = keyof typeof LEDGER_MESSAGES;

/** A slot value: the same in both languages, or one per language (e.g. a list of enum labels). */
export type SlotValue = string | number | Message;

/** Both languages of a ledger message, each slot filled in its language. */
export function ledgerMessage(id: LedgerMessageId, vars: Record<string, SlotValue> = {}): Message {
  const m: Message = LEDGER_MESSAGES[id];
  return { en: fill(m.en, pick(vars, 'en')), zh: fill(m.zh, pick(vars, 'zh')) };
}

function pick(vars: Record<string, SlotValue>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const k of Object.keys(vars)) {
    const v = vars[k];
    out[k] = typeof v === 'object' ? v[lang] : v;
  }
  return out;
}
