// The sandbox CLI contract: steps in order, outputs written, runs chained through workbook.state.json, failures named.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseArgs } from '../../src/sandbox/cli';
import { parseDuration, parseEdit, parseNow } from '../../src/sandbox/session';

const ROOT = path.join(__dirname, '../..');

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), 'src/sandbox/cli-main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('argument parsing', () => {
  it('reads options and steps in order', () => {
    const { opts, steps } = parseArgs(['--now', '2026-03-02T09:00', '--tz', 'Asia/Riyadh', '--out', 'o', '--call', 'menuSetup', '--select', 'Orders!A5:A7', '--edit', 'Orders!F5:F7=["a","b","c"]', '--advance', '2d', '--trigger', 'triggerDailySweep']);
    expect(opts).toEqual({ now: '2026-03-02T09:00', timeZone: 'Asia/Riyadh', out: 'o' });
    expect(steps.map((s) => s.kind)).toEqual(['call', 'select', 'edit', 'advance', 'trigger']);
    expect(steps[2]).toEqual({ kind: 'edit', a1: 'Orders!F5:F7', input: ['a', 'b', 'c'] });
  });

  it('turns durations, edits and clock times into values', () => {
    expect(parseDuration('2d')).toBe(2 * 86_400_000);
    expect(parseDuration('3h')).toBe(3 * 3_600_000);
    expect(parseEdit('Orders!F5=Shipped')).toEqual({ a1: 'Orders!F5', input: 'Shipped' });
    expect(parseEdit('Orders!F5=[not json')).toEqual({ a1: 'Orders!F5', input: '[not json' });
    expect(parseNow('2026-03-02T09:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 2, 2, 1));
    expect(() => parseDuration('soon')).toThrow('--advance');
  });
});

describe('npm run sandbox', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-cli-'));

  it('writes the workbook, the state, docs, mail and calls.json', async () => {
    const out = path.join(dir, 'day1');
    const r = cli(['--out', out, '--call', 'menuSetup', '--call', 'menuToggleAutomation']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of ['workbook.xlsx', 'workbook.state.json', 'calls.json']) expect(fs.existsSync(path.join(out, f))).toBe(true);
    const calls = JSON.parse(fs.readFileSync(path.join(out, 'calls.json'), 'utf8')) as { steps: { step: string; total: number; byMethod: Record<string, number> }[] };
    expect(calls.steps.map((s) => s.step)).toEqual(['--call menuSetup', '--call menuToggleAutomation']);
    expect(calls.steps[0].total).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'workbook.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toContain('Orders');
  });

  it('chains runs: the state beside the workbook is loaded again', () => {
    const out = path.join(dir, 'day2');
    const r = cli(['--workbook', path.join(dir, 'day1', 'workbook.xlsx'), '--out', out, '--advance', '1d']);
    expect(r.status).toBe(0);
    const state = JSON.parse(fs.readFileSync(path.join(out, 'workbook.state.json'), 'utf8')) as { triggers: { handler: string }[]; documentProperties: Record<string, string>; now: number };
    expect(state.triggers.map((t) => t.handler).sort()).toEqual(['triggerDailySweep', 'triggerHourlyReminders', 'triggerOnChange']);
    expect(state.documentProperties['gendan.sheets']).toBeDefined();
    expect(state.now).toBeGreaterThan(parseNow('2026-03-03T09:00', 'Asia/Shanghai') - 1);
  });

  it('deletes rows as the user, and the change trigger daily updates installed runs for it', () => {
    const out = path.join(dir, 'day1b');
    const sample = path.join(__dirname, '..', '..', 'sheets-template', 'gendan-sample.xlsx');
    const r = cli(['--workbook', sample, '--out', out, '--call', 'menuSetup', '--answer', 'YES', '--call', 'menuToggleAutomation', '--delete-rows', 'Order lines!2:3']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const calls = JSON.parse(fs.readFileSync(path.join(out, 'calls.json'), 'utf8')) as { steps: { step: string; total: number; byMethod: Record<string, number> }[] };
    const steps = calls.steps.map((s) => s.step);
    expect(steps.slice(-1)).toEqual(['triggerOnChange (on change)']);
    expect(calls.steps[calls.steps.length - 1].byMethod['SpreadsheetApp:Range.getValues']).toBeGreaterThan(0);
    expect(parseArgs(['--out', 'o', '--delete-rows', 'Order lines!5:7']).steps).toEqual([{ kind: 'delete-rows', a1: 'Order lines!5:7' }]);
  });

  it('names a failing step and exits non-zero', () => {
    const r = cli(['--out', path.join(dir, 'fail'), '--call', 'noSuchFunction']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--call noSuchFunction');
  });

  it('refuses bad arguments with the usage', () => {
    const r = cli(['--out', path.join(dir, 'x'), '--advance', 'soon']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage');
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    void execFileSync;
  });
});
