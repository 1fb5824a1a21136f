// Two users at once, through the real bundle: the second user's execution runs in the middle of the first one's,
// at every round trip of it in turn (the call ledger's interleave). Numbering stays unique, edits of different rows
// both land, and an edit made while the daily sweep runs survives the sweep's write.
import type { Sandbox } from '../../src/sandbox/runtime';
import { WallDate, columnLetter, type SheetModel } from '../../src/sandbox/spreadsheet/model';
import { wallDateString } from '../../src/domain/time/zone';
import { differences, nextDayWithAutomation, positionOf, roundTripsOf, setUpWorkbook, traceOf, worldOf, type World } from './crash-kit';
import { headerCol as col, sheet } from '../scenarios/helpers';

const LI = 'li.na@example.com';
const WANG = 'wang.wei@example.com';
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function text(s: SheetModel, row: number, header: string): string {
  const v = s.get(row, col(s, header));
  return v instanceof WallDate ? wallDateString(v.wall) : String(v);
}

function a1(s: SheetModel, row: number, header: string): string {
  return `${s.name}!${columnLetter(col(s, header))}${row}`;
}

/** Toasts shown to a user since event `from`. */
function toastsOf(sb: Sandbox, user: string, from: number): string[] {
  return sb.env.uiEvents.slice(from).filter((u) => u.user === user && u.kind === 'toast').map((u) => u.message ?? '');
}

/** Runs `first`, with `second` run when `first` makes its `k`th round trip. */
function interleaved(sb: Sandbox, k: number, first: () => void, second: () => void): void {
  sb.env.ledger.interleave(k, second);
  first();
}

interface NewRow {
  ledger: string;
  numberHeader: string;
  pattern: RegExp;
  /** A user types a new row (no number) at `row`. */
  type(sb: Sandbox, row: number, user: string): void;
}

const NEW_ROWS: NewRow[] = [
  {
    ledger: 'Orders',
    numberHeader: 'Order no.',
    pattern: /^SO-\d{4}-\d{4,}$/,
    type(sb, row, user) {
      const s = sheet(sb, 'Orders');
      sb.edit(`${a1(s, row, 'Customer')}:${columnLetter(col(s, 'Owner'))}${row}`, [['C-0003', user]], user);
    },
  },
  {
    ledger: 'Customers',
    numberHeader: 'Customer ID',
    pattern: /^C-\d{4,}$/,
    type(sb, row, user) {
      sb.edit(a1(sheet(sb, 'Customers'), row, 'Customer name'), `New Buyer of ${user}`, user);
    },
  },
];

describe.each(NEW_ROWS)('two users add a row to $ledger at the same moment', (kind) => {
  const rowsOf = (sb: Sandbox) => {
    const first = sheet(sb, kind.ledger).lastRow() + 1;
    return [first, first + 1];
  };
  const twin = setUpWorkbook();
  const [rowA] = rowsOf(twin);
  const calls = roundTripsOf(twin, () => kind.type(twin, rowA, LI));

  it.each(range(calls))('the second user types while the first one\'s onEdit makes round trip %i: distinct numbers, none lost after the sweep', (k) => {
    const sb = setUpWorkbook();
    const s = sheet(sb, kind.ledger);
    const [a, b] = rowsOf(sb);
    const events = sb.env.uiEvents.length;
    interleaved(sb, k, () => kind.type(sb, a, LI), () => kind.type(sb, b, WANG));
    const numbers = [text(s, a, kind.numberHeader), text(s, b, kind.numberHeader)];
    const given = numbers.filter((n) => n !== '');
    expect(new Set(given).size).toBe(given.length);
    for (const n of given) expect(n).toMatch(kind.pattern);
    // A user whose row could not be numbered (the other held the document lock) is told so; the sweep numbers it.
    numbers.forEach((n, i) => {
      if (!n) expect(toastsOf(sb, i === 0 ? LI : WANG, events).join(' ')).toMatch(/could not update|another user/i);
    });
    sb.click('menuRefreshStatuses');
    const after = [text(s, a, kind.numberHeader), text(s, b, kind.numberHeader)];
    for (const n of after) expect(n).toMatch(kind.pattern);
    expect(after[0]).not.toBe(after[1]);
    for (const [i, n] of numbers.entries()) if (n) expect(after[i]).toBe(n);
  });
});

/** Series without a year, whose imported numbers the first onEdit must continue from. */
const IMPORTED: { ledger: string; numberHeader: string; type(sb: Sandbox, row: number): void }[] = [
  { ledger: 'Customers', numberHeader: 'Customer ID', type: (sb, row) => sb.edit(a1(sheet(sb, 'Customers'), row, 'Customer name'), 'A buyer typed in today', LI) },
  {
    ledger: 'Follow-ups',
    numberHeader: 'ID',
    type(sb, row) {
      const fu = sheet(sb, 'Follow-ups');
      sb.edit(`${a1(fu, row, 'Customer')}:${columnLetter(col(fu, 'Due'))}${row}`, [['C-0002', '', 'Call about samples', LI, '2026-03-05']], LI);
    },
  },
  {
    ledger: 'Contact log',
    numberHeader: 'Contact ID',
    type(sb, row) {
      const c = sheet(sb, 'Contact log');
      sb.edit(`${a1(c, row, 'Date')}:${columnLetter(col(c, 'Customer'))}${row}`, [['2026-03-02', '', 'Phone', '', 'C-0002']], LI);
    },
  },
];

