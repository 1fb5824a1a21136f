// The sample data (sheets-template/sample-data.json) and sampleRows: it covers every case the demo shows, refers to
// itself consistently, and survives being written into sheets and read back in either language.
import sample from '../../sheets-template/sample-data.json';
import { LEDGERS, type LedgerKey } from '../../src/domain/ledgers/index';
import { parseLedger } from '../../src/domain/ledgers/parse';
import { recordSchema } from '../../src/domain/ledgers/record-schema';
import { AFTER_SALES_TYPES, ORDER_STAGES, PIPELINE_STAGES } from '../../src/domain/ledgers/records';
import { sampleRows, type SampleData } from '../../src/domain/ledgers/sample-rows';
import type { LedgerDef } from '../../src/domain/ledgers/schema-types';
import { parseSettings } from '../../src/domain/settings';
import { asStored, SHANGHAI } from './ledgers-fixtures';

const data: SampleData = sample;
const TODAY = '2026-03-02';
type Row = Record<string, unknown>;
const rowsOf = (key: Exclude<LedgerKey, 'settings'>) => (data[key] ?? []) as Row[];
const customers = rowsOf('customers');
const products = rowsOf('products');
const orders = rowsOf('orders');
const lines = rowsOf('orderLines');
const contacts = rowsOf('contacts');
const followUps = rowsOf('followUps');
const pipeline = rowsOf('pipeline');
const afterSales = rowsOf('afterSales');
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The sample record as parseLedger gives it back: instants as epoch ms. */
function expectedRecord(key: LedgerKey, rec: Row, row: number): Row {
  const out: Row = { _row: row };
  for (const c of LEDGERS[key].columns) {
    const v = rec[c.key];
    if (v === undefined) continue;
    out[c.key] = c.type === 'datetime' && typeof v === 'string' ? Date.parse(v) : v;
  }
  if (LEDGERS[key].idAutoIfBlank && LEDGERS[key].idColumn && out[LEDGERS[key].idColumn] === undefined) out[LEDGERS[key].idColumn] = '';
  return out;
}

