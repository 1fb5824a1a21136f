// The typed records Gendan works with, one interface per ledger row, and the canonical enum codes. The ledger
// schemas (schemas.ts) parse sheet rows into exactly these shapes; rules, documents and reminders consume them.
// Dates are calendar dates (LocalDate, "YYYY-MM-DD", in the spreadsheet's zone); instants are epoch milliseconds.
import type { LocalDate } from '../time/zone';

export type { LocalDate };

export const CUSTOMER_TYPES = ['new', 'existing', 'repeat'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const PREFERRED_CHANNELS = ['email', 'phone', 'whatsapp', 'wechat', 'linkedin', 'video', 'visit'] as const;
export type PreferredChannel = (typeof PREFERRED_CHANNELS)[number];

export const CONTACT_CHANNELS = ['face-to-face', 'phone', 'video', 'email', 'im'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Order stages in their only forward order; `lost` can follow any non-terminal stage. */
export const ORDER_STAGES = ['inquiry', 'quoted', 'contracted', 'deposit', 'production', 'ready', 'shipped', 'balance', 'completed', 'lost'] as const;
export type OrderStage = (typeof ORDER_STAGES)[number];

export const WORK_STATUSES = ['pending', 'in-progress', 'done', 'overdue'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const PAYMENT_STATUSES = ['none', 'awaiting-deposit', 'deposit-received', 'balance-due', 'balance-overdue', 'paid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const NEED_CLASSES = ['core', 'expected', 'potential'] as const;
export type NeedClass = (typeof NEED_CLASSES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PIPELINE_STAGES = [
  'initiation',
  'first-contact',
  'solution-design',
  'showcase',
  'solution-confirmed',
  'evaluation',
  'negotiation',
  'signed',
  'lost',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const AFTER_SALES_TYPES = ['return', 'exchange', 'complaint', 'bad-review', 'medium-review', 'missing-item'] as const;
export type AfterSalesType = (typeof AFTER_SALES_TYPES)[number];

export const TRANSPORTS = ['sea', 'air', 'rail', 'truck', 'express'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export const FOLLOW_UP_SOURCES = ['contact', 'reminder', 'manual'] as const;
export type FollowUpSource = (typeof FOLLOW_UP_SOURCES)[number];

export const MAIL_MODES = ['draft', 'send'] as const;
export type MailMode = (typeof MAIL_MODES)[number];

/** Where a record came from: its sheet row (1-based; row 1 is the header). */
export interface RowRef {
  _row: number;
}

export interface CustomerRecord extends RowRef {
  customerId: string;
  name: string;
  type?: CustomerType;
  country?: string;
  timeZone?: string;
  /** ISO 639-1 code ("en", "zh", "es"…). */
  language?: string;
  industry?: string;
  mainCategories?: string;
  purchaseCycleDays?: number;
  preferredChannel?: PreferredChannel;
  contact?: string;
  title?: string;
  email?: string;
  phone?: string;
  im?: string;
  address?: string;
  owner?: string;
  source?: string;
  grade?: string;
  doNotEmailUntil?: LocalDate;
  notes?: string;
  // auto
  lastContact?: LocalDate;
  nextFollowUp?: LocalDate;
  openOrders?: number;
  totalWon?: number;
}

export interface ProductRecord extends RowRef {
  code: string;
  name: string;
  englishName?: string;
  description?: string;
  material?: string;
  surfaceFinish?: string;
  specification?: string;
  structure?: string;
  packaging?: string;
  unit?: string;
  unitPrice?: number;
  currency?: string;
  factory?: string;
  factoryPrice?: number;
  pcsPerCarton?: number;
  nwPerCarton?: number;
  gwPerCarton?: number;
  /** e.g. "60x40x30 cm" */
  cartonSize?: string;
  cbmPerCarton?: number;
  hsCode?: string;
  imageUrl?: string;
}

export interface OrderRecord extends RowRef {
  orderNo: string;
  /** Customer ID or customer name, as typed. */
  customer: string;
  owner?: string;
  stage?: OrderStage;
  // auto
  status?: WorkStatus;
  stageSince?: LocalDate;
  inquiryDate?: LocalDate;
  quoteNo?: string;
  quoteDate?: LocalDate;
  quoteValidUntil?: LocalDate;
  contractNo?: string;
  contractDate?: LocalDate;
  currency?: string;
  // auto
  totalAmount?: number;
  paymentTerms?: string;
  /** Fraction: 0.3 for 30 %. */
  depositPercent?: number;
  depositReceivedOn?: LocalDate;
  balanceDueOn?: LocalDate;
  balanceReceivedOn?: LocalDate;
  // auto
  paymentStatus?: PaymentStatus;
  tradeTerm?: string;
  transport?: Transport;
  portOfLoading?: string;
  destinationPort?: string;
  deliveryDate?: LocalDate;
  factory?: string;
  factoryPoNo?: string;
  /** Fraction 0…1. */
  productionProgress?: number;
  shippedOn?: LocalDate;
  blNo?: string;
  trackingNo?: string;
  eta?: LocalDate;
  packagingRequirements?: string;
  shippingMarks?: string;
  qualityRequirements?: string;
  lostReason?: string;
  // auto: document numbers beyond quote/contract/PO
  shippingNoticeNo?: string;
  invoiceNo?: string;
  // auto
  documents?: string;
  notes?: string;
  // auto: epoch ms
  updated?: number;
}

export interface OrderLineRecord extends RowRef {
  orderNo: string;
  line?: number;
  productCode?: string;
  productName?: string;
  description?: string;
  material?: string;
  surfaceFinish?: string;
  specification?: string;
  quantity?: number;
  unit?: string;
  unitPrice?: number;
  // auto
  amount?: number;
  factoryPrice?: number;
  // auto
  cartons?: number;
  netWeight?: number;
  grossWeight?: number;
  cbm?: number;
  notes?: string;
}

export interface ContactRecord extends RowRef {
  // auto
  contactId?: string;
  date: LocalDate;
  /** "HH:mm" */
  time?: string;
  channel?: ContactChannel;
  place?: string;
  customer: string;
  customerParticipants?: string;
  ourParticipants?: string;
  topic?: string;
  customerFeedback?: string;
  ourActions?: string;
  objections?: string;
  needClass?: NeedClass;
  priority?: Priority;
  solutionSummary?: string;
  nextAction?: string;
  owner?: string;
  due?: LocalDate;
  result?: string;
  lesson?: string;
  remarks?: string;
}

export interface FollowUpRecord extends RowRef {
  // auto
  id?: string;
  customer?: string;
  ref?: string;
  nextAction: string;
  owner?: string;
  due?: LocalDate;
  /** Shared: the user marks in-progress / done; Gendan keeps pending / overdue true. */
  status?: WorkStatus;
  /** Fraction 0…1. */
  progress?: number;
  priority?: Priority;
  // auto
  startedOn?: LocalDate;
  doneOn?: LocalDate;
  /** "contact:CT-000012", "reminder:<key>", "manual" */
  source?: string;
  snoozedUntil?: LocalDate;
  notes?: string;
}

export interface PipelineRecord extends RowRef {
  projectName: string;
  region?: string;
  projectCode?: string;
  generalContractor?: string;
  quotingPerson?: string;
  department?: string;
  stage?: PipelineStage;
  // auto
  stageSince?: LocalDate;
  /** "n/m": conditions of the current stage met. */
  checklistDone?: string;
  actualSituation?: string;
  judgmentRep?: string;
  judgmentDeptHead?: string;
  judgmentSalesManager?: string;
  judgmentGm?: string;
  estimatedAmount?: number;
  currency?: string;
  // auto (by stage)
  winProbability?: number;
  expectedClose?: LocalDate;
  nextStep?: string;
  owner?: string;
  due?: LocalDate;
  // auto
  status?: WorkStatus;
}

export interface AfterSalesRecord extends RowRef {
  // auto if blank
  caseNo?: string;
  date: LocalDate;
  shop?: string;
  customer?: string;
  orderNo?: string;
  type?: AfterSalesType;
  problem?: string;
  model?: string;
  quantity?: number;
  returnTrackingNo?: string;
  handling?: string;
  owner?: string;
  calledCustomer?: boolean;
  /** Goods received by the customer (starts the 7–15 working-day return visit). */
  receivedOn?: LocalDate;
  /** Complaint handled (starts the 3–7 day return visit). */
  handledOn?: LocalDate;
  // auto
  returnVisitDue?: LocalDate;
  satisfaction?: string;
  lossAmount?: number;
  restocked?: boolean;
  /** The user closes the case. */
  closedOn?: LocalDate;
  // auto
  status?: WorkStatus;
}

export interface ReminderLogRecord extends RowRef {
  key: string;
  rule: string;
  ref?: string;
  recipient?: string;
  /** epoch ms */
  when?: number;
  mode?: string;
  result?: string;
  detail?: string;
}

export interface SettingRecord extends RowRef {
  key: string;
  value: unknown;
  notes?: string;
}

export interface MailTemplateRecord extends RowRef {
  key: string;
  language: string;
  subject: string;
  body: string;
}
