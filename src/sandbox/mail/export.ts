// Writes the sandbox's mail as .eml files a mail client opens: one per sent message and draft, numbered in the
// order they were produced (NNN-sent-<subject>.eml, NNN-draft-<subject>.eml).
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxEnv } from '../env';
import { mailRecords } from './model';

/** A file-name-safe form of a subject: letters and digits of any script kept, the rest folded to '-'. */
export function safeSubject(subject: string): string {
  const s = subject
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return [...s].slice(0, 60).join('') || 'no-subject';
}

/** Writes every sent message and draft into `dir` (created if missing); returns the paths in production order. */
export function exportMail(env: SandboxEnv, dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return mailRecords(env)
    .slice()
    .sort((a, b) => a.seq - b.seq)
    .map((rec, i) => {
      const file = path.join(dir, `${String(i + 1).padStart(3, '0')}-${rec.kind}-${safeSubject(rec.subject)}.eml`);
      fs.writeFileSync(file, rec.raw, 'utf8');
      return file;
    });
}
