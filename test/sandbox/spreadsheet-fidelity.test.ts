// Fidelity of the SpreadsheetApp fake and the runtime to Apps Script's documented behaviour.
import { Sandbox } from '../../src/sandbox/runtime';
import { SandboxEnv } from '../../src/sandbox/env';
import { WallDate } from '../../src/sandbox/spreadsheet/model';
import { parseByPatterns, parseInput } from '../../src/sandbox/spreadsheet/values';
import fc from 'fast-check';

function sandboxWith(code: string, env = new SandboxEnv({ timeZone: 'Asia/Shanghai' })): { sb: Sandbox; seen: unknown[] } {
  const sb = new Sandbox(code, env);
  const seen: unknown[] = [];
  sb.extraGlobals = { record: (x: unknown) => seen.push(x) };
  if (!env.spreadsheet.sheetByName('Data')) env.spreadsheet.addSheet('Data');
  return { sb, seen };
}

describe('Range.getValues', () => {
  it('returns Date objects for date cells, numbers, booleans and "" for blanks', () => {
    const { sb, seen } = sandboxWith(`function read() {
      var v = SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1:D1').getValues();
      record(v[0].map(function (x) { return Object.prototype.toString.call(x); }));
      record(v[0][0].getTime());
      record(v[0][0] instanceof Date);
    }`);
    const sheet = sb.env.spreadsheet.sheetByName('Data')!;
    sheet.set(1, 1, new WallDate(Date.UTC(2026, 2, 2)));
    sheet.set(1, 2, 12.5);
    sheet.set(1, 3, true);
    sb.run('read');
    expect(seen[0]).toEqual(['[object Date]', '[object Number]', '[object Boolean]', '[object String]']);
    // 2026-03-02 00:00 in Shanghai is 2026-03-01 16:00 UTC
    expect(seen[1]).toBe(Date.UTC(2026, 2, 1, 16));
    expect(seen[2]).toBe(true); // a Date of the script's own realm
  });

  it('stores a Date written by the script as the wall-clock time of the spreadsheet zone', () => {
    const { sb } = sandboxWith(`function write() {
      SpreadsheetApp.getActive().getSheetByName('Data').getRange(1, 1).setValue(new Date(Date.UTC(2026, 2, 1, 16)));
    }`);
    sb.run('write');
    expect(sb.env.spreadsheet.sheetByName('Data')!.get(1, 1)).toEqual(new WallDate(Date.UTC(2026, 2, 2)));
  });

  it('parses strings written by setValue as Sheets does, and keeps apostrophe-escaped text as text', () => {
    const { sb } = sandboxWith(`function write() {
      SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1:E1').setValues([['123', '2026-03-02', "'=SUM(1)", '=1+2', '+86 138']]);
    }`);
    sb.run('write');
    const s = sb.env.spreadsheet.sheetByName('Data')!;
    expect(s.get(1, 1)).toBe(123);
    expect(s.get(1, 2)).toEqual(new WallDate(Date.UTC(2026, 2, 2)));
    expect(s.get(1, 3)).toBe('=SUM(1)');
    expect(s.get(1, 4)).toBe(3);
    expect(s.formulas.get('1,4')).toBe('=1+2');
    expect(s.get(1, 5)).toBe('#ERROR!');
  });
});

describe('Range.setValues', () => {
  it("throws Apps Script's error when the rows do not match", () => {
    const { sb } = sandboxWith(`function bad() { SpreadsheetApp.getActive().getSheetByName('Data').getRange(1, 1, 2, 2).setValues([[1, 2]]); }`);
    expect(() => sb.run('bad')).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
  });

  it("throws Apps Script's error when the columns do not match", () => {
    const { sb } = sandboxWith(`function bad() { SpreadsheetApp.getActive().getSheetByName('Data').getRange(1, 1, 1, 2).setValues([[1, 2, 3]]); }`);
    expect(() => sb.run('bad')).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
  });
});

