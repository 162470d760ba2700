import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DischargeChecklist, DischargeItems, readiness } from './discharge.rules.ts';

const all = (answer: 'yes' | 'no' | 'not-relevant'): DischargeChecklist =>
  Object.fromEntries(DischargeItems.map((item) => [item, { answer, note: '' }]));

describe('discharge readiness', () => {
  it('has the eight items of the closing checklist, housing first', () => {
    assert.equal(DischargeItems.length, 8);
    assert.equal(DischargeItems[0], 'own-housing');
    assert.ok(DischargeItems.includes('named-municipal-professional'));
  });

  it('is not ready when nothing is answered: every item is a gap', () => {
    assert.deepEqual(readiness({}), { ready: false, gaps: [...DischargeItems], answered: 0, total: 8 });
  });

  it('is ready when every item is answered yes', () => {
    assert.deepEqual(readiness(all('yes')), { ready: true, gaps: [], answered: 8, total: 8 });
  });

  it('does not count not-relevant as a gap', () => {
    assert.deepEqual(readiness(all('not-relevant')), { ready: true, gaps: [], answered: 8, total: 8 });
    const mixed: DischargeChecklist = {
      ...all('yes'),
      'risk-assessments-shared': { answer: 'not-relevant', note: 'no risk assessment made' },
      'crisis-plan-need-assessed': { answer: 'not-relevant', note: '' },
    };
    assert.deepEqual(readiness(mixed), { ready: true, gaps: [], answered: 8, total: 8 });
  });

  it('counts no as answered but a gap, and lists gaps in checklist order', () => {
    const checklist: DischargeChecklist = {
      ...all('yes'),
      'risk-assessments-shared': { answer: 'no', note: '' },
      'own-housing': { answer: 'no', note: 'temporary housing only' },
    };
    assert.deepEqual(readiness(checklist), {
      ready: false,
      gaps: ['own-housing', 'risk-assessments-shared'],
      answered: 8,
      total: 8,
    });
  });

  it('counts unanswered items as gaps, but not as answered', () => {
    const checklist: DischargeChecklist = {
      'person-and-relatives-know-where-to-turn': { answer: 'yes', note: '' },
      'named-municipal-professional': { answer: 'no', note: 'not yet named' },
      'risk-assessments-shared': { answer: 'not-relevant', note: '' },
    };
    assert.deepEqual(readiness(checklist), {
      ready: false,
      gaps: [
        'own-housing',
        'named-municipal-professional',
        'meaningful-activity-offered',
        'network-help-offered',
        'relapse-prevention-plan-reviewed',
        'crisis-plan-need-assessed',
      ],
      answered: 3,
      total: 8,
    });
  });
});
