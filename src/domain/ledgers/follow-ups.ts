// The Follow-ups ledger (跟进计划): concrete next actions with an owner, a deadline and a status Gendan keeps true.
// Columns in template order, which keeps the seed's order except that Status, Started on and Done on sit together
// (they change together and Gendan writes contiguous runs).
import type { FollowUpRecord } from './records';
import { PRIORITY_OPTIONS, WORK_STATUS_OPTIONS } from './enum-labels';
import { col, defineLedger } from './schema-types';

export const FOLLOW_UPS = defineLedger<FollowUpRecord>()({
  key: 'followUps',
  sheet: { en: 'Follow-ups', zh: '跟进计划' },
  sheetAliases: ['Follow ups', 'Followups', 'Follow-up plan', 'Tasks', 'To-dos', '跟进', '跟进表', '待办事项'],
  idColumn: 'id',
  // Customer, next action, owner, due and priority are shared: people type them, and Gendan keeps the follow-ups
  // it created from a contact row in step with that row.
  columns: [
    col('id', 'text', 'ID', '编号', ['Follow-up ID', 'Task ID', '跟进编号'], { owner: 'auto', numberFormat: '@', width: 90, plus: true }),
    col('customer', 'text', 'Customer', '客户', ['Customer name', 'Customer ID', 'Client', '客户名称', '客户编号'], { owner: 'shared', width: 200 }),
    col('ref', 'text', 'Order / project ref', '关联单号', ['Ref', 'Reference', 'Order / project', 'Order no', 'Project', '订单/项目', '关联订单', '关联项目'], { numberFormat: '@', width: 130 }),
    col('nextAction', 'text', 'Next action', '下一步行动', ['Action', 'Task', 'To do', 'Next step', '行动', '待办', '下一步'], { required: true, owner: 'shared', width: 240 }),
    col('owner', 'email', 'Owner', '负责人', ['Responsible', 'Assignee', 'Sales rep', '执行人', '业务员'], { owner: 'shared' }),
    col('due', 'date', 'Due', '完成时限', ['Due date', 'Deadline', 'Due by', '截止日期', '期限'], { owner: 'shared' }),
    col('status', 'enum', 'Status', '当前状态', ['State', '状态'], { options: WORK_STATUS_OPTIONS, owner: 'shared', width: 100 }),
    col('startedOn', 'date', 'Started on', '开始日期', ['Started', 'Start date', '开始于'], { owner: 'auto' }),
    col('doneOn', 'date', 'Done on', '完成日期', ['Completed on', 'Done date', 'Finished on', '完成于'], { owner: 'auto' }),
    col('progress', 'percent', 'Progress %', '进度', ['Progress', 'Percent done', '完成度', '进度%'], { min: 0, max: 1, plus: true }),
    col('priority', 'enum', 'Priority', '优先级', ['Prio', '优先'], { options: PRIORITY_OPTIONS, owner: 'shared', width: 80 }),
    col('source', 'text', 'Source', '来源', ['Created from', 'Origin', '生成来源'], { owner: 'shared', width: 150 }),
    col('snoozedUntil', 'date', 'Snoozed until', '暂缓至', ['Snooze until', 'Postponed until', 'Snoozed', '推迟至'], { plus: true }),
    col('notes', 'text', 'Notes', '备注', ['Remarks', 'Comments', 'Note'], { width: 220 }),
  ],
});
