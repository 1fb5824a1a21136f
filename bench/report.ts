// Formats bench results: the console table, the growth and budget lists, and the README "Performance" section.
import type { BudgetVerdict, GrowthVerdict } from './budgets';
import type { OperationResult } from './measure';
import type { BuiltCounts } from './synthetic-workbook';

export interface ParseMeasure {
  orders: number;
  rows: number;
  columns: number;
  cpuMs: number;
}

export interface WorkbookInfo {
  orders: number;
  counts: BuiltCounts;
  buildMs: number;
}

export interface BenchReport {
  node: string;
  platform: string;
  cpuModel: string;
  generatedAt: string;
  workbooks: WorkbookInfo[];
  operations: OperationResult[];
  parse: ParseMeasure[];
  budgets: BudgetVerdict[];
  growth: GrowthVerdict[];
}

const SERVICE_NAMES: Record<string, string> = {
  SpreadsheetApp: 'Sheets',
  PropertiesService: 'Props',
  LockService: 'Lock',
  DocumentApp: 'DocApp',
  MailApp: 'Mail',
  CacheService: 'Cache',
  ScriptApp: 'Script',
};

/** "Sheets 19 · Lock 2 · Props 1", biggest first. */
export function serviceSummary(byService: Record<string, number>): string {
  return Object.entries(byService)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => `${SERVICE_NAMES[k] ?? k} ${v}`)
    .join(' · ');
}

function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}

function fmtSeconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`;
}

function cpuCell(r: OperationResult): string {
  return `${fmtInt(Math.round(r.cpuMs))} (${fmtInt(Math.round(r.scriptCpuMs))} + ${fmtInt(Math.round(r.serviceCpuMs))})`;
}

interface Row {
  cells: string[];
}

function rowsOf(results: readonly OperationResult[]): Row[] {
  return results.map((r) => {
    if (r.status === 'not available yet') return { cells: [r.label, fmtInt(r.orders), '—', 'not available yet', '—', '—', '—'] };
    const calls = `${r.roundTrips}${r.status === 'failed' ? ' (FAILED)' : ''}`;
    return { cells: [r.label, fmtInt(r.orders), calls, serviceSummary(r.byService), fmtSeconds(r.modeledMs), cpuCell(r), r.peakHeapMb.toFixed(0)] };
  });
}

const HEADERS = ['Operation', 'Orders', 'Calls', 'By service', 'Modeled', 'Node CPU ms (script + sandbox)', 'Peak heap MB'];

/** The results as an aligned text table, for the console. */
export function textTable(results: readonly OperationResult[]): string {
  const rows = [HEADERS, ...rowsOf(results).map((r) => r.cells)];
  const widths = HEADERS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r, k) => r.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ') + (k === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : '')).join('\n');
}

/** The results as a Markdown table. */
export function markdownTable(results: readonly OperationResult[]): string {
  const lines = [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map((_, i) => (i === 0 || i === 3 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const r of rowsOf(results)) lines.push(`| ${r.cells.join(' | ')} |`);
  return lines.join('\n');
}

export function growthLines(growth: readonly GrowthVerdict[]): string[] {
  return growth.map(
    (g) =>
      `${g.grows ? 'GROWS ' : 'flat  '} ${g.label}: ${g.small.calls} calls at ${fmtInt(g.small.orders)} orders, ${g.large.calls} at ${fmtInt(g.large.orders)}; CPU ${fmtInt(Math.round(g.small.cpuMs))} → ${fmtInt(Math.round(g.large.cpuMs))} ms`,
  );
}

function verdictWord(v: BudgetVerdict): string {
  if (v.ok === null) return 'n/a';
  if (v.ok) return 'met';
  return v.kind === 'cpu' ? 'OVER (CPU)' : 'NOT MET';
}

export function budgetLines(budgets: readonly BudgetVerdict[]): string[] {
  return budgets.map((b) => `${verdictWord(b).padEnd(10)} #${b.issue} ${b.text} @ ${fmtInt(b.orders)} orders: ${b.actual}`);
}

