// "Set up workbook": creates missing sheets and missing columns (appended at the end, nothing moved, renamed or
// deleted), the frozen header, dropdowns and date/email validation, status colours, warning-only protection of
// Gendan's columns, the Settings and Mail templates defaults. It compares before it changes: a second run changes
// nothing, and on a filled workbook no call depends on the number of rows.
import type { ConditionalSpec, Table, ValidationSpec } from '../ports';
import { LEDGERS, LEDGER_KEYS, sheetName, type LedgerKey } from '../domain/ledgers/index';
import type { ColumnDef, LedgerDef } from '../domain/ledgers/schema-types';
import { mapHeaders, columnLetter } from '../domain/ledgers/header-mapping';
import { settingFor, settingsRows, SETTING_DEFS } from '../domain/settings';
import { defaultMailTemplates } from '../domain/reminders/render';
import type { Lang } from '../domain/i18n/i18n';
import { appText } from '../domain/i18n/app';
import { PROP, type AppContext } from './context';

export interface SetupReport {
  lang: Lang;
  sheetsCreated: string[];
  columnsAdded: { sheet: string; headers: string[] }[];
  validations: number;
  conditionalRules: number;
  protections: number;
  settingsAdded: number;
  templatesAdded: number;
  changed: boolean;
}

const HEADER_BG = '#e8eaed';
const DEFAULT_ROWS = 1000;

const COLOURS = {
  overdue: { background: '#f4c7c3', fontColor: '#a50e0e' },
  today: { background: '#fce8b2', fontColor: '#7a4f01' },
  done: { background: '#e8eaed', fontColor: '#80868b' },
};

function numberFormatOf(col: ColumnDef): string | undefined {
  if (col.numberFormat) return col.numberFormat;
  switch (col.type) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'money':
      return '#,##0.00';
    case 'percent':
      return '0%';
    case 'integer':
      return '0';
    default:
      return undefined;
  }
}

/** The validation a column gets: dropdowns for enums (warning only: pasted data is never refused), dates, emails. */
export function validationOf(col: ColumnDef, lang: Lang): ValidationSpec | null {
  if (col.owner === 'auto') return null;
  switch (col.type) {
    case 'enum':
      return { kind: 'list', values: (col.options ?? []).map((o) => o[lang]), allowInvalid: true };
    case 'date':
      return { kind: 'date', allowInvalid: true };
    case 'email':
      return col.multiple ? null : { kind: 'email', allowInvalid: true };
    case 'url':
      return { kind: 'url', allowInvalid: true };
    case 'checkbox':
      return { kind: 'checkbox', allowInvalid: true };
    default:
      return null;
  }
}

function sameValidation(a: ValidationSpec | null, b: ValidationSpec | null): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.allowInvalid === b.allowInvalid && JSON.stringify(a.values ?? []) === JSON.stringify(b.values ?? []);
}

/** Label of an enum code in both languages (formulas match either, so switching language keeps colours). */
function labels(ledger: LedgerDef, key: string, code: string): string[] {
  const opt = ledger.columns.find((c) => c.key === key)?.options?.find((o) => o.code === code);
  return opt ? [opt.en, opt.zh] : [code];
}

function anyOf(cell: string, values: string[]): string {
  return values.length === 1 ? `${cell}="${values[0]}"` : `OR(${values.map((v) => `${cell}="${v.replace(/"/g, '""')}"`).join(',')})`;
}

