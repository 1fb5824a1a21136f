// The Order lines ledger (订单明细): the products of each order, several rows per order. Columns in template order;
// the auto columns that a quantity change recomputes (Amount, Cartons, N.W., G.W., CBM) sit together because
// Gendan writes contiguous runs, so Factory price moves in front of them.
import type { OrderLineRecord } from './records';
import { col, defineLedger } from './schema-types';

export const ORDER_LINES = defineLedger<OrderLineRecord>()({
  key: 'orderLines',
  sheet: { en: 'Order lines', zh: '订单明细' },
  sheetAliases: ['Order items', 'Line items', 'Order details', '订单行', '订单明细表', '明细'],
  columns: [
    col('orderNo', 'text', 'Order no.', '订单编号', ['Order', 'Order number', 'Order ID', 'PO#', 'PO no', '订单号'], { required: true, numberFormat: '@', width: 120 }),
    col('line', 'integer', 'Line', '行号', ['Line no', '#', 'No', 'Item no', '序号', '项次'], { min: 1, width: 60 }),
    col('productCode', 'text', 'Product code', '产品编号', ['Code', 'Item code', 'SKU', 'Product no', '产品编码', '货号'], { numberFormat: '@', width: 110 }),
    col('productName', 'text', 'Product name', '品名', ['Name', 'Product', 'Description of goods', '产品名称', '名称', '产品'], { width: 180 }),
    col('description', 'text', 'Description', '描述', ['Desc', 'Detailed description', '产品描述', '详细描述'], { width: 240 }),
    col('material', 'text', 'Material', '材质', ['Materials', '材料'], { width: 120 }),
    col('surfaceFinish', 'text', 'Surface finish', '表面处理', ['Finish', 'Surface treatment', '表面工艺'], { width: 130 }),
    col('specification', 'text', 'Specification', '规格', ['Spec', 'Size', '规格尺寸', '尺寸', '规格型号'], { width: 150 }),
    col('quantity', 'number', 'Quantity', '数量', ['Qty', 'Quantities', '订单数量'], { min: 0, numberFormat: '#,##0.##' }),
    col('unit', 'text', 'Unit', '单位', ['UOM', '计量单位'], { width: 70 }),
    col('unitPrice', 'money', 'Unit price', '单价', ['Price', 'Selling price', '销售单价', '售价'], { width: 100 }),
    col('factoryPrice', 'money', 'Factory price', '采购价', ['Purchase price', 'Cost', '采购单价', '成本价'], { width: 100 }),
    col('amount', 'money', 'Amount', '金额', ['Line total', 'Total', 'Subtotal', '小计', '总价'], { owner: 'auto' }),
    col('cartons', 'integer', 'Cartons', '箱数', ['CTNS', 'Carton qty', 'No. of cartons', '件数', '总箱数'], { min: 0, owner: 'auto' }),
    col('netWeight', 'number', 'N.W. (kg)', '净重(kg)', ['N.W.', 'NW', 'Net weight', '净重', '总净重'], { min: 0, owner: 'auto', numberFormat: '0.00', plus: true }),
    col('grossWeight', 'number', 'G.W. (kg)', '毛重(kg)', ['G.W.', 'GW', 'Gross weight', '毛重', '总毛重'], { min: 0, owner: 'auto', numberFormat: '0.00', plus: true }),
    col('cbm', 'number', 'CBM', '体积(CBM)', ['Volume', 'Measurement', 'Total CBM', '体积', '总体积'], { min: 0, owner: 'auto', numberFormat: '0.000', width: 80, plus: true }),
    col('notes', 'text', 'Notes', '备注', ['Remarks', 'Comments', 'Note'], { width: 200 }),
  ],
});
