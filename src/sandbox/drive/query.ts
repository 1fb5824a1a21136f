// The subset of Drive's search query language (files.list `q`) that Gendan uses: name =/!=/contains, mimeType =/!=,
// '<id>' in parents, trashed and starred =/!=, and appProperties/properties has {key=… and value=…}, joined by `and`.
import type { DriveFileRecord } from './model';

export class DriveQueryError extends Error {
  constructor(readonly detail: string) {
    super('Invalid Value');
    this.name = 'DriveQueryError';
  }
}

type Token = { t: 'str'; v: string } | { t: 'word'; v: string } | { t: 'op'; v: string } | { t: 'punct'; v: string };

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      let v = '';
      i++;
      while (i < q.length && q[i] !== c) {
        if (q[i] === '\\' && i + 1 < q.length) i++;
        v += q[i++];
      }
      if (i >= q.length) throw new DriveQueryError(`unterminated string in q: ${q}`);
      i++;
      out.push({ t: 'str', v });
    } else if (c === '!' && q[i + 1] === '=') {
      out.push({ t: 'op', v: '!=' });
      i += 2;
    } else if (c === '<' || c === '>') {
      const v = q[i + 1] === '=' ? `${c}=` : c;
      out.push({ t: 'op', v });
      i += v.length;
    } else if (c === '=') {
      out.push({ t: 'op', v: '=' });
      i++;
    } else if (c === '{' || c === '}' || c === '(' || c === ')') {
      out.push({ t: 'punct', v: c });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      let v = '';
      while (i < q.length && /[A-Za-z_0-9]/.test(q[i])) v += q[i++];
      out.push({ t: 'word', v });
    } else {
      throw new DriveQueryError(`unexpected "${c}" in q: ${q}`);
    }
  }
  return out;
}

export type FilePredicate = (rec: DriveFileRecord) => boolean;

/** True when some word of `name` starts with `prefix` (Drive matches name terms by prefix, case-insensitively). */
export function nameContains(name: string, prefix: string): boolean {
  const n = name.toLowerCase();
  const p = prefix.toLowerCase();
  if (!p) return true;
  for (let at = n.indexOf(p); at >= 0; at = n.indexOf(p, at + 1)) {
    if (at === 0 || /[\s\-_.,;:()[\]/\\|+&]/.test(n[at - 1])) return true;
  }
  return false;
}

/**
 * Compiles a `q` string into a predicate. `resolve` maps the "root" alias to the user's root folder ID.
 * Throws DriveQueryError ("Invalid Value", as the API answers) for anything outside the subset.
 */
export function compileQuery(q: string, resolve: (id: string) => string): FilePredicate {
  const toks = tokenize(q);
  let i = 0;
  const peek = () => toks[i];
  const bad = (why: string): never => {
    throw new DriveQueryError(`${why} in q: ${q}`);
  };
  const expectStr = (): string => {
    const t = toks[i++];
    if (t?.t !== 'str') bad('expected a quoted string');
    return (t as { v: string }).v;
  };
  const expectOp = (ops: string[]): string => {
    const t = toks[i++];
    if (!t || !((t.t === 'op' && ops.includes(t.v)) || (t.t === 'word' && ops.includes(t.v)))) bad(`expected one of ${ops.join(' ')}`);
    return (t as { v: string }).v;
  };
  const expectBool = (): boolean => {
    const t = toks[i++];
    if (t?.t !== 'word' || !/^(true|false)$/.test(t.v)) bad('expected true or false');
    return (t as { v: string }).v === 'true';
  };
  const expectWord = (w: string): void => {
    const t = toks[i++];
    if (t?.t !== 'word' || t.v.toLowerCase() !== w) bad(`expected ${w}`);
  };
  const expectPunct = (p: string): void => {
    const t = toks[i++];
    if (t?.t !== 'punct' || t.v !== p) bad(`expected ${p}`);
  };

  const term = (): FilePredicate => {
    const t = toks[i++];
    if (!t) return bad('expected a term');
    if (t.t === 'punct' && t.v === '(') {
      const inner = conj();
      expectPunct(')');
      return inner;
    }
    if (t.t === 'str') {
      expectWord('in');
      expectWord('parents');
      const id = resolve(t.v);
      return (f) => f.parents.includes(id);
    }
    if (t.t !== 'word') return bad('expected a field name');
    switch (t.v) {
      case 'name': {
        const op = expectOp(['=', '!=', 'contains']);
        const v = expectStr();
        if (op === 'contains') return (f) => nameContains(f.name, v);
        return op === '=' ? (f) => f.name === v : (f) => f.name !== v;
      }
      case 'mimeType': {
        const op = expectOp(['=', '!=']);
        const v = expectStr();
        return op === '=' ? (f) => f.mimeType === v : (f) => f.mimeType !== v;
      }
      case 'trashed':
      case 'starred': {
        const op = expectOp(['=', '!=']);
        const v = expectBool();
        const field = t.v;
        return (f) => (f[field] === v) === (op === '=');
      }
      case 'properties':
      case 'appProperties': {
        expectWord('has');
        expectPunct('{');
        expectWord('key');
        expectOp(['=']);
        const key = expectStr();
        expectWord('and');
        expectWord('value');
        expectOp(['=']);
        const value = expectStr();
        expectPunct('}');
        const field = t.v;
        return (f) => f[field][key] === value;
      }
      default:
        return bad(`the sandbox does not support the query field "${t.v}"`);
    }
  };

  const conj = (): FilePredicate => {
    const parts = [term()];
    for (let nx = peek(); nx?.t === 'word' && nx.v.toLowerCase() === 'and'; nx = peek()) {
      i++;
      parts.push(term());
    }
    const next = peek();
    if (next?.t === 'word' && /^(or|not)$/i.test(next.v)) bad(`the sandbox does not support "${next.v}"`);
    return (f) => parts.every((p) => p(f));
  };

  if (!toks.length) return () => true;
  const pred = conj();
  if (i < toks.length) bad('unexpected trailing tokens');
  return pred;
}
