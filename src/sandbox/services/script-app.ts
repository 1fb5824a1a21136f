// ScriptApp: installable triggers (time-driven and spreadsheet), the 20-triggers-per-user limit, auth info, enums.
import crypto from 'node:crypto';
import type { Execution, SandboxEnv, TriggerData } from '../env';
import { asGas, count, gasError } from './common';
import { instantToWall, wallToInstant } from '../../domain/time/zone';

export const MAX_TRIGGERS_PER_USER = 20;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' };
const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED' };
const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' };
const WeekDay = { SUNDAY: 'SUNDAY', MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY' };
const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };

/** The next instant a time-driven trigger fires after `after`. */
export function nextFiring(t: TriggerData, after: number): number | undefined {
  const s = t.schedule;
  if (!s || t.spent) return undefined;
  switch (s.kind) {
    case 'after':
      return s.at > after ? s.at : undefined;
    case 'hours':
    case 'minutes': {
      const period = s.every * (s.kind === 'hours' ? HOUR : 60_000);
      const k = Math.floor((after - s.anchor) / period) + 1;
      return s.anchor + Math.max(1, k) * period;
    }
    case 'days':
    case 'weeks': {
      const wallAfter = instantToWall(after, s.timeZone);
      let day = Math.floor(wallAfter / DAY) * DAY;
      for (let i = 0; i < 800; i++) {
        const candidateWall = day + s.hour * HOUR + s.minute * 60_000;
        const okDay = s.kind === 'days' || new Date(day).getUTCDay() === s.weekDay;
        if (okDay) {
          const instant = wallToInstant(candidateWall, s.timeZone);
          if (instant > after) return instant;
        }
        day += DAY;
      }
      return undefined;
    }
  }
}

class FakeTrigger {
  constructor(private readonly ex: Execution, readonly data: TriggerData) {}
  getHandlerFunction(): string {
    count(this.ex, 'ScriptApp', 'Trigger.getHandlerFunction', 'handle');
    return this.data.handler;
  }
  getUniqueId(): string {
    count(this.ex, 'ScriptApp', 'Trigger.getUniqueId', 'handle');
    return this.data.uid;
  }
  getEventType(): string {
    count(this.ex, 'ScriptApp', 'Trigger.getEventType', 'handle');
    return this.data.eventType;
  }
  getTriggerSource(): string {
    count(this.ex, 'ScriptApp', 'Trigger.getTriggerSource', 'handle');
    return this.data.eventType === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS';
  }
  getTriggerSourceId(): string | null {
    count(this.ex, 'ScriptApp', 'Trigger.getTriggerSourceId', 'handle');
    return this.data.eventType === 'CLOCK' ? null : this.data.sourceId;
  }
}

