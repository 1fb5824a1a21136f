// Puts the sample data (sheets-template/sample-data.json) into a set-up workbook the way a user would import it:
// rows below each ledger's header (matched by header text), Settings values for the demo company. Node only.
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxEnv } from './env';
import { SheetModel } from './spreadsheet/model';
import { toCell } from './spreadsheet/fakes';
import { sampleRows, type SampleData } from '../domain/ledgers/sample-rows';
import { LEDGERS, LEDGER_KEYS, sheetKeyOf } from '../domain/ledgers/index';
import { normalizeHeader } from '../domain/ledgers/header-mapping';
import type { Lang } from '../domain/i18n/i18n';
import type { LocalDate } from '../domain/time/zone';

export function readSampleData(root: string): SampleData {
  return JSON.parse(fs.readFileSync(path.join(root, 'sheets-template', 'sample-data.json'), 'utf8')) as SampleData;
}

/** The sheet holding a ledger in the workbook (found by name in either language). */
function ledgerSheet(env: SandboxEnv, key: string): SheetModel | undefined {
  return env.spreadsheet.sheets.find((s) => sheetKeyOf(s.name) === key);
}

/**
 * Appends the sample rows below each ledger's existing rows (by header text) and sets the Settings values.
 * Returns the number of rows loaded per ledger.
 */
export function loadSample(env: SandboxEnv, data: SampleData, lang: Lang, opts: { today?: LocalDate } = {}): Record<string, number> {
  const loaded: Record<string, number> = {};
  const ss = env.spreadsheet;
  for (const key of LEDGER_KEYS) {
    if (key === 'reminderLog' || key === 'mailTemplates') continue;
    const sheet = ledgerSheet(env, key);
    if (!sheet) throw new Error(`Set up the workbook before loading the sample: no ${LEDGERS[key].sheet.en} sheet`);
    const { header, rows } = sampleRows(key, lang, data, { today: opts.today, timeZone: ss.timeZone });
    if (key === 'settings') {
      sheet.values = [];
      sheet.formulas.clear();
      [header, ...rows].forEach((row, i) => row.forEach((v, j) => sheet.set(i + 1, j + 1, toCell(v, ss, false).value)));
      loaded[key] = rows.length;
      continue;
    }
    const colOf = new Map<string, number>();
    for (let c = 1; c <= sheet.lastColumn(); c++) colOf.set(normalizeHeader(sheet.get(1, c)), c);
    const first = sheet.lastRow() + 1;
    rows.forEach((row, i) => {
      row.forEach((v, j) => {
        const c = colOf.get(normalizeHeader(header[j]));
        if (!c || v === '' || v === null || v === undefined) return;
        const cell = toCell(v, ss, false);
        sheet.set(first + i, c, cell.value);
        if (cell.formula) sheet.formulas.set(SheetModel.key(first + i, c), cell.formula);
      });
    });
    loaded[key] = rows.length;
  }
  return loaded;
}
