// Daily updates on / off: one daily sweep trigger, one hourly reminders trigger and one change trigger (rows deleted:
// onEdit does not fire for them), installed idempotently (never two), recorded in document properties so every user sees who turned them on; a trigger that finds automation
// off, or owned by someone else, removes itself.
import type { AppContext } from './context';
import type { TriggerInfo } from '../ports';

export const DAILY_HANDLER = 'triggerDailySweep';
export const HOURLY_HANDLER = 'triggerHourlyReminders';
export const CHANGE_HANDLER = 'triggerOnChange';
const PROP_AUTOMATION = 'gendan.automation';

export interface AutomationState {
  on: boolean;
  owner?: string;
  since?: number;
  daily?: string;
  hourly?: string;
  change?: string;
}

export function automationState(ctx: AppContext): AutomationState {
  try {
    return JSON.parse(ctx.props()[PROP_AUTOMATION] ?? '{"on":false}') as AutomationState;
  } catch {
    return { on: false };
  }
}

function ours(t: TriggerInfo): boolean {
  return t.handler === DAILY_HANDLER || t.handler === HOURLY_HANDLER || t.handler === CHANGE_HANDLER;
}

/** Turns daily updates on for the current user (replacing any of this user's old Gendan triggers). */
export function turnAutomationOn(ctx: AppContext): AutomationState {
  return ctx.ports.lock.withDocumentLock(10_000, () => {
    const triggers = ctx.ports.triggers;
    for (const t of triggers.list()) if (ours(t)) triggers.remove(t.id);
    const daily = triggers.addDaily(DAILY_HANDLER, ctx.settings()['sweep.hour']);
    const hourly = triggers.addHourly(HOURLY_HANDLER);
    const change = triggers.addOnChange(CHANGE_HANDLER);
    const state: AutomationState = { on: true, owner: ctx.ports.user.email(), since: ctx.now, daily: daily.id, hourly: hourly.id, change: change.id };
    ctx.setProps({ [PROP_AUTOMATION]: JSON.stringify(state) });
    return state;
  });
}

/** Turns daily updates off: this user's triggers go now; another owner's remove themselves at their next run. */
export function turnAutomationOff(ctx: AppContext): AutomationState {
  return ctx.ports.lock.withDocumentLock(10_000, () => {
    const triggers = ctx.ports.triggers;
    for (const t of triggers.list()) if (ours(t)) triggers.remove(t.id);
    const state: AutomationState = { on: false };
    ctx.setProps({ [PROP_AUTOMATION]: JSON.stringify(state) });
    return state;
  });
}

/**
 * Called first by every automation trigger: true when this trigger should do its work; otherwise it removes the
 * trigger (automation turned off, or turned on again by someone else) and returns false.
 */
export function automationTriggerMayRun(ctx: AppContext, triggerId: string | undefined): boolean {
  const state = automationState(ctx);
  const mine = state.on && triggerId !== undefined && (state.daily === triggerId || state.hourly === triggerId || state.change === triggerId);
  if (mine) return true;
  if (triggerId) ctx.ports.triggers.remove(triggerId);
  return false;
}
