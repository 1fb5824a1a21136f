// The Mail templates ledger (邮件模板): the subject and body of each mail Gendan drafts, per language, editable by the
// team. Columns in template order; all typed by people (setup writes the defaults once).
import type { MailTemplateRecord } from './records';
import { col, defineLedger } from './schema-types';

export const MAIL_TEMPLATES = defineLedger<MailTemplateRecord>()({
  key: 'mailTemplates',
  sheet: { en: 'Mail templates', zh: '邮件模板' },
  sheetAliases: ['Email templates', 'Templates', 'Mail texts', '模板', '邮件模版', '邮件模板表'],
  idColumn: 'key',
  columns: [
    col('key', 'text', 'Template', '模板', ['Key', 'Template key', 'Template name', '模板键', '模板名称'], { required: true, width: 200 }),
    col('language', 'text', 'Language', '语言', ['Lang', '语种'], { kind: 'language', required: true, width: 80 }),
    col('subject', 'text', 'Subject', '主题', ['Title', 'Mail subject', '标题', '邮件主题'], { required: true, width: 300 }),
    col('body', 'text', 'Body', '正文', ['Text', 'Content', 'Mail body', '内容', '邮件正文'], { required: true, width: 500 }),
  ],
});
