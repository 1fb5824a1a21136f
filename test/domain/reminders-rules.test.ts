// Specification of the reminder rules: each fires on its boundary day and not the day before, with stable keys.
import {
  DEFAULT_REMINDER_CONFIG,
  REMINDER_RULES,
  dueReminders,
  reminderConfig,
  reminderKey,
  type ReminderItem,
  type ReminderRuleId,
} from '../../src/domain/reminders/rules';
import { SHEET_ZONE, afterSales, at, contact, customer, followUp, order, remindersOn } from './reminders-fixtures';

const keysOf = (items: ReminderItem[], rule?: ReminderRuleId) => items.filter((i) => !rule || i.rule === rule).map((i) => i.key);
const only = (items: ReminderItem[], rule: ReminderRuleId): ReminderItem => {
  const found = items.filter((i) => i.rule === rule);
  expect(found).toHaveLength(1);
  return found[0] as ReminderItem;
};

describe('REMINDER_RULES', () => {
  it('has one rule per default of PRODUCT.md, each named in English and Chinese', () => {
    expect(REMINDER_RULES.map((r) => r.id)).toEqual([
      'inquiry-unanswered',
      'quote-no-decision',
      'prospect-untouched',
      'delivery-soon',
      'goods-late',
      'shipped-send-docs',
      'balance-unpaid',
      'satisfaction-check',
      'reorder-check',
      'return-visit',
      'follow-up-due',
    ]);
    for (const r of REMINDER_RULES) {
      expect(r.name.en).not.toBe('');
      expect(r.name.zh).not.toBe('');
      expect(r.mailTemplate !== undefined).toBe(r.audience === 'customer');
    }
  });

  it('uses the default numbers of the brief', () => {
    const days = Object.fromEntries(REMINDER_RULES.map((r) => [r.id, DEFAULT_REMINDER_CONFIG.rules[r.id].days]));
    expect(days).toEqual({
      'inquiry-unanswered': 1,
      'quote-no-decision': 5,
      'prospect-untouched': 10,
      'delivery-soon': 3,
      'goods-late': 1,
      'shipped-send-docs': 0,
      'balance-unpaid': 3,
      'satisfaction-check': 7,
      'reorder-check': 21,
      'return-visit': 3,
      'follow-up-due': 0,
    });
    expect(DEFAULT_REMINDER_CONFIG.workingHours).toEqual({ start: '09:00', end: '18:00' });
  });
});

describe('reminderConfig', () => {
  it('lays settings over the defaults and ignores unusable values', () => {
    const c = reminderConfig({
      rules: { 'quote-no-decision': { days: 7 }, 'goods-late': { enabled: false }, 'balance-unpaid': { days: -2 }, 'reorder-check': { graceDays: null } },
      workingHours: { start: '8:30', end: '17:00' },
      holidays: { 'Saudi Arabia': ['2026-03-20', 'not a date'] },
    });
    expect(c.rules['quote-no-decision']).toEqual({ enabled: true, days: 7, graceDays: null });
    expect(c.rules['goods-late'].enabled).toBe(false);
    expect(c.rules['balance-unpaid'].days).toBe(3);
    expect(c.rules['reorder-check'].graceDays).toBeNull();
    expect(c.workingHours).toEqual({ start: '8:30', end: '17:00' });
    expect(c.holidays).toEqual({ SA: ['2026-03-20'] });
  });

  it('falls back to 09:00–18:00 when the working day ends before it starts', () => {
    expect(reminderConfig({ workingHours: { start: '18:00', end: '09:00' } }).workingHours).toEqual({ start: '09:00', end: '18:00' });
  });
});

