// What one execution knows beyond the ports: the spreadsheet's zone and "today" there, the settings, the workbook
// language, and where each ledger sheet is (found by name in either language, or by its ID once renamed).
// Document properties are read once per execution (one call) and hold the small caches.
import type { Ports, Table } from '../ports';
import { LEDGERS, sheetKeyOf, type LedgerKey, type LedgerRecords } from '../domain/ledgers/index';
import { DASHBOARD } from '../domain/ledgers/index';
import { parseSettings, defaultSettings, type Settings } from '../domain/settings';
import type { LedgerIssue } from '../domain/ledgers/schema-types';
import { langOf, type Lang } from '../domain/i18n/i18n';
import { localDateOf, type LocalDate } from '../domain/time/zone';
import { LedgerTable } from './ledger-table';

export const PROP = {
  sheets: 'gendan.sheets',
  settings: 'gendan.settings',
  lang: 'gendan.lang',
} as const;

type SheetKey = LedgerKey | 'dashboard';

export class AppContext {
  private propsCache: Record<string, string> | null = null;
  private memo = new Map<string, unknown>();

  constructor(readonly ports: Ports) {}

  private once<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  /** All document properties (one read per execution). */
  props(): Record<string, string> {
    if (!this.propsCache) this.propsCache = this.ports.docProps.getAll();
    return this.propsCache;
  }

  setProps(values: Record<string, string>): void {
    this.ports.docProps.setAll(values);
    Object.assign(this.props(), values);
  }

  get timeZone(): string {
    return this.once('tz', () => this.ports.workbook.timeZone());
  }

  get locale(): string {
    return this.once('locale', () => this.ports.workbook.locale());
  }

  /** The current instant (read once per execution: one run sees one "now"). */
  get now(): number {
    return this.once('now', () => this.ports.clock.now());
  }

  /** Today's date in the spreadsheet's time zone. */
  get today(): LocalDate {
    return this.once('today', () => localDateOf(this.now, this.timeZone));
  }

  /** The workbook language: the Settings value, else the language the workbook was set up in, else the user's. */
  get lang(): Lang {
    return this.once('lang', () => {
      const s = this.settings().language;
      if (s) return s;
      const stored = this.props()[PROP.lang];
      if (stored === 'en' || stored === 'zh') return stored;
      return langOf(this.ports.user.locale());
    });
  }

  /** The language of messages shown to the user: the Settings value, else the user's own locale. */
  get userLang(): Lang {
    return this.once('userLang', () => this.settings().language || langOf(this.ports.user.locale()));
  }

  /** Settings from the cache in document properties, or read from the Settings sheet (and cached). */
  settings(): Settings {
    return this.once('settings', () => {
      const cached = this.props()[PROP.settings];
      if (cached) {
        try {
          return { ...defaultSettings(), ...(JSON.parse(cached) as Partial<Settings>) };
        } catch {
          // a damaged cache is rebuilt from the sheet
        }
      }
      return this.reloadSettings().settings;
    });
  }

  /** Reads the Settings sheet again, refreshes the cache, and returns the settings with their issues. */
  reloadSettings(): { settings: Settings; issues: LedgerIssue[] } {
    const table = this.table('settings');
    const parsed = table ? parseSettings(table.readAll(), { sheetName: table.name, timeZone: this.timeZone, locale: this.locale }) : { settings: defaultSettings(), issues: [] };
    const json = JSON.stringify(parsed.settings);
    if (this.props()[PROP.settings] !== json) this.setProps({ [PROP.settings]: json });
    this.memo.set('settings', parsed.settings);
    this.memo.delete('lang');
    return parsed;
  }

  /** The sheet registry: ledger key → sheet ID, kept in document properties. */
  private registry(): Partial<Record<SheetKey, number>> {
    return this.once('registry', () => {
      try {
        return JSON.parse(this.props()[PROP.sheets] ?? '{}') as Partial<Record<SheetKey, number>>;
      } catch {
        return {};
      }
    });
  }

  /** Records where a ledger's sheet is (setup, and whenever a sheet is found under a new name). */
  remember(key: SheetKey, sheetId: number): void {
    const reg = this.registry();
    if (reg[key] === sheetId) return;
    reg[key] = sheetId;
    this.setProps({ [PROP.sheets]: JSON.stringify(reg) });
  }

  /** The ledger a sheet belongs to: by its ID in the registry, else by its name. */
  keyOfSheet(name: string, sheetId: number): SheetKey | undefined {
    const reg = this.registry();
    for (const [k, id] of Object.entries(reg)) if (id === sheetId) return k as SheetKey;
    const byName = sheetKeyOf(name);
    // A sheet named like a ledger whose registered sheet is another one is the user's copy, not the ledger.
    if (byName && reg[byName] !== undefined && reg[byName] !== sheetId) return undefined;
    return byName;
  }

  /** The sheet of a ledger, wherever it is and whatever it is called now; null when missing. */
  table(key: SheetKey): Table | null {
    return this.once(`table:${key}`, () => {
      const wb = this.ports.workbook;
      const id = this.registry()[key];
      if (id !== undefined) {
        const t = wb.tableById(id);
        if (t) return t;
      }
      const def = key === 'dashboard' ? DASHBOARD : LEDGERS[key];
      for (const name of [def.sheet.en, def.sheet.zh]) {
        const t = wb.table(name);
        if (t) return t;
      }
      for (const name of wb.tableNames()) {
        if (sheetKeyOf(name) === key) return wb.table(name);
      }
      return null;
    });
  }

  /** A ledger over its sheet, or null when the workbook has no such sheet. */
  ledger<K extends LedgerKey>(key: K): LedgerTable<LedgerRecords[K]> | null {
    const table = this.table(key);
    if (!table) return null;
    return new LedgerTable(LEDGERS[key], table, { timeZone: this.timeZone, locale: this.locale, lang: this.lang });
  }
}
