import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeadlineBoard } from '@bedring/contract';
import { type BoardFilter, filterFrom, paramsFrom, totalFor } from './deadline-board.filter.ts';

const none: BoardFilter = { status: null, unitId: null, accountId: null, page: 1 };

test('the filter is read from the address, unknown values fall back to the default', () => {
  assert.deepEqual(filterFrom(new URLSearchParams('')), none);
  assert.deepEqual(filterFrom(new URLSearchParams('status=overdue&enhet=u1&ansvarlig=a1&side=3')), {
    status: 'overdue',
    unitId: 'u1',
    accountId: 'a1',
    page: 3,
  });
  for (const side of ['0', '-2', '1.5', 'x']) {
    assert.equal(filterFrom(new URLSearchParams({ side })).page, 1, side);
  }
  assert.equal(filterFrom(new URLSearchParams('status=closed')).status, null);
  assert.equal(filterFrom(new URLSearchParams('enhet=')).unitId, null);
});

test('the address holds only what differs from the default, and reads back as the same filter', () => {
  assert.deepEqual(paramsFrom(none), {});
  const filter: BoardFilter = { status: 'due-soon', unitId: 'u1', accountId: null, page: 2 };
  assert.deepEqual(paramsFrom(filter), { status: 'due-soon', enhet: 'u1', side: '2' });
  assert.deepEqual(filterFrom(new URLSearchParams(paramsFrom(filter))), filter);
});

test("the total a filter matches comes from the board's counts", () => {
  const board = { counts: { open: 10, overdue: 3, dueSoon: 2 } } as DeadlineBoard;
  assert.equal(totalFor(board, null), 10);
  assert.equal(totalFor(board, 'overdue'), 3);
  assert.equal(totalFor(board, 'due-soon'), 2);
  // "Open" on the board is what is neither overdue nor due soon.
  assert.equal(totalFor(board, 'open'), 5);
  assert.equal(totalFor({ counts: { open: 1, overdue: 1, dueSoon: 1 } } as DeadlineBoard, 'open'), 0);
});
