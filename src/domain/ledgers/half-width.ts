// Full-width (全角) ASCII and common CJK punctuation → their half-width forms, so "１２，３４５．６", "订单号：" and
// "（自动）" read like what the rules expect. Text without such characters is returned as is, cheaply.

const CJK_PUNCTUATION: Record<string, string> = {
  '\u3000': ' ', // ideographic space
  '\u3001': ',', // 、
  '\u3002': '.', // 。
  '\u300a': '<', // 《
  '\u300b': '>', // 》
  '\u300c': '"', // 「
  '\u300d': '"', // 」
  '\u300e': '"', // 『
  '\u300f': '"', // 』
  '\u3010': '[', // 【
  '\u3011': ']', // 】
  '\u3014': '(', // 〔
  '\u3015': ')', // 〕
  '\u201c': '"', // “
  '\u201d': '"', // ”
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u2014': '-', // —
  '\u2013': '-', // –
  '\u2212': '-', // − minus sign
  '\u00a0': ' ', // no-break space
  '\u202f': ' ', // narrow no-break space
  '\uffe0': '\u00a2', // ￠
  '\uffe1': '\u00a3', // ￡
  '\uffe5': '\u00a5', // ￥
};

function needsMapping(code: number): boolean {
  return (code >= 0xff01 && code <= 0xff5e) || code === 0xa0 || (code >= 0x2013 && code <= 0x2212) || (code >= 0x3000 && code <= 0x3015) || code === 0x202f || (code >= 0xffe0 && code <= 0xffe5);
}

/**
 * Maps full-width ASCII (U+FF01–U+FF5E) and CJK punctuation to half-width.
 * @example toHalfWidth('１２，３４５．６') // '12,345.6'
 */
export function toHalfWidth(text: string): string {
  let i = 0;
  while (i < text.length && !needsMapping(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else {
      const ch = text[i];
      out += CJK_PUNCTUATION[ch] ?? ch;
    }
  }
  return out;
}
