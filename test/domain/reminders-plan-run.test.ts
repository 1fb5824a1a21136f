// Specification of planReminderRun: digests first, quota per recipient, drafts free, customers' hours and wishes; each
// day's digest lists every open item (new ones marked), the most urgent first.
import fc from 'fast-check';
import { byUrgency, customerMailKey, digestKey, mostUrgent, planReminderRun, recipientCount, type PlanReminderRunInput, type ReminderRunPlan } from '../../src/domain/reminders/plan-run';
import { dueReminders, type ReminderItem, type Urgency } from '../../src/domain/reminders/rules';
import type { FollowUpRecord } from '../../src/domain/ledgers/records';
import { SHEET_ZONE, at, customer, followUp, item, order } from './reminders-fixtures';

const NOW = at('2026-03-09', 10, 0, SHEET_ZONE); // Monday 10:00 in Shanghai, Sunday 19:00 in Los Angeles
const customers = [
  customer({ customerId: 'C-SHA1', name: 'Shanghai One', timeZone: 'Asia/Shanghai', country: 'China', email: 'buyer@one.example' }),
  customer({ customerId: 'C-SHA2', name: 'Shanghai Two', timeZone: 'Asia/Shanghai', country: 'China', email: 'a@two.example; b@two.example' }),
  customer({ customerId: 'C-SHA3', name: 'Shanghai Three', timeZone: 'Asia/Shanghai', country: 'China', email: 'c@three.example', owner: 'wang@team.cn' }),
  customer({ customerId: 'C-LA', name: 'LA Imports', timeZone: 'America/Los_Angeles', country: 'US', email: 'ops@la.example' }),
  customer({ customerId: 'C-PAUSE', name: 'Paused Ltd', timeZone: 'Asia/Shanghai', email: 'p@paused.example', doNotEmailUntil: '2026-03-10' }),
  customer({ customerId: 'C-NOMAIL', name: 'No Mail Co', timeZone: 'Asia/Shanghai', email: undefined }),
];

const i1 = item({ rule: 'quote-no-decision', customerId: 'C-SHA1', customerName: 'Shanghai One', dueDate: '2026-03-04', ref: { ledger: 'orders', row: 2, id: 'SO-1' } });
const i2 = item({ rule: 'balance-unpaid', customerId: 'C-SHA2', customerName: 'Shanghai Two', dueDate: '2026-03-05', ref: { ledger: 'orders', row: 3, id: 'SO-2' }, attachDocType: 'invoice' });
const i3 = item({ rule: 'satisfaction-check', owner: 'wang@team.cn', customerId: 'C-SHA3', customerName: 'Shanghai Three', dueDate: '2026-03-06', ref: { ledger: 'orders', row: 4, id: 'SO-3' } });
const i4 = item({ rule: 'follow-up-due', audience: 'staff', mailTemplate: undefined, fields: undefined, owner: 'wang@team.cn', dueDate: '2026-03-09', urgency: 'today', ref: { ledger: 'follow-ups', row: 7, id: 'FU-9' } });

const plan = (o: Partial<PlanReminderRunInput>) =>
  planReminderRun({ items: [i4, i3, i2, i1], alreadyLogged: new Set(), now: NOW, quota: 100, mode: 'send', customers, timeZone: SHEET_ZONE, ...o });

