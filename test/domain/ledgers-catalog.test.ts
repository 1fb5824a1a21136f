// The catalogue of ledgers: complete bilingual headers and enum labels, no header or alias that could name two
// columns, the auto columns Gendan writes together side by side, and both languages for every message.
import { LEDGER_MESSAGES } from '../../src/domain/i18n/ledgers';
import { normalizeEnumText } from '../../src/domain/ledgers/cell-parsers';
import { columnForHeader, normalizeHeader } from '../../src/domain/ledgers/header-mapping';
import { DASHBOARD, LEDGER_KEYS, LEDGERS, sheetKeyOf, sheetName } from '../../src/domain/ledgers/index';
import {
  AFTER_SALES_TYPES, CONTACT_CHANNELS, CUSTOMER_TYPES, NEED_CLASSES, ORDER_STAGES, PAYMENT_STATUSES, PIPELINE_STAGES, PREFERRED_CHANNELS, PRIORITIES, TRANSPORTS, WORK_STATUSES,
} from '../../src/domain/ledgers/records';
import { fieldSchema, recordSchema } from '../../src/domain/ledgers/record-schema';
import type { ColumnDef, LedgerDef } from '../../src/domain/ledgers/schema-types';

const ALL: LedgerDef[] = LEDGER_KEYS.map((k) => LEDGERS[k]);
const CJK = /[\u3400-\u9fff]/;
const TYPES = ['text', 'number', 'integer', 'money', 'percent', 'date', 'datetime', 'time', 'enum', 'email', 'url', 'checkbox'];

function col(ledger: LedgerDef, key: string): ColumnDef {
  const c = ledger.columns.find((x) => x.key === key);
  if (!c) throw new Error(key);
  return c;
}

/** Positions (1-based) of `keys` in the template; they must be consecutive. */
function positions(ledger: LedgerDef, keys: string[]): number[] {
  return keys.map((k) => ledger.columns.findIndex((c) => c.key === k) + 1);
}

