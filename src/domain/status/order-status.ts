// Order work status (with the reasons an order is overdue) and payment status, from the stage and dates alone.
import type { LocalDate, OrderRecord, PaymentStatus, WorkStatus } from '../ledgers/records';
import type { Message } from '../i18n/i18n';
import { statusMessage } from '../i18n/status';
import { isTerminalOrderStage, orderStageRank } from './order-stage';

export type OrderOverdueCode = 'DELIVERY_LATE' | 'QUOTE_EXPIRED' | 'BALANCE_OVERDUE';

/** Why an order is overdue, in both languages. */
export interface OrderStatusReason extends Message {
  code: OrderOverdueCode;
}

export interface OrderStatusResult {
  status: WorkStatus;
  /** Every reason the order is overdue; empty unless the status is overdue. */
  reasons: OrderStatusReason[];
}

export type OrderStatusInput = Pick<
  OrderRecord,
  'stage' | 'quoteValidUntil' | 'deliveryDate' | 'shippedOn' | 'balanceDueOn' | 'balanceReceivedOn'
>;

const reason = (code: OrderOverdueCode, date: LocalDate): OrderStatusReason => ({
  code,
  ...statusMessage(`orderReason.${code}`, { date }),
});

/** The goods left: Shipped on is filled or the stage is Shipped or later. */
function isShipped(order: Pick<OrderRecord, 'stage' | 'shippedOn'>): boolean {
  return !!order.shippedOn || orderStageRank(order.stage) >= orderStageRank('shipped');
}

/**
 * The work status of an order on `today`: done when Completed or Lost; overdue when the delivery date passed
 * unshipped, the quotation expired while Quoted (valid through its last day), or the balance due date passed
 * unpaid; in progress from Quoted on; pending at Inquiry.
 * @example orderStatus({ stage: 'quoted', quoteValidUntil: '2026-03-01' }, '2026-03-02').status // 'overdue'
 */
export function orderStatus(order: OrderStatusInput, today: LocalDate): OrderStatusResult {
  const status = orderWorkStatus(order, today);
  const reasons: OrderStatusReason[] = [];
  if (status === 'overdue') {
    for (const o of OVERDUE) {
      const date = o.since(order, today);
      if (date) reasons.push(reason(o.code, date));
    }
  }
  return { status, reasons };
}

/** Each way an order is overdue: the date that passed, or undefined. */
const OVERDUE: readonly { code: OrderOverdueCode; since(order: OrderStatusInput, today: LocalDate): LocalDate | undefined }[] = [
  { code: 'DELIVERY_LATE', since: (o, today) => (o.deliveryDate && o.deliveryDate < today && !isShipped(o) ? o.deliveryDate : undefined) },
  { code: 'QUOTE_EXPIRED', since: (o, today) => (o.stage === 'quoted' && o.quoteValidUntil && o.quoteValidUntil < today ? o.quoteValidUntil : undefined) },
  { code: 'BALANCE_OVERDUE', since: (o, today) => (o.balanceDueOn && o.balanceDueOn < today && !o.balanceReceivedOn ? o.balanceDueOn : undefined) },
];

/**
 * orderStatus's status without its reasons (whose messages the sweep, over every order, does not need).
 * @example orderWorkStatus({ stage: 'quoted', quoteValidUntil: '2026-03-01' }, '2026-03-02') // 'overdue'
 */
export function orderWorkStatus(order: OrderStatusInput, today: LocalDate): WorkStatus {
  if (isTerminalOrderStage(order.stage)) return 'done';
  for (const o of OVERDUE) if (o.since(order, today)) return 'overdue';
  return orderStageRank(order.stage) >= orderStageRank('quoted') ? 'in-progress' : 'pending';
}

export type PaymentStatusInput = Pick<
  OrderRecord,
  'stage' | 'contractDate' | 'depositPercent' | 'depositReceivedOn' | 'shippedOn' | 'balanceDueOn' | 'balanceReceivedOn'
>;

/**
 * The payment status of an order on `today`: paid once the balance is received; none before a contract (unless a
 * deposit already came in); balance overdue after an unpaid balance due date; awaiting deposit while a required
 * deposit is missing; deposit received until the goods ship or the balance falls due; balance due otherwise (also
 * right after a contract that asks no deposit).
 * @example paymentStatus({ stage: 'contracted', depositPercent: 0.3 }, '2026-03-02') // 'awaiting-deposit'
 */
export function paymentStatus(order: PaymentStatusInput, today: LocalDate): PaymentStatus {
  if (order.balanceReceivedOn) return 'paid';
  const contracted = Boolean(order.contractDate) || orderStageRank(order.stage) >= orderStageRank('contracted');
  if (!contracted && !order.depositReceivedOn) return 'none';
  if (order.balanceDueOn && order.balanceDueOn < today) return 'balance-overdue';
  const depositRequired = typeof order.depositPercent === 'number' && order.depositPercent > 0;
  if (depositRequired && !order.depositReceivedOn) return 'awaiting-deposit';
  const balanceFallsDue = isShipped(order) || (order.balanceDueOn !== undefined && order.balanceDueOn <= today);
  if (order.depositReceivedOn && !balanceFallsDue) return 'deposit-received';
  return 'balance-due';
}
