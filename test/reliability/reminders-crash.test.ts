// A reminder run dies at each of its round trips in turn; the next run (the hourly trigger, or Run now) finishes
// the work. The workbook, the mail and the drafts then equal two uncrashed runs': nothing sent twice, nothing lost
// (Contact IDs a dead run handed out may be skipped, never reused). Runs when the bundle has the reminders feature.
import type { Sandbox } from '../../src/sandbox/runtime';
import { bundleFunctions, crashed, dieAt, differences, renamed, renaming, roundTripsOf, setUpWorkbook, worldOf, type World } from './crash-kit';

const RUN = 'menuRemindersRun';

/**
 * The world without the Reminder log's Detail column: it tells the story of each run (a row completed by a later
 * run says "recovered" where an uncrashed run wrote the subject or "11 items"). Every other cell, and the mail,
 * must be the same.
 */
function content(world: World): World {
  const log = world.sheets['Reminder log'] ?? [];
  const detail = (log[0] ?? '').split('\t').indexOf('Detail');
  if (detail < 0) throw new Error('the Reminder log has no Detail column');
  const rows = log.map((row) => row.split('\t').filter((_, i) => i !== detail).join('\t'));
  return { ...world, sheets: { ...world.sheets, 'Reminder log': rows } };
}

if (!bundleFunctions().has(RUN)) {
  it.skip(`reminder run crash suite: not available yet (the bundle has no ${RUN})`, () => undefined);
} else {
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
}