describe('planReminderRun', () => {
  describe('with quota 3 in send mode', () => {
    const p = plan({ quota: 3 });

    it('sends both digests first, then the most overdue mail that fits', () => {
      expect(p.digests.map((d) => d.key)).toEqual(['digest:li@team.cn:2026-03-09', 'digest:wang@team.cn:2026-03-09']);
      expect(p.customerMails.map((m) => [m.key, m.mode, m.to])).toEqual([['quote-no-decision:SO-1:2026-03-04:mail', 'send', 'buyer@one.example']]);
      expect(p.quotaUsed).toBe(3);
    });

    it('lets the rest wait for quota, and each digest says how many of its owner’s mails wait', () => {
      expect(p.waiting.map((w) => [w.item.key, w.part, w.reason])).toEqual([
        ['balance-unpaid:SO-2:2026-03-05', 'mail', 'quota'],
        ['satisfaction-check:SO-3:2026-03-06', 'mail', 'quota'],
      ]);
      expect(p.digests.map((d) => d.waitingForQuota)).toEqual([1, 1]);
    });

    it('lists every open item in its owner’s digest, overdue first, with what happens to its mail, all new', () => {
      const [li, wang] = p.digests;
      expect(li?.entries.map((e) => [e.item.key, e.mail])).toEqual([
        ['quote-no-decision:SO-1:2026-03-04', 'send'],
        ['balance-unpaid:SO-2:2026-03-05', 'quota'],
      ]);
      expect(wang?.entries.map((e) => [e.item.key, e.mail])).toEqual([
        ['satisfaction-check:SO-3:2026-03-06', 'quota'],
        ['follow-up-due:FU-9:2026-03-09', undefined],
      ]);
      expect(li?.to).toBe('li@team.cn');
      expect(p.digests.flatMap((d) => d.entries.map((e) => e.isNew))).toEqual([true, true, true, true]);
      expect(p.digests.map((d) => [d.open, d.more])).toEqual([
        [{ overdue: 2, today: 0, upcoming: 0 }, 0],
        [{ overdue: 1, today: 1, upcoming: 0 }, 0],
      ]);
    });
  });

  it('counts one unit of quota per recipient', () => {
    const p = plan({ quota: 5 });
    expect(p.customerMails.map((m) => m.item.key)).toEqual(['quote-no-decision:SO-1:2026-03-04', 'balance-unpaid:SO-2:2026-03-05']);
    expect(p.customerMails[1]?.attachDocType).toBe('invoice');
    expect(p.quotaUsed).toBe(5);
    expect(recipientCount('a@two.example; b@two.example')).toBe(2);
  });

  it('makes drafts without using quota', () => {
    const p = plan({ quota: 3, mode: 'draft' });
    expect(p.customerMails.map((m) => m.mode)).toEqual(['draft', 'draft', 'draft']);
    expect(p.quotaUsed).toBe(2);
    expect(p.waiting).toEqual([]);
  });

  it('keeps draft-only reminders as drafts in send mode', () => {
    const late = item({ rule: 'goods-late', draftOnly: true, customerId: 'C-SHA1', ref: { ledger: 'orders', row: 9, id: 'SO-9' } });
    const p = plan({ items: [late], quota: 1 });
    expect(p.customerMails.map((m) => m.mode)).toEqual(['draft']);
    expect(p.quotaUsed).toBe(1);
  });

  it('holds digests when there is no quota, while drafts still go', () => {
    const p = plan({ quota: 0, mode: 'draft' });
    expect(p.digests).toEqual([]);
    expect(p.waiting.filter((w) => w.part === 'digest').map((w) => w.reason)).toEqual(['quota', 'quota', 'quota', 'quota']);
    expect(p.customerMails).toHaveLength(3);
  });

  it('gives the last unit of quota to the first owner', () => {
    const p = plan({ quota: 1 });
    expect(p.digests.map((d) => d.owner)).toEqual(['li@team.cn']);
    expect(p.waiting.filter((w) => w.part === 'digest').map((w) => [w.item.owner, w.reason])).toEqual([
      ['wang@team.cn', 'quota'],
      ['wang@team.cn', 'quota'],
    ]);
  });

  describe('customers who should not get a mail now', () => {
    const paused = item({ customerId: 'C-PAUSE', customerName: 'Paused Ltd', ref: { ledger: 'orders', row: 11, id: 'SO-11' } });
    const noMail = item({ customerId: 'C-NOMAIL', customerName: 'No Mail Co', ref: { ledger: 'orders', row: 12, id: 'SO-12' } });
    const unknown = item({ customerId: undefined, customerName: 'Typed Name Only', ref: { ledger: 'orders', row: 13, id: 'SO-13' } });
    const la = item({ customerId: 'C-LA', customerName: 'LA Imports', ref: { ledger: 'orders', row: 14, id: 'SO-14' } });

    it('skips the mail to a customer paused until after today but keeps the staff item', () => {
      const p = plan({ items: [paused] });
      expect(p.customerMails).toEqual([]);
      expect(p.waiting.map((w) => [w.part, w.reason])).toEqual([['mail', 'do-not-email']]);
      expect(p.digests[0]?.entries.map((e) => [e.item.key, e.mail])).toEqual([[paused.key, 'do-not-email']]);
    });

    it('mails a paused customer again on the day the pause ends', () => {
      const p = plan({ items: [paused], now: at('2026-03-10', 10, 0, SHEET_ZONE) });
      expect(p.customerMails.map((m) => m.to)).toEqual(['p@paused.example']);
    });

    it('gives customers without an email (or not in the ledger) a staff item only', () => {
      const p = plan({ items: [noMail, unknown] });
      expect(p.customerMails).toEqual([]);
      expect(p.waiting.map((w) => w.reason)).toEqual(['no-email', 'no-email']);
      expect(p.digests[0]?.entries).toHaveLength(2);
    });

    it('holds sends outside the customer’s working hours until their window opens', () => {
      const p = plan({ items: [la, i1] });
      expect(p.customerMails.map((m) => m.item.key)).toEqual([i1.key]);
      expect(p.waiting).toEqual([{ item: la, part: 'mail', reason: 'outside-hours', opensAt: Date.UTC(2026, 2, 9, 16, 0) }]);
      const later = plan({ items: [la], now: Date.UTC(2026, 2, 9, 16, 30), alreadyLogged: new Set([la.key, 'digest:li@team.cn:2026-03-10']) });
      expect(later.customerMails.map((m) => m.key)).toEqual([customerMailKey(la)]);
    });

    it('makes drafts at any hour', () => {
      expect(plan({ items: [la], mode: 'draft' }).customerMails.map((m) => m.mode)).toEqual(['draft']);
    });
  });

  describe('the Reminder log', () => {
    const liToday = digestKey('li@team.cn', '2026-03-09');
    const wangToday = digestKey('wang@team.cn', '2026-03-09');

    it('after today’s digests, skips items whose digest entry and mail are both logged', () => {
      const p = plan({ items: [i1, i4], alreadyLogged: new Set([i1.key, customerMailKey(i1), i4.key, liToday, wangToday]) });
      expect(p.skipped.map((s) => s.key)).toEqual([i1.key, i4.key]);
      expect(p.digests).toEqual([]);
      expect(p.customerMails).toEqual([]);
      expect(p.waiting).toEqual([]);
      expect(p.quotaUsed).toBe(0);
    });

    it('lists an item a digest listed before in the next day’s digest again, not as new, next to the new ones', () => {
      const yesterday = new Set([i1.key, customerMailKey(i1), i4.key, digestKey('li@team.cn', '2026-03-08'), digestKey('wang@team.cn', '2026-03-08')]);
      const p = plan({ items: [i4, i3, i1], alreadyLogged: yesterday, mode: 'draft' });
      expect(p.digests.map((d) => d.key)).toEqual([liToday, wangToday]);
      expect(p.digests.map((d) => d.entries.map((e) => [e.item.key, e.isNew, e.mail]))).toEqual([
        [[i1.key, false, 'already']],
        [
          [i3.key, true, 'draft'],
          [i4.key, false, undefined],
        ],
      ]);
      expect(p.skipped).toEqual([]);
      expect(p.customerMails.map((m) => m.key)).toEqual([customerMailKey(i3)]);
    });

    it('still makes the mail whose digest entry went out earlier, and lists the entry again', () => {
      const p = plan({ items: [i1], alreadyLogged: new Set([i1.key]) });
      expect(p.digests.map((d) => d.entries.map((e) => [e.item.key, e.isNew, e.mail]))).toEqual([[[i1.key, false, 'send']]]);
      expect(p.customerMails.map((m) => m.key)).toEqual([customerMailKey(i1)]);
    });

    it('sends one digest per owner per day: later new items wait for tomorrow’s, listed ones are skipped', () => {
      const p = plan({ items: [i1, i2], alreadyLogged: new Set([liToday, i2.key, customerMailKey(i2)]) });
      expect(p.digests).toEqual([]);
      expect(p.waiting.map((w) => [w.item.key, w.part, w.reason])).toEqual([[i1.key, 'digest', 'digest-sent']]);
      expect(p.skipped.map((s) => s.key)).toEqual([i2.key]);
      expect(p.customerMails).toHaveLength(1);
    });

    it('holds every digest before the digest hour: new entries wait, listed ones are skipped, mails still go', () => {
      const p = plan({ items: [i1, i4], alreadyLogged: new Set([i4.key]), holdDigests: true });
      expect(p.digests).toEqual([]);
      expect(p.waiting.map((w) => [w.item.key, w.reason])).toEqual([[i1.key, 'digest-sent']]);
      expect(p.skipped.map((s) => s.key)).toEqual([i4.key]);
      expect(p.customerMails.map((m) => m.key)).toEqual([customerMailKey(i1)]);
      expect(p.quotaUsed).toBe(1);
    });

    it('skips repeated keys within one run', () => {
      const p = plan({ items: [i1, { ...i1 }] });
      expect(p.skipped).toHaveLength(1);
      expect(p.customerMails).toHaveLength(1);
    });

    it('produces nothing new on a second run over the logged keys', () => {
      const items = dueReminders({
        now: NOW,
        timeZone: SHEET_ZONE,
        customers,
        orders: [order({ customer: 'C-SHA1', stage: 'quoted', quoteDate: '2026-03-01' }), order({ orderNo: 'SO-2', customer: 'C-LA', stage: 'ready', deliveryDate: '2026-03-01' })],
        contacts: [],
        followUps: [],
        afterSales: [],
      });
      const first = plan({ items, mode: 'draft' });
      const logged = new Set([...first.digests.map((d) => d.key), ...first.digests.flatMap((d) => d.entries.map((e) => e.item.key)), ...first.customerMails.map((m) => m.key)]);
      const second = plan({ items, mode: 'draft', alreadyLogged: logged, now: NOW + 3_600_000 });
      expect(first.customerMails).toHaveLength(2);
      expect(second.digests).toEqual([]);
      expect(second.customerMails).toEqual([]);
      expect(second.skipped).toHaveLength(items.length);
    });
  });

  it('leaves unowned items waiting for want of an address, and can map owner names to addresses', () => {
    const orphan = { ...i4, owner: '' };
    expect(plan({ items: [orphan] }).waiting.map((w) => [w.part, w.reason])).toEqual([['digest', 'no-email']]);
    const named = { ...i4, owner: 'Li Wei' };
    const p = plan({ items: [named], staffEmail: (o) => (o === 'Li Wei' ? 'li@team.cn' : undefined) });
    expect(p.digests.map((d) => [d.key, d.to])).toEqual([['digest:Li Wei:2026-03-09', 'li@team.cn']]);
  });

  it('lists the most urgent entries up to the digest limit and counts every open item', () => {
    const many = Array.from({ length: 7 }, (_, n) =>
      item({ rule: 'follow-up-due', audience: 'staff', mailTemplate: undefined, fields: undefined, dueDate: `2026-03-0${n + 3}`, urgency: n + 3 < 9 ? 'overdue' : n + 3 === 9 ? 'today' : 'upcoming', ref: { ledger: 'follow-ups', row: n + 2, id: `FU-${n}` } }),
    );
    const p = plan({ items: [...many].reverse(), maxDigestEntries: 3, alreadyLogged: new Set([many[1]!.key]) });
    const [d] = p.digests;
    expect(d?.entries.map((e) => [e.item.dueDate, e.isNew])).toEqual([
      ['2026-03-03', true],
      ['2026-03-04', false],
      ['2026-03-05', true],
    ]);
    expect(d?.open).toEqual({ overdue: 6, today: 1, upcoming: 0 });
    expect(d?.more).toBe(4);
    expect(p.waiting).toEqual([]);
  });

  it('caps the customer mails of one run', () => {
    const p = plan({ maxCustomerMails: 1, mode: 'draft' });
    expect(p.customerMails).toHaveLength(1);
    expect(p.waiting.map((w) => w.reason)).toEqual(['run-limit', 'run-limit']);
  });
});

