// Mail header text: RFC 2047 encoded-words for non-ASCII subjects and display names, address lists, RFC 2231
// parameters for attachment file names, and folding so no header line runs past 78 characters where avoidable.
import { isPrintableAscii, percentEncodeUtf8, utf8Bytes, utf8ToBase64 } from './encoding';

/** Longest header line we aim for (RFC 5322 §2.1.1 recommends 78; 998 is the hard limit). */
const LINE = 78;
/** UTF-8 bytes per encoded-word: 39 bytes → 52 base64 characters → a 64-character word. */
const WORD_BYTES = 39;

/** Header text never carries raw line breaks: they would start a new header (header injection). */
export function singleLine(s: string): string {
  return s.replace(/[\r\n\t\v\f]+/g, ' ');
}

/**
 * RFC 2047 "B" encoded-words for a string, split on character boundaries so each word stays under 75 characters.
 * @example encodeWords('报价单') // ['=?UTF-8?B?5oql5Lu35Y2V?=']
 */
export function encodeWords(s: string): string[] {
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  for (const ch of s) {
    const n = utf8Bytes(ch).length;
    if (chunkBytes + n > WORD_BYTES && chunk) {
      words.push(`=?UTF-8?B?${utf8ToBase64(chunk)}?=`);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += ch;
    chunkBytes += n;
  }
  if (chunk || !words.length) words.push(`=?UTF-8?B?${utf8ToBase64(chunk)}?=`);
  return words;
}

/** Needs encoding: non-ASCII, or text a decoder would mistake for an encoded-word. */
function needsEncoding(s: string): boolean {
  return !isPrintableAscii(s) || /=\?/.test(s);
}

/** Joins tokens into `Name: value` lines, folding (CRLF + space) before a token that would overflow the line. */
function fold(name: string, tokens: string[], separator: string): string {
  let out = `${name}:`;
  let lineLen = out.length;
  tokens.forEach((tok, i) => {
    const piece = (i === 0 ? ' ' : separator) + tok;
    if (i > 0 && lineLen + piece.length > LINE) {
      const sep = separator.trimEnd();
      out += `${sep}\r\n ${tok}`;
      lineLen = 1 + tok.length;
    } else {
      out += piece;
      lineLen += piece.length;
    }
  });
  return out;
}

/**
 * An unstructured header (Subject, custom headers): ASCII text folded at spaces, anything else as encoded-words.
 * @example unstructuredHeader('Subject', '报价 Q-001')
 */
export function unstructuredHeader(name: string, value: string): string {
  const v = singleLine(value).trim();
  if (!v) return `${name}: `;
  if (needsEncoding(v)) return fold(name, encodeWords(v), ' ');
  return fold(name, v.split(/ +/), ' ');
}

export interface MailAddress {
  name: string;
  address: string;
}

/**
 * Splits an address list as people type it ("a@x.com, 张三 <z@y.cn>; \"Lee, Ann\" <ann@z.com>") into addresses.
 * Commas and semicolons inside quotes or angle brackets do not split.
 */
export function parseAddressList(list: string): MailAddress[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '\\' && quoted && i + 1 < list.length) {
      cur += ch + list[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') angle = true;
    else if (!quoted && ch === '>') angle = false;
    if ((ch === ',' || ch === ';') && !quoted && !angle) {
      parts.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  parts.push(cur);
  const out: MailAddress[] = [];
  for (const raw of parts) {
    const p = singleLine(raw).trim();
    if (!p) continue;
    const m = /^(.*?)\s*<([^<>]*)>$/.exec(p);
    if (m) {
      let name = m[1].trim();
      if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) name = name.slice(1, -1).replace(/\\(.)/g, '$1');
      out.push({ name, address: m[2].trim() });
    } else {
      out.push({ name: '', address: p });
    }
  }
  return out;
}

/** A display name as a phrase: an atom sequence, a quoted string, or encoded-words. */
function phrase(name: string): string {
  if (needsEncoding(name)) return encodeWords(name).join(' ');
  if (/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/.test(name)) return name;
  return `"${name.replace(/(["\\])/g, '\\$1')}"`;
}

/** One mailbox as it appears in a header: `addr@x.com` or `Name <addr@x.com>`. */
export function formatMailbox(a: MailAddress): string {
  return a.name ? `${phrase(a.name)} <${a.address}>` : a.address;
}

/**
 * An address header (From, To, Cc, Reply-To), folded between addresses; null when the list is empty.
 * @example addressHeader('To', '张三 <zhang@example.cn>, b@example.com')
 */
export function addressHeader(name: string, list: string | MailAddress[]): string | null {
  const addrs = typeof list === 'string' ? parseAddressList(list) : list;
  if (!addrs.length) return null;
  return fold(name, addrs.map(formatMailbox), ', ');
}

/** The same name parameter for Content-Type: `name="file.pdf"`, or encoded-words in quotes for non-ASCII names. */
export function nameParameter(param: string, value: string): string {
  const v = singleLine(value);
  if (needsEncoding(v) || /["\\]/.test(v)) return `${param}="${encodeWords(v).join(' ')}"`;
  return `${param}="${v}"`;
}

/**
 * RFC 2231 parameter with charset and continuations, for Content-Disposition file names:
 * `filename*=UTF-8''%E6%8A%A5.pdf`, split into `filename*0*=`, `filename*1*=`… when long.
 * Returns the parameter segments; the caller joins them with `;\r\n `.
 */
export function extendedParameter(param: string, value: string): string[] {
  const v = singleLine(value);
  if (isPrintableAscii(v) && !/["\\]/.test(v) && v.length <= 60) return [`${param}="${v}"`];
  const encoded = percentEncodeUtf8(v);
  const limit = 60;
  if (encoded.length + 7 <= limit) return [`${param}*=UTF-8''${encoded}`];
  const pieces: string[] = [];
  let i = 0;
  while (i < encoded.length) {
    let end = Math.min(encoded.length, i + limit);
    // never cut a %XX triplet
    const lastPct = encoded.lastIndexOf('%', end - 1);
    if (lastPct >= i && lastPct > end - 3) end = lastPct;
    pieces.push(encoded.slice(i, end));
    i = end;
  }
  return pieces.map((p, n) => `${param}*${n}*=${n === 0 ? "UTF-8''" : ''}${p}`);
}
