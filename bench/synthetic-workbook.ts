// Synthetic workbooks for the benchmarks and the budget tests: every ledger filled straight into the in-memory
// spreadsheet model (no user edits: 50,000 orders would take hours that way), deterministic, scaled from the order count.
import { SandboxEnv } from '../src/sandbox/env';
import { Sandbox } from '../src/sandbox/runtime';
import { parseNow } from '../src/sandbox/session';
import { WallDate, type CellValue, type SheetModel } from '../src/sandbox/spreadsheet/model';
import { toCell } from '../src/sandbox/spreadsheet/fakes';
import { LEDGERS } from '../src/domain/ledgers/index';
import { settingsRows, type Settings } from '../src/domain/settings';
import type { ColumnDef, LedgerKey } from '../src/domain/ledgers/schema-types';
import { addDaysToLocalDate, instantToWall, type LocalDate } from '../src/domain/time/zone';

/** How many rows of each ledger a workbook holds. */
export interface WorkbookSize {
  orders: number;
  linesPerOrder: number;
  customers: number;
  products: number;
  contacts: number;
  followUps: number;
  pipeline: number;
  afterSales: number;
  /** Extra orders, after the others, with exactly these numbers of lines (for document generation). */
  documentOrders: readonly DocumentOrder[];
}

/** An order added for document generation: its number and how many lines it has. */
export interface DocumentOrder {
  orderNo: string;
  lines: number;
}

/** The order counts the bench runs. */
export const BENCH_SIZES = [1_000, 10_000, 50_000] as const;

/**
 * The orders documents are generated for, in sheet order: one with 1, 20 and 300 lines, then two side by side with 4
 * lines each (generated in one click, they show what one more document costs).
 */
export const DOCUMENT_ORDERS: readonly DocumentOrder[] = [
  { orderNo: 'SO-2026-9001', lines: 1 },
  { orderNo: 'SO-2026-9002', lines: 20 },
  { orderNo: 'SO-2026-9003', lines: 300 },
  { orderNo: 'SO-2026-9004', lines: 4 },
  { orderNo: 'SO-2026-9005', lines: 4 },
];

/**
 * Every ledger scaled from the order count: at 50,000 orders, 200,000 lines, 100,000 follow-ups, 20,000 contacts,
 * 2,000 customers and 500 products (the shape issue 8 names).
 * @example sizeFor(50_000).followUps // 100000
 */
export function sizeFor(orders: number): WorkbookSize {
  return {
    orders,
    linesPerOrder: 4,
    customers: Math.max(20, Math.round(orders / 25)),
    products: Math.max(20, Math.min(500, Math.round(orders / 100))),
    contacts: Math.round(orders * 0.4),
    followUps: orders * 2,
    pipeline: Math.max(10, Math.round(orders / 20)),
    afterSales: Math.max(10, Math.round(orders / 20)),
    documentOrders: DOCUMENT_ORDERS,
  };
}

export const BENCH_TODAY: LocalDate = '2026-03-02';
export const BENCH_TIME_ZONE = 'Asia/Shanghai';
export const OWNERS = ['li.na@example.com', 'wang.wei@example.com', 'zhang.min@example.com', 'chen.jie@example.com', 'owner@example.com'] as const;

const COUNTRIES = [
  { country: 'United States', timeZone: 'America/Los_Angeles', language: 'en' },
  { country: 'Germany', timeZone: 'Europe/Berlin', language: 'de' },
  { country: 'Saudi Arabia', timeZone: 'Asia/Riyadh', language: 'ar' },
  { country: '中国', timeZone: 'Asia/Shanghai', language: 'zh' },
  { country: 'Brazil', timeZone: 'America/Sao_Paulo', language: 'pt' },
  { country: 'Japan', timeZone: 'Asia/Tokyo', language: 'ja' },
  { country: 'United Kingdom', timeZone: 'Europe/London', language: 'en' },
  { country: 'Australia', timeZone: 'Australia/Sydney', language: 'en' },
] as const;

/** The bench company: every value documents print, so generation has nothing missing. */
export const BENCH_SETTINGS: Partial<Settings> = {
  'company.name.en': 'Ningbo Harbor Bench Trading Co., Ltd.',
  'company.name.zh': '宁波港联贸易有限公司',
  'company.address.en': 'Room 1805, 188 Zhongshan East Road, Ningbo 315000, China',
  'company.address.zh': '浙江省宁波市海曙区中山东路 188 号 1805 室',
  'company.phone': '+86 574 8765 4321',
  'company.email': 'sales@example.com',
  'bank.beneficiary': 'Ningbo Harbor Bench Trading Co., Ltd.',
  'bank.name': 'Bank of China, Ningbo Branch',
  'bank.account': '3566 0000 1234 5678',
  'bank.swift': 'BKCHCNBJ92A',
  'bank.address': '139 Yaohang Street, Ningbo, China',
  'signature.en': 'Best regards,\nHarbor Bench Trading',
  'signature.zh': '顺祝商祺！\n宁波港联贸易有限公司',
};