describe('mostUrgent', () => {
  const urgencies: Urgency[] = ['overdue', 'today', 'upcoming'];
  const arbItem = fc.record({ u: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 1, max: 6 }), id: fc.integer({ min: 0, max: 40 }) });

  it('lists what sorting every item and taking the first `max` would, and counts every item by urgency', () => {
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (specs, max) => {
        const list: ReminderItem[] = specs.map((x, n) => item({ urgency: urgencies[x.u], dueDate: `2026-03-0${x.day}`, ref: { ledger: 'orders', row: n + 2, id: `SO-${x.id}-${n}` } }));
        const { listed, open } = mostUrgent(list, max);
        expect(listed.map((i) => i.key)).toEqual([...list].sort(byUrgency).slice(0, max).map((i) => i.key));
        expect(open).toEqual({ overdue: specs.filter((x) => x.u === 0).length, today: specs.filter((x) => x.u === 1).length, upcoming: specs.filter((x) => x.u === 2).length });
      }),
    );
  });
});

describe('an overdue follow-up, day after day', () => {
  const overdueFu = followUp({ id: 'FU-1', due: '2026-03-02', nextAction: 'Call about the samples' });
  const laterFu = followUp({ id: 'FU-2', due: '2026-03-10', nextAction: 'Send the catalogue' });

  /** One run at 10:00 of `date` over `followUps`, logging what the run would log (digest, new entries, mails). */
  function day(date: string, followUps: FollowUpRecord[], log: Set<string>): ReminderRunPlan {
    const now = at(date, 10, 0, SHEET_ZONE);
    const items = dueReminders({ now, timeZone: SHEET_ZONE, customers: [customer()], orders: [], contacts: [], followUps, afterSales: [] });
    const p = planReminderRun({ items, alreadyLogged: log, now, quota: 100, mode: 'draft', customers: [customer()], timeZone: SHEET_ZONE });
    for (const d of p.digests) {
      log.add(d.key);
      for (const e of d.entries) if (e.isNew) log.add(e.item.key);
    }
    for (const m of p.customerMails) log.add(m.key);
    return p;
  }
  const entries = (p: ReminderRunPlan) => p.digests.flatMap((d) => d.entries.map((e) => [e.item.ref.id, e.item.urgency, e.isNew]));

  it('is in every daily digest while open, new only the first day, and goes the day after it is done', () => {
    const log = new Set<string>();
    expect(entries(day('2026-03-09', [overdueFu], log))).toEqual([['FU-1', 'overdue', true]]);
    // A second run the same day: today's digest went out, nothing is listed or logged again.
    const again = day('2026-03-09', [overdueFu], log);
    expect([again.digests, again.waiting]).toEqual([[], []]);
    const next = day('2026-03-10', [overdueFu, laterFu], log);
    expect(entries(next)).toEqual([
      ['FU-1', 'overdue', false],
      ['FU-2', 'today', true],
    ]);
    expect(next.digests[0]?.open).toEqual({ overdue: 1, today: 1, upcoming: 0 });
    expect(entries(day('2026-03-11', [overdueFu, laterFu], log))).toEqual([
      ['FU-1', 'overdue', false],
      ['FU-2', 'overdue', false],
    ]);
    const done = { ...overdueFu, status: 'done' as const, doneOn: '2026-03-11' };
    expect(entries(day('2026-03-12', [done, laterFu], log))).toEqual([['FU-2', 'overdue', false]]);
  });

  it('goes the day after its due date moves into the future, and comes back, new, when that date arrives', () => {
    const log = new Set<string>();
    day('2026-03-09', [overdueFu], log);
    const moved = { ...overdueFu, due: '2026-03-13' };
    const p = day('2026-03-10', [moved], log);
    expect([p.digests, p.waiting]).toEqual([[], []]);
    expect(entries(day('2026-03-13', [moved], log))).toEqual([['FU-1', 'today', true]]);
  });
});
