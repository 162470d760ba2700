import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressOf } from './lapse.rules.ts';
import { lapsePromptsUpdate, type PlanState, planWarnings, signatureIsCurrent } from './plan-status.rules.ts';
import { promiseStatus } from './promise.rules.ts';

const plan = (more: Partial<PlanState>): PlanState => ({
  kind: 'treatment',
  version: 1,
  reviewOn: null,
  entries: [],
  signedVersions: [],
  lastLapseAtVersion: null,
  ...more,
});

describe('signatures', () => {
  it('refer to the version signed: a later change makes them older, not gone', () => {
    assert.equal(signatureIsCurrent(3, 3), true);
    assert.equal(signatureIsCurrent(3, 4), false);
    assert.deepEqual(planWarnings(plan({ version: 4, signedVersions: [3] }), '2026-11-22'), [
      'not-signed-since-change',
    ]);
    assert.deepEqual(planWarnings(plan({ version: 4, signedVersions: [3, 4] }), '2026-11-22'), []);
  });
});

describe('planWarnings', () => {
  it("asks for a goal in the person's own words on a treatment plan with content", () => {
    const staffGoal = { section: 'goal', writtenBy: 'staff' as const, retired: false };
    const ownGoal = { section: 'goal', writtenBy: 'person' as const, retired: false };
    assert.deepEqual(planWarnings(plan({ entries: [staffGoal] }), '2026-11-22'), ['no-goal-in-own-words']);
    assert.deepEqual(planWarnings(plan({ entries: [staffGoal, ownGoal] }), '2026-11-22'), []);
    assert.deepEqual(planWarnings(plan({ entries: [{ ...ownGoal, retired: true }] }), '2026-11-22'), []);
  });

  it('asks a crisis plan for a review date, and says when it has passed', () => {
    const entries = [{ section: 'warning-sign', writtenBy: 'person' as const, retired: false }];
    assert.deepEqual(planWarnings(plan({ kind: 'crisis', entries }), '2026-11-22'), ['no-review-date']);
    assert.deepEqual(planWarnings(plan({ kind: 'crisis', entries, reviewOn: '2026-11-21' }), '2026-11-22'), [
      'review-due',
    ]);
    assert.deepEqual(
      planWarnings(plan({ kind: 'crisis', entries, reviewOn: '2026-11-22' }), '2026-11-22'),
      [],
    );
  });

  it('prompts looking at the relapse-prevention plan together after a lapse, until it changes', () => {
    assert.equal(lapsePromptsUpdate(null, 0), false);
    assert.equal(lapsePromptsUpdate(0, 0), true, 'a lapse before the plan has any content');
    assert.equal(lapsePromptsUpdate(3, 3), true);
    assert.equal(lapsePromptsUpdate(3, 4), false);
    assert.deepEqual(
      planWarnings(plan({ kind: 'relapse-prevention', lastLapseAtVersion: 1 }), '2026-11-22'),
      ['look-at-plan-together'],
    );
  });
});

describe('progressOf: progress never resets to zero', () => {
  it('counts the days since treatment started and the good days among them', () => {
    assert.deepEqual(progressOf('2026-11-01', [], '2026-11-22'), {
      since: '2026-11-01',
      days: 22,
      goodDays: 22,
      lapses: 0,
    });
  });

  it('takes a lapse day out of the good days, and keeps every other day', () => {
    const before = progressOf('2026-11-01', [], '2026-11-21');
    const after = progressOf('2026-11-01', ['2026-11-21'], '2026-11-22');
    assert.equal(after.days, before.days + 1);
    assert.equal(after.goodDays, before.goodDays, 'the good days before the lapse are still there');
    assert.equal(after.lapses, 1);
    // Two lapses on one day are one day without a good day; lapses before the start do not count as days.
    assert.deepEqual(progressOf('2026-11-01', ['2026-11-05', '2026-11-05', '2026-10-01'], '2026-11-10'), {
      since: '2026-11-01',
      days: 10,
      goodDays: 9,
      lapses: 3,
    });
  });

  it('shows no days before treatment has started', () => {
    assert.deepEqual(progressOf(null, ['2026-11-05'], '2026-11-10'), {
      since: null,
      days: 0,
      goodDays: 0,
      lapses: 1,
    });
  });
});

describe('promiseStatus', () => {
  it('is open to the due date, overdue after it, and kept or withdrawn when done', () => {
    const p = { dueOn: '2026-11-22', completedOn: null, outcome: null };
    assert.equal(promiseStatus(p, '2026-11-22'), 'open');
    assert.equal(promiseStatus(p, '2026-11-23'), 'overdue');
    assert.equal(promiseStatus({ ...p, completedOn: '2026-11-25', outcome: 'kept' }, '2026-11-30'), 'kept');
    assert.equal(
      promiseStatus({ ...p, completedOn: '2026-11-25', outcome: 'withdrawn' }, '2026-11-30'),
      'withdrawn',
    );
  });
});
