// After-sales rules (seed 002): the return-visit date, a case's work status, and the phone call bad and medium reviews need.
import type { AfterSalesRecord, AfterSalesType, LocalDate, WorkStatus } from '../ledgers/records';
import { addDaysToLocalDate } from '../time/zone';
import { addWorkingDays, weekendOf } from '../time/working-days';

/** Settings of the after-sales rules (seed 002: 7–15 working days after receipt, 3–7 days after handling). */
export interface AfterSalesConfig {
  /** Working days from receipt to the return visit of returns, exchanges and missing items. Default 7. */
  returnVisitWorkingDays?: number;
  /** Calendar days from handling to the return visit of complaints and bad / medium reviews. Default 3. */
  handledReturnVisitDays?: number;
  /** The customer's country (name or ISO code); decides the weekend. Saturday–Sunday when absent or unknown. */
  country?: string;
  /** Public holidays to skip when counting working days. */
  holidays?: ReadonlySet<LocalDate>;
}

export const DEFAULT_RETURN_VISIT_WORKING_DAYS = 7;
export const DEFAULT_HANDLED_RETURN_VISIT_DAYS = 3;

/** Case types whose return visit counts from the customer's receipt of the goods. */
const RECEIPT_TYPES: readonly AfterSalesType[] = ['return', 'exchange', 'missing-item'];
/** Case types whose return visit counts from the day the case was handled. */
const HANDLED_TYPES: readonly AfterSalesType[] = ['complaint', 'bad-review', 'medium-review'];
/** Case types that must get a phone call (seed 002: 有差评和中评必须电话联系客户). */
const CALL_TYPES: readonly AfterSalesType[] = ['bad-review', 'medium-review'];

export type ReturnVisitInput = Pick<AfterSalesRecord, 'type' | 'receivedOn' | 'handledOn'>;

/**
 * The return-visit date of a case, or undefined while its starting date is blank. Returns, exchanges and missing
 * items: receipt + N working days in the customer's country; complaints and bad / medium reviews: handled + M
 * days. A case without a type uses whichever date is filled, the handling date first.
 * @example returnVisitDue({ type: 'return', receivedOn: '2026-03-06' }, { country: 'Saudi Arabia' }) // '2026-03-16'
 */
export function returnVisitDue(row: ReturnVisitInput, config: AfterSalesConfig = {}): LocalDate | undefined {
  if (row.type && RECEIPT_TYPES.includes(row.type)) return fromReceipt(row, config);
  if (row.type && HANDLED_TYPES.includes(row.type)) return fromHandling(row, config);
  return fromHandling(row, config) ?? fromReceipt(row, config);
}

// Module functions, not closures made per case: the sweep and the dashboard compute every case's date.
function fromReceipt(row: ReturnVisitInput, config: AfterSalesConfig): LocalDate | undefined {
  return row.receivedOn
    ? addWorkingDays(row.receivedOn, config.returnVisitWorkingDays ?? DEFAULT_RETURN_VISIT_WORKING_DAYS, weekendOf(config.country), config.holidays)
    : undefined;
}

function fromHandling(row: ReturnVisitInput, config: AfterSalesConfig): LocalDate | undefined {
  return row.handledOn ? addDaysToLocalDate(row.handledOn, config.handledReturnVisitDays ?? DEFAULT_HANDLED_RETURN_VISIT_DAYS) : undefined;
}

/**
 * True for bad and medium reviews: seed 002 requires a phone call to the customer to ask why.
 * @example phoneCallRequired({ type: 'medium-review' }) // true
 */
export function phoneCallRequired(row: Pick<AfterSalesRecord, 'type'>): boolean {
  return row.type !== undefined && CALL_TYPES.includes(row.type);
}

export type AfterSalesStatusInput = Pick<
  AfterSalesRecord,
  'type' | 'receivedOn' | 'handledOn' | 'calledCustomer' | 'closedOn'
>;

/** What the auto columns of a case should hold, plus what the reminders need to know. */
export interface AfterSalesStatusResult {
  status: WorkStatus;
  /** The Return visit due column; absent while it cannot be computed. */
  returnVisitDue?: LocalDate;
  /** The case is a bad or medium review and must get a phone call. */
  phoneCallRequired: boolean;
  /** A required call has not been made and the case is still open: the reminders should ask for it. */
  phoneCallPending: boolean;
}

/**
 * The status of an after-sales case on `today`: done once closed; overdue when the return visit was due before
 * today; in progress once handled or the customer was called; else pending.
 * @example afterSalesStatus({ type: 'complaint', handledOn: '2026-03-02' }, '2026-03-06').status // 'overdue'
 */
export function afterSalesStatus(row: AfterSalesStatusInput, today: LocalDate, config: AfterSalesConfig = {}): AfterSalesStatusResult {
  const due = returnVisitDue(row, config);
  const callRequired = phoneCallRequired(row);
  const result: AfterSalesStatusResult = {
    status: 'pending',
    phoneCallRequired: callRequired,
    phoneCallPending: callRequired && !row.calledCustomer && !row.closedOn,
  };
  if (due) result.returnVisitDue = due;
  if (row.closedOn) result.status = 'done';
  else if (due && due < today) result.status = 'overdue';
  else if (row.handledOn || row.calledCustomer) result.status = 'in-progress';
  return result;
}
