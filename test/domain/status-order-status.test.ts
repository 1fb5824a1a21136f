// Specification of order work status (overdue reasons, quotation expiry boundary) and every payment status.
import { orderStatus, orderWorkStatus, paymentStatus, type OrderOverdueCode, type OrderStatusInput, type PaymentStatusInput } from '../../src/domain/status/order-status';
import type { PaymentStatus, WorkStatus } from '../../src/domain/ledgers/records';

const TODAY = '2026-03-10';
const YESTERDAY = '2026-03-09';
const TOMORROW = '2026-03-11';

describe('orderStatus', () => {
  const cases: [string, OrderStatusInput, WorkStatus, OrderOverdueCode[]][] = [
    ['an inquiry is pending', { stage: 'inquiry' }, 'pending', []],
    ['a row without a stage is pending', {}, 'pending', []],
    ['a quoted order is in progress', { stage: 'quoted', quoteValidUntil: TOMORROW }, 'in-progress', []],
    ['a quotation valid through today has not expired', { stage: 'quoted', quoteValidUntil: TODAY }, 'in-progress', []],
    ['a quotation valid through yesterday has expired', { stage: 'quoted', quoteValidUntil: YESTERDAY }, 'overdue', ['QUOTE_EXPIRED']],
    ['an expired quotation matters only while Quoted', { stage: 'contracted', quoteValidUntil: YESTERDAY }, 'in-progress', []],
    ['a quotation without a validity date never expires', { stage: 'quoted' }, 'in-progress', []],
    ['delivery date today is not late', { stage: 'production', deliveryDate: TODAY }, 'in-progress', []],
    ['delivery date passed without shipment is late', { stage: 'production', deliveryDate: YESTERDAY }, 'overdue', ['DELIVERY_LATE']],
    ['delivery date passed at Inquiry is late too', { stage: 'inquiry', deliveryDate: YESTERDAY }, 'overdue', ['DELIVERY_LATE']],
    ['delivery date passed but Shipped on filled', { stage: 'ready', deliveryDate: '2026-03-01', shippedOn: YESTERDAY }, 'in-progress', []],
    ['delivery date passed but the stage says Shipped', { stage: 'shipped', deliveryDate: '2026-03-01' }, 'in-progress', []],
    ['balance due today is not overdue', { stage: 'shipped', balanceDueOn: TODAY }, 'in-progress', []],
    ['balance due yesterday and unpaid is overdue', { stage: 'shipped', balanceDueOn: YESTERDAY }, 'overdue', ['BALANCE_OVERDUE']],
    ['balance due yesterday but received', { stage: 'balance', balanceDueOn: YESTERDAY, balanceReceivedOn: YESTERDAY }, 'in-progress', []],
    ['every reason is listed', { stage: 'quoted', quoteValidUntil: YESTERDAY, deliveryDate: YESTERDAY, balanceDueOn: YESTERDAY }, 'overdue',
      ['DELIVERY_LATE', 'QUOTE_EXPIRED', 'BALANCE_OVERDUE']],
    ['Completed is done, however late', { stage: 'completed', deliveryDate: '2026-01-01', balanceDueOn: '2026-01-01' }, 'done', []],
    ['Lost is done, however late', { stage: 'lost', quoteValidUntil: '2026-01-01', deliveryDate: '2026-01-01' }, 'done', []],
  ];
  it.each(cases)('%s', (_name, order, status, codes) => {
    const result = orderStatus(order, TODAY);
    expect(result.status).toBe(status);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
    // The sweep's status without the reasons is the same status.
    expect(orderWorkStatus(order, TODAY)).toBe(status);
  });

  it('explains each reason in both languages with its date', () => {
    expect(orderStatus({ stage: 'quoted', quoteValidUntil: YESTERDAY }, TODAY).reasons).toEqual([
      { code: 'QUOTE_EXPIRED', en: 'The quotation expired on 2026-03-09 without a decision', zh: '报价已于 2026-03-09 过期，客户尚未决定' },
    ]);
    const [late] = orderStatus({ stage: 'production', deliveryDate: '2026-03-05' }, TODAY).reasons;
    expect(late.en).toContain('2026-03-05');
    expect(late.zh).toContain('2026-03-05');
  });

  it('turns overdue by time alone, on the day after the boundary', () => {
    const order: OrderStatusInput = { stage: 'quoted', quoteValidUntil: TODAY };
    expect(orderStatus(order, TODAY).status).toBe('in-progress');
    expect(orderStatus(order, TOMORROW).status).toBe('overdue');
  });
});

describe('paymentStatus', () => {
  const cases: [string, PaymentStatusInput, PaymentStatus][] = [
    ['none at Inquiry', { stage: 'inquiry' }, 'none'],
    ['none while Quoted, even with a deposit % set', { stage: 'quoted', depositPercent: 0.3 }, 'none'],
    ['none without a stage or contract', {}, 'none'],
    ['none for an order lost before a contract', { stage: 'lost', depositPercent: 0.3 }, 'none'],
    ['awaiting deposit after a contract that asks one', { stage: 'contracted', depositPercent: 0.3 }, 'awaiting-deposit'],
    ['awaiting deposit when only the contract date shows the contract', { contractDate: YESTERDAY, depositPercent: 0.5 }, 'awaiting-deposit'],
    ['awaiting deposit even if production started without it', { stage: 'production', depositPercent: 0.3 }, 'awaiting-deposit'],
    ['deposit received', { stage: 'deposit', depositPercent: 0.3, depositReceivedOn: YESTERDAY }, 'deposit-received'],
    ['deposit received before the contract (proforma)', { stage: 'deposit', depositReceivedOn: YESTERDAY }, 'deposit-received'],
    ['deposit received while the balance falls due later', { stage: 'production', depositPercent: 0.3, depositReceivedOn: '2026-02-01', balanceDueOn: TOMORROW }, 'deposit-received'],
    ['deposit received on a lost order after a contract', { stage: 'lost', contractDate: '2026-02-01', depositReceivedOn: '2026-02-03' }, 'deposit-received'],
    ['balance due once shipped', { stage: 'shipped', depositPercent: 0.3, depositReceivedOn: '2026-02-01', shippedOn: YESTERDAY }, 'balance-due'],
    ['balance due on its due date', { stage: 'production', depositPercent: 0.3, depositReceivedOn: '2026-02-01', balanceDueOn: TODAY }, 'balance-due'],
    ['balance due right after a contract without a deposit', { stage: 'contracted', depositPercent: 0 }, 'balance-due'],
    ['balance due after a contract with no deposit % given', { stage: 'contracted' }, 'balance-due'],
    ['balance overdue the day after its due date', { stage: 'shipped', depositPercent: 0.3, depositReceivedOn: '2026-02-01', balanceDueOn: YESTERDAY }, 'balance-overdue'],
    ['balance overdue wins over a missing deposit', { stage: 'contracted', depositPercent: 0.3, balanceDueOn: YESTERDAY }, 'balance-overdue'],
    ['paid once the balance is received', { stage: 'balance', depositReceivedOn: '2026-02-01', balanceDueOn: YESTERDAY, balanceReceivedOn: YESTERDAY }, 'paid'],
    ['paid before shipment (T/T in advance)', { stage: 'ready', depositPercent: 0.3, balanceReceivedOn: YESTERDAY }, 'paid'],
    ['paid on a completed order', { stage: 'completed', balanceReceivedOn: '2026-01-05' }, 'paid'],
  ];
  it.each(cases)('%s', (_name, order, expected) => {
    expect(paymentStatus(order, TODAY)).toBe(expected);
  });
});
