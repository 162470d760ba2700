import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type DischargeChecklist,
  type DischargeFacts,
  DischargeItems,
  dischargeHints,
  readiness,
} from './discharge.rules.ts';

const all = (answer: 'yes' | 'no' | 'not-relevant'): DischargeChecklist =>
  Object.fromEntries(DischargeItems.map((item) => [item, { answer, note: '' }]));

describe('discharge readiness', () => {
  it('has the ten items of the closing checklist, housing first', () => {
    assert.equal(DischargeItems.length, 10);
    assert.equal(DischargeItems[0], 'own-housing');
    assert.ok(DischargeItems.includes('named-municipal-professional'));
    // Children and relatives asked about, and the risk assessments done before they are shared.
    assert.ok(DischargeItems.includes('children-and-relatives-asked'));
    assert.ok(
      DischargeItems.indexOf('risk-assessments-done') < DischargeItems.indexOf('risk-assessments-shared'),
    );
  });

  it('is not ready when nothing is answered: every item is a gap', () => {
    assert.deepEqual(readiness({}), { ready: false, gaps: [...DischargeItems], answered: 0, total: 10 });
  });

  it('is ready when every item is answered yes', () => {
    assert.deepEqual(readiness(all('yes')), { ready: true, gaps: [], answered: 10, total: 10 });
  });

  it('does not count not-relevant as a gap', () => {
    assert.deepEqual(readiness(all('not-relevant')), { ready: true, gaps: [], answered: 10, total: 10 });
    const mixed: DischargeChecklist = {
      ...all('yes'),
      'risk-assessments-shared': { answer: 'not-relevant', note: 'no risk assessment made' },
      'crisis-plan-need-assessed': { answer: 'not-relevant', note: '' },
    };
    assert.deepEqual(readiness(mixed), { ready: true, gaps: [], answered: 10, total: 10 });
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
      answered: 10,
      total: 10,
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
        'children-and-relatives-asked',
        'risk-assessments-done',
      ],
      answered: 3,
      total: 10,
    });
  });
});

describe('discharge hints from the record', () => {
  const facts = (over: Partial<DischargeFacts> = {}): DischargeFacts => ({
    children: 1,
    relatives: 1,
    minorChildrenWithGaps: 0,
    risk: { suicide: { shareAtHandover: true }, violence: { shareAtHandover: true } },
    ...over,
  });

  it('has nothing to say when children, relatives and both shared assessments are recorded', () => {
    assert.deepEqual(dischargeHints(facts()), []);
  });

  it('points to each item the record leaves open', () => {
    assert.deepEqual(
      dischargeHints(facts({ children: 0, relatives: 0, risk: { suicide: null, violence: null } })),
      [
        { item: 'children-and-relatives-asked', code: 'nothing-recorded' },
        { item: 'risk-assessments-done', code: 'suicide-not-assessed' },
        { item: 'risk-assessments-done', code: 'violence-not-assessed' },
      ],
    );
  });

  it('names a minor child whose follow-up is not in place, and an assessment not going with the handover', () => {
    const hints = dischargeHints(
      facts({
        minorChildrenWithGaps: 1,
        risk: { suicide: { shareAtHandover: false }, violence: null },
      }),
    );
    assert.deepEqual(hints, [
      { item: 'children-and-relatives-asked', code: 'minor-child-follow-up' },
      { item: 'risk-assessments-done', code: 'violence-not-assessed' },
      { item: 'risk-assessments-shared', code: 'not-shared' },
    ]);
  });

  it('never changes readiness: the answers decide it', () => {
    const all = Object.fromEntries(DischargeItems.map((i) => [i, { answer: 'yes', note: '' }]));
    assert.equal(readiness(all as DischargeChecklist).ready, true);
  });
});
