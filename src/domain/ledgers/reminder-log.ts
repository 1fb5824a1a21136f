// The Reminder log ledger (提醒日志), written by Gendan only: one row per reminder ever produced, the proof that
// nothing is sent twice. Columns in template order (all auto, one contiguous run).
import type { ReminderLogRecord } from './records';
import { col, defineLedger } from './schema-types';

export const REMINDER_LOG = defineLedger<ReminderLogRecord>()({
  key: 'reminderLog',
  sheet: { en: 'Reminder log', zh: '提醒日志' },
  sheetAliases: ['Reminders', 'Reminder history', 'Sent log', '提醒记录', '提醒', '发送记录'],
  idColumn: 'key',
  columns: [
    col('key', 'text', 'Key', '提醒键', ['Reminder key', 'Dedup key', '键', '唯一键'], { owner: 'auto', required: true, width: 260 }),
    col('rule', 'text', 'Rule', '规则', ['Reminder rule', '提醒规则'], { owner: 'auto', required: true, width: 150 }),
    col('ref', 'text', 'Ref', '关联', ['Reference', 'Order / project ref', '关联单号'], { owner: 'auto', numberFormat: '@', width: 130 }),
    col('recipient', 'email', 'Recipient', '收件人', ['To', 'Sent to', '接收人'], { multiple: true, owner: 'auto', width: 200 }),
    col('when', 'datetime', 'When', '时间', ['Time', 'Sent at', 'Created', '提醒时间', '发送时间'], { owner: 'auto' }),
    col('mode', 'text', 'Mode', '方式', ['Delivery', 'Sent as', '发送方式'], { owner: 'auto', width: 80 }),
    col('result', 'text', 'Result', '结果', ['Outcome', 'Status', '状态'], { owner: 'auto', width: 110 }),
    col('detail', 'text', 'Detail', '详情', ['Details', 'Message', 'Notes', '说明', '备注'], { owner: 'auto', width: 300 }),
  ],
});
