// PropertiesService: document, user and script stores, with Apps Script's 9 KB per value and 500 KB per store limits.
import type { Execution, StoredProperty } from '../env';
import { asGas, count, gasError } from './common';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

type PropertiesApi = Pick<
  GoogleAppsScript.Properties.Properties,
  'getProperty' | 'setProperty' | 'getProperties' | 'setProperties' | 'deleteProperty' | 'deleteAllProperties' | 'getKeys'
>;

function storeBytes(store: StoredProperty): number {
  let n = 0;
  for (const [k, v] of Object.entries(store)) n += Buffer.byteLength(k) + Buffer.byteLength(v);
  return n;
}

class FakeProperties implements PropertiesApi {
  constructor(private readonly ex: Execution, private readonly store: StoredProperty, private readonly label: string) {}

  private c(method: string): void {
    count(this.ex, 'PropertiesService', `Properties.${method}`, 'store');
  }

  private check(next: StoredProperty): void {
    for (const [k, v] of Object.entries(next)) {
      if (Buffer.byteLength(v) + Buffer.byteLength(k) > MAX_VALUE_BYTES) throw gasError('Argument too large: value');
    }
    if (storeBytes(next) > MAX_STORE_BYTES) {
      throw gasError('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  }

  getProperty(key: string): string | null {
    this.c('getProperty');
    return Object.prototype.hasOwnProperty.call(this.store, key) ? this.store[key] : null;
  }
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.c('setProperty');
    const next = { ...this.store, [key]: String(value) };
    this.check(next);
    this.store[key] = String(value);
    return asGas(this);
  }
  getProperties(): { [key: string]: string } {
    this.c('getProperties');
    return { ...this.store };
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GoogleAppsScript.Properties.Properties {
    this.c('setProperties');
    const next: StoredProperty = deleteAllOthers ? {} : { ...this.store };
    for (const [k, v] of Object.entries(properties)) next[k] = String(v);
    this.check(next);
    for (const k of Object.keys(this.store)) delete this.store[k];
    Object.assign(this.store, next);
    return asGas(this);
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.c('deleteProperty');
    delete this.store[key];
    return asGas(this);
  }
  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.c('deleteAllProperties');
    for (const k of Object.keys(this.store)) delete this.store[k];
    return asGas(this);
  }
  getKeys(): string[] {
    this.c('getKeys');
    return this.ex.newArray(Object.keys(this.store));
  }
  toString(): string {
    return `Properties(${this.label})`;
  }
}

export function makePropertiesService(ex: Execution): Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getUserProperties' | 'getScriptProperties'> {
  const env = ex.env;
  const noAuth = () => {
    if (ex.authMode === 'NONE') throw gasError('You do not have permission to call PropertiesService in this context (AuthMode.NONE).');
  };
  return {
    getDocumentProperties() {
      noAuth();
      count(ex, 'PropertiesService', 'PropertiesService.getDocumentProperties', 'handle');
      return asGas(new FakeProperties(ex, env.documentProperties, 'document'));
    },
    getUserProperties() {
      noAuth();
      count(ex, 'PropertiesService', 'PropertiesService.getUserProperties', 'handle');
      let store = env.userProperties.get(ex.user.email);
      if (!store) {
        store = {};
        env.userProperties.set(ex.user.email, store);
      }
      return asGas(new FakeProperties(ex, store, `user ${ex.user.email}`));
    },
    getScriptProperties() {
      noAuth();
      count(ex, 'PropertiesService', 'PropertiesService.getScriptProperties', 'handle');
      return asGas(new FakeProperties(ex, env.scriptProperties, 'script'));
    },
  };
}
