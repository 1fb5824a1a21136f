// "Switch language (English / 中文)": renames Gendan's sheets and headers, translates the dropdown values Gendan
// knows (enum labels) and their dropdown lists, and the Settings labels, group headings and notes — from English
// to Chinese or back. Only texts that are exactly Gendan's own label in either language change: the user's own
// columns, renamed headers, other spellings and every other cell stay as they are, and a formula is never
// overwritten. A run that stops half-way is finished by the next one (the target is kept in document properties).
import type { AppContext } from './context';
import { PROP } from './context';
import type { CellValue, Table } from '../ports';
import { DASHBOARD, LEDGERS, LEDGER_KEYS, type LedgerKey } from '../domain/ledgers/index';
import type { ColumnDef, LedgerDef } from '../domain/ledgers/schema-types';
import { mapHeaders } from '../domain/ledgers/header-mapping';
import { SETTINGS_SHEET } from '../domain/ledgers/settings-sheet';
import { SETTING_GROUP_LABELS, settingFor } from '../domain/settings';
import type { Lang, Message } from '../domain/i18n/i18n';
import { validationOf } from './setup-workbook';

const LOCK_MS = 30_000;
const PROP_TARGET = 'gendan.lang.switching';
/** Rows the dropdowns cover, as setup makes them. */
const VALIDATION_ROWS = 999;

export interface SwitchReport {
  from: Lang;
  to: Lang;
  sheets: number;
  headers: number;
  cells: number;
  settings: number;
}

type Read = { key: LedgerKey; table: Table; values: CellValue[][] };

function other(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}

/** The label `text` is exactly, in the language that is not `to`; undefined when it is no such label. */
function translate(text: CellValue | undefined, message: Message, to: Lang): string | undefined {
  if (typeof text !== 'string') return undefined;
  const from = message[other(to)];
  return text.trim() === from && from !== message[to] ? message[to] : undefined;
}

/** Writes cells (position → text) in runs of consecutive positions, as `write(first, texts)`: nothing between is touched. */
function writeRuns(cells: Map<number, string>, write: (first: number, texts: string[]) => void): void {
  const at = [...cells.keys()].sort((a, b) => a - b);
  let start = 0;
  for (let i = 1; i <= at.length; i++) {
    if (i < at.length && at[i] === at[i - 1] + 1) continue;
    write(at[start], at.slice(start, i).map((k) => cells.get(k) ?? ''));
    start = i;
  }
}

function writeColumn(table: Table, col: number, changes: Map<number, string>): void {
  writeRuns(changes, (row, texts) => table.writeBlock(row, col, texts.map((t) => [t])));
}

function writeHeader(table: Table, changes: Map<number, string>): void {
  writeRuns(changes, (col, texts) => table.writeBlock(1, col, [texts]));
}

/** Drops the changes of cells that hold a formula (their value is the formula's result, not the user's text). */
function withoutFormulas(table: Table, col: number, changes: Map<number, string>): Map<number, string> {
  if (!changes.size) return changes;
  const rows = [...changes.keys()];
  const first = Math.min(...rows);
  const formulas = table.readFormulas(first, col, Math.max(...rows) - first + 1, 1);
  for (const r of rows) if (formulas[r - first]?.[0]) changes.delete(r);
  return changes;
}

/** The language Gendan's headers are in now: the one most of them are written in (the workbook language on a tie). */
function headerLanguage(ctx: AppContext, reads: Read[]): Lang {
  let en = 0;
  let zh = 0;
  for (const { key, values } of reads) {
    const def = LEDGERS[key] as LedgerDef;
    const texts = new Set((values[0] ?? []).map((v) => String(v).trim()));
    for (const c of def.columns) {
      if (c.header.en === c.header.zh) continue;
      if (texts.has(c.header.en)) en++;
      if (texts.has(c.header.zh)) zh++;
    }
  }
  return en === zh ? ctx.lang : en > zh ? 'en' : 'zh';
}

function switchLedger(r: Read, to: Lang, report: SwitchReport): void {
  const def = LEDGERS[r.key] as LedgerDef;
  const header = r.values[0] ?? [];
  const mapping = mapHeaders(def, header, { sheetName: r.table.name });
  const headerChanges = new Map<number, string>();
  const enumCols: { col: number; def: ColumnDef }[] = [];
  for (const c of def.columns) {
    const col = mapping.byKey[c.key];
    if (!col) continue;
    const text = translate(header[col - 1], c.header, to);
    if (text !== undefined) headerChanges.set(col, text);
    if (c.type === 'enum' && c.options) enumCols.push({ col, def: c });
  }
  if (headerChanges.size) writeHeader(r.table, headerChanges);
  report.headers += headerChanges.size;

  for (const { col, def: c } of enumCols) {
    const changes = new Map<number, string>();
    for (let i = 1; i < r.values.length; i++) {
      const v = r.values[i][col - 1];
      for (const o of c.options ?? []) {
        const text = translate(v, o, to);
        if (text !== undefined) {
          changes.set(i + 1, text);
          break;
        }
      }
    }
    const kept = withoutFormulas(r.table, col, changes);
    if (kept.size) writeColumn(r.table, col, kept);
    report.cells += kept.size;
  }

  // Dropdowns: Gendan's list in the old language becomes the list in the new one; a list the user changed stays.
  const lists = enumCols.filter((e) => e.def.owner !== 'auto');
  if (lists.length) {
    const present = r.table.columnValidations(Math.max(...lists.map((e) => e.col)));
    for (const { col, def: c } of lists) {
      const was = present[col - 1];
      const old = validationOf(c, other(to));
      const next = validationOf(c, to);
      if (!was || !old || !next || was.kind !== 'list' || JSON.stringify(was.values ?? []) !== JSON.stringify(old.values ?? [])) continue;
      r.table.setColumnValidation(col, next, 2, VALIDATION_ROWS);
    }
  }
}

