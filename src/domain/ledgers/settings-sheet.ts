// The Settings sheet (设置) as a ledger: a key/value table whose Setting column holds a setting's key or its English
// or Chinese label. The values are read by settings.ts, each with its own type, so the Value column is raw here.
import type { SettingRecord } from './records';
import { col, defineLedger } from './schema-types';

export const SETTINGS_SHEET = defineLedger<SettingRecord>()({
  key: 'settings',
  sheet: { en: 'Settings', zh: '设置' },
  sheetAliases: ['Config', 'Configuration', 'Options', '配置', '设置表', '系统设置'],
  idColumn: 'key',
  columns: [
    col('key', 'text', 'Setting', '设置项', ['Key', 'Name', 'Option', '项目', '参数', '名称'], { required: true, width: 260 }),
    col('value', 'text', 'Value', '值', ['Setting value', '设置值', '数值', '取值'], { raw: true, required: true, width: 260 }),
    col('notes', 'text', 'Notes', '说明', ['Description', 'Help', 'Remarks', '备注', '描述'], { width: 420 }),
  ],
});
