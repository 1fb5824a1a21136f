// Every message catalog (each exported table of {en, zh} messages in src/domain/i18n/*.ts) is complete: both
// languages are written, and both have the same {slots}, so no translation loses or invents a value.
import fs from 'node:fs';
import path from 'node:path';
import type { Message } from '../../src/domain/i18n/i18n';
import { DASHBOARD, LEDGERS, LEDGER_KEYS } from '../../src/domain/ledgers/index';
import { SETTING_DEFS, SETTING_GROUP_LABELS } from '../../src/domain/settings';

const DIR = path.join(__dirname, '../../src/domain/i18n');

function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && typeof (v as Message).en === 'string' && typeof (v as Message).zh === 'string';
}

/** The exported catalogs of every module of the directory, as "file:EXPORT". */
function catalogs(): [string, Record<string, Message>][] {
  const out: [string, Record<string, Message>][] = [];
  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(DIR, file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'object' || value === null) continue;
      const entries = Object.values(value);
      if (entries.length && entries.every(isMessage)) out.push([`${file}:${name}`, value as Record<string, Message>]);
    }
  }
  return out;
}

/** The {name} slots `fill` replaces; {{placeholders}} are literal text (document and mail template syntax). */
function slots(text: string): string[] {
  return [...new Set([...text.matchAll(/(?<!\{)\{(\w+)\}(?!\})/g)].map((m) => m[1]))].sort();
}

describe('message catalogs', () => {
  const found = catalogs();

  it('are found in every catalog module', () => {
    expect(found.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'app.ts:APP_MESSAGES',
        'documents-app.ts:DOCUMENTS_APP_MESSAGES',
        'documents.ts:documentsCatalog',
        'ledgers.ts:LEDGER_MESSAGES',
        'panel-app.ts:PANEL_APP_MESSAGES',
        'reminders-app.ts:REMINDERS_APP_MESSAGES',
        'reminders.ts:REMINDER_MESSAGES',
        'sidebar.ts:SIDEBAR_STRINGS',
        'status.ts:STATUS_MESSAGES',
      ]),
    );
  });

  it.each(found)('%s: both languages written, with the same {slots}', (_name, catalog) => {
    const problems: string[] = [];
    for (const [id, m] of Object.entries(catalog)) {
      if (!m.en.trim()) problems.push(`${id}: no English`);
      if (!m.zh.trim()) problems.push(`${id}: no Chinese`);
      const [en, zh] = [slots(m.en), slots(m.zh)];
      if (en.join() !== zh.join()) problems.push(`${id}: {${en.join('}, {')}} in English, {${zh.join('}, {')}} in Chinese`);
    }
    expect(problems).toEqual([]);
  });

  it('cover what Switch language translates: sheet names, headers, dropdown values and Settings texts', () => {
    const missing: string[] = [];
    const check = (where: string, m: Message) => {
      if (!m.en.trim() || !m.zh.trim()) missing.push(where);
    };
    for (const key of LEDGER_KEYS) {
      const ledger = LEDGERS[key];
      check(`${key} sheet`, ledger.sheet);
      for (const c of ledger.columns) {
        check(`${key}.${c.key}`, c.header);
        for (const o of c.options ?? []) check(`${key}.${c.key}=${o.code}`, o);
      }
    }
    check('dashboard sheet', DASHBOARD.sheet);
    for (const d of SETTING_DEFS) {
      check(`setting ${d.key}`, d.label);
      check(`setting ${d.key} note`, d.note);
    }
    for (const [g, m] of Object.entries(SETTING_GROUP_LABELS)) check(`group ${g}`, m);
    expect(missing).toEqual([]);
  });
});
