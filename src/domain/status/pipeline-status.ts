// Pipeline (seed 003) rules: stages with checklists and win probabilities, row status, and what a stage change writes.
import type { LocalDate, PipelineRecord, PipelineStage, WorkStatus } from '../ledgers/records';
import { PIPELINE_STAGES } from '../ledgers/records';
import { STATUS_MESSAGES, type StatusMessageId } from '../i18n/status';
import type { Message } from '../i18n/i18n';

/** How many checklist conditions each stage has in seed 003 (the first-contact stage joins invitation and visit). */
const CONDITION_COUNTS: Record<PipelineStage, number> = {
  initiation: 3,
  'first-contact': 10,
  'solution-design': 6,
  showcase: 4,
  'solution-confirmed': 5,
  evaluation: 6,
  negotiation: 2,
  signed: 2,
  lost: 0,
};

/** Default win probability (fraction 0…1) once a project reaches a stage; every number is a setting. */
export const DEFAULT_WIN_PROBABILITIES: Readonly<Record<PipelineStage, number>> = {
  initiation: 0.05,
  'first-contact': 0.1,
  'solution-design': 0.2,
  showcase: 0.3,
  'solution-confirmed': 0.4,
  evaluation: 0.6,
  negotiation: 0.8,
  signed: 1,
  lost: 0,
};

export interface PipelineConfig {
  /** Overrides of the default win probability per stage (fractions 0…1). */
  winProbabilities?: Partial<Record<PipelineStage, number>>;
}

/** A stage as the ledger, documents and sidebar show it. */
export interface PipelineStageInfo {
  stage: PipelineStage;
  name: Message;
  /** The stage's success criterion; absent for `lost`. */
  goal?: Message;
  /** The conditions the "Checklist done" count is measured against, in seed order. */
  conditions: Message[];
  winProbability: number;
}

/**
 * A pipeline stage's name, success criterion, checklist and win probability.
 * @example pipelineStageInfo('negotiation').conditions.length // 2
 */
export function pipelineStageInfo(stage: PipelineStage, config: PipelineConfig = {}): PipelineStageInfo {
  const conditions: Message[] = [];
  for (let i = 1; i <= CONDITION_COUNTS[stage]; i++) {
    conditions.push(STATUS_MESSAGES[`pipelineCondition.${stage}.${i}` as StatusMessageId]);
  }
  const info: PipelineStageInfo = {
    stage,
    name: STATUS_MESSAGES[`pipelineStage.${stage}`],
    conditions,
    winProbability: config.winProbabilities?.[stage] ?? DEFAULT_WIN_PROBABILITIES[stage],
  };
  if (stage !== 'lost') info.goal = STATUS_MESSAGES[`pipelineGoal.${stage}`];
  return info;
}

/** Stages a project moves through, `lost` excluded. */
export const PIPELINE_FLOW: readonly PipelineStage[] = PIPELINE_STAGES.filter((s) => s !== 'lost');

export type PipelineStatusInput = Pick<PipelineRecord, 'stage' | 'due'>;

/**
 * The work status of a pipeline row: done once signed or lost; overdue when its due date (spreadsheet zone) is
 * before today; in progress once past initiation; else pending.
 * @example pipelineStatus({ stage: 'showcase', due: '2026-03-01' }, '2026-03-02') // 'overdue'
 */
export function pipelineStatus(row: PipelineStatusInput, today: LocalDate): WorkStatus {
  if (row.stage === 'signed' || row.stage === 'lost') return 'done';
  if (row.due && row.due < today) return 'overdue';
  if (row.stage && row.stage !== 'initiation') return 'in-progress';
  return 'pending';
}

export type PipelineStageInput = Pick<PipelineRecord, 'stage' | 'stageSince' | 'checklistDone' | 'winProbability'>;

/** What the stage-driven auto columns should hold after an edit. */
export interface PipelineStageUpdate {
  stageSince?: LocalDate;
  /** "n/m"; blank for `lost` and for a cleared stage. */
  checklistDone?: string;
  winProbability?: number;
  /** True when the stage changed and the values above were recomputed. */
  changed: boolean;
}

/**
 * The stage-driven columns after an edit of a pipeline row: a changed stage records today, resets the checklist
 * to "0/m" of the new stage's conditions and sets the stage's win probability; an unchanged stage keeps them.
 * @example onPipelineStageChange({ stage: 'showcase' }, { stage: 'evaluation' }, '2026-03-02')
 * // { stageSince: '2026-03-02', checklistDone: '0/6', winProbability: 0.6, changed: true }
 */
export function onPipelineStageChange(
  before: PipelineStageInput,
  after: PipelineStageInput,
  today: LocalDate,
  config: PipelineConfig = {},
): PipelineStageUpdate {
  if ((before.stage ?? undefined) === (after.stage ?? undefined)) {
    const kept: PipelineStageUpdate = { changed: false };
    if (after.stageSince !== undefined) kept.stageSince = after.stageSince;
    if (after.checklistDone !== undefined) kept.checklistDone = after.checklistDone;
    if (after.winProbability !== undefined) kept.winProbability = after.winProbability;
    return kept;
  }
  if (!after.stage) return { changed: true };
  const info = pipelineStageInfo(after.stage, config);
  const update: PipelineStageUpdate = { stageSince: today, winProbability: info.winProbability, changed: true };
  if (info.conditions.length > 0) update.checklistDone = `0/${info.conditions.length}`;
  return update;
}
