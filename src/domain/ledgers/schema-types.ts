// The vocabulary of ledger definitions (column types, owners, bilingual labels, enum options, the issue a bad cell
// produces) and `defineLedger`, whose type check keeps every ledger's columns identical to its records.ts interface.
import type { Message } from '../i18n/i18n';
import type { RowRef } from './records';

export type LedgerKey =
  | 'customers'
  | 'products'
  | 'orders'
  | 'orderLines'
  | 'contacts'
  | 'followUps'
  | 'pipeline'
  | 'afterSales'
  | 'settings'
  | 'reminderLog'
  | 'mailTemplates';

export type ColumnType =
  | 'text'
  | 'number'
  | 'integer'
  | 'money'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'enum'
  | 'email'
  | 'url'
  | 'checkbox';

/** user: typed by people, never written by Gendan · auto: written by Gendan only · shared: typed, and advanced by Gendan. */
export type ColumnOwner = 'user' | 'auto' | 'shared';

/**
 * Extra meaning of a text column, normalised while parsing: an IANA time zone ("UTC+3" → "Etc/GMT-3"), an ISO 4217
 * currency ("RMB" → "CNY"), an ISO 639-1 language ("English" → "en"), or a checklist count "n/m".
 */
export type TextKind = 'timeZone' | 'currency' | 'language' | 'fraction';

export interface EnumOption<C extends string = string> {
  readonly code: C;
  readonly en: string;
  readonly zh: string;
  /** Other spellings people type, in either language; the code itself is always accepted. */
  readonly aliases: readonly string[];
}

export interface ColumnDef<K extends string = string> {
  /** The record field (records.ts). */
  readonly key: K;
  readonly header: Message;
  /** Other header texts that mean this column, in either language. */
  readonly aliases: readonly string[];
  readonly type: ColumnType;
  /** The record field is not optional: a row without it is reported and left out. */
  readonly required?: boolean;
  readonly owner: ColumnOwner;
  /** Enum values: the codes of records.ts with their labels. */
  readonly options?: readonly EnumOption[];
  /** Suggested Sheets number format ("@" = plain text, keeps leading zeros). */
  readonly numberFormat?: string;
  /** Suggested column width in pixels. */
  readonly width: number;
  /** Longer text is kept but reported as a warning. */
  readonly maxLength?: number;
  /** Inclusive bounds for numbers (percent columns: fractions, 1 = 100 %). */
  readonly min?: number;
  readonly max?: number;
  readonly kind?: TextKind;
  /** Email columns: several addresses separated by , or ; are allowed. */
  readonly multiple?: boolean;
  /** The cell value is passed through unparsed (Settings → Value: each setting parses its own type). */
  readonly raw?: boolean;
  /** A (+) field: asked for by users of such tools, beyond the seeds. */
  readonly plus?: boolean;
}

/** One ledger: a sheet with a header row and one record per data row. */
export interface LedgerDef<R extends RowRef = RowRef> {
  readonly key: LedgerKey;
  readonly sheet: Message;
  /** Other sheet names that mean this ledger. */
  readonly sheetAliases: readonly string[];
  /** In template order; `defineLedger` has checked that their keys and types are exactly R's fields. */
  readonly columns: readonly ColumnDef[];
  /** The column identifying a row, if any. */
  readonly idColumn?: string;
  /** The id may be left blank for Gendan to fill: a blank id parses as "" (not numbered yet), never as an error. */
  readonly idAutoIfBlank?: boolean;
  /** Type carrier only; never set. */
  readonly __record?: R;
}

/** A sheet Gendan owns completely and that has no ledger rows (the dashboard). */
export interface AutoSheetDef {
  readonly key: 'dashboard';
  readonly sheet: Message;
  readonly sheetAliases: readonly string[];
}

export type RecordField<R> = Exclude<keyof R, '_row' | '__record'> & string;

/** A problem with one cell (or with the header row), in both languages, naming the cell. */
export interface LedgerIssue {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** A1 column letter ("H"). */
  column: string;
  /** The header text as found in the sheet (or the column's English header when the column is missing). */
  header: string;
  /** The record field, or "" when the issue is not about one field. */
  key: string;
  /** The offending value as shown, at most 80 characters. */
  value: string;
  message: Message;
  severity: 'error' | 'warning';
}

// ---- type-level: the columns of a ledger must describe exactly its records.ts interface ----

type NumberColumnType = 'number' | 'integer' | 'money' | 'percent' | 'datetime';

