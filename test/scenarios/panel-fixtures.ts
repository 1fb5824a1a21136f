// Panel, dashboard, views and language scenarios: a set-up workbook holding the sample data, and the cost of a step.
import type { Sandbox } from '../../src/sandbox/runtime';
import { ROOT } from '../../src/sandbox/session';
import { loadSample, readSampleData } from '../../src/sandbox/sample-loader';
import type { StepRecord } from '../../src/sandbox/call-ledger';
import type { PanelData, PanelPage } from '../../src/ui/sidebar-contract';
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

/** What the last sidebar shown embeds: the page data the menu item put in its data element. */
export function shownPage(sb: Sandbox): { page: PanelPage; html: string } {
  const html = sb.env.uiEvents.filter((u) => u.kind === 'sidebar').pop()?.html;
  if (!html) throw new Error('no sidebar shown');
  const m = /<script type="application\/json" id="panel-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('the sidebar has no data element');
  return { page: JSON.parse(m[1]) as PanelPage, html };
}

/** Selects `selection` and clicks Open customer panel: the panel the page shows, and the click's cost. */
export function openPanel(sb: Sandbox, selection: string): { data: PanelData; steps: StepRecord[] } {
  sb.select(selection);
  const s = steps(sb, () => sb.click('menuOpenPanel'));
  const { page } = shownPage(sb);
  if (!('panel' in page)) throw new Error(`the panel shows an error: ${page.error}`);
  return { data: page.panel, steps: s };
}
