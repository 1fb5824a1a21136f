// A reminder run dies at each of its round trips in turn; the next run (the hourly trigger, or Run now) finishes
// the work. The workbook, the mail and the drafts then equal two uncrashed runs': nothing sent twice, nothing lost
// (Contact IDs a dead run handed out may be skipped, never reused). The same for the next day's run, whose digests
// list again what the first day's listed: still one digest per owner per day, each item's key logged once.
// Runs when the bundle has the reminders feature.
import type { Sandbox } from '../../src/sandbox/runtime';
import { mailRecords } from '../../src/sandbox/mail/model';
import { crashed, dieAt, differences, renamed, renaming, roundTripsOf, setUpWorkbook, worldOf, type World } from './crash-kit';

const RUN = 'menuRemindersRun';
const DAY = 86_400_000;

/**
 * The world without the Reminder log's Detail column: it tells the story of each run (a row completed by a later
 * run says "recovered" where an uncrashed run wrote the subject or "11 items"). Every other cell, and the mail,
 * must be the same.
 */
/** What a digest subject counts (in English or Chinese): open items, and the new ones among them. */
function countsOf(subject: string): { open: number; fresh: number } {
  const sum = (re: RegExp) => [...subject.matchAll(re)].reduce((n, m) => n + Number(m[1] ?? m[2]), 0);
  return { open: sum(/(\d+) (?:overdue|due today|coming up)|(?:逾期|今日到期|即将到期) (\d+) 项/g), fresh: sum(/\((\d+) new\)|（新增 (\d+) 项）/g) };
}

function content(world: World): World {
  const log = world.sheets['Reminder log'] ?? [];
  const detail = (log[0] ?? '').split('\t').indexOf('Detail');
  if (detail < 0) throw new Error('the Reminder log has no Detail column');
  const rows = log.map((row) => row.split('\t').filter((_, i) => i !== detail).join('\t'));
  return { ...world, sheets: { ...world.sheets, 'Reminder log': rows } };
}

describe('reminder run: a crash at any round trip, then the next run', () => {
  const reference: Sandbox = setUpWorkbook();
  const calls = roundTripsOf(reference, () => reference.click(RUN));
  reference.click(RUN);
  const expected = content(worldOf(reference));

  it('produces mail when uncrashed', () => {
    expect(expected.mail.length).toBeGreaterThan(3);
  });

  it.each(Array.from({ length: calls }, (_, i) => i + 1))('dies at round trip %i: after the next run the world equals two uncrashed runs', (k) => {
    const sb = setUpWorkbook();
    dieAt(sb, k);
    crashed(sb, () => sb.click(RUN));
    sb.click(RUN);
    expect(differences(content(renamed(worldOf(sb), renaming(sb, reference))), expected)).toEqual([]);
  });
});

describe('the next day’s reminder run: a crash at any round trip, then the next run', () => {
  /** A workbook whose first day's run went through; the clock on the next day, same hour. */
  const dayTwo = (): Sandbox => {
    const sb = setUpWorkbook();
    sb.click(RUN);
    sb.env.now += DAY;
    return sb;
  };
  const reference = dayTwo();
  const calls = roundTripsOf(reference, () => reference.click(RUN));
  reference.click(RUN);
  const expected = content(worldOf(reference));

  it('sends each owner one digest a day, listing again what the first day listed, each key logged once', () => {
    const digests = expected.mail.filter((m) => m.includes('key=digest:'));
    const days = digests.map((m) => /key=digest:(.*):(\d{4}-\d\d-\d\d); send/.exec(m)?.slice(1, 3).join(' ') ?? m);
    expect(new Set(days).size).toBe(days.length);
    expect(new Set(days.map((d) => d.split(' ')[1])).size).toBe(2);
    const log = expected.sheets['Reminder log'] ?? [];
    const [header = '', ...rows] = log;
    const at = (name: string) => header.split('\t').indexOf(name);
    const produced = rows.map((row) => row.split('\t')).filter((cells) => cells[at('Result')] !== 'waiting' && cells[at('Result')] !== 'failed');
    const keys = produced.map((cells) => cells[at('Key')] ?? '');
    expect(keys.length).toBeGreaterThan(digests.length);
    expect(new Set(keys).size).toBe(keys.length);
    // The first day's digests list only new items; the second day's list again what is still open, not as new.
    const sent = mailRecords(reference.env).filter((m) => m.kind === 'sent' && (m.subject.startsWith('Gendan') || m.subject.startsWith('跟单提醒')));
    const firstDay = days.map((d) => d.split(' ')[1] ?? '').sort()[0] ?? '?';
    const [first, second] = [sent.filter((m) => m.subject.includes(firstDay)), sent.filter((m) => !m.subject.includes(firstDay))];
    expect([first.length > 0, second.length > 0]).toEqual([true, true]);
    expect(first.every((m) => countsOf(m.subject).open === countsOf(m.subject).fresh)).toBe(true);
    expect(second.some((m) => countsOf(m.subject).open > countsOf(m.subject).fresh)).toBe(true);
  });

  it.each(Array.from({ length: calls }, (_, i) => i + 1))('dies at round trip %i: after the next run the world equals two uncrashed runs', (k) => {
    const sb = dayTwo();
    dieAt(sb, k);
    crashed(sb, () => sb.click(RUN));
    sb.click(RUN);
    expect(differences(content(renamed(worldOf(sb), renaming(sb, reference))), expected)).toEqual([]);
  });
});
