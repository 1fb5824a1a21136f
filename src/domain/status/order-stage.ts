// The order stage flow (Inquiry → … → Completed, or Lost): forward-only moves from filled dates and documents.
import type { LocalDate, OrderRecord, OrderStage } from '../ledgers/records';
import { ORDER_STAGES } from '../ledgers/records';
import { addDaysToLocalDate } from '../time/zone';
import type { Message } from '../i18n/i18n';
import { orderStageName, statusMessage } from '../i18n/status';

/** The forward flow of an order, `lost` excluded. */
export const ORDER_FLOW: readonly OrderStage[] = ORDER_STAGES.filter((s) => s !== 'lost');

/**
 * Position of a stage in the forward flow; a blank stage counts as Inquiry; `lost` is -1.
 * @example orderStageRank('contracted') // 2
 */
export function orderStageRank(stage: OrderStage | undefined): number {
  return ORDER_FLOW.indexOf(stage ?? 'inquiry');
}

/**
 * True for the stages automation never changes: Completed and Lost.
 * @example isTerminalOrderStage('lost') // true
 */
export function isTerminalOrderStage(stage: OrderStage | undefined): boolean {
  return stage === 'completed' || stage === 'lost';
}

export type OrderStageErrorCode =
  | 'SHIPPED_BEFORE_CONTRACT'
  | 'DEPOSIT_BEFORE_QUOTE'
  | 'BALANCE_BEFORE_CONTRACT'
  | 'PRODUCTION_BEFORE_CONTRACT';

/** A move the stage rules refuse: nothing was changed; `column` is the record key of the offending cell. */
export interface OrderStageError {
  code: OrderStageErrorCode;
  column: 'shippedOn' | 'depositReceivedOn' | 'balanceReceivedOn' | 'productionProgress';
  message: Message;
}

/** Something the user should fix that changes nothing by itself. */
export interface OrderStageWarning {
  code: 'LOST_WITHOUT_REASON';
  column: 'lostReason';
  message: Message;
}

export type OrderStageEditInput = Pick<
  OrderRecord,
  'stage' | 'stageSince' | 'quoteDate' | 'contractDate' | 'depositReceivedOn' | 'productionProgress' | 'shippedOn' | 'balanceReceivedOn' | 'lostReason'
>;

/** What Stage and Stage since should hold after an edit. */
export interface OrderStageUpdate {
  stage?: OrderStage;
  stageSince?: LocalDate;
  /** True when stage or stage since differ from the edited row. */
  changed: boolean;
  /** Refused moves; when not empty, the stage was left as the user had it. */
  errors: OrderStageError[];
  warnings: OrderStageWarning[];
}

/** One way an edit can push the stage forward. */
interface Trigger {
  /** The edit filled (or changed) the cell. */
  fired: boolean;
  /** Stage reached, given the rank reached so far. */
  target: (rank: number) => number;
  /** The lowest rank from which the move is possible, and the error otherwise. */
  minimum?: { rank: number; code: OrderStageErrorCode; column: OrderStageError['column'] };
}

const rankOf = (stage: OrderStage): number => ORDER_FLOW.indexOf(stage);

function filled(before: LocalDate | undefined, after: LocalDate | undefined): boolean {
  return Boolean(after) && after !== before;
}

/**
 * Stage and Stage since after a user edit of an order row. Filling Quote date, Contract date, Deposit received on,
 * Shipped on or Balance received on, or entering production progress (> 0 → In production, 100 % → Ready to ship)
 * moves the stage forward and records today; a stage the user changed by hand also records today. Terminal stages
 * are never moved; clearing a date never moves back; an impossible move (e.g. shipped before a contract) changes
 * nothing and is returned as an error. A balance received before shipment keeps the stage (payment status shows
 * it); shipping an order already paid moves it to Balance received.
 * @example orderStageAfterEdit({ stage: 'contracted' }, { stage: 'contracted', depositReceivedOn: '2026-03-02' }, '2026-03-02')
 * // { stage: 'deposit', stageSince: '2026-03-02', changed: true, errors: [], warnings: [] }
 */
