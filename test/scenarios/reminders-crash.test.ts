// Never twice, never lost: a run dies right after its Nth mail (before it could note the draft, after a send, at
// the Reminder log write) and the next run finishes exactly what is missing — no duplicate draft or mail, none lost.
import { StepError, type Sandbox } from '../../src/sandbox/runtime';
import { removeMailRecord } from '../../src/sandbox/mail/model';
import { LI, WANG, addCustomers, addQuotedOrders, addRows, allMail, countOf, lastToast, parse, rowsOf, setSetting, setUpWorkbook, wall, type Customer } from './reminders-fixtures';

const NOW = wall('2026-03-09T10:00', 'Asia/Shanghai'); // Monday: every Shanghai customer is in working hours

function customers(): Customer[] {
  return Array.from({ length: 6 }, (_, i) => ({
    id: `C-${i + 1}`,
    name: `Customer ${i + 1} Co., Ltd.`,
    country: 'China',
    zone: 'Asia/Shanghai',
    language: i % 2 ? 'zh' : 'en',
    email: `buyer${i + 1}@customer${i + 1}.example.com`,
    owner: i < 3 ? LI : WANG,
    contact: `Buyer ${i + 1}`,
  }));
}

function workbook(mode: 'draft' | 'send'): Sandbox {
  const sb = setUpWorkbook('2026-03-02T09:00');
  const cs = customers();
  addCustomers(sb, cs);
  addQuotedOrders(sb, cs.map((c, i) => ({ no: `SO-2026-000${i + 1}`, customer: c, quoteDate: '2026-03-02' })));
  if (mode === 'send') setSetting(sb, 'mail.customer-mode', 'send');
  sb.env.now = NOW;
  return sb;
}

/** The workbook the next day at 10:00, after day 1's run went through, with a follow-up of Li's due that day. */
function nextDay(): Sandbox {
  const sb = workbook('draft');
  sb.click('menuRemindersRun');
  addRows(sb, 'followUps', [{ ID: 'FU-000001', Customer: 'C-1', 'Next action': 'Call about the samples', Owner: LI, Due: '2026-03-10' }]);
  sb.env.now = NOW + 86_400_000;
  return sb;
}

/**
 * The round trip (1-based) of the `n`th call of `method` in a run of `mode`, found in an identical twin workbook
 * (the sandbox is deterministic, so the real run makes the same calls in the same order).
 */
function callOf(mode: 'draft' | 'send' | 'next-day', method: string, n: number): number {
  const twin = mode === 'next-day' ? nextDay() : workbook(mode);
  const ledger = twin.env.ledger;
  const seq: string[] = [];
  const record = ledger.record.bind(ledger);
  ledger.record = (service, m, cls, units) => {
    if (cls !== 'handle') seq.push(m);
    record(service, m, cls, units);
  };
  twin.click('menuRemindersRun');
  let seen = 0;
  for (let i = 0; i < seq.length; i++) if (seq[i] === method && ++seen === n) return i + 1;
  throw new Error(`the run makes fewer than ${n} ${method} calls`);
}

/** The round trip right after the `n`th call of `method`. */
function callAfter(mode: 'draft' | 'send' | 'next-day', method: string, n: number): number {
  return callOf(mode, method, n) + 1;
}

/**
 * The execution dies at round trip `k` (counted from now): that call and every later one fail. A fault that fires
 * stops the others from counting that call, so n faults armed at the same `k` fail calls k, k+1, … k+n-1.
 */
function dieAt(sb: Sandbox, k: number): void {
  for (let i = 0; i < 400; i++) sb.env.ledger.arm({ atCall: k, message: 'Exceeded maximum execution time' });
}

function crashRun(sb: Sandbox, k: number): void {
  dieAt(sb, k);
  expect(() => sb.click('menuRemindersRun')).toThrow(StepError);
  sb.env.ledger.disarm();
}

const journal = (sb: Sandbox) => sb.env.documentProperties['gendan.reminders.journal'];
const customerKeys = Array.from({ length: 6 }, (_, i) => `quote-no-decision:SO-2026-000${i + 1}:2026-03-07:mail`);
const digestKeys = [`digest:${LI}:2026-03-09`, `digest:${WANG}:2026-03-09`];

function expectExactlyOnce(sb: Sandbox, kind: 'draft' | 'sent'): void {
  const mail = allMail(sb);
  const customer = mail.filter((m) => !m.key.startsWith('digest:'));
  expect(customer.map((m) => m.kind)).toEqual(customer.map(() => kind));
  expect(customer.map((m) => m.key).sort()).toEqual([...customerKeys].sort());
  expect(mail.filter((m) => m.key.startsWith('digest:')).map((m) => [m.key, m.kind])).toEqual(digestKeys.map((k) => [k, 'sent']));
  const log = rowsOf(sb, 'reminderLog').filter((r) => r.Result !== 'waiting' && r.Result !== 'failed');
  const counts = countOf(log.map((r) => r.Key));
  for (const k of [...customerKeys, ...digestKeys]) expect([k, counts[k]]).toEqual([k, 1]);
  expect(Object.values(counts).every((n) => n === 1)).toBe(true);
  const contacts = rowsOf(sb, 'contacts');
  expect(contacts.map((c) => c.Remarks).sort()).toEqual(customerKeys.map((k) => `Gendan ${k}`).sort());
  expect(journal(sb)).toBeUndefined();
}

