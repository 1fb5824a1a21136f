// Deterministic test-data builders for the reminder tests: ledger records with overrides, and a clock helper.
import type { AfterSalesRecord, ContactRecord, CustomerRecord, FollowUpRecord, OrderRecord } from '../../src/domain/ledgers/records';
import { dueReminders, type DueRemindersInput, type ReminderItem } from '../../src/domain/reminders/rules';
import { startOfLocalDate } from '../../src/domain/time/zone';

export const SHEET_ZONE = 'Asia/Shanghai';

/** The instant of a wall-clock time ("2026-03-09", 10, 0) in a zone. */
export function at(date: string, hour: number, minute: number, timeZone: string): number {
  return startOfLocalDate(date, timeZone) + (hour * 60 + minute) * 60_000;
}

let row = 1;
const nextRow = () => ++row;

export function customer(o: Partial<CustomerRecord> = {}): CustomerRecord {
  return { _row: nextRow(), customerId: 'C-001', name: 'Acme Trading LLC', owner: 'li@team.cn', email: 'buyer@acme.example', ...o };
}

export function order(o: Partial<OrderRecord> = {}): OrderRecord {
  return { _row: nextRow(), orderNo: 'SO-2026-0001', customer: 'C-001', owner: 'li@team.cn', ...o };
}

export function contact(o: Partial<ContactRecord> = {}): ContactRecord {
  return { _row: nextRow(), date: '2026-03-01', customer: 'C-001', channel: 'email', ...o };
}

export function followUp(o: Partial<FollowUpRecord> = {}): FollowUpRecord {
  return { _row: nextRow(), id: 'FU-0001', customer: 'C-001', nextAction: 'Send the revised quotation', owner: 'li@team.cn', status: 'pending', ...o };
}

export function afterSales(o: Partial<AfterSalesRecord> = {}): AfterSalesRecord {
  return { _row: nextRow(), caseNo: 'AS-0001', date: '2026-03-02', customer: 'C-001', owner: 'li@team.cn', type: 'complaint', ...o };
}

/** dueReminders on a given spreadsheet day (10:00 Shanghai), with empty ledgers unless given. */
export function remindersOn(today: string, ledgers: Partial<Omit<DueRemindersInput, 'now' | 'timeZone'>>): ReminderItem[] {
  return dueReminders({
    now: at(today, 10, 0, SHEET_ZONE),
    timeZone: SHEET_ZONE,
    customers: [customer()],
    orders: [],
    contacts: [],
    followUps: [],
    afterSales: [],
    ...ledgers,
  });
}

/** A reminder item as dueReminders makes them, for planner and renderer tests. */
export function item(o: Partial<ReminderItem> = {}): ReminderItem {
  const rule = o.rule ?? 'quote-no-decision';
  const id = o.ref?.id ?? 'SO-2026-0001';
  const dueDate = o.dueDate ?? '2026-03-06';
  return {
    key: `${rule}:${id}:${dueDate}`,
    rule,
    audience: 'customer',
    owner: 'li@team.cn',
    customerId: 'C-001',
    customerName: 'Acme Trading LLC',
    ref: { ledger: 'orders', row: 5, id },
    dueDate,
    urgency: 'overdue',
    action: { en: 'Send the quotation follow-up to Acme Trading LLC', zh: '给Acme Trading LLC发报价跟进邮件' },
    mailTemplate: rule,
    fields: { orderNo: id, quoteNo: 'Q-2026-0001', quoteDate: '2026-03-01', contact: 'Mr Chen', customerName: 'Acme Trading LLC' },
    ...o,
  };
}
