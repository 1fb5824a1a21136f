// The Customers ledger (客户): one row per customer, enough for anyone to pick the customer up when a colleague
// leaves. Columns in template order; Gendan's auto columns sit together at the end because it writes contiguous runs.
import type { CustomerRecord } from './records';
import { CUSTOMER_TYPE_OPTIONS, PREFERRED_CHANNEL_OPTIONS } from './enum-labels';
import { col, defineLedger } from './schema-types';

export const CUSTOMERS = defineLedger<CustomerRecord>()({
  key: 'customers',
  sheet: { en: 'Customers', zh: '客户' },
  sheetAliases: ['Customer list', 'Clients', 'Customer ledger', '客户台账', '客户表', '客户列表', '客户档案'],
  idColumn: 'customerId',
  idAutoIfBlank: true,
  columns: [
    col('customerId', 'text', 'Customer ID', '客户编号', ['Customer no', 'Customer code', 'Client ID', '客户ID', '客户代码', '客户号'], { owner: 'shared', required: true, numberFormat: '@', width: 100 }),
    col('name', 'text', 'Customer name', '客户名称', ['Customer', 'Company', 'Company name', 'Client', 'Client name', '客户', '客户全称', '公司名称'], { required: true, width: 220 }),
    col('type', 'enum', 'Type', '客户类型', ['Customer type', '类型'], { options: CUSTOMER_TYPE_OPTIONS }),
    col('country', 'text', 'Country', '国家/地区', ['Country/Region', 'Country or region', '国家', '国家或地区'], { width: 120 }),
    col('timeZone', 'text', 'Time zone', '时区', ['Timezone', 'TZ'], { kind: 'timeZone', width: 150 }),
    col('language', 'text', 'Language', '语言', ['Lang', 'Customer language', '沟通语言'], { kind: 'language', width: 80 }),
    col('industry', 'text', 'Industry', '所属行业', ['Sector', '行业'], { width: 130 }),
    col('mainCategories', 'text', 'Main categories', '主营品类', ['Categories', 'Main products', 'Product categories', '品类', '主营产品'], { width: 180 }),
    col('purchaseCycleDays', 'integer', 'Purchase cycle (days)', '采购周期', ['Purchase cycle', 'Buying cycle', 'Reorder cycle', '采购周期(天)', '采购周期（天）'], { min: 0, width: 110 }),
    col('preferredChannel', 'enum', 'Preferred channel', '偏好沟通方式', ['Channel', 'Contact channel', 'Preferred contact', '沟通方式', '联系方式偏好'], { options: PREFERRED_CHANNEL_OPTIONS, width: 130 }),
    col('contact', 'text', 'Contact', '联系人', ['Contact person', 'Contact name', '联系人姓名'], { width: 140 }),
    col('title', 'text', 'Title', '职务', ['Position', 'Job title', 'Role', '职位'], { width: 130 }),
    col('email', 'email', 'Email', '邮箱', ['E-mail', 'Mail', 'Email address', '电子邮件', '邮件地址', '电子邮箱'], { multiple: true, width: 200 }),
    col('phone', 'text', 'Phone', '电话', ['Tel', 'Telephone', 'Mobile', 'Phone number', '手机', '联系电话', '电话号码'], { numberFormat: '@', width: 140 }),
    col('im', 'text', 'IM (WhatsApp/WeChat)', '即时通讯(WhatsApp/微信)', ['IM', 'WhatsApp', 'WeChat', 'WhatsApp/WeChat', 'Messenger', '微信', '即时通讯', '微信/WhatsApp'], { width: 150 }),
    col('address', 'text', 'Address', '地址', ['Company address', '公司地址', '联系地址'], { width: 240 }),
    col('owner', 'email', 'Owner', '负责人', ['Sales rep', 'Salesperson', 'Account manager', '业务员', '跟单员', '客户负责人']),
    col('source', 'text', 'Source', '客户来源', ['Lead source', 'Customer source', '来源'], { width: 130 }),
    col('grade', 'text', 'Grade', '客户等级', ['Level', 'Rating', 'Customer grade', '等级', '级别'], { width: 80 }),
    col('doNotEmailUntil', 'date', 'Do not email until', '暂停邮件至', ['No email until', 'Pause emails until', '暂停邮件', '暂停发邮件至'], { width: 120, plus: true }),
    col('notes', 'text', 'Notes', '备注', ['Remarks', 'Comments', 'Note'], { width: 240 }),
    col('lastContact', 'date', 'Last contact', '最近联系', ['Last contacted', 'Last contact date', '最近联系日期', '上次联系'], { owner: 'auto', width: 110 }),
    col('nextFollowUp', 'date', 'Next follow-up', '下次跟进', ['Next follow up', 'Next followup', '下次跟进日期'], { owner: 'auto', width: 110 }),
    col('openOrders', 'integer', 'Open orders', '在途订单', ['Orders in progress', '进行中订单', '在途订单数'], { min: 0, owner: 'auto', width: 90 }),
    col('totalWon', 'money', 'Total won', '累计成交额', ['Total sales', 'Lifetime value', '累计成交', '成交总额'], { owner: 'auto', width: 120 }),
  ],
});