describe('a run that dies mid-way, then a re-run', () => {
  it('draft mode, died right after the 3rd draft: the re-run adopts the unnoted draft and makes the other three', () => {
    const sb = workbook('draft');
    crashRun(sb, callAfter('draft', 'Drafts.create', 3));
    expect(allMail(sb).map((m) => m.key)).toEqual(customerKeys.slice(0, 3));
    expect(rowsOf(sb, 'reminderLog')).toEqual([]);
    expect(journal(sb)).toBeDefined();

    // Meanwhile the owner sends the first draft from Gmail: it is gone, and it must not come back.
    removeMailRecord(sb.env, allMail(sb)[0]!.id);
    sb.env.now = NOW + 3_600_000;
    sb.click('menuRemindersRun');
    expect(lastToast(sb)).toContain('3 mail(s) left by an interrupted run were completed.');
    const keys = allMail(sb).map((m) => m.key);
    expect(keys.filter((k) => !k.startsWith('digest:')).sort()).toEqual(customerKeys.slice(1).sort());
    expect(rowsOf(sb, 'reminderLog').filter((r) => r.Key === customerKeys[0]).map((r) => r.Result)).toEqual(['drafted']);
    expect(rowsOf(sb, 'contacts')).toHaveLength(6);
    expect(journal(sb)).toBeUndefined();

    sb.click('menuRemindersRun');
    expect(allMail(sb).map((m) => m.key)).toEqual(keys);
  });

  it('send mode, died between making the 2nd draft and noting it: the re-run finds it by its key header and sends it', () => {
    const sb = workbook('send');
    crashRun(sb, callAfter('send', 'Drafts.create', 2));
    expect(allMail(sb).map((m) => [m.key, m.kind])).toEqual([
      [customerKeys[0], 'sent'],
      [customerKeys[1], 'draft'],
    ]);
    sb.click('menuRemindersRun');
    expectExactlyOnce(sb, 'sent');
  });

  it('send mode, died right after the 2nd send: nothing is sent again', () => {
    const sb = workbook('send');
    crashRun(sb, callAfter('send', 'Drafts.send', 2));
    expect(allMail(sb).map((m) => [m.key, m.kind])).toEqual([
      [customerKeys[0], 'sent'],
      [customerKeys[1], 'sent'],
    ]);
    sb.click('menuRemindersRun');
    expectExactlyOnce(sb, 'sent');
  });

  it('died writing the Reminder log after every mail and the Contact log rows: the re-run logs all, adds no contact twice', () => {
    const sb = workbook('draft');
    crashRun(sb, callOf('draft', 'Range.setValues', 2));
    expect(allMail(sb)).toHaveLength(8);
    expect(rowsOf(sb, 'contacts')).toHaveLength(6);
    expect(rowsOf(sb, 'reminderLog')).toEqual([]);
    sb.click('menuRemindersRun');
    expectExactlyOnce(sb, 'draft');
    const digestEntries = rowsOf(sb, 'reminderLog').filter((r) => r.Mode === 'digest');
    expect(digestEntries.map((r) => r.Key).sort()).toEqual(customerKeys.map((k) => k.replace(/:mail$/, '')).sort());
  });

  it('the next day, died right after sending the first digest: one digest per owner that day, old items listed, not logged again', async () => {
    const sb = nextDay();
    const dayOneLog = rowsOf(sb, 'reminderLog').length;
    crashRun(sb, callAfter('next-day', 'Drafts.send', 1));
    expect(allMail(sb).filter((m) => m.key.endsWith(':2026-03-10')).map((m) => [m.key, m.kind])).toEqual([[`digest:${LI}:2026-03-10`, 'sent']]);
    expect(rowsOf(sb, 'reminderLog')).toHaveLength(dayOneLog);
    sb.env.now += 3_600_000;
    sb.click('menuRemindersRun');
    sb.env.now += 3_600_000;
    sb.click('menuRemindersRun');
    const dayTwo = allMail(sb).filter((m) => m.key.endsWith(':2026-03-10'));
    expect(dayTwo.map((m) => [m.key, m.kind])).toEqual([
      [`digest:${LI}:2026-03-10`, 'sent'],
      [`digest:${WANG}:2026-03-10`, 'sent'],
    ]);
    expect(dayTwo.map((m) => m.subject)).toEqual(['Gendan 2026-03-10: 3 overdue, 1 due today (1 new), 0 coming up', '跟单提醒 2026-03-10：逾期 3 项，今日到期 0 项，即将到期 0 项']);
    expect((await parse(dayTwo[0]!)).text?.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.startsWith('- [new] '))).toEqual([false, false, false, true]);
    const added = rowsOf(sb, 'reminderLog').slice(dayOneLog);
    expect(added.map((r) => [r.Key, r.Result])).toEqual([
      [`digest:${LI}:2026-03-10`, 'sent'],
      ['follow-up-due:FU-000001:2026-03-10', 'listed'],
      [`digest:${WANG}:2026-03-10`, 'sent'],
    ]);
    expect(journal(sb)).toBeUndefined();
  });

  it('a draft call that fails is retried by the next run, never doubled', () => {
    const sb = workbook('draft');
    sb.env.ledger.arm({ method: 'Drafts.create', times: 1, message: 'Service unavailable' });
    sb.click('menuRemindersRun');
    sb.env.ledger.disarm();
    expect(lastToast(sb)).toContain('1 mail(s) failed and will be retried in the next run');
    expect(allMail(sb).filter((m) => !m.key.startsWith('digest:'))).toHaveLength(5);
    expect(rowsOf(sb, 'reminderLog').filter((r) => r.Result === 'failed').map((r) => r.Key)).toEqual([customerKeys[0]]);
    sb.env.now = NOW + 3_600_000;
    sb.click('menuRemindersRun');
    expectExactlyOnce(sb, 'draft');
  });
});

