import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkReferralAssessment,
  type ReferralAssessmentInput,
  type ReferralChecklist,
  ReferralChecklistItems,
  ReferralOutcomes,
  ReferrerKinds,
  referralCompleteness,
} from './referral.rules.ts';

describe('referral vocabulary', () => {
  it('puts the person’s own participation first among ten checklist items', () => {
    assert.equal(ReferralChecklistItems.length, 10);
    assert.equal(ReferralChecklistItems[0], 'own-participation');
    assert.equal(ReferralChecklistItems[1], 'relatives-participation');
    assert.deepEqual(ReferralOutcomes, ['right-to-treatment', 'treatment-without-right', 'no-need']);
    assert.ok(ReferrerKinds.includes('gp'));
    assert.ok(ReferrerKinds.includes('social-services'));
  });
});

describe('referralCompleteness', () => {
  it('counts an empty checklist as nothing done, every item missing in checklist order', () => {
    assert.deepEqual(referralCompleteness({}), { done: 0, total: 10, missing: [...ReferralChecklistItems] });
  });

  it('counts a full checklist as complete', () => {
    const all = Object.fromEntries(ReferralChecklistItems.map((item) => [item, true])) as ReferralChecklist;
    assert.deepEqual(referralCompleteness(all), { done: 10, total: 10, missing: [] });
  });

  it('counts only items ticked true; false is as missing as unanswered', () => {
    const checklist: ReferralChecklist = {
      'mental-health': true,
      'own-participation': true,
      'substance-use': false,
      'social-situation': true,
    };
    assert.deepEqual(referralCompleteness(checklist), {
      done: 3,
      total: 10,
      missing: [
        'relatives-participation',
        'own-goals-and-resources',
        'substance-use',
        'injuries-and-complications',
        'physical-health',
        'support-persons-and-network',
        'special-considerations',
      ],
    });
  });

  it('flags a referral written without the person', () => {
    const withoutPerson = Object.fromEntries(
      ReferralChecklistItems.map((item) => [item, item !== 'own-participation']),
    ) as ReferralChecklist;
    assert.deepEqual(referralCompleteness(withoutPerson), {
      done: 9,
      total: 10,
      missing: ['own-participation'],
    });
  });
});

describe('checkReferralAssessment', () => {
  const received = '2026-03-02';
  const input = (extra: Partial<ReferralAssessmentInput>): ReferralAssessmentInput => ({
    outcome: 'right-to-treatment',
    assessedOn: '2026-03-10',
    treatmentStartDeadline: '2026-04-30',
    ...extra,
  });

  it('accepts a right to treatment with a deadline on or after the assessment', () => {
    assert.equal(checkReferralAssessment(input({}), received), null);
    assert.equal(checkReferralAssessment(input({ treatmentStartDeadline: '2026-03-10' }), received), null);
    assert.equal(checkReferralAssessment(input({ assessedOn: received }), received), null);
  });

  it('accepts treatment without a right, and no need, when they have no deadline', () => {
    for (const outcome of ['treatment-without-right', 'no-need'] as const) {
      assert.equal(
        checkReferralAssessment(input({ outcome, treatmentStartDeadline: null }), received),
        null,
        outcome,
      );
    }
  });

  it('requires a deadline for a person with a right to treatment', () => {
    assert.equal(
      checkReferralAssessment(input({ treatmentStartDeadline: null }), received),
      'deadline-required',
    );
    assert.equal(
      checkReferralAssessment(input({ treatmentStartDeadline: '' }), received),
      'deadline-required',
    );
  });

  it('refuses a deadline for the outcomes without a right', () => {
    for (const outcome of ['treatment-without-right', 'no-need'] as const) {
      assert.equal(checkReferralAssessment(input({ outcome }), received), 'deadline-not-allowed', outcome);
    }
  });

  it('refuses a deadline before the day of assessment', () => {
    assert.equal(
      checkReferralAssessment(input({ treatmentStartDeadline: '2026-03-09' }), received),
      'deadline-before-assessment',
    );
  });

  it('refuses an assessment dated before the referral was received, before anything else', () => {
    assert.equal(
      checkReferralAssessment(input({ assessedOn: '2026-03-01' }), received),
      'assessed-before-received',
    );
    assert.equal(
      checkReferralAssessment(input({ assessedOn: '2026-03-01', treatmentStartDeadline: null }), received),
      'assessed-before-received',
    );
    assert.equal(
      checkReferralAssessment(input({ outcome: 'no-need', assessedOn: '2026-02-27' }), received),
      'assessed-before-received',
    );
  });

  it('does not refuse a late assessment: lateness is warned about elsewhere', () => {
    assert.equal(
      checkReferralAssessment(
        input({ assessedOn: '2026-06-01', treatmentStartDeadline: '2026-07-01' }),
        received,
      ),
      null,
    );
  });
});
