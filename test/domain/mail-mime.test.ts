// Specification of the pure MIME builder: what it writes must read back through an independent parser (mailparser).
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { buildMimeMessage, formatMailDate, MimeError, utf8ToBase64, utf8ToBase64Url, type MimeMessageInput } from '../../src/domain/mail/mime';
import { bytesToBase64, normalizeBase64, utf8Bytes } from '../../src/domain/mail/encoding';
import { encodeWords, parseAddressList } from '../../src/domain/mail/headers';

const NOW = Date.UTC(2026, 2, 2, 1, 0, 0);

function message(overrides: Partial<MimeMessageInput> = {}): MimeMessageInput {
  return { to: 'buyer@example.com', subject: 'Quotation Q-2026-001', text: 'Hello,\nplease find the quotation.', date: NOW, ...overrides };
}

function parse(raw: string): Promise<ParsedMail> {
  return simpleParser(Buffer.from(raw, 'utf8'));
}

function addresses(a: AddressObject | AddressObject[] | undefined): { name: string; address?: string }[] {
  if (!a) return [];
  return (Array.isArray(a) ? a : [a]).flatMap((x) => x.value);
}

describe('utf8ToBase64', () => {
  it('matches Node for ASCII, CJK, emoji and lone surrogates', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'Hello, world', '报价单 Q-001', '😀 ok', 'x\ud800y', 'é\u0000\u007f']) {
      expect(utf8ToBase64(s)).toBe(Buffer.from(s, 'utf8').toString('base64'));
    }
  });

  it('writes the url-safe alphabet the Gmail API wants', () => {
    const s = '??>>~~ 跟单';
    expect(utf8ToBase64Url(s)).toBe(Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_'));
    expect(utf8ToBase64Url(s)).not.toMatch(/[+/]/);
  });

  it('encodes Java (signed) bytes like unsigned ones', () => {
    expect(bytesToBase64([-1, -2, 3])).toBe(Buffer.from([255, 254, 3]).toString('base64'));
    expect(utf8Bytes('€')).toEqual([...Buffer.from('€', 'utf8')]);
  });

  it('normalizes base64url and wrapped base64, and refuses what is not base64', () => {
    expect(normalizeBase64('5oql\r\n5Lu3')).toBe('5oql5Lu3');
    expect(normalizeBase64('-_8')).toBe('+/8=');
    expect(normalizeBase64('not base64!')).toBeNull();
    expect(normalizeBase64('abcde')).toBeNull();
  });
});

describe('formatMailDate', () => {
  it('formats an instant in UTC as RFC 5322', () => {
    expect(formatMailDate(NOW)).toBe('Mon, 02 Mar 2026 01:00:00 +0000');
  });

  it('writes local time and zone for an offset', () => {
    expect(formatMailDate(NOW, 480)).toBe('Mon, 02 Mar 2026 09:00:00 +0800');
    expect(formatMailDate(Date.UTC(2026, 0, 1, 2, 5, 9), -150)).toBe('Wed, 31 Dec 2025 23:35:09 -0230');
  });
});

describe('header encoding', () => {
  it('splits encoded-words on character boundaries under 75 characters', () => {
    const words = encodeWords('跟单'.repeat(40) + '😀');
    for (const w of words) {
      expect(w.length).toBeLessThanOrEqual(75);
      const b64 = /^=\?UTF-8\?B\?(.*)\?=$/.exec(w)![1];
      expect(Buffer.from(b64, 'base64').toString('utf8')).not.toContain('\ufffd');
    }
    expect(words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('')).toBe('跟单'.repeat(40) + '😀');
  });

  it('parses address lists with quoted commas, angle brackets and semicolons', () => {
    expect(parseAddressList('a@x.com; "Lee, Ann" <ann@y.com>, 张三 <z@y.cn>,  ')).toEqual([
      { name: '', address: 'a@x.com' },
      { name: 'Lee, Ann', address: 'ann@y.com' },
      { name: '张三', address: 'z@y.cn' },
    ]);
  });
});

