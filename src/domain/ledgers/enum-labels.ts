// The labels of every enum code of records.ts, in English and Chinese, with the other spellings people type. The
// tables are keyed by code, so a code added to records.ts fails to compile until it has labels here.
import {
  AFTER_SALES_TYPES,
  CONTACT_CHANNELS,
  CUSTOMER_TYPES,
  NEED_CLASSES,
  ORDER_STAGES,
  PAYMENT_STATUSES,
  PIPELINE_STAGES,
  PREFERRED_CHANNELS,
  PRIORITIES,
  TRANSPORTS,
  WORK_STATUSES,
} from './records';
import { enumOptions } from './schema-types';

export const CUSTOMER_TYPE_OPTIONS = enumOptions(CUSTOMER_TYPES, {
  new: ['New', '新客户', ['New customer', 'Prospect', '新', '潜在客户']],
  existing: ['Existing', '老客户', ['Existing customer', 'Old customer', '老']],
  repeat: ['Repeat', '老客户-复购', ['Repeat buyer', 'Repeat customer', 'Reorder', '复购', '老客户复购']],
});

export const PREFERRED_CHANNEL_OPTIONS = enumOptions(PREFERRED_CHANNELS, {
  email: ['Email', '邮件', ['E-mail', 'Mail', '电子邮件', '邮箱']],
  phone: ['Phone', '电话', ['Call', 'Telephone', 'Tel', '手机']],
  whatsapp: ['WhatsApp', 'WhatsApp', ['WA', 'Whats App']],
  wechat: ['WeChat', '微信', ['Weixin']],
  linkedin: ['LinkedIn', '领英', ['Linked In']],
  video: ['Video', '视频', ['Video call', 'Zoom', 'Teams', '视频会议']],
  visit: ['Visit', '拜访', ['Meeting', 'In person', '面谈', '上门']],
});

export const CONTACT_CHANNEL_OPTIONS = enumOptions(CONTACT_CHANNELS, {
  'face-to-face': ['Face-to-face', '面谈', ['Meeting', 'Visit', 'In person', '拜访', '会面', '上门']],
  phone: ['Phone', '电话', ['Call', 'Telephone', 'Tel', '手机']],
  video: ['Video', '视频', ['Video call', 'Zoom', 'Teams', 'Google Meet', '视频会议']],
  email: ['Email', '邮件', ['E-mail', 'Mail', '电子邮件']],
  im: ['IM', '即时通讯', ['Chat', 'WhatsApp', 'WeChat', 'Messenger', '微信', '聊天']],
});

export const ORDER_STAGE_OPTIONS = enumOptions(ORDER_STAGES, {
  inquiry: ['Inquiry', '询盘', ['Enquiry', 'RFQ', '询价']],
  quoted: ['Quoted', '已报价', ['Quote sent', 'Quotation sent', '报价']],
  contracted: ['Contracted', '已签约', ['Contract signed', 'Signed', '签约', '已签合同']],
  deposit: ['Deposit received', '已收定金', ['Deposit', 'Deposit paid', '定金已到', '收到定金']],
  production: ['In production', '生产中', ['Production', 'Producing', '生产']],
  ready: ['Ready to ship', '待出货', ['Ready', '待发货']],
  shipped: ['Shipped', '已出货', ['Dispatched', '已发货', '发货']],
  balance: ['Balance received', '已收余款', ['Balance paid', '已收尾款', '尾款已收']],
  completed: ['Completed', '已完成', ['Complete', 'Closed', 'Finished', '完成', '已结单']],
  lost: ['Lost', '已终止', ['Cancelled', 'Canceled', 'Terminated', '取消', '已取消', '丢单', '终止']],
});

export const WORK_STATUS_OPTIONS = enumOptions(WORK_STATUSES, {
  pending: ['Pending', '待执行', ['To do', 'Open', 'Not started', '待办', '未开始']],
  'in-progress': ['In progress', '进行中', ['Started', 'Doing', 'Ongoing', '处理中', '跟进中']],
  done: ['Done', '已完成', ['Completed', 'Complete', 'Closed', 'Finished', '完成', '已结案']],
  overdue: ['Overdue', '已逾期', ['Late', 'Past due', '逾期', '超期']],
});

