// Reminders with the clock at chosen instants: customer drafts only inside each customer's working hours (Los
// Angeles across the DST change, Riyadh with its Friday–Saturday weekend, Shanghai), in the customer's language,
// with the invoice PDF attached, "Do not email until" respected, one Contact log row per mail, and never twice.
import type { Sandbox } from '../../src/sandbox/runtime';
import {
  LA,
  LI,
  RIYADH,
  SHANGHAI,
  WANG,
  addCustomers,
  addQuotedOrders,
  addRows,
  allMail,
  countOf,
  lastPreview,
  lastToast,
  parse,
  rowsOf,
  seedInvoice,
  setUpWorkbook,
  wall,
  type Customer,
} from './reminders-fixtures';

const PAUSED: Customer = { ...SHANGHAI, id: 'C-PAUSE', name: 'Paused Trading Ltd', language: 'en', email: 'buyer@paused.example.com', contact: 'Ms Lee', pauseUntil: '2026-03-10' };

function workbook(): Sandbox {
  const sb = setUpWorkbook('2026-03-02T09:00');
  addCustomers(sb, [LA, RIYADH, SHANGHAI, PAUSED]);
  addQuotedOrders(sb, [
    { no: 'SO-LA', customer: LA, quoteDate: '2026-02-27' },
    { no: 'SO-RUH', customer: RIYADH, quoteDate: '2026-02-27' },
    { no: 'SO-SHA', customer: SHANGHAI, quoteDate: '2026-02-27' },
    { no: 'SO-PAUSE', customer: PAUSED, quoteDate: '2026-02-27' },
    { no: 'SO-LA2', customer: LA, quoteDate: '2026-03-04' },
  ]);
  const [shipped] = addRows(sb, 'orders', [
    {
      'Order no.': 'SO-SHIP',
      Customer: SHANGHAI.id,
      Owner: LI,
      Stage: 'Shipped',
      'Shipped on': '2026-03-05',
      Transport: 'Sea',
      'Tracking no.': 'COSU6001234',
      'Destination port': 'Shanghai',
      ETA: '2026-03-20',
      'Invoice no.': 'CI-2026-0007',
      Currency: 'USD',
    },
  ]);
  seedInvoice(sb, shipped, 'CI-2026-0007');
  return sb;
}

function runAt(sb: Sandbox, instant: number): void {
  sb.env.now = instant;
  sb.click('menuRemindersRun');
}

const customerDrafts = (sb: Sandbox) => allMail(sb).filter((m) => m.kind === 'draft');

