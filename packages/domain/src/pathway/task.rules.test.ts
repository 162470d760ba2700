import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escalationDate, outcomesFor, TaskKinds, TaskOutcomes, taskStatus } from './task.rules.ts';

describe('task vocabulary', () => {
  it('closes a handover only by a first contact, a re-engagement by the three other outcomes', () => {
    assert.deepEqual(TaskKinds, ['handover', 're-engagement', 'promise', 'lapse']);
    assert.deepEqual(outcomesFor.handover, ['first-contact']);
    assert.deepEqual(outcomesFor['re-engagement'], ['new-round', 'declined', 'not-reached']);
    assert.deepEqual(outcomesFor.promise, ['kept', 'withdrawn']);
    assert.deepEqual(outcomesFor.lapse, ['followed-up']);
    // Every outcome belongs to exactly one kind of task.
    for (const outcome of TaskOutcomes) {
      assert.equal(TaskKinds.filter((kind) => outcomesFor[kind].includes(outcome)).length, 1, outcome);
    }
  });
});

describe('escalationDate', () => {
  it('is the configured number of calendar days after the task was made', () => {
    assert.equal(escalationDate('2026-05-04', 7), '2026-05-11'); // handover
    assert.equal(escalationDate('2026-05-04', 3), '2026-05-07'); // re-engagement
    assert.equal(escalationDate('2026-12-29', 7), '2027-01-05');
    assert.equal(escalationDate('2026-05-04', 0), '2026-05-04');
    // Calendar days, not working days: 17 May and the weekend count.
    assert.equal(escalationDate('2026-05-14', 3), '2026-05-17');
  });
});

describe('taskStatus', () => {
  const handover = { escalateOn: escalationDate('2026-05-04', 7), completedOn: null };

  it('is open up to and including the escalation day', () => {
    assert.equal(taskStatus(handover, '2026-05-04'), 'open');
    assert.equal(taskStatus(handover, '2026-05-10'), 'open');
    assert.equal(taskStatus(handover, '2026-05-11'), 'open');
  });

  it('is escalated from the day after the escalation day while still open', () => {
    assert.equal(taskStatus(handover, '2026-05-12'), 'escalated');
    assert.equal(taskStatus(handover, '2026-06-30'), 'escalated');
    assert.equal(taskStatus(handover, '2027-01-01'), 'escalated');
  });

  it('is completed once completed, before or after the escalation day', () => {
    for (const completedOn of ['2026-05-05', '2026-05-11', '2026-05-20']) {
      for (const today of ['2026-05-11', '2026-05-12', '2026-06-30']) {
        assert.equal(taskStatus({ ...handover, completedOn }, today), 'completed', `${completedOn} ${today}`);
      }
    }
  });

  it('escalates a same-day task the next day', () => {
    const urgent = { escalateOn: escalationDate('2026-05-04', 0), completedOn: null };
    assert.equal(taskStatus(urgent, '2026-05-04'), 'open');
    assert.equal(taskStatus(urgent, '2026-05-05'), 'escalated');
  });
});
