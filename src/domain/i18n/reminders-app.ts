// English and Chinese texts of the reminder runs as people see them: the Run now summary, the Preview dialog, the
// Contact log rows a customer mail adds, and why something waits.
import { translator, type Catalog, type Lang } from './i18n';

export const REMINDERS_APP_MESSAGES = {
  'run.title': { en: 'Reminders', zh: '提醒' },
  'run.summary': {
    en: '{digests} digest(s) sent, {drafts} draft(s) made, {sent} customer mail(s) sent; {waiting} waiting.',
    zh: '已发送 {digests} 封待办汇总，生成 {drafts} 封草稿，发送 {sent} 封客户邮件；{waiting} 项待处理。',
  },
  'run.nothing': { en: 'Nothing is due right now; nothing was sent.', zh: '当前没有到期事项，未发送任何邮件。' },
  'run.recovered': {
    en: '{count} mail(s) left by an interrupted run were completed.',
    zh: '已补完上次中断运行留下的 {count} 封邮件。',
  },
  'run.failed': {
    en: '{count} mail(s) failed and will be retried in the next run: {message}',
    zh: '{count} 封邮件失败，将在下次运行时重试：{message}',
  },
  'run.noLog': {
    en: 'The Reminder log sheet is missing: run Gendan ▸ Set up workbook first.',
    zh: '缺少「提醒日志」工作表：请先运行 跟单 ▸ 初始化工作簿。',
  },

  'contact.draft': { en: 'Gendan reminder “{rule}”: draft ready in Gmail', zh: '跟单提醒「{rule}」：Gmail 草稿已生成' },
  'contact.send': { en: 'Gendan reminder “{rule}”: mail sent', zh: '跟单提醒「{rule}」：邮件已发送' },

  'preview.title': { en: 'Reminders: preview', zh: '提醒：预览' },
  'preview.note': {
    en: 'Nothing has been sent or drafted. “Run now” produces exactly this, at {time}.',
    zh: '尚未发送或生成任何邮件。“立即运行”将在 {time} 产生以下内容。',
  },
  'preview.quota': {
    en: 'Mail quota left today: {quota} · customer mails: {mode} · digest hour: {hour}:00',
    zh: '今日剩余邮件配额：{quota} · 客户邮件：{mode} · 汇总发送时间：{hour}:00',
  },
  'preview.mode.draft': { en: 'Gmail drafts', zh: 'Gmail 草稿' },
  'preview.mode.send': { en: 'sent directly', zh: '直接发送' },
  'preview.digests': { en: 'Staff digests ({count})', zh: '员工待办汇总（{count}）' },
  'preview.mails': { en: 'Customer mails ({count})', zh: '客户邮件（{count}）' },
  'preview.waiting': { en: 'Waiting ({count})', zh: '待处理（{count}）' },
  'preview.none': { en: 'None.', zh: '无。' },
  'preview.more': { en: '…and {count} more.', zh: '……另有 {count} 项。' },
  'preview.col.to': { en: 'To', zh: '收件人' },
  'preview.col.language': { en: 'Language', zh: '语言' },
  'preview.col.subject': { en: 'Subject', zh: '主题' },
  'preview.col.items': { en: 'Items', zh: '事项' },
  'preview.col.customer': { en: 'Customer', zh: '客户' },
  'preview.col.mode': { en: 'As', zh: '方式' },
  'preview.col.attachment': { en: 'Attachment', zh: '附件' },
  'preview.col.what': { en: 'Reminder', zh: '提醒' },
  'preview.col.why': { en: 'Why it waits', zh: '等待原因' },
  'preview.show': { en: 'Show text', zh: '查看正文' },
  'preview.close': { en: 'Close', zh: '关闭' },
  'preview.part.digest': { en: 'digest entry', zh: '汇总条目' },
  'preview.part.mail': { en: 'customer mail', zh: '客户邮件' },
  'preview.items': {
    en: '{overdue} overdue, {today} due today, {upcoming} coming up; {new} new',
    zh: '逾期 {overdue}，今日到期 {today}，即将到期 {upcoming}；新增 {new}',
  },

  'wait.outside-hours': { en: 'outside the customer’s working hours; opens {at}', zh: '不在客户工作时间内；{at} 开始' },
  'wait.outside-hours.closed': { en: 'outside the customer’s working hours', zh: '不在客户工作时间内' },
  'wait.quota': { en: 'no mail quota left today', zh: '今日邮件配额已用完' },
  'wait.do-not-email': { en: 'the customer asked not to be emailed until {date}', zh: '客户要求 {date} 前不发邮件' },
  'wait.no-email': { en: 'no email address', zh: '没有邮箱地址' },
  'wait.digest-sent': { en: 'today’s digest already went out: in tomorrow’s', zh: '今日汇总已发送：列入明日汇总' },
  'wait.digest-hour': { en: 'goes into today’s digest at {hour}:00', zh: '将于 {hour}:00 列入今日汇总' },
  'wait.run-limit': { en: 'more than one run makes: in the next run', zh: '超出单次运行上限：下次运行处理' },
} as const satisfies Catalog;

export type RemindersAppMessageId = keyof typeof REMINDERS_APP_MESSAGES;

/**
 * Translator over the reminder-run catalog.
 * @example remindersAppText('en', 'run.summary', { digests: 2, drafts: 3, sent: 0, waiting: 1 })
 */
export const remindersAppText = translator(REMINDERS_APP_MESSAGES) as (lang: Lang, id: RemindersAppMessageId, vars?: Record<string, string | number>) => string;
