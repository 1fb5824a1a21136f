// Reads the header block of a raw RFC 5322 message (what the script hands the Gmail API): unfolds lines and
// decodes RFC 2047 encoded-words, so the sandbox can list drafts by recipient and subject as Gmail does.
import { parseAddressList } from '../../domain/mail/headers';

export interface RawHeader {
  name: string;
  value: string;
}

function decodeText(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** Decodes `=?charset?B|Q?text?=` words; whitespace between two adjacent encoded-words is dropped (RFC 2047 §6.2). */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?*]+)(?:\*[^?]*)?\?([bBqQ])\?([^?]*)\?=/g;
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(word, (_m, charset: string, enc: string, text: string) => {
    const bytes =
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return decodeText(bytes, charset);
  });
}

/** The headers of a message, in order, unfolded and decoded. */
export function parseRawHeaders(raw: string): RawHeader[] {
  const end = raw.search(/\r?\n\r?\n/);
  const block = end >= 0 ? raw.slice(0, end) : raw;
  const out: RawHeader[] = [];
  for (const line of block.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out.push({ name: line.slice(0, colon).trim(), value: decodeEncodedWords(line.slice(colon + 1).trim()) });
  }
  return out;
}

/** The first header of that name (case-insensitive), '' when absent. */
export function headerValue(headers: RawHeader[], name: string): string {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value ?? '';
}

/** Addresses of To, Cc and Bcc, unique, lower-cased. */
export function recipientsOf(headers: RawHeader[]): string[] {
  const seen = new Set<string>();
  for (const name of ['To', 'Cc', 'Bcc']) {
    for (const a of parseAddressList(headerValue(headers, name))) if (a.address) seen.add(a.address.toLowerCase());
  }
  return [...seen];
}
