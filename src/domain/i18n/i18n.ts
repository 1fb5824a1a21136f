// Bilingual text: every user-facing string has an English and a Chinese (zh-CN) form. Catalogs are plain objects
// keyed by message id, one file per area (menus, ledgers, statuses, documents, reminders, sidebar); `t` fills
// {name} slots. Unknown ids throw in tests (catalog.test.ts checks every id has both languages).

export type Lang = 'en' | 'zh';

export interface Message {
  en: string;
  zh: string;
}

export type Catalog = Record<string, Message>;

/** Language of an Apps Script / BCP 47 locale: zh* → Chinese, everything else → English. */
export function langOf(locale: string | null | undefined): Lang {
  return /^zh/i.test(String(locale ?? '').trim()) ? 'zh' : 'en';
}

/** Fills {name} slots; values are inserted as given (escape for HTML where the result goes into HTML). */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Makes a translator over a catalog. */
export function translator(catalog: Catalog) {
  return function t(lang: Lang, id: string, vars?: Record<string, string | number>): string {
    const m = catalog[id];
    if (!m) throw new Error(`i18n: no message "${id}"`);
    return fill(m[lang], vars);
  };
}

/** Both languages of a message, for places that show both (headers, bilingual documents). */
export function both(catalog: Catalog, id: string, vars?: Record<string, string | number>): Message {
  const m = catalog[id];
  if (!m) throw new Error(`i18n: no message "${id}"`);
  return { en: fill(m.en, vars), zh: fill(m.zh, vars) };
}
