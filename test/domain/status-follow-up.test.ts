// Specification of follow-up statuses: due-today boundary, done wins, snooze, moving the due date, stamps.
import fc from 'fast-check';
import { followUpDeadline, followUpStatus, type FollowUpStatusInput, type FollowUpStatusResult } from '../../src/domain/status/follow-up-status';
import { WORK_STATUSES } from '../../src/domain/ledgers/records';

const TODAY = '2026-03-10';
const YESTERDAY = '2026-03-09';
const TOMORROW = '2026-03-11';
const EARLIER = '2026-03-01';

describe('followUpStatus', () => {
  const cases: [string, FollowUpStatusInput, FollowUpStatusResult][] = [
    ['a blank row is pending', {}, { status: 'pending' }],
    ['due today is not overdue', { due: TODAY }, { status: 'pending' }],
    ['due tomorrow is pending', { due: TOMORROW }, { status: 'pending' }],
    ['due yesterday is overdue', { status: 'pending', due: YESTERDAY }, { status: 'overdue' }],
    ['a row without a due date is never overdue', { status: 'pending' }, { status: 'pending' }],

    ['"overdue" typed by hand on a future due date is recomputed to pending', { status: 'overdue', due: TOMORROW }, { status: 'pending' }],
    ['"pending" typed by hand on a past due date is recomputed to overdue', { status: 'pending', due: YESTERDAY }, { status: 'overdue' }],
    ['"pending" typed on a started row is recomputed to in progress', { status: 'pending', startedOn: EARLIER }, { status: 'in-progress', startedOn: EARLIER }],

    ['marked in progress stamps Started on', { status: 'in-progress' }, { status: 'in-progress', startedOn: TODAY }],
    ['marked in progress keeps an existing Started on', { status: 'in-progress', startedOn: EARLIER }, { status: 'in-progress', startedOn: EARLIER }],
    ['progress above 0 starts the row', { status: 'pending', progress: 0.4 }, { status: 'in-progress', startedOn: TODAY }],
    ['progress 0 does not start the row', { status: 'pending', progress: 0 }, { status: 'pending' }],
    ['a Started on stamp alone means in progress', { startedOn: EARLIER, due: TOMORROW }, { status: 'in-progress', startedOn: EARLIER }],

    ['marked done stamps Done on', { status: 'done' }, { status: 'done', doneOn: TODAY }],
    ['marked done keeps an existing Done on', { status: 'done', doneOn: EARLIER }, { status: 'done', doneOn: EARLIER }],
    ['progress 100 % is done', { status: 'in-progress', progress: 1, startedOn: EARLIER }, { status: 'done', startedOn: EARLIER, doneOn: TODAY }],
    ['done wins over a past due date', { status: 'done', due: EARLIER }, { status: 'done', doneOn: TODAY }],
    ['done wins over a hand-typed overdue when progress is 100 %', { status: 'overdue', due: EARLIER, progress: 1 }, { status: 'done', doneOn: TODAY }],

    ['un-marking done clears Done on', { status: 'in-progress', doneOn: EARLIER, startedOn: EARLIER }, { status: 'in-progress', startedOn: EARLIER }],
    ['un-marking done to pending clears Done on', { status: 'pending', doneOn: EARLIER }, { status: 'pending' }],
    ['un-marking done on a past due date makes it overdue', { status: 'pending', doneOn: EARLIER, due: YESTERDAY }, { status: 'overdue' }],

    ['an overdue row marked in progress stays overdue and is stamped started', { status: 'in-progress', due: YESTERDAY }, { status: 'overdue', startedOn: TODAY }],
    ['moving the due date into the future clears overdue (started row)', { status: 'overdue', due: TOMORROW, startedOn: EARLIER }, { status: 'in-progress', startedOn: EARLIER }],
    ['moving the due date into the future clears overdue (not started)', { status: 'overdue', due: TOMORROW }, { status: 'pending' }],
    ['moving the due date to today clears overdue', { status: 'overdue', due: TODAY }, { status: 'pending' }],

    ['a snooze into the future defers overdue', { status: 'overdue', due: EARLIER, snoozedUntil: TOMORROW }, { status: 'pending' }],
    ['a snooze until today still defers overdue today', { due: EARLIER, snoozedUntil: TODAY }, { status: 'pending' }],
    ['an expired snooze lets the row be overdue again', { due: EARLIER, snoozedUntil: YESTERDAY }, { status: 'overdue' }],
    ['a snooze earlier than the due date changes nothing', { due: YESTERDAY, snoozedUntil: EARLIER }, { status: 'overdue' }],
    ['a snooze on a started row defers overdue to in progress', { due: EARLIER, snoozedUntil: TOMORROW, progress: 0.5 }, { status: 'in-progress', startedOn: TODAY }],
    ['a snooze does not stop done', { status: 'done', due: EARLIER, snoozedUntil: TOMORROW }, { status: 'done', doneOn: TODAY }],
  ];

  it.each(cases)('%s', (_name, row, expected) => {
    expect(followUpStatus(row, TODAY)).toStrictEqual(expected);
  });

  it('time passing alone flips a pending row to overdue the day after it is due', () => {
    const row: FollowUpStatusInput = { status: 'pending', due: TODAY };
    expect(followUpStatus(row, TODAY).status).toBe('pending');
    expect(followUpStatus(row, TOMORROW).status).toBe('overdue');
  });

  it('does not mutate the row', () => {
    const row: FollowUpStatusInput = { status: 'in-progress', due: YESTERDAY };
    const copy = { ...row };
    followUpStatus(row, TODAY);
    expect(row).toStrictEqual(copy);
  });

  it('is stable: writing its result back and recomputing changes nothing', () => {
    const date = fc.constantFrom(EARLIER, YESTERDAY, TODAY, TOMORROW, undefined);
    const row = fc.record({
      status: fc.constantFrom(...WORK_STATUSES, undefined),
      progress: fc.constantFrom(0, 0.3, 1, undefined),
      due: date,
      snoozedUntil: date,
      startedOn: date,
      doneOn: date,
    });
    fc.assert(
      fc.property(row, (r) => {
        const first = followUpStatus(r, TODAY);
        const again = followUpStatus({ ...r, ...first, doneOn: first.doneOn, startedOn: first.startedOn }, TODAY);
        expect(again).toStrictEqual(first);
      }),
    );
  });
});

describe('followUpDeadline', () => {
  it.each([
    [{}, undefined],
    [{ due: TODAY }, TODAY],
    [{ due: YESTERDAY, snoozedUntil: TOMORROW }, TOMORROW],
    [{ due: TOMORROW, snoozedUntil: YESTERDAY }, TOMORROW],
    [{ snoozedUntil: TOMORROW }, undefined],
  ])('%j → %s', (row, expected) => {
    expect(followUpDeadline(row)).toBe(expected);
  });
});
