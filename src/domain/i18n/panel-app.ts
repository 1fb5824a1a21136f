// Texts of the customer panel's server side, the Dashboard sheet, the manager views and the language switch, in
// English and Chinese (the panel's own labels are in sidebar.ts, the menu items in app.ts).
import { translator, type Catalog } from './i18n';

export const PANEL_APP_MESSAGES = {
  // customer panel
  'panel.noSelection': {
    en: 'Select a row of the customer first: on Customers, Orders, Order lines, Contact log, Follow-ups or After-sales.',
    zh: '请先选择该客户的一行记录：客户、订单、订单明细、沟通记录、跟进计划或售后登记。',
  },
  'panel.noCustomer': { en: 'Row {row} of {sheet} names no customer.', zh: '{sheet}第 {row} 行没有填写客户。' },
  'panel.unknownFollowUp': { en: 'Follow-up {id} is no longer in {sheet}; refresh the panel.', zh: '跟进 {id} 已不在{sheet}中，请刷新面板。' },
  'panel.otherCustomer': { en: 'Follow-up {id} belongs to another customer.', zh: '跟进 {id} 属于其他客户。' },
  'panel.unknownOrder': { en: 'Order {order} is not in {sheet}.', zh: '订单 {order} 不在{sheet}中。' },
  'panel.badChannel': { en: 'Choose a channel for the contact.', zh: '请选择沟通方式。' },
  'panel.badDue': { en: 'The due date must be a date (YYYY-MM-DD).', zh: '完成时限必须是日期（YYYY-MM-DD）。' },
  'panel.badDays': { en: 'Snooze by 1 to 60 days.', zh: '推迟天数须为 1 到 60 天。' },
  'panel.quoteDone': { en: 'Quotation {numbers} created for {order}.', zh: '已为 {order} 生成报价单 {numbers}。' },
  'panel.quoteNone': { en: 'No quotation was created for {order}. {problems}', zh: '未能为 {order} 生成报价单。{problems}' },
  'panel.dueToday': { en: 'Due today', zh: '今日到期' },
  'panel.weekdays': { en: 'Sun,Mon,Tue,Wed,Thu,Fri,Sat', zh: '周日,周一,周二,周三,周四,周五,周六' },

  // dashboard
  'dash.title': { en: 'Gendan dashboard', zh: '跟单看板' },
  'dash.refreshedAt': { en: 'Refreshed at', zh: '刷新时间' },
  'dash.note': {
    en: 'Pipeline = the orders of the Orders sheet by stage. Amounts in {currency}; orders in other currencies are listed apart.',
    zh: '销售管道 = 订单表中各阶段的订单。金额以 {currency} 计；其他币种的订单单独列出。',
  },
  'dash.pipeline': { en: 'Order pipeline by stage', zh: '订单管道（按阶段）' },
  'dash.col.stage': { en: 'Stage', zh: '阶段' },
  'dash.col.orders': { en: 'Orders', zh: '订单数' },
  'dash.col.amount': { en: 'Amount ({currency})', zh: '金额（{currency}）' },
  'dash.col.total': { en: 'Amount', zh: '金额' },
  'dash.col.other': { en: 'Other currencies', zh: '其他币种' },
  'dash.total': { en: 'Open orders', zh: '在途合计' },
  'dash.receivables': { en: 'Receivables', zh: '应收款' },
  'dash.col.item': { en: 'Item', zh: '项目' },
  'dash.deposits': { en: 'Deposits due', zh: '待收定金' },
  'dash.balances': { en: 'Balances due', zh: '待收尾款' },
  'dash.balancesOverdue': { en: 'Balances overdue', zh: '逾期尾款' },
  'dash.quotes': { en: 'Quotations awaiting a decision: {count} ({expired} expired)', zh: '等待客户决定的报价：{count} 份（{expired} 份已过期）' },
  'dash.col.orderNo': { en: 'Order no.', zh: '订单编号' },
  'dash.col.customer': { en: 'Customer', zh: '客户' },
  'dash.col.owner': { en: 'Owner', zh: '负责人' },
  'dash.col.quoteDate': { en: 'Quote date', zh: '报价日期' },
  'dash.col.validUntil': { en: 'Valid until', zh: '有效期至' },
  'dash.col.delivery': { en: 'Delivery date', zh: '交货日期' },
  'dash.shipping': { en: 'Orders shipping in the next {days} days: {count}', zh: '未来 {days} 天内出货的订单：{count} 个' },
  'dash.overdue': { en: 'Overdue follow-ups per owner: {count}', zh: '各负责人的逾期跟进：共 {count} 项' },
  'dash.col.overdue': { en: 'Overdue', zh: '逾期' },
  'dash.col.oldest': { en: 'Oldest due', zh: '最早到期' },
  'dash.noOwner': { en: '(no owner)', zh: '（无负责人）' },
  'dash.others': { en: 'Others', zh: '其他' },
  'dash.afterSales': { en: 'Open after-sales cases: {count} ({overdue} overdue)', zh: '未结售后：{count} 件（{overdue} 件逾期）' },
  'dash.col.type': { en: 'Type', zh: '类型' },
  'dash.col.open': { en: 'Open', zh: '未结' },
  'dash.noType': { en: '(no type)', zh: '（未分类）' },
  'dash.more': { en: '… and {count} more', zh: '……另有 {count} 项' },
  'dash.views': {
    en: 'Manager views: Gendan ▸ Views ▸ My overdue · Due this week · By owner · Shipping soon.',
    zh: '管理视图：跟单 ▸ 视图 ▸ 我的逾期 · 本周到期 · 按负责人 · 即将出货。',
  },
  'dash.chart.stages': { en: 'Orders by stage', zh: '各阶段订单数' },
  'dash.chart.amounts': { en: 'Pipeline amount ({currency})', zh: '管道金额（{currency}）' },
  'dash.chart.overdue': { en: 'Overdue follow-ups per owner', zh: '各负责人逾期跟进' },
  'dash.chart.afterSales': { en: 'Open after-sales cases by type', zh: '未结售后（按类型）' },
  'dash.done': { en: 'Dashboard refreshed: {orders} order(s), {overdue} overdue follow-up(s).', zh: '看板已刷新：{orders} 个订单，{overdue} 项逾期跟进。' },
  'dash.missing': { en: 'The Orders sheet is missing: run Set up workbook first.', zh: '缺少订单表：请先运行“初始化工作簿”。' },

  // manager views
  'view.applied': {
    en: '{view}: {count} row(s) of {sheet} shown. This is the sheet’s filter, so everyone sees it; Views ▸ Show all rows removes it.',
    zh: '{view}：显示{sheet}中的 {count} 行。这是工作表的筛选器，所有人都会看到；视图 ▸ 显示全部 可取消。',
  },
  'view.none': { en: '{view}: no row of {sheet} matches; nothing was hidden.', zh: '{view}：{sheet}中没有符合条件的行，未隐藏任何行。' },
  'view.cleared': { en: 'Every row is shown again ({sheets}).', zh: '已重新显示全部行（{sheets}）。' },
  'view.noUser': {
    en: 'Gendan cannot see your email address here; select a row of yours and choose Views ▸ By owner instead.',
    zh: '跟单无法获取您的邮箱地址；请选择您负责的一行，然后使用 视图 ▸ 按负责人。',
  },
  'view.noColumn': { en: '{sheet} has no "{header}" column: run Set up workbook.', zh: '{sheet}缺少“{header}”列：请运行“初始化工作簿”。' },
  'view.missingSheet': { en: 'The {sheet} sheet is missing: run Set up workbook.', zh: '缺少「{sheet}」工作表：请运行“初始化工作簿”。' },

  // language switch
  'lang.title': { en: 'Switch language', zh: '切换语言' },
  'lang.en': { en: 'English', zh: '英文' },
  'lang.zh': { en: 'Chinese', zh: '中文' },
  'lang.confirm': {
    en: 'Rename Gendan’s sheets and headers and translate its dropdown values and Settings labels into {lang}? Your data and your own columns stay as they are.',
    zh: '将跟单的工作表名、表头、下拉选项和设置项名称切换为{lang}？您的数据和您自己的列保持不变。',
  },
  'lang.done': {
    en: 'Gendan is now in {lang}: {sheets} sheet(s) renamed, {headers} header(s), {cells} dropdown value(s) and {settings} Settings text(s) translated.',
    zh: '跟单已切换为{lang}：重命名 {sheets} 个工作表，翻译 {headers} 个表头、{cells} 个下拉值和 {settings} 条设置文字。',
  },
} as const satisfies Catalog;

export type PanelAppMessageId = keyof typeof PANEL_APP_MESSAGES;

export const panelText = translator(PANEL_APP_MESSAGES) as (lang: 'en' | 'zh', id: PanelAppMessageId, vars?: Record<string, string | number>) => string;
