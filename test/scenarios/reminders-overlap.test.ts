// Two runs at once: a colleague clicks Run now, or the hourly trigger fires, while a run is producing mail. The
// document lock keeps the second out (it makes nothing and says so); the first makes every mail once.
import type { Sandbox } from '../../src/sandbox/runtime';
import { LI, WANG, addCustomers, addQuotedOrders, allMail, countOf, rowsOf, setUpWorkbook, wall, type Customer } from './reminders-fixtures';

const NOW = wall('2026-03-09T10:00', 'Asia/Shanghai');

function workbook(): Sandbox {
  const sb = setUpWorkbook('2026-03-02T09:00');
  const cs: Customer[] = Array.from({ length: 4 }, (_, i) => ({
    id: `C-${i + 1}`,
    name: `Customer ${i + 1}`,
    country: 'China',
    zone: 'Asia/Shanghai',
    language: 'zh',
    email: `buyer@c${i + 1}.example.com`,
    owner: i < 2 ? LI : WANG,
    contact: `买家${i + 1}`,
  }));
  addCustomers(sb, cs);
  addQuotedOrders(sb, cs.map((c, i) => ({ no: `SO-${i + 1}`, customer: c, quoteDate: '2026-03-02' })));
  sb.env.now = NOW;
  return sb;
}

/** Runs `second` when the first run (Run now by the owner) is at its round trip after the 2nd draft. */
function overlap(sb: Sandbox, second: () => void): void {
  let draftsSeen = 0;
  let armed = false;
  const ledger = sb.env.ledger;
  const record = ledger.record.bind(ledger);
  ledger.record = (service, method, cls, units) => {
    record(service, method, cls, units);
    if (method === 'Drafts.create' && ++draftsSeen === 2 && !armed) {
      armed = true;
      ledger.interleave(1, second);
    }
  };
  sb.click('menuRemindersRun');
  ledger.record = record;
}

function expectEveryMailOnce(sb: Sandbox): void {
  const keys = allMail(sb).map((m) => m.key);
  expect(keys.filter((k) => !k.startsWith('digest:')).sort()).toEqual([1, 2, 3, 4].map((i) => `quote-no-decision:SO-${i}:2026-03-07:mail`));
  expect(keys.filter((k) => k.startsWith('digest:')).sort()).toEqual([`digest:${LI}:2026-03-09`, `digest:${WANG}:2026-03-09`]);
  expect(Object.values(countOf(keys)).every((n) => n === 1)).toBe(true);
  const produced = rowsOf(sb, 'reminderLog').filter((r) => r.Result !== 'waiting' && r.Result !== 'failed');
  expect(Object.values(countOf(produced.map((r) => r.Key))).every((n) => n === 1)).toBe(true);
  expect(rowsOf(sb, 'contacts')).toHaveLength(4);
}

describe('two reminder runs at the same time', () => {
  it('a colleague’s Run now during a run makes nothing and is told the workbook is busy', () => {
    const sb = workbook();
    overlap(sb, () => sb.click('menuRemindersRun', WANG));
    expectEveryMailOnce(sb);
    const toasts = sb.env.uiEvents.filter((u) => u.kind === 'toast');
    expect(toasts.find((t) => t.user === WANG)?.message).toBe('Another user is updating this workbook; try again in a moment.');
    const steps = sb.env.ledger.allSteps().filter((s) => s.step === '--call menuRemindersRun');
    expect(steps).toHaveLength(2);
    expect(steps.map((s) => s.byMethod['Gmail:Drafts.create'] ?? 0)).toEqual([6, 0]);
  });

  it('the next day, a colleague’s Run now during the digests makes nothing: each owner gets one digest that day, listing yesterday’s items again', () => {
    const sb = workbook();
    sb.click('menuRemindersRun');
    const logged = rowsOf(sb, 'reminderLog').length;
    sb.env.now = NOW + 86_400_000;
    overlap(sb, () => sb.click('menuRemindersRun', WANG));
    sb.env.now += 3_600_000;
    sb.click('menuRemindersRun');
    const dayTwo = allMail(sb).filter((m) => m.key.endsWith(':2026-03-10'));
    expect(dayTwo.map((m) => [m.key, m.kind])).toEqual([
      [`digest:${LI}:2026-03-10`, 'sent'],
      [`digest:${WANG}:2026-03-10`, 'sent'],
    ]);
    expect(dayTwo.map((m) => m.subject)).toEqual(['跟单提醒 2026-03-10：逾期 2 项，今日到期 0 项，即将到期 0 项', '跟单提醒 2026-03-10：逾期 2 项，今日到期 0 项，即将到期 0 项']);
    expect(rowsOf(sb, 'reminderLog').slice(logged).map((r) => r.Key)).toEqual([`digest:${LI}:2026-03-10`, `digest:${WANG}:2026-03-10`]);
    const steps = sb.env.ledger.allSteps().filter((s) => s.step === '--call menuRemindersRun');
    expect(steps.map((s) => s.byMethod['Gmail:Drafts.create'] ?? 0)).toEqual([6, 2, 0, 0]);
  });

  it('the hourly trigger firing during Run now waits, gives up quietly, and the next hour finds nothing left to do', () => {
    const sb = workbook();
    sb.click('menuToggleAutomation');
    overlap(sb, () => sb.trigger('triggerHourlyReminders'));
    expectEveryMailOnce(sb);
    const trigger = sb.env.ledger.allSteps().filter((s) => s.step === 'trigger triggerHourlyReminders');
    expect(trigger.map((s) => s.byMethod['Gmail:Drafts.create'] ?? 0)).toEqual([0]);
    sb.advance(3_600_000);
    expectEveryMailOnce(sb);
  });
});
