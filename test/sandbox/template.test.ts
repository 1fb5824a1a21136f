// sheets-template/*.xlsx are generated from the schemas (npm run template): this fails when they are out of date.
import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATE_DIR, TEMPLATE_FILES, buildTemplate, templateFingerprint } from '../../src/sandbox/make-template';
import { importWorkbook } from '../../src/sandbox/xlsx';

describe('sheets-template', () => {
  for (const t of TEMPLATE_FILES) {
    it(`${t.file} matches what the schemas generate (run npm run template if not)`, async () => {
      const committed = await importWorkbook(fs.readFileSync(path.join(TEMPLATE_DIR, t.file)), { timeZone: 'Asia/Shanghai', locale: t.lang === 'zh' ? 'zh_CN' : 'en_US' });
      const fresh = buildTemplate(t);
      expect(templateFingerprint(committed)).toEqual(templateFingerprint(fresh));
    });
  }

  it('has the ledgers in the chosen language', async () => {
    const zh = await importWorkbook(fs.readFileSync(path.join(TEMPLATE_DIR, 'gendan-template-zh.xlsx')));
    expect(zh.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['客户', '订单', '订单明细', '沟通记录', '跟进计划', '设置']));
  });
});