const ORDER_STAGES = ['inquiry', 'quoted', 'contracted', 'deposit', 'production', 'ready', 'shipped', 'balance', 'completed', 'lost'] as const;

type Row = Record<string, unknown>;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Calendar day `offset` days from the bench's today. */
function day(offset: number): LocalDate {
  return addDaysToLocalDate(BENCH_TODAY, offset);
}

export function customerId(i: number): string {
  return `C-${pad(i + 1, 4)}`;
}

export function orderNo(i: number): string {
  return `SO-2025-${pad(i + 1, 5)}`;
}

export function productCode(i: number): string {
  return `P-${pad(i + 1, 4)}`;
}

export function contactId(i: number): string {
  return `CT-${pad(i + 1, 6)}`;
}

function customer(i: number): Row {
  const where = COUNTRIES[i % COUNTRIES.length];
  const chinese = where.language === 'zh';
  return {
    customerId: customerId(i),
    name: chinese ? `宁波港联贸易有限公司 ${pad(i + 1, 4)}` : `Harbor Supply ${pad(i + 1, 4)} Ltd.`,
    type: (['new', 'existing', 'repeat'] as const)[i % 3],
    ...where,
    industry: 'Building materials wholesale',
    mainCategories: 'Door hardware, cabinet hardware',
    purchaseCycleDays: 30 + (i % 4) * 30,
    preferredChannel: (['email', 'phone', 'whatsapp', 'wechat'] as const)[i % 4],
    contact: chinese ? '王先生' : `Buyer ${i + 1}`,
    title: 'Purchasing manager',
    email: `buyer${i + 1}@customer${i + 1}.example.com`,
    phone: '+1 213 555 0142',
    address: chinese ? '上海市浦东新区世纪大道 100 号' : `${100 + (i % 900)} Harbor Road, Long Beach, CA 90802, USA`,
    owner: OWNERS[i % OWNERS.length],
    source: i % 2 ? 'Canton Fair' : 'Alibaba',
    grade: (['A', 'B', 'C'] as const)[i % 3],
    notes: i % 7 === 0 ? 'Quarterly orders before each season' : '',
  };
}

function product(i: number): Row {
  return {
    code: productCode(i),
    name: `不锈钢门把手 ${pad(i + 1, 4)}`,
    englishName: `Stainless steel door handle ${pad(i + 1, 4)}`,
    description: 'SUS304, brushed, 19 mm tube',
    material: 'SUS304',
    surfaceFinish: 'Brushed',
    specification: `${120 + (i % 10) * 16} mm`,
    packaging: 'Inner box, export carton',
    unit: 'pcs',
    unitPrice: 2.5 + (i % 40) * 0.25,
    currency: 'USD',
    factory: '余姚恒达五金厂',
    factoryPrice: 12 + (i % 40),
    pcsPerCarton: 50,
    nwPerCarton: 10.5,
    gwPerCarton: 11.8,
    cartonSize: '60x40x30 cm',
    cbmPerCarton: 0.072,
    hsCode: '8302.41',
  };
}

function order(i: number, customers: number): Row {
  const stageIndex = i % ORDER_STAGES.length;
  const at = (stage: number) => stageIndex >= stage && stageIndex < 9;
  const base = -((i * 7) % 300) - 20;
  return {
    orderNo: orderNo(i),
    customer: customerId(i % customers),
    owner: OWNERS[i % OWNERS.length],
    stage: ORDER_STAGES[stageIndex],
    inquiryDate: day(base),
    quoteNo: at(1) ? `QT-2025-${pad(i + 1, 5)}` : '',
    quoteDate: at(1) ? day(base + 2) : '',
    quoteValidUntil: at(1) ? day(base + 32) : '',
    contractNo: at(2) ? `SC-2025-${pad(i + 1, 5)}` : '',
    contractDate: at(2) ? day(base + 6) : '',
    currency: (['USD', 'USD', 'EUR', 'CNY'] as const)[i % 4],
    paymentTerms: '30% deposit, 70% against B/L copy',
    depositPercent: 0.3,
    depositReceivedOn: at(3) ? day(base + 9) : '',
    balanceDueOn: at(6) ? day((i % 40) - 20) : '',
    balanceReceivedOn: at(7) ? day(-(i % 10)) : '',
    tradeTerm: 'FOB',
    transport: i % 3 ? 'sea' : 'air',
    portOfLoading: 'Ningbo',
    destinationPort: 'Los Angeles',
    deliveryDate: day((i % 120) - 40),
    factory: '余姚恒达五金厂',
    factoryPoNo: at(4) ? `PO-2025-${pad(i + 1, 5)}` : '',
    productionProgress: stageIndex === 4 ? (i % 10) / 10 : '',
    shippedOn: at(6) ? day(-(i % 30) - 5) : '',
    blNo: at(6) ? `COSU${6_000_000 + i}` : '',
    eta: at(6) ? day(i % 30) : '',
    packagingRequirements: 'Export cartons, customer barcode labels',
    shippingMarks: 'PHS / LOS ANGELES / C/NO. 1-UP',
    lostReason: stageIndex === 9 ? 'Price' : '',
    notes: i % 9 === 0 ? 'Call the factory before shipping' : '',
  };
}

