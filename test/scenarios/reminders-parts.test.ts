// The pieces of a reminder run that hold rules of their own: owner languages, the settings mapping, the key header,
// the journal, the Reminder log readings, signatures, the digest limit and the plan's last two rules.
import { ownerLanguages } from '../../src/app/reminders/owner-language';
import { reminderSettings } from '../../src/app/reminders/reminder-settings';
import { keyHeaderValue, parseKeyHeader } from '../../src/app/reminders/recover-journal';
import { JOURNAL_PROPERTY, readJournal, RunJournal } from '../../src/app/reminders/run-journal';
import { loggedMarks, producedKeys, recentSendRecipients, refOfKey, ruleOfKey } from '../../src/app/reminders/reminder-log-rows';
import { customerLanguage, signatureUnder } from '../../src/app/reminders/compose-mails';
import { finishPlan, hourIn } from '../../src/app/reminders/prepare-run';
import type { KeyValueStore } from '../../src/ports';
import { defaultSettings } from '../../src/domain/settings';
import { DIGEST_MAX_ENTRIES, planReminderRun, type DigestPlan } from '../../src/domain/reminders/plan-run';
import { DEFAULT_REMINDER_CONFIG, type ReminderItem } from '../../src/domain/reminders/rules';
import type { CustomerRecord, FollowUpRecord, ReminderLogRecord } from '../../src/domain/ledgers/records';
import { LI, WANG, addCustomers, addQuotedOrders, addRows, allMail, parse, setUpWorkbook, wall, type Customer } from './reminders-fixtures';

class MemoryStore implements KeyValueStore {
  values: Record<string, string> = {};
  writes = 0;
  get(key: string): string | null {
    return this.values[key] ?? null;
  }
  getAll(): Record<string, string> {
    return { ...this.values };
  }
  set(key: string, value: string): void {
    this.writes++;
    this.values[key] = value;
  }
  setAll(values: Record<string, string>): void {
    this.writes++;
    Object.assign(this.values, values);
  }
  delete(key: string): void {
    this.writes++;
    delete this.values[key];
  }
}

const followUp = (owner: string, nextAction: string): FollowUpRecord => ({ _row: 2, owner, nextAction, status: 'pending' });

describe('ownerLanguages', () => {
  const base = { settingsLanguage: '' as const, activeUser: LI, activeLang: 'en' as const, workbookLang: 'en' as const, contacts: [] };

  it('reads an owner’s language from what they write, the running user’s from their locale, others from the workbook', () => {
    const langs = ownerLanguages([LI, WANG, 'zhang@example.com'], {
      ...base,
      followUps: [followUp(WANG, '给客户发报价单'), followUp(WANG, '确认交期'), followUp(WANG, 'Call ACME'), followUp(LI, '发样品')],
    });
    expect(Object.fromEntries(langs)).toEqual({ [LI]: 'en', [WANG]: 'zh', 'zhang@example.com': 'en' });
  });

  it('lets the Settings language decide for everyone when it is set', () => {
    expect(Object.fromEntries(ownerLanguages([LI, WANG], { ...base, settingsLanguage: 'zh', followUps: [followUp(WANG, 'Call')] }))).toEqual({ [LI]: 'zh', [WANG]: 'zh' });
  });
});

describe('reminderSettings', () => {
  it('maps the Settings sheet onto the rules, working hours, mode and sender', () => {
    const s = { ...defaultSettings(), 'reminder.quote-no-decision.days': 9, 'reminder.goods-late.on': false, 'working-hours.start': '08:30', 'mail.customer-mode': 'send' as const, 'company.name.zh': '明港', 'signature.en': '' };
    const r = reminderSettings(s, 'boss@example.com');
    expect(r.config.rules['quote-no-decision'].days).toBe(9);
    expect(r.config.rules['goods-late'].enabled).toBe(false);
    expect(r.config.rules['return-visit'].days).toBe(s['return-visit.after-complaint.days']);
    expect(r.config.workingHours).toEqual({ start: '08:30', end: '18:00' });
    expect(r.config.fallbackOwner).toBe('boss@example.com');
    expect(r.mode).toBe('send');
    expect(r.sender.zh.companyName).toBe('明港');
  });
});

describe('the key header', () => {
  it('carries the key and the mode, and refuses what is not Gendan’s', () => {
    const v = keyHeaderValue('digest:li@x.cn:2026-03-09', 'send');
    expect(parseKeyHeader(v)).toEqual({ key: 'digest:li@x.cn:2026-03-09', mode: 'send' });
    expect(parseKeyHeader('hello')).toBeUndefined();
    expect(parseKeyHeader('k; maybe')).toBeUndefined();
  });
});