describe('reminders across time zones', () => {
  const sb = workbook();

  it('Friday 15:00 in Shanghai: drafts for the Shanghai customer only; Riyadh is in its weekend, Los Angeles asleep', async () => {
    sb.env.now = wall('2026-03-06T15:00', 'Asia/Shanghai');
    sb.click('menuRemindersPreview');
    const preview = lastPreview(sb);
    expect(preview.mails.map((m) => [m.customer, m.attachment])).toEqual([
      [SHANGHAI.name, ''],
      [SHANGHAI.name, 'CI-2026-0007.pdf'],
    ]);
    const why = Object.fromEntries(preview.waiting.filter((w) => w.part === 'customer mail').map((w) => [w.customer, w.why]));
    expect(why[RIYADH.name]).toBe('outside the customer’s working hours; opens 2026-03-08 09:00 (Asia/Riyadh)');
    expect(why[LA.name]).toBe('outside the customer’s working hours; opens 2026-03-06 09:00 (America/Los_Angeles)');
    expect(why[PAUSED.name]).toBe('the customer asked not to be emailed until 2026-03-10');
    expect(allMail(sb)).toEqual([]); // Preview produces nothing

    runAt(sb, wall('2026-03-06T15:00', 'Asia/Shanghai'));
    const drafts = customerDrafts(sb);
    expect(drafts.map((d) => [d.to, d.key, d.language])).toEqual([
      [SHANGHAI.email, 'quote-no-decision:SO-SHA:2026-03-04:mail', 'zh'],
      [SHANGHAI.email, 'shipped-send-docs:SO-SHIP:2026-03-05:mail', 'zh'],
    ]);
    const quote = await parse(drafts[0]);
    expect(quote.subject).toMatch(/[\u4e00-\u9fff]/);
    expect(quote.text).toContain('尊敬的陈建国');
    const docs = await parse(drafts[1]);
    expect(docs.attachments.map((a) => [a.filename, a.contentType])).toEqual([['CI-2026-0007.pdf', 'application/pdf']]);
    expect(docs.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(docs.text).toContain('随函附上商业发票和装箱单');
    expect(docs.text).not.toMatch(/顺祝商祺！\s*\n祝商祺|祝商祺！\s*\n顺祝商祺/);
    expect(docs.replyTo?.text).toBe(LI);
  });

  it('sends each owner one digest with what happened to every customer mail', async () => {
    const digests = allMail(sb).filter((m) => m.kind === 'sent');
    expect(digests.map((d) => [d.to, d.key])).toEqual([
      [LI, `digest:${LI}:2026-03-06`],
      [WANG, `digest:${WANG}:2026-03-06`],
    ]);
    const li = await parse(digests[0]);
    expect(li.subject).toBe('Gendan 2026-03-06: 4 overdue (4 new), 0 due today, 0 coming up');
    expect(li.text).toContain('a draft to the customer is ready in Gmail');
    expect(li.text).toContain("the customer mail waits for the customer's working hours");
    expect(li.text).toContain('no customer mail: the customer asked not to be emailed for now');
    expect(li.html).toContain('#gid=');
    expect(lastToast(sb)).toBe('2 digest(s) sent, 2 draft(s) made, 0 customer mail(s) sent; 3 waiting.');
  });

  it('Friday 09:30 in Los Angeles: the Los Angeles draft, in English', async () => {
    runAt(sb, wall('2026-03-06T09:30', 'America/Los_Angeles'));
    const last = customerDrafts(sb).slice(2);
    expect(last.map((d) => [d.to, d.key, d.language])).toEqual([[LA.email, 'quote-no-decision:SO-LA:2026-03-04:mail', 'en']]);
    expect((await parse(last[0])).text).toContain('Dear Jennifer Walsh');
  });

  it('Sunday 09:30 in Riyadh (a working day there): the Riyadh draft, English for an Arabic reader without Arabic templates', () => {
    runAt(sb, wall('2026-03-07T20:00', 'Asia/Riyadh'));
    expect(customerDrafts(sb)).toHaveLength(3); // Saturday evening: still weekend
    runAt(sb, wall('2026-03-08T09:30', 'Asia/Riyadh'));
    const last = customerDrafts(sb).slice(3);
    expect(last.map((d) => [d.to, d.key, d.language])).toEqual([[RIYADH.email, 'quote-no-decision:SO-RUH:2026-03-04:mail', 'en']]);
  });

  it('Monday in Los Angeles after the switch to daylight time: waits at 08:30 PDT, goes at 09:05 PDT', () => {
    runAt(sb, wall('2026-03-09T08:30', 'America/Los_Angeles'));
    expect(customerDrafts(sb)).toHaveLength(4);
    sb.click('menuRemindersPreview');
    const la2 = lastPreview(sb).waiting.find((w) => w.customer === LA.name && w.part === 'customer mail');
    expect(la2?.why).toBe('outside the customer’s working hours; opens 2026-03-09 09:00 (America/Los_Angeles)');
    runAt(sb, wall('2026-03-09T09:05', 'America/Los_Angeles'));
    expect(customerDrafts(sb).slice(4).map((d) => d.key)).toEqual(['quote-no-decision:SO-LA2:2026-03-09:mail']);
  });

  it('never produces a key twice, never mails the paused customer, and logs every mail as a contact', () => {
    runAt(sb, wall('2026-03-09T11:00', 'America/Los_Angeles'));
    const mail = allMail(sb);
    expect(Object.values(countOf(mail.map((m) => m.key))).every((n) => n === 1)).toBe(true);
    expect(mail.some((m) => m.to === PAUSED.email)).toBe(false);
    const contacts = rowsOf(sb, 'contacts');
    expect(contacts.map((c) => [c.Customer, c.Channel])).toEqual([
      [SHANGHAI.name, 'Email'],
      [SHANGHAI.name, 'Email'],
      [LA.name, 'Email'],
      [RIYADH.name, 'Email'],
      [LA.name, 'Email'],
    ]);
    const subjects = customerDrafts(sb).map((d) => d.subject);
    expect(contacts.map((c) => c.Topic)).toEqual(subjects);
    expect(contacts[0]?.['Our actions & commitments']).toBe('Gendan reminder “Quotation follow-up”: draft ready in Gmail');
    expect(contacts.every((c) => /^CT-\d{6}$/.test(c['Contact ID'] ?? ''))).toBe(true);
    const log = rowsOf(sb, 'reminderLog');
    const produced = log.filter((r) => r.Result !== 'waiting' && r.Result !== 'failed').map((r) => r.Key);
    expect(Object.values(countOf(produced)).every((n) => n === 1)).toBe(true);
    expect(log.filter((r) => r.Mode === 'draft').map((r) => r.Key)).toEqual(customerDrafts(sb).map((d) => d.key));
  });
});
