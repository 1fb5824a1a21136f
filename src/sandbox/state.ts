// workbook.state.json: what Apps Script keeps outside the cells — properties, triggers, caches, the clock, the
// spreadsheet's settings and sheet metadata that .xlsx cannot carry (protections, conditional rules, filters,
// charts, named ranges), and each extension's state (Drive files, documents, drafts, sent mail).
import type { SandboxEnv } from './env';
import { SheetModel, setNextIdFloor } from './spreadsheet/model';

export interface StateExtension {
  name: string;
  save(env: SandboxEnv): unknown;
  load(env: SandboxEnv, data: unknown): void;
}

const extensions: StateExtension[] = [];

/** Drive, Docs and mail models register how they are saved. */
export function registerStateExtension(ext: StateExtension): void {
  if (!extensions.some((e) => e.name === ext.name)) extensions.push(ext);
}

interface SheetMeta {
  name: string;
  id: number;
  frozenRows: number;
  frozenCols: number;
  protections: SheetModel['protections'];
  conditionalRules: SheetModel['conditionalRules'];
  validations: SheetModel['validations'];
  filter: SheetModel['filter'];
  charts: SheetModel['charts'];
  hiddenCols: number[];
  hidden: boolean;
  tabColor: string | null;
  columnFormats: [number, SheetModel['columnFormats'] extends Map<number, infer F> ? F : never][];
}

export interface SandboxState {
  version: 1;
  now: number;
  scriptTimeZone: string;
  spreadsheet: { id: string; name: string; timeZone: string; locale: string; namedRanges: SandboxEnv['spreadsheet']['namedRanges'] };
  sheets: SheetMeta[];
  users: { email: string; locale: string }[];
  defaultUser: string;
  documentProperties: Record<string, string>;
  scriptProperties: Record<string, string>;
  userProperties: Record<string, Record<string, string>>;
  documentCache: [string, { value: string; expires: number }][];
  triggers: SandboxEnv['triggers'];
  menus: Record<string, unknown>;
  ext: Record<string, unknown>;
}

export function saveState(env: SandboxEnv): SandboxState {
  const ext: Record<string, unknown> = {};
  for (const e of extensions) ext[e.name] = e.save(env);
  return {
    version: 1,
    now: env.now,
    scriptTimeZone: env.scriptTimeZone,
    spreadsheet: {
      id: env.spreadsheet.id,
      name: env.spreadsheet.name,
      timeZone: env.spreadsheet.timeZone,
      locale: env.spreadsheet.locale,
      namedRanges: env.spreadsheet.namedRanges,
    },
    sheets: env.spreadsheet.sheets.map((s) => ({
      name: s.name,
      id: s.id,
      frozenRows: s.frozenRows,
      frozenCols: s.frozenCols,
      protections: s.protections,
      conditionalRules: s.conditionalRules,
      validations: s.validations,
      filter: s.filter,
      charts: s.charts,
      hiddenCols: [...s.hiddenCols],
      hidden: s.hidden,
      tabColor: s.tabColor,
      columnFormats: [...s.columnFormats.entries()],
    })),
    users: [...env.users.values()],
    defaultUser: env.defaultUser.email,
    documentProperties: env.documentProperties,
    scriptProperties: env.scriptProperties,
    userProperties: Object.fromEntries(env.userProperties),
    documentCache: [...env.documentCache.entries()],
    triggers: env.triggers,
    menus: Object.fromEntries(env.menus),
    ext,
  };
}

/**
 * Applies a saved state to an environment whose cells were loaded from the .xlsx. Sheets are matched by name;
 * the sheet IDs and metadata of the state are restored onto them.
 */
export function loadState(env: SandboxEnv, state: SandboxState): void {
  env.now = state.now;
  env.scriptTimeZone = state.scriptTimeZone;
  const ss = env.spreadsheet;
  ss.id = state.spreadsheet.id;
  ss.name = state.spreadsheet.name;
  ss.timeZone = state.spreadsheet.timeZone;
  ss.locale = state.spreadsheet.locale;
  ss.namedRanges = state.spreadsheet.namedRanges ?? [];
  for (const meta of state.sheets) {
    const s = ss.sheetByName(meta.name);
    if (!s) continue;
    (s as { id: number }).id = meta.id;
    setNextIdFloor(meta.id);
    s.frozenRows = meta.frozenRows;
    s.frozenCols = meta.frozenCols;
    s.protections = meta.protections;
    s.conditionalRules = meta.conditionalRules;
    s.validations = meta.validations;
    s.filter = meta.filter;
    s.charts = meta.charts;
    s.hiddenCols = new Set(meta.hiddenCols);
    s.hidden = meta.hidden;
    s.tabColor = meta.tabColor;
    s.columnFormats = new Map(meta.columnFormats);
    for (const p of s.protections) setNextIdFloor(p.id);
    for (const r of s.conditionalRules) setNextIdFloor(r.id);
    for (const c of s.charts) setNextIdFloor(c.id);
  }
  for (const u of state.users) env.user(u.email, u.locale);
  env.defaultUser = env.user(state.defaultUser);
  env.documentProperties = state.documentProperties;
  env.scriptProperties = state.scriptProperties;
  env.userProperties = new Map(Object.entries(state.userProperties));
  env.documentCache = new Map(state.documentCache);
  env.triggers = state.triggers;
  env.menus = new Map(Object.entries(state.menus ?? {}));
  for (const e of extensions) if (state.ext && e.name in state.ext) e.load(env, state.ext[e.name]);
}