describe('the run journal', () => {
  it('is written before the first mail and after each draft, and removed when all is logged', () => {
    const store = new MemoryStore();
    const j = new RunJournal(store, { startedAt: 1000, user: LI, entries: [] });
    j.begin();
    j.begin();
    j.record({ key: 'a:mail', mode: 'draft', draftId: 'r1' });
    expect(readJournal(store, 2000)).toEqual({ startedAt: 1000, user: LI, entries: [{ key: 'a:mail', mode: 'draft', draftId: 'r1' }] });
    expect(store.writes).toBe(2);
    j.finish([], false, false);
    expect(store.values[JOURNAL_PROPERTY]).toBeUndefined();
  });

  it('keeps the uncertain entries, and only them', () => {
    const store = new MemoryStore();
    const j = new RunJournal(store, { startedAt: 1000, user: LI, entries: [] });
    j.record({ key: 'a:mail', mode: 'send', draftId: 'r1' });
    j.record({ key: 'b:mail', mode: 'send', draftId: 'r2' });
    j.finish([{ key: 'b:mail', mode: 'send', draftId: 'r2' }], false, false);
    expect(readJournal(store, 2000)?.entries.map((e) => e.key)).toEqual(['b:mail']);
  });

  it('reads a damaged value as an unfinished run of the last 24 hours', () => {
    const store = new MemoryStore();
    store.values[JOURNAL_PROPERTY] = '{not json';
    expect(readJournal(store, 100_000_000)).toEqual({ startedAt: 100_000_000 - 86_400_000, user: '', entries: [] });
  });

  it('stops taking mails before the property would pass 9 KB', () => {
    const store = new MemoryStore();
    const j = new RunJournal(store, { startedAt: 1, user: LI, entries: [] });
    let n = 0;
    const key = (i: number) => `quote-no-decision:订单-2026-${i}:2026-03-07:mail`;
    while (j.hasRoomFor(key(n))) j.record({ key: key(n++), mode: 'draft', draftId: `r-${'x'.repeat(16)}` });
    expect(n).toBeGreaterThan(60);
    expect(Buffer.byteLength(JOURNAL_PROPERTY) + Buffer.byteLength(store.values[JOURNAL_PROPERTY] ?? '')).toBeLessThan(9 * 1024);
  });
});

describe('Reminder log readings', () => {
  const row = (o: Partial<ReminderLogRecord>): ReminderLogRecord => ({ _row: 2, key: 'k', rule: 'r', ...o });
  const now = Date.UTC(2026, 2, 9);

  it('counts every row but waits and failures as produced', () => {
    const keys = producedKeys([row({ key: 'a', result: 'drafted' }), row({ key: 'b', result: 'waiting' }), row({ key: 'c', result: 'failed' }), row({ key: 'd' })]);
    expect([...keys]).toEqual(['a', 'd']);
    expect([...loggedMarks([row({ key: 'b', result: 'waiting', detail: 'quota' })])]).toEqual(['b|waiting|quota']);
  });

  it('adds up the recipients of Gendan’s own sends of the last 24 hours', () => {
    const rows = [
      row({ mode: 'send', result: 'sent', recipient: 'a@x.com, b@x.com', when: now - 3_600_000 }),
      row({ mode: 'send', result: 'sent', recipient: 'c@x.com', when: now - 25 * 3_600_000 }),
      row({ mode: 'draft', result: 'drafted', recipient: 'd@x.com', when: now - 60_000 }),
    ];
    expect(recentSendRecipients(rows, now)).toBe(2);
  });

  it('finds the rule and the row id in a key', () => {
    expect(ruleOfKey('balance-unpaid:SO-2026-0007:2026-03-12:mail')).toBe('balance-unpaid');
    expect(refOfKey('balance-unpaid:SO-2026-0007:2026-03-12:mail')).toBe('SO-2026-0007');
    expect(refOfKey('digest:li@x.cn:2026-03-09')).toBe('');
  });
});