export const PAYMENT_STATUS_OPTIONS = enumOptions(PAYMENT_STATUSES, {
  none: ['Not due yet', '未到收款', ['None', 'No payment due', '无']],
  'awaiting-deposit': ['Awaiting deposit', '待收定金', ['Deposit due', '等待定金']],
  'deposit-received': ['Deposit received', '已收定金', ['Deposit paid', '定金已到']],
  'balance-due': ['Balance due', '待收尾款', ['Awaiting balance', '待收余款']],
  'balance-overdue': ['Balance overdue', '尾款逾期', ['Balance late', '余款逾期']],
  paid: ['Paid in full', '已结清', ['Paid', 'Fully paid', '已付清', '全部到账']],
});

export const NEED_CLASS_OPTIONS = enumOptions(NEED_CLASSES, {
  core: ['Core', '核心', ['Core need', 'Must have', '核心需求']],
  expected: ['Expected', '期望', ['Expected need', 'Nice to have', '期望需求']],
  potential: ['Potential', '潜在', ['Potential need', 'Latent', '潜在需求']],
});

export const PRIORITY_OPTIONS = enumOptions(PRIORITIES, {
  high: ['High', '高', ['H', 'Urgent', '紧急', '高优先级']],
  medium: ['Medium', '中', ['M', 'Normal', 'Mid', '普通', '中等']],
  low: ['Low', '低', ['L', '低优先级']],
});

export const PIPELINE_STAGE_OPTIONS = enumOptions(PIPELINE_STAGES, {
  initiation: ['Initiation', '立项', ['Project initiation', '项目立项']],
  'first-contact': ['First contact', '初步接触', ['Contact', 'Initial contact', '接触']],
  'solution-design': ['Solution design', '方案设计', ['Design', 'Proposal', '设计方案']],
  showcase: ['Showcase', '业绩展示', ['Reference showcase', 'Demo', '展示']],
  'solution-confirmed': ['Solution confirmed', '方案确认', ['Confirmed', '确认方案']],
  evaluation: ['Evaluation', '项目评估', ['Assessment', 'Tender evaluation', '评估']],
  negotiation: ['Negotiation', '商务谈判', ['Commercial negotiation', '谈判']],
  signed: ['Signed', '签约成交', ['Won', 'Closed won', 'Contract signed', '成交', '签约']],
  lost: ['Lost', '已终止', ['Closed lost', 'Cancelled', '丢单', '失败', '终止']],
});

export const AFTER_SALES_TYPE_OPTIONS = enumOptions(AFTER_SALES_TYPES, {
  return: ['Return', '退货', ['Refund', 'Return & refund', '退货退款']],
  exchange: ['Exchange', '换货', ['Replacement', '更换']],
  complaint: ['Complaint', '投诉', ['Claim', '客诉']],
  'bad-review': ['Bad review', '差评', ['Negative review', 'Bad feedback', '负面评价']],
  'medium-review': ['Medium review', '中评', ['Neutral review', 'Neutral feedback']],
  'missing-item': ['Missing item', '漏发', ['Missing', 'Short shipment', '少发', '缺件']],
});

export const TRANSPORT_OPTIONS = enumOptions(TRANSPORTS, {
  sea: ['Sea', '海运', ['By sea', 'Ocean', 'Sea freight', 'Ocean freight', 'Vessel']],
  air: ['Air', '空运', ['By air', 'Air freight']],
  rail: ['Rail', '铁路', ['By rail', 'Train', 'Rail freight', '铁运', '中欧班列']],
  truck: ['Truck', '陆运', ['By road', 'Road', 'Trucking', '汽运', '卡车']],
  express: ['Express', '快递', ['Courier', 'DHL', 'FedEx', 'UPS', 'TNT', 'EMS', '国际快递']],
});
