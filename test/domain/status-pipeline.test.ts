// Specification of pipeline rules: row status, seed 003 checklists and probabilities, stage-change stamps.
import {
  DEFAULT_WIN_PROBABILITIES,
  onPipelineStageChange,
  PIPELINE_FLOW,
  pipelineStageInfo,
  pipelineStatus,
  type PipelineStageInput,
  type PipelineStageUpdate,
  type PipelineStatusInput,
} from '../../src/domain/status/pipeline-status';
import { PIPELINE_STAGES, type PipelineStage, type WorkStatus } from '../../src/domain/ledgers/records';

const TODAY = '2026-03-10';

describe('pipelineStatus', () => {
  const cases: [string, PipelineStatusInput, WorkStatus][] = [
    ['a blank row is pending', {}, 'pending'],
    ['initiation is pending', { stage: 'initiation', due: TODAY }, 'pending'],
    ['past initiation is in progress', { stage: 'first-contact' }, 'in-progress'],
    ['negotiation due today is not overdue', { stage: 'negotiation', due: TODAY }, 'in-progress'],
    ['a due date before today is overdue', { stage: 'showcase', due: '2026-03-09' }, 'overdue'],
    ['initiation can be overdue too', { stage: 'initiation', due: '2026-03-09' }, 'overdue'],
    ['signed is done, even past due', { stage: 'signed', due: '2026-01-01' }, 'done'],
    ['lost is done, even past due', { stage: 'lost', due: '2026-01-01' }, 'done'],
    ['moving the due date into the future clears overdue', { stage: 'evaluation', due: '2026-03-11' }, 'in-progress'],
  ];
  it.each(cases)('%s', (_name, row, expected) => {
    expect(pipelineStatus(row, TODAY)).toBe(expected);
  });
});

describe('pipelineStageInfo', () => {
  const counts: [PipelineStage, number, number][] = [
    ['initiation', 3, 0.05],
    ['first-contact', 10, 0.1],
    ['solution-design', 6, 0.2],
    ['showcase', 4, 0.3],
    ['solution-confirmed', 5, 0.4],
    ['evaluation', 6, 0.6],
    ['negotiation', 2, 0.8],
    ['signed', 2, 1],
    ['lost', 0, 0],
  ];
  it.each(counts)('%s has %i seed-003 conditions and a default win probability of %d', (stage, m, p) => {
    const info = pipelineStageInfo(stage);
    expect(info.conditions).toHaveLength(m);
    expect(info.winProbability).toBe(p);
  });

  it('names every stage and condition in English and Chinese', () => {
    for (const stage of PIPELINE_STAGES) {
      const info = pipelineStageInfo(stage);
      for (const m of [info.name, ...info.conditions, ...(info.goal ? [info.goal] : [])]) {
        expect(m.en.trim()).not.toBe('');
        expect(m.zh.trim()).not.toBe('');
      }
    }
    expect(pipelineStageInfo('negotiation').name).toEqual({ en: 'Negotiation', zh: '商务谈判' });
    expect(pipelineStageInfo('initiation').conditions[2].zh).toBe('审批通过并执行');
  });

  it('gives a success criterion to every stage but lost', () => {
    expect(PIPELINE_FLOW.every((s) => pipelineStageInfo(s).goal !== undefined)).toBe(true);
    expect(pipelineStageInfo('lost').goal).toBeUndefined();
  });

  it('takes win probabilities from the settings when given', () => {
    expect(pipelineStageInfo('showcase', { winProbabilities: { showcase: 0.25 } }).winProbability).toBe(0.25);
    expect(pipelineStageInfo('evaluation', { winProbabilities: { showcase: 0.25 } }).winProbability).toBe(0.6);
  });

  it('raises the default win probability at every step of the flow', () => {
    const ps = PIPELINE_FLOW.map((s) => DEFAULT_WIN_PROBABILITIES[s]);
    expect([...ps].sort((a, b) => a - b)).toEqual(ps);
    expect(new Set(ps).size).toBe(ps.length);
  });
});

describe('onPipelineStageChange', () => {
  const atShowcase: PipelineStageInput = { stage: 'showcase', stageSince: '2026-02-01', checklistDone: '3/4', winProbability: 0.35 };
  const cases: [string, PipelineStageInput, PipelineStageInput, PipelineStageUpdate][] = [
    ['a forward move records today, resets the checklist and sets the probability', atShowcase, { ...atShowcase, stage: 'solution-confirmed' },
      { stageSince: TODAY, checklistDone: '0/5', winProbability: 0.4, changed: true }],
    ['a backward move is a change too', atShowcase, { ...atShowcase, stage: 'first-contact' },
      { stageSince: TODAY, checklistDone: '0/10', winProbability: 0.1, changed: true }],
    ['a first stage on a new row', {}, { stage: 'initiation' }, { stageSince: TODAY, checklistDone: '0/3', winProbability: 0.05, changed: true }],
    ['signed', atShowcase, { ...atShowcase, stage: 'signed' }, { stageSince: TODAY, checklistDone: '0/2', winProbability: 1, changed: true }],
    ['lost has no checklist', atShowcase, { ...atShowcase, stage: 'lost' }, { stageSince: TODAY, winProbability: 0, changed: true }],
    ['a cleared stage clears the stage columns', atShowcase, { ...atShowcase, stage: undefined }, { changed: true }],
    ['no stage change keeps everything, even a hand-edited checklist and probability', atShowcase, { ...atShowcase, checklistDone: '4/4', winProbability: 0.5 },
      { stageSince: '2026-02-01', checklistDone: '4/4', winProbability: 0.5, changed: false }],
    ['no stage on either side changes nothing', {}, {}, { changed: false }],
  ];
  it.each(cases)('%s', (_name, before, after, expected) => {
    expect(onPipelineStageChange(before, after, TODAY)).toStrictEqual(expected);
  });

  it('uses the configured win probability of the new stage', () => {
    expect(onPipelineStageChange(atShowcase, { stage: 'evaluation' }, TODAY, { winProbabilities: { evaluation: 0.5 } }).winProbability).toBe(0.5);
  });

  it('does not mutate its inputs', () => {
    const before = { ...atShowcase };
    const after = { ...atShowcase, stage: 'evaluation' as const };
    onPipelineStageChange(before, after, TODAY);
    expect(before).toStrictEqual(atShowcase);
    expect(after).toStrictEqual({ ...atShowcase, stage: 'evaluation' });
  });
});
