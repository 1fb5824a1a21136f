// A user finishes a Contact log row with a next action, an owner and a due date; the onEdit that numbers the contact
// and makes its follow-up dies at each of its round trips in turn; then the daily sweep runs. The contact ends up
// numbered once with exactly one follow-up, and everything else as when onEdit had finished: numbers a dead run
// handed out may be skipped, never given twice.
import type { Sandbox } from '../../src/sandbox/runtime';
import { columnLetter } from '../../src/sandbox/spreadsheet/model';
import { crashed, dieAt, differences, nextDayWithAutomation, renamed, renaming, setUpWorkbook, traceOf, worldOf } from './crash-kit';
import { headerCol as col, sheet } from '../scenarios/helpers';

const LI = 'li.na@example.com';
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The day after setup, with automation on: a contact row typed in, all but its due date (no onEdit yet). */
function typedContact(): { sb: Sandbox; row: number } {
  const sb = setUpWorkbook();
  nextDayWithAutomation(sb);
  const c = sheet(sb, 'Contact log');
  const row = c.lastRow() + 1;
  c.set(row, col(c, 'Date'), c.get(2, col(c, 'Date')));
  c.set(row, col(c, 'Customer'), 'C-0002');
  c.set(row, col(c, 'Next action'), 'Send the revised price list');
  c.set(row, col(c, 'Owner'), LI);
  return { sb, row };
}

/** The user types the due date: a single-cell edit, so onEdit runs for the row. */
function typeDue(sb: Sandbox, row: number): void {
  const c = sheet(sb, 'Contact log');
  sb.edit(`Contact log!${columnLetter(col(c, 'Due'))}${row}`, '2026-03-06', LI);
}

function followUpsOf(sb: Sandbox, contactId: string): number {
  const fu = sheet(sb, 'Follow-ups');
  const source = col(fu, 'Source');
  return fu.values.slice(1).filter((r) => r[source - 1] === `contact:${contactId}`).length;
}

describe('onEdit of a contact row with a next action: a crash at any round trip, then the daily sweep', () => {
  const { sb: reference, row } = typedContact();
  const trace = traceOf(reference, () => typeDue(reference, row));
  reference.trigger('triggerDailySweep');
  const expected = worldOf(reference);
  const contactNo = (sb: Sandbox) => String(sheet(sb, 'Contact log').get(row, col(sheet(sb, 'Contact log'), 'Contact ID')));

  it('numbers the contact and makes its one follow-up when uncrashed, writing the number before the follow-up', () => {
    expect(contactNo(reference)).toMatch(/^CT-\d{6}$/);
    expect(followUpsOf(reference, contactNo(reference))).toBe(1);
    const numbered = trace.findIndex((c) => c.method === 'setValues' && c.sheet === 'Contact log');
    const appended = trace.findIndex((c) => c.method === 'setValues' && c.sheet === 'Follow-ups');
    expect(numbered).toBeGreaterThanOrEqual(0);
    expect(appended).toBeGreaterThan(numbered);
  });

  it.each(range(trace.reduce((n, c) => n + c.roundTrips, 0)))('dies at round trip %i: after the sweep the contact has one number and one follow-up, the rest as uncrashed', (k) => {
    const { sb } = typedContact();
    dieAt(sb, k);
    crashed(sb, () => typeDue(sb, row));
    sb.trigger('triggerDailySweep');
    expect(contactNo(sb)).toMatch(/^CT-\d{6}$/);
    expect(followUpsOf(sb, contactNo(sb))).toBe(1);
    expect(differences(renamed(worldOf(sb), renaming(sb, reference)), expected)).toEqual([]);
  });
});
