// The Products ledger (产品): the catalogue quotations, contracts and factory orders draw their descriptions, prices
// and carton data from. Columns in template order; this ledger has no auto columns.
import type { ProductRecord } from './records';
import { col, defineLedger } from './schema-types';

export const PRODUCTS = defineLedger<ProductRecord>()({
  key: 'products',
  sheet: { en: 'Products', zh: '产品' },
  sheetAliases: ['Product list', 'Items', 'Catalogue', 'Catalog', '产品库', '产品表', '产品目录', '产品列表'],
  idColumn: 'code',
  columns: [
    col('code', 'text', 'Product code', '产品编号', ['Code', 'Item code', 'Item no', 'SKU', 'Product no', '产品编码', '产品代码', '货号'], { required: true, numberFormat: '@', width: 110 }),
    col('name', 'text', 'Name', '品名', ['Product name', 'Product', 'Chinese name', '产品名称', '名称', '中文品名', '中文名称'], { required: true, width: 180 }),
    col('englishName', 'text', 'English name', '英文品名', ['Name (EN)', 'Product name (EN)', '英文名称', '英文名'], { width: 200 }),
    col('description', 'text', 'Description', '描述', ['Desc', 'Product description', '产品描述', '描述说明'], { width: 260 }),
    col('material', 'text', 'Material', '材质', ['Materials', '材料'], { width: 130 }),
    col('surfaceFinish', 'text', 'Surface finish', '表面处理', ['Finish', 'Surface treatment', 'Surface', '表面工艺'], { width: 140 }),
    col('specification', 'text', 'Specification', '规格', ['Spec', 'Specs', 'Size', 'Specification / size', '规格尺寸', '尺寸', '规格型号']),
    col('structure', 'text', 'Structure / configuration', '结构/配置', ['Structure', 'Configuration', 'Config', '结构', '配置', '结构配置'], { width: 180 }),
    col('packaging', 'text', 'Packaging', '包装方式', ['Packing', 'Package', '包装']),
    col('unit', 'text', 'Unit', '单位', ['UOM', 'Unit of measure', '计量单位'], { width: 70 }),
    col('unitPrice', 'money', 'Unit price', '单价', ['Price', 'Selling price', 'Sales price', '销售单价', '售价'], { width: 100 }),
    col('currency', 'text', 'Currency', '币种', ['Curr', 'CCY', '货币', '币别'], { kind: 'currency', width: 80 }),
    col('factory', 'text', 'Factory', '工厂', ['Supplier', 'Manufacturer', 'Vendor', '供应商', '生产工厂', '生产厂家']),
    col('factoryPrice', 'money', 'Factory price', '采购价', ['Purchase price', 'Cost', 'Cost price', '采购单价', '成本价', '出厂价'], { width: 100 }),
    col('pcsPerCarton', 'integer', 'Pcs per carton', '每箱数量', ['PCS/CTN', 'Qty per carton', 'Pcs/carton', 'Units per carton', '装箱数', '每箱件数'], { min: 1, width: 90, plus: true }),
    col('nwPerCarton', 'number', 'N.W. per carton (kg)', '每箱净重(kg)', ['N.W.', 'NW', 'Net weight', 'N.W. per carton', 'N.W. (kg)', '净重', '每箱净重'], { min: 0, numberFormat: '0.00', width: 100, plus: true }),
    col('gwPerCarton', 'number', 'G.W. per carton (kg)', '每箱毛重(kg)', ['G.W.', 'GW', 'Gross weight', 'G.W. per carton', 'G.W. (kg)', '毛重', '每箱毛重'], { min: 0, numberFormat: '0.00', width: 100, plus: true }),
    col('cartonSize', 'text', 'Carton size', '外箱尺寸', ['Carton dimensions', 'Carton measurement', 'Meas.', '箱规', '纸箱尺寸'], { width: 130, plus: true }),
    col('cbmPerCarton', 'number', 'CBM per carton', '每箱体积(CBM)', ['CBM', 'Volume', 'CBM/carton', 'Volume per carton', '体积', '每箱体积'], { min: 0, numberFormat: '0.000', width: 100, plus: true }),
    col('hsCode', 'text', 'HS code', '海关编码', ['HS', 'HS no', 'HTS code', 'Tariff code', 'HS编码', '商品编码', '税则号'], { numberFormat: '@', width: 110, plus: true }),
    col('imageUrl', 'url', 'Image URL', '图片', ['Image', 'Picture', 'Photo', 'Image link', '图片链接', '产品图片', '图片网址']),
  ],
});
