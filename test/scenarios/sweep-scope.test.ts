// What the daily sweep recomputes and what it leaves to onEdit and to Refresh statuses now, how it hands its records
// to the dashboard it draws (each ledger read once), and repairs that take one run, through the real bundle.
import type { Sandbox } from '../../src/sandbox/runtime';
import { WallDate, type SheetModel } from '../../src/sandbox/spreadsheet/model';
import { localDateToWall } from '../../src/domain/time/zone';
import { DIST, traceOf } from '../reliability/crash-kit';
import { buildWorkbook, sizeFor } from '../../bench/synthetic-workbook';
import { cpuMsOf, expectWithinBudget } from '../support/cpu-budget';
import { cell, headerCol, sheet } from './helpers';
import { sampleWorkbook } from './panel-fixtures';

const DAY_MS = 86_400_000;

function rowOf(s: SheetModel, header: string, value: string): number {
  const c = headerCol(s, header);
  for (let r = 2; r <= s.lastRow(); r++) if (s.get(r, c) === value) return r;
  throw new Error(`no ${value} in ${s.name}!${header}`);
}

/** Writes a cell straight into the sheet, as a change onEdit never saw (a third queued edit, another script). */
function setUnseen(s: SheetModel, row: number, header: string, value: string | number): void {
  s.set(row, headerCol(s, header), /^\d{4}-\d\d-\d\d$/.test(String(value)) ? new WallDate(localDateToWall(String(value))) : value);
}

/** The sample workbook with the daily updates on, the morning after. */
function nextMorning(): Sandbox {
  const sb = sampleWorkbook();
  sb.click('menuToggleAutomation');
  sb.env.now += DAY_MS;
  return sb;
}

/** Round trips per sheet of a trace. */
function perSheet(trace: ReturnType<typeof traceOf>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of trace) if (c.sheet) out.set(c.sheet, (out.get(c.sheet) ?? 0) + c.roundTrips);
  return out;
}

function dashboard(sb: Sandbox): string[][] {
  const d = sheet(sb, 'Dashboard');
  return d.values.map((r) => (r ?? []).map((v) => String(v)));
}