/** The status colour rules of a ledger for its current column positions (tags carry the positions). */
export function statusRules(key: LedgerKey, byKey: Record<string, number>): ConditionalSpec[] {
  const ledger = LEDGERS[key] as LedgerDef;
  const statusCol = byKey.status;
  if (!statusCol) return [];
  const dueKey = key === 'orders' ? 'deliveryDate' : key === 'afterSales' ? 'returnVisitDue' : 'due';
  const dueCol = byKey[dueKey];
  const s = `$${columnLetter(statusCol)}2`;
  const cols = dueCol ? [statusCol, dueCol] : [statusCol];
  const tag = (name: string) => `gendan:${key}:${name}:${columnLetter(statusCol)}${dueCol ? columnLetter(dueCol) : ''}`;
  const formula = (name: string, cond: string) => `=AND(N("${tag(name)}")=0,${cond})`;
  const done = labels(ledger, 'status', 'done');
  const rules: ConditionalSpec[] = [
    { tag: tag('overdue'), formula: formula('overdue', anyOf(s, labels(ledger, 'status', 'overdue'))), columns: cols, ...COLOURS.overdue },
    { tag: tag('done'), formula: formula('done', anyOf(s, done)), columns: cols, ...COLOURS.done },
  ];
  if (dueCol) {
    const d = `$${columnLetter(dueCol)}2`;
    rules.splice(1, 0, { tag: tag('today'), formula: formula('today', `${d}=TODAY(),NOT(${anyOf(s, done)})`), columns: cols, ...COLOURS.today });
  }
  return rules;
}

export function setupWorkbook(ctx: AppContext): SetupReport {
  const wb = ctx.ports.workbook;
  const storedLang = ctx.props()[PROP.lang];
  const lang: Lang = storedLang === 'en' || storedLang === 'zh' ? storedLang : ctx.lang;
  const report: SetupReport = { lang, sheetsCreated: [], columnsAdded: [], validations: 0, conditionalRules: 0, protections: 0, settingsAdded: 0, templatesAdded: 0, changed: false };
  if (storedLang !== lang) ctx.setProps({ [PROP.lang]: lang });

  for (const key of LEDGER_KEYS) {
    const ledger = LEDGERS[key] as LedgerDef;
    let table = ctx.table(key);
    const created = !table;
    if (!table) {
      table = wb.insertTable(sheetName(key, lang));
      report.sheetsCreated.push(table.name);
    }
    ctx.remember(key, table.sheetId);
    if (key === 'settings') setupSettings(table, lang, created, report);
    else if (key === 'mailTemplates') setupMailTemplates(table, ledger, lang, created, report);
    else setupLedger(ctx, key, table, ledger, lang, created, report);
  }
  let dash = ctx.table('dashboard');
  if (!dash) {
    dash = wb.insertTable(sheetName('dashboard', lang));
    dash.writeBlock(1, 1, [[appText(lang, 'app.name') + ' · ' + sheetName('dashboard', lang)]]);
    report.sheetsCreated.push(dash.name);
  }
  ctx.remember('dashboard', dash.sheetId);
  ctx.reloadSettings();
  report.changed =
    report.sheetsCreated.length > 0 || report.columnsAdded.length > 0 || report.validations + report.conditionalRules + report.protections + report.settingsAdded + report.templatesAdded > 0;
  return report;
}

function setupLedger(ctx: AppContext, key: LedgerKey, table: Table, ledger: LedgerDef, lang: Lang, created: boolean, report: SetupReport): void {
  const header = created ? [] : table.readHeader();
  const mapping = mapHeaders(ledger, header, { sheetName: table.name });
  const byKey: Record<string, number> = { ...mapping.byKey };
  const missing = ledger.columns.filter((c) => byKey[c.key] === undefined);
  const start = header.length + 1;
  if (missing.length) {
    table.writeBlock(1, start, [missing.map((c) => c.header[lang])]);
    missing.forEach((c, i) => (byKey[c.key] = start + i));
    report.columnsAdded.push({ sheet: table.name, headers: missing.map((c) => c.header[lang]) });
    table.formatHeader(start + missing.length - 1, HEADER_BG);
    for (const c of missing) {
      const fmt = numberFormatOf(c);
      if (fmt) table.setColumnFormat(byKey[c.key], fmt, 2, DEFAULT_ROWS - 1);
      table.setColumnWidth(byKey[c.key], c.width);
    }
  }
  if (created || table.frozenRows() !== 1) table.setFrozenRows(1);
  const numCols = Math.max(...Object.values(byKey));
  const present = created ? new Array<ValidationSpec | null>(numCols).fill(null) : table.columnValidations(numCols);
  for (const col of ledger.columns) {
    const spec = validationOf(col, lang);
    const c = byKey[col.key];
    if (!spec || !c) continue;
    if (sameValidation(present[c - 1] ?? null, spec)) continue;
    // A list written in the other language still counts: switching language must not churn validations.
    const other = validationOf(col, lang === 'en' ? 'zh' : 'en');
    if (!missing.includes(col) && sameValidation(present[c - 1] ?? null, other)) continue;
    table.setColumnValidation(c, spec, 2, DEFAULT_ROWS - 1);
    report.validations++;
  }
  const rules = statusRules(key, byKey);
  if (rules.length) {
    const have = created ? [] : table.conditionalTags();
    const want = rules.map((r) => r.tag);
    if (want.some((t) => !have.includes(t)) || have.some((t) => t.startsWith(`gendan:${key}:`) && !want.includes(t))) {
      table.setConditionalRules(rules, `gendan:${key}:`);
      report.conditionalRules += rules.length;
    }
  }
  const autoCols = ledger.columns.filter((c) => c.owner === 'auto' && byKey[c.key]);
  if (autoCols.length) {
    const protectedNow = created ? [] : table.protectedColumns();
    for (const col of autoCols) {
      const c = byKey[col.key];
      const description = `${col.header.en} / ${col.header.zh}`;
      if (protectedNow.some((p) => p.col === c && p.description === description)) continue;
      // The column moved: drop its old protection before protecting the new place.
      if (protectedNow.some((p) => p.description === description)) table.unprotect(description);
      table.protectColumn(c, description, true);
      report.protections++;
    }
  }
  void ctx;
}

