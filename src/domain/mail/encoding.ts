// Byte-level encodings for building mail inside Apps Script, where Buffer, TextEncoder and btoa do not exist:
// UTF-8 from JavaScript strings, base64 / base64url, percent-encoding (RFC 2231) and line wrapping.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The UTF-8 bytes of a string. Lone surrogates become U+FFFD, as TextEncoder does.
 * @example utf8Bytes('é') // [0xc3, 0xa9]
 */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        cp = 0xfffd;
      }
    } else if (cp >= 0xdc00 && cp <= 0xdfff) {
      cp = 0xfffd;
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

/** Standard base64 (RFC 4648 §4, with padding) of bytes 0…255 (negative Java bytes are accepted too). */
export function bytesToBase64(bytes: ArrayLike<number>): string {
  let out = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = ((bytes[i] & 0xff) << 16) | ((bytes[i + 1] & 0xff) << 8) | (bytes[i + 2] & 0xff);
    out += B64[v >> 18] + B64[(v >> 12) & 63] + B64[(v >> 6) & 63] + B64[v & 63];
  }
  if (n - i === 1) {
    const v = (bytes[i] & 0xff) << 16;
    out += B64[v >> 18] + B64[(v >> 12) & 63] + '==';
  } else if (n - i === 2) {
    const v = ((bytes[i] & 0xff) << 16) | ((bytes[i + 1] & 0xff) << 8);
    out += B64[v >> 18] + B64[(v >> 12) & 63] + B64[(v >> 6) & 63] + '=';
  }
  return out;
}

/**
 * Base64 of the UTF-8 bytes of a string.
 * @example utf8ToBase64('报价') // '5oql5Lu3'
 */
export function utf8ToBase64(s: string): string {
  return bytesToBase64(utf8Bytes(s));
}

/** The URL- and filename-safe alphabet (RFC 4648 §5) the Gmail API wants for `raw`, padding kept. */
export function base64ToBase64Url(b64: string): string {
  return b64.replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * Base64url of the UTF-8 bytes of a string: what `Gmail.Users.Drafts.create({ message: { raw } })` expects.
 * @example utf8ToBase64Url(buildMimeMessage(msg))
 */
export function utf8ToBase64Url(s: string): string {
  return base64ToBase64Url(utf8ToBase64(s));
}

/**
 * Canonical base64 of already-encoded data: whitespace removed, base64url letters mapped back, padding restored.
 * Returns null when the text is not base64.
 */
export function normalizeBase64(data: string): string | null {
  let s = data.replace(/[\s]+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  const pad = s.length % 4;
  if (pad === 1) return null;
  if (pad > 1 && !s.endsWith('=')) s += '='.repeat(4 - pad);
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  return s;
}

/** Cuts a string into lines of at most `width` characters joined by CRLF (for base64 bodies: 76). */
export function wrapLines(s: string, width = 76): string {
  if (s.length <= width) return s;
  const lines: string[] = [];
  for (let i = 0; i < s.length; i += width) lines.push(s.slice(i, i + width));
  return lines.join('\r\n');
}

/** RFC 2231 / RFC 3986 percent-encoding of UTF-8 bytes: attribute-chars stay, everything else becomes %XX. */
export function percentEncodeUtf8(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    const ch = String.fromCharCode(b);
    out += b < 0x80 && /[A-Za-z0-9!#$&+.^_`|~-]/.test(ch) ? ch : '%' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
  }
  return out;
}

/** True when every character is printable US-ASCII or a space/tab. */
export function isPrintableAscii(s: string): boolean {
  return /^[\x20-\x7e\t]*$/.test(s);
}
