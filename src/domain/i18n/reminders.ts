// English and Chinese texts of the reminder area: rule names, digest wording, the concrete action of each reminder
// and the default customer mail templates (whose {{placeholders}} are filled by render.ts, not by `fill`).
import { translator, type Catalog, type Message } from './i18n';

export const REMINDER_MESSAGES: Catalog = {
  // Rule names and what their "days" setting means (Settings sheet, digest headings).
  'rule.inquiry-unanswered': { en: 'Inquiry not answered', zh: '询盘未回复' },
  'rule.inquiry-unanswered.days': { en: 'Days after the inquiry date with no quotation and no contact', zh: '询盘日期后多少天仍未报价且未联系' },
  'rule.quote-no-decision': { en: 'Quotation follow-up', zh: '报价跟进' },
  'rule.quote-no-decision.days': { en: 'Days after the quotation date while the order is still Quoted', zh: '报价日期后多少天订单仍为“已报价”' },
  'rule.prospect-untouched': { en: 'Prospect not contacted', zh: '潜在客户久未联系' },
  'rule.prospect-untouched.days': { en: 'Days since the last contact, for customers with no open order', zh: '无在途订单的客户距上次联系多少天' },
  'rule.delivery-soon': { en: 'Delivery date approaching', zh: '交期临近' },
  'rule.delivery-soon.days': { en: 'Days before the delivery date while the goods have not shipped', zh: '交货日期前多少天（尚未出货）' },
  'rule.goods-late': { en: 'Goods late', zh: '货物延期' },
  'rule.goods-late.days': { en: 'Days after the delivery date while the goods have not shipped', zh: '交货日期后多少天仍未出货' },
  'rule.shipped-send-docs': { en: 'Shipped: send tracking and documents', zh: '已出货：发送物流单号和单据' },
  'rule.shipped-send-docs.days': { en: 'Days after the shipping date', zh: '出货日期后多少天' },
  'rule.balance-unpaid': { en: 'Balance unpaid', zh: '尾款未付' },
  'rule.balance-unpaid.days': { en: 'Days after the balance due date while unpaid', zh: '尾款到期日后多少天仍未到账' },
  'rule.satisfaction-check': { en: 'Satisfaction check', zh: '到货满意度回访' },
  'rule.satisfaction-check.days': { en: 'Days after the ETA', zh: '预计到达日后多少天' },
  'rule.reorder-check': { en: 'Sales and reorder check', zh: '销售及复购询问' },
  'rule.reorder-check.days': { en: 'Days after the ETA', zh: '预计到达日后多少天' },
  'rule.return-visit': { en: 'Return visit', zh: '售后回访' },
  'rule.return-visit.days': { en: 'Days after a complaint was handled (after receipt: working days, see Settings)', zh: '投诉处理后多少天（收货后按工作日计，见设置）' },
  'rule.follow-up-due': { en: 'Follow-up due', zh: '跟进到期' },
  'rule.follow-up-due.days': { en: 'Days after the follow-up due date (0 = on the day)', zh: '跟进完成时限后多少天（0 = 当天）' },

  // The concrete thing to do, one per rule (and per case kind for return visits).
  'action.inquiry-unanswered': {
    en: 'Answer the inquiry {orderNo} from {customer}: thank them and ask for the exact requirements before quoting',
    zh: '回复{customer}的询盘 {orderNo}：先致谢，并在报价前问清具体要求',
  },
  'action.quote-no-decision': {
    en: 'Send the quotation follow-up to {customer} (quotation {quoteNo} of {quoteDate})',
    zh: '给{customer}发报价跟进邮件（报价单 {quoteNo}，{quoteDate}）',
  },
  'action.prospect-untouched': {
    en: 'Send {customer} a useful mail (new products, market news): no contact since {lastContact}',
    zh: '给{customer}发一封有价值的邮件（新产品、市场信息）：自 {lastContact} 起未联系',
  },
  'action.delivery-soon': {
    en: 'Confirm with {factory} that {orderNo} ships on {deliveryDate}, and tell {customer}',
    zh: '与{factory}确认订单 {orderNo} 能否在 {deliveryDate} 如期出货，并告知{customer}',
  },
  'action.goods-late': {
    en: 'Tell {customer} that {orderNo} is late (delivery date {deliveryDate}), with the reason and the exact new date',
    zh: '尽早告知{customer}订单 {orderNo} 延期（原交期 {deliveryDate}），说明原因和确切的新出货日期',
  },
  'action.shipped-send-docs': {
    en: 'Send {customer} the tracking number and shipping documents of {orderNo}',
    zh: '把订单 {orderNo} 的物流单号和出货单据发给{customer}',
  },
  'action.balance-unpaid': {
    en: 'Ask {customer} for the balance of {orderNo} (due {balanceDueOn})',
    zh: '向{customer}催收订单 {orderNo} 的尾款（{balanceDueOn} 到期）',
  },
  'action.satisfaction-check': {
    en: 'Ask {customer} whether the goods of {orderNo} arrived well and they are satisfied with the quality',
    zh: '询问{customer}订单 {orderNo} 的货物是否完好到达、对质量是否满意',
  },
  'action.reorder-check': {
    en: 'Ask {customer} how the goods of {orderNo} sell and whether they plan to reorder',
    zh: '询问{customer}订单 {orderNo} 货物的销售情况及是否有意复购',
  },
  'action.return-visit': {
    en: 'Call {contact} ({customer}) for the return visit of case {caseNo}',
    zh: '电话回访{contact}（{customer}），售后单 {caseNo}',
  },
  'action.return-visit.bad-review': {
    en: 'Call {contact} ({customer}) about the bad review (case {caseNo}): ask the reason, patiently',
    zh: '就差评电话联系{contact}（{customer}），售后单 {caseNo}：耐心询问原因',
  },
  'action.return-visit.medium-review': {
    en: 'Call {contact} ({customer}) about the medium review (case {caseNo}): ask the reason, patiently',
    zh: '就中评电话联系{contact}（{customer}），售后单 {caseNo}：耐心询问原因',
  },
  // The same, when the case names a person who is not in Customers: the contact is the customer.
  'action.return-visit.direct': {
    en: 'Call {contact} for the return visit of case {caseNo}',
    zh: '电话回访{contact}，售后单 {caseNo}',
  },
  'action.return-visit.bad-review.direct': {
    en: 'Call {contact} about the bad review (case {caseNo}): ask the reason, patiently',
    zh: '就差评电话联系{contact}，售后单 {caseNo}：耐心询问原因',
  },
  'action.return-visit.medium-review.direct': {
    en: 'Call {contact} about the medium review (case {caseNo}): ask the reason, patiently',
    zh: '就中评电话联系{contact}，售后单 {caseNo}：耐心询问原因',
  },
  'action.follow-up-due': { en: '{nextAction} ({customer})', zh: '{nextAction}（{customer}）' },
  'action.follow-up-due.no-customer': { en: '{nextAction}', zh: '{nextAction}' },
  'action.factory.unknown': { en: 'the factory', zh: '工厂' },
  'action.customer.unknown': { en: 'the customer', zh: '客户' },

  // The staff digest.
  'digest.subject': {
    en: 'Gendan {date}: {overdue}, {today}, {upcoming}',
    zh: '跟单提醒 {date}：{overdue}，{today}，{upcoming}',
  },
  'digest.count.overdue': { en: '{count} overdue', zh: '逾期 {count} 项' },
  'digest.count.today': { en: '{count} due today', zh: '今日到期 {count} 项' },
  'digest.count.upcoming': { en: '{count} coming up', zh: '即将到期 {count} 项' },
  'digest.count.new': { en: '{phrase} ({count} new)', zh: '{phrase}（新增 {count} 项）' },
  'digest.intro': { en: 'Here is what needs you on {date}.', zh: '以下是您 {date} 需要处理的事项。' },
  'digest.new': { en: 'new', zh: '新' },
  'digest.new.note': { en: 'Items marked “new” were in no earlier digest.', zh: '标有「新」的事项此前未列入汇总。' },
  'digest.heading': { en: '{group} ({counts})', zh: '{group}（{counts}）' },
  'digest.heading.listed': { en: '{count} listed here', zh: '此处列出 {count} 项' },
  'digest.heading.new': { en: '{count} new', zh: '新增 {count} 项' },
  'digest.separator': { en: ', ', zh: '，' },
  'digest.group.overdue': { en: 'Overdue', zh: '已逾期' },
  'digest.group.today': { en: 'Due today', zh: '今日到期' },
  'digest.group.upcoming': { en: 'Coming up', zh: '即将到期' },
  'digest.due': { en: 'due {date}', zh: '期限 {date}' },
  'digest.open': { en: 'Open row', zh: '打开所在行' },
  'digest.mail.draft': { en: 'a draft to the customer is ready in Gmail', zh: '给客户的邮件草稿已在 Gmail 中生成' },
  'digest.mail.send': { en: 'a mail is sent to the customer', zh: '已给客户发送邮件' },
  'digest.mail.already': { en: 'the customer mail was made earlier', zh: '客户邮件此前已生成' },
  'digest.mail.outside-hours': { en: "the customer mail waits for the customer's working hours", zh: '客户邮件将在客户当地工作时间发出' },
  'digest.mail.do-not-email': { en: 'no customer mail: the customer asked not to be emailed for now', zh: '未发客户邮件：客户设置了暂停邮件' },
  'digest.mail.no-email': { en: 'no customer mail: the customer has no email address', zh: '未发客户邮件：客户没有邮箱地址' },
  'digest.mail.quota': { en: 'the customer mail waits for mail quota', zh: '客户邮件因邮件配额不足待发' },
  'digest.mail.run-limit': { en: 'the customer mail goes out in the next run', zh: '客户邮件将在下次运行时处理' },
  'digest.mail.digest-sent': { en: 'the customer mail is handled later', zh: '客户邮件稍后处理' },
  'digest.waiting': {
    en: '{count} customer mail(s) are waiting for mail quota; they go out in a later run.',
    zh: '另有 {count} 封客户邮件因邮件配额不足待发，将在之后的运行中发出。',
  },
  'digest.more': {
    en: '{count} more open item(s), less urgent, are not listed here: this digest lists the {listed} most urgent. They stay in the sheet and come into your digest as the ones above are done.',
    zh: '另有 {count} 项较不紧急的未完成事项未在此列出（本汇总只列出最紧急的 {listed} 项）；它们仍在表格中，上面的事项完成后会列入汇总。',
  },
  'digest.footer': {
    en: 'Sent by Gendan. Open items stay in your digest every day until they are done or their date moves: mark the follow-up done or move its date in the sheet.',
    zh: '本邮件由跟单助手发送。未完成的事项每天都会列在汇总中，直到完成或日期调整：请在表格中标记完成或调整日期。',
  },

  // Customer mail helpers.
  'mail.contact.fallback': { en: 'Sir or Madam', zh: '客户' },
  'mail.attachment.invoice': {
    en: 'Please find the commercial invoice and packing list attached.',
    zh: '随函附上商业发票和装箱单，请查收。',
  },
  'mail.attachment.none': {
    en: 'The commercial invoice and packing list will follow shortly.',
    zh: '商业发票和装箱单将随后发送给您。',
  },
  'transport.sea': { en: 'sea freight', zh: '海运' },
  'transport.air': { en: 'air freight', zh: '空运' },
  'transport.rail': { en: 'rail freight', zh: '铁路运输' },
  'transport.truck': { en: 'road freight', zh: '公路运输' },
  'transport.express': { en: 'express courier', zh: '快递' },

  // Default customer mail templates (one per customer rule). {{field}} placeholders, see MAIL_FIELD_NAMES.
  'template.quote-no-decision.subject': {
    en: 'Our quotation {{quoteNo}}: any questions?',
    zh: '关于我司报价单 {{quoteNo}} 的跟进',
  },
  'template.quote-no-decision.body': {
    en: [
      'Dear {{contact}},',
      '',
      'I hope you are well. On {{quoteDate}} we sent you our quotation {{quoteNo}}, and I would like to follow up on it:',
      '',
      '- Does our price suit you?',
      '- Do you need any further information, such as pictures, samples, other materials, surface finishes or packaging?',
      '- Do you intend to place an order, and when would you need the goods?',
      '',
      'If any of your requirements has changed, just tell me and I will update the quotation for you.',
      '',
      'Best regards,',
      '{{signature}}',
    ].join('\n'),
    zh: [
      '尊敬的{{contact}}：',
      '',
      '您好！我司已于 {{quoteDate}} 向贵司发送报价单 {{quoteNo}}，特此跟进：',
      '',
      '- 请问我们的价格是否合适？',
      '- 是否还需要其他资料，例如图片、样品、其他材质、表面处理或包装方案？',
      '- 贵司是否有采购意向？大约何时需要交货？',
      '',
      '如需求有任何变化，请随时告诉我，我会为您更新报价。',
      '',
      '祝商祺！',
      '{{signature}}',
    ].join('\n'),
  },
  'template.prospect-untouched.subject': {
    en: 'News from {{companyName}} for {{customerName}}',
    zh: '{{companyName}}近期资讯（致{{customerName}}）',
  },
  'template.prospect-untouched.body': {
    en: [
      'Dear {{contact}},',
      '',
      'I hope business is going well. I would like to share some news that may be useful to you:',
      '',
      '[New products, market information or an offer that fits this customer: please write it before sending]',
      '',
      'If you are planning a purchase, I would be glad to send you samples or a quotation.',
      '',
      'Best regards,',
      '{{signature}}',
    ].join('\n'),
    zh: [
      '尊敬的{{contact}}：',
      '',
      '您好！近期我们有一些可能对贵司有帮助的信息，特此分享：',
      '',
      '【请在发送前填写适合该客户的新产品、市场信息或优惠】',
      '',
      '如贵司近期有采购计划，我们很乐意为您提供样品或报价。',
      '',
      '祝商祺！',
      '{{signature}}',
    ].join('\n'),
  },
  'template.goods-late.subject': {
    en: 'Order {{orderNo}}: new delivery date',
    zh: '订单 {{orderNo}} 交期变更通知',
  },
  'template.goods-late.body': {
    en: [
      'Dear {{contact}},',
      '',
      'I am writing to let you know early that your order {{orderNo}}, planned for delivery on {{deliveryDate}}, will be delayed.',
      '',
      'Reason: [please state the reason]',
      'New delivery date: [please state the exact date]',
      '',
      'We are very sorry for the inconvenience. We are following production closely and will keep you informed until the goods are shipped.',
      '',
      'Best regards,',
      '{{signature}}',
    ].join('\n'),
    zh: [
      '尊敬的{{contact}}：',
      '',
      '您好！特此提前告知：贵司订单 {{orderNo}} 原定 {{deliveryDate}} 交货，现将延期出货。',
      '',
      '延期原因：【请填写原因】',
      '新的出货日期：【请填写确切日期】',
      '',
      '给您带来不便，我们深表歉意。我们会密切跟进生产进度，并及时向您通报，直至货物出运。',
      '',
      '祝商祺！',
      '{{signature}}',
    ].join('\n'),
  },
  'template.shipped-send-docs.subject': {
    en: 'Order {{orderNo}} has shipped: tracking and documents',
    zh: '订单 {{orderNo}} 已出货：物流信息及单据',
  },
  'template.shipped-send-docs.body': {
    en: [
      'Dear {{contact}},',
      '',
      'Good news: your order {{orderNo}} shipped on {{shippedOn}}.',
      '',
      'Transport: {{transport}}',
      'B/L or tracking no.: {{trackingNo}}',
      'Destination: {{destinationPort}}',
      'Estimated arrival: {{eta}}',
      '',
      '{{attachmentNote}}',
      '',
      'Please let me know if you need any other document for customs clearance.',
      '',
      'Best regards,',
      '{{signature}}',
    ].join('\n'),
    zh: [
      '尊敬的{{contact}}：',
      '',
      '您好！贵司订单 {{orderNo}} 已于 {{shippedOn}} 出货。',
      '',
      '运输方式：{{transport}}',
      '提单号/物流单号：{{trackingNo}}',
      '目的地：{{destinationPort}}',
      '预计到达：{{eta}}',
      '',
      '{{attachmentNote}}',
      '',
      '如清关还需要其他单据，请随时告诉我。',
      '',
      '祝商祺！',
      '{{signature}}',
    ].join('\n'),
  },
  'template.balance-unpaid.subject': {
    en: 'Order {{orderNo}}: balance payment',
    zh: '订单 {{orderNo}} 尾款提醒',
  },
  'template.balance-unpaid.body': {
    en: [
      'Dear {{contact}},',
      '',
      'This is a kind reminder that the balance of order {{orderNo}}, {{balanceAmount}}, was due on {{balanceDueOn}}, and we have not received it yet.',
      '',
      'Could you please arrange the payment and send us the bank slip? As soon as the payment arrives we will release the original documents (or ship the goods) without delay.',
      '',
      'If you have already paid, please ignore this mail and send us the bank slip so that we can trace the payment.',
      '',
      'Best regards,',
      '{{signature}}',
    ].join('\n'),
    zh: [
      '尊敬的{{contact}}：',
      '',
      '您好！温馨提醒：订单 {{orderNo}} 的尾款 {{balanceAmount}} 已于 {{balanceDueOn}} 到期，我司尚未收到。',
      '',
      '烦请安排付款，并将银行水单发给我们。款项到账后，我们会立即寄出正本单据（或安排出货）。',
      '',
      '如您已付款，请忽略此邮件，并将水单发给我们以便查询。',
      '',
      '祝商祺！',
      '{{signature}}',
    ].join('\n'),
  },
  'template.satisfaction-check.subject': {
    en: 'Order {{orderNo}}: did everything arrive in good order?',
    zh: '订单 {{orderNo}} 到货情况回访',
  },
  'template.satisfaction-check.body': {
    en: [
      'Dear {{contact}},',
      '',
      'Your order {{orderNo}} should have arrived around {{eta}}. Did the goods arrive in good condition, and are you satisfied with the quality?',
      '',
      'If anything needs attention or could be improved, please tell us: we will take care of it and do even better on your next order.',
      '',
      'Best regards,',
      '{{signature}}',
    ].join('\n'),
    zh: [
      '尊敬的{{contact}}：',
      '',
      '您好！贵司订单 {{orderNo}} 预计已于 {{eta}} 前后到达。请问货物是否完好？对产品质量是否满意？',
      '',
      '如有任何需要注意或改进的地方，请告诉我们，我们会及时处理，并在下一张订单中做得更好。',
      '',
      '祝商祺！',
      '{{signature}}',
    ].join('\n'),
  },
  'template.reorder-check.subject': {
    en: 'Order {{orderNo}}: how are the goods selling?',
    zh: '订单 {{orderNo}} 销售情况询问',
  },
  'template.reorder-check.body': {
    en: [
      'Dear {{contact}},',
      '',
      'It has been a few weeks since order {{orderNo}} arrived. How are the goods selling in your market?',
      '',
      'If you are planning your next order, I would be glad to check the current prices and production time for you, and to send you our latest products.',
      '',
      'Best regards,',
      '{{signature}}',
    ].join('\n'),
    zh: [
      '尊敬的{{contact}}：',
      '',
      '您好！订单 {{orderNo}} 的货物到达已有几周，请问在贵司市场的销售情况如何？',
      '',
      '如贵司正在计划下一张订单，我很乐意为您确认最新价格和生产周期，并发送我们的最新产品资料。',
      '',
      '祝商祺！',
      '{{signature}}',
    ].join('\n'),
  },
};

/**
 * Both languages of a catalog entry (throws on an unknown id, like `t`).
 * @example reminderMessage('rule.goods-late') // { en: 'Goods late', zh: '货物延期' }
 */
export function reminderMessage(id: string): Message {
  const m = REMINDER_MESSAGES[id];
  if (!m) throw new Error(`i18n: no message "${id}"`);
  return m;
}

/**
 * Translator over the reminder catalog.
 * @example reminderText('zh', 'digest.group.today') // '今日到期'
 */
export const reminderText = translator(REMINDER_MESSAGES);
