// English and Chinese texts of statuses, order and pipeline stages, seed 003 checklists, reasons and stage errors.
import type { OrderStage, PaymentStatus, PipelineStage, WorkStatus } from '../ledgers/records';
import { fill, type Catalog, type Lang, type Message } from './i18n';

/** Every status-area message, by id. Slots such as {date} are filled by `statusMessage`. */
export const STATUS_MESSAGES = {
  // Work statuses (follow-ups, pipeline rows, after-sales cases, orders), as seed 001 names them.
  'work.pending': { en: 'Pending', zh: '待执行' },
  'work.in-progress': { en: 'In progress', zh: '进行中' },
  'work.done': { en: 'Done', zh: '已完成' },
  'work.overdue': { en: 'Overdue', zh: '已逾期' },

  // Order stages.
  'orderStage.inquiry': { en: 'Inquiry', zh: '询盘' },
  'orderStage.quoted': { en: 'Quoted', zh: '已报价' },
  'orderStage.contracted': { en: 'Contracted', zh: '已签约' },
  'orderStage.deposit': { en: 'Deposit received', zh: '已收定金' },
  'orderStage.production': { en: 'In production', zh: '生产中' },
  'orderStage.ready': { en: 'Ready to ship', zh: '待出货' },
  'orderStage.shipped': { en: 'Shipped', zh: '已出货' },
  'orderStage.balance': { en: 'Balance received', zh: '已收余款' },
  'orderStage.completed': { en: 'Completed', zh: '已完成' },
  'orderStage.lost': { en: 'Lost', zh: '已终止' },

  // Payment statuses.
  'payment.none': { en: 'No contract yet', zh: '未签约' },
  'payment.awaiting-deposit': { en: 'Awaiting deposit', zh: '待收定金' },
  'payment.deposit-received': { en: 'Deposit received', zh: '已收定金' },
  'payment.balance-due': { en: 'Balance due', zh: '待收尾款' },
  'payment.balance-overdue': { en: 'Balance overdue', zh: '尾款逾期' },
  'payment.paid': { en: 'Paid in full', zh: '已结清' },

  // Why an order is overdue.
  'orderReason.DELIVERY_LATE': {
    en: 'Delivery date {date} has passed and the goods have not shipped',
    zh: '交货日期 {date} 已过，货物尚未出运',
  },
  'orderReason.QUOTE_EXPIRED': {
    en: 'The quotation expired on {date} without a decision',
    zh: '报价已于 {date} 过期，客户尚未决定',
  },
  'orderReason.BALANCE_OVERDUE': {
    en: 'The balance was due on {date} and has not been received',
    zh: '尾款应于 {date} 到账，尚未收到',
  },

  // Moves the order stage rules refuse; {stage} is the order's current stage.
  'orderError.SHIPPED_BEFORE_CONTRACT': {
    en: 'Shipped on was filled while the order is still at "{stage}". Goods ship only after a contract; the stage was not changed.',
    zh: '订单仍处于“{stage}”阶段却填写了出货日期。签约后才能出货，阶段未更改。',
  },
  'orderError.DEPOSIT_BEFORE_QUOTE': {
    en: 'Deposit received on was filled while the order is still at "{stage}". A deposit follows a quotation; the stage was not changed.',
    zh: '订单仍处于“{stage}”阶段却填写了定金到账日。报价之后才会收定金，阶段未更改。',
  },
  'orderError.BALANCE_BEFORE_CONTRACT': {
    en: 'Balance received on was filled while the order is still at "{stage}". A balance follows a contract; the stage was not changed.',
    zh: '订单仍处于“{stage}”阶段却填写了尾款到账日。签约后才有尾款，阶段未更改。',
  },
  'orderError.PRODUCTION_BEFORE_CONTRACT': {
    en: 'Production progress was entered while the order is still at "{stage}". Production starts after a contract; the stage was not changed.',
    zh: '订单仍处于“{stage}”阶段却填写了生产进度。签约后才能安排生产，阶段未更改。',
  },
  'orderWarning.LOST_WITHOUT_REASON': {
    en: 'The order was marked Lost: please give the reason in "Lost reason".',
    zh: '订单已标记为终止，请在“终止原因”中写明原因。',
  },

  // After-sales.
  'afterSales.callRequired': {
    en: 'Bad and medium reviews must get a phone call: call the customer, ask why, and tick "Called customer?".',
    zh: '差评和中评必须电话联系客户，耐心询问原因，并勾选“已电话联系”。',
  },

  // Pipeline stages (seed 003).
  'pipelineStage.initiation': { en: 'Initiation', zh: '项目立项' },
  'pipelineStage.first-contact': { en: 'First contact', zh: '初步接触' },
  'pipelineStage.solution-design': { en: 'Solution design', zh: '方案设计' },
  'pipelineStage.showcase': { en: 'Showcase', zh: '业绩展示' },
  'pipelineStage.solution-confirmed': { en: 'Solution confirmed', zh: '方案确认' },
  'pipelineStage.evaluation': { en: 'Evaluation', zh: '项目评估' },
  'pipelineStage.negotiation': { en: 'Negotiation', zh: '商务谈判' },
  'pipelineStage.signed': { en: 'Signed', zh: '签约成交' },
  'pipelineStage.lost': { en: 'Lost', zh: '已终止' },

  // The success criterion (milestone) of each pipeline stage.
  'pipelineGoal.initiation': {
    en: 'The project passed the company screening and is ready to be tracked internally.',
    zh: '通过公司项目流程筛选，内部准备跟踪。',
  },
  'pipelineGoal.first-contact': {
    en: 'A first relationship with constructive intent on both sides; the customer raises a first idea of the solution and will report it internally.',
    zh: '建立初步客户关系，双方均有建设性意向，客户提及初步方案并准备向有关部门汇报。',
  },
  'pipelineGoal.solution-design': {
    en: 'More people endorse the proposal; the contact rates it positively and agrees to a showcase.',
    zh: '更多人认同方案，经手人士予以积极评价，承诺进行业绩展示。',
  },
  'pipelineGoal.showcase': {
    en: 'A targeted showcase convinces the participants, who agree to move on.',
    zh: '有针对性的业绩展示让参与人员形成认同，并承诺向下推进。',
  },
  'pipelineGoal.solution-confirmed': {
    en: 'A proposal shaped with several departments, tilted in our favour, that meets the evaluation criteria.',
    zh: '通过跨部门沟通与需求分析，制定有偏向性的方案，且符合项目评估原则。',
  },
  'pipelineGoal.evaluation': {
    en: 'We pass the evaluation as the customer’s preferred supplier.',
    zh: '顺利通过项目评估，成为客户的首选供应商。',
  },
  'pipelineGoal.negotiation': {
    en: 'The negotiated points are drafted as contract terms, agreed by both sides, with a date and place to sign.',
    zh: '谈判内容形成协议条款，双方达成共识，选定签约时间、地点。',
  },
  'pipelineGoal.signed': {
    en: 'The contract is signed: the deal’s terms are fixed in a clear, legally binding form.',
    zh: '签订协议，成交条件以明确的、有法律保障的方式确定。',
  },

  // Checklist conditions of each stage (seed 003 "符合条件").
  'pipelineCondition.initiation.1': { en: 'Information collected and the initiation form completed', zh: '搜集信息，完整填写项目立项申请表' },
  'pipelineCondition.initiation.2': { en: 'Submitted through the initiation process', zh: '按项目立项流程上报' },
  'pipelineCondition.initiation.3': { en: 'Approved and under way', zh: '审批通过并执行' },

  'pipelineCondition.first-contact.1': { en: 'Meets our target-customer criteria', zh: '已符合目标客户的选择原则' },
  'pipelineCondition.first-contact.2': { en: 'Our contact at least handles the project', zh: '对方至少是经手人士' },
  'pipelineCondition.first-contact.3': { en: 'Customer is interested and will consider it seriously', zh: '客户对项目有兴趣了解，并会慎重考虑' },
  'pipelineCondition.first-contact.4': { en: 'Time and place agreed with the contact', zh: '已与经手人士确认好时间、地点' },
  'pipelineCondition.first-contact.5': { en: 'Customer engages willingly, not under pressure', zh: '对方比较积极，而非被迫互动' },
  'pipelineCondition.first-contact.6': { en: 'Visit: the right, qualified contact found', zh: '拜访：找对合格的经手人士' },
  'pipelineCondition.first-contact.7': { en: 'Visit: our technical strengths presented', zh: '拜访：介绍公司技术能力上的优势' },
  'pipelineCondition.first-contact.8': { en: 'Visit: purchasing process and likely project lead known', zh: '拜访：明确客户内部采购流程及可能的项目负责人' },
  'pipelineCondition.first-contact.9': { en: 'Visit: relationship with the contact built', zh: '拜访：建立并发展与经手人士的关系' },
  'pipelineCondition.first-contact.10': { en: 'Visit: both sides agree to go on to solution design', zh: '拜访：双方达成共识，可进行方案设计' },

  'pipelineCondition.solution-design.1': { en: 'Targeted interviews held, at least with the contact’s department', zh: '至少与经手人士所在部门进行有针对性的访谈' },
  'pipelineCondition.solution-design.2': { en: 'A simple proposal tailored to the interviews delivered', zh: '提供结合访谈内容的简单客户化方案' },
  'pipelineCondition.solution-design.3': { en: 'The contact’s department is satisfied with the proposal', zh: '通过沟通影响本部门经手人，方案令其满意' },
  'pipelineCondition.solution-design.4': { en: 'Insider relationship deepened and widened to others', zh: '发展与经手人士(内线)的关系，并扩大与其他人的关系' },
  'pipelineCondition.solution-design.5': { en: 'Any price is a rough figure or a researched quote', zh: '如涉及价格，须为粗略价格或调研后的实际报价' },
  'pipelineCondition.solution-design.6': { en: 'Leaders and other departments endorse it and agree to continue', zh: '客户领导及其他部门认可方案，承诺后续交流' },

  'pipelineCondition.showcase.1': { en: 'Participants, departments and their concerns known (esp. the project lead)', zh: '明确客户参与的角色、部门及关心的问题(尤其是项目负责人)' },
  'pipelineCondition.showcase.2': { en: 'Presales and sales consultants engage the customer on needs', zh: '售前技术支持与销售顾问与客户互动，了解需求、建立关系' },
  'pipelineCondition.showcase.3': { en: 'Customer’s view of the demo gathered through presales', zh: '通过售前技术支持了解客户对演示的看法' },
  'pipelineCondition.showcase.4': { en: 'Relationships with the insider and others deepened', zh: '深入发展与经手人士(内线)及其他人的关系' },

  'pipelineCondition.solution-confirmed.1': { en: 'More departments and people consulted on needs', zh: '扩大了解需求的部门及对象，使方案更有针对性' },
  'pipelineCondition.solution-confirmed.2': { en: 'The proposal fits the coming evaluation criteria', zh: '方案符合未来项目评估的原则' },
  'pipelineCondition.solution-confirmed.3': { en: 'Needs guided and problems found, tilting the proposal our way', zh: '引导需求、发现问题，使方案有偏向性' },
  'pipelineCondition.solution-confirmed.4': { en: 'More supporters won across departments', zh: '扩大与其他部门的沟通，争取更多支持者' },
  'pipelineCondition.solution-confirmed.5': { en: 'Relationship with senior management or the evaluation lead', zh: '与高层或项目评估负责人建立关系，了解需求' },

  'pipelineCondition.evaluation.1': { en: 'Shortlisted for the tender (ideally helping set the specifications)', zh: '明确招标已入围，最好能协助客户制定技术参数及指标' },
  'pipelineCondition.evaluation.2': { en: 'Meets the evaluation team’s content and criteria', zh: '满足项目评估小组的评估内容及原则' },
  'pipelineCondition.evaluation.3': { en: 'Each evaluator’s stance known (esp. key people)', zh: '明确评估小组成员各自的态度及倾向(尤其是关键人士)' },
  'pipelineCondition.evaluation.4': { en: 'Competitors’ strengths, weaknesses and moves analysed via the insider', zh: '通过经手人士分析竞争对手的优劣势，明确动向' },
  'pipelineCondition.evaluation.5': { en: 'Price negotiated', zh: '报价已协商谈判' },
  'pipelineCondition.evaluation.6': { en: 'Evaluation confirmed us to deliver the project', zh: '项目评估已确认由我方执行实施' },

  'pipelineCondition.negotiation.1': { en: 'Delivery, schedule, service, payment terms and overall solution negotiated', zh: '就到货期、实施进度、售后服务、付款方式、整体方案(含需求说明书)等细节协商' },
  'pipelineCondition.negotiation.2': { en: 'Agreed points drafted as contract terms', zh: '协商内容形成协议条款' },

  'pipelineCondition.signed.1': { en: 'Contract signed, with senior management involved', zh: '协议签订，高层互动' },
  'pipelineCondition.signed.2': { en: 'Deal conditions and payment terms made clear', zh: '明确成交条件与付款方式' },
} as const satisfies Catalog;

