// The ports: small synchronous interfaces the use cases (src/app) are written against. Apps Script adapters
// (src/gas) implement them with SpreadsheetApp, Drive, Docs, Gmail…; tests can implement them in memory.
// A `Table` is one sheet seen as a grid; ledger meaning (headers, types, owners) is added by app/ledger-table.ts.

/** A cell value as Apps Script returns it: Date objects for dates, "" for blanks. */
export type CellValue = string | number | boolean | Date;

export interface GridRef {
  sheet: string;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ValidationSpec {
  kind: 'list' | 'date' | 'email' | 'url' | 'number' | 'percent' | 'checkbox';
  values?: string[];
  /** Warn instead of rejecting (users paste from Excel: never refuse their data). */
  allowInvalid: boolean;
  helpText?: string;
}

export interface ConditionalSpec {
  /** A formula relative to the first cell of the range, e.g. =$F2="Overdue". */
  formula: string;
  background: string;
  fontColor?: string;
  /** Column numbers (1-based) the rule colours, from row 2 down. */
  columns: number[];
  /** Identifies Gendan's own rules so setup can replace them without touching the user's. */
  tag: string;
}

export interface ChartSpec {
  tag: string;
  type: 'COLUMN' | 'BAR' | 'PIE';
  title: string;
  /** A1 ranges on the same sheet. */
  ranges: string[];
  row: number;
  col: number;
}

/** One column's condition of a basic filter: the texts shown, or a test of each cell's value. */
export type FilterCriterion = { col: number; values: string[] } | { col: number; show: (cell: CellValue) => boolean };

export interface Table {
  readonly name: string;
  readonly sheetId: number;
  /** Every row with content, header included: one read. */
  readAll(): CellValue[][];
  /** Row 1 up to the last non-blank header cell. */
  readHeader(): CellValue[];
  readBlock(row: number, col: number, numRows: number, numCols: number): CellValue[][];
  /** Column `col` from row `fromRow` to the bottom of the sheet, blanks as "" (one read of one column). */
  readColumn(col: number, fromRow: number): CellValue[];
  readFormulas(row: number, col: number, numRows: number, numCols: number): string[][];
  writeBlock(row: number, col: number, values: unknown[][]): void;
  /**
   * Writes one value into the cells of column `col` at `rows` (one call: a range list of exactly those cells, so no
   * other cell is rewritten, whatever lies between the rows).
   */
  fillCells(col: number, rows: readonly number[], value: unknown): void;
  /** Data rows (from row 2) whose cell in `col` shows exactly `text` (one search, no read of the sheet). */
  findRows(col: number, text: string): number[];
  setNote(row: number, col: number, note: string): void;
  lastRow(): number;
  maxColumns(): number;
  // structure, used by setup
  frozenRows(): number;
  setFrozenRows(n: number): void;
  setColumnValidation(col: number, spec: ValidationSpec | null, fromRow: number, numRows: number): void;
  /** Validation rule of the first data cell of each column (1…numCols), null where none. */
  columnValidations(numCols: number): (ValidationSpec | null)[];
  setColumnFormat(col: number, numberFormat: string, fromRow: number, numRows: number): void;
  formatHeader(numCols: number, background: string): void;
  setColumnWidth(col: number, width: number): void;
  /** Gendan-tagged conditional rules present (by tag). */
  conditionalTags(): string[];
  /** Replaces Gendan's rules (by tag prefix) and keeps everyone else's. */
  setConditionalRules(rules: ConditionalSpec[], tagPrefix: string): void;
  /** Descriptions of the column protections present. */
  protectedColumns(): { col: number; description: string }[];
  protectColumn(col: number, description: string, warningOnly: boolean): void;
  unprotect(description: string): void;
  /**
   * Applies a basic filter (replacing the sheet's) showing only the rows whose column shows one of `values`, or
   * whose cell passes `show`; several criteria must all hold. null removes the filter.
   */
  applyFilter(criteria: FilterCriterion[] | null, numCols: number): void;
  charts(): { tag: string }[];
  replaceCharts(specs: ChartSpec[]): void;
  activate(row: number, col: number, numRows?: number, numCols?: number): void;
}

export interface Workbook {
  id(): string;
  url(): string;
  timeZone(): string;
  locale(): string;
  table(name: string): Table | null;
  /** The sheet with this ID, whatever its current name (users rename sheets). */
  tableById(sheetId: number): Table | null;
  tableNames(): string[];
  insertTable(name: string): Table;
  renameTable(from: string, to: string): void;
  /** The user's selection, or null in triggers. */
  selection(): GridRef | null;
  toast(message: string, title?: string): void;
  /** Link to a cell, for mails and sidebars. */
  linkTo(sheetId: number, row: number, col?: number): string;
}

export interface Clock {
  /** The current instant, epoch ms. */
  now(): number;
}

export interface Lock {
  /** Runs `fn` under the document lock, waiting up to `timeoutMs`; throws LockBusy when it cannot get it. */
  withDocumentLock<T>(timeoutMs: number, fn: () => T): T;
  /**
   * Runs `fn` under the current user's lock (one execution of this user at a time, across documents); throws
   * LockBusy when it cannot get it. A failing release is ignored: Apps Script releases locks when the script ends.
   */
  withUserLock<T>(timeoutMs: number, fn: () => T): T;
}

export class LockBusy extends Error {
  readonly code = 'LOCK_BUSY';
  constructor() {
    super('Another user is updating this workbook; try again in a moment.');
  }
}

export interface KeyValueStore {
  get(key: string): string | null;
  getAll(): Record<string, string>;
  set(key: string, value: string): void;
  setAll(values: Record<string, string>): void;
  delete(key: string): void;
}

export interface Ui {
  alert(title: string, message: string): void;
  confirm(title: string, message: string): boolean;
  showSidebar(file: string, title: string, data?: unknown): void;
  showDialog(file: string, title: string, data?: unknown, width?: number, height?: number): void;
}

export interface TriggerInfo {
  id: string;
  handler: string;
  kind: 'clock' | 'edit' | 'change' | 'open' | 'other';
}

export interface Triggers {
  list(): TriggerInfo[];
  addDaily(handler: string, hour: number): TriggerInfo;
  addHourly(handler: string): TriggerInfo;
  /** An installable change trigger on this spreadsheet (rows deleted or inserted, columns, sheets). */
  addOnChange(handler: string): TriggerInfo;
  addOnce(handler: string, afterMs: number): TriggerInfo;
  remove(id: string): void;
}

export interface Attachment {
  name: string;
  mimeType: string;
  /** Opaque handle the adapter understands (a Blob in Apps Script). */
  blob: unknown;
}

export interface OutgoingMail {
  to: string;
  cc?: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  name?: string;
  attachments?: Attachment[];
  /** Extra headers of a draft (X-Gendan-Key…); MailApp sends cannot carry them. */
  headers?: Record<string, string>;
}

/** One header of a Gmail draft and when the draft was made. */
export interface DraftHeader {
  /** epoch ms */
  createdAt: number;
  /** '' when the draft has no such header. */
  value: string;
}

export interface Mailer {
  remainingQuota(): number;
  send(mail: OutgoingMail): void;
  /** Creates a draft in the user's Gmail; returns its id. */
  draft(mail: OutgoingMail): string;
  /** Sends a draft made by `draft`: it becomes a sent message and the draft is gone. */
  sendDraft(draftId: string): void;
  /** Ids of the user's drafts, newest first, at most `limit`. */
  draftIds(limit: number): string[];
  /** A draft's creation time and one of its headers; null once the draft was sent or deleted. */
  draftHeader(draftId: string, header: string): DraftHeader | null;
}

export interface DriveFile {
  id: string;
  name: string;
  url: string;
  mimeType: string;
}

export interface FileStore {
  /** Finds a folder by name under `parentId` (or the root), creating it when missing. */
  ensureFolder(name: string, parentId?: string): DriveFile;
  findFile(id: string): DriveFile | null;
  copyFile(sourceId: string, name: string, folderId: string): DriveFile;
  /** Stores bytes (a Blob handle) as a file. */
  createFile(name: string, mimeType: string, blob: unknown, folderId: string): DriveFile;
  /** Creates an empty Google Doc in a folder. */
  createDoc(name: string, folderId: string): DriveFile;
  trash(id: string): void;
  /** Files in a folder whose name starts with `prefix`. */
  listByPrefix(folderId: string, prefix: string): DriveFile[];
  /** Every file (of `mimeType`, when given) directly in a folder, not trashed: one call per 1,000 files. */
  listChildren(folderId: string, mimeType?: string): DriveFile[];
}

/** Google Docs API shapes, as far as Gendan uses them (see the Docs API reference). */
export interface DocsDocument {
  documentId: string;
  title: string;
  body: { content: DocsStructuralElement[] };
}

export interface DocsStructuralElement {
  startIndex?: number;
  endIndex: number;
  paragraph?: { elements: { startIndex: number; endIndex: number; textRun?: { content: string; textStyle?: Record<string, unknown> } }[]; paragraphStyle?: Record<string, unknown> };
  table?: {
    rows: number;
    columns: number;
    tableRows: { startIndex: number; endIndex: number; tableCells: { startIndex: number; endIndex: number; content: DocsStructuralElement[] }[] }[];
  };
  sectionBreak?: Record<string, unknown>;
}

export type DocsRequest = Record<string, unknown>;

export interface DocumentRenderer {
  get(documentId: string): DocsDocument;
  batchUpdate(documentId: string, requests: DocsRequest[]): void;
  /** The document as PDF (a Blob handle for FileStore.createFile / Mailer attachments). */
  pdf(documentId: string, name: string): unknown;
}

export interface UserInfo {
  email(): string;
  locale(): string;
}

export interface Log {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Everything a use case may touch. Adapters are created lazily: onEdit in LIMITED mode never builds Mailer. */
export interface Ports {
  readonly workbook: Workbook;
  readonly clock: Clock;
  readonly lock: Lock;
  readonly docProps: KeyValueStore;
  readonly userProps: KeyValueStore;
  readonly ui: Ui;
  readonly files: FileStore;
  readonly docs: DocumentRenderer;
  readonly mailer: Mailer;
  readonly triggers: Triggers;
  readonly user: UserInfo;
  readonly log: Log;
}
