// The daily digest tells the truth about the day: each morning it lists every item open for its owner — what earlier
// digests listed too — marking the ones listed for the first time as new, and counting all of them in the subject.
// An item goes the day after it is done or its date moves into the future. Still one digest per owner per day, never
// on a day with nothing open, each item's key logged once (when first listed); the .eml files parse.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { exportMail } from '../../src/sandbox/mail/index';
import type { Sandbox } from '../../src/sandbox/runtime';
import { LI, ME, WANG, addCustomers, addQuotedOrders, addRows, allMail, countOf, ledgerSheet, parse, rowsOf, setSetting, setUpWorkbook, wall, type Customer } from './reminders-fixtures';

const ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;
const ACME: Customer = { id: 'C-ACME', name: 'Acme <Tools> & Co', country: 'China', zone: ZONE, language: 'en', email: 'buyer@acme.example.com', owner: LI, contact: 'Ann' };

function cellOf(sb: Sandbox, row: number, header: string): string {
  const s = ledgerSheet(sb, 'followUps');
  for (let c = 1; c <= s.lastColumn(); c++) {
    if (s.get(1, c) !== header) continue;
    let letters = '';
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return `${s.name}!${letters}${row}`;
  }
  throw new Error(`no column ${header}`);
}

function workbook(): { sb: Sandbox; rows: number[] } {
  const sb = setUpWorkbook('2026-03-02T09:00');
  addCustomers(sb, [ACME, { ...ACME, id: 'C-WANG', name: 'Wang Customer', email: 'w@c.example.com', owner: WANG }]);
  addQuotedOrders(sb, [{ no: 'SO-1', customer: ACME, quoteDate: '2026-03-02' }]);
  // In production, delivery on 2026-03-11: coming up from 03-08; on the day, due and late (a draft to the customer).
  addRows(sb, 'orders', [{ 'Order no.': 'SO-2', Customer: ACME.id, Owner: LI, Stage: 'In production', 'Delivery date': '2026-03-11', Factory: 'Ningbo Hinge Works', Currency: 'USD' }]);
  const rows = addRows(sb, 'followUps', [
    { ID: 'FU-000001', Customer: ACME.id, 'Next action': 'Call Ann about the <samples>', Owner: LI, Due: '2026-03-05' },
    { ID: 'FU-000002', Customer: ACME.id, 'Next action': 'Send the price list', Owner: LI, Due: '2026-03-06' },
    { ID: 'FU-000003', Customer: ACME.id, 'Next action': 'Visit the showroom', Owner: LI, Due: '2026-03-10' },
  ]);
  // Wang's only item is done before the first run: Wang never gets a digest.
  addRows(sb, 'followUps', [{ ID: 'FU-000004', Customer: 'C-WANG', 'Next action': 'Done already', Owner: WANG, Due: '2026-03-05', Status: 'Done', 'Done on': '2026-03-05' }]);
  return { sb, rows };
}

const digests = (sb: Sandbox) => allMail(sb).filter((m) => m.key.startsWith('digest:'));

/** The digest's item lines (text part): "[new] " prefix kept, the row link dropped. */
function itemLines(parsed: ParsedMail): string[] {
  return (parsed.text ?? '').split('\n').filter((l) => l.startsWith('- '));
}

/** Runs reminders at `time` (spreadsheet zone) and returns the digest mailed in that run, parsed, if any. */
async function runAt(sb: Sandbox, time: string): Promise<ParsedMail | undefined> {
  const before = digests(sb).length;
  sb.env.now = wall(time, ZONE);
  sb.click('menuRemindersRun');
  const made = digests(sb).slice(before);
  expect(made.length).toBeLessThanOrEqual(1);
  return made[0] ? parse(made[0]) : undefined;
}