function line(no: string, n: number, productIndex: number, products: number): Row {
  const p = productIndex % products;
  return {
    orderNo: no,
    line: n,
    productCode: productCode(p),
    productName: `Stainless steel door handle ${pad(p + 1, 4)}`,
    quantity: 100 + ((productIndex * 13) % 50) * 10,
    unit: 'pcs',
    unitPrice: 2.5 + (p % 40) * 0.25,
    factoryPrice: 12 + (p % 40),
  };
}

function contact(i: number, customers: number): Row {
  const withAction = i % 2 === 0;
  return {
    contactId: contactId(i),
    date: day(-(i % 180) - 1),
    channel: (['email', 'phone', 'video', 'im', 'face-to-face'] as const)[i % 5],
    customer: customerId(i % customers),
    topic: 'Spring order and packaging',
    customerFeedback: 'Wants a lower MOQ and barcode labels',
    ourActions: 'Sent revised quotation',
    priority: (['high', 'medium', 'low'] as const)[i % 3],
    nextAction: withAction ? 'Send samples with the new finish' : '',
    owner: withAction ? OWNERS[i % OWNERS.length] : '',
    due: withAction ? day((i % 60) - 20) : '',
  };
}

/** The follow-up Gendan made for a contact row (so the first sweep has none to create). */
function contactFollowUp(id: number, c: Row): Row {
  return {
    id: `FU-${pad(id + 1, 6)}`,
    customer: c.customer,
    nextAction: c.nextAction,
    owner: c.owner,
    due: c.due,
    priority: c.priority,
    source: `contact:${String(c.contactId)}`,
  };
}

function followUp(id: number, k: number, orders: number, customers: number): Row {
  return {
    id: `FU-${pad(id + 1, 6)}`,
    customer: customerId(k % customers),
    ref: orderNo(k % orders),
    nextAction: 'Confirm the shipping schedule with the factory',
    owner: OWNERS[k % OWNERS.length],
    due: day((k % 41) - 19),
    status: k % 5 === 0 ? 'done' : k % 7 === 0 ? 'in-progress' : '',
    priority: (['high', 'medium', 'low'] as const)[k % 3],
    source: 'manual',
  };
}

function pipelineRow(i: number): Row {
  return {
    projectName: `Hotel refurbishment ${pad(i + 1, 4)}`,
    region: 'Dubai',
    stage: (['initiation', 'first-contact', 'solution-design', 'showcase', 'negotiation'] as const)[i % 5],
    estimatedAmount: 50_000 + (i % 20) * 5_000,
    currency: 'USD',
    expectedClose: day((i % 90) + 10),
    nextStep: 'Send the revised drawings',
    owner: OWNERS[i % OWNERS.length],
    due: day((i % 40) - 20),
  };
}

function afterSalesRow(i: number, orders: number, customers: number): Row {
  return {
    caseNo: `AS-2025-${pad(i + 1, 4)}`,
    date: day(-(i % 60) - 5),
    shop: 'Amazon US',
    customer: customerId(i % customers),
    orderNo: orderNo(i % orders),
    type: (['return', 'exchange', 'complaint', 'missing-item'] as const)[i % 4],
    problem: 'Scratches on the handle surface',
    quantity: 1 + (i % 5),
    owner: OWNERS[i % OWNERS.length],
    receivedOn: day(-(i % 30) - 2),
    handledOn: i % 3 === 0 ? day(-(i % 10)) : '',
    closedOn: i % 6 === 0 ? day(-(i % 5)) : '',
  };
}

/** Converts record values into what the spreadsheet model stores (one shared WallDate per calendar day). */
class CellWriter {
  private readonly days = new Map<string, WallDate>();
  constructor(private readonly timeZone: string) {}

  cell(col: ColumnDef, value: unknown): CellValue {
    if (value === undefined || value === null || value === '') return '';
    switch (col.type) {
      case 'date': {
        const text = String(value);
        let d = this.days.get(text);
        if (!d) {
          const [y, m, dd] = text.split('-').map(Number);
          d = new WallDate(Date.UTC(y, m - 1, dd));
          this.days.set(text, d);
        }
        return d;
      }
      case 'datetime':
        return new WallDate(instantToWall(Number(value), this.timeZone));
      case 'enum': {
        const option = col.options?.find((o) => o.code === value);
        if (!option) throw new Error(`synthetic data: "${String(value)}" is no option of ${col.key}`);
        return option.en;
      }
      default:
        return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
    }
  }
}

