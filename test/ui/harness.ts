// Browser harness for HtmlService pages: serves an HTML file with a google.script.run shim that forwards calls to a Node backend.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * The server side of google.script.run: the function name and its JSON arguments in, the JSON-able result out
 * (or a promise of it). Throwing reaches the page's failure handler. Plug the Apps Script sandbox in with
 * `(fn, args) => sandbox.rpc(fn, args)`.
 */
export type SidebarBackend = (fn: string, args: unknown[]) => unknown;

export interface RpcCall {
  fn: string;
  args: unknown[];
}

export interface SidebarServer {
  /** Address of the page, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** Every call the page made, in order (arguments as the server received them). */
  calls: RpcCall[];
  close(): Promise<void>;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const PANEL_VIEWPORT = { width: 300, height: 900 };

const RPC_PATH = '/__rpc';

/**
 * What the page gets as `google.script`: `run` with withSuccessHandler / withFailureHandler / withUserObject and
 * any server function name, like the real one, answering asynchronously; arguments and results cross as JSON,
 * failures arrive as an Error with the server's message. `host` has the calls a sidebar may make.
 */
function shimSource(): string {
  return `
(function () {
  'use strict';
  function send(name, args, onSuccess, onFailure, userObject) {
    var body;
    try { body = JSON.stringify({ fn: name, args: args }); } catch (e) { setTimeout(function () { if (onFailure) onFailure(e, userObject); }, 0); return; }
    fetch(${JSON.stringify(RPC_PATH)}, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
      .then(function (res) { return res.json(); })
      .then(function (answer) {
        if (answer.ok) { if (onSuccess) onSuccess(answer.value, userObject); }
        else if (onFailure) onFailure(new Error(answer.message), userObject);
      }, function (err) { if (onFailure) onFailure(err, userObject); });
  }
  function runner(onSuccess, onFailure, userObject) {
    var base = {
      withSuccessHandler: function (fn) { return runner(fn, onFailure, userObject); },
      withFailureHandler: function (fn) { return runner(onSuccess, fn, userObject); },
      withUserObject: function (obj) { return runner(onSuccess, onFailure, obj); }
    };
    return new Proxy(base, {
      get: function (target, name) {
        if (typeof name !== 'string') return undefined;
        if (Object.prototype.hasOwnProperty.call(target, name)) return target[name];
        return function () { send(name, Array.prototype.slice.call(arguments), onSuccess, onFailure, userObject); };
      }
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: location.origin,
      close: function () { window.__gendanHostClosed = true; },
      setHeight: function () {},
      setWidth: function () {},
      editor: { focus: function () {} }
    }
  };
})();
`;
}

/** Puts the shim before the page's own scripts, as Apps Script does (right after <head>, else at the very start). */
export function injectShim(html: string): string {
  const tag = `<script>${shimSource()}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isRpcRequest(value: unknown): value is RpcCall {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { fn?: unknown; args?: unknown };
  return typeof v.fn === 'string' && Array.isArray(v.args);
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

/** Serves `html` (with the shim) at / on 127.0.0.1 and a random port; POST /__rpc goes to `backend`. */
export function startSidebarServer(html: string, backend: SidebarBackend): Promise<SidebarServer> {
  const page = injectShim(html);
  const calls: RpcCall[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(page);
      return;
    }
    if (req.method === 'POST' && url.pathname === RPC_PATH) {
      void (async () => {
        let call: RpcCall;
        try {
          const parsed: unknown = JSON.parse(await readBody(req));
          if (!isRpcRequest(parsed)) throw new Error('expected {"fn": string, "args": []}');
          call = parsed;
        } catch (err) {
          sendJson(res, 400, { ok: false, message: `bad RPC request: ${(err as Error).message}` });
          return;
        }
        calls.push(call);
        try {
          const value: unknown = await backend(call.fn, call.args);
          // google.script.run returns undefined as undefined; JSON has no undefined, so send null.
          sendJson(res, 200, { ok: true, value: value === undefined ? null : value });
        } catch (err) {
          sendJson(res, 200, { ok: false, message: err instanceof Error ? err.message : String(err) });
        }
      })();
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        calls,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * A backend whose answers can be held back, to look at the page while a call is in flight:
 * `hold()`, act, assert the progress state, `release()`.
 */
export function holdable(backend: SidebarBackend): { backend: SidebarBackend; hold(): void; release(): void } {
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  return {
    backend: async (fn, args) => {
      if (gate) await gate;
      return backend(fn, args);
    },
    hold() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release() {
      gate = null;
      open();
    },
  };
}

export interface PanelBrowser {
  context: BrowserContext;
  /** A new tab at `url`; uncaught page errors are collected in `errors`. */
  open(url: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * Headless Chromium from the system (/usr/bin/chromium) with a fresh profile, a 300×900 viewport (the add-on
 * sidebar), and no network beyond 127.0.0.1: the real sidebar runs without Google's stylesheet here, so the
 * page has to look right on its own. Fails, never skips, when Chromium is missing.
 */
export async function launchBrowser(options: { locale?: string } = {}): Promise<PanelBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the sidebar tests need a real browser. ` +
        'Install it with `apt-get install -y chromium fonts-noto-cjk` (CI installs them).',
    );
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: PANEL_VIEWPORT,
      locale: options.locale ?? 'en-US',
      timezoneId: 'Asia/Shanghai',
    });
  } catch (err) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  for (const stray of context.pages()) await stray.close();
  return {
    context,
    async open(url) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(url);
      return { page, errors };
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Fails unless fontconfig knows a Chinese font: without one the Chinese panel renders as empty boxes (tofu). */
export function assertCjkFont(): string[] {
  let listed = '';
  try {
    listed = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch {
    // no fontconfig: no fonts either
  }
  const families = listed.split('\n').filter((line) => line.trim());
  if (!families.length) {
    throw new Error('No Chinese font installed: run `apt-get install -y chromium fonts-noto-cjk` (CI installs them).');
  }
  return families;
}
