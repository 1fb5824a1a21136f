// The Contact log ledger (沟通记录), seed 001's template field by field: one row per contact with a customer. A row
// with a next action creates or updates a row in Follow-ups. Columns in template order; Contact ID, the only auto
// column, comes first.
import type { ContactRecord } from './records';
import { CONTACT_CHANNEL_OPTIONS, NEED_CLASS_OPTIONS, PRIORITY_OPTIONS } from './enum-labels';
import { col, defineLedger } from './schema-types';

export const CONTACT_LOG = defineLedger<ContactRecord>()({
  key: 'contacts',
  sheet: { en: 'Contact log', zh: '沟通记录' },
  sheetAliases: ['Contacts', 'Communication log', 'Communications', 'Call log', '沟通日志', '联系记录', '沟通记录表', '业务过程记录'],
  idColumn: 'contactId',
  columns: [
    col('contactId', 'text', 'Contact ID', '记录编号', ['Record ID', 'Log ID', '沟通编号', '记录号'], { owner: 'auto', numberFormat: '@', width: 100, plus: true }),
    col('date', 'date', 'Date', '沟通日期', ['Contact date', 'Communication date', '日期'], { required: true }),
    col('time', 'time', 'Time', '时间', ['Contact time', '沟通时间']),
    col('channel', 'enum', 'Channel', '沟通方式', ['Contact channel', 'Method', 'Via', '方式', '联系方式'], { options: CONTACT_CHANNEL_OPTIONS }),
    col('place', 'text', 'Place / meeting ID', '地点', ['Place', 'Location', 'Meeting ID', 'Venue', '沟通地点', '会议ID', '地点/会议ID'], { width: 150 }),
    col('customer', 'text', 'Customer', '客户', ['Customer name', 'Customer ID', 'Client', '客户名称', '客户编号'], { required: true, width: 200 }),
    col('customerParticipants', 'text', 'Customer participants', '客户方参与人', ['Their participants', 'Attendees (customer)', '客户参与人', '客户方'], { width: 200 }),
    col('ourParticipants', 'text', 'Our participants', '销售方参与人', ['Our team', 'Attendees (ours)', '我方参与人', '销售方'], { width: 180 }),
    col('topic', 'text', 'Topic', '主题', ['Subject', 'Core topic', '沟通主题', '核心沟通主题'], { width: 200 }),
    col('customerFeedback', 'text', 'Customer needs / feedback', '客户需求与反馈', ['Customer needs', 'Customer feedback', 'Needs', 'Feedback', '客户需求', '客户反馈'], { width: 260 }),
    col('ourActions', 'text', 'Our actions & commitments', '销售行动与承诺', ['Our actions', 'Commitments', 'Actions and commitments', '销售行动', '我方承诺'], { width: 240 }),
    col('objections', 'text', 'Objections & handling', '异议及处理', ['Objections', 'Objections and handling', '客户异议', '客户异议及处理方式', '异议处理'], { width: 220 }),
    col('needClass', 'enum', 'Need class', '需求分类', ['Need type', 'Need category', '需求类别', '需求类型'], { options: NEED_CLASS_OPTIONS, width: 100 }),
    col('priority', 'enum', 'Priority', '优先级', ['Prio', '优先'], { options: PRIORITY_OPTIONS, width: 80 }),
    col('solutionSummary', 'text', 'Solution summary', '解决方案概述', ['Solution', 'Proposed solution', '解决方案', '方案概述'], { width: 240 }),
    col('nextAction', 'text', 'Next action', '下一步行动', ['Next step', 'Action', 'To do', '下一步', '下一步计划', '行动项'], { width: 220 }),
    col('owner', 'email', 'Owner', '负责人', ['Responsible', 'Assignee', 'Sales rep', '执行人', '业务员']),
    col('due', 'date', 'Due', '完成时限', ['Due date', 'Deadline', 'Due by', '截止日期', '期限']),
    col('result', 'text', 'Result', '最终结果', ['Outcome', 'Final result', '结果'], { width: 200 }),
    col('lesson', 'text', 'Lesson', '经验总结', ['Lessons learned', 'Takeaway', '经验', '复盘总结', '总结'], { maxLength: 50, width: 220 }),
    col('remarks', 'text', 'Remarks', '备注', ['Notes', 'Comments', 'Note'], { width: 200 }),
  ],
});
