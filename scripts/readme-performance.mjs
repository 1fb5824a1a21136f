// Puts the bench's report (bench/README-section.md, written by `npm run bench`) into README.md as its
// "## Performance" section: the largest workbook's rows of the table, how to read it, and the budgets. The full
// table (every size) stays in bench/README-section.md. Usage: node scripts/readme-performance.mjs [NOTE]
// NOTE, when given, is added as a paragraph after the budgets (for example the spread of CPU across runs).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sectionFile = path.join(root, 'bench', 'README-section.md');
const readmeFile = path.join(root, 'README.md');

const lines = fs.readFileSync(sectionFile, 'utf8').split('\n');
const sizes = [...new Set(lines.map((l) => /^\| [^|]+ \| ([\d,]+) \|/.exec(l)?.[1]).filter(Boolean))];
const largest = sizes.map((s) => Number(s.replace(/,/g, ''))).sort((a, b) => b - a)[0];
if (!largest) throw new Error(`no table rows in ${sectionFile}: run npm run bench first`);
const largestText = largest.toLocaleString('en-US');

const out = [];
let skipping = false;
for (const line of lines) {
  const size = /^\| [^|]+ \| ([\d,]+) \|/.exec(line)?.[1];
  if (size && size !== largestText) continue;
  if (line.startsWith('| Operation |')) {
    out.push(line.replace('| Operation |', `| Operation (${largestText} orders) |`));
    continue;
  }
  if (line.startsWith('Calls do not grow')) {
    skipping = true;
    out.push(
      'Calls do not grow with the number of rows: every operation makes the same number of calls on the smallest and the ' +
        'largest workbook (`npm run bench` prints the comparison and flags any that grows; the rows of the smaller ' +
        'workbooks are in [bench/README-section.md](bench/README-section.md)).',
      '',
    );
    continue;
  }
  if (skipping) {
    if (!line.startsWith('Budgets from the issues')) continue;
    skipping = false;
  }
  out.push(
    line.replace(
      'CPU figures are reported, not asserted)',
      'CPU figures are reported, not asserted there; the scenario tests check CPU against 10× each budget, which catches a per-row read or a quadratic loop but not a busy machine)',
    ),
  );
}
const note = process.argv[2];
let section = out.join('\n').trimEnd();
if (note) section += `\n\n${note}`;

const readme = fs.readFileSync(readmeFile, 'utf8');
const start = readme.indexOf('## Performance\n');
const end = readme.indexOf('\n## ', start + 1);
if (start < 0 || end < 0) throw new Error('README.md has no "## Performance" section followed by another section');
fs.writeFileSync(readmeFile, `${readme.slice(0, start)}${section}\n${readme.slice(end)}`);
console.log(`README.md: Performance section from ${path.relative(root, sectionFile)} (${largestText} orders)`);
