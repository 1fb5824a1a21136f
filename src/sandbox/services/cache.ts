// CacheService: document, user and script caches with Apps Script's key/value limits and expiry on the simulated clock.
import type { CacheEntry, Execution } from '../env';
import { asGas, count, gasError } from './common';

const MAX_KEY = 250;
const MAX_VALUE = 100 * 1024;
const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21600;
const MAX_ITEMS = 1000;

type CacheApi = Pick<GoogleAppsScript.Cache.Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'>;

class FakeCache implements CacheApi {
  constructor(private readonly ex: Execution, private readonly map: Map<string, CacheEntry>) {}

  private c(method: string): void {
    count(this.ex, 'CacheService', `Cache.${method}`, 'store');
  }
  private live(key: string): string | null {
    const e = this.map.get(key);
    if (!e) return null;
    if (e.expires <= this.ex.env.now) {
      this.map.delete(key);
      return null;
    }
    return e.value;
  }
  private putOne(key: string, value: string, ttl?: number): void {
    if (key.length > MAX_KEY) throw gasError('Argument too large: key');
    if (Buffer.byteLength(String(value)) > MAX_VALUE) throw gasError('Argument too large: value');
    const seconds = Math.min(ttl ?? DEFAULT_TTL_S, MAX_TTL_S);
    this.map.set(key, { value: String(value), expires: this.ex.env.now + seconds * 1000 });
    if (this.map.size > MAX_ITEMS) this.map.delete(this.map.keys().next().value as string);
  }
  get(key: string): string | null {
    this.c('get');
    return this.live(key);
  }
  getAll(keys: string[]): { [key: string]: string } {
    this.c('getAll');
    const out: { [key: string]: string } = {};
    for (const k of keys) {
      const v = this.live(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this.c('put');
    this.putOne(key, value, expirationInSeconds);
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    this.c('putAll');
    for (const [k, v] of Object.entries(values)) this.putOne(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.c('remove');
    this.map.delete(key);
  }
  removeAll(keys: string[]): void {
    this.c('removeAll');
    for (const k of keys) this.map.delete(k);
  }
}

export function makeCacheService(ex: Execution): Pick<GoogleAppsScript.Cache.CacheService, 'getDocumentCache' | 'getScriptCache' | 'getUserCache'> {
  const env = ex.env;
  return {
    getDocumentCache() {
      count(ex, 'CacheService', 'CacheService.getDocumentCache', 'handle');
      return asGas(new FakeCache(ex, env.documentCache));
    },
    getScriptCache() {
      count(ex, 'CacheService', 'CacheService.getScriptCache', 'handle');
      return asGas(new FakeCache(ex, env.scriptCache));
    },
    getUserCache() {
      count(ex, 'CacheService', 'CacheService.getUserCache', 'handle');
      let m = env.userCache.get(ex.user.email);
      if (!m) {
        m = new Map();
        env.userCache.set(ex.user.email, m);
      }
      return asGas(new FakeCache(ex, m));
    },
  };
}
