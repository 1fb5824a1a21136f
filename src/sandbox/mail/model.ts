// The sandbox's mail world, kept in env.ext.mail: every message sent (MailApp or the Gmail API) and every Gmail
// draft, as raw RFC 5322 text with metadata, in production order; and each user's daily recipient quota, which
// resets 24 hours after the first send of a window, as Apps Script's quotas do.
import type { SandboxEnv } from '../env';

export type MailKind = 'sent' | 'draft';

export interface MailRecord {
  /** Draft id ("r…") for drafts; Gmail message id for sent mail. */
  id: string;
  kind: MailKind;
  /** The service that produced it. */
  via: 'MailApp' | 'Gmail';
  /** Email of the user whose execution produced it. */
  user: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  /** Simulated epoch milliseconds when it was produced. */
  at: number;
  /** The message, RFC 5322 text with CRLF line ends. */
  raw: string;
  /** Gmail message id of the message (for a draft, the draft's message). */
  messageId: string;
  threadId: string;
  /** Production order, 1-based; exports are numbered by it. */
  seq: number;
}

export interface QuotaState {
  remaining: number;
  dailyLimit: number;
  /** When the current 24-hour window began (the first send after a reset), or null before any. */
  windowStart: number | null;
}

export interface MailModel {
  items: MailRecord[];
  quota: Record<string, QuotaState>;
  nextSeq: number;
}

/** Consumer Gmail accounts: 100 recipients a day (Workspace: 1,500). */
export const DEFAULT_DAILY_MAIL_QUOTA = 100;
const DAY = 86_400_000;

/** The mail model of an environment, created on first use. */
export function mailModel(env: SandboxEnv): MailModel {
  let m = env.ext.mail as MailModel | undefined;
  if (!m) {
    m = { items: [], quota: {}, nextSeq: 1 };
    env.ext.mail = m;
  }
  return m;
}

function quotaOf(env: SandboxEnv, user: string): QuotaState {
  const m = mailModel(env);
  let q = m.quota[user];
  if (!q) {
    q = { remaining: DEFAULT_DAILY_MAIL_QUOTA, dailyLimit: DEFAULT_DAILY_MAIL_QUOTA, windowStart: null };
    m.quota[user] = q;
  }
  if (q.windowStart !== null && env.now >= q.windowStart + DAY) {
    q.remaining = q.dailyLimit;
    q.windowStart = null;
  }
  return q;
}

/**
 * Sets what is left of a user's daily mail quota (default: the default user) for the next 24 simulated hours;
 * `dailyLimit` is what it resets to afterwards (100 consumer, 1,500 Workspace).
 */
export function setMailQuota(env: SandboxEnv, remaining: number, opts: { user?: string; dailyLimit?: number } = {}): void {
  const q = quotaOf(env, opts.user ?? env.defaultUser.email);
  if (opts.dailyLimit !== undefined) q.dailyLimit = opts.dailyLimit;
  q.remaining = Math.max(0, Math.floor(remaining));
  q.windowStart = env.now;
}

/** Recipients the user may still send to today. */
export function remainingMailQuota(env: SandboxEnv, user?: string): number {
  return quotaOf(env, user ?? env.defaultUser.email).remaining;
}

/** True when the user may still send to `recipients` more addresses today. */
export function hasMailQuota(env: SandboxEnv, user: string, recipients: number): boolean {
  return recipients <= quotaOf(env, user).remaining;
}

/** Takes `recipients` from the user's quota; false (and nothing taken) when not enough is left. */
export function takeMailQuota(env: SandboxEnv, user: string, recipients: number): boolean {
  const q = quotaOf(env, user);
  if (recipients > q.remaining) return false;
  if (q.windowStart === null) q.windowStart = env.now;
  q.remaining -= recipients;
  return true;
}

/** The user's daily limit (tells consumer from Workspace limits). */
export function dailyMailLimit(env: SandboxEnv, user: string): number {
  return quotaOf(env, user).dailyLimit;
}

/**
 * Adds a record, giving it the next production number and Gmail-style ids; `raw` may be built from those ids
 * (a Message-ID header). Nothing is recorded when building throws.
 */
export function addMailRecord(
  env: SandboxEnv,
  rec: Omit<MailRecord, 'seq' | 'id' | 'messageId' | 'threadId' | 'raw'> & { threadId?: string },
  raw: string | ((ids: { messageId: string; seq: number }) => string),
): MailRecord {
  const m = mailModel(env);
  const seq = m.nextSeq;
  const messageId = (0x18f00000000 + seq).toString(16);
  const text = typeof raw === 'string' ? raw : raw({ messageId, seq });
  m.nextSeq++;
  const full: MailRecord = {
    ...rec,
    raw: text,
    seq,
    messageId,
    threadId: rec.threadId ?? messageId,
    id: rec.kind === 'draft' ? `r${(4_000_000_000 + seq).toString()}` : messageId,
  };
  m.items.push(full);
  return full;
}

/** Sent messages and drafts, in production order (optionally one kind, one user). */
export function mailRecords(env: SandboxEnv, filter: { kind?: MailKind; user?: string } = {}): MailRecord[] {
  return mailModel(env).items.filter((r) => (!filter.kind || r.kind === filter.kind) && (!filter.user || r.user === filter.user));
}

export function removeMailRecord(env: SandboxEnv, id: string): void {
  const m = mailModel(env);
  m.items = m.items.filter((r) => r.id !== id);
}