describe('composing', () => {
  it('does not close a mail twice when the signature has its own complimentary close', () => {
    expect(signatureUnder('Thanks.\n\nBest regards,\n{{signature}}', 'Best regards,\nLi Na')).toBe('Li Na');
    expect(signatureUnder('祝商祺！\n{{ signature }}', '顺祝商祺！\n李娜')).toBe('李娜');
    expect(signatureUnder('Thanks.\n{{signature}}', 'Best regards,\nLi Na')).toBe('Best regards,\nLi Na');
    expect(signatureUnder('Best regards,\n{{signature}}', 'Li Na')).toBe('Li Na');
  });

  it('writes to Chinese customers in Chinese when their Language cell is blank', () => {
    expect(customerLanguage({ country: '中国' })).toBe('zh');
    expect(customerLanguage({ country: 'Hong Kong' })).toBe('zh');
    expect(customerLanguage({ country: 'Germany' })).toBe('');
    expect(customerLanguage({ country: '中国', language: 'en' })).toBe('en');
  });

  it('lists at most 100 entries in a digest, the most urgent, and counts the rest', () => {
    const items = Array.from({ length: 130 }, (_, i) => ({ key: `k${String(i).padStart(3, '0')}`, owner: LI, urgency: 'overdue', dueDate: '2026-03-01', audience: 'staff' }) as ReminderItem);
    const plan = planReminderRun({ items: [...items].reverse(), alreadyLogged: new Set(['k000']), now: wall('2026-03-09T10:00', 'Asia/Shanghai'), quota: 10, mode: 'draft', customers: [], timeZone: 'Asia/Shanghai' });
    const [digest] = plan.digests as DigestPlan[];
    expect(digest?.entries.map((e) => e.item.key)).toEqual(items.slice(0, DIGEST_MAX_ENTRIES).map((i) => i.key));
    expect(digest?.entries.filter((e) => !e.isNew).map((e) => e.item.key)).toEqual(['k000']);
    expect([digest?.open.overdue, digest?.more, DIGEST_MAX_ENTRIES]).toEqual([130, 30, 100]);
  });
});

describe('finishPlan', () => {
  const zone = 'Asia/Shanghai';
  const now = wall('2026-03-09T10:00', zone); // 19:00 Sunday in Los Angeles, 10:00 Monday in Shanghai
  const customer = (id: string, timeZone: string): CustomerRecord => ({ _row: 2, customerId: id, name: id, timeZone, email: `${id}@x.com`, owner: LI });
  const item = (id: string): ReminderItem => ({
    key: `quote-no-decision:${id}:2026-03-07`,
    rule: 'quote-no-decision',
    audience: 'customer',
    owner: LI,
    customerId: id,
    customerName: id,
    ref: { ledger: 'orders', row: 2, id },
    dueDate: '2026-03-07',
    urgency: 'overdue',
    action: { en: 'x', zh: 'x' },
    mailTemplate: 'quote-no-decision',
  });
  const customers = [customer('LA1', 'America/Los_Angeles'), customer('LA2', 'America/Los_Angeles'), customer('SH1', zone), customer('SH2', zone)];
  const plan = planReminderRun({ items: ['LA1', 'LA2', 'SH1', 'SH2'].map(item), alreadyLogged: new Set(), now, quota: 100, mode: 'draft', customers, timeZone: zone });

  it('holds drafts outside the customer’s hours before counting the run limit, and tells the digest', () => {
    const p = finishPlan(plan, now, DEFAULT_REMINDER_CONFIG, zone, 1);
    expect(p.customerMails.map((m) => m.customer.customerId)).toEqual(['SH1']);
    expect(p.waiting.map((w) => [w.item.customerId, w.reason])).toEqual([
      ['LA1', 'outside-hours'],
      ['LA2', 'outside-hours'],
      ['SH2', 'run-limit'],
    ]);
    expect(p.digests[0]?.entries.map((e) => [e.mail, e.isNew])).toEqual([
      ['outside-hours', true],
      ['outside-hours', true],
      ['draft', true],
      ['run-limit', true],
    ]);
    expect(hourIn(now, zone)).toBe(10);
  });
});

describe('digest language in a run', () => {
  it('writes an owner who writes Chinese a Chinese digest, and the running user one in their own language', async () => {
    const sb = setUpWorkbook('2026-03-02T09:00');
    const c: Customer = { id: 'C-1', name: 'ACME', country: 'China', zone: 'Asia/Shanghai', language: 'en', email: 'a@acme.example.com', owner: WANG, contact: 'Ann' };
    addCustomers(sb, [c, { ...c, id: 'C-2', email: 'b@acme.example.com', owner: 'owner@example.com' }]);
    addQuotedOrders(sb, [
      { no: 'SO-1', customer: c, quoteDate: '2026-03-02' },
      { no: 'SO-2', customer: { ...c, id: 'C-2', owner: 'owner@example.com' }, quoteDate: '2026-03-02' },
    ]);
    addRows(sb, 'followUps', [{ ID: 'FU-000001', Customer: 'C-1', 'Next action': '周五前确认样品', Owner: WANG, Due: '2026-03-20' }]);
    sb.env.now = wall('2026-03-09T10:00', 'Asia/Shanghai');
    sb.click('menuRemindersRun');
    const digests = allMail(sb).filter((m) => m.key.startsWith('digest:'));
    expect(digests.map((d) => [d.to, d.language])).toEqual([
      ['owner@example.com', 'en'],
      [WANG, 'zh'],
    ]);
    expect((await parse(digests[1]!)).text).toContain('以下是您 2026-03-09 需要处理的事项');
  });
});
