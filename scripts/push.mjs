// `npm run push`: builds dist/ and pushes it to the Apps Script project named in .clasp.json.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from './build.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const claspFile = path.join(root, '.clasp.json');
const clasp = JSON.parse(fs.readFileSync(claspFile, 'utf8'));
if (!clasp.scriptId || !/^[\w-]{20,}$/.test(clasp.scriptId)) {
  console.error(
    '.clasp.json has no scriptId. Create the Apps Script project first:\n' +
      '  npx clasp login\n' +
      '  npx clasp create --type sheets --title "Gendan" --rootDir dist   (a new bound spreadsheet)\n' +
      'or paste the Script ID of an existing project (Extensions ▸ Apps Script ▸ Project settings) into .clasp.json,\n' +
      'then run `npm run push` again.',
  );
  process.exit(1);
}
await build();
const r = spawnSync('npx', ['clasp', 'push', '--force'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