describe('the ledger catalogue', () => {
  it('has the eleven ledgers under their keys, and the dashboard', () => {
    expect(LEDGER_KEYS).toEqual(['customers', 'products', 'orders', 'orderLines', 'contacts', 'followUps', 'pipeline', 'afterSales', 'settings', 'reminderLog', 'mailTemplates']);
    for (const key of LEDGER_KEYS) expect(LEDGERS[key].key).toBe(key);
    expect(DASHBOARD.sheet).toEqual({ en: 'Dashboard', zh: '看板' });
  });

  it.each(ALL.map((l) => [l.key, l] as const))('%s: every column has an English and a Chinese header, a type, an owner and a width', (_key, ledger) => {
    const keys = new Set<string>();
    for (const c of ledger.columns) {
      expect(keys.has(c.key)).toBe(false);
      keys.add(c.key);
      expect(c.header.en.trim()).toBeTruthy();
      expect(c.header.zh).toMatch(CJK);
      expect(TYPES).toContain(c.type);
      expect(['user', 'auto', 'shared']).toContain(c.owner);
      expect(c.width).toBeGreaterThanOrEqual(50);
      if (c.type === 'enum') expect(c.options?.length).toBeGreaterThan(1);
      else expect(c.options).toBeUndefined();
      if (c.type === 'date') expect(c.numberFormat).toBe('yyyy-mm-dd');
      if (c.type === 'percent') expect(c.numberFormat).toBe('0%');
      expect(() => fieldSchema(c)).not.toThrow();
    }
    if (ledger.idColumn) expect(keys.has(ledger.idColumn)).toBe(true);
    expect(ledger.columns.some((c) => c.required)).toBe(true);
  });

  it.each(ALL.map((l) => [l.key, l] as const))('%s: no header, alias or field name can name two columns', (_key, ledger) => {
    const owner = new Map<string, string>();
    for (const c of ledger.columns) {
      for (const text of [c.key, c.header.en, c.header.zh, ...c.aliases]) {
        const k = normalizeHeader(text);
        expect(k).toBeTruthy();
        const prev = owner.get(k);
        if (prev !== undefined && prev !== c.key) throw new Error(`${ledger.key}: "${text}" names both ${prev} and ${c.key}`);
        owner.set(k, c.key);
        expect(columnForHeader(ledger, text)?.key).toBe(c.key);
      }
    }
  });

  it.each(ALL.flatMap((l) => l.columns.filter((c) => c.type === 'enum').map((c) => [`${l.key}.${c.key}`, c] as const)))(
    '%s: every enum value has English and Chinese labels, and no label or alias names two values',
    (_name, c) => {
      const owner = new Map<string, string>();
      for (const o of c.options ?? []) {
        expect(o.en.trim()).toBeTruthy();
        expect(o.zh.trim()).toBeTruthy();
        for (const text of [o.code, o.en, o.zh, ...o.aliases]) {
          const k = normalizeEnumText(text);
          const prev = owner.get(k);
          if (prev !== undefined && prev !== o.code) throw new Error(`${c.key}: "${text}" names both ${prev} and ${o.code}`);
          owner.set(k, o.code);
        }
      }
    },
  );

  it('offers exactly the enum codes of records.ts', () => {
    const codes = (ledger: LedgerDef, key: string) => col(ledger, key).options?.map((o) => o.code);
    expect(codes(LEDGERS.customers, 'type')).toEqual([...CUSTOMER_TYPES]);
    expect(codes(LEDGERS.customers, 'preferredChannel')).toEqual([...PREFERRED_CHANNELS]);
    expect(codes(LEDGERS.orders, 'stage')).toEqual([...ORDER_STAGES]);
    expect(codes(LEDGERS.orders, 'status')).toEqual([...WORK_STATUSES]);
    expect(codes(LEDGERS.orders, 'paymentStatus')).toEqual([...PAYMENT_STATUSES]);
    expect(codes(LEDGERS.orders, 'transport')).toEqual([...TRANSPORTS]);
    expect(codes(LEDGERS.contacts, 'channel')).toEqual([...CONTACT_CHANNELS]);
    expect(codes(LEDGERS.contacts, 'needClass')).toEqual([...NEED_CLASSES]);
    expect(codes(LEDGERS.contacts, 'priority')).toEqual([...PRIORITIES]);
    expect(codes(LEDGERS.followUps, 'status')).toEqual([...WORK_STATUSES]);
    expect(codes(LEDGERS.pipeline, 'stage')).toEqual([...PIPELINE_STAGES]);
    expect(codes(LEDGERS.afterSales, 'type')).toEqual([...AFTER_SALES_TYPES]);
  });

  it('finds every ledger by its sheet name in either language or an alias, and names no sheet twice', () => {
    const seen = new Map<string, string>();
    for (const def of [...ALL, DASHBOARD]) {
      for (const name of [def.sheet.en, def.sheet.zh, ...def.sheetAliases]) {
        const k = normalizeHeader(name);
        const prev = seen.get(k);
        if (prev !== undefined && prev !== def.key) throw new Error(`sheet name "${name}" means both ${prev} and ${def.key}`);
        seen.set(k, def.key);
        expect(sheetKeyOf(name)).toBe(def.key);
      }
    }
    expect(sheetKeyOf('客户台账')).toBe('customers');
    expect(sheetKeyOf('  ORDERS ')).toBe('orders');
    expect(sheetKeyOf('My pivot')).toBeUndefined();
    expect(sheetName('followUps', 'zh')).toBe('跟进计划');
    expect(sheetName('dashboard', 'en')).toBe('Dashboard');
  });

  it('keeps the seed’s limits and ownership', () => {
    expect(col(LEDGERS.contacts, 'lesson').maxLength).toBe(50);
    expect(col(LEDGERS.orders, 'stage').owner).toBe('shared');
    expect(col(LEDGERS.followUps, 'status').owner).toBe('shared');
    expect(col(LEDGERS.orders, 'status').owner).toBe('auto');
    expect(LEDGERS.reminderLog.columns.every((c) => c.owner === 'auto')).toBe(true);
    expect(LEDGERS.orders.idColumn).toBe('orderNo');
    expect(LEDGERS.orders.idAutoIfBlank).toBe(true);
    expect(LEDGERS.customers.idAutoIfBlank).toBe(true);
    const plus = (l: LedgerDef) => l.columns.filter((c) => c.plus).map((c) => c.key);
    expect(plus(LEDGERS.orders)).toEqual(['stageSince', 'shippingNoticeNo', 'invoiceNo']);
    expect(plus(LEDGERS.afterSales)).toEqual(['receivedOn', 'handledOn', 'closedOn']);
  });

  it('puts the auto columns Gendan writes together side by side', () => {
    const consecutive = (ps: number[]) => ps.every((p, i) => p > 0 && (i === 0 || p === ps[i - 1] + 1));
    expect(consecutive(positions(LEDGERS.orders, ['stage', 'status', 'stageSince', 'paymentStatus']))).toBe(true);
    expect(consecutive(positions(LEDGERS.orders, ['shippingNoticeNo', 'invoiceNo', 'documents', 'updated']))).toBe(true);
    expect(consecutive(positions(LEDGERS.followUps, ['status', 'startedOn', 'doneOn']))).toBe(true);
    expect(consecutive(positions(LEDGERS.orderLines, ['amount', 'cartons', 'netWeight', 'grossWeight', 'cbm']))).toBe(true);
    expect(consecutive(positions(LEDGERS.customers, ['lastContact', 'nextFollowUp', 'openOrders', 'totalWon']))).toBe(true);
    expect(consecutive(positions(LEDGERS.pipeline, ['stage', 'stageSince', 'winProbability']))).toBe(true);
    expect(consecutive(positions(LEDGERS.afterSales, ['returnVisitDue', 'status']))).toBe(true);
  });

  it('has a record schema per ledger that requires the required fields', () => {
    const schema = recordSchema(LEDGERS.orders);
    expect(schema.safeParse({ _row: 2, orderNo: 'SO-1', customer: 'C-1' }).success).toBe(true);
    expect(schema.safeParse({ _row: 2, orderNo: 'SO-1' }).success).toBe(false);
    expect(schema.safeParse({ _row: 2, orderNo: 'SO-1', customer: 'C-1', stage: 'nope' }).success).toBe(false);
    expect(schema.safeParse({ _row: 2, orderNo: 'SO-1', customer: 'C-1', deliveryDate: '2026-13-01' }).success).toBe(false);
    expect(recordSchema(LEDGERS.orders)).toBe(schema);
  });
});

describe('ledger messages', () => {
  it.each(Object.entries(LEDGER_MESSAGES))('%s has both languages with the same slots', (_id, m) => {
    const slots = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect(m.en.trim()).toBeTruthy();
    expect(m.zh).toMatch(CJK);
    expect(slots(m.zh)).toEqual(slots(m.en));
  });
});
