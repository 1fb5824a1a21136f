// Two weeks of the sample workbook with daily updates on: the hourly trigger runs reminders as the clock moves, each
// owner gets at most one digest a day, customer drafts appear only inside each customer's working hours, in the
// customer's language, nothing is produced twice, and the .eml files parse.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { exportMail } from '../../src/sandbox/mail/index';
import { loadSample, readSampleData } from '../../src/sandbox/sample-loader';
import { customerWindow } from '../../src/domain/reminders/customer-time';
import { DEFAULT_REMINDER_CONFIG } from '../../src/domain/reminders/rules';
import type { CustomerRecord } from '../../src/domain/ledgers/records';
import { localDateOf } from '../../src/domain/time/zone';
import { allMail, countOf, rowsOf } from './reminders-fixtures';
import { newSandbox } from './helpers';

const ROOT = path.join(__dirname, '../..');
const DAY = 86_400_000;

describe('two weeks of the sample workbook', () => {
  const sb = newSandbox({ now: '2026-03-02T09:00' });
  sb.click('menuSetup');
  const sample = readSampleData(ROOT);
  loadSample(sb.env, sample, 'en');
  sb.click('menuToggleAutomation');
  const moved = sb.advance(14 * DAY);
  const mail = allMail(sb);
  const customers = new Map((sample.customers ?? []).map((c) => [String(c.email), c as unknown as CustomerRecord]));

  it('runs the hourly trigger every hour and the daily sweep every day, without a failure', () => {
    expect(moved.failed).toEqual([]);
    expect(countOf(moved.fired)).toEqual({ triggerHourlyReminders: 14 * 24, triggerDailySweep: 14 });
  });

  it('sends each owner at most one digest a day, on several days', () => {
    const digests = mail.filter((m) => m.key.startsWith('digest:'));
    expect(digests.every((d) => d.kind === 'sent')).toBe(true);
    expect(Object.values(countOf(digests.map((d) => `${d.to}|${localDateOf(d.at, 'Asia/Shanghai')}`))).every((n) => n === 1)).toBe(true);
    expect(new Set(digests.map((d) => localDateOf(d.at, 'Asia/Shanghai'))).size).toBeGreaterThan(3);
    // From the digest hour (08:00 in the spreadsheet's zone) on.
    expect(digests.every((d) => Number(new Date(d.at).toLocaleString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false })) >= 8)).toBe(true);
  });

  it('makes customer drafts only inside each customer’s working hours, and none for a paused customer', () => {
    const drafts = mail.filter((m) => m.kind === 'draft');
    expect(drafts.length).toBeGreaterThan(3);
    for (const d of drafts) {
      const c = customers.get(d.to);
      expect(c).toBeDefined();
      expect([d.to, customerWindow(d.at, c as CustomerRecord, DEFAULT_REMINDER_CONFIG, 'Asia/Shanghai').open]).toEqual([d.to, true]);
      if (c?.doNotEmailUntil) expect(localDateOf(d.at, 'Asia/Shanghai') >= c.doNotEmailUntil).toBe(true);
    }
  });

  it('produces no key twice and logs each draft as a contact', () => {
    expect(Object.values(countOf(mail.map((m) => m.key))).every((n) => n === 1)).toBe(true);
    const contactKeys = rowsOf(sb, 'contacts').map((c) => c.Remarks).filter((r) => r.startsWith('Gendan '));
    expect(contactKeys.sort()).toEqual(mail.filter((m) => m.kind === 'draft').map((m) => `Gendan ${m.key}`).sort());
  });

  it('writes .eml files that parse, in the customer’s language', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gendan-two-weeks-'));
    const files = exportMail(sb.env, dir);
    expect(files).toHaveLength(mail.length);
    for (const f of files) {
      const parsed = await simpleParser(fs.readFileSync(f));
      expect(parsed.subject).toBeTruthy();
      expect(parsed.text?.length).toBeGreaterThan(20);
      const lang = parsed.headers.get('content-language');
      const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address ?? '' : '';
      const customer = customers.get(to);
      if (customer) {
        expect([to, lang]).toEqual([to, String(customer.language).startsWith('zh') ? 'zh' : 'en']);
        if (lang === 'zh') expect(parsed.subject).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
