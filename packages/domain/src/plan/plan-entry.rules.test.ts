import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AllPlanSections, isSectionOf, PlanSections, sectionSide } from './plan.ts';
import { checkEntry, entryWarnings, measureEvaluationDate } from './plan-entry.rules.ts';

describe('plan sections', () => {
  it("put goals on the person's side, measures on the staff side, the rest shared", () => {
    assert.equal(sectionSide('goal'), 'person');
    assert.equal(sectionSide('measure'), 'staff');
    for (const s of [...PlanSections['relapse-prevention'], ...PlanSections.crisis])
      assert.equal(sectionSide(s), 'shared');
    assert.equal(new Set(AllPlanSections).size, AllPlanSections.length, 'a section belongs to one plan kind');
    assert.equal(isSectionOf('crisis', 'warning-sign'), true);
    assert.equal(isSectionOf('treatment', 'warning-sign'), false);
  });
});

describe('checkEntry', () => {
  it('accepts a goal with what success means, and a measure with owner and due date', () => {
    assert.deepEqual(
      checkEntry('goal', { text: 'Ha en fast jobb', successMeans: 'Stå opp om morgenen' }),
      [],
    );
    assert.deepEqual(
      checkEntry('measure', { text: 'Jobbspesialist', ownerAccountId: 'a', dueOn: '2026-12-01' }),
      [],
    );
    assert.deepEqual(
      checkEntry('contact-person', { text: 'Mamma', phone: '99999999', contactBeforeUse: true }),
      [],
    );
  });

  it('refuses fields a section does not have, a measure without owner or due date, and empty text', () => {
    assert.deepEqual(checkEntry('warning-sign', { text: 'Sover dårlig', dueOn: '2026-12-01' }), [
      { field: 'dueOn', problem: 'not-for-section' },
    ]);
    assert.deepEqual(checkEntry('measure', { text: 'Noe' }), [
      { field: 'ownerAccountId', problem: 'required' },
      { field: 'dueOn', problem: 'required' },
    ]);
    assert.deepEqual(checkEntry('goal', { text: '   ', contactBeforeUse: false }), [
      { field: 'text', problem: 'empty' },
      { field: 'contactBeforeUse', problem: 'not-for-section' },
    ]);
    // An evaluation before the due date is how progress is looked at on the way: allowed.
    assert.deepEqual(
      checkEntry('measure', {
        text: 'x',
        ownerAccountId: 'a',
        dueOn: '2026-12-01',
        evaluateOn: '2026-11-27',
      }),
      [],
    );
  });

  it('treats null as not given', () => {
    assert.deepEqual(checkEntry('after-a-lapse', { text: 'Ringe Kari', phone: null, dueOn: null }), []);
  });
});

describe('measureEvaluationDate and entryWarnings', () => {
  it("ties evaluation to the pathway's next evaluation when none is given", () => {
    assert.equal(measureEvaluationDate(undefined, '2027-01-10'), '2027-01-10');
    assert.equal(measureEvaluationDate('2026-12-20', '2027-01-10'), '2026-12-20');
    assert.equal(measureEvaluationDate(null, null), null);
  });

  it("warns of a past due date and an evaluation after the pathway's, never refuses", () => {
    const fields = { text: 'x', ownerAccountId: 'a', dueOn: '2026-11-01', evaluateOn: '2027-02-01' };
    assert.deepEqual(entryWarnings('measure', fields, '2026-11-22', '2027-01-10'), [
      { code: 'due-date-passed', dueOn: '2026-11-01' },
      {
        code: 'evaluation-after-pathway-evaluation',
        evaluateOn: '2027-02-01',
        pathwayEvaluation: '2027-01-10',
      },
    ]);
    assert.deepEqual(entryWarnings('measure', { ...fields, dueOn: '2026-11-22' }, '2026-11-22', null), []);
    assert.deepEqual(entryWarnings('goal', { text: 'x' }, '2026-11-22', '2027-01-10'), []);
  });
});
