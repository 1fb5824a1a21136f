// A user's own template: the Doc they picked with the Google Picker is checked (Gendan can open it through Drive,
// it is a Google Doc, its placeholders and line row are sound) and named in Settings for a document type and
// language; or the setting is cleared, which brings back Gendan's default template.
import type { AppContext } from '../context';
import type { DocsDocument } from '../../ports';
import { isDocType, type DocType } from '../../domain/documents/doc-types';
import { LINE_FIELDS, SCALAR_FIELDS, lineKey } from '../../domain/documents/field-catalog';
import type { MergeData } from '../../domain/documents/merge-fields';
import { planMerge, type MergeProblem } from '../../domain/documents/plan-merge';
import { appText } from '../../domain/i18n/app';
import { tDoc } from '../../domain/i18n/documents';
import { docsAppText } from '../../domain/i18n/documents-app';
import type { Lang } from '../../domain/i18n/i18n';
import { mapHeaders } from '../../domain/ledgers/header-mapping';
import { SETTINGS_SHEET } from '../../domain/ledgers/settings-sheet';
import { settingDef, settingFor, type SettingKey } from '../../domain/settings';
import { GDOC_MIME } from './ensure-default-templates';

/** What a template can do wrong whatever the order: unknown placeholders, bad formats, sections, no line row. */
export function templateProblems(doc: DocsDocument, type: DocType, lang: Lang): MergeProblem[] {
  const fields: Record<string, string> = {};
  for (const f of SCALAR_FIELDS) fields[f.name] = 'x';
  const line: Record<string, string> = {};
  for (const f of LINE_FIELDS) line[lineKey(f.name)] = 'x';
  const sample: MergeData = { docType: type, lang, currency: 'USD', factoryCurrency: 'CNY', fields, lines: [line], raw: {}, lineRaw: [{}], missing: [] };
  return planMerge(doc, sample).report.problems;
}

/** A Google Docs link for a file ID. */
export function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

export interface ChooseTemplateResult {
  ok: boolean;
  message: string;
  name?: string;
}

/**
 * Names `fileId` in Settings as the template of `type` in `lang` (null clears the setting). Calls: Drive.Files.get
 * (which fails unless the user picked the file or Gendan made it: drive.file), Docs get, one read and one write of
 * the Settings sheet, and the settings cache refreshed.
 */
export function chooseTemplate(ctx: AppContext, type: string, lang: string, fileId: string | null): ChooseTemplateResult {
  const ui = ctx.userLang;
  if (!isDocType(type) || (lang !== 'en' && lang !== 'zh')) return { ok: false, message: docsAppText(ui, 'picker.badType', { type: `${type}.${lang}` }) };
  const vars = { doc: tDoc(ui, `doc.${type}.name`), lang: docsAppText(ui, `gen.lang.${lang}`) };
  const key = `template.${type}.${lang}` as SettingKey;
  if (!fileId) {
    writeSetting(ctx, key, '');
    return { ok: true, message: docsAppText(ui, 'picker.cleared', vars) };
  }
  const file = ctx.ports.files.findFile(fileId);
  if (!file) return { ok: false, message: docsAppText(ui, 'picker.notFound') };
  if (file.mimeType !== GDOC_MIME) return { ok: false, message: docsAppText(ui, 'picker.notDoc', { name: file.name }), name: file.name };
  const problems = templateProblems(ctx.ports.docs.get(file.id), type, lang);
  if (problems.length) {
    return { ok: false, message: docsAppText(ui, 'picker.problems', { name: file.name, problems: problems.map((p) => p.message[ui]).join(' ') }), name: file.name };
  }
  writeSetting(ctx, key, docUrl(file.id));
  return { ok: true, message: docsAppText(ui, 'picker.recorded', { ...vars, name: file.name }), name: file.name };
}

/** Writes one setting's Value cell (its row found by key or label), appending the row when the sheet lacks it. */
function writeSetting(ctx: AppContext, key: SettingKey, value: string): void {
  const table = ctx.table('settings');
  if (!table) throw new Error(appText(ctx.userLang, 'check.missingSheet', { sheet: SETTINGS_SHEET.sheet[ctx.userLang] }));
  const rows = table.readAll();
  const mapping = mapHeaders(SETTINGS_SHEET, rows[0] ?? [], { sheetName: table.name });
  const hasHeader = mapping.byKey.key !== undefined && mapping.byKey.value !== undefined;
  const keyCol = hasHeader ? mapping.byKey.key : 1;
  const valueCol = hasHeader ? mapping.byKey.value : 2;
  for (let i = hasHeader ? 1 : 0; i < rows.length; i++) {
    if (settingFor(rows[i][keyCol - 1])?.key === key) {
      table.writeBlock(i + 1, valueCol, [[value]]);
      ctx.reloadSettings();
      return;
    }
  }
  const row = Math.max(rows.length, table.lastRow()) + 1;
  const def = settingDef(key);
  table.writeBlock(row, keyCol, [[def.label[ctx.lang]]]);
  table.writeBlock(row, valueCol, [[value]]);
  ctx.reloadSettings();
}
