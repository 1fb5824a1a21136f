// The sandbox's world: one spreadsheet with everything Apps Script keeps beside it (properties, triggers, locks,
// caches, Drive files, mail), the simulated clock, the users, and the call ledger. Executions (menu clicks,
// triggers, edits) run against it one at a time, or nested to interleave two users.

import { CallLedger } from './call-ledger';
import { SpreadsheetModel } from './spreadsheet/model';

export interface SimUser {
  email: string;
  /** Apps Script style locale, e.g. "en", "zh_CN". */
  locale: string;
}

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/** What one execution knows: who runs it, in which auth mode, and the Date of its JavaScript realm. */
export interface Execution {
  id: number;
  env: SandboxEnv;
  user: SimUser;
  authMode: AuthModeName;
  /** 'menu' (a click or google.script.run), 'simple' (onOpen/onEdit), 'trigger' (installable), 'test'. */
  kind: 'menu' | 'simple' | 'trigger' | 'test';
  /** Creates dates in the script's realm (node:vm contexts have their own Date). */
  newDate(ms: number): Date;
  /** Creates arrays in the script's realm. */
  newArray<T>(items: T[]): T[];
  triggerUid?: string;
}

export interface UiEvent {
  at: number;
  user: string;
  kind: 'toast' | 'alert' | 'prompt' | 'sidebar' | 'dialog' | 'menu';
  title?: string;
  message?: string;
  html?: string;
  data?: unknown;
}

export interface TriggerData {
  uid: string;
  handler: string;
  user: string;
  /** 'CLOCK' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_OPEN' | 'ON_FORM_SUBMIT' */
  eventType: string;
  sourceId: string;
  schedule?:
    | { kind: 'after'; at: number }
    | { kind: 'hours'; every: number; anchor: number }
    | { kind: 'minutes'; every: number; anchor: number }
    | { kind: 'days'; every: number; hour: number; minute: number; timeZone: string }
    | { kind: 'weeks'; every: number; weekDay: number; hour: number; minute: number; timeZone: string };
  nextRun?: number;
  /** One-off triggers stay listed after they fire but never fire again. */
  spent?: boolean;
}

export interface StoredProperty {
  [key: string]: string;
}

export interface CacheEntry {
  value: string;
  expires: number;
}

export interface LockState {
  holder: number | null;
  user: string | null;
}

/** Extension point: Drive, Docs, Gmail and Mail models register themselves here (see services/index.ts). */
export interface ExtensionState {
  [name: string]: unknown;
}

export class SandboxEnv {
  readonly ledger = new CallLedger();
  spreadsheet: SpreadsheetModel;
  /** Simulated epoch milliseconds. */
  now: number;
  scriptTimeZone = 'Asia/Shanghai';
  users = new Map<string, SimUser>();
  defaultUser: SimUser;
  documentProperties: StoredProperty = {};
  scriptProperties: StoredProperty = {};
  userProperties = new Map<string, StoredProperty>();
  documentCache = new Map<string, CacheEntry>();
  scriptCache = new Map<string, CacheEntry>();
  userCache = new Map<string, Map<string, CacheEntry>>();
  locks = { document: { holder: null, user: null } as LockState, script: { holder: null, user: null } as LockState, user: new Map<string, LockState>() };
  triggers: TriggerData[] = [];
  uiEvents: UiEvent[] = [];
  logs: { at: number; level: string; message: string }[] = [];
  /** Active selection per user, as "Sheet!A1:B2" on the sheet. */
  selection = new Map<string, { sheetId: number; r1: number; c1: number; r2: number; c2: number }>();
  /** The menu each user last saw (built by onOpen). */
  menus = new Map<string, unknown>();
  /** Answers the simulated user gives to the next alerts/prompts (FIFO); default: OK / YES. */
  uiAnswers: { button?: string; text?: string }[] = [];
  /** HTML files of the project (dist/*.html), by name without extension. */
  htmlFiles = new Map<string, string>();
  /** The project's script ID. */
  scriptId = '1GendanSandboxScriptId000000000000000000000000000000';
  ext: ExtensionState = {};
  private nextExecution = 1;

  constructor(opts: { now?: number; timeZone?: string; user?: string; locale?: string; spreadsheet?: SpreadsheetModel; frozenClock?: boolean } = {}) {
    const locale = opts.locale ?? 'en';
    this.spreadsheet = opts.spreadsheet ?? new SpreadsheetModel({ timeZone: opts.timeZone, locale: toSheetsLocale(locale) });
    if (opts.timeZone) {
      this.spreadsheet.timeZone = opts.timeZone;
      this.scriptTimeZone = opts.timeZone;
    }
    this.now = opts.now ?? Date.UTC(2026, 2, 2, 1, 0, 0);
    // Time passes while a script runs: every call's modeled cost moves the simulated clock.
    // (frozenClock: tests that assert exact timestamps keep the clock still.)
    if (!opts.frozenClock) {
      this.ledger.onTime = (ms) => {
        this.now += ms;
      };
    }
    this.defaultUser = this.user(opts.user ?? 'owner@example.com', locale);
  }

  /** The simulated user with this email, created on first use. */
  user(email: string, locale?: string): SimUser {
    let u = this.users.get(email);
    if (!u) {
      u = { email, locale: toGasLocale(locale ?? this.defaultUser?.locale ?? 'en') };
      this.users.set(email, u);
    } else if (locale) {
      u.locale = toGasLocale(locale);
    }
    return u;
  }

  newExecutionId(): number {
    return this.nextExecution++;
  }

  /** Releases whatever an execution still holds when it ends (Apps Script releases locks at script end). */
  endExecution(id: number): void {
    const free = (l: LockState) => {
      if (l.holder === id) {
        l.holder = null;
        l.user = null;
      }
    };
    free(this.locks.document);
    free(this.locks.script);
    for (const l of this.locks.user.values()) free(l);
  }

  log(level: string, message: string): void {
    this.logs.push({ at: this.now, level, message });
  }

  ui(event: Omit<UiEvent, 'at'>): void {
    this.uiEvents.push({ at: this.now, ...event });
  }
}

/** "zh-CN" / "zh_CN" / "zh" → Apps Script's "zh_CN"; "en-US" → "en". */
export function toGasLocale(locale: string): string {
  const l = locale.replace('-', '_');
  if (/^zh/i.test(l)) return l.length > 2 ? `zh_${l.slice(3).toUpperCase()}` : 'zh_CN';
  return l.split('_')[0].toLowerCase() || 'en';
}

/** A spreadsheet locale ("en_US", "zh_CN") for a user locale. */
export function toSheetsLocale(locale: string): string {
  const l = toGasLocale(locale);
  if (l.startsWith('zh')) return l.length > 2 ? l : 'zh_CN';
  if (l === 'en') return 'en_US';
  return `${l}_${l.toUpperCase()}`;
}
