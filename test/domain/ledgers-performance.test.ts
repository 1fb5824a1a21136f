// Parsing speed: 50,000 order rows with every Orders column filled, as getValues returns them (Dates from another
// realm, numbers, labels), must parse in well under a second of CPU.
import vm from 'node:vm';
import { LEDGERS } from '../../src/domain/ledgers/index';
import { parseLedger } from '../../src/domain/ledgers/parse';
import { addDaysToLocalDate, startOfLocalDate } from '../../src/domain/time/zone';
import { SHANGHAI } from './ledgers-fixtures';
import { expectWithinBudget } from '../support/cpu-budget';

const ORDERS = LEDGERS.orders;
const ROWS = 50_000;
const makeDate = vm.runInNewContext('(ms) => new Date(ms)') as (ms: number) => Date;
const STAGES = ['Inquiry', 'Quoted', '已签约', 'Deposit received', 'In production', '待出货', 'Shipped', 'Balance received', 'Completed', 'Lost'];
const OWNERS = ['li.na@example.com', 'wang.wei@example.com', 'owner@example.com'];

function day(i: number, offset: number): Date {
  return makeDate(startOfLocalDate(addDaysToLocalDate('2025-06-01', (i + offset) % 400), SHANGHAI));
}

function orderRow(i: number): unknown[] {
  const values: Record<string, unknown> = {
    orderNo: `SO-2026-${String(i).padStart(5, '0')}`, customer: `C-${String(i % 500).padStart(4, '0')}`, owner: OWNERS[i % 3], stage: STAGES[i % 10], status: i % 4 ? 'Pending' : '已逾期',
    stageSince: day(i, 30), paymentStatus: i % 2 ? 'Deposit received' : 'Balance due', inquiryDate: day(i, 0), quoteNo: `QT-2026-${i}`, quoteDate: day(i, 3), quoteValidUntil: day(i, 33),
    contractNo: `SC-2026-${i}`, contractDate: day(i, 10), currency: i % 5 ? 'USD' : 'CNY', totalAmount: 1000 + (i % 9973) * 3.17, paymentTerms: '30% deposit, 70% against B/L copy',
    depositPercent: 0.3, depositReceivedOn: day(i, 14), balanceDueOn: day(i, 90), balanceReceivedOn: day(i, 88), tradeTerm: 'FOB', transport: i % 3 ? 'Sea' : '空运', portOfLoading: 'Ningbo',
    destinationPort: 'Los Angeles', deliveryDate: day(i, 60), factory: '余姚恒达五金厂', factoryPoNo: `PO-2026-${i}`, productionProgress: (i % 11) / 10, shippedOn: day(i, 62), blNo: `COSU${1_000_000 + i}`,
    trackingNo: `1Z${i}`, eta: day(i, 85), packagingRequirements: 'Export cartons, customer barcode labels', shippingMarks: 'PHS / LOS ANGELES / C/NO. 1-UP', qualityRequirements: 'AQL 2.5',
    lostReason: i % 10 === 9 ? 'Price' : '', notes: i % 7 ? '' : 'Call the factory before shipping', shippingNoticeNo: `SN-2026-${i}`, invoiceNo: `CI-2026-${i}`,
    documents: `https://docs.google.com/document/d/${i}`, updated: makeDate(Date.UTC(2026, 1, 28, 3, i % 60)),
  };
  return ORDERS.columns.map((c) => values[c.key] ?? '');
}

describe('parseLedger performance', () => {
  it(`parses ${ROWS.toLocaleString('en')} order rows × all ${ORDERS.columns.length} Orders columns in under 1,000 ms of CPU`, () => {
    const header = ORDERS.columns.map((c) => c.header.en);
    const rows = Array.from({ length: ROWS }, (_, i) => orderRow(i));
    const ctx = { sheetName: 'Orders', timeZone: SHANGHAI, locale: 'en_US' };
    parseLedger(ORDERS, header, rows.slice(0, 200), ctx); // builds the cached schemas and lookups

    const cpu = process.cpuUsage();
    const wall = process.hrtime.bigint();
    const result = parseLedger(ORDERS, header, rows, ctx);
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const wallMs = Number(process.hrtime.bigint() - wall) / 1e6;
    console.log(`parseLedger: ${ROWS} orders × ${ORDERS.columns.length} columns: ${cpuMs.toFixed(0)} ms CPU, ${wallMs.toFixed(0)} ms wall`);

    expect(result.issues).toEqual([]);
    expect(result.records).toHaveLength(ROWS);
    expect(result.records[ROWS - 1]).toMatchObject({ _row: ROWS + 1, stage: 'lost', lostReason: 'Price', depositPercent: 0.3, transport: 'sea' });
    expectWithinBudget('parseLedger, 50,000 orders', cpuMs, 1000);
  });
});