function addTrigger(ex: Execution, data: Omit<TriggerData, 'uid' | 'user'>): FakeTrigger {
  const env = ex.env;
  const mine = env.triggers.filter((t) => t.user === ex.user.email);
  if (mine.length >= MAX_TRIGGERS_PER_USER) {
    throw gasError('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  }
  const t: TriggerData = { uid: String(crypto.randomInt(1e9, 9e9)), user: ex.user.email, ...data };
  t.nextRun = nextFiring(t, env.now);
  env.triggers.push(t);
  return new FakeTrigger(ex, t);
}

function clockBuilder(ex: Execution, handler: string) {
  const env = ex.env;
  const spec: { after?: number; at?: number; hours?: number; minutes?: number; days?: number; weeks?: number; hour?: number; minute?: number; weekDay?: number; tz?: string } = {};
  const b = {
    after(ms: number) {
      spec.after = ms;
      return b;
    },
    at(date: { getTime(): number }) {
      spec.at = date.getTime();
      return b;
    },
    everyMinutes(n: number) {
      if (![1, 5, 10, 15, 30].includes(n)) throw gasError('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
      spec.minutes = n;
      return b;
    },
    everyHours(n: number) {
      if (![1, 2, 4, 6, 8, 12].includes(n)) throw gasError('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
      spec.hours = n;
      return b;
    },
    everyDays(n: number) {
      spec.days = n;
      return b;
    },
    everyWeeks(n: number) {
      spec.weeks = n;
      return b;
    },
    atHour(h: number) {
      if (h < 0 || h > 23) throw gasError('Invalid argument: hour');
      spec.hour = h;
      return b;
    },
    nearMinute(m: number) {
      spec.minute = Math.round(m / 15) * 15 % 60;
      return b;
    },
    onWeekDay(day: string) {
      spec.weekDay = Object.keys(WeekDay).indexOf(day);
      return b;
    },
    inTimezone(tz: string) {
      spec.tz = tz;
      return b;
    },
    create() {
      count(ex, 'ScriptApp', 'ClockTriggerBuilder.create', 'structure');
      const tz = spec.tz ?? env.scriptTimeZone;
      let schedule: TriggerData['schedule'];
      if (spec.after !== undefined) schedule = { kind: 'after', at: env.now + spec.after };
      else if (spec.at !== undefined) schedule = { kind: 'after', at: spec.at };
      else if (spec.minutes) schedule = { kind: 'minutes', every: spec.minutes, anchor: env.now };
      else if (spec.hours) schedule = { kind: 'hours', every: spec.hours, anchor: env.now };
      else if (spec.days) schedule = { kind: 'days', every: spec.days, hour: spec.hour ?? 0, minute: spec.minute ?? 0, timeZone: tz };
      else if (spec.weeks) schedule = { kind: 'weeks', every: spec.weeks, weekDay: spec.weekDay ?? 1, hour: spec.hour ?? 0, minute: spec.minute ?? 0, timeZone: tz };
      else throw gasError('Time-based triggers need a schedule (after, at, everyMinutes, everyHours, everyDays or everyWeeks).');
      return asGas<GoogleAppsScript.Script.Trigger>(addTrigger(ex, { handler, eventType: 'CLOCK', sourceId: env.scriptId, schedule }));
    },
  };
  return b;
}

function spreadsheetBuilder(ex: Execution, handler: string, sourceId: string) {
  let eventType = '';
  const b = {
    onEdit() {
      eventType = 'ON_EDIT';
      return b;
    },
    onChange() {
      eventType = 'ON_CHANGE';
      return b;
    },
    onOpen() {
      eventType = 'ON_OPEN';
      return b;
    },
    onFormSubmit() {
      eventType = 'ON_FORM_SUBMIT';
      return b;
    },
    create() {
      count(ex, 'ScriptApp', 'SpreadsheetTriggerBuilder.create', 'structure');
      if (!eventType) throw gasError('Choose an event (onEdit, onChange, onOpen or onFormSubmit) before create().');
      return asGas<GoogleAppsScript.Script.Trigger>(addTrigger(ex, { handler, eventType, sourceId }));
    },
  };
  return b;
}

export function makeScriptApp(ex: Execution) {
  const env: SandboxEnv = ex.env;
  const needsFull = (what: string) => {
    if (ex.authMode === 'NONE' || ex.authMode === 'LIMITED') {
      throw gasError(`You do not have permission to call ${what}. Required permissions: https://www.googleapis.com/auth/script.scriptapp`);
    }
  };
  const api = {
    AuthMode,
    EventType,
    TriggerSource,
    WeekDay,
    AuthorizationStatus,
    newTrigger(functionName: string) {
      count(ex, 'ScriptApp', 'ScriptApp.newTrigger', 'handle');
      needsFull('ScriptApp.newTrigger');
      return {
        timeBased: () => clockBuilder(ex, functionName),
        forSpreadsheet: (key: string | { getId(): string }) => spreadsheetBuilder(ex, functionName, typeof key === 'string' ? key : key.getId()),
      };
    },
    getProjectTriggers() {
      count(ex, 'ScriptApp', 'ScriptApp.getProjectTriggers', 'meta');
      needsFull('ScriptApp.getProjectTriggers');
      return ex.newArray(env.triggers.filter((t) => t.user === ex.user.email).map((t) => asGas<GoogleAppsScript.Script.Trigger>(new FakeTrigger(ex, t))));
    },
    getUserTriggers(document: { getId(): string }) {
      count(ex, 'ScriptApp', 'ScriptApp.getUserTriggers', 'meta');
      needsFull('ScriptApp.getUserTriggers');
      const id = document.getId();
      return ex.newArray(
        env.triggers
          .filter((t) => t.user === ex.user.email && (t.eventType === 'CLOCK' || t.sourceId === id))
          .map((t) => asGas<GoogleAppsScript.Script.Trigger>(new FakeTrigger(ex, t))),
      );
    },
    deleteTrigger(trigger: GoogleAppsScript.Script.Trigger) {
      count(ex, 'ScriptApp', 'ScriptApp.deleteTrigger', 'structure');
      needsFull('ScriptApp.deleteTrigger');
      const uid = (trigger as unknown as FakeTrigger).data?.uid ?? trigger.getUniqueId();
      const i = env.triggers.findIndex((t) => t.uid === uid);
      if (i >= 0) env.triggers.splice(i, 1);
    },
    getAuthorizationInfo() {
      count(ex, 'ScriptApp', 'ScriptApp.getAuthorizationInfo', 'meta');
      return {
        getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED,
        getAuthorizationUrl: () => null,
        getAuthorizedScopes: () => [],
      };
    },
    getOAuthToken() {
      count(ex, 'ScriptApp', 'ScriptApp.getOAuthToken', 'handle');
      return 'sandbox-oauth-token';
    },
    getScriptId() {
      count(ex, 'ScriptApp', 'ScriptApp.getScriptId', 'handle');
      return env.scriptId;
    },
  };
  return api;
}

