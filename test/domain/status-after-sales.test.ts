// Specification of the after-sales rules: working-day return visits by country, case status, phone-call flags.
import {
  afterSalesStatus,
  phoneCallRequired,
  returnVisitDue,
  type AfterSalesConfig,
  type AfterSalesStatusInput,
  type AfterSalesStatusResult,
  type ReturnVisitInput,
} from '../../src/domain/status/after-sales-status';
import { AFTER_SALES_TYPES, type AfterSalesType } from '../../src/domain/ledgers/records';

const SAUDI: AfterSalesConfig = { country: 'Saudi Arabia' };

describe('returnVisitDue', () => {
  // March 2026: Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 9.
  const cases: [string, ReturnVisitInput, AfterSalesConfig, string | undefined][] = [
    ['return received on a Friday, Saturday–Sunday weekend (default)', { type: 'return', receivedOn: '2026-03-06' }, {}, '2026-03-17'],
    ['return received on a Friday, Friday–Saturday weekend (Saudi Arabia)', { type: 'return', receivedOn: '2026-03-06' }, SAUDI, '2026-03-16'],
    ['exchange received on a Saturday, Saturday–Sunday weekend', { type: 'exchange', receivedOn: '2026-03-07' }, {}, '2026-03-17'],
    ['exchange received on a Saturday, Saudi Arabia', { type: 'exchange', receivedOn: '2026-03-07' }, SAUDI, '2026-03-16'],
    ['1 working day after a Thursday lands on Friday with a Saturday–Sunday weekend', { type: 'missing-item', receivedOn: '2026-03-05' }, { returnVisitWorkingDays: 1 }, '2026-03-06'],
    ['1 working day after a Thursday lands on Sunday in Saudi Arabia', { type: 'missing-item', receivedOn: '2026-03-05' }, { ...SAUDI, returnVisitWorkingDays: 1 }, '2026-03-08'],
    ['2 working days after a Wednesday skip the Saudi Friday–Saturday weekend', { type: 'return', receivedOn: '2026-03-04' }, { country: '沙特', returnVisitWorkingDays: 2 }, '2026-03-08'],
    ['the country may be an ISO code', { type: 'return', receivedOn: '2026-03-06' }, { country: 'sa' }, '2026-03-16'],
    ['an unknown country falls back to Saturday–Sunday', { type: 'return', receivedOn: '2026-03-06' }, { country: 'Atlantis' }, '2026-03-17'],
    ['15 working days is three weeks', { type: 'return', receivedOn: '2026-03-02' }, { returnVisitWorkingDays: 15 }, '2026-03-23'],
    ['holidays are skipped', { type: 'return', receivedOn: '2026-03-06' }, { holidays: new Set(['2026-03-09']) }, '2026-03-18'],
    ['a return without a receipt date has no return visit yet', { type: 'return', handledOn: '2026-03-06' }, {}, undefined],

    ['complaint handled + 3 calendar days, weekend included', { type: 'complaint', handledOn: '2026-03-05' }, SAUDI, '2026-03-08'],
    ['bad review handled + 3 days', { type: 'bad-review', handledOn: '2026-03-06' }, {}, '2026-03-09'],
    ['medium review handled + 7 days when configured', { type: 'medium-review', handledOn: '2026-03-05' }, { handledReturnVisitDays: 7 }, '2026-03-12'],
    ['handled + 3 days across a month end', { type: 'complaint', handledOn: '2026-02-27' }, {}, '2026-03-02'],
    ['a complaint not yet handled has no return visit', { type: 'complaint', receivedOn: '2026-03-06' }, {}, undefined],

    ['no type: the handling date first', { handledOn: '2026-03-05', receivedOn: '2026-03-01' }, {}, '2026-03-08'],
    ['no type: else the receipt date', { receivedOn: '2026-03-06' }, {}, '2026-03-17'],
    ['no type and no dates', {}, {}, undefined],
  ];
  it.each(cases)('%s', (_name, row, config, expected) => {
    expect(returnVisitDue(row, config)).toBe(expected);
  });
});

describe('phoneCallRequired', () => {
  const expected: Record<AfterSalesType, boolean> = {
    return: false,
    exchange: false,
    complaint: false,
    'bad-review': true,
    'medium-review': true,
    'missing-item': false,
  };
  it.each(AFTER_SALES_TYPES.map((t) => [t, expected[t]] as const))('%s → %s', (type, required) => {
    expect(phoneCallRequired({ type })).toBe(required);
  });
  it('is false without a type', () => {
    expect(phoneCallRequired({})).toBe(false);
  });
});

describe('afterSalesStatus', () => {
  const TODAY = '2026-03-10';
  const cases: [string, AfterSalesStatusInput, AfterSalesStatusResult][] = [
    ['a new case is pending', { type: 'return' }, { status: 'pending', phoneCallRequired: false, phoneCallPending: false }],
    ['a return visit due today is not overdue', { type: 'return', receivedOn: '2026-03-01' },
      { status: 'pending', returnVisitDue: '2026-03-10', phoneCallRequired: false, phoneCallPending: false }],
    ['a return visit due yesterday is overdue', { type: 'complaint', handledOn: '2026-03-06' },
      { status: 'overdue', returnVisitDue: '2026-03-09', phoneCallRequired: false, phoneCallPending: false }],
    ['a return visit long past is overdue', { type: 'return', receivedOn: '2026-02-20' },
      { status: 'overdue', returnVisitDue: '2026-03-03', phoneCallRequired: false, phoneCallPending: false }],
    ['handled with the visit still ahead is in progress', { type: 'complaint', handledOn: '2026-03-07' },
      { status: 'in-progress', returnVisitDue: '2026-03-10', phoneCallRequired: false, phoneCallPending: false }],
    ['calling the customer starts the case', { type: 'bad-review', calledCustomer: true },
      { status: 'in-progress', phoneCallRequired: true, phoneCallPending: false }],
    ['an uncalled bad review asks for a call', { type: 'bad-review' },
      { status: 'pending', phoneCallRequired: true, phoneCallPending: true }],
    ['an uncalled medium review asks for a call even when overdue', { type: 'medium-review', handledOn: '2026-03-01' },
      { status: 'overdue', returnVisitDue: '2026-03-04', phoneCallRequired: true, phoneCallPending: true }],
    ['closed wins over overdue', { type: 'complaint', handledOn: '2026-03-01', closedOn: '2026-03-09' },
      { status: 'done', returnVisitDue: '2026-03-04', phoneCallRequired: false, phoneCallPending: false }],
    ['a closed bad review no longer asks for a call', { type: 'bad-review', closedOn: '2026-03-09' },
      { status: 'done', phoneCallRequired: true, phoneCallPending: false }],
  ];
  it.each(cases)('%s', (_name, row, expected) => {
    expect(afterSalesStatus(row, TODAY)).toStrictEqual(expected);
  });

  it('counts working days in the customer’s country', () => {
    const row: AfterSalesStatusInput = { type: 'return', receivedOn: '2026-03-06' };
    expect(afterSalesStatus(row, '2026-03-17', SAUDI).status).toBe('overdue');
    expect(afterSalesStatus(row, '2026-03-17').status).toBe('pending');
  });
});
