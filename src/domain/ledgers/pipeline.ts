// The Pipeline ledger (项目跟踪), seed 003: B2B projects moving through eight stages, with the actual situation and the
// judgments and follow-up measures of four roles. Columns in template order; Stage since and Win probability sit
// right after Stage because they change with it and Gendan writes contiguous runs.
import type { PipelineRecord } from './records';
import { PIPELINE_STAGE_OPTIONS, WORK_STATUS_OPTIONS } from './enum-labels';
import { col, defineLedger } from './schema-types';

export const PIPELINE = defineLedger<PipelineRecord>()({
  key: 'pipeline',
  sheet: { en: 'Pipeline', zh: '项目跟踪' },
  sheetAliases: ['Projects', 'Project pipeline', 'Project tracking', '项目', '项目管理', '项目跟踪表', '项目跟踪流程表'],
  idColumn: 'projectCode',
  columns: [
    col('projectName', 'text', 'Project name', '项目名称', ['Project', 'Name', '项目'], { required: true, width: 220 }),
    col('region', 'text', 'Region', '所在地区', ['Location', 'Area', '地区', '项目所在地区'], { width: 120 }),
    col('projectCode', 'text', 'Project code', '项目代号', ['Code', 'Project no', 'Project ID', '项目编号', '代号'], { numberFormat: '@', width: 110 }),
    col('generalContractor', 'text', 'General contractor', '总承包方', ['Main contractor', 'GC', 'EPC contractor', '总包', '总包方', '总承包商'], { width: 180 }),
    col('quotingPerson', 'text', 'Quoting person', '报价人员', ['Quoted by', 'Estimator', '项目报价人员', '报价人'], { width: 130 }),
    col('department', 'text', 'Department', '所在部门', ['Dept', 'Team', '部门'], { width: 120 }),
    col('stage', 'enum', 'Stage', '阶段', ['Project stage', 'Sales stage', '项目阶段', '当前阶段'], { options: PIPELINE_STAGE_OPTIONS, width: 140 }),
    col('stageSince', 'date', 'Stage since', '阶段开始', ['Stage date', 'In stage since', '阶段日期', '进入阶段日期'], { owner: 'auto', plus: true }),
    col('winProbability', 'percent', 'Win probability', '赢单概率', ['Probability', 'Win %', 'Win chance', '成交概率', '赢率'], { min: 0, max: 1, owner: 'auto', width: 90 }),
    col('checklistDone', 'text', 'Checklist done', '条件完成', ['Conditions met', 'Checklist', '符合条件', '完成条件'], { kind: 'fraction', owner: 'shared', numberFormat: '@', width: 90 }),
    col('actualSituation', 'text', 'Actual situation', '实际状况', ['Situation', 'Status notes', '实际情况'], { width: 260 }),
    col('judgmentRep', 'text', 'Judgment & measures: rep', '判断与跟进措施-营销人员', ['Rep judgment', 'Judgment (rep)', 'Rep', '营销人员', '营销人员判断'], { width: 220 }),
    col('judgmentDeptHead', 'text', 'Judgment & measures: dept head', '判断与跟进措施-部门主管', ['Dept head judgment', 'Judgment (dept head)', 'Dept head', '部门主管', '部门主管判断'], { width: 220 }),
    col('judgmentSalesManager', 'text', 'Judgment & measures: sales manager', '判断与跟进措施-销售经理', ['Sales manager judgment', 'Judgment (sales manager)', 'Sales manager', '销售经理', '销售经理判断'], { width: 220 }),
    col('judgmentGm', 'text', 'Judgment & measures: GM', '判断与跟进措施-总经理', ['GM judgment', 'Judgment (GM)', 'GM', 'General manager', '总经理', '总经理判断'], { width: 220 }),
    col('estimatedAmount', 'money', 'Estimated amount', '预计金额', ['Estimated value', 'Deal size', 'Amount', '项目金额', '预估金额'], { width: 120 }),
    col('currency', 'text', 'Currency', '币种', ['Curr', 'CCY', '货币', '币别'], { kind: 'currency', width: 80, plus: true }),
    col('expectedClose', 'date', 'Expected close', '预计成交日期', ['Expected close date', 'Close date', '预计签约日期', '预计成交'], { width: 110 }),
    col('nextStep', 'text', 'Next step', '下一步', ['Next action', 'Action', '下一步行动', '跟进措施'], { width: 220 }),
    col('owner', 'email', 'Owner', '负责人', ['Sales rep', 'Responsible', '业务员', '营销负责人']),
    col('due', 'date', 'Due', '完成时限', ['Due date', 'Deadline', '截止日期', '期限']),
    col('status', 'enum', 'Status', '状态', ['State', '当前状态'], { options: WORK_STATUS_OPTIONS, owner: 'auto', width: 100 }),
  ],
});
