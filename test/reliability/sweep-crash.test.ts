// The daily sweep dies at each of its round trips in turn; the next run of the trigger leaves every cell of every
// sheet as an uncrashed run does. With repairs to make (rows typed while onEdit could not run) the numbers a dead
// run handed out may be skipped, never reused: every row ends up numbered once and everything else is the same.
import type { Sandbox } from '../../src/sandbox/runtime';
import { crashed, dieAt, differences, nextDayWithAutomation, positionOf, renamed, renaming, roundTripsOf, setUpWorkbook, traceOf, worldOf } from './crash-kit';
import { headerCol as col, sheet } from '../scenarios/helpers';

const sweep = (sb: Sandbox) => sb.trigger('triggerDailySweep');
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('daily sweep: a crash at any round trip, then the next run', () => {
  const dayTwo = (): Sandbox => {
    const sb = setUpWorkbook();
    nextDayWithAutomation(sb);
    return sb;
  };
  const reference = dayTwo();
  const before = worldOf(reference);
  const calls = roundTripsOf(reference, () => sweep(reference));
  sweep(reference);
  const expected = worldOf(reference);

  it('changes statuses when uncrashed, so a lost or doubled write would show', () => {
    expect(calls).toBeGreaterThan(10);
    expect(differences(before, expected)).not.toEqual([]);
  });

  it.each(range(calls))('dies at round trip %i: the next run leaves every cell as an uncrashed run does', (k) => {
    const sb = dayTwo();
    dieAt(sb, k);
    crashed(sb, () => sweep(sb));
    sweep(sb);
    expect(differences(worldOf(sb), expected)).toEqual([]);
  });
});

describe('daily sweep with repairs to make: a crash at any round trip, then the next run', () => {
  /** Rows typed while onEdit could not run: an order, a customer and a contact with a next action, none numbered. */
  const withRepairs = (): Sandbox => {
    const sb = setUpWorkbook();
    nextDayWithAutomation(sb);
    const orders = sheet(sb, 'Orders');
    orders.set(4, col(orders, 'Order no.'), '');
    orders.set(9, col(orders, 'Order no.'), '');
    const customers = sheet(sb, 'Customers');
    customers.set(3, col(customers, 'Customer ID'), '');
    const contacts = sheet(sb, 'Contact log');
    const row = contacts.lastRow() + 1;
    contacts.set(row, col(contacts, 'Date'), contacts.get(2, col(contacts, 'Date')));
    contacts.set(row, col(contacts, 'Customer'), 'C-0002');
    contacts.set(row, col(contacts, 'Next action'), 'Send the revised price list');
    contacts.set(row, col(contacts, 'Owner'), 'li.na@example.com');
    contacts.set(row, col(contacts, 'Due'), contacts.get(2, col(contacts, 'Date')));
    return sb;
  };
  const reference = withRepairs();
  const trace = traceOf(reference, () => sweep(reference));
  const calls = trace.length;
  sweep(reference);
  const expected = worldOf(reference);
  // The follow-up of a contact the sweep has just numbered is appended after the Contact log's new numbers are
  // written: a run that dies in between leaves a numbered contact without its follow-up, which the next run makes.
  const appended = Math.max(...trace.filter((c) => c.method === 'setValues' && c.sheet === 'Follow-ups').map((c) => c.at));
  const numbered = positionOf(trace, 'setValues', 'Contact log');

  it('writes the contact numbers before it appends their follow-ups', () => {
    expect(numbered).toBeGreaterThan(0);
    expect(appended).toBeGreaterThan(numbered);
  });

  it('numbers every row and makes the missing follow-up when uncrashed', () => {
    expect(String(sheet(reference, 'Orders').get(4, col(sheet(reference, 'Orders'), 'Order no.')))).toMatch(/^SO-\d{4}-\d{4}$/);
    const fu = sheet(reference, 'Follow-ups');
    const sources = fu.values.slice(1).map((r) => String(r[col(fu, 'Source') - 1] ?? ''));
    const contacts = sheet(reference, 'Contact log');
    const newId = String(contacts.get(contacts.lastRow(), col(contacts, 'Contact ID')));
    expect(newId).toMatch(/^CT-\d{6}$/);
    expect(sources.filter((s) => s === `contact:${newId}`)).toHaveLength(1);
  });

  const repaired = (k: number) => {
    const sb = withRepairs();
    dieAt(sb, k);
    crashed(sb, () => sweep(sb));
    sweep(sb);
    const map = renaming(sb, reference);
    expect(differences(renamed(worldOf(sb), map), expected)).toEqual([]);
  };
  const name = 'dies at round trip %i: after the next run every row is numbered once, one follow-up per contact, the rest as uncrashed';
  it.each(range(calls))(name, repaired);
});
