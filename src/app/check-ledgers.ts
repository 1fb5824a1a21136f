// "Check ledgers": every problem in every ledger (unreadable cells, missing or duplicated columns, duplicate
// numbers, references to unknown orders, customers or products, formulas in Gendan's columns), with its cell,
// in both languages. Reads only; changes nothing.
import { LEDGERS, LEDGER_KEYS, sheetName, type LedgerKey } from '../domain/ledgers/index';
import type { LedgerDef, LedgerIssue } from '../domain/ledgers/schema-types';
import type { RowRef } from '../domain/ledgers/records';
import { columnLetter } from '../domain/ledgers/header-mapping';
import { both } from '../domain/i18n/i18n';
import { APP_MESSAGES } from '../domain/i18n/app';
import { CustomerIndex } from '../domain/orders/customer-aggregates';
import type { AppContext } from './context';
import type { Snapshot } from './ledger-table';

export interface CheckReport {
  issues: (LedgerIssue & { sheetId: number | null; col: number })[];
  rows: number;
}

const ID_COLUMNS: Partial<Record<LedgerKey, string>> = { customers: 'customerId', orders: 'orderNo', contacts: 'contactId', followUps: 'id', afterSales: 'caseNo', products: 'code' };

export function checkLedgers(ctx: AppContext): CheckReport {
  const report: CheckReport = { issues: [], rows: 0 };
  const snaps: Partial<Record<LedgerKey, Snapshot<RowRef>>> = {};
  const push = (issue: LedgerIssue, sheetId: number | null) => {
    const col = issue.column ? colNumber(issue.column) : 0;
    report.issues.push({ ...issue, sheetId, col });
  };
  for (const key of LEDGER_KEYS) {
    const table = ctx.table(key);
    if (!table) {
      const m = both(APP_MESSAGES, 'check.missingSheet', { sheet: sheetName(key, ctx.lang) });
      push({ sheet: sheetName(key, ctx.lang), row: 0, column: '', header: '', key: '', value: '', message: m, severity: 'error' }, null);
      continue;
    }
    if (key === 'settings') {
      for (const i of ctx.reloadSettings().issues) push(i, table.sheetId);
      continue;
    }
    const ledger = ctx.ledger(key)!;
    const snap = ledger.readAll() as unknown as Snapshot<RowRef>;
    snaps[key] = snap;
    report.rows += snap.records.length;
    for (const i of snap.issues) push(i, table.sheetId);
    checkMissingColumns(snap, table.sheetId, push);
    checkFormulas(snap, table.sheetId, push);
    const idKey = ID_COLUMNS[key];
    if (idKey) checkDuplicates(snap, idKey, table.sheetId, push);
  }
  checkReferences(snaps, push);
  report.issues.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row || a.col - b.col : 0));
  return report;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A column Gendan knows but the sheet lacks (the required ones are already reported by the header mapping). */
function checkMissingColumns(snap: Snapshot<RowRef>, sheetId: number, push: (i: LedgerIssue, id: number) => void): void {
  const ledger = snap.ledger as LedgerDef;
  const required = new Set(snap.mapping.missingRequired);
  const lastCol = snap.header.length;
  let n = 0;
  for (const key of snap.mapping.missing) {
    if (required.has(key)) continue;
    const col = ledger.columns.find((c) => c.key === key);
    if (!col) continue;
    const message = { en: both(APP_MESSAGES, 'check.missingColumn', { header: col.header.en }).en, zh: both(APP_MESSAGES, 'check.missingColumn', { header: col.header.zh }).zh };
    push({ sheet: snap.table.name, row: 1, column: columnLetter(lastCol + 1 + n), header: col.header.en, key, value: '', message, severity: 'warning' }, sheetId);
    n++;
  }
}

function checkFormulas(snap: Snapshot<RowRef>, sheetId: number, push: (i: LedgerIssue, id: number) => void): void {
  const ledger = snap.ledger as LedgerDef;
  const autos = ledger.columns.filter((c) => c.owner === 'auto' && snap.mapping.byKey[c.key]);
  if (!autos.length || !snap.rows.length) return;
  const cols = autos.map((c) => snap.mapping.byKey[c.key]);
  const c1 = Math.min(...cols);
  const c2 = Math.max(...cols);
  const formulas = snap.table.readFormulas(snap.firstRow, c1, snap.rows.length, c2 - c1 + 1);
  formulas.forEach((row, i) => {
    for (const col of autos) {
      const c = snap.mapping.byKey[col.key];
      const f = row[c - c1];
      if (!f) continue;
      const header = String(snap.header[c - 1] ?? col.header.en);
      push(
        { sheet: snap.table.name, row: snap.firstRow + i, column: columnLetter(c), header, key: col.key, value: f.slice(0, 80), message: both(APP_MESSAGES, 'check.formulaInAuto', { header }), severity: 'warning' },
        sheetId,
      );
    }
  });
}

function checkDuplicates(snap: Snapshot<RowRef>, key: string, sheetId: number, push: (i: LedgerIssue, id: number) => void): void {
  const c = snap.mapping.byKey[key];
  if (!c) return;
  const seen = new Map<string, number>();
  for (const r of snap.records) {
    const v = String((r as unknown as Record<string, unknown>)[key] ?? '').trim().toUpperCase();
    if (!v) continue;
    const first = seen.get(v);
    if (first === undefined) {
      seen.set(v, r._row);
      continue;
    }
    const header = String(snap.header[c - 1] ?? key);
    push(
      { sheet: snap.table.name, row: r._row, column: columnLetter(c), header, key, value: v, message: both(APP_MESSAGES, 'check.duplicateId', { value: v, other: first }), severity: 'error' },
      sheetId,
    );
  }
}

function checkReferences(snaps: Partial<Record<LedgerKey, Snapshot<RowRef>>>, push: (i: LedgerIssue, id: number) => void): void {
  const customers = snaps.customers?.records as unknown as { _row: number; customerId: string; name: string }[] | undefined;
  const index = customers ? new CustomerIndex(customers) : null;
  const orderNos = new Set((snaps.orders?.records ?? []).map((o) => String((o as unknown as { orderNo: string }).orderNo).trim().toUpperCase()));
  const productCodes = new Set((snaps.products?.records ?? []).map((p) => String((p as unknown as { code: string }).code).trim().toUpperCase()));
  const ref = (key: LedgerKey, field: string, ok: (v: string) => boolean, id: 'check.unknownOrder' | 'check.unknownCustomer' | 'check.unknownProduct') => {
    const snap = snaps[key];
    const c = snap?.mapping.byKey[field];
    if (!snap || !c) return;
    for (const r of snap.records) {
      const v = String((r as unknown as Record<string, unknown>)[field] ?? '').trim();
      if (!v || ok(v)) continue;
      push(
        { sheet: snap.table.name, row: r._row, column: columnLetter(c), header: String(snap.header[c - 1] ?? field), key: field, value: v, message: both(APP_MESSAGES, id, { value: v }), severity: 'warning' },
        snap.table.sheetId,
      );
    }
  };
  if (snaps.orders) ref('orderLines', 'orderNo', (v) => orderNos.has(v.toUpperCase()), 'check.unknownOrder');
  if (snaps.products) ref('orderLines', 'productCode', (v) => productCodes.has(v.toUpperCase()), 'check.unknownProduct');
  if (index) {
    ref('orders', 'customer', (v) => !!index.find(v), 'check.unknownCustomer');
    ref('contacts', 'customer', (v) => !!index.find(v), 'check.unknownCustomer');
  }
  void LEDGERS;
}