describe('the daily digest, day after day', () => {
  const { sb, rows } = workbook();
  const days: Record<string, ParsedMail | undefined> = {};

  it('day 1 (2026-03-09): lists every open item, all new, and counts them in the subject', async () => {
    const d = await runAt(sb, '2026-03-09T10:00');
    days['03-09'] = d;
    expect(d?.subject).toBe('Gendan 2026-03-09: 3 overdue (3 new), 0 due today, 1 coming up (1 new)');
    expect(itemLines(d!).map((l) => l.replace(/ \(due \d.*$/, ''))).toEqual([
      '- [new] Acme <Tools> & Co: Call Ann about the <samples> (Acme <Tools> & Co)',
      '- [new] Acme <Tools> & Co: Send the price list (Acme <Tools> & Co)',
      '- [new] Acme <Tools> & Co: Send the quotation follow-up to Acme <Tools> & Co (quotation QT-SO-1 of 2026-03-02)',
      '- [new] Acme <Tools> & Co: Confirm with Ningbo Hinge Works that SO-2 ships on 2026-03-11, and tell Acme <Tools> & Co',
    ]);
    expect(d?.text).toContain('Overdue (3, 3 new)');
    expect(d?.text).toContain('Items marked “new” were in no earlier digest.');
    expect(d?.text).toContain('Open items stay in your digest every day until they are done or their date moves');
  });

  it('later the same day: no second digest, no new Reminder log row for any item', async () => {
    const logged = rowsOf(sb, 'reminderLog').length;
    expect(await runAt(sb, '2026-03-09T15:00')).toBeUndefined();
    expect(await runAt(sb, '2026-03-09T23:00')).toBeUndefined();
    expect(rowsOf(sb, 'reminderLog')).toHaveLength(logged);
  });

  it('day 2: the same overdue and coming-up items again, not new; the follow-ups due today are new', async () => {
    // A follow-up typed in overnight, due today, like the showroom visit.
    addRows(sb, 'followUps', [{ ID: 'FU-000005', Customer: ACME.id, 'Next action': 'Confirm the carton marks', Owner: LI, Due: '2026-03-10' }]);
    expect(await runAt(sb, '2026-03-10T07:00')).toBeUndefined(); // before the digest hour (08:00)
    const d = await runAt(sb, '2026-03-10T08:05');
    days['03-10'] = d;
    expect(d?.subject).toBe('Gendan 2026-03-10: 3 overdue, 2 due today (2 new), 1 coming up');
    const lines = itemLines(d!);
    expect(lines.filter((l) => l.startsWith('- [new] '))).toEqual([expect.stringContaining('Visit the showroom'), expect.stringContaining('Confirm the carton marks')]);
    expect(lines.filter((l) => l.includes('Call Ann about the <samples>'))).toEqual([expect.not.stringContaining('[new]')]);
    expect(lines).toHaveLength(6);
    expect(d?.text).toContain('Overdue (3)\n');
    expect(d?.text).toContain('Due today (2, 2 new)');
    expect(d?.text).toContain('the customer mail was made earlier');
  });

  it('logs each item’s key once, the first time a digest lists it; each digest once', () => {
    const log = rowsOf(sb, 'reminderLog').filter((r) => r.Result !== 'waiting' && r.Result !== 'failed');
    expect(Object.values(countOf(log.map((r) => r.Key))).every((n) => n === 1)).toBe(true);
    const listed = log.filter((r) => r.Mode === 'digest');
    expect(listed.map((r) => [r.Ref, r.Detail])).toEqual([
      ['FU-000001', `digest:${LI}:2026-03-09`],
      ['FU-000002', `digest:${LI}:2026-03-09`],
      ['SO-1', `digest:${LI}:2026-03-09`],
      ['SO-2', `digest:${LI}:2026-03-09`],
      ['FU-000003', `digest:${LI}:2026-03-10`],
      ['FU-000005', `digest:${LI}:2026-03-10`],
    ]);
    expect(log.filter((r) => r.Rule === 'digest').map((r) => [r.Key, r.Detail])).toEqual([
      [`digest:${LI}:2026-03-09`, '4 items, 4 new'],
      [`digest:${LI}:2026-03-10`, '6 items, 2 new'],
    ]);
  });

  it('day 3: a follow-up marked done and one moved into the future are gone; a moved one comes back new on its day', async () => {
    sb.env.now = wall('2026-03-10T17:00', ZONE);
    sb.edit(cellOf(sb, rows[0]!, 'Status'), 'Done');
    sb.edit(cellOf(sb, rows[1]!, 'Due'), '2026-03-13');
    const d = await runAt(sb, '2026-03-11T09:00');
    days['03-11'] = d;
    // Overdue: the quotation, the showroom visit, the carton marks; due today: the delivery, and (new) its being late.
    expect(d?.subject).toBe('Gendan 2026-03-11: 3 overdue, 2 due today (1 new), 0 coming up');
    const lines = itemLines(d!);
    expect(lines.join('\n')).not.toContain('Call Ann about the <samples>');
    expect(lines.join('\n')).not.toContain('Send the price list');
    expect(lines.filter((l) => l.includes('Visit the showroom'))).toEqual([expect.not.stringContaining('[new]')]);
    expect(lines.filter((l) => l.startsWith('- [new] '))).toEqual([expect.stringContaining('SO-2 is late')]);
    expect(rowsOf(sb, 'reminderLog').filter((r) => r.Detail === `digest:${LI}:2026-03-11`).map((r) => r.Key)).toEqual(['goods-late:SO-2:2026-03-11']);
    // 03-13: the price list is due (a new key: its date moved); the delivery has passed, its lateness stays.
    const back = await runAt(sb, '2026-03-13T09:00');
    expect(back?.subject).toBe('Gendan 2026-03-13: 4 overdue, 1 due today (1 new), 0 coming up');
    expect(itemLines(back!).filter((l) => l.startsWith('- [new] '))).toEqual([expect.stringContaining('Send the price list')]);
  });

  it('sends one digest per owner per day, none to an owner with nothing open, and customer mails once', () => {
    const mail = allMail(sb);
    expect(digests(sb).map((m) => m.key)).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-13'].map((d) => `digest:${LI}:${d}`));
    expect(mail.some((m) => m.to === WANG || m.to === ME)).toBe(false);
    expect(Object.values(countOf(mail.map((m) => m.key))).every((n) => n === 1)).toBe(true);
    expect(mail.filter((m) => m.kind === 'draft').map((m) => m.key)).toEqual(['quote-no-decision:SO-1:2026-03-07:mail', 'goods-late:SO-2:2026-03-11:mail']);
  });

  it('writes .eml files that parse, the HTML escaped, the new tag only on new items', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-daily-digest-'));
    try {
      const files = exportMail(sb.env, dir).filter((f) => path.basename(f).includes('-sent-'));
      expect(files).toHaveLength(4);
      const parsed = await Promise.all(files.map(async (f) => simpleParser(fs.readFileSync(f))));
      expect(parsed.map((p) => p.subject)).toEqual([days['03-09'], days['03-10'], days['03-11']].map((d) => d?.subject).concat(['Gendan 2026-03-13: 4 overdue, 1 due today (1 new), 0 coming up']));
      for (const p of parsed) {
        const html = typeof p.html === 'string' ? p.html : '';
        expect(html).not.toMatch(/<samples>|<Tools>/);
        expect(html.match(/>new<\/span>/g)?.length ?? 0).toBe(itemLines(p).filter((l) => l.startsWith('- [new] ')).length);
      }
      expect(typeof parsed[0]?.html === 'string' && parsed[0].html).toContain('Acme &lt;Tools&gt; &amp; Co');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the daily digest in Chinese', () => {
  it('marks new items 新 and counts them in the subject, day after day', async () => {
    const { sb } = workbook();
    setSetting(sb, 'language', 'zh');
    const first = await runAt(sb, '2026-03-09T10:00');
    expect(first?.subject).toBe('跟单提醒 2026-03-09：逾期 3 项（新增 3 项），今日到期 0 项，即将到期 1 项（新增 1 项）');
    expect(itemLines(first!).every((l) => l.startsWith('- [新] '))).toBe(true);
    const second = await runAt(sb, '2026-03-10T10:00');
    expect(second?.subject).toBe('跟单提醒 2026-03-10：逾期 3 项，今日到期 1 项（新增 1 项），即将到期 1 项');
    expect(itemLines(second!).filter((l) => l.includes('[新]'))).toEqual([expect.stringContaining('Visit the showroom')]);
    expect(second?.text).toContain('已逾期（3）');
    expect(second?.text).toContain('今日到期（1，新增 1 项）');
    expect(second?.text).toContain('未完成的事项每天都会列在汇总中，直到完成或日期调整');
    expect(digests(sb)).toHaveLength(2);
    sb.env.now += HOUR;
    sb.click('menuRemindersRun');
    expect(digests(sb)).toHaveLength(2);
  });
});
