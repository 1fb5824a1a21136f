// The customer panel's text (src/ui/sidebar.html) in English and Chinese; the server sends one language as PanelData.strings.
import type { Catalog, Lang } from './i18n';

/**
 * Every key the panel reads from `PanelData.strings`. {name} slots are filled in the browser.
 * Only the panel's first loading line and its load-failure notice are not here: they show before any strings arrive,
 * so the HTML carries them in both languages.
 */
export const SIDEBAR_STRINGS: Catalog = {
  'sidebar.title': { en: 'Customer', zh: '客户' },
  'sidebar.refresh': { en: 'Refresh', zh: '刷新' },
  'sidebar.refresh.hint': { en: 'Show the customer of the selected row', zh: '显示所选行的客户' },
  'sidebar.dismiss': { en: 'Dismiss', zh: '关闭' },
  'sidebar.loaded': { en: 'Showing {name}.', zh: '当前客户：{name}' },
  'sidebar.openRow': { en: 'Open in sheet', zh: '在表格中打开' },
  'sidebar.newTab': { en: 'Opens in a new tab', zh: '在新标签页中打开' },
  'sidebar.openDocuments': { en: 'Open documents', zh: '打开单据' },
  'sidebar.noDocuments': { en: 'No documents folder yet.', zh: '还没有单据文件夹。' },

  'sidebar.details': { en: 'Details', zh: '客户资料' },
  'sidebar.field.country': { en: 'Country', zh: '国家/地区' },
  'sidebar.field.localTime': { en: 'Local time', zh: '当地时间' },
  'sidebar.field.contact': { en: 'Contact', zh: '联系人' },
  'sidebar.field.email': { en: 'Email', zh: '邮箱' },
  'sidebar.field.phone': { en: 'Phone', zh: '电话' },
  'sidebar.field.owner': { en: 'Owner', zh: '负责人' },
  'sidebar.field.grade': { en: 'Grade', zh: '客户等级' },
  'sidebar.field.lastContact': { en: 'Last contact', zh: '最近联系' },
  'sidebar.field.nextFollowUp': { en: 'Next follow-up', zh: '下次跟进' },
  'sidebar.field.due': { en: 'Due', zh: '完成时限' },

  'sidebar.followUps': { en: 'Open follow-ups', zh: '待办跟进' },
  'sidebar.followUps.empty': { en: 'Nothing to follow up.', zh: '暂无待办跟进。' },
  'sidebar.followUp.markDone': { en: 'Mark done', zh: '标记完成' },
  'sidebar.followUp.snooze': { en: 'Snooze', zh: '推迟' },
  'sidebar.followUp.snooze1': { en: '1 day', zh: '1 天' },
  'sidebar.followUp.snooze3': { en: '3 days', zh: '3 天' },
  'sidebar.followUp.snooze7': { en: '1 week', zh: '1 周' },
  'sidebar.followUp.doneMessage': { en: 'Follow-up marked done.', zh: '跟进已标记完成。' },
  'sidebar.followUp.snoozedMessage': { en: 'Follow-up snoozed.', zh: '跟进已推迟。' },

  'sidebar.orders': { en: 'Open orders', zh: '在途订单' },
  'sidebar.orders.empty': { en: 'No open orders.', zh: '没有在途订单。' },
  'sidebar.order.stage': { en: 'Stage', zh: '阶段' },
  'sidebar.order.total': { en: 'Total', zh: '总金额' },
  'sidebar.order.delivery': { en: 'Delivery', zh: '交货' },
  'sidebar.order.generateQuotation': { en: 'Generate quotation', zh: '生成报价单' },

  'sidebar.log': { en: 'Log a contact', zh: '记录沟通' },
  'sidebar.log.channel': { en: 'Channel', zh: '沟通方式' },
  'sidebar.log.topic': { en: 'Topic', zh: '主题' },
  'sidebar.log.required': { en: 'required', zh: '必填' },
  'sidebar.log.feedback': { en: 'Customer feedback', zh: '客户需求与反馈' },
  'sidebar.log.nextAction': { en: 'Next action', zh: '下一步行动' },
  'sidebar.log.nextActionHint': { en: 'Be concrete: "send quotation", not "follow up".', zh: '写具体：“发送报价单”，而不是“跟进”。' },
  'sidebar.log.submit': { en: 'Save contact', zh: '保存记录' },
  'sidebar.log.topicRequired': { en: 'Enter the topic of the contact.', zh: '请填写沟通主题。' },
  'sidebar.log.ownerRequired': { en: 'A next action needs an owner.', zh: '下一步行动需要负责人。' },
  'sidebar.log.dueRequired': { en: 'A next action needs a due date.', zh: '下一步行动需要完成时限。' },
  'sidebar.log.saved': { en: 'Contact saved.', zh: '沟通记录已保存。' },

  'sidebar.contacts': { en: 'Recent contacts', zh: '最近沟通' },
  'sidebar.contacts.empty': { en: 'No contacts logged yet.', zh: '还没有沟通记录。' },
  'sidebar.contacts.show': { en: 'Show recent contacts', zh: '显示最近沟通' },

  'sidebar.working': { en: 'Working…', zh: '处理中…' },
  'sidebar.error': { en: 'That did not work: {message}', zh: '操作未完成：{message}' },
};

/** The panel's strings in one language, as the server puts them into PanelData.strings. */
export function sidebarStrings(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(SIDEBAR_STRINGS)) out[key] = message[lang];
  return out;
}
