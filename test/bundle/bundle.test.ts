// The built bundle runs on Apps Script: plain script, top-level entry points, no Node, no class fields.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const dist = path.join(__dirname, '../../dist');
const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');

function bareContext(): vm.Context {
  const ctx = vm.createContext({});
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  return ctx;
}

describe('dist/Code.js', () => {
  it('defines every registry entry as a top-level function in a bare context', () => {
    const ctx = bareContext();
    const keys = vm.runInContext('Object.keys(Gendan.exposed)', ctx) as string[];
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(typeof ctx[k]).toBe('function');
      // a real declaration, visible to Apps Script's static scan
      expect(code).toMatch(new RegExp(`^function ${k}\\(`, 'm'));
    }
  });

  it('evaluates with none of the Node or browser globals Apps Script lacks', () => {
    const ctx = bareContext();
    for (const g of ['require', 'process', 'module', 'setTimeout', 'TextEncoder', 'URL', 'Buffer', 'exports']) {
      expect(vm.runInContext(`typeof ${g}`, ctx)).toBe('undefined');
    }
  });

  it('contains no module syntax and no class fields', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/^\s*(static\s+)?#[A-Za-z_$][\w$]*\s*[=;(]/m);
    expect(code).not.toMatch(/^\s*static\s+[A-Za-z_$][\w$]*\s*=/m);
    expect(code).not.toMatch(/\bthis\.#/);
  });

  it('stays within the bundle budget (700 KB, unminified)', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(700 * 1024);
  });

  it('ships the manifest with explicit narrow scopes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8')) as { oauthScopes: string[]; runtimeVersion: string };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
    expect(manifest.oauthScopes).not.toContain('https://mail.google.com/');
  });
});