/** Puts a ledger's English header and rows into a new sheet of the model, bypassing the script (and the counting). */
function fillLedger(env: SandboxEnv, key: LedgerKey, records: Row[], writer: CellWriter): SheetModel {
  const ledger = LEDGERS[key];
  const sheet = env.spreadsheet.addSheet(ledger.sheet.en);
  const columns = ledger.columns as readonly ColumnDef[];
  for (const rec of records) {
    for (const k of Object.keys(rec)) if (!columns.some((c) => c.key === k)) throw new Error(`synthetic data: ${k} is no column of ${ledger.sheet.en}`);
  }
  const values: CellValue[][] = new Array(records.length + 1);
  values[0] = columns.map((c) => c.header.en);
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    values[i + 1] = columns.map((c) => writer.cell(c, rec[c.key]));
  }
  sheet.values = values;
  sheet.maxRows = Math.max(1000, values.length + 100);
  sheet.maxCols = Math.max(26, columns.length);
  return sheet;
}

/** Row counts of the workbook as built, per ledger (data rows, header excluded). */
export type BuiltCounts = Partial<Record<LedgerKey, number>>;

export interface BuiltWorkbook {
  sandbox: Sandbox;
  size: WorkbookSize;
  counts: BuiltCounts;
}

export interface BuildOptions {
  /** Keeps the simulated clock still while scripts run (tests that compare exact timestamps). */
  frozenClock?: boolean;
  /** dist/ directory of the bundle. */
  distDir: string;
}

/**
 * A workbook as a team would import it: the ledgers filled (headers in English), auto columns blank, no Settings
 * yet; "Set up workbook" has not run. The sandbox's clock is the bench's today, 09:00 in Shanghai.
 */
export function buildWorkbook(size: WorkbookSize, opts: BuildOptions): BuiltWorkbook {
  const env = new SandboxEnv({ timeZone: BENCH_TIME_ZONE, user: OWNERS[4], locale: 'en', frozenClock: opts.frozenClock });
  env.now = parseNow(`${BENCH_TODAY}T09:00`, BENCH_TIME_ZONE);
  const writer = new CellWriter(BENCH_TIME_ZONE);

  const orders: Row[] = [];
  const lines: Row[] = [];
  for (let i = 0; i < size.orders; i++) {
    const o = order(i, size.customers);
    orders.push(o);
    for (let j = 0; j < size.linesPerOrder; j++) lines.push(line(String(o.orderNo), j + 1, i * size.linesPerOrder + j, size.products));
  }
  size.documentOrders.forEach((d, k) => {
    // In production, no quotation or contract yet: documents get fresh numbers.
    orders.push({ ...order(k * 10 + 4, size.customers), orderNo: d.orderNo, customer: customerId(k % size.customers), quoteNo: '', quoteDate: '', quoteValidUntil: '', contractNo: '', contractDate: '' });
    for (let j = 0; j < d.lines; j++) lines.push(line(d.orderNo, j + 1, j, size.products));
  });

  const contacts = Array.from({ length: size.contacts }, (_, i) => contact(i, size.customers));
  const followUps: Row[] = [];
  for (const c of contacts) if (c.nextAction) followUps.push(contactFollowUp(followUps.length, c));
  for (let k = 0; followUps.length < size.followUps; k++) followUps.push(followUp(followUps.length, k, size.orders, size.customers));

  const tables: [LedgerKey, Row[]][] = [
    ['customers', Array.from({ length: size.customers }, (_, i) => customer(i))],
    ['products', Array.from({ length: size.products }, (_, i) => product(i))],
    ['orders', orders],
    ['orderLines', lines],
    ['contacts', contacts],
    ['followUps', followUps],
    ['pipeline', Array.from({ length: size.pipeline }, (_, i) => pipelineRow(i))],
    ['afterSales', Array.from({ length: size.afterSales }, (_, i) => afterSalesRow(i, size.orders, size.customers))],
  ];
  const counts: BuiltCounts = {};
  for (const [key, rows] of tables) {
    fillLedger(env, key, rows, writer);
    counts[key] = rows.length;
  }
  const settings = env.spreadsheet.addSheet(LEDGERS.settings.sheet.en);
  settings.values = settingsRows('en', BENCH_SETTINGS).map((row) => row.map((v) => toCell(v, env.spreadsheet, false).value));
  return { sandbox: Sandbox.fromDist(opts.distDir, env), size, counts };
}