describe.each(IMPORTED)('a row added to $ledger after Set up on an imported, numbered ledger', (kind) => {
  // The series counter may be unset (rows arrived with their numbers): onEdit then reads the number column once.
  it('gets a number no other row has', () => {
    const sb = setUpWorkbook();
    const s = sheet(sb, kind.ledger);
    const row = s.lastRow() + 1;
    kind.type(sb, row);
    const mine = text(s, row, kind.numberHeader);
    expect(mine).not.toBe('');
    const others = s.values.slice(1, row - 1).map((r) => String(r[col(s, kind.numberHeader) - 1] ?? ''));
    expect(others).not.toContain(mine);
  });
});

describe('two users edit different rows of one ledger at the same moment', () => {
  const edits = (sb: Sandbox) => {
    const fu = sheet(sb, 'Follow-ups');
    return {
      first: () => sb.edit(a1(fu, 5, 'Status'), 'Done', LI),
      second: () => sb.edit(a1(fu, 9, 'Due'), '2026-03-20', WANG),
    };
  };
  const sequential = setUpWorkbook();
  const seq = edits(sequential);
  const calls = roundTripsOf(sequential, seq.first);
  seq.second();
  const expected = worldOf(sequential);

  it('both edits change their rows when made one after the other', () => {
    const fu = sheet(sequential, 'Follow-ups');
    expect([text(fu, 5, 'Status'), text(fu, 5, 'Done on'), text(fu, 9, 'Due'), text(fu, 9, 'Status')]).toEqual(['Done', '2026-03-02', '2026-03-20', 'Pending']);
  });

  it.each(range(calls))('the second edit lands while the first one\'s onEdit makes round trip %i: both rows as if one after the other', (k) => {
    const sb = setUpWorkbook();
    const e = edits(sb);
    interleaved(sb, k, e.first, e.second);
    expect(differences(worldOf(sb), expected)).toEqual([]);
  });
});

/** Every sheet but the Dashboard, which counts statuses at the moment the trigger draws it. */
function ledgers(world: World): World {
  const sheets = { ...world.sheets };
  delete sheets.Dashboard;
  return { ...world, sheets };
}

describe('a user edits while the daily sweep runs', () => {
  const sweep = (sb: Sandbox) => sb.trigger('triggerDailySweep');
  const dayTwo = (): Sandbox => {
    const sb = setUpWorkbook();
    nextDayWithAutomation(sb);
    return sb;
  };
  /** A follow-up that turns overdue today: the sweep writes its status, the user marks it done meanwhile. */
  const target = (sb: Sandbox): number => {
    const fu = sheet(sb, 'Follow-ups');
    const today = wallDateString(Date.UTC(2026, 2, 2));
    for (let r = 2; r <= fu.lastRow(); r++) if (text(fu, r, 'Due') === today && text(fu, r, 'Status') === 'Pending') return r;
    throw new Error('no follow-up due yesterday to turn overdue');
  };
  const markDone = (sb: Sandbox, row: number) => () => sb.edit(a1(sheet(sb, 'Follow-ups'), row, 'Status'), 'Done', LI);

  const reference = dayTwo();
  const row = target(reference);
  const trace = traceOf(reference, () => sweep(reference));
  markDone(reference, row)();
  const expected = ledgers(worldOf(reference));
  // The writer re-reads each block just before writing it and keeps every cell someone changed since its read.
  // Sheets has no compare-and-set: an edit landing in the one round trip between that re-read and the write is
  // overwritten (KNOWN LIMITATION, reported). Once the writer closes it, the case below fails: make it plain.
  const write = positionOf(trace, 'setValues', 'Follow-ups');
  const snapshot = positionOf(trace, 'getValues', 'Follow-ups');

  it('turns the follow-up overdue when nobody edits, and the edit wins when it comes after the sweep', () => {
    const fu = sheet(reference, 'Follow-ups');
    expect([text(fu, row, 'Status'), text(fu, row, 'Done on')]).toEqual(['Done', '2026-03-03']);
    const alone = dayTwo();
    sweep(alone);
    expect(text(sheet(alone, 'Follow-ups'), row, 'Status')).toBe('Overdue');
    expect(snapshot).toBeLessThan(write - 1);
  });

  const during = (k: number) => {
    const sb = dayTwo();
    interleaved(sb, k, () => sweep(sb), markDone(sb, row));
    const fu = sheet(sb, 'Follow-ups');
    expect([text(fu, row, 'Status'), text(fu, row, 'Done on')]).toEqual(['Done', '2026-03-03']);
    expect(differences(ledgers(worldOf(sb)), expected)).toEqual([]);
  };
  const name = 'the user marks it done while the sweep makes round trip %i: the edit and its Done on stamp survive, the sweep\'s other work lands';
  it.each(range(trace.length).filter((k) => k !== write))(name, during);
  it.failing.each([write])(`KNOWN LIMITATION (edit between the writer's re-read and its write): ${name}`, during);

  it('an edit made after the sweep read the ledger survives: the writer re-read its block before writing', () => {
    during(snapshot + 1);
  });
});
