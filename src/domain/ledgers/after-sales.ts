// The After-sales ledger (售后登记), seed 002: returns, exchanges, complaints, bad and medium reviews and missing
// items, with the return visit they call for. Columns in template order; the auto columns Return visit due and
// Status sit together at the end because Gendan writes contiguous runs.
import type { AfterSalesRecord } from './records';
import { AFTER_SALES_TYPE_OPTIONS, WORK_STATUS_OPTIONS } from './enum-labels';
import { col, defineLedger } from './schema-types';

export const AFTER_SALES = defineLedger<AfterSalesRecord>()({
  key: 'afterSales',
  sheet: { en: 'After-sales', zh: '售后登记' },
  sheetAliases: ['After sales', 'Aftersales', 'Service cases', 'Returns', '售后', '售后登记表', '退换货登记', '售后记录'],
  idColumn: 'caseNo',
  idAutoIfBlank: true,
  columns: [
    col('caseNo', 'text', 'Case no.', '售后单号', ['Case number', 'Case ID', 'Ticket', '单号', '售后编号'], { owner: 'shared', numberFormat: '@', width: 100 }),
    col('date', 'date', 'Date', '登记日期', ['Registered on', 'Case date', '日期', '登记时间'], { required: true }),
    col('shop', 'text', 'Shop / channel', '店铺', ['Shop', 'Store', 'Channel', 'Platform', '店铺名称', '渠道', '平台'], { width: 140 }),
    col('customer', 'text', 'Customer', '客户', ['Buyer', 'Customer name', 'Client', '买家', '客户名称']),
    col('orderNo', 'text', 'Order no.', '订单编号', ['Order number', 'Order ID', '订单号'], { numberFormat: '@', width: 130 }),
    col('type', 'enum', 'Type', '售后类型', ['Case type', 'Issue type', '类型'], { options: AFTER_SALES_TYPE_OPTIONS, width: 120 }),
    col('problem', 'text', 'Problem', '问题', ['Issue', 'Problem description', 'Reason', '问题描述', '原因'], { width: 240 }),
    col('model', 'text', 'Model', '型号', ['Product model', 'SKU', '产品型号'], { width: 110 }),
    col('quantity', 'number', 'Quantity', '数量', ['Qty'], { min: 0, numberFormat: '#,##0.##', width: 70 }),
    col('returnTrackingNo', 'text', 'Return tracking no.', '退货单号', ['Return tracking', 'Return tracking number', 'Return waybill', '退货快递单号', '退货物流单号'], { numberFormat: '@', width: 150 }),
    col('handling', 'text', 'Handling', '处理方式', ['Solution', 'Resolution', 'Action taken', '处理结果', '处理'], { width: 200 }),
    col('owner', 'email', 'Owner', '负责人', ['Handled by', 'Responsible', 'Agent', '客服', '处理人']),
    col('calledCustomer', 'checkbox', 'Called customer?', '已电话联系', ['Called customer', 'Called', 'Phoned', '电话联系', '已致电'], { width: 90 }),
    col('receivedOn', 'date', 'Received on', '签收日期', ['Received', 'Delivered on', 'Receipt date', '客户签收日期', '收货日期'], { plus: true }),
    col('handledOn', 'date', 'Handled on', '处理完成日期', ['Handled', 'Resolved on', '处理日期', '处理完成'], { width: 110, plus: true }),
    col('satisfaction', 'text', 'Satisfaction', '满意度', ['Customer satisfaction', 'CSAT', '客户满意度'], { width: 100 }),
    col('lossAmount', 'money', 'Loss amount', '损失', ['Loss', 'Cost', '损失金额'], { width: 100 }),
    col('restocked', 'checkbox', 'Restocked', '已归位', ['Back in stock', 'Returned to stock', '归位', '已入库']),
    col('closedOn', 'date', 'Closed on', '结案日期', ['Closed', 'Close date', '结案', '关闭日期'], { plus: true }),
    col('returnVisitDue', 'date', 'Return visit due', '回访日期', ['Return visit', 'Follow-up visit', '回访', '回访时间'], { owner: 'auto', width: 110 }),
    col('status', 'enum', 'Status', '状态', ['State', '当前状态', '处理状态'], { options: WORK_STATUS_OPTIONS, owner: 'auto', width: 100 }),
  ],
});