describe('buildMimeMessage', () => {
  it('writes a 7-bit message with CRLF line ends and no line over 998 characters', () => {
    const raw = buildMimeMessage(message({ subject: '报价单 — 上海某某贸易有限公司'.repeat(3), text: '您好！\n附件是报价单。', html: '<p>您好！</p>' }));
    expect([...raw].every((ch) => ch.charCodeAt(0) < 128)).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(raw.endsWith('\r\n')).toBe(true);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
  });

  it('round-trips an ASCII text message', async () => {
    const mail = await parse(buildMimeMessage(message({ cc: 'boss@example.com', replyTo: 'sales@example.com', messageId: 'q-001@gendan' })));
    expect(mail.subject).toBe('Quotation Q-2026-001');
    expect(mail.text?.trim()).toBe('Hello,\nplease find the quotation.');
    expect(mail.html).toBe(false);
    expect(addresses(mail.to)).toEqual([{ name: '', address: 'buyer@example.com' }]);
    expect(addresses(mail.cc)).toEqual([{ name: '', address: 'boss@example.com' }]);
    expect(addresses(mail.replyTo)).toEqual([{ name: '', address: 'sales@example.com' }]);
    expect(mail.messageId).toBe('<q-001@gendan>');
    expect(mail.date?.getTime()).toBe(NOW);
  });

  it('carries Chinese subject, display names, text and html', async () => {
    const raw = buildMimeMessage(
      message({
        from: 'owner@example.com',
        fromName: '李四 (跟单)',
        to: '张三 <zhang@example.cn>, "Lee, Ann" <ann@example.com>',
        subject: '报价单 Q-2026-001：不锈钢螺丝 M6×20，请确认',
        text: '张经理您好：\n\n附件是报价单，有效期 30 天。\n\n李四',
        html: '<p>张经理您好：</p><p>附件是<b>报价单</b>。</p>',
      }),
    );
    expect(raw).toContain('=?UTF-8?B?');
    const mail = await parse(raw);
    expect(mail.subject).toBe('报价单 Q-2026-001：不锈钢螺丝 M6×20，请确认');
    expect(mail.from?.value).toEqual([{ name: '李四 (跟单)', address: 'owner@example.com' }]);
    expect(addresses(mail.to)).toEqual([
      { name: '张三', address: 'zhang@example.cn' },
      { name: 'Lee, Ann', address: 'ann@example.com' },
    ]);
    expect(mail.text?.trim()).toBe('张经理您好：\n\n附件是报价单，有效期 30 天。\n\n李四');
    expect(mail.html).toBe('<p>张经理您好：</p><p>附件是<b>报价单</b>。</p>');
    expect(raw).toMatch(/Content-Type: multipart\/alternative;/);
    expect(raw).not.toMatch(/multipart\/mixed/);
  });

  it('nests the alternative inside multipart/mixed with attachments that keep Chinese names and bytes', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 255, 128, 10, 13]), Buffer.alloc(3000, 7)]);
    const longName = '上海某某贸易有限公司-形式发票-PI-2026-0001-不锈钢螺丝与螺母.pdf';
    const raw = buildMimeMessage(
      message({
        text: '见附件',
        html: '<p>见附件</p>',
        attachments: [
          { name: '报价单 Q-001.pdf', mimeType: 'application/pdf', base64: pdf.toString('base64') },
          { name: longName, mimeType: 'application/pdf', base64: pdf.toString('base64url') },
          { name: 'notes "v2".txt', mimeType: 'not a type', base64: Buffer.from('备注').toString('base64') },
        ],
      }),
    );
    expect(raw).toMatch(/Content-Type: multipart\/mixed;/);
    const mail = await parse(raw);
    expect(mail.text?.trim()).toBe('见附件');
    expect(mail.html).toBe('<p>见附件</p>');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['报价单 Q-001.pdf', longName, 'notes "v2".txt']);
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf', 'application/pdf', 'text/plain']);
    // an unusable type is written as octet-stream (mailparser then guesses text/plain from ".txt")
    expect(raw).toMatch(/^Content-Type: application\/octet-stream;\r\n name=/m);
    expect(mail.attachments[0].content.equals(pdf)).toBe(true);
    expect(mail.attachments[1].content.equals(pdf)).toBe(true);
    expect(mail.attachments[2].content.toString('utf8')).toBe('备注');
  });

  it('wraps base64 bodies at 76 characters', () => {
    const raw = buildMimeMessage(message({ text: '长'.repeat(500), attachments: [{ name: 'a.bin', mimeType: 'application/octet-stream', base64: Buffer.alloc(1000, 1).toString('base64') }] }));
    const bodyLines = raw.split('\r\n').filter((l) => /^[A-Za-z0-9+/]+=*$/.test(l) && l.length > 20);
    expect(bodyLines.length).toBeGreaterThan(10);
    for (const l of bodyLines) expect(l.length).toBeLessThanOrEqual(76);
  });

  it('keeps line breaks out of headers (no header injection from cell text)', async () => {
    const raw = buildMimeMessage(message({ subject: 'Hi\r\nBcc: victim@example.com', headers: { 'X-Gendan-Key': 'order 1\nBcc: x@y.z' } }));
    expect(raw).not.toMatch(/^Bcc:/m);
    const mail = await parse(raw);
    expect(mail.subject).toBe('Hi Bcc: victim@example.com');
    expect(mail.headers.get('x-gendan-key')).toBe('order 1 Bcc: x@y.z');
  });

  it('folds long ASCII subjects and recipient lists', async () => {
    const subject = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const to = Array.from({ length: 12 }, (_, i) => `customer${i}@example.com`).join(', ');
    const raw = buildMimeMessage(message({ subject, to }));
    for (const line of raw.split('\r\n\r\n')[0].split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const mail = await parse(raw);
    expect(mail.subject).toBe(subject);
    expect(addresses(mail.to).map((a) => a.address)).toEqual(to.split(', '));
  });

  it('encodes ASCII text that looks like an encoded-word so it reads back literally', async () => {
    const mail = await parse(buildMimeMessage(message({ subject: 'Price =?UTF-8?B?eA==?= list' })));
    expect(mail.subject).toBe('Price =?UTF-8?B?eA==?= list');
  });

  it('writes custom headers in any language and leaves out From without an address', async () => {
    const raw = buildMimeMessage(message({ fromName: 'Nobody', headers: { 'X-Gendan-Key': '订单-42' } }));
    expect(raw).not.toMatch(/^From:/m);
    const mail = await parse(raw);
    // mailparser leaves unknown headers encoded; decode the encoded-words here
    const value = String(mail.headers.get('x-gendan-key'));
    expect(value.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'))).toBe('订单-42');
  });

  it('builds a draft without recipients', async () => {
    const raw = buildMimeMessage(message({ to: '' }));
    expect(raw).not.toMatch(/^To:/m);
    expect((await parse(raw)).subject).toBe('Quotation Q-2026-001');
  });

  it('gives the same text for the same input (deterministic boundaries)', () => {
    const m = message({ html: '<p>x</p>', attachments: [{ name: 'a.txt', mimeType: 'text/plain', base64: 'eA==' }] });
    expect(buildMimeMessage(m)).toBe(buildMimeMessage(m));
  });

  it('refuses malformed attachments and headers it owns', () => {
    expect(() => buildMimeMessage(message({ attachments: [{ name: 'x', mimeType: 'text/plain', base64: '***' }] }))).toThrow(MimeError);
    expect(() => buildMimeMessage(message({ headers: { 'Content-Type': 'text/html' } }))).toThrow(/written by the message builder/);
    expect(() => buildMimeMessage(message({ headers: { 'Bad Name': 'x' } }))).toThrow(/Invalid header name/);
  });
});
