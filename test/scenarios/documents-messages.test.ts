// The documents feature's messages: every one in English and Chinese, with the same {slots} and {{placeholders}},
// and the signatory printed on documents taken from the mail signature without its complimentary close.
import { DOCUMENTS_APP_MESSAGES } from '../../src/domain/i18n/documents-app';
import { signatoryOf } from '../../src/app/documents/document-settings-of';

const slots = (s: string) => [...s.matchAll(/\{\{?(\w+(?:\.\w+)*)\}\}?/g)].map((m) => m[0]).sort();

describe('documents messages', () => {
  it.each(Object.entries(DOCUMENTS_APP_MESSAGES))('%s has both languages with the same slots', (_id, m) => {
    expect(m.en.trim()).not.toBe('');
    expect(m.zh.trim()).not.toBe('');
    expect(slots(m.zh)).toEqual(slots(m.en));
  });
});

describe('signatoryOf', () => {
  it('drops a complimentary close and keeps the signing name', () => {
    expect(signatoryOf('Best regards,\nBright Harbor Trading')).toBe('Bright Harbor Trading');
    expect(signatoryOf('顺祝商祺！\n宁波明港贸易有限公司')).toBe('宁波明港贸易有限公司');
  });

  it('keeps a signature that is only a name, and a blank one blank', () => {
    expect(signatoryOf('Li Na, Sales Manager')).toBe('Li Na, Sales Manager');
    expect(signatoryOf('')).toBe('');
  });
});