function switchSettings(r: Read, to: Lang, report: SwitchReport): void {
  const header = r.values[0] ?? [];
  const mapping = mapHeaders(SETTINGS_SHEET, header, { sheetName: r.table.name });
  const headerChanges = new Map<number, string>();
  for (const c of SETTINGS_SHEET.columns) {
    const col = mapping.byKey[c.key];
    const text = col ? translate(header[col - 1], c.header, to) : undefined;
    if (col && text !== undefined) headerChanges.set(col, text);
  }
  if (headerChanges.size) writeHeader(r.table, headerChanges);
  report.headers += headerChanges.size;
  const keyCol = mapping.byKey.key ?? 1;
  const valueCol = mapping.byKey.value ?? 2;
  const notesCol = mapping.byKey.notes;
  const labels = new Map<number, string>();
  const notes = new Map<number, string>();
  const groups = Object.values(SETTING_GROUP_LABELS).map((g): Message => ({ en: `— ${g.en} —`, zh: `— ${g.zh} —` }));
  let languageRow = 0;
  for (let i = 1; i < r.values.length; i++) {
    const row = r.values[i];
    const name = row[keyCol - 1];
    const def = settingFor(name);
    const label = def ? translate(name, def.label, to) : groups.map((g) => translate(name, g, to)).find((t) => t !== undefined);
    if (label !== undefined) labels.set(i + 1, label);
    const note = def && notesCol ? translate(row[notesCol - 1], def.note, to) : undefined;
    if (note !== undefined && notesCol) notes.set(i + 1, note);
    if (def?.key === 'language' && String(row[valueCol - 1] ?? '').trim() !== '') languageRow = i + 1;
  }
  const keptLabels = withoutFormulas(r.table, keyCol, labels);
  if (keptLabels.size) writeColumn(r.table, keyCol, keptLabels);
  const keptNotes = notesCol ? withoutFormulas(r.table, notesCol, notes) : notes;
  if (notesCol && keptNotes.size) writeColumn(r.table, notesCol, keptNotes);
  report.settings += keptLabels.size + keptNotes.size;
  // A workbook language set in Settings follows the switch (blank stays blank: each user keeps their own language).
  if (languageRow && String(r.values[languageRow - 1][valueCol - 1]).trim() !== to) {
    r.table.writeBlock(languageRow, valueCol, [[to]]);
    report.settings++;
  }
}

/** Renames a Gendan sheet still called by its name in the old language, unless another sheet has the new name. */
function renameSheet(ctx: AppContext, table: Table, name: Message, to: Lang): boolean {
  const next = translate(table.name, name, to);
  if (next === undefined || ctx.ports.workbook.table(next)) return false;
  ctx.ports.workbook.renameTable(table.name, next);
  return true;
}

/** The language a switch goes to: the one an interrupted switch was going to, else the other workbook language. */
export function switchTarget(ctx: AppContext): Lang {
  const pending = ctx.props()[PROP_TARGET];
  return pending === 'en' || pending === 'zh' ? pending : other(ctx.lang);
}

/** Switches the workbook to the other language (or to `to`). */
export function switchLanguage(ctx: AppContext, to?: Lang): SwitchReport {
  return ctx.ports.lock.withDocumentLock(LOCK_MS, () => {
    const reads: Read[] = [];
    for (const key of LEDGER_KEYS) {
      const table = ctx.table(key);
      if (table) reads.push({ key, table, values: table.readAll() });
    }
    const pending = ctx.props()[PROP_TARGET];
    const from = headerLanguage(ctx, reads);
    const target: Lang = to ?? (pending === 'en' || pending === 'zh' ? pending : other(from));
    ctx.setProps({ [PROP_TARGET]: target });
    const report: SwitchReport = { from, to: target, sheets: 0, headers: 0, cells: 0, settings: 0 };
    for (const r of reads) {
      if (r.key === 'settings') switchSettings(r, target, report);
      else switchLedger(r, target, report);
      if (renameSheet(ctx, r.table, LEDGERS[r.key].sheet, target)) report.sheets++;
    }
    const dashboard = ctx.table('dashboard');
    if (dashboard && renameSheet(ctx, dashboard, DASHBOARD.sheet, target)) report.sheets++;
    ctx.setProps({ [PROP.lang]: target });
    ctx.ports.docProps.delete(PROP_TARGET);
    delete ctx.props()[PROP_TARGET];
    ctx.reloadSettings();
    return report;
  });
}