describe('dueReminders', () => {
  describe('inquiry-unanswered', () => {
    const inquiry = order({ stage: 'inquiry', inquiryDate: '2026-03-05' });

    it('fires 1 day after the inquiry date and not the day before', () => {
      expect(keysOf(remindersOn('2026-03-05', { orders: [inquiry] }))).toEqual([]);
      const r = only(remindersOn('2026-03-06', { orders: [inquiry] }), 'inquiry-unanswered');
      expect(r.key).toBe('inquiry-unanswered:SO-2026-0001:2026-03-06');
      expect(r).toMatchObject({ audience: 'staff', urgency: 'today', owner: 'li@team.cn', customerId: 'C-001', ref: { ledger: 'orders', id: 'SO-2026-0001' } });
      expect(r.action.en).toBe('Answer the inquiry SO-2026-0001 from Acme Trading LLC: thank them and ask for the exact requirements before quoting');
      expect(r.mailTemplate).toBeUndefined();
    });

    it('stays quiet once there is a contact on or after the inquiry date, or a quotation', () => {
      expect(keysOf(remindersOn('2026-03-08', { orders: [inquiry], contacts: [contact({ date: '2026-03-05' })] }))).toEqual([]);
      expect(keysOf(remindersOn('2026-03-08', { orders: [{ ...inquiry, quoteNo: 'Q-1' }] }))).toEqual([]);
      expect(keysOf(remindersOn('2026-03-08', { orders: [inquiry], contacts: [contact({ date: '2026-03-01' })] }))).toEqual([
        'inquiry-unanswered:SO-2026-0001:2026-03-06',
      ]);
    });

    it('matches contacts typed with the customer name instead of the ID', () => {
      const byName = contact({ customer: '  acme trading llc ', date: '2026-03-06' });
      expect(keysOf(remindersOn('2026-03-08', { orders: [inquiry], contacts: [byName] }))).toEqual([]);
    });
  });

  describe('quote-no-decision', () => {
    const quoted = order({ stage: 'quoted', quoteNo: 'Q-2026-0001', quoteDate: '2026-03-01' });

    it('fires 5 days after the quotation date while Quoted, as a customer mail', () => {
      expect(keysOf(remindersOn('2026-03-05', { orders: [quoted] }))).toEqual([]);
      const r = only(remindersOn('2026-03-06', { orders: [quoted] }), 'quote-no-decision');
      expect(r).toMatchObject({ audience: 'customer', mailTemplate: 'quote-no-decision', dueDate: '2026-03-06' });
      expect(r.action.en).toBe('Send the quotation follow-up to Acme Trading LLC (quotation Q-2026-0001 of 2026-03-01)');
      expect(r.action.zh).toBe('给Acme Trading LLC发报价跟进邮件（报价单 Q-2026-0001，2026-03-01）');
      expect(r.fields).toMatchObject({ quoteNo: 'Q-2026-0001', quoteDate: '2026-03-01', orderNo: 'SO-2026-0001' });
    });

    it('makes its texts once, when first read: the same action and fields every time', () => {
      const r = only(remindersOn('2026-03-06', { orders: [quoted] }), 'quote-no-decision');
      const action = r.action;
      const fields = r.fields;
      expect(r.action).toBe(action);
      expect(r.fields).toBe(fields);
      expect({ key: r.key, action: r.action.en, quoteNo: r.fields?.quoteNo }).toEqual({
        key: 'quote-no-decision:SO-2026-0001:2026-03-06',
        action: 'Send the quotation follow-up to Acme Trading LLC (quotation Q-2026-0001 of 2026-03-01)',
        quoteNo: 'Q-2026-0001',
      });
    });

    it('is overdue on later days, under the same key', () => {
      const r = only(remindersOn('2026-03-09', { orders: [quoted] }), 'quote-no-decision');
      expect(r.urgency).toBe('overdue');
      expect(r.key).toBe('quote-no-decision:SO-2026-0001:2026-03-06');
    });

    it('follows the days setting', () => {
      const config = reminderConfig({ rules: { 'quote-no-decision': { days: 7 } } });
      expect(keysOf(remindersOn('2026-03-07', { orders: [quoted], config }))).toEqual([]);
      expect(keysOf(remindersOn('2026-03-08', { orders: [quoted], config }))).toEqual(['quote-no-decision:SO-2026-0001:2026-03-08']);
    });

    it('stops when the order moves on, and when the rule is off', () => {
      expect(keysOf(remindersOn('2026-03-09', { orders: [{ ...quoted, stage: 'contracted', contractDate: '2026-03-08' }] }))).toEqual([]);
      const off = reminderConfig({ rules: { 'quote-no-decision': { enabled: false } } });
      expect(keysOf(remindersOn('2026-03-09', { orders: [quoted], config: off }))).toEqual([]);
    });
  });

  describe('prospect-untouched', () => {
    const contacts = [contact({ date: '2026-02-20' }), contact({ date: '2026-02-10' })];

    it('fires 10 days after the last contact, for a customer with no open order', () => {
      expect(keysOf(remindersOn('2026-03-01', { contacts }))).toEqual([]);
      const r = only(remindersOn('2026-03-02', { contacts }), 'prospect-untouched');
      expect(r).toMatchObject({ key: 'prospect-untouched:C-001:2026-03-02', audience: 'customer', draftOnly: true, ref: { ledger: 'customers' } });
      expect(r.action.en).toContain('no contact since 2026-02-20');
    });

    it('also counts the Last contact column', () => {
      const customers = [customer({ lastContact: '2026-02-25' })];
      expect(keysOf(remindersOn('2026-03-06', { customers, contacts }))).toEqual([]);
      expect(keysOf(remindersOn('2026-03-07', { customers, contacts }))).toEqual(['prospect-untouched:C-001:2026-03-07']);
    });

    it('stays quiet while the customer has an open order, not for completed or lost ones', () => {
      expect(keysOf(remindersOn('2026-03-09', { contacts, orders: [order({ stage: 'production' })] }), 'prospect-untouched')).toEqual([]);
      const closed = [order({ stage: 'completed' }), order({ orderNo: 'SO-2', stage: 'lost' })];
      expect(keysOf(remindersOn('2026-03-09', { contacts, orders: closed }), 'prospect-untouched')).toEqual(['prospect-untouched:C-001:2026-03-02']);
    });

    it('gives a new key after a new contact', () => {
      const later = [...contacts, contact({ date: '2026-03-05' })];
      expect(keysOf(remindersOn('2026-03-15', { contacts: later }))).toEqual(['prospect-untouched:C-001:2026-03-15']);
    });
  });

  describe('delivery-soon', () => {
    const running = order({ stage: 'production', deliveryDate: '2026-03-10', factory: 'Ningbo Hardware Co.' });

    it('fires 3 days before the delivery date, coming up, and not 4 days before', () => {
      expect(keysOf(remindersOn('2026-03-06', { orders: [running] }))).toEqual([]);
      const r = only(remindersOn('2026-03-07', { orders: [running] }), 'delivery-soon');
      expect(r).toMatchObject({ key: 'delivery-soon:SO-2026-0001:2026-03-10', urgency: 'upcoming', audience: 'staff', dueDate: '2026-03-10' });
      expect(r.action.en).toBe('Confirm with Ningbo Hardware Co. that SO-2026-0001 ships on 2026-03-10, and tell Acme Trading LLC');
    });

    it('is due today on the delivery date and gives way to goods-late afterwards', () => {
      expect(only(remindersOn('2026-03-10', { orders: [running] }), 'delivery-soon').urgency).toBe('today');
      expect(keysOf(remindersOn('2026-03-11', { orders: [running] }), 'delivery-soon')).toEqual([]);
    });

    it('stays quiet once shipped', () => {
      expect(keysOf(remindersOn('2026-03-08', { orders: [{ ...running, stage: 'shipped', shippedOn: '2026-03-08' }] }), 'delivery-soon')).toEqual([]);
      expect(keysOf(remindersOn('2026-03-08', { orders: [{ ...running, shippedOn: '2026-03-08' }] }), 'delivery-soon')).toEqual([]);
    });
  });

  describe('goods-late', () => {
    const late = order({ stage: 'ready', deliveryDate: '2026-03-10' });

    it('fires the day after the delivery date while not shipped, as a draft-only customer mail', () => {
      expect(keysOf(remindersOn('2026-03-10', { orders: [late] }), 'goods-late')).toEqual([]);
      const r = only(remindersOn('2026-03-11', { orders: [late] }), 'goods-late');
      expect(r).toMatchObject({ key: 'goods-late:SO-2026-0001:2026-03-11', audience: 'customer', draftOnly: true, mailTemplate: 'goods-late' });
      expect(r.action.en).toContain('with the reason and the exact new date');
    });

    it('gives a new key when the delivery date moves', () => {
      const before = keysOf(remindersOn('2026-03-11', { orders: [late] }), 'goods-late');
      const moved = keysOf(remindersOn('2026-03-20', { orders: [{ ...late, deliveryDate: '2026-03-18' }] }), 'goods-late');
      expect(before).toEqual(['goods-late:SO-2026-0001:2026-03-11']);
      expect(moved).toEqual(['goods-late:SO-2026-0001:2026-03-19']);
    });
  });

  describe('shipped-send-docs', () => {
    const shipped = order({ stage: 'shipped', shippedOn: '2026-03-05', trackingNo: 'MSKU1234567', eta: '2026-04-02' });

    it('fires on the shipping date, with the invoice attached when there is one', () => {
      expect(keysOf(remindersOn('2026-03-04', { orders: [shipped] }))).toEqual([]);
      const r = only(remindersOn('2026-03-05', { orders: [{ ...shipped, invoiceNo: 'CI-2026-0001' }] }), 'shipped-send-docs');
      expect(r).toMatchObject({ key: 'shipped-send-docs:SO-2026-0001:2026-03-05', audience: 'customer', attachDocType: 'invoice' });
      expect(only(remindersOn('2026-03-05', { orders: [shipped] }), 'shipped-send-docs').attachDocType).toBeUndefined();
    });

    it('is not produced for shipments older than the grace window (14 days)', () => {
      expect(keysOf(remindersOn('2026-03-19', { orders: [shipped] }), 'shipped-send-docs')).toHaveLength(1);
      expect(keysOf(remindersOn('2026-03-20', { orders: [shipped] }), 'shipped-send-docs')).toEqual([]);
    });
  });

  describe('balance-unpaid', () => {
    const due = order({ stage: 'shipped', shippedOn: '2026-02-01', balanceDueOn: '2026-03-02', totalAmount: 10000, depositPercent: 0.3, currency: 'USD', invoiceNo: 'CI-1' });

    it('fires 3 days after the balance due date while unpaid, with the invoice', () => {
      expect(keysOf(remindersOn('2026-03-04', { orders: [due] }), 'balance-unpaid')).toEqual([]);
      const r = only(remindersOn('2026-03-05', { orders: [due] }), 'balance-unpaid');
      expect(r).toMatchObject({ key: 'balance-unpaid:SO-2026-0001:2026-03-05', attachDocType: 'invoice' });
      expect(r.fields).toMatchObject({ balanceAmount: '7000', totalAmount: '10000', currency: 'USD' });
    });

    it('stays quiet once the balance is received or the payment status is paid', () => {
      expect(keysOf(remindersOn('2026-03-09', { orders: [{ ...due, balanceReceivedOn: '2026-03-08' }] }), 'balance-unpaid')).toEqual([]);
      expect(keysOf(remindersOn('2026-03-09', { orders: [{ ...due, paymentStatus: 'paid' }] }), 'balance-unpaid')).toEqual([]);
    });
  });

  describe('satisfaction-check and reorder-check', () => {
    const arrived = order({ stage: 'balance', shippedOn: '2026-02-01', eta: '2026-03-01' });

    it('ask about satisfaction 7 days after the ETA', () => {
      expect(keysOf(remindersOn('2026-03-07', { orders: [arrived] }), 'satisfaction-check')).toEqual([]);
      expect(keysOf(remindersOn('2026-03-08', { orders: [arrived] }), 'satisfaction-check')).toEqual(['satisfaction-check:SO-2026-0001:2026-03-08']);
    });

    it('ask about sales and reordering 21 days after the ETA', () => {
      expect(keysOf(remindersOn('2026-03-21', { orders: [arrived] }), 'reorder-check')).toEqual([]);
      expect(keysOf(remindersOn('2026-03-22', { orders: [arrived] }), 'reorder-check')).toEqual(['reorder-check:SO-2026-0001:2026-03-22']);
    });

    it('need the goods shipped', () => {
      expect(keysOf(remindersOn('2026-03-30', { orders: [{ ...arrived, stage: 'production', shippedOn: undefined }] }), 'reorder-check')).toEqual([]);
    });
  });

  describe('terminal orders', () => {
    it('produce nothing at all', () => {
      const everything = {
        inquiryDate: '2026-01-01',
        quoteDate: '2026-01-05',
        deliveryDate: '2026-02-01',
        shippedOn: '2026-02-03',
        balanceDueOn: '2026-02-10',
        eta: '2026-02-20',
      };
      for (const stage of ['completed', 'lost'] as const) {
        expect(remindersOn('2026-03-09', { orders: [order({ stage, ...everything })], customers: [] })).toEqual([]);
      }
    });
  });

  describe('return-visit', () => {
    it('comes 3 days after a complaint was handled', () => {
      const handled = afterSales({ handledOn: '2026-03-02' });
      expect(keysOf(remindersOn('2026-03-04', { afterSales: [handled] }))).toEqual([]);
      const r = only(remindersOn('2026-03-05', { afterSales: [handled] }), 'return-visit');
      expect(r).toMatchObject({ key: 'return-visit:AS-0001:2026-03-05', audience: 'staff', ref: { ledger: 'after-sales' } });
    });

    it('counts working days of the customer’s country after receipt', () => {
      const config = reminderConfig({ returnVisitWorkingDays: 1 });
      const received = afterSales({ receivedOn: '2026-03-05' }); // a Thursday
      const us = [customer({ country: 'United States' })];
      const sa = [customer({ country: 'Saudi Arabia' })];
      expect(keysOf(remindersOn('2026-03-06', { afterSales: [received], customers: us, config }))).toEqual(['return-visit:AS-0001:2026-03-06']);
      expect(keysOf(remindersOn('2026-03-07', { afterSales: [received], customers: sa, config }))).toEqual([]);
      expect(keysOf(remindersOn('2026-03-08', { afterSales: [received], customers: sa, config }))).toEqual(['return-visit:AS-0001:2026-03-08']);
    });

    it('prefers the Return visit due column', () => {
      const set = afterSales({ handledOn: '2026-03-02', returnVisitDue: '2026-03-09' });
      expect(keysOf(remindersOn('2026-03-08', { afterSales: [set] }))).toEqual([]);
      expect(keysOf(remindersOn('2026-03-09', { afterSales: [set] }))).toEqual(['return-visit:AS-0001:2026-03-09']);
    });

    it('asks for a phone call on a bad review the day it is registered, until the customer was called', () => {
      const customers = [customer({ contact: 'Mr Chen' })];
      const bad = afterSales({ type: 'bad-review', date: '2026-03-09' });
      expect(keysOf(remindersOn('2026-03-08', { afterSales: [bad], customers }))).toEqual([]);
      const r = only(remindersOn('2026-03-09', { afterSales: [bad], customers }), 'return-visit');
      expect(r.key).toBe('return-visit:AS-0001/call:2026-03-09');
      expect(r.action.en).toBe('Call Mr Chen (Acme Trading LLC) about the bad review (case AS-0001): ask the reason, patiently');
      expect(r.action.zh).toContain('就差评电话联系Mr Chen');
      const medium = only(remindersOn('2026-03-09', { afterSales: [{ ...bad, type: 'medium-review' }], customers }), 'return-visit');
      expect(medium.action.en).toContain('medium review');
      expect(keysOf(remindersOn('2026-03-09', { afterSales: [{ ...bad, calledCustomer: true }], customers }))).toEqual([]);
    });

    it('names a customer who is not in Customers once, not as "王女士 (王女士)"', () => {
      const handled = afterSales({ handledOn: '2026-03-02', customer: '王女士' });
      const r = only(remindersOn('2026-03-05', { afterSales: [handled] }), 'return-visit');
      expect(r.action.en).toBe('Call 王女士 for the return visit of case AS-0001');
      expect(r.action.zh).toBe('电话回访王女士，售后单 AS-0001');
      const bad = only(remindersOn('2026-03-09', { afterSales: [afterSales({ type: 'bad-review', date: '2026-03-09', customer: 'Laura K.' })] }), 'return-visit');
      expect(bad.action.en).toBe('Call Laura K. about the bad review (case AS-0001): ask the reason, patiently');
      expect(bad.action.zh).toBe('就差评电话联系Laura K.，售后单 AS-0001：耐心询问原因');
    });

    it('stays quiet for closed cases and visits already done', () => {
      const handled = afterSales({ handledOn: '2026-03-02' });
      expect(keysOf(remindersOn('2026-03-09', { afterSales: [{ ...handled, closedOn: '2026-03-06' }] }))).toEqual([]);
      expect(keysOf(remindersOn('2026-03-09', { afterSales: [{ ...handled, status: 'done' }] }))).toEqual([]);
      expect(keysOf(remindersOn('2026-03-09', { afterSales: [{ ...handled, satisfaction: 'satisfied' }] }))).toEqual([]);
    });
  });

  describe('follow-up-due', () => {
    const fu = followUp({ due: '2026-03-09' });

    it('fires on the due date and stays overdue afterwards, not the day before', () => {
      expect(keysOf(remindersOn('2026-03-08', { followUps: [fu] }))).toEqual([]);
      const today = only(remindersOn('2026-03-09', { followUps: [fu] }), 'follow-up-due');
      expect(today).toMatchObject({ key: 'follow-up-due:FU-0001:2026-03-09', urgency: 'today', audience: 'staff', ref: { ledger: 'follow-ups' } });
      expect(today.action.en).toBe('Send the revised quotation (Acme Trading LLC)');
      expect(only(remindersOn('2026-03-12', { followUps: [fu] }), 'follow-up-due').urgency).toBe('overdue');
    });

    it('ignores done follow-ups and honours a snooze with a new key', () => {
      expect(keysOf(remindersOn('2026-03-10', { followUps: [{ ...fu, status: 'done' }] }))).toEqual([]);
      const snoozed = { ...fu, snoozedUntil: '2026-03-12' };
      expect(keysOf(remindersOn('2026-03-11', { followUps: [snoozed] }))).toEqual([]);
      expect(keysOf(remindersOn('2026-03-12', { followUps: [snoozed] }))).toEqual(['follow-up-due:FU-0001:2026-03-12']);
    });

    it('falls back to the customer owner, then to the configured owner', () => {
      const customers = [customer({ owner: 'wang@team.cn' })];
      expect(only(remindersOn('2026-03-09', { followUps: [{ ...fu, owner: undefined }], customers }), 'follow-up-due').owner).toBe('wang@team.cn');
      const config = reminderConfig({ fallbackOwner: 'boss@team.cn' });
      const orphan = { ...fu, owner: undefined, customer: 'Unknown Buyer' };
      const r = only(remindersOn('2026-03-09', { followUps: [orphan], customers, config }), 'follow-up-due');
      expect(r).toMatchObject({ owner: 'boss@team.cn', customerName: 'Unknown Buyer' });
      expect(r.customerId).toBeUndefined();
    });
  });

  describe('keys', () => {
    const ledgers = {
      orders: [
        order({ stage: 'quoted', quoteDate: '2026-03-01' }),
        order({ orderNo: 'SO-2026-0002', stage: 'production', deliveryDate: '2026-03-05' }),
      ],
      followUps: [followUp({ due: '2026-03-02' })],
    };

    it('are the same across runs, whatever the hour', () => {
      const morning = dueReminders({ now: at('2026-03-09', 8, 0, SHEET_ZONE), timeZone: SHEET_ZONE, customers: [customer()], contacts: [], afterSales: [], ...ledgers });
      const evening = dueReminders({ now: at('2026-03-09', 23, 59, SHEET_ZONE), timeZone: SHEET_ZONE, customers: [customer()], contacts: [], afterSales: [], ...ledgers });
      expect(keysOf(morning)).toEqual(keysOf(evening));
      expect(keysOf(morning).sort()).toEqual([
        'follow-up-due:FU-0001:2026-03-02',
        'goods-late:SO-2026-0002:2026-03-06',
        'quote-no-decision:SO-2026-0001:2026-03-06',
      ]);
      expect(new Set(keysOf(morning)).size).toBe(morning.length);
    });

    it('change when a due date moves', () => {
      const moved = { ...ledgers, followUps: [followUp({ due: '2026-03-04' })] };
      expect(keysOf(remindersOn('2026-03-09', moved), 'follow-up-due')).toEqual(['follow-up-due:FU-0001:2026-03-04']);
    });

    it('compute "today" in the spreadsheet zone', () => {
      // 2026-03-08 20:00 UTC is already 2026-03-09 in Shanghai.
      const items = dueReminders({ now: Date.UTC(2026, 2, 8, 20), timeZone: SHEET_ZONE, customers: [customer()], contacts: [], afterSales: [], ...ledgers, followUps: [followUp({ due: '2026-03-09' })] });
      expect(keysOf(items, 'follow-up-due')).toEqual(['follow-up-due:FU-0001:2026-03-09']);
      expect(reminderKey('follow-up-due', 'FU-0001', '2026-03-09')).toBe('follow-up-due:FU-0001:2026-03-09');
    });
  });
});
