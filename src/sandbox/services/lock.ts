// LockService: document, script and user locks. Executions run one at a time in the sandbox, so a lock held by a
// suspended execution (two users interleaved) can never be released while another waits: the waiter spends its
// timeout in modeled time and fails, exactly as a real waiter would behind a long-running holder.
import type { Execution, LockState } from '../env';
import { asGas, count, gasError } from './common';

type LockApi = Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'>;

class FakeLock implements LockApi {
  constructor(private readonly ex: Execution, private readonly state: LockState) {}

  private c(method: string): void {
    count(this.ex, 'LockService', `Lock.${method}`, 'lock');
  }

  private acquire(): boolean {
    if (this.state.holder === null || this.state.holder === this.ex.id) {
      this.state.holder = this.ex.id;
      this.state.user = this.ex.user.email;
      return true;
    }
    return false;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.c('tryLock');
    if (this.acquire()) return true;
    this.ex.env.ledger.addWait(timeoutInMillis);
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    this.c('waitLock');
    if (this.acquire()) return;
    this.ex.env.ledger.addWait(timeoutInMillis);
    throw gasError('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    this.c('releaseLock');
    if (this.state.holder === this.ex.id) {
      this.state.holder = null;
      this.state.user = null;
    }
  }
  hasLock(): boolean {
    this.c('hasLock');
    return this.state.holder === this.ex.id;
  }
}

export function makeLockService(ex: Execution): Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'> {
  const env = ex.env;
  return {
    getDocumentLock() {
      count(ex, 'LockService', 'LockService.getDocumentLock', 'handle');
      return asGas(new FakeLock(ex, env.locks.document));
    },
    getScriptLock() {
      count(ex, 'LockService', 'LockService.getScriptLock', 'handle');
      return asGas(new FakeLock(ex, env.locks.script));
    },
    getUserLock() {
      count(ex, 'LockService', 'LockService.getUserLock', 'handle');
      let s = env.locks.user.get(ex.user.email);
      if (!s) {
        s = { holder: null, user: null };
        env.locks.user.set(ex.user.email, s);
      }
      return asGas(new FakeLock(ex, s));
    },
  };
}
