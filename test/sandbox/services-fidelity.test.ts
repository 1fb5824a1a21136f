// Fidelity of Utilities, CacheService, HtmlService, Session and the push script to Apps Script's behaviour.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Sandbox } from '../../src/sandbox/runtime';
import { SandboxEnv } from '../../src/sandbox/env';
import { formatJavaDate } from '../../src/sandbox/services/java-date-format';

function sandboxWith(code: string, env = new SandboxEnv({ timeZone: 'Asia/Shanghai', frozenClock: true })): { sb: Sandbox; seen: unknown[] } {
  const sb = new Sandbox(code, env);
  const seen: unknown[] = [];
  sb.extraGlobals = { record: (x: unknown) => seen.push(x) };
  return { sb, seen };
}

describe('Utilities.formatDate', () => {
  const t = Date.UTC(2026, 2, 1, 16, 5, 9); // 2026-03-02 00:05:09 in Shanghai
  it.each([
    ['yyyy-MM-dd HH:mm:ss', 'Asia/Shanghai', '2026-03-02 00:05:09'],
    ['yyyy-MM-dd', 'America/Los_Angeles', '2026-03-01'],
    ["EEE, d MMM yyyy 'at' h:mm a", 'Asia/Shanghai', 'Mon, 2 Mar 2026 at 12:05 AM'],
    ['EEEE', 'Asia/Riyadh', 'Sunday'],
    ['Z', 'Asia/Kolkata', '+0530'],
    ['XXX', 'America/New_York', '-05:00'],
    ['X', 'Asia/Shanghai', '+08'],
    ['X', 'Asia/Kolkata', '+0530'],
    ['XX', 'Asia/Shanghai', '+0800'],
    ['XXX', 'UTC', 'Z'],
    ['z', 'Asia/Shanghai', 'GMT+08:00'],
    ['z', 'UTC', 'GMT'],
    ['D', 'UTC', '60'],
  ])('formats %s in %s', (pattern, tz, expected) => {
    expect(formatJavaDate(t, tz, pattern)).toBe(expected);
  });

  it('is reachable from the script and refuses an unknown zone', () => {
    const { sb, seen } = sandboxWith(`function f() {
      record(Utilities.formatDate(new Date(Date.UTC(2026, 6, 1, 12)), 'Europe/Berlin', 'HH:mm z'));
      try { Utilities.formatDate(new Date(), 'Mars/Olympus', 'yyyy'); } catch (e) { record(e.message); }
    }`);
    sb.run('f');
    expect(seen).toEqual(['14:00 GMT+02:00', expect.stringContaining('Invalid argument')]);
  });
});

describe('CacheService', () => {
  it('expires entries on the simulated clock and refuses oversized keys', () => {
    const env = new SandboxEnv({ frozenClock: true });
    const { sb, seen } = sandboxWith(`function put() { CacheService.getDocumentCache().put('k', 'v', 60); }
      function get() { record(CacheService.getDocumentCache().get('k')); }
      function big() { try { CacheService.getDocumentCache().put(new Array(300).join('k'), 'v'); } catch (e) { record(e.message); } }`, env);
    sb.run('put');
    sb.run('get');
    env.now += 61_000;
    sb.run('get');
    sb.run('big');
    expect(seen).toEqual(['v', null, 'Argument too large: key']);
  });
});

describe('HtmlService', () => {
  it('evaluates templates: <?= ?> escapes, <?!= ?> does not', () => {
    const env = new SandboxEnv({ frozenClock: true });
    env.htmlFiles.set('page', '<p><?= name ?></p><script>var d = <?!= json ?>;</script>');
    const { sb, seen } = sandboxWith(`function f() {
      var t = HtmlService.createTemplateFromFile('page');
      t.name = '<b>ACME & Co</b>';
      t.json = '{"a":1}';
      record(t.evaluate().getContent());
    }`, env);
    sb.run('f');
    expect(seen).toEqual(['<p>&lt;b&gt;ACME &amp; Co&lt;/b&gt;</p><script>var d = {"a":1};</script>']);
  });

  it('records a sidebar shown to the user', () => {
    const { sb } = sandboxWith(`function f() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('Panel')); }`);
    sb.run('f');
    expect(sb.env.uiEvents).toEqual([expect.objectContaining({ kind: 'sidebar', title: 'Panel', html: '<p>hi</p>' })]);
  });

  it('gives no UI to time-driven triggers', () => {
    const { sb } = sandboxWith(`function f() { SpreadsheetApp.getUi(); }`);
    expect(() => sb.run('f', [], { kind: 'trigger' })).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('Session', () => {
  it("reports the running user's email and locale", () => {
    const { sb, seen } = sandboxWith(`function f() { record([Session.getActiveUser().getEmail(), Session.getActiveUserLocale()]); }`);
    sb.env.user('li.na@example.com', 'zh-CN');
    sb.run('f', [], { user: 'li.na@example.com' });
    expect(seen).toEqual([['li.na@example.com', 'zh_CN']]);
  });
});

describe('npm run push', () => {
  it('refuses with instructions when .clasp.json has no scriptId', () => {
    const root = path.join(__dirname, '../..');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-push-'));
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.copyFileSync(path.join(root, 'scripts/push.mjs'), path.join(dir, 'scripts/push.mjs'));
    fs.copyFileSync(path.join(root, 'scripts/build.mjs'), path.join(dir, 'scripts/build.mjs'));
    fs.writeFileSync(path.join(dir, '.clasp.json'), JSON.stringify({ scriptId: '', rootDir: 'dist' }));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    const r = spawnSync(process.execPath, ['scripts/push.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('.clasp.json has no scriptId');
    expect(r.stderr).toContain('clasp create --type sheets');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
