// Panel, dashboard, views and language scenarios: a set-up workbook holding the sample data, and the cost of a step.
import type { Sandbox } from '../../src/sandbox/runtime';
import { ROOT } from '../../src/sandbox/session';
import { loadSample, readSampleData } from '../../src/sandbox/sample-loader';
import type { StepRecord } from '../../src/sandbox/call-ledger';
import type { PanelData } from '../../src/ui/sidebar-contract';
import { newSandbox } from './helpers';

export const SAMPLE = readSampleData(ROOT);

/** A workbook set up (in the language of `locale`) with the sample data; today is the sample's Monday 2026-03-02. */
export function sampleWorkbook(opts: { locale?: string; user?: string } = {}): Sandbox {
  const sb = newSandbox({ locale: opts.locale, user: opts.user ?? 'li.na@example.com', now: '2026-03-02T10:00' });
  sb.click('menuSetup');
  loadSample(sb.env, SAMPLE, opts.locale?.startsWith('zh') ? 'zh' : 'en');
  // As in use: Gendan has kept the statuses true (the sample leaves most of them blank).
  sb.click('menuRefreshStatuses');
  return sb;
}

/** Runs `fn` as its own counted steps and returns them. */
export function steps(sb: Sandbox, fn: () => void): StepRecord[] {
  sb.env.ledger.reset();
  fn();
  return sb.env.ledger.allSteps();
}

export function openPanel(sb: Sandbox, selection: string): { data: PanelData; steps: StepRecord[] } {
  sb.select(selection);
  let data: PanelData | undefined;
  const s = steps(sb, () => {
    sb.click('menuOpenPanel');
    data = sb.rpc('sidebarGetCustomer', [null]) as PanelData;
  });
  return { data: data as PanelData, steps: s };
}
