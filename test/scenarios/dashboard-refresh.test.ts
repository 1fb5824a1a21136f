// The Dashboard sheet through the real bundle: what it says, the charts made once, the daily refresh, and the
// cost of a refresh over 50,000 orders.
import type { Sandbox } from '../../src/sandbox/runtime';
import type { StepRecord } from '../../src/sandbox/call-ledger';
import { WallDate, type CellValue, type SheetModel } from '../../src/sandbox/spreadsheet/model';
import { LEDGERS } from '../../src/domain/ledgers/index';
import { addDaysToLocalDate, localDateToWall } from '../../src/domain/time/zone';
import { newSandbox, sheet } from './helpers';
import { SAMPLE, sampleWorkbook, steps } from './panel-fixtures';
import { expectWithinBudget } from '../support/cpu-budget';

/** Row `r` of the dashboard, as text. */
function line(d: SheetModel, r: number): string[] {
  return [1, 2, 3, 4, 5, 6].map((c) => String(d.get(r, c)));
}

/** The rows whose first cell starts with `label`. */
function rowStarting(d: SheetModel, label: string): number {
  for (let r = 1; r <= d.lastRow(); r++) if (String(d.get(r, 1)).startsWith(label)) return r;
  throw new Error(`no row "${label}"`);
}

const READS = /Range\.(getValues|getDisplayValues|getFormulas|getValue|getNotes)|Sheet\.getCharts|getDataValidations/;
const WRITES = /Range\.(setValues|setValue|setNumberFormat|setFontWeight|setBackground|setNote)|Sheet\.(setColumnWidth|insertChart|removeChart)/;

function count(step: StepRecord, re: RegExp): number {
  return Object.entries(step.byMethod).filter(([m]) => re.test(m)).reduce((n, [, v]) => n + v, 0);
}

describe('Refresh dashboard', () => {
  it('shows the order pipeline by stage, receivables, open quotations, shipments due, overdue follow-ups and after-sales', () => {
    const sb = sampleWorkbook();
    sb.click('menuRefreshDashboard');
    const d = sheet(sb, 'Dashboard');
    expect(line(d, 1).slice(0, 4)).toEqual(['Gendan dashboard', '', 'Refreshed at', expect.stringMatching(/^2026-03-02 10:\d\d \(Asia\/Shanghai\)$/)]);
    expect(line(d, 2)[0]).toMatch(/^Pipeline = the orders of the Orders sheet by stage\. Amounts in USD/);
    const stages = rowStarting(d, 'Stage');
    expect(line(d, stages).slice(0, 4)).toEqual(['Stage', 'Orders', 'Amount (USD)', 'Other currencies']);
    // Every order of the sample is counted once, in its stage.
    const counts = new Map<string, number>();
    for (const o of SAMPLE.orders ?? []) counts.set(String(o.stage), (counts.get(String(o.stage)) ?? 0) + 1);
    LEDGERS.orders.columns.find((c) => c.key === 'stage')?.options?.forEach((o, i) => {
      expect(line(d, stages + 1 + i).slice(0, 2)).toEqual([o.en, String(counts.get(o.code) ?? 0)]);
    });
    expect(line(d, rowStarting(d, 'Quoted')).slice(0, 4)).toEqual(['Quoted', '6', '81040', 'EUR 3,446.00 · GBP 8,720.40']);
    expect(line(d, rowStarting(d, 'Open orders')).slice(0, 2)).toEqual(['Open orders', '28']);
    expect(line(d, rowStarting(d, 'Deposits due')).slice(0, 2)).toEqual(['Deposits due', '3']);
    expect(line(d, rowStarting(d, 'Quotations awaiting a decision'))[0]).toBe('Quotations awaiting a decision: 6 (2 expired)');
    const shipping = rowStarting(d, 'Orders shipping in the next 14 days');
    expect(line(d, shipping)[0]).toBe('Orders shipping in the next 14 days: 3');
    expect([1, 2, 3].map((i) => line(d, shipping + 1 + i)[0])).toEqual(['SO-2026-0006', 'SO-2026-0004', 'SO-2026-0021']);
    const overdue = rowStarting(d, 'Overdue follow-ups per owner');
    expect(line(d, overdue)[0]).toBe('Overdue follow-ups per owner: 4');
    expect(line(d, overdue + 2).slice(0, 3)).toEqual(['wang.wei@example.com', '3', '2026-02-24']);
    expect(line(d, rowStarting(d, 'Open after-sales cases'))[0]).toBe('Open after-sales cases: 6 (3 overdue)');
  });

  it('draws four charts over fixed cells once, and then only rewrites the block: three reads, one write', () => {
    const sb = sampleWorkbook();
    sb.click('menuRefreshDashboard');
    const d = sheet(sb, 'Dashboard');
    expect(d.charts.map((c) => [c.type, c.options.title])).toEqual([
      ['COLUMN', 'Orders by stage'],
      ['COLUMN', 'Pipeline amount (USD)'],
      ['BAR', 'Overdue follow-ups per owner'],
      ['PIE', 'Open after-sales cases by type'],
    ]);
    const ids = d.charts.map((c) => c.id);
    const [again] = steps(sb, () => sb.click('menuRefreshDashboard'));
    expect(d.charts.map((c) => c.id)).toEqual(ids);
    expect(count(again, READS)).toBe(3);
    expect(count(again, WRITES)).toBe(1);
    expect(again.byMethod['SpreadsheetApp:Range.setValues']).toBe(1);
  });

  it('is redrawn after each daily sweep', () => {
    const sb = sampleWorkbook();
    sb.click('menuToggleAutomation');
    sb.advance(86_400_000);
    const d = sheet(sb, 'Dashboard');
    expect(String(d.get(1, 4))).toMatch(/^2026-03-03 /);
    expect(d.charts).toHaveLength(4);
  });

  it('is written in Chinese in a Chinese workbook', () => {
    const sb = sampleWorkbook({ locale: 'zh-CN' });
    sb.click('menuRefreshDashboard');
    const d = sheet(sb, '看板');
    expect(line(d, 1)[0]).toBe('跟单看板');
    expect(line(d, rowStarting(d, '阶段')).slice(0, 3)).toEqual(['阶段', '订单数', '金额（USD）']);
    expect(d.charts.map((c) => c.options.title)).toContain('各阶段订单数');
  });
});