function countsLine(w: WorkbookInfo): string {
  const c = w.counts;
  return `${fmtInt(w.orders)} orders (+${(c.orders ?? 0) - w.orders} for documents), ${fmtInt(c.orderLines ?? 0)} lines, ${fmtInt(c.followUps ?? 0)} follow-ups, ${fmtInt(c.contacts ?? 0)} contacts, ${fmtInt(c.customers ?? 0)} customers, ${fmtInt(c.products ?? 0)} products, ${fmtInt(c.pipeline ?? 0)} pipeline projects, ${fmtInt(c.afterSales ?? 0)} after-sales cases`;
}

/** The README "Performance" section (pasted into README.md by the lead). */
export function readmeSection(report: BenchReport): string {
  const largest = Math.max(...report.workbooks.map((w) => w.orders));
  const big = report.budgets.filter((b) => b.orders === largest);
  const out: string[] = [];
  out.push('## Performance');
  out.push('');
  out.push(
    'In Apps Script every service call is a round trip to Google and every execution stops at 6 minutes, so Gendan is measured in calls first. ' +
      '`npm run bench` builds synthetic workbooks in the sandbox, runs the real bundle (`dist/Code.js`) on them and prints the table below; ' +
      'it also writes `bench/results.json` with every call of every operation.',
  );
  out.push('');
  out.push('Workbooks (built directly in the in-memory spreadsheet, English headers, auto columns blank until Set up runs):');
  out.push('');
  for (const w of report.workbooks) out.push(`- ${countsLine(w)}`);
  out.push('');
  out.push(markdownTable(report.operations));
  out.push('');
  out.push('How to read it:');
  out.push('');
  out.push(
    '- **Calls** are round trips counted by the sandbox\'s call ledger (handle calls such as `getRange` or `getSheetByName` cost no round trip and are left out); **By service** splits them.',
  );
  out.push(
    '- **Modeled** is Apps Script time from the documented cost model in `src/sandbox/call-ledger.ts` (40 ms per read + 0.004 ms per cell, 60 ms per write + 0.01 ms per cell, 800 ms per Drive call, …): an estimate of wall time on Google, to compare with the 6-minute limit, not a measurement.',
  );
  out.push(
    '- **Node CPU** is measured with `process.cpuUsage()` around each execution, from creating its `node:vm` context and loading the bundle to its return. In brackets: the bundle\'s own part and the part spent inside the sandbox\'s fake services (the work Google\'s servers do in real Apps Script, e.g. building the arrays `getValues` returns), told apart by a meter wrapped around every service object (`bench/service-meter.ts`).',
  );
  out.push('- **Peak heap** is V8\'s used heap, sampled after every service call, and includes the whole in-memory workbook.');
  out.push(
    `- Operations run in the order listed on one workbook: set up (which also runs the first sweep and makes the default templates), edits, pastes, then the clock moves one day and the daily trigger fires. Operations whose exposed functions the bundle does not have yet are listed as "not available yet".`,
  );
  if (report.parse.length) {
    out.push(`- Parsing the Orders ledger alone (\`parseLedger\` over ${report.parse[0].columns} columns, as \`getValues\` returns them; issue 3's budget: 50,000 rows in under 1 s): ${report.parse.map((p) => `${fmtInt(p.rows)} rows ${fmtInt(Math.round(p.cpuMs))} ms`).join(', ')} of CPU.`);
  }
  out.push('');
  out.push('Calls do not grow with the number of rows (smallest vs largest workbook):');
  out.push('');
  out.push('```');
  out.push(...growthLines(report.growth));
  out.push('```');
  out.push('');
  out.push(`Budgets from the issues at ${fmtInt(largest)} orders (call budgets are also asserted at 1,000 and 10,000 orders by \`test/bench/budgets.test.ts\`, part of \`npm test\`; CPU figures are reported, not asserted):`);
  out.push('');
  out.push('| Budget | Issue | Result | Measured |');
  out.push('| --- | ---: | --- | --- |');
  for (const b of big) out.push(`| ${b.text} | #${b.issue} | ${verdictWord(b)} | ${b.actual.replace(/\|/g, '\\|')} |`);
  out.push('');
  out.push(`Measured with Node ${report.node} on ${report.cpuModel} (${report.platform}), ${report.generatedAt.slice(0, 10)}. CPU times vary by machine; call counts and modeled times do not.`);
  out.push('');
  return out.join('\n');
}