function setupSettings(table: Table, lang: Lang, created: boolean, report: SetupReport): void {
  if (created) {
    const rows = settingsRows(lang);
    table.writeBlock(1, 1, rows);
    table.setFrozenRows(1);
    table.formatHeader(rows[0].length, HEADER_BG);
    table.setColumnWidth(1, 260);
    table.setColumnWidth(2, 260);
    table.setColumnWidth(3, 420);
    report.settingsAdded = SETTING_DEFS.length;
    return;
  }
  const all = table.readAll();
  const present = new Set<string>();
  for (const row of all) {
    const def = settingFor(row[0]);
    if (def) present.add(def.key);
  }
  const missing = SETTING_DEFS.filter((d) => !present.has(d.key));
  if (!missing.length) return;
  const defaults = settingsRows(lang);
  const rows = defaults.filter((r) => {
    const def = settingFor(r[0]);
    return def && missing.includes(def);
  });
  table.writeBlock(all.length + 1, 1, rows);
  report.settingsAdded = rows.length;
}

function setupMailTemplates(table: Table, ledger: LedgerDef, lang: Lang, created: boolean, report: SetupReport): void {
  const templates = defaultMailTemplates();
  if (created) {
    const header = ledger.columns.map((c) => c.header[lang]);
    table.writeBlock(1, 1, [header, ...templates.map((t) => [t.key, t.language, t.subject, t.body])]);
    table.setFrozenRows(1);
    table.formatHeader(header.length, HEADER_BG);
    ledger.columns.forEach((c, i) => table.setColumnWidth(i + 1, c.width));
    report.templatesAdded = templates.length;
    return;
  }
  const all = table.readAll();
  const mapping = mapHeaders(ledger, all[0] ?? [], { sheetName: table.name });
  const kc = mapping.byKey.key;
  const lc = mapping.byKey.language;
  if (!kc || !lc) return;
  const have = new Set(all.slice(1).map((r) => `${String(r[kc - 1]).trim()}|${String(r[lc - 1]).trim().toLowerCase()}`));
  const missing = templates.filter((t) => !have.has(`${t.key}|${t.language}`));
  if (!missing.length) return;
  const width = Math.max(...Object.values(mapping.byKey));
  const rows = missing.map((t) => {
    const row: string[] = new Array(width).fill('');
    row[kc - 1] = t.key;
    row[lc - 1] = t.language;
    if (mapping.byKey.subject) row[mapping.byKey.subject - 1] = t.subject;
    if (mapping.byKey.body) row[mapping.byKey.body - 1] = t.body;
    return row;
  });
  table.writeBlock(all.length + 1, 1, rows);
  report.templatesAdded = rows.length;
}