describe('the daily sweep', () => {
  it('recomputes what time changes, leaves line amounts and order totals to onEdit, and reads neither Order lines nor Products', () => {
    const sb = nextMorning();
    const lines = sheet(sb, 'Order lines');
    const orders = sheet(sb, 'Orders');
    const fu = sheet(sb, 'Follow-ups');
    const order = rowOf(orders, 'Order no.', 'SO-2025-0087');
    setUnseen(lines, 2, 'Amount', 1);
    setUnseen(orders, order, 'Total amount', 5);
    const dueYesterday = rowOf(fu, 'ID', 'FU-0005');
    expect([cell(fu, dueYesterday, 'Due'), cell(fu, dueYesterday, 'Status')]).toEqual(['2026-03-02', 'Pending']);

    const trace = traceOf(sb, () => sb.trigger('triggerDailySweep'));
    expect(cell(fu, dueYesterday, 'Status')).toBe('Overdue');
    expect([cell(lines, 2, 'Amount'), cell(orders, order, 'Total amount')]).toEqual([1, 5]);
    expect(trace.filter((c) => c.sheet === 'Order lines' || c.sheet === 'Products')).toEqual([]);
    // The read, the re-read of the block about to be written, the write; the dashboard reads nothing again.
    for (const [name, n] of perSheet(trace)) if (name !== 'Dashboard') expect({ name, calls: n }).toEqual({ name, calls: Math.min(n, 3) });

    sb.click('menuRefreshStatuses');
    expect([cell(lines, 2, 'Amount'), cell(orders, order, 'Total amount')]).toEqual([20400, 26020]);
  });

  it('reads each ledger once and draws the dashboard from its records as it leaves them: what a refresh right after draws', () => {
    const sb = nextMorning();
    // A contact typed while onEdit could not run, with a next action due yesterday: the sweep numbers it and makes
    // its follow-up, overdue at once.
    const contacts = sheet(sb, 'Contact log');
    const row = contacts.lastRow() + 1;
    setUnseen(contacts, row, 'Date', '2026-03-01');
    setUnseen(contacts, row, 'Customer', 'C-0005');
    setUnseen(contacts, row, 'Next action', 'Send the matte black samples');
    setUnseen(contacts, row, 'Owner', 'li.na@example.com');
    setUnseen(contacts, row, 'Due', '2026-03-01');
    const fu = sheet(sb, 'Follow-ups');
    const followUps = fu.lastRow();
    const ledgers = ['Customers', 'Orders', 'Contact log', 'Follow-ups', 'Pipeline', 'After-sales'];
    const heights = new Map(ledgers.map((name) => [name, sheet(sb, name).lastRow()]));

    const trace = traceOf(sb, () => sb.trigger('triggerDailySweep'));
    for (const name of ledgers) {
      const whole = trace.filter((c) => c.sheet === name && c.method === 'getValues' && c.rows === heights.get(name));
      expect({ name, wholeReads: whole.length }).toEqual({ name, wholeReads: 1 });
    }
    expect(fu.lastRow()).toBe(followUps + 1);
    expect([cell(fu, followUps + 1, 'Next action'), cell(fu, followUps + 1, 'Status')]).toEqual(['Send the matte black samples', 'Overdue']);
    // The customer's next follow-up counts the follow-up made in the same run.
    const customers = sheet(sb, 'Customers');
    expect(cell(customers, rowOf(customers, 'Customer ID', 'C-0005'), 'Next follow-up')).toBe('2026-03-01');

    const drawn = dashboard(sb);
    expect(drawn[0][3]).toMatch(/^2026-03-03 /);
    let overdue = 0;
    for (let r = 2; r <= fu.lastRow(); r++) if (cell(fu, r, 'Status') === 'Overdue') overdue++;
    expect(drawn.find((r) => String(r[0]).startsWith('Overdue follow-ups per owner'))?.[0]).toBe(`Overdue follow-ups per owner: ${overdue}`);
    sb.click('menuRefreshDashboard');
    const again = dashboard(sb);
    drawn[0][3] = again[0][3] = 'stamp';
    expect(drawn).toEqual(again);
  });

  it('gives the follow-up of a contact whose due date moved the new date and the status that goes with it, in one run', () => {
    const sb = nextMorning();
    const contacts = sheet(sb, 'Contact log');
    const fu = sheet(sb, 'Follow-ups');
    const f = rowOf(fu, 'Source', 'contact:CT-0003');
    expect([cell(fu, f, 'Due'), cell(fu, f, 'Status')]).toEqual(['2026-02-25', 'Overdue']);
    setUnseen(contacts, rowOf(contacts, 'Contact ID', 'CT-0003'), 'Due', '2026-03-20');
    sb.trigger('triggerDailySweep');
    expect([cell(fu, f, 'Due'), cell(fu, f, 'Status')]).toEqual(['2026-03-20', 'Pending']);
  });
});

describe('the daily sweep over 50,000 orders, 100,000 follow-ups and 20,000 contacts', () => {
  it('takes at most three calls per ledger and CPU within its 2 s budget (the bench workbook)', () => {
    const { sandbox: sb } = buildWorkbook(sizeFor(50_000), { distDir: DIST });
    // As in use: statuses kept by Gendan, the daily updates on; then a day passes.
    sb.click('menuRefreshStatuses');
    sb.click('menuToggleAutomation');
    sb.env.now += DAY_MS;
    let trace: ReturnType<typeof traceOf> = [];
    const ms = cpuMsOf(() => {
      trace = traceOf(sb, () => sb.trigger('triggerDailySweep'));
    });
    const calls = perSheet(trace);
    expect([...calls].filter(([name, n]) => name !== 'Dashboard' && n > 3)).toEqual([]);
    expect(calls.get('Order lines') ?? 0).toBe(0);
    // It did the day's work: follow-ups turned overdue were written.
    expect(trace.some((c) => c.sheet === 'Follow-ups' && c.method === 'setValues')).toBe(true);
    expectWithinBudget('daily sweep CPU, 50,000 orders (sandbox included)', ms, 2000);
  }, 120_000);
});
