// The budgets of a reminder run, counted in the sandbox: one read per ledger, one Reminder log write, mail calls
// equal to the mails produced (one draft each; a sent mail is that draft, sent), and under 2 s of CPU over 50,000
// orders and 100,000 follow-ups.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Sandbox } from '../../src/sandbox/runtime';
import { WallDate, type SheetModel } from '../../src/sandbox/spreadsheet/model';
import { mailRecords } from '../../src/sandbox/mail/index';
import { LEDGERS, type LedgerKey } from '../../src/domain/ledgers/index';
import { addDaysToLocalDate, localDateToWall } from '../../src/domain/time/zone';
import { LA, LI, RIYADH, SHANGHAI, addCustomers, addQuotedOrders, addRows, allMail, ledgerSheet, seedInvoice, setSetting, setUpWorkbook, wall } from './reminders-fixtures';
import { expectWithinBudget } from '../support/cpu-budget';

/** The step record of the last run of `step`. */
function lastStep(sb: Sandbox, step: string) {
  const s = sb.env.ledger.allSteps().filter((x) => x.step === step).pop();
  if (!s) throw new Error(`no step ${step}`);
  return s;
}

const MAIL_METHODS = ['Gmail:Drafts.create', 'Gmail:Drafts.send', 'Gmail:Drafts.list', 'Gmail:Drafts.get', 'Gmail:Drafts.remove', 'Gmail:Messages.send', 'MailApp:MailApp.sendEmail'];

describe('the calls of one reminder run', () => {
  it('reads each ledger once, writes the Reminder log once, and makes one mail call per mail (two for a sent one)', () => {
    const sb = setUpWorkbook('2026-03-02T09:00');
    addCustomers(sb, [LA, RIYADH, SHANGHAI]);
    addQuotedOrders(sb, [
      { no: 'SO-LA', customer: LA, quoteDate: '2026-03-02' },
      { no: 'SO-RUH', customer: RIYADH, quoteDate: '2026-03-02' },
      { no: 'SO-SHA', customer: SHANGHAI, quoteDate: '2026-03-02' },
    ]);
    const [shipped] = addRows(sb, 'orders', [{ 'Order no.': 'SO-SHIP', Customer: SHANGHAI.id, Owner: LI, Stage: 'Shipped', 'Shipped on': '2026-03-09', 'Invoice no.': 'CI-1', 'Tracking no.': 'T-1', Transport: 'Air', ETA: '2026-03-12', 'Destination port': 'Shanghai' }]);
    seedInvoice(sb, shipped!, 'CI-1');
    addRows(sb, 'followUps', [{ ID: 'FU-000001', Customer: LA.id, 'Next action': 'Call about samples', Owner: LI, Due: '2026-03-09' }]);
    setSetting(sb, 'mail.customer-mode', 'send');
    // Sunday 15:00 in Riyadh, Monday 20:00 in Shanghai (outside hours), Monday 05:00 in Los Angeles: only Riyadh is open.
    sb.env.now = wall('2026-03-08T15:00', 'Asia/Riyadh') + 86_400_000;
    sb.click('menuRemindersRun');
    const step = lastStep(sb, '--call menuRemindersRun');
    const made = mailRecords(sb.env);
    const sent = made.filter((m) => m.kind === 'sent').length;

    // Settings, Customers, Orders, Contact log, Follow-ups, After-sales, Mail templates, Reminder log: one read each.
    expect(step.byMethod['SpreadsheetApp:Range.getValues']).toBe(8);
    // The Contact log rows, then the Reminder log rows: one block each.
    expect(step.byMethod['SpreadsheetApp:Range.setValues']).toBe(2);
    expect(step.byMethod['MailApp:MailApp.getRemainingDailyQuota']).toBe(1);
    expect(made.length).toBeGreaterThan(1);
    expect(step.byMethod['Gmail:Drafts.create']).toBe(made.length);
    expect(step.byMethod['Gmail:Drafts.send']).toBe(sent);
    const other = MAIL_METHODS.filter((m) => m !== 'Gmail:Drafts.create' && m !== 'Gmail:Drafts.send').map((m) => step.byMethod[m] ?? 0);
    expect(other.every((n) => n === 0)).toBe(true);
    // One PDF export for the one attachment (the Shanghai mail waits for working hours, so none here).
    expect(step.byMethod['DocumentApp:Document.getAs'] ?? 0).toBe(allMail(sb).filter((m) => m.raw.includes('application/pdf')).length);
    expect(step.modeledMs).toBeLessThan(60_000);
  });

  it('a run with nothing new reads, checks and writes nothing else', () => {
    const sb = setUpWorkbook('2026-03-02T09:00');
    sb.env.now = wall('2026-03-09T10:00', 'Asia/Shanghai');
    sb.click('menuRemindersRun');
    const step = lastStep(sb, '--call menuRemindersRun');
    expect(step.byMethod['SpreadsheetApp:Range.getValues']).toBe(8);
    expect(step.byMethod['SpreadsheetApp:Range.setValues'] ?? 0).toBe(0);
    expect(MAIL_METHODS.map((m) => step.byMethod[m] ?? 0)).toEqual(MAIL_METHODS.map(() => 0));
    expect(step.byMethod['PropertiesService:Properties.setProperty'] ?? 0).toBe(0);
  });
});