describe('Refresh dashboard over 50,000 orders', () => {
  const STAGES = ['Inquiry', 'Quoted', 'Contracted', 'Deposit received', 'In production', 'Ready to ship', 'Shipped', 'Balance received', 'Completed', 'Lost'];
  const day = (i: number) => new WallDate(localDateToWall(addDaysToLocalDate('2025-06-01', i % 400)));
  const ORDER: Record<string, (i: number) => CellValue> = {
    orderNo: (i) => `SO-2026-${String(i).padStart(5, '0')}`,
    customer: (i) => `C-${String(i % 500).padStart(4, '0')}`,
    owner: (i) => ['li.na@example.com', 'wang.wei@example.com', 'owner@example.com'][i % 3],
    stage: (i) => STAGES[i % 10],
    inquiryDate: day,
    quoteDate: (i) => day(i + 3),
    quoteValidUntil: (i) => day(i + 33),
    contractDate: (i) => day(i + 10),
    currency: (i) => (i % 5 ? 'USD' : 'CNY'),
    totalAmount: (i) => 1000 + (i % 9973) * 3.17,
    paymentTerms: () => '30% deposit, 70% against B/L copy',
    depositPercent: () => 0.3,
    depositReceivedOn: (i) => (i % 2 ? day(i + 14) : ''),
    balanceDueOn: (i) => day(i + 90),
    tradeTerm: () => 'FOB',
    transport: () => 'Sea',
    portOfLoading: () => 'Ningbo',
    destinationPort: () => 'Los Angeles',
    deliveryDate: (i) => day(i + 60),
    factory: () => '余姚恒达五金厂',
    packagingRequirements: () => 'Export cartons, customer barcode labels',
    notes: (i) => (i % 7 ? '' : 'Call the factory before shipping'),
  };

  function bigWorkbook(): Sandbox {
    const sb = newSandbox({ user: 'li.na@example.com', now: '2026-03-02T10:00' });
    sb.click('menuSetup');
    const fill = (name: string, rows: number, make: Record<string, (i: number) => CellValue>, key: 'orders' | 'followUps') => {
      const s = sheet(sb, name);
      const keys = (s.values[0] as CellValue[]).map((h) => LEDGERS[key].columns.find((c) => c.header.en === h)?.key ?? '');
      for (let i = 0; i < rows; i++) s.values[i + 1] = keys.map((k) => (make[k] ? make[k](i) : ''));
    };
    fill('Orders', 50_000, ORDER, 'orders');
    fill('Follow-ups', 5_000, { id: (i) => `FU-${i}`, customer: (i) => `C-${String(i % 500).padStart(4, '0')}`, nextAction: () => 'Call', owner: (i) => `rep${i % 40}@example.com`, due: (i) => day(i + 200) }, 'followUps');
    sb.click('menuRefreshDashboard'); // the one-time layout: charts, formats
    return sb;
  }

  it('takes three reads, one write and well under 2 s of CPU', () => {
    const sb = bigWorkbook();
    const cpu = process.cpuUsage();
    const [step] = steps(sb, () => sb.click('menuRefreshDashboard'));
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    console.log(`dashboard refresh, 50,000 orders + 5,000 follow-ups: ${cpuMs.toFixed(0)} ms CPU (sandbox included), ${step.total} service calls: ${JSON.stringify(step.byMethod)}`);
    expect(count(step, READS)).toBe(3);
    expect(count(step, WRITES)).toBe(1);
    expectWithinBudget('dashboard refresh CPU, 50,000 orders', cpuMs, 2000);
    const d = sheet(sb, 'Dashboard');
    expect(String(d.get(rowStarting(d, 'Open orders'), 2))).toBe('40000');
    expect(String(d.get(rowStarting(d, 'Overdue follow-ups per owner'), 1))).toMatch(/: \d+$/);
  });
});