export type StatusMessageId = keyof typeof STATUS_MESSAGES;

/** A slot value: one text for both languages, or a bilingual message filled per language. */
export type StatusVar = string | number | Message;

/**
 * Both languages of a status-area message; a `Message` slot value is filled with its own language.
 * @example statusMessage('orderReason.QUOTE_EXPIRED', { date: '2026-03-01' }).en // 'The quotation expired on 2026-03-01 without a decision'
 */
export function statusMessage(id: StatusMessageId, vars: Record<string, StatusVar> = {}): Message {
  const m: Message = STATUS_MESSAGES[id];
  const varsIn = (lang: Lang): Record<string, string | number> => {
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(vars)) out[k] = typeof v === 'object' ? v[lang] : v;
    return out;
  };
  return { en: fill(m.en, varsIn('en')), zh: fill(m.zh, varsIn('zh')) };
}

/**
 * Name of a work status.
 * @example workStatusName('overdue') // { en: 'Overdue', zh: '已逾期' }
 */
export function workStatusName(status: WorkStatus): Message {
  return STATUS_MESSAGES[`work.${status}`];
}

/**
 * Name of an order stage.
 * @example orderStageName('deposit') // { en: 'Deposit received', zh: '已收定金' }
 */
export function orderStageName(stage: OrderStage): Message {
  return STATUS_MESSAGES[`orderStage.${stage}`];
}

/**
 * Name of a payment status.
 * @example paymentStatusName('balance-overdue').zh // '尾款逾期'
 */
export function paymentStatusName(status: PaymentStatus): Message {
  return STATUS_MESSAGES[`payment.${status}`];
}

/**
 * Name of a pipeline stage.
 * @example pipelineStageName('negotiation') // { en: 'Negotiation', zh: '商务谈判' }
 */
export function pipelineStageName(stage: PipelineStage): Message {
  return STATUS_MESSAGES[`pipelineStage.${stage}`];
}
