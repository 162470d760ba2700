import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkinProgress } from './checkin-progress.ts';

describe('checkinProgress', () => {
  it('counts the days with a check-in in the window and marks lapses as events on their day', () => {
    const p = checkinProgress(
      ['2026-11-18', '2026-11-19', '2026-11-19', '2026-11-20', '2026-10-01'],
      ['2026-11-19'],
      '2026-11-20',
      7,
    );
    assert.equal(p.days.length, 7);
    assert.equal(p.days[0]!.day, '2026-11-14');
    assert.equal(p.days.at(-1)!.day, '2026-11-20');
    assert.equal(p.checkinDays, 3);
    assert.equal(p.lapseDays, 1);
    assert.deepEqual(p.days.at(-2), { day: '2026-11-19', checkedIn: true, lapse: true });
  });

  it('a lapse takes nothing away: the days checked in before it still count', () => {
    const before = checkinProgress(['2026-11-18', '2026-11-19'], [], '2026-11-20', 7);
    const after = checkinProgress(
      ['2026-11-18', '2026-11-19', '2026-11-20'],
      ['2026-11-20'],
      '2026-11-20',
      7,
    );
    assert.equal(after.checkinDays, before.checkinDays + 1);
  });
});
