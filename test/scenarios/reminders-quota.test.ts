// Mail quota: the run checks what is left first; with 3 recipients left the digest and two customer mails go, the
// rest wait with the reason logged (once), the digest says how many wait, and they go when the quota is back.
import { setMailQuota } from '../../src/sandbox/mail/index';
import type { Sandbox } from '../../src/sandbox/runtime';
import { LI, addCustomers, addQuotedOrders, allMail, parse, rowsOf, setSetting, setUpWorkbook, wall, type Customer } from './reminders-fixtures';

const NOW = wall('2026-03-09T10:00', 'Asia/Shanghai');
const HOUR = 3_600_000;

function workbook(): Sandbox {
  const sb = setUpWorkbook('2026-03-02T09:00');
  const cs: Customer[] = Array.from({ length: 5 }, (_, i) => ({
    id: `C-${i + 1}`,
    name: `Customer ${i + 1}`,
    country: 'China',
    zone: 'Asia/Shanghai',
    language: 'en',
    email: `buyer@c${i + 1}.example.com`,
    owner: LI,
    contact: `Buyer ${i + 1}`,
  }));
  addCustomers(sb, cs);
  // Quotation dates one day apart: the oldest is the most overdue and goes first.
  addQuotedOrders(sb, cs.map((c, i) => ({ no: `SO-${i + 1}`, customer: c, quoteDate: `2026-02-2${i + 1}` })));
  setSetting(sb, 'mail.customer-mode', 'send');
  sb.env.now = NOW;
  setMailQuota(sb.env, 3, { dailyLimit: 100 });
  return sb;
}

const customerSends = (sb: Sandbox) => allMail(sb).filter((m) => m.kind === 'sent' && !m.key.startsWith('digest:'));

describe('reminders with the mail quota set to 3', () => {
  const sb = workbook();

  it('sends the digest and the two most overdue customer mails, and lets three wait', async () => {
    sb.click('menuRemindersRun');
    const mail = allMail(sb);
    expect(mail.map((m) => [m.kind, m.key])).toEqual([
      ['sent', 'quote-no-decision:SO-1:2026-02-26:mail'],
      ['sent', 'quote-no-decision:SO-2:2026-02-27:mail'],
      ['sent', `digest:${LI}:2026-03-09`],
    ]);
    const digest = await parse(mail[2]!);
    expect(digest.text).toContain('3 customer mail(s) are waiting for mail quota; they go out in a later run.');
    expect(digest.text?.match(/the customer mail waits for mail quota/g)).toHaveLength(3);
  });

  it('logs each wait with its reason', () => {
    const waits = rowsOf(sb, 'reminderLog').filter((r) => r.Result === 'waiting');
    expect(waits.map((r) => [r.Key, r.Detail, r.Recipient])).toEqual([
      ['quote-no-decision:SO-3:2026-02-28:mail', 'quota', 'buyer@c3.example.com'],
      ['quote-no-decision:SO-4:2026-03-01:mail', 'quota', 'buyer@c4.example.com'],
      ['quote-no-decision:SO-5:2026-03-02:mail', 'quota', 'buyer@c5.example.com'],
    ]);
  });

  it('sends nothing more that day, though MailApp does not count Gmail sends, and logs no wait twice', () => {
    sb.env.now = NOW + 2 * HOUR;
    sb.click('menuRemindersRun');
    expect(customerSends(sb)).toHaveLength(2);
    expect(rowsOf(sb, 'reminderLog').filter((r) => r.Result === 'waiting')).toHaveLength(3);
  });

  it('sends the waiting mails once the quota is back, each once', () => {
    sb.env.now = NOW + 25 * HOUR;
    sb.click('menuRemindersRun');
    expect(customerSends(sb).map((m) => m.key)).toEqual([
      'quote-no-decision:SO-1:2026-02-26:mail',
      'quote-no-decision:SO-2:2026-02-27:mail',
      'quote-no-decision:SO-3:2026-02-28:mail',
      'quote-no-decision:SO-4:2026-03-01:mail',
      'quote-no-decision:SO-5:2026-03-02:mail',
    ]);
    sb.env.now += HOUR;
    sb.click('menuRemindersRun');
    expect(customerSends(sb)).toHaveLength(5);
  });
});
