// `npm run bench`: builds the synthetic workbooks (1,000 / 10,000 / 50,000 orders unless sizes are given), runs every
// operation through the real bundle, prints the table, the growth flags and the budgets, and writes
// bench/results.json and bench/README-section.md. Usage: run-bench.ts [orders…] [--out FILE] [--readme FILE] [--dist DIR]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, ROOT } from '../src/sandbox/session';
import { LEDGERS } from '../src/domain/ledgers/index';
import { parseLedger } from '../src/domain/ledgers/parse';
import { compareGrowth, evaluateBudgets, type BudgetVerdict } from './budgets';
import { measureOperation, type OperationResult } from './measure';
import { OPERATIONS, sheetOf, type BenchRun } from './operations';
import { budgetLines, growthLines, readmeSection, textTable, type BenchReport, type ParseMeasure, type WorkbookInfo } from './report';
import { BENCH_SIZES, BENCH_TIME_ZONE, buildWorkbook, sizeFor } from './synthetic-workbook';

interface Args {
  sizes: number[];
  out: string;
  readme: string;
  /** The built bundle's directory (default dist/): a copy keeps a measurement apart from concurrent builds. */
  dist: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [], out: path.join(ROOT, 'bench', 'results.json'), readme: path.join(ROOT, 'bench', 'README-section.md'), dist: DIST };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.out = path.resolve(argv[++i] ?? '');
    else if (a === '--readme') args.readme = path.resolve(argv[++i] ?? '');
    else if (a === '--dist') args.dist = path.resolve(argv[++i] ?? '');
    else if (/^\d[\d_,]*$/.test(a)) args.sizes.push(Number(a.replace(/[_,]/g, '')));
    else throw new Error(`unknown argument "${a}" (usage: run-bench.ts [orders…] [--out FILE] [--readme FILE] [--dist DIR])`);
  }
  if (!args.sizes.length) args.sizes = [...BENCH_SIZES];
  args.sizes.sort((a, b) => a - b);
  return args;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

/** parseLedger over the Orders sheet as getValues returns it (Dates for dates), timed on its own. */
function measureParse(run: BenchRun): ParseMeasure {
  const orders = sheetOf(run.sandbox, 'Orders');
  const width = LEDGERS.orders.columns.length;
  const values = run.sandbox.values(`Orders!A1:${columnName(width)}${orders.lastRow()}`);
  const ctx = { sheetName: 'Orders', timeZone: BENCH_TIME_ZONE, locale: 'en_US' };
  parseLedger(LEDGERS.orders, values[0], values.slice(1, 201), ctx);
  gc();
  const cpu = process.cpuUsage();
  const parsed = parseLedger(LEDGERS.orders, values[0], values.slice(1), ctx);
  const used = process.cpuUsage(cpu);
  if (parsed.records.length !== values.length - 1) throw new Error(`parseLedger kept ${parsed.records.length} of ${values.length - 1} orders`);
  return { orders: run.size.orders, rows: values.length - 1, columns: width, cpuMs: Math.round((used.user + used.system) / 100) / 10 };
}

function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function benchSize(orders: number, distDir: string): { info: WorkbookInfo; results: OperationResult[]; parse: ParseMeasure } {
  const started = Date.now();
  const wb = buildWorkbook(sizeFor(orders), { distDir });
  const info: WorkbookInfo = { orders, counts: wb.counts, buildMs: Date.now() - started };
  console.log(`\n${orders.toLocaleString('en-US')} orders: workbook built in ${(info.buildMs / 1000).toFixed(1)} s`);
  const run: BenchRun = { sandbox: wb.sandbox, size: wb.size, memo: new Map() };
  const results: OperationResult[] = [];
  let parse: ParseMeasure | null = null;
  for (const op of OPERATIONS) {
    const r = measureOperation(run, op);
    results.push(r);
    const note = r.status === 'ok' ? '' : `  [${r.status}${r.detail ? `: ${r.detail}` : ''}]`;
    console.log(`  ${op.label}: ${r.status === 'not available yet' ? '—' : `${r.roundTrips} calls, ${Math.round(r.cpuMs)} ms CPU`}${note}`);
    if (op.id === 'setup') parse = measureParse(run);
  }
  if (!parse) throw new Error('the setup operation did not run');
  return { info, results, parse };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(args.dist, 'Code.js'))) throw new Error(`${path.join(args.dist, 'Code.js')} is missing: run \`npm run build\` (npm run bench does)`);
  const workbooks: WorkbookInfo[] = [];
  const operations: OperationResult[] = [];
  const parse: ParseMeasure[] = [];
  const budgets: BudgetVerdict[] = [];
  const bySize = new Map<number, Map<string, OperationResult>>();
  for (const orders of args.sizes) {
    const { info, results, parse: p } = benchSize(orders, args.dist);
    workbooks.push(info);
    operations.push(...results);
    parse.push(p);
    const map = new Map(results.map((r) => [r.id, r]));
    bySize.set(orders, map);
    budgets.push(...evaluateBudgets(map, orders));
    gc();
  }
  const small = bySize.get(args.sizes[0]);
  const large = bySize.get(args.sizes[args.sizes.length - 1]);
  const growth = small && large && args.sizes.length > 1 ? compareGrowth(small, large) : [];
  const report: BenchReport = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    generatedAt: new Date().toISOString(),
    workbooks,
    operations,
    parse,
    budgets,
    growth,
  };

  console.log(`\n${textTable(operations)}`);
  console.log('\nparseLedger, Orders only: ' + parse.map((p) => `${p.rows.toLocaleString('en-US')} rows ${Math.round(p.cpuMs)} ms CPU`).join(', '));
  if (growth.length) {
    console.log(`\nGrowth of calls, ${args.sizes[0].toLocaleString('en-US')} → ${args.sizes[args.sizes.length - 1].toLocaleString('en-US')} orders:`);
    for (const line of growthLines(growth)) console.log(`  ${line}`);
  }
  console.log('\nBudgets:');
  for (const line of budgetLines(budgets)) console.log(`  ${line}`);

  fs.writeFileSync(args.out, JSON.stringify(report, null, 1) + '\n');
  fs.writeFileSync(args.readme, readmeSection(report));
  console.log(`\nWrote ${path.relative(process.cwd(), args.out)} and ${path.relative(process.cwd(), args.readme)}`);
  const grew = growth.filter((g) => g.grows);
  if (grew.length) console.log(`\n${grew.length} operation(s) make more calls on the larger workbook: ${grew.map((g) => g.id).join(', ')}`);
}

main();
