// The document journal: per user, in document properties, every document number claimed and not yet known to be
// finished (order, type, language, folder, file name), plus the state of a batch that continues in a trigger.
// A run that crashed leaves its jobs here; the next run of the same user adopts or finishes them, so a number is
// never claimed twice for one request and a document is never made twice. Stored as JSON split into chunks that
// stay under the 9 KB per-value limit of the Properties service.
import { DOC_TYPES, type DocType } from '../../domain/documents/doc-types';
import type { Lang } from '../../domain/i18n/i18n';

/** One claimed document. Short keys: the journal lives in a 500 KB store shared with everything else. */
export interface DocJob {
  /** Document number, unique in the workbook ("QT-2026-0007"). */
  n: string;
  /** Order number. */
  o: string;
  t: DocType;
  /** Language the document is written in. */
  l: Lang;
  /** Name of the customer's folder (inside the output folder) holding the Doc and its PDF. */
  f: string;
  /** File name of the Doc; the PDF is this name + ".pdf". */
  m: string;
  /** When the job was (last) claimed, epoch ms. */
  a: number;
}

/** A batch in progress: what its report at the end needs, kept across the executions it takes. */
export interface BatchState {
  id: string;
  type: DocType;
  /** Language of the messages shown to the user who started it. */
  lang: Lang;
  total: number;
  /** How many documents the batch has made so far; `generated` keeps only the first REPORT_CAP numbers. */
  done?: number;
  generated: string[];
  problems: string[];
  /** Documents made with something to know (pictures as links), one line each; absent when none. */
  notices?: string[];
  started: number;
  /** The one-off trigger that continues it, when one is pending. */
  trigger?: string;
}

export interface DocJournal {
  jobs: DocJob[];
  batch: BatchState | null;
}

const PREFIX = 'gendan.docjobs.';
/** Characters per chunk: at most 3 UTF-8 bytes each, well under 9 KB with the key. */
const CHUNK = 2400;
/** Most problem lines and numbers a batch keeps for its report. */
export const REPORT_CAP = 60;

/** The journal's key stem of a user (their email, or "me" when Apps Script does not tell it). */
export function journalOwner(email: string): string {
  const e = email.trim().toLowerCase();
  return e || 'me';
}

const keyOf = (owner: string, i: number) => `${PREFIX}${owner}.${i}`;

function isJob(x: unknown): x is DocJob {
  const j = x as Partial<DocJob> | null;
  return (
    !!j && typeof j.n === 'string' && typeof j.o === 'string' && typeof j.t === 'string' && (DOC_TYPES as readonly string[]).includes(j.t) &&
    (j.l === 'en' || j.l === 'zh') && typeof j.f === 'string' && typeof j.m === 'string' && typeof j.a === 'number'
  );
}

function isBatch(x: unknown): x is BatchState {
  const b = x as Partial<BatchState> | null;
  return !!b && typeof b.id === 'string' && typeof b.type === 'string' && Array.isArray(b.generated) && Array.isArray(b.problems) && typeof b.total === 'number';
}

/** The journal of `owner` in a snapshot of the document properties (empty when none or unreadable). */
export function readJournal(props: Readonly<Record<string, string>>, owner: string): DocJournal {
  let text = '';
  for (let i = 0; props[keyOf(owner, i)]; i++) text += props[keyOf(owner, i)];
  if (!text) return { jobs: [], batch: null };
  try {
    const parsed = JSON.parse(text) as { jobs?: unknown; batch?: unknown };
    const jobs = Array.isArray(parsed.jobs) ? parsed.jobs.filter(isJob) : [];
    return { jobs, batch: isBatch(parsed.batch) ? parsed.batch : null };
  } catch {
    return { jobs: [], batch: null };
  }
}

/** Every user's journal in a snapshot of the document properties, by owner. */
export function allJournals(props: Readonly<Record<string, string>>): Map<string, DocJournal> {
  const out = new Map<string, DocJournal>();
  for (const key of Object.keys(props)) {
    if (!key.startsWith(PREFIX) || !key.endsWith('.0')) continue;
    const owner = key.slice(PREFIX.length, -2);
    out.set(owner, readJournal(props, owner));
  }
  return out;
}

/**
 * The properties that store `journal` for `owner`: its JSON in chunks .0, .1, …, and "" for every chunk the
 * previous version had beyond them (one setProperties call writes it all).
 */
export function journalProps(journal: DocJournal, owner: string, previous: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  const empty = journal.jobs.length === 0 && !journal.batch;
  const text = empty ? '' : JSON.stringify({ jobs: journal.jobs, batch: journal.batch });
  let i = 0;
  for (let at = 0; at < text.length; i++) {
    let end = Math.min(text.length, at + CHUNK);
    // Never split a surrogate pair between two chunks.
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
    out[keyOf(owner, i)] = text.slice(at, end);
    at = end;
  }
  for (let k = i; previous[keyOf(owner, k)]; k++) out[keyOf(owner, k)] = '';
  if (i === 0) out[keyOf(owner, 0)] = '';
  return out;
}

/** Keeps the first `REPORT_CAP` entries of a report list (the counts are kept apart). */
export function capped(list: readonly string[]): string[] {
  return list.slice(0, REPORT_CAP);
}
