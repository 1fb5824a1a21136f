// Session, Logger and console: who runs the script, in which locale and zone, and where log lines go.
import type { Execution } from '../env';
import { asGas, count } from './common';

export function makeSession(ex: Execution): Pick<
  GoogleAppsScript.Base.Session,
  'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'
> {
  const user = (email: string) => asGas<GoogleAppsScript.Base.User>({ getEmail: () => email, toString: () => email });
  return {
    getActiveUser() {
      count(ex, 'Session', 'Session.getActiveUser', 'handle');
      return user(ex.user.email);
    },
    getEffectiveUser() {
      count(ex, 'Session', 'Session.getEffectiveUser', 'handle');
      return user(ex.user.email);
    },
    getActiveUserLocale() {
      count(ex, 'Session', 'Session.getActiveUserLocale', 'handle');
      return ex.user.locale;
    },
    getScriptTimeZone() {
      count(ex, 'Session', 'Session.getScriptTimeZone', 'handle');
      return ex.env.scriptTimeZone;
    },
    getTemporaryActiveUserKey() {
      count(ex, 'Session', 'Session.getTemporaryActiveUserKey', 'handle');
      return 'tmp-' + Buffer.from(ex.user.email).toString('base64url');
    },
  };
}

function render(args: unknown[]): string {
  if (typeof args[0] === 'string' && args.length > 1 && /%[sdifoj]/.test(args[0])) {
    let i = 1;
    const head = (args[0] as string).replace(/%[sdifoj]/g, () => String(args[i++]));
    return [head, ...args.slice(i).map(String)].join(' ');
  }
  return args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.name}: ${a.message}` : safeJson(a))).join(' ');
}

function safeJson(a: unknown): string {
  try {
    return JSON.stringify(a);
  } catch {
    return String(a);
  }
}

export function makeLogger(ex: Execution): Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  const lines: string[] = [];
  const api = {
    log(...args: unknown[]) {
      count(ex, 'Logger', 'Logger.log', 'handle');
      const m = render(args);
      lines.push(m);
      ex.env.log('info', m);
      return api;
    },
    getLog() {
      return lines.join('\n');
    },
    clear() {
      lines.length = 0;
    },
  };
  return api as unknown as Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'>;
}

export function makeConsole(ex: Execution): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'time' | 'timeEnd'> {
  const at = (level: string) => (...args: unknown[]) => ex.env.log(level, render(args));
  const timers = new Map<string, number>();
  return {
    log: at('info'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    time(label = 'default') {
      timers.set(label, ex.env.ledger.executionElapsedMs());
    },
    timeEnd(label = 'default') {
      const t = timers.get(label);
      if (t !== undefined) ex.env.log('info', `${label}: ${Math.round(ex.env.ledger.executionElapsedMs() - t)}ms (modeled)`);
    },
  };
}