/** The record value type a column parses into. */
export type ColumnValue<C> = C extends { raw: true }
  ? unknown
  : C extends { type: 'enum'; options: readonly EnumOption<infer E>[] }
    ? E
    : C extends { type: NumberColumnType }
      ? number
      : C extends { type: 'checkbox' }
        ? boolean
        : string;

type Simplify<T> = { [K in keyof T]: T[K] };

/** The record shape (without _row) described by a list of columns. */
export type RecordOfColumns<Cols extends readonly ColumnDef[]> = Simplify<
  { [C in Cols[number] as C extends { required: true } ? C['key'] : never]: ColumnValue<C> } & {
    [C in Cols[number] as C extends { required: true } ? never : C['key']]?: ColumnValue<C>;
  }
>;

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type ColumnsMatch<R extends RowRef, Cols extends readonly ColumnDef[]> =
  Equal<RecordOfColumns<Cols>, Simplify<Omit<R, '_row'>>> extends true
    ? unknown
    : {
        columnsDoNotMatchTheRecord: {
          missingColumns: Exclude<RecordField<R>, Cols[number]['key']>;
          unknownColumns: Exclude<Cols[number]['key'], RecordField<R>>;
          described: RecordOfColumns<Cols>;
          expected: Simplify<Omit<R, '_row'>>;
        };
      };

interface LedgerInput<Cols extends readonly ColumnDef[]> {
  readonly key: LedgerKey;
  readonly sheet: Message;
  readonly sheetAliases: readonly string[];
  readonly columns: Cols;
  readonly idColumn?: Cols[number]['key'];
  readonly idAutoIfBlank?: boolean;
}

/**
 * Declares a ledger for record type R; compilation fails when a column is missing, extra, optional where the record
 * field is required, or of a type that parses into something else than the field holds.
 * @example export const PRODUCTS = defineLedger<ProductRecord>()({ key: 'products', columns: [...], ... });
 */
export function defineLedger<R extends RowRef>() {
  return function define<const Cols extends readonly ColumnDef[]>(def: LedgerInput<Cols> & ColumnsMatch<R, Cols>): LedgerDef<R> {
    return def as unknown as LedgerDef<R>;
  };
}

/** Suggested number format of a column type, unless the column says otherwise. */
export const DEFAULT_NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  integer: '0',
  money: '#,##0.00',
  percent: '0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  time: 'hh:mm',
};

/** Suggested width of a column type, unless the column says otherwise. */
const DEFAULT_WIDTHS: Record<ColumnType, number> = {
  text: 160, number: 90, integer: 80, money: 110, percent: 80, date: 100, datetime: 130, time: 70, enum: 110, email: 180, url: 200, checkbox: 80,
};

/** What a column may say beyond its key, type, headers and aliases; owner defaults to 'user'. */
export type ColumnExtras = Partial<Omit<ColumnDef, 'key' | 'header' | 'aliases' | 'type'>>;

type Built<K extends string, T extends ColumnType, X extends ColumnExtras> = {
  readonly key: K;
  readonly header: Message;
  readonly aliases: readonly string[];
  readonly type: T;
  readonly owner: X extends { owner: infer O } ? O : 'user';
  readonly width: number;
} & X;

/**
 * One column, compactly (the ledger tables are a large part of the Apps Script bundle): key, type, English and
 * Chinese header, other header texts, then what differs from the defaults (owner 'user', width and number format
 * by type). Literal types are kept, so `defineLedger` can check the column against the record.
 * @example col('deliveryDate', 'date', 'Delivery date', '交货日期', ['交期'])
 */
export function col<const K extends string, const T extends ColumnType, const X extends ColumnExtras = Record<never, never>>(
  key: K,
  type: T,
  en: string,
  zh: string,
  aliases: readonly string[],
  extras?: X,
): Built<K, T, X> {
  const numberFormat = DEFAULT_NUMBER_FORMATS[type];
  return {
    key,
    header: { en, zh },
    aliases,
    type,
    owner: 'user',
    width: DEFAULT_WIDTHS[type],
    ...(numberFormat ? { numberFormat } : {}),
    ...extras,
  } as Built<K, T, X>;
}

/**
 * Enum options for every code of a records.ts constant, in its order; the labels table must name every code.
 * @example enumOptions(PRIORITIES, { high: ['High', '高', []], medium: ['Medium', '中', []], low: ['Low', '低', []] })
 */
export function enumOptions<C extends string>(
  codes: readonly C[],
  labels: Record<C, readonly [en: string, zh: string, aliases: readonly string[]]>,
): readonly EnumOption<C>[] {
  return codes.map((code) => ({ code, en: labels[code][0], zh: labels[code][1], aliases: labels[code][2] }));
}
