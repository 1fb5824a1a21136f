// How Google API failures reach a script through an advanced service: a GoogleJsonResponseException whose message
// is "API call to drive.files.get failed with error: File not found: 1abc." and whose details carry the HTTP code.
import type { Execution } from '../env';
import { gasError } from '../services/common';

export class GoogleJsonResponseException extends Error {
  readonly details: { code: number; message: string; errors: { domain: string; reason: string; message: string }[] };

  constructor(call: string, code: number, message: string, reason = 'invalid') {
    super(`API call to ${call} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message, errors: [{ domain: 'global', reason, message }] };
  }
}

/**
 * Advanced services and DocumentApp need an authorized execution: simple triggers (LIMITED/NONE) cannot use them.
 * A scope the user refused (granular consent) fails the same way.
 */
export function requireAuthorization(ex: Execution, method: string, scope: string, granted: boolean): void {
  if (ex.authMode !== 'FULL' || !granted) {
    throw gasError(`You do not have permission to call ${method}. Required permissions: https://www.googleapis.com/auth/${scope}`);
  }
}
