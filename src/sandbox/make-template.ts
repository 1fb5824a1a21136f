// `npm run template`: generates sheets-template/ from the schemas by running the real bundle's "Set up workbook"
// in the sandbox — gendan-template.xlsx (English), gendan-template-zh.xlsx (Chinese), and gendan-sample.xlsx
// (English, with the sample data loaded and every status computed). Also the fingerprint the up-to-date test uses.
import fs from 'node:fs';
import path from 'node:path';
import { SandboxEnv } from './env';
import { Sandbox } from './runtime';
import { parseNow, ROOT, DIST } from './session';
import { exportWorkbook } from './xlsx';
import { loadSample, readSampleData } from './sample-loader';
import { flattenValidations } from './xlsx';
import { SheetModel, type SpreadsheetModel } from './spreadsheet/model';
import { displayValue } from './spreadsheet/values';

export const TEMPLATE_DIR = path.join(ROOT, 'sheets-template');

export interface TemplateFile {
  file: string;
  lang: 'en' | 'zh';
  sample: boolean;
}

export const TEMPLATE_FILES: TemplateFile[] = [
  { file: 'gendan-template.xlsx', lang: 'en', sample: false },
  { file: 'gendan-template-zh.xlsx', lang: 'zh', sample: false },
  { file: 'gendan-sample.xlsx', lang: 'en', sample: true },
];

/** Builds one template workbook with the real bundle. */
export function buildTemplate(t: TemplateFile, distDir = DIST): SpreadsheetModel {
  const tz = 'Asia/Shanghai';
  const env = new SandboxEnv({ timeZone: tz, user: 'owner@example.com', locale: t.lang === 'zh' ? 'zh-CN' : 'en' });
  env.spreadsheet.name = t.lang === 'zh' ? '跟单工作簿' : 'Gendan workbook';
  env.spreadsheet.addSheet(t.lang === 'zh' ? '工作表1' : 'Sheet1');
  env.now = parseNow('2026-03-02T09:00', tz);
  const sb = Sandbox.fromDist(distDir, env);
  sb.click('menuSetup');
  // The empty first sheet a new spreadsheet comes with is not part of the template.
  env.spreadsheet.sheets = env.spreadsheet.sheets.filter((s) => s.lastRow() > 0 || !/^(Sheet1|工作表1)$/.test(s.name));
  if (t.sample) {
    loadSample(env, readSampleData(ROOT), t.lang);
    sb.click('menuRefreshStatuses');
  }
  return env.spreadsheet;
}

/** What a template holds, independent of zip timestamps: sheets, shown values, validations, formats, rules. */
export function templateFingerprint(model: SpreadsheetModel): unknown {
  return model.sheets.map((s: SheetModel) => {
    const rows: string[][] = [];
    for (let r = 1; r <= s.lastRow(); r++) {
      const row: string[] = [];
      for (let c = 1; c <= s.lastColumn(); c++) row.push(displayValue(s.get(r, c), s.formatAt(r, c)?.numberFormat, model.locale));
      rows.push(row);
    }
    return {
      name: s.name,
      frozenRows: s.frozenRows,
      rows,
      validations: flattenValidations(s).map((v) => ({ c1: v.range.c1, type: v.rule.type, values: v.rule.values })),
      conditional: s.conditionalRules.map((r) => r.condition.value).sort(),
    };
  });
}

async function main(): Promise<void> {
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  for (const t of TEMPLATE_FILES) {
    const model = buildTemplate(t);
    const out = path.join(TEMPLATE_DIR, t.file);
    fs.writeFileSync(out, await exportWorkbook(model));
    console.log(`wrote ${path.relative(ROOT, out)} (${model.sheets.length} sheets${t.sample ? ', sample data' : ''})`);
  }
}

if (process.argv[1] && /make-template/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