export function orderStageAfterEdit(before: OrderStageEditInput, after: OrderStageEditInput, today: LocalDate): OrderStageUpdate {
  const movedByUser = (before.stage ?? undefined) !== (after.stage ?? undefined);
  const update: OrderStageUpdate = { changed: false, errors: [], warnings: [] };
  if (after.stage) update.stage = after.stage;
  const since = movedByUser ? (after.stage ? today : undefined) : after.stageSince;
  if (since) update.stageSince = since;

  if (after.stage === 'lost' && !after.lostReason?.trim() && (movedByUser || Boolean(before.lostReason?.trim()))) {
    update.warnings.push({ code: 'LOST_WITHOUT_REASON', column: 'lostReason', message: statusMessage('orderWarning.LOST_WITHOUT_REASON') });
  }

  if (!isTerminalOrderStage(after.stage)) {
    const progress = after.productionProgress;
    const progressEntered = typeof progress === 'number' && progress > 0 && progress !== before.productionProgress;
    const contracted = rankOf('contracted');
    const triggers: Trigger[] = [
      { fired: filled(before.quoteDate, after.quoteDate), target: () => rankOf('quoted') },
      { fired: filled(before.contractDate, after.contractDate), target: () => contracted },
      {
        fired: filled(before.depositReceivedOn, after.depositReceivedOn),
        target: () => rankOf('deposit'),
        minimum: { rank: rankOf('quoted'), code: 'DEPOSIT_BEFORE_QUOTE', column: 'depositReceivedOn' },
      },
      {
        fired: progressEntered,
        target: () => rankOf((progress ?? 0) >= 1 ? 'ready' : 'production'),
        minimum: { rank: contracted, code: 'PRODUCTION_BEFORE_CONTRACT', column: 'productionProgress' },
      },
      {
        fired: filled(before.shippedOn, after.shippedOn),
        target: () => rankOf(after.balanceReceivedOn ? 'balance' : 'shipped'),
        minimum: { rank: contracted, code: 'SHIPPED_BEFORE_CONTRACT', column: 'shippedOn' },
      },
      {
        fired: filled(before.balanceReceivedOn, after.balanceReceivedOn),
        // Paid before shipment (T/T in advance): the stage waits for the shipment.
        target: (rank) => (rank >= rankOf('shipped') ? rankOf('balance') : rank),
        minimum: { rank: contracted, code: 'BALANCE_BEFORE_CONTRACT', column: 'balanceReceivedOn' },
      },
    ];

    const start = orderStageRank(after.stage);
    // Errors name the stage the row shows, since a refused edit leaves it there.
    const stageName = orderStageName(ORDER_FLOW[start]);
    let rank = start;
    for (const trigger of triggers) {
      if (!trigger.fired) continue;
      const min = trigger.minimum;
      if (min && rank < min.rank) {
        update.errors.push({ code: min.code, column: min.column, message: statusMessage(`orderError.${min.code}`, { stage: stageName }) });
        continue;
      }
      rank = Math.max(rank, trigger.target(rank));
    }
    if (update.errors.length === 0 && rank > start) {
      update.stage = ORDER_FLOW[rank];
      update.stageSince = today;
    }
  }

  update.changed = update.stage !== (after.stage ?? undefined) || update.stageSince !== (after.stageSince ?? undefined);
  return update;
}

/** Documents generated for an order; only quotations and contracts move the stage. */
export type OrderDocumentKind = 'quotation' | 'contract' | 'purchase-order' | 'shipping-notice' | 'invoice';

export type OrderDocumentInput = Pick<OrderRecord, 'stage' | 'stageSince' | 'quoteDate' | 'quoteValidUntil' | 'contractDate'>;

/** What the stage and document-date columns should hold after a document was generated. */
export interface OrderDocumentUpdate {
  stage?: OrderStage;
  stageSince?: LocalDate;
  quoteDate?: LocalDate;
  quoteValidUntil?: LocalDate;
  contractDate?: LocalDate;
  /** True when any of the values above differs from the order. */
  changed: boolean;
}

/**
 * Stage and dates after generating a document. A quotation moves Inquiry → Quoted and stamps Quote date and Quote
 * valid until (quote date + `quoteValidityDays`) when blank; a contract moves Inquiry or Quoted → Contracted and
 * stamps Contract date when blank. Never backwards; a Completed or Lost order is left untouched.
 * @example orderStageAfterDocument({ stage: 'inquiry' }, 'quotation', '2026-03-02', 30)
 * // { stage: 'quoted', stageSince: '2026-03-02', quoteDate: '2026-03-02', quoteValidUntil: '2026-04-01', changed: true }
 */
export function orderStageAfterDocument(
  order: OrderDocumentInput,
  docType: OrderDocumentKind,
  today: LocalDate,
  quoteValidityDays: number,
): OrderDocumentUpdate {
  if (!Number.isInteger(quoteValidityDays) || quoteValidityDays < 0) {
    throw new RangeError(`Quotation validity must be a whole number of days ≥ 0, got ${quoteValidityDays}`);
  }
  const update: OrderDocumentUpdate = { changed: false };
  if (order.stage) update.stage = order.stage;
  if (order.stageSince) update.stageSince = order.stageSince;
  if (order.quoteDate) update.quoteDate = order.quoteDate;
  if (order.quoteValidUntil) update.quoteValidUntil = order.quoteValidUntil;
  if (order.contractDate) update.contractDate = order.contractDate;
  if (isTerminalOrderStage(order.stage)) return update;

  const advanceTo = (stage: OrderStage) => {
    if (orderStageRank(order.stage) < rankOf(stage)) {
      update.stage = stage;
      update.stageSince = today;
      update.changed = true;
    }
  };
  if (docType === 'quotation') {
    advanceTo('quoted');
    if (!update.quoteDate) {
      update.quoteDate = today;
      update.changed = true;
    }
    if (!update.quoteValidUntil) {
      update.quoteValidUntil = addDaysToLocalDate(update.quoteDate, quoteValidityDays);
      update.changed = true;
    }
  } else if (docType === 'contract') {
    advanceTo('contracted');
    if (!update.contractDate) {
      update.contractDate = today;
      update.changed = true;
    }
  }
  return update;
}
