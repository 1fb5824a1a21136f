// Profiles one bench operation: builds the synthetic workbook, runs the operations before it as the bench does, then
// runs the chosen one under the V8 CPU profiler and writes a .cpuprofile (open it in Chrome DevTools), and prints the
// heaviest functions. Usage: node scripts/run-ts.mjs bench/profile.ts ORDERS OPERATION_ID [OUT.cpuprofile] [DIST_DIR]
import fs from 'node:fs';
import inspector from 'node:inspector';
import { measureOperation } from './measure';
import { OPERATIONS, type BenchRun } from './operations';
import { buildWorkbook, sizeFor } from './synthetic-workbook';
import { DIST } from '../src/sandbox/session';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function frameName(n: ProfileNode): string {
  const cf = n.callFrame;
  return `${cf.functionName || '(anonymous)'} ${cf.url.split('/').slice(-1)[0] ?? ''}:${cf.lineNumber + 1}`;
}

/** Self and inclusive time per function, heaviest first. */
function summarize(p: Profile, top: number): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    self.set(frameName(node), (self.get(frameName(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = frameName(byId.get(cur) as ProfileNode);
      if (seen.has(name)) continue;
      seen.add(name);
      incl.set(name, (incl.get(name) ?? 0) + dt);
    }
  });
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  return ['self time:', ...fmt(self), '', 'inclusive time:', ...fmt(incl)];
}

function main(): void {
  const [ordersArg, target, outArg, distArg] = process.argv.slice(2);
  const orders = Number(ordersArg);
  if (!orders || !target || !OPERATIONS.some((op) => op.id === target)) {
    console.error(`usage: profile.ts ORDERS OPERATION [OUT.cpuprofile] [DIST_DIR]; operations: ${OPERATIONS.map((op) => op.id).join(', ')}`);
    process.exit(2);
  }
  const out = outArg ?? `${target}-${orders}.cpuprofile`;
  const wb = buildWorkbook(sizeFor(orders), { distDir: distArg ?? DIST });
  const run: BenchRun = { sandbox: wb.sandbox, size: wb.size, memo: new Map() };
  const session = new inspector.Session();
  session.connect();
  for (const op of OPERATIONS) {
    if (op.id !== target) {
      measureOperation(run, op);
      continue;
    }
    session.post('Profiler.enable');
    session.post('Profiler.start');
    const r = measureOperation(run, op);
    session.post('Profiler.stop', (err, result) => {
      if (err) throw err;
      const profile = result.profile as unknown as Profile;
      fs.writeFileSync(out, JSON.stringify(profile));
      console.log(`${op.label} at ${orders.toLocaleString('en-US')} orders: ${r.status}${r.detail ? ` (${r.detail})` : ''}, ${r.roundTrips} round trips; profile in ${out}\n`);
      console.log(summarize(profile, 40).join('\n'));
    });
    return;
  }
}

main();
