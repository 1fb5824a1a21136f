// Runs a TypeScript entry (the sandbox CLI, the demo, the bench) in Node: esbuild compiles it to one CommonJS
// file with packages left external, then Node runs it with the remaining arguments.
import * as esbuild from 'esbuild';
import path from 'node:path';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs ENTRY.ts [args…]');
  process.exit(2);
}
const outDir = path.join(root, 'node_modules/.cache/gendan-run');
fs.mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, entry.replace(/[^\w.-]+/g, '_') + '.cjs');
await esbuild.build({
  entryPoints: [path.resolve(root, entry)],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  outfile,
  logLevel: 'warning',
  loader: { '.html': 'text' },
});
process.argv = [process.argv[0], path.resolve(root, entry), ...args];
process.setSourceMapsEnabled?.(true);
createRequire(import.meta.url)(outfile);
