import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CheckinInput, checkinProblems } from './checkin.ts';
import {
  CHECKIN_QUESTIONNAIRE_ID,
  checkinItems,
  checkinQuestionnaire,
  PLAN_ENTRY_SYSTEM,
} from './checkin-questionnaire.ts';

const NOW = new Date('2026-11-20T18:00:00Z');
const SIGNS = [{ id: '0b8a2c55-1111-4a4a-8a8a-000000000001', text: 'Jeg trekker meg unna' }];

const valid: CheckinInput = {
  id: '6f1c2e3a-2222-4b4b-9b9b-000000000002',
  madeAt: '2026-11-20T17:59:00Z',
  mood: 4,
  craving: 3,
  sleep: 2,
  use: 'none',
  riskySituation: false,
  warningSigns: [SIGNS[0]!.id],
};

const fields = (c: CheckinInput) => checkinProblems(c, { signs: SIGNS, now: NOW }).map((p) => p.field);

describe('checkinProblems', () => {
  it('accepts a check-in made now with a sign from the plan', () => {
    assert.deepEqual(fields(valid), []);
  });

  it('accepts a check-in queued offline a few days ago, and a phone clock a little ahead', () => {
    assert.deepEqual(fields({ ...valid, madeAt: '2026-11-15T08:00:00Z' }), []);
    assert.deepEqual(fields({ ...valid, madeAt: '2026-11-20T18:04:00Z' }), []);
  });

  it('refuses the future, too old, not a time, and an id that is not a UUID', () => {
    assert.deepEqual(fields({ ...valid, madeAt: '2026-11-20T19:00:00Z' }), ['madeAt']);
    assert.deepEqual(fields({ ...valid, madeAt: '2026-11-12T08:00:00Z' }), ['madeAt']);
    assert.deepEqual(fields({ ...valid, madeAt: 'i går' }), ['madeAt']);
    assert.deepEqual(fields({ ...valid, id: 'x' }), ['id']);
  });

  it('refuses craving outside 0–10, a sign that is not in the plans or ticked twice', () => {
    assert.deepEqual(fields({ ...valid, craving: 11 }), ['craving']);
    assert.deepEqual(fields({ ...valid, craving: 2.5 }), ['craving']);
    assert.deepEqual(fields({ ...valid, warningSigns: ['someone-elses'] }), ['warningSigns']);
    assert.deepEqual(fields({ ...valid, warningSigns: [SIGNS[0]!.id, SIGNS[0]!.id] }), ['warningSigns']);
  });

  it('refuses a substance on a day without use', () => {
    assert.deepEqual(fields({ ...valid, substance: 'alkohol' }), ['substance']);
    assert.deepEqual(fields({ ...valid, use: 'lapse', substance: 'alkohol', amount: 'litt' }), []);
  });
});

describe('the check-in as FHIR', () => {
  it('is the Questionnaire bedring-checkin with every answer item', () => {
    const q = checkinQuestionnaire();
    assert.equal(q.id, CHECKIN_QUESTIONNAIRE_ID);
    assert.deepEqual(
      q.item?.map((i) => i.linkId),
      ['mood', 'craving', 'sleep', 'use', 'substance', 'amount', 'risky-situation', 'warning-sign', 'note'],
    );
  });

  it('answers in the Questionnaire order, the ticked signs as plan-entry codings with their words', () => {
    const items = checkinItems({ ...valid, use: 'lapse', substance: 'alkohol', note: 'Tung dag' }, SIGNS);
    assert.deepEqual(
      items.map((i) => i.linkId),
      ['mood', 'craving', 'sleep', 'use', 'substance', 'risky-situation', 'warning-sign', 'note'],
    );
    assert.equal(items.find((i) => i.linkId === 'use')!.answer![0]!.valueCoding!.code, 'lapse');
    assert.deepEqual(items.find((i) => i.linkId === 'warning-sign')!.answer, [
      { valueCoding: { system: PLAN_ENTRY_SYSTEM, code: SIGNS[0]!.id, display: SIGNS[0]!.text } },
    ]);
  });
});
