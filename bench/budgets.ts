// Every budget the issues name, evaluated on measured operations. Call budgets are deterministic and asserted by
// test/bench/budgets.test.ts; CPU budgets depend on the machine and are reported by the bench, never asserted.
import { EXECUTION_LIMIT_MS } from '../src/sandbox/call-ledger';
import type { OperationResult } from './measure';

export type BudgetKind = 'calls' | 'time' | 'cpu';

export interface BudgetVerdict {
  id: string;
  issue: number;
  kind: BudgetKind;
  text: string;
  orders: number;
  /** null: the operation is not available yet (or failed), so the budget could not be checked. */
  ok: boolean | null;
  actual: string;
}

type Results = ReadonlyMap<string, OperationResult>;

const NO_SHEET = '(no sheet)';
const WRITE_METHODS = new Set(['setValues', 'setValue', 'appendRow', 'clearContent', 'clear']);
const READ_METHODS = new Set(['getValues', 'getDisplayValues', 'getValue']);

function usable(r: OperationResult | undefined): r is OperationResult {
  return !!r && r.status === 'ok';
}

function unavailable(r: OperationResult | undefined, id: string): string {
  if (!r) return `operation ${id} not measured`;
  return r.status === 'not available yet' ? `not available yet (${r.detail ?? ''})` : `operation failed: ${r.detail ?? ''}`;
}

/**
 * Reads of each sheet before its first write: whole reads (more than one row) and one-row reads (headers). A read of
 * exactly the block written next is the writer's re-read of what it is about to overwrite, part of that write.
 */
export function readsBeforeWrite(r: OperationResult): Map<string, { whole: number; rows1: number }> {
  const out = new Map<string, { whole: number; rows1: number }>();
  const written = new Set<string>();
  r.calls.forEach((c, i) => {
    if (!c.sheet) return;
    if (WRITE_METHODS.has(c.method)) written.add(c.sheet);
    if (!READ_METHODS.has(c.method) || written.has(c.sheet)) return;
    const next = r.calls[i + 1];
    if (next && WRITE_METHODS.has(next.method) && next.sheet === c.sheet && next.rows === c.rows && next.cols === c.cols) return;
    const e = out.get(c.sheet) ?? { whole: 0, rows1: 0 };
    if (c.rows > 1) e.whole++;
    else e.rows1++;
    out.set(c.sheet, e);
  });
  return out;
}

function countMethod(r: OperationResult, method: string, sheet?: string): number {
  return r.calls.filter((c) => c.method === method && (sheet === undefined || c.sheet === sheet)).reduce((n, c) => n + c.roundTrips, 0);
}