/** A small deterministic generator (LCG): every run builds the same workbook. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Fills a ledger sheet below its header with rows given by English header, as Sheets holds them (dates as dates). */
function fill(sheet: SheetModel, key: LedgerKey, rows: Record<string, string | number | WallDate>[]): void {
  const headers = LEDGERS[key].columns.map((c) => c.header.en);
  const colOf = new Map<string, number>();
  for (let c = 1; c <= sheet.lastColumn(); c++) colOf.set(String(sheet.get(1, c)), c);
  const width = sheet.lastColumn();
  const header = sheet.values[0] ?? [];
  sheet.values = [header];
  for (const row of rows) {
    const cells: (string | number | WallDate)[] = new Array(width).fill('');
    for (const h of headers) {
      const v = row[h];
      const c = colOf.get(h);
      if (v !== undefined && c) cells[c - 1] = v;
    }
    sheet.values.push(cells);
  }
}

function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc === 'function') gc();
  } catch {
    // without a collector handle the measurement includes some garbage of building the workbook
  }
}

function cpuMs(fn: () => void): number {
  collectGarbage();
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The large workbook: 5,000 customers, 50,000 orders, 100,000 follow-ups, 20,000 contacts, the same every time. */
function largeWorkbook(): Sandbox {
  const sb = setUpWorkbook('2026-03-02T09:00');
  const rnd = random(20260309);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const dates = Array.from({ length: 241 }, (_, i) => new WallDate(localDateToWall(addDaysToLocalDate('2026-03-09', i - 180))));
  const staff = Array.from({ length: 12 }, (_, i) => `rep${i}@team.example.com`);
  const places = [
    ['China', 'Asia/Shanghai', 'zh'],
    ['United States', 'America/Los_Angeles', 'en'],
    ['Saudi Arabia', 'Asia/Riyadh', 'ar'],
    ['Germany', 'Europe/Berlin', 'de'],
  ] as const;
  const stages = ['Inquiry', 'Quoted', 'Contracted', 'Deposit received', 'In production', 'Ready to ship', 'Shipped', 'Balance received', 'Completed', 'Lost'];
  const maybe = <T>(p: number, v: () => T): T | '' => (rnd() < p ? v() : '');
  const customers = Array.from({ length: 5_000 }, (_, i) => {
    const [country, zone, language] = pick(places);
    return { 'Customer ID': `C-${String(i + 1).padStart(5, '0')}`, 'Customer name': `Customer ${i + 1} Trading Co.`, Country: country, 'Time zone': zone, Language: language, Contact: `Buyer ${i}`, Email: `buyer${i}@example.com`, Owner: pick(staff) };
  });
  fill(ledgerSheet(sb, 'customers'), 'customers', customers);
  fill(
    ledgerSheet(sb, 'orders'),
    'orders',
    Array.from({ length: 50_000 }, (_, i) => ({
      'Order no.': `SO-2026-${String(i + 1).padStart(5, '0')}`,
      Customer: pick(customers)['Customer ID'],
      Owner: pick(staff),
      Stage: pick(stages),
      'Inquiry date': maybe(0.8, () => pick(dates)),
      'Quote no.': maybe(0.5, () => `QT-${i}`),
      'Quote date': maybe(0.6, () => pick(dates)),
      'Delivery date': maybe(0.7, () => pick(dates)),
      'Shipped on': maybe(0.3, () => pick(dates)),
      'Balance due on': maybe(0.4, () => pick(dates)),
      ETA: maybe(0.3, () => pick(dates)),
      'Invoice no.': maybe(0.3, () => `CI-${i}`),
      'Total amount': Math.round(rnd() * 100_000),
      'Deposit %': 0.3,
      Currency: 'USD',
      Factory: 'Ningbo Factory',
    })),
  );
  fill(
    ledgerSheet(sb, 'followUps'),
    'followUps',
    Array.from({ length: 100_000 }, (_, i) => ({
      ID: `FU-${String(i + 1).padStart(6, '0')}`,
      Customer: pick(customers)['Customer ID'],
      'Next action': 'Send the revised quotation',
      Owner: pick(staff),
      Due: maybe(0.95, () => pick(dates)),
      Status: pick(['Pending', 'In progress', 'Done', 'Overdue']),
    })),
  );
  fill(ledgerSheet(sb, 'contacts'), 'contacts', Array.from({ length: 20_000 }, () => ({ Date: pick(dates), Customer: pick(customers)['Customer ID'], Channel: 'Email', Topic: 'Price' })));
  sb.env.now = wall('2026-03-09T10:00', 'Asia/Shanghai');

  return sb;
}

/**
 * CPU milliseconds of `run` on a fresh large workbook: the best of `tries` (CPU time on a shared machine is noisy, and
 * a first run cannot be repeated on the same workbook); the sandbox of the best try is returned.
 */
function bestOf(tries: number, run: (sb: Sandbox) => void): { ms: number; sb: Sandbox } {
  let best: { ms: number; sb: Sandbox } | undefined;
  for (let i = 0; i < tries; i++) {
    const sb = largeWorkbook();
    const ms = cpuMs(() => run(sb));
    if (!best || ms < best.ms) best = { ms, sb };
    if (ms < 1500) break;
  }
  return best as { ms: number; sb: Sandbox };
}

describe('a reminder run over 50,000 orders and 100,000 follow-ups', () => {
  let sb: Sandbox;

  it('first run (every reminder new): under 2 s of CPU, one read per ledger, one log write', () => {
    const best = bestOf(3, (s) => s.click('menuRemindersRun'));
    sb = best.sb;
    const step = lastStep(sb, '--call menuRemindersRun');
    const logRows = ledgerSheet(sb, 'reminderLog').lastRow() - 1;
    console.log(`first run: ${logRows} log rows, ${mailRecords(sb.env).length} mails, ${step.total} calls, CPU ${best.ms.toFixed(0)} ms, modeled ${(step.modeledMs / 1000).toFixed(1)} s`);
    expect(step.byMethod['SpreadsheetApp:Range.getValues']).toBe(8);
    expect(step.byMethod['SpreadsheetApp:Range.setValues']).toBe(2);
    expect(step.byMethod['Gmail:Drafts.create']).toBe(mailRecords(sb.env).length);
    expect(logRows).toBeGreaterThan(1_000);
    expectWithinBudget('first reminder run CPU, 50,000 orders', best.ms, 2000);
  });

  it('the next hours (everything due is logged or waiting): under 2 s of CPU', () => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      sb.env.now += 3_600_000;
      const before = mailRecords(sb.env).length;
      const ms = cpuMs(() => sb.click('menuRemindersRun'));
      const step = lastStep(sb, '--call menuRemindersRun');
      console.log(`next run: ${mailRecords(sb.env).length - before} mails, ${step.total} calls, CPU ${ms.toFixed(0)} ms, modeled ${(step.modeledMs / 1000).toFixed(1)} s`);
      expect(step.byMethod['SpreadsheetApp:Range.getValues']).toBe(8);
      best = Math.min(best, ms);
    }
    expectWithinBudget('next reminder runs CPU, 50,000 orders', best, 2000);
  });

  it('the next day’s digest run (every open item listed again, a row only for the new ones): under 2 s of CPU', () => {
    // 10:00 the next day: each rep's digest lists their most urgent open items again, yesterday's included.
    sb.env.now += 24 * 3_600_000 - 3 * 3_600_000;
    const before = mailRecords(sb.env).length;
    const logBefore = ledgerSheet(sb, 'reminderLog').lastRow();
    const ms = cpuMs(() => sb.click('menuRemindersRun'));
    const step = lastStep(sb, '--call menuRemindersRun');
    const made = mailRecords(sb.env).slice(before);
    const digests = allMail(sb).slice(before).filter((m) => m.key.startsWith('digest:'));
    const logRows = ledgerSheet(sb, 'reminderLog').lastRow() - logBefore;
    console.log(`next day's run: ${digests.length} digests, ${made.length} mails, ${logRows} log rows, ${step.total} calls, CPU ${ms.toFixed(0)} ms, modeled ${(step.modeledMs / 1000).toFixed(1)} s`);
    expect(digests.length).toBe(12);
    // Every rep has hundreds of open items: each digest lists the 100 most urgent, the first day's among them.
    expect(digests.every((d) => / [1-9]\d* overdue/.test(d.subject) && !/overdue \(100 new\)/.test(d.subject))).toBe(true);
    expect(step.byMethod['SpreadsheetApp:Range.getValues']).toBe(8);
    expect(step.byMethod['SpreadsheetApp:Range.setValues']).toBe(2);
    expect(step.byMethod['Gmail:Drafts.create']).toBe(made.length);
    expect(logRows).toBeLessThan(made.length + 12 * 100);
    expectWithinBudget('next day’s reminder run CPU, 50,000 orders', ms, 2000);
  });
});