describe('sample data', () => {
  it('is set on Monday 2026-03-02 in Asia/Shanghai', () => {
    expect(data.today).toBe(TODAY);
    expect(data.timeZone).toBe(SHANGHAI);
    expect(new Date(`${TODAY}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('has a dozen customers across time zones and languages', () => {
    expect(customers.length).toBeGreaterThanOrEqual(12);
    const zones = customers.map((c) => c.timeZone);
    expect(zones).toEqual(expect.arrayContaining(['America/Los_Angeles', 'Asia/Riyadh', 'Asia/Shanghai']));
    expect(zones.some((z) => str(z).startsWith('Europe/'))).toBe(true);
    expect(customers.find((c) => c.timeZone === 'Asia/Riyadh')?.country).toBe('Saudi Arabia');
    expect(new Set(customers.map((c) => c.language)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(customers.map((c) => c.customerId)).size).toBe(customers.length);
  });

  it('has products with carton data', () => {
    expect(products.length).toBeGreaterThanOrEqual(8);
    for (const p of products) expect(p).toEqual(expect.objectContaining({ pcsPerCarton: expect.any(Number), nwPerCarton: expect.any(Number), gwPerCarton: expect.any(Number), cbmPerCarton: expect.any(Number), cartonSize: expect.any(String) }));
  });

  it('has 30+ orders covering every stage and the cases reminders and statuses are about', () => {
    expect(orders.length).toBeGreaterThanOrEqual(30);
    expect(new Set(orders.map((o) => o.stage))).toEqual(new Set(ORDER_STAGES));
    const lost = orders.filter((o) => o.stage === 'lost');
    expect(lost.length).toBeGreaterThan(0);
    for (const o of lost) expect(str(o.lostReason)).toBeTruthy();
    const shippedOrLater = ['shipped', 'balance', 'completed'];
    // overdue delivery: delivery date passed, not shipped
    expect(orders.some((o) => str(o.deliveryDate) < TODAY && !o.shippedOn && !shippedOrLater.includes(str(o.stage)) && o.stage !== 'lost')).toBe(true);
    // expired quotation while quoted
    expect(orders.some((o) => o.stage === 'quoted' && str(o.quoteValidUntil) < TODAY)).toBe(true);
    // balance overdue: due date passed, unpaid
    expect(orders.some((o) => o.stage === 'shipped' && str(o.balanceDueOn) < TODAY && !o.balanceReceivedOn)).toBe(true);
    // delivery within three days
    expect(orders.some((o) => str(o.deliveryDate) >= TODAY && str(o.deliveryDate) <= '2026-03-05' && !o.shippedOn)).toBe(true);
    expect(new Set(orders.map((o) => o.orderNo)).size).toBe(orders.length);
  });

  it('has several lines per order, consistent with the products and totals', () => {
    const byOrder = new Map<string, Row[]>();
    for (const l of lines) byOrder.set(str(l.orderNo), [...(byOrder.get(str(l.orderNo)) ?? []), l]);
    for (const o of orders) expect(byOrder.get(str(o.orderNo))?.length).toBeGreaterThanOrEqual(1);
    expect(orders.filter((o) => (byOrder.get(str(o.orderNo))?.length ?? 0) >= 2).length).toBeGreaterThanOrEqual(20);
    const codes = new Set(products.map((p) => p.code));
    for (const l of lines) {
      expect(codes.has(l.productCode)).toBe(true);
      expect(l.amount).toBeCloseTo(Number(l.quantity) * Number(l.unitPrice), 2);
    }
    for (const o of orders) {
      const sum = (byOrder.get(str(o.orderNo)) ?? []).reduce((s, l) => s + Number(l.amount), 0);
      expect(o.totalAmount).toBeCloseTo(sum, 2);
    }
  });

  it('refers only to customers, orders and contacts that exist', () => {
    const ids = new Set(customers.map((c) => c.customerId));
    for (const o of orders) expect(ids.has(o.customer)).toBe(true);
    const contactIds = new Set(contacts.map((c) => c.contactId));
    for (const f of followUps) {
      const source = str(f.source);
      if (source.startsWith('contact:')) expect(contactIds.has(source.slice(8))).toBe(true);
    }
  });

  it('has contacts with next actions and follow-ups overdue, due today, upcoming and done', () => {
    expect(contacts.filter((c) => c.nextAction).length).toBeGreaterThanOrEqual(10);
    const open = followUps.filter((f) => f.status !== 'done');
    expect(open.some((f) => str(f.due) < TODAY)).toBe(true);
    expect(open.some((f) => f.due === TODAY)).toBe(true);
    expect(open.some((f) => str(f.due) > TODAY)).toBe(true);
    expect(followUps.filter((f) => f.status === 'done').every((f) => f.doneOn)).toBe(true);
    expect(followUps.some((f) => f.status === 'done')).toBe(true);
    expect(followUps.some((f) => f.status === 'in-progress')).toBe(true);
  });

  it('has pipeline projects in all eight stages and lost, and after-sales cases of every type', () => {
    expect(new Set(pipeline.map((p) => p.stage))).toEqual(new Set(PIPELINE_STAGES));
    expect(new Set(afterSales.map((a) => a.type))).toEqual(new Set(AFTER_SALES_TYPES));
  });

  it('assigns owners among the staff', () => {
    const owners = new Set([...customers, ...orders, ...followUps].map((r) => r.owner).filter(Boolean));
    expect(owners).toEqual(new Set(['li.na@example.com', 'wang.wei@example.com', 'owner@example.com']));
  });
});

describe('sampleRows', () => {
  const ledgers: Exclude<LedgerKey, 'settings'>[] = ['customers', 'products', 'orders', 'orderLines', 'contacts', 'followUps', 'pipeline', 'afterSales', 'reminderLog', 'mailTemplates'];

  it.each(ledgers.flatMap((k) => [[k, 'en'], [k, 'zh']] as const))('%s (%s headers) is read back exactly, without an issue', (key, lang) => {
    const { header, rows } = sampleRows(key, lang, data);
    expect(header).toEqual(LEDGERS[key].columns.map((c) => c.header[lang]));
    const ledger: LedgerDef = LEDGERS[key];
    const result = parseLedger(ledger, header, rows.map((r) => r.map(asStored)), { sheetName: ledger.sheet[lang], timeZone: SHANGHAI, locale: 'zh_CN' });
    expect(result.issues).toEqual([]);
    expect(result.records).toEqual(rowsOf(key).map((rec, i) => expectedRecord(key, rec, i + 2)));
    for (const record of result.records) expect(recordSchema(ledger).safeParse(record).success).toBe(true);
  });

  it('writes enum labels and Date cells in the chosen language', () => {
    const { rows } = sampleRows('orders', 'zh', data);
    const stage = LEDGERS.orders.columns.findIndex((c) => c.key === 'stage');
    const delivery = LEDGERS.orders.columns.findIndex((c) => c.key === 'deliveryDate');
    expect(rows[0][stage]).toBe('已完成');
    expect((rows[0][delivery] as Date).toISOString()).toBe('2025-11-09T16:00:00.000Z');
  });

  it('moves every date and instant to another "today"', () => {
    const { header, rows } = sampleRows('orders', 'en', data, { today: '2026-03-09' });
    const result = parseLedger(LEDGERS.orders, header, rows.map((r) => r.map(asStored)), { sheetName: 'Orders', timeZone: SHANGHAI, locale: 'en_US' });
    expect(result.records[0].deliveryDate).toBe('2025-11-17');
    expect(result.records[0].updated).toBe(Date.parse(str(orders[0].updated)) + 7 * 86_400_000);
  });

  it('gives the settings rows with the demo company, which parse back', () => {
    const { header, rows } = sampleRows('settings', 'zh', data);
    expect(header).toEqual(['设置项', '值', '说明']);
    const { settings, issues } = parseSettings([header, ...rows.map((r) => r.map(asStored))], { timeZone: SHANGHAI });
    expect(issues).toEqual([]);
    expect(settings['company.name.zh']).toBe('宁波明港贸易有限公司');
    expect(settings['company.phone']).toBe('+86 574 8765 4321');
    expect(settings['currency.default']).toBe('USD');
  });

  it('refuses sample records with a field that is no column', () => {
    const bad: SampleData = { ...data, orders: [{ orderNo: 'SO-1', customer: 'C-1', colour: 'red' }] };
    expect(() => sampleRows('orders', 'en', bad)).toThrow('sample data: orders[0] has "colour", which is no column of Orders');
    const badDate: SampleData = { ...data, orders: [{ orderNo: 'SO-1', customer: 'C-1', deliveryDate: '2026/3/2' }] };
    expect(() => sampleRows('orders', 'en', badDate)).toThrow('is not YYYY-MM-DD');
  });
});
