// What Gendan's columns of one row should hold, per ledger. Shared by onEdit (a few rows, with what the user just
// changed) and the sweep (every row, time passing): one set of rules, so both always agree.
import type { AfterSalesRecord, CustomerRecord, FollowUpRecord, OrderLineRecord, OrderRecord, PipelineRecord, ProductRecord } from '../domain/ledgers/records';
import type { LocalDate } from '../domain/time/zone';
import { followUpStatus, type FollowUpStatusInput } from '../domain/status/follow-up-status';
import { onPipelineStageChange, pipelineStatus, type PipelineStageInput, type PipelineStatusInput } from '../domain/status/pipeline-status';
import { afterSalesStatus, type AfterSalesStatusInput } from '../domain/status/after-sales-status';
import { orderStageAfterEdit, type OrderStageError, type OrderStageWarning } from '../domain/status/order-stage';
import { orderWorkStatus, paymentStatus, type OrderStatusInput, type PaymentStatusInput } from '../domain/status/order-status';
import { lineAutos } from '../domain/orders/line-math';
import type { Settings } from '../domain/settings';

export type Fields<R> = Partial<Record<Exclude<keyof R, '_row'>, unknown>>;

export function followUpFields(rec: FollowUpStatusInput, today: LocalDate): Fields<FollowUpRecord> {
  const r = followUpStatus(rec, today);
  return { status: r.status, startedOn: r.startedOn, doneOn: r.doneOn };
}

export interface OrderRowResult {
  fields: Fields<OrderRecord>;
  errors: OrderStageError[];
  warnings: OrderStageWarning[];
}

/**
 * Orders: the stage flow (only when `before` is given: an edit), then status and payment status. `total` is the
 * sum of the order's lines when known.
 */
export function orderFields(before: OrderRecord | undefined, rec: OrderRecord, today: LocalDate, total?: number | null): OrderRowResult {
  const fields: Fields<OrderRecord> = {};
  let current = rec;
  let errors: OrderStageError[] = [];
  let warnings: OrderStageWarning[] = [];
  if (before) {
    const u = orderStageAfterEdit(before, rec, today);
    errors = u.errors;
    warnings = u.warnings;
    if (u.changed) {
      fields.stage = u.stage;
      fields.stageSince = u.stageSince;
      current = { ...rec, stage: u.stage, stageSince: u.stageSince };
    }
  }
  return { fields: Object.assign(fields, orderTimeFields(current, today, total)), errors, warnings };
}

/** What an order's row needs from the order itself: its status and payment status, and its total when known. */
export type OrderTimeInput = OrderStatusInput & PaymentStatusInput;

/**
 * Orders without an edit (the sweep): status and payment status, which time alone changes; `total` (the sum of the
 * order's lines, null for none) when known.
 */
export function orderTimeFields(rec: OrderTimeInput, today: LocalDate, total?: number | null): Fields<OrderRecord> {
  const fields: Fields<OrderRecord> = {};
  if (total !== undefined) fields.totalAmount = total === null ? undefined : total;
  fields.status = orderWorkStatus(rec, today);
  fields.paymentStatus = paymentStatus(rec, today);
  return fields;
}

/** Pipeline: a stage change (edit only) records the date and resets the checklist; status always. */
export function pipelineFields(before: PipelineStageInput | undefined, rec: PipelineStageInput & PipelineStatusInput, today: LocalDate): Fields<PipelineRecord> {
  const fields: Fields<PipelineRecord> = {};
  if (before) {
    const u = onPipelineStageChange(before, rec, today);
    if (u.changed) {
      fields.stageSince = u.stageSince;
      fields.checklistDone = u.checklistDone;
      fields.winProbability = u.winProbability;
    }
  } else if (rec.stage && !rec.stageSince) {
    const u = onPipelineStageChange({ stage: undefined }, rec, today);
    fields.stageSince = u.stageSince;
    if (rec.winProbability === undefined) fields.winProbability = u.winProbability;
  }
  fields.status = pipelineStatus(rec, today);
  return fields;
}

export function afterSalesFields(rec: AfterSalesStatusInput, today: LocalDate, settings: Settings, country?: string): Fields<AfterSalesRecord> {
  const r = afterSalesStatus(rec, today, {
    returnVisitWorkingDays: settings['return-visit.after-receipt.working-days'],
    handledReturnVisitDays: settings['return-visit.after-complaint.days'],
    country,
  });
  return { status: r.status, returnVisitDue: r.returnVisitDue };
}

/** The product a line names, by code (case and spaces ignored). */
export function productIndex<P extends Pick<ProductRecord, 'code'>>(products: readonly P[]): Map<string, P> {
  const m = new Map<string, P>();
  for (const p of products) if (p.code) m.set(p.code.trim().toUpperCase(), p);
  return m;
}

/** What a line's computed columns need from its product. */
export type LineProduct = NonNullable<Parameters<typeof lineAutos>[1]>;

export function lineFields(rec: Pick<OrderLineRecord, 'productCode' | 'quantity' | 'unitPrice'>, products: ReadonlyMap<string, LineProduct>): Fields<OrderLineRecord> {
  const product = rec.productCode ? products.get(rec.productCode.trim().toUpperCase()) : undefined;
  const a = lineAutos(rec, product);
  return { amount: a.amount, cartons: a.cartons, netWeight: a.netWeight, grossWeight: a.grossWeight, cbm: a.cbm };
}

/** The country of the customer a row names (for weekends), via a lookup. */
export function countryOf(customers: Map<string, CustomerRecord>, ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  return customers.get(ref.trim().toLowerCase())?.country;
}
