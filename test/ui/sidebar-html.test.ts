// Static checks of sidebar.html: its string keys match the catalog, its script is plain ES2019, and it never writes HTML.
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { SIDEBAR_STRINGS, sidebarStrings } from '../../src/domain/i18n/sidebar';

const HTML = fs.readFileSync(path.join(__dirname, '../../src/ui/sidebar.html'), 'utf8');

/** The page's executable inline scripts (not its JSON data element). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)].filter((m) => !/type="application\/json"/.test(m[1] ?? '')).map((m) => m[2]);
}

function keysListedInHeader(html: string): string[] {
  const block = /String keys used \(data\.strings\):([\s\S]*?)-->/.exec(html);
  if (!block) throw new Error('sidebar.html has no "String keys used" comment block');
  return [...block[1].matchAll(/^\s*(sidebar\.[\w.]+)\s*$/gm)].map((m) => m[1]);
}

function keysUsedInCode(html: string): string[] {
  const body = html.slice(html.indexOf('-->', html.indexOf('String keys used')));
  const found = new Set<string>();
  for (const m of body.matchAll(/data-i18n(?:-[a-z-]+)?="(sidebar\.[\w.]+)"/g)) found.add(m[1]);
  for (const script of inlineScripts(body)) for (const m of script.matchAll(/'(sidebar\.[\w.]+)'/g)) found.add(m[1]);
  return [...found];
}

const sorted = (xs: string[]) => [...xs].sort();

describe('sidebar.html strings', () => {
  it('lists exactly the keys it uses in its header comment', () => {
    const listed = keysListedInHeader(HTML);
    expect(new Set(listed).size).toBe(listed.length);
    expect(sorted(listed)).toEqual(sorted(keysUsedInCode(HTML)));
  });

  it('uses exactly the keys of SIDEBAR_STRINGS, each with English and Chinese text', () => {
    expect(sorted(keysUsedInCode(HTML))).toEqual(sorted(Object.keys(SIDEBAR_STRINGS)));
    for (const [key, message] of Object.entries(SIDEBAR_STRINGS)) {
      expect({ key, en: message.en.trim() !== '', zh: /[\u4e00-\u9fff]/.test(message.zh) || /^\d/.test(message.zh) }).toEqual({ key, en: true, zh: true });
    }
  });

  it('keeps the same {slots} in both languages', () => {
    const slots = (s: string) => sorted([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    for (const [key, message] of Object.entries(SIDEBAR_STRINGS)) {
      expect({ key, slots: slots(message.zh) }).toEqual({ key, slots: slots(message.en) });
    }
  });

  it('gives the server one language at a time', () => {
    expect(sidebarStrings('zh')['sidebar.log.submit']).toBe('保存记录');
    expect(sidebarStrings('en')['sidebar.log.submit']).toBe('Save contact');
    expect(Object.keys(sidebarStrings('en'))).toEqual(Object.keys(SIDEBAR_STRINGS));
  });
});

describe('sidebar.html script', () => {
  const scripts = inlineScripts(HTML);

  it('is one inline script with no external sources or modules', () => {
    expect(scripts).toHaveLength(1);
    expect(HTML).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(HTML).not.toMatch(/type=["']module["']/i);
  });

  it('has one scriptlet: the page data, printed raw into a JSON data element (the server escapes "<" in it)', () => {
    // Any other <? would be evaluated by HtmlService; <?= would HTML-escape the JSON and break it.
    expect([...HTML.matchAll(/<\?/g)]).toHaveLength(1);
    expect(HTML).toContain('<script type="application/json" id="panel-data"><?!= data ?></script>');
    expect(scripts[0]).toMatch(/JSON\.parse\(node\.textContent/);
  });

  it('parses as ES2019 with only browser and google globals', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(scripts[0], [
      {
        languageOptions: {
          ecmaVersion: 2019,
          sourceType: 'script',
          globals: { window: 'readonly', document: 'readonly', google: 'readonly', Promise: 'readonly', Array: 'readonly', Object: 'readonly', String: 'readonly', Error: 'readonly',
            WeakMap: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
        },
        rules: { 'no-undef': 'error', 'no-unused-vars': 'error', strict: ['error', 'function'] },
      },
    ]);
    expect(messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
  });

  it('never turns strings into markup', () => {
    expect(scripts[0]).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  });
});