describe('user edits and onEdit', () => {
  const code = `function onEdit(e) {
    record({ a1: e.range.getA1Notation(), value: e.value, oldValue: e.oldValue, user: e.user.getEmail(), mode: String(e.authMode), rows: e.range.getNumRows() });
  }
  function scriptWrite() { SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1').setValue('by script'); }`;

  it('fires onEdit with value and oldValue for a single cell', () => {
    const { sb, seen } = sandboxWith(code);
    sb.env.spreadsheet.sheetByName('Data')!.set(2, 3, 'old');
    sb.edit('Data!C2', 'new', 'li.na@example.com');
    expect(seen).toEqual([{ a1: 'C2', value: 'new', oldValue: 'old', user: 'li.na@example.com', mode: 'LIMITED', rows: 1 }]);
  });

  it('leaves oldValue undefined when the cell was empty', () => {
    const { sb, seen } = sandboxWith(code);
    sb.edit('Data!C2', '5');
    expect(seen[0]).toMatchObject({ value: '5', oldValue: undefined });
  });

  it('fires once for a multi-cell paste, without value or oldValue', () => {
    const { sb, seen } = sandboxWith(code);
    sb.edit('Data!B2:B4', ['a', 'b', 'c']);
    expect(seen).toEqual([{ a1: 'B2:B4', value: undefined, oldValue: undefined, user: 'owner@example.com', mode: 'LIMITED', rows: 3 }]);
    expect(sb.env.spreadsheet.sheetByName('Data')!.get(4, 2)).toBe('c');
  });

  it('turns typed text into numbers, dates and booleans', () => {
    const { sb } = sandboxWith(code);
    sb.edit('Data!A1:D1', [['1,234.5', '3/2/2026', 'true', '00123']]);
    const s = sb.env.spreadsheet.sheetByName('Data')!;
    expect(s.get(1, 1)).toBe(1234.5);
    expect(s.get(1, 2)).toEqual(new WallDate(Date.UTC(2026, 2, 2)));
    expect(s.get(1, 3)).toBe(true);
    expect(s.get(1, 4)).toBe(123);
  });

  it('does not fire onEdit for writes made by the script', () => {
    const { sb, seen } = sandboxWith(code);
    sb.run('scriptWrite');
    expect(seen).toEqual([]);
  });

  it('keeps the edit when onEdit throws and records the error', () => {
    const { sb } = sandboxWith(`function onEdit(e) { throw new Error('boom'); }`);
    sb.edit('Data!A1', 'kept');
    expect(sb.env.spreadsheet.sheetByName('Data')!.get(1, 1)).toBe('kept');
    expect(sb.triggerErrors[0].error).toBe('boom');
  });
});

describe('PropertiesService', () => {
  it('refuses a value over 9 KB', () => {
    const { sb } = sandboxWith(`function big() { PropertiesService.getDocumentProperties().setProperty('k', new Array(9300).join('x')); }`);
    expect(() => sb.run('big')).toThrow('Argument too large: value');
  });

  it('refuses to grow a store past 500 KB', () => {
    const { sb } = sandboxWith(`function fill() {
      var p = PropertiesService.getDocumentProperties();
      for (var i = 0; i < 60; i++) p.setProperty('k' + i, new Array(9000).join('x'));
    }`);
    expect(() => sb.run('fill')).toThrow('You have exceeded the property storage quota');
    expect(Object.keys(sb.env.documentProperties).length).toBe(56);
  });

  it('keeps user properties apart per user', () => {
    const { sb, seen } = sandboxWith(`function put() { PropertiesService.getUserProperties().setProperty('me', Session.getActiveUser().getEmail()); }
      function get() { record(PropertiesService.getUserProperties().getProperty('me')); }`);
    sb.run('put', [], { user: 'a@example.com' });
    sb.run('get', [], { user: 'b@example.com' });
    sb.run('get', [], { user: 'a@example.com' });
    expect(seen).toEqual([null, 'a@example.com']);
  });
});

