// The zod/mini object schema of a ledger's records, built from its column definitions: presence of required fields,
// enum codes, integers, ranges, date/time/email/URL formats. Cell readers convert representations; this decides
// validity. Built once per ledger, on first use (module load stays cheap for onOpen/onEdit).
import * as z from 'zod/mini';
import type { RowRef } from './records';
import type { ColumnDef, LedgerDef } from './schema-types';

const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
// Linear-time patterns (no nested quantifiers over overlapping classes): safe on 50,000-character cells.
const ADDRESS = '[^\\s@<>()\\[\\],;:"]+@(?:[^\\s@<>()\\[\\],;:".]+\\.)+[^\\s@<>()\\[\\],;:".]{2,}';
export const EMAIL_PATTERN = new RegExp(`^${ADDRESS}$`);
export const EMAIL_LIST_PATTERN = new RegExp(`^${ADDRESS}(?:, ${ADDRESS})*$`);
export const URL_PATTERN = /^(?:https?|ftp):\/\/[^\s/?#.]+(?:\.[^\s/?#.]+)*(?::\d+)?(?:[/?#]\S*)?$/i;
const CURRENCY = /^[A-Z]{3}$/;
const LANGUAGE = /^[a-z]{2}$/;
const FRACTION = /^\d+\/\d+$/;

function bounded(col: ColumnDef, schema: z.ZodMiniNumber<number>): z.ZodMiniType {
  const checks: z.core.$ZodCheck<number>[] = [];
  if (col.min !== undefined) checks.push(z.gte(col.min));
  if (col.max !== undefined) checks.push(z.lte(col.max));
  return checks.length ? schema.check(...checks) : schema;
}

/** The schema of one field (before optionality). */
export function fieldSchema(col: ColumnDef): z.ZodMiniType {
  if (col.raw) return z.unknown();
  switch (col.type) {
    case 'text':
      if (col.kind === 'currency') return z.string().check(z.regex(CURRENCY));
      if (col.kind === 'language') return z.string().check(z.regex(LANGUAGE));
      if (col.kind === 'fraction') return z.string().check(z.regex(FRACTION));
      return z.string();
    case 'number':
    case 'money':
    case 'percent':
    case 'datetime':
      return bounded(col, z.number());
    case 'integer':
      return bounded(col, z.int());
    case 'date':
      return z.string().check(z.regex(ISO_DATE));
    case 'time':
      return z.string().check(z.regex(CLOCK_TIME));
    case 'enum': {
      const codes = (col.options ?? []).map((o) => o.code);
      return z.enum(codes as [string, ...string[]]);
    }
    case 'email':
      return z.string().check(z.regex(col.multiple ? EMAIL_LIST_PATTERN : EMAIL_PATTERN));
    case 'url':
      return z.string().check(z.regex(URL_PATTERN));
    case 'checkbox':
      return z.boolean();
  }
}

interface LedgerSchemas {
  /** Field schemas by key, before optionality: the very instances inside `object`. */
  fields: Map<string, z.ZodMiniType>;
  object: z.ZodMiniType;
}

const schemas = new WeakMap<object, LedgerSchemas>();

function ledgerSchemas(ledger: LedgerDef): LedgerSchemas {
  let built = schemas.get(ledger);
  if (!built) {
    const fields = new Map<string, z.ZodMiniType>();
    const shape: Record<string, z.ZodMiniType> = { _row: z.int() };
    for (const col of ledger.columns) {
      const field = fieldSchema(col);
      fields.set(col.key, field);
      shape[col.key] = col.required ? field : z.optional(field);
    }
    built = { fields, object: z.object(shape) };
    schemas.set(ledger, built);
  }
  return built;
}

/**
 * The record schema of a ledger (cached). Its output type is the ledger's records.ts interface: `defineLedger`
 * proves at compile time that the columns describe exactly that interface.
 */
export function recordSchema<R extends RowRef>(ledger: LedgerDef<R>): z.ZodMiniType<R> {
  return ledgerSchemas(ledger).object as z.ZodMiniType<R>;
}

/**
 * true when a value the cell readers produced can still be invalid for the column: an email or URL format, a
 * whole number, a range. Everything else (text, dates, times, enum codes, booleans, unbounded numbers, time zones,
 * currencies, languages, counts) is valid by construction of its reader.
 */
export function needsCheck(col: ColumnDef): boolean {
  if (col.raw) return false;
  return col.type === 'email' || col.type === 'url' || col.type === 'integer' || col.min !== undefined || col.max !== undefined;
}

/** Keys of a record that the record schema refuses: required and missing, or invalid; undefined when none. */
export type RowValidator = (record: Readonly<Record<string, unknown>>) => string[] | undefined;

const MEMO_LIMIT = 10_000;
const validators = new WeakMap<object, RowValidator>();

/**
 * What parsing a sheet runs on every row: the record schema's checks that readers cannot guarantee (presence of
 * required fields, and the field schemas of the fields `needsCheck` names), each distinct value validated once
 * per column (a ledger repeats the same owners and percentages), so that 50,000 rows stay well under a second.
 */
export function rowValidator(ledger: LedgerDef): RowValidator {
  let validate = validators.get(ledger);
  if (!validate) {
    const { fields } = ledgerSchemas(ledger);
    const checks = ledger.columns
      .filter((c) => (c.required && !c.raw) || needsCheck(c))
      .map((c) => ({ key: c.key, required: c.required === true && !c.raw, schema: needsCheck(c) ? fields.get(c.key) : undefined, memo: new Map<unknown, boolean>() }));
    validate = (record) => {
      let refused: string[] | undefined;
      for (const check of checks) {
        const value = record[check.key];
        if (value === undefined) {
          if (check.required) (refused ??= []).push(check.key);
          continue;
        }
        if (!check.schema) continue;
        let ok = check.memo.get(value);
        if (ok === undefined) {
          ok = check.schema.safeParse(value).success;
          if (check.memo.size < MEMO_LIMIT) check.memo.set(value, ok);
        }
        if (!ok) (refused ??= []).push(check.key);
      }
      return refused;
    };
    validators.set(ledger, validate);
  }
  return validate;
}
