// Test helpers for the Drive, Docs and export tests: an Execution built the way runtime.ts builds one (host realm),
// the fakes it sees, and small readers over Docs API JSON.
import '../../src/sandbox/docs/index';
import { SandboxEnv, type AuthModeName, type Execution } from '../../src/sandbox/env';
import { makeDriveService, type FakeDrive } from '../../src/sandbox/drive/fake';
import { FakeDocumentApp, makeDocsService, type FakeDocuments } from '../../src/sandbox/docs/fake';
import type { DocsApiDocument, Paragraph, StructuralElement, Table } from '../../src/sandbox/docs/api-types';

export const NOW = Date.UTC(2026, 2, 2, 1, 0, 0);

export interface Kit {
  env: SandboxEnv;
  ex: Execution;
  Drive: FakeDrive;
  Docs: { Documents: FakeDocuments };
  DocumentApp: FakeDocumentApp;
}

/** The services one execution of `user` sees (default: the env's default user, FULL auth). */
export function kit(env: SandboxEnv = new SandboxEnv({ frozenClock: true, now: NOW }), opts: { user?: string; authMode?: AuthModeName } = {}): Kit {
  const ex: Execution = {
    id: env.newExecutionId(),
    env,
    user: env.user(opts.user ?? env.defaultUser.email),
    authMode: opts.authMode ?? 'FULL',
    kind: opts.authMode && opts.authMode !== 'FULL' ? 'simple' : 'menu',
    newDate: (ms) => new Date(ms),
    newArray: (items) => items,
  };
  return { env, ex, Drive: makeDriveService(ex), Docs: makeDocsService(ex), DocumentApp: new FakeDocumentApp(ex) };
}

/** Runs `fn` and returns the message of what it throws (fails the test when nothing is thrown). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  throw new Error('expected an error, none was thrown');
}

export function asDoc(x: unknown): DocsApiDocument {
  return x as DocsApiDocument;
}

export function paragraphText(p: Paragraph): string {
  return p.elements.map((e) => e.textRun?.content ?? '').join('');
}

/** Every element of the body, cells included, depth first, with its kind and text. */
export function flatten(content: StructuralElement[]): { kind: string; start: number; end: number; text?: string }[] {
  const out: { kind: string; start: number; end: number; text?: string }[] = [];
  for (const el of content) {
    if (el.paragraph) out.push({ kind: 'p', start: el.startIndex ?? 0, end: el.endIndex, text: paragraphText(el.paragraph) });
    else if (el.sectionBreak) out.push({ kind: 'sb', start: el.startIndex ?? 0, end: el.endIndex });
    else if (el.table) {
      out.push({ kind: 'table', start: el.startIndex ?? 0, end: el.endIndex });
      for (const row of el.table.tableRows) {
        out.push({ kind: 'row', start: row.startIndex, end: row.endIndex });
        for (const cell of row.tableCells) {
          out.push({ kind: 'cell', start: cell.startIndex, end: cell.endIndex });
          out.push(...flatten(cell.content));
        }
      }
    }
  }
  return out;
}

export function tables(doc: DocsApiDocument): (Table & { startIndex: number; endIndex: number })[] {
  return doc.body.content.filter((e) => e.table).map((e) => ({ ...(e.table as Table), startIndex: e.startIndex ?? 0, endIndex: e.endIndex }));
}

/** Body-level paragraph texts, in order. */
export function bodyTexts(doc: DocsApiDocument): string[] {
  return doc.body.content.filter((e) => e.paragraph).map((e) => paragraphText(e.paragraph as Paragraph));
}

/** Text of cell (r, c) of the table `t`. */
export function cellText(t: Table, r: number, c: number): string {
  return t.tableRows[r].tableCells[c].content.map((e) => (e.paragraph ? paragraphText(e.paragraph) : '')).join('');
}