describe('LockService', () => {
  it('makes a second user wait and fail while the first holds the document lock', () => {
    const env = new SandboxEnv();
    const { sb, seen } = sandboxWith(
      `function first() {
        var lock = LockService.getDocumentLock();
        record('first got ' + lock.tryLock(1000));
        SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1').getValue(); // the interleave point
        lock.releaseLock();
      }
      function second() { record('second got ' + LockService.getDocumentLock().tryLock(5000)); }
      function third() {
        try { LockService.getDocumentLock().waitLock(2000); record('third got it'); } catch (e) { record(e.message); }
      }`,
      env,
    );
    env.ledger.interleave(2, () => {
      sb.run('second', [], { user: 'b@example.com' });
      sb.run('third', [], { user: 'c@example.com' });
    });
    sb.run('first', [], { user: 'a@example.com' });
    sb.run('second', [], { user: 'b@example.com' });
    expect(seen).toEqual(['first got true', 'second got false', 'Lock timeout: another process was holding the lock for too long.', 'second got true']);
  });

  it('releases a lock when the execution ends', () => {
    const { sb, seen } = sandboxWith(`function hold() { LockService.getDocumentLock().waitLock(100); }
      function take() { record(LockService.getDocumentLock().tryLock(10)); }`);
    sb.run('hold', [], { user: 'a@example.com' });
    sb.run('take', [], { user: 'b@example.com' });
    expect(seen).toEqual([true]);
  });
});

describe('execution time', () => {
  it('throws "Exceeded maximum execution time" past 6 minutes of modeled time', () => {
    const { sb } = sandboxWith(`function slow() {
      var s = SpreadsheetApp.getActive().getSheetByName('Data');
      for (var i = 0; i < 100000; i++) s.getRange(1, 1).setValue(i);
    }`);
    expect(() => sb.run('slow')).toThrow('Exceeded maximum execution time');
    const step = sb.env.ledger.allSteps()[0];
    expect(step.modeledMs).toBeGreaterThan(360_000);
    expect(step.total).toBeLessThan(100_000);
  });
});

describe('ScriptApp triggers', () => {
  it('refuses a 21st trigger for one user', () => {
    const { sb } = sandboxWith(`function add() { for (var i = 0; i < 21; i++) ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }`);
    expect(() => sb.run('add')).toThrow('This script has too many triggers');
    expect(sb.env.triggers.length).toBe(20);
  });

  it('fires time-driven triggers as the clock advances', () => {
    const { sb, seen } = sandboxWith(`function install() { ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).create(); }
      function daily(e) { record(new Date().toISOString()); }`);
    sb.env.now = Date.UTC(2026, 2, 1, 22); // 06:00 in Shanghai on 2 March
    sb.run('install');
    const r = sb.advance(2 * 86_400_000);
    expect(r.fired).toEqual(['daily', 'daily']);
    expect(seen).toEqual(['2026-03-01T23:00:00.000Z', '2026-03-02T23:00:00.000Z']);
  });
});

describe('fault injection', () => {
  it('throws on the Nth round trip', () => {
    const { sb, seen } = sandboxWith(`function three() {
      var r = SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1');
      r.setValue(1); record(1); r.setValue(2); record(2); r.setValue(3); record(3);
    }`);
    sb.env.ledger.arm({ atCall: 2 });
    expect(() => sb.run('three')).toThrow('injected at call 2');
    expect(seen).toEqual([1]);
  });

  it('throws on every call of a method', () => {
    const { sb } = sandboxWith(`function w() { SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1').setValues([[1]]); }`);
    sb.env.ledger.arm({ method: 'Range.setValues' });
    expect(() => sb.run('w')).toThrow('injected');
    expect(() => sb.run('w')).toThrow('injected');
  });
});

describe('typed-text parsing shortcut', () => {
  it('decides text by its first character exactly as trying every pattern does', () => {
    const starts = ['a', 'O', 'P', 'D', 'S', 'Z', '中', '已', '(', '.', '#', '@', '/', ':', '%', '年', '_', 'é', 'x', 'E', 'N'];
    const tails = ['', 'verdue', '1', '2026-03-02', '3/2/2026', 'rue', 'alse', '100%', '1,000.5', ' 12', '年3月2日', '€5', '12:30'];
    for (const locale of ['en_US', 'de_DE', 'zh_CN']) {
      for (const a of starts) for (const b of tails) expect(parseInput(a + b, locale)).toEqual(parseByPatterns(a + b, locale));
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.constantFrom('en_US', 'fr_FR', 'zh_CN', 'ja_JP'), (text, locale) => {
        expect(parseInput(text, locale)).toEqual(parseByPatterns(text, locale));
      }),
      { numRuns: 3000 },
    );
  });
});
