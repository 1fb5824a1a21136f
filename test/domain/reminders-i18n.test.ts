// Specification of the reminder catalog: every text exists in both languages with the same slots.
import { REMINDER_MESSAGES, reminderText } from '../../src/domain/i18n/reminders';
import { REMINDER_RULES } from '../../src/domain/reminders/rules';

const slots = (s: string) => [...s.replace(/\{\{[^{}]*\}\}/g, '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]).sort();

describe('reminder catalog', () => {
  it('has a non-empty English and Chinese text for every id', () => {
    for (const [id, m] of Object.entries(REMINDER_MESSAGES)) {
      expect([id, m.en.trim() !== '', m.zh.trim() !== '']).toEqual([id, true, true]);
    }
  });

  it('uses the same {slots} and {{placeholders}} in both languages', () => {
    for (const [id, m] of Object.entries(REMINDER_MESSAGES)) {
      expect([id, slots(m.zh)]).toEqual([id, slots(m.en)]);
      expect([id, placeholders(m.zh)]).toEqual([id, placeholders(m.en)]);
    }
  });

  it('names every rule and what its days count', () => {
    for (const r of REMINDER_RULES) {
      expect(REMINDER_MESSAGES[`rule.${r.id}`]).toBeDefined();
      expect(REMINDER_MESSAGES[`rule.${r.id}.days`]).toBeDefined();
    }
  });

  it('translates with filled slots and refuses unknown ids', () => {
    expect(reminderText('zh', 'digest.waiting', { count: 2 })).toBe('另有 2 封客户邮件因邮件配额不足待发，将在之后的运行中发出。');
    expect(() => reminderText('en', 'digest.nope')).toThrow('no message');
  });
});