function sheetsCalls(r: OperationResult): number {
  return r.byService.SpreadsheetApp ?? 0;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** One budget of an issue: which operations it is measured on, and how. */
export interface BudgetDef {
  id: string;
  issue: number;
  kind: BudgetKind;
  text: string;
  ops: string[];
  check(rs: OperationResult[]): { ok: boolean; actual: string };
}

export const BUDGETS: readonly BudgetDef[] = [
  {
    id: 'ledger-read',
    issue: 3,
    kind: 'calls',
    text: 'Reading a whole ledger: one getValues for the data (+1 for the header at most)',
    ops: ['daily-sweep', 'check-ledgers'],
    check(rs) {
      const bad: string[] = [];
      const seen: string[] = [];
      for (const r of rs) {
        for (const [sheet, n] of readsBeforeWrite(r)) {
          seen.push(`${sheet} ${n.whole}+${n.rows1}`);
          if (n.whole > 1 || n.rows1 > 1) bad.push(`${r.id}: ${sheet} read ${n.whole} time(s) whole and ${n.rows1} time(s) one row`);
        }
      }
      return { ok: bad.length === 0, actual: bad.length ? bad.join('; ') : `every ledger read once (${[...new Set(seen)].length} sheet reads checked)` };
    },
  },
  {
    id: 'edit-one-cell',
    issue: 4,
    kind: 'calls',
    text: 'onEdit of one cell in a 50,000-row ledger: ≤ 4 SpreadsheetApp calls, no whole-sheet read',
    ops: ['edit-cell', 'edit-cell-follow-ups'],
    check(rs) {
      const parts = rs.map((r) => {
        const biggest = Math.max(0, ...r.calls.filter((c) => READ_METHODS.has(c.method)).map((c) => c.rows));
        return { r, calls: sheetsCalls(r), biggest };
      });
      return {
        ok: parts.every((p) => p.calls <= 4 && p.biggest <= 1),
        actual: parts.map((p) => `${p.r.id}: ${p.calls} SpreadsheetApp calls, largest read ${p.biggest} row(s)`).join('; '),
      };
    },
  },
  {
    id: 'edit-one-cell-cpu',
    issue: 4,
    kind: 'cpu',
    text: 'onEdit of one cell in a 50,000-row ledger: < 50 ms CPU in Node',
    ops: ['edit-cell'],
    check([r]) {
      return { ok: r.cpuMs < 50, actual: `${r.cpuMs} ms (script ${r.scriptCpuMs} ms, sandbox ${r.serviceCpuMs} ms)` };
    },
  },
  {
    id: 'paste-500',
    issue: 4,
    kind: 'calls',
    text: 'onEdit of a 500-row paste: ≤ 6 SpreadsheetApp calls',
    ops: ['paste-follow-ups', 'paste-order-lines'],
    check(rs) {
      return { ok: rs.every((r) => sheetsCalls(r) <= 6), actual: rs.map((r) => `${r.id}: ${sheetsCalls(r)} (${r.roundTrips} round trips in all)`).join('; ') };
    },
  },
  {
    id: 'sweep-calls',
    issue: 4,
    kind: 'calls',
    text: 'Daily sweep: ≤ 3 calls per ledger',
    ops: ['daily-sweep'],
    check([r]) {
      const ledgers = Object.entries(r.perSheet).filter(([sheet]) => sheet !== NO_SHEET);
      const over = ledgers.filter(([, n]) => n > 3);
      const max = Math.max(0, ...ledgers.map(([, n]) => n));
      const other = r.perSheet[NO_SHEET] ?? 0;
      return {
        ok: over.length === 0,
        actual: `${over.length ? `over: ${over.map(([s, n]) => `${s} ${n}`).join(', ')}` : `at most ${max} per ledger`} (${ledgers.length} sheets; ${other} calls on no sheet: lock, properties, flush; ${r.roundTrips} round trips in all)`,
      };
    },
  },
  {
    id: 'sweep-time',
    issue: 4,
    kind: 'time',
    text: 'Daily sweep: modeled Apps Script time far inside 6 minutes (asserted: ≤ 25 %, 90 s)',
    ops: ['daily-sweep'],
    check([r]) {
      return { ok: r.maxExecutionModeledMs <= EXECUTION_LIMIT_MS / 4, actual: seconds(r.maxExecutionModeledMs) };
    },
  },
  {
    id: 'sweep-cpu',
    issue: 4,
    kind: 'cpu',
    text: 'Daily sweep over 50,000 orders + 100,000 follow-ups + 20,000 contacts: < 2 s CPU in Node',
    ops: ['daily-sweep'],
    check([r]) {
      return { ok: r.cpuMs < 2000, actual: `${r.cpuMs} ms (script ${r.scriptCpuMs} ms, sandbox ${r.serviceCpuMs} ms)` };
    },
  },
  {
    id: 'document-calls',
    issue: 5,
    kind: 'calls',
    text: 'Per generated document: ≤ 12 service calls, whatever the number of lines',
    ops: ['contract-1', 'contract-20', 'contract-300', 'contract-2x'],
    check([one, twenty, three, two]) {
      // One more order in the click costs what one document costs; the click's fixed part (reading the ledgers,
      // the lock, the toasts) is paid once per click. More lines must cost no call.
      const perDoc = two.roundTrips - one.roundTrips;
      const flat = twenty.roundTrips <= one.roundTrips && three.roundTrips <= one.roundTrips;
      return {
        ok: perDoc <= 12 && flat,
        actual: `${perDoc} per document (a click for 1 order makes ${one.roundTrips}, for 2 orders ${two.roundTrips}); 1/20/300 lines: ${one.roundTrips}/${twenty.roundTrips}/${three.roundTrips} per click`,
      };
    },
  },
  {
    id: 'document-cpu',
    issue: 5,
    kind: 'cpu',
    text: 'A 300-line contract: < 1 s CPU in Node',
    ops: ['contract-300'],
    check([r]) {
      return { ok: r.cpuMs < 1000, actual: `${r.cpuMs} ms (script ${r.scriptCpuMs} ms, sandbox ${r.serviceCpuMs} ms)` };
    },
  },
  {
    id: 'reminders-calls',
    issue: 6,
    kind: 'calls',
    text: 'Reminder run: one read per ledger, one batched log write, mail calls equal mails produced',
    ops: ['reminders'],
    check([r]) {
      const reads = [...readsBeforeWrite(r)].filter(([, n]) => n.whole + n.rows1 > 1).map(([s]) => s);
      const logWrites = countMethod(r, 'setValues', 'Reminder log');
      const contactWrites = countMethod(r, 'setValues', 'Contact log');
      const created = r.byMethod['Gmail:Drafts.create'] ?? 0;
      const sent = r.byMethod['Gmail:Drafts.send'] ?? 0;
      const mailApp = Object.entries(r.byMethod).filter(([k]) => k.startsWith('MailApp:') && !k.endsWith('getRemainingDailyQuota')).reduce((n, [, v]) => n + v, 0);
      const otherGmail = (r.byService.Gmail ?? 0) - created - sent;
      return {
        ok: reads.length === 0 && logWrites <= 1 && contactWrites <= 1 && otherGmail === 0,
        actual: `ledgers read more than once: ${reads.length ? reads.join(', ') : 'none'}; Reminder log writes ${logWrites}, Contact log writes ${contactWrites}; Gmail: ${created} drafts created (one per mail), ${sent} sent from their draft, ${otherGmail} other; MailApp sends ${mailApp}`,
      };
    },
  },
  {
    id: 'reminders-cpu',
    issue: 6,
    kind: 'cpu',
    text: 'Reminder run over 50,000 orders + 100,000 follow-ups: < 2 s CPU in Node',
    ops: ['reminders'],
    check([r]) {
      return { ok: r.cpuMs < 2000, actual: `${r.cpuMs} ms (script ${r.scriptCpuMs} ms, sandbox ${r.serviceCpuMs} ms)` };
    },
  },
  {
    id: 'sidebar-calls',
    issue: 7,
    kind: 'calls',
    text: 'Opening the sidebar: ≤ 6 service calls',
    ops: ['sidebar'],
    check([r]) {
      return { ok: r.roundTrips <= 6, actual: `${r.roundTrips} round trips in ${r.executions} execution(s)` };
    },
  },
  {
    id: 'dashboard-calls',
    issue: 7,
    kind: 'calls',
    text: 'Dashboard refresh over 50,000 orders: ≤ 3 reads + 2 writes',
    ops: ['dashboard'],
    check([r]) {
      const reads = r.calls.filter((c) => READ_METHODS.has(c.method)).length;
      const writes = r.calls.filter((c) => WRITE_METHODS.has(c.method)).length;
      return { ok: reads <= 3 && writes <= 2, actual: `${reads} reads, ${writes} writes (${r.roundTrips} round trips in all)` };
    },
  },
  {
    id: 'dashboard-cpu',
    issue: 7,
    kind: 'cpu',
    text: 'Dashboard refresh over 50,000 orders: < 2 s CPU in Node',
    ops: ['dashboard'],
    check([r]) {
      return { ok: r.cpuMs < 2000, actual: `${r.cpuMs} ms (script ${r.scriptCpuMs} ms, sandbox ${r.serviceCpuMs} ms)` };
    },
  },
];

/** Every budget evaluated on the operations measured on one workbook. */
export function evaluateBudgets(results: Results, orders: number): BudgetVerdict[] {
  return BUDGETS.map((d) => {
    const rs = d.ops.map((id) => results.get(id));
    const missing = d.ops.find((id) => !usable(results.get(id)));
    const base = { id: d.id, issue: d.issue, kind: d.kind, text: d.text, orders };
    if (missing !== undefined) return { ...base, ok: null, actual: unavailable(results.get(missing), missing) };
    return { ...base, ...d.check(rs as OperationResult[]) };
  });
}

/** The number that must not grow with the workbook: SpreadsheetApp calls for reminders (mails follow the data), round trips otherwise. */
export function growthMeasure(r: OperationResult): number {
  return r.id === 'reminders' ? sheetsCalls(r) : r.roundTrips;
}

export interface GrowthVerdict {
  id: string;
  label: string;
  small: { orders: number; calls: number; cpuMs: number };
  large: { orders: number; calls: number; cpuMs: number };
  grows: boolean;
}

/** Calls of each operation on the smallest and the largest workbook: any growth is flagged. */
export function compareGrowth(small: Results, large: Results): GrowthVerdict[] {
  const out: GrowthVerdict[] = [];
  for (const [id, s] of small) {
    const l = large.get(id);
    if (!l || s.status !== 'ok' || l.status !== 'ok') continue;
    out.push({
      id,
      label: s.label,
      small: { orders: s.orders, calls: growthMeasure(s), cpuMs: s.cpuMs },
      large: { orders: l.orders, calls: growthMeasure(l), cpuMs: l.cpuMs },
      grows: growthMeasure(l) > growthMeasure(s),
    });
  }
  return out;
}
