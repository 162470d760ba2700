import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  contractEndRefusal,
  inForceOn,
  placeStay,
  type SelfAdmissionTerms,
  selfAdmissionWarnings,
  staysInYear,
} from './self-admission.rules.ts';
import { deadlinesFor, type TimeLimit } from './time-limits.rules.ts';

const terms: SelfAdmissionTerms = {
  unitId: 'unit-a',
  daysPerStay: 5,
  staysPerYear: 3,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  endedOn: null,
};

describe('selfAdmissionWarnings', () => {
  it('has nothing to say about a stay within the contract', () => {
    assert.deepEqual(
      selfAdmissionWarnings(terms, ['2026-02-01'], { admittedOn: '2026-06-01', plannedDays: 5 }),
      [],
    );
  });

  it('warns when the contract is not in force on the day, ended, or not yet begun', () => {
    assert.deepEqual(selfAdmissionWarnings(terms, [], { admittedOn: '2027-01-01', plannedDays: 3 }), [
      'not-in-force',
    ]);
    assert.deepEqual(selfAdmissionWarnings(terms, [], { admittedOn: '2025-12-31', plannedDays: 3 }), [
      'not-in-force',
    ]);
    assert.deepEqual(
      selfAdmissionWarnings({ ...terms, endedOn: '2026-05-01' }, [], {
        admittedOn: '2026-06-01',
        plannedDays: 3,
      }),
      ['not-in-force'],
    );
  });

  it('counts the stays begun in the year before the day, and warns when they are used up', () => {
    const three = ['2026-02-01', '2026-03-01', '2026-04-01'];
    assert.deepEqual(selfAdmissionWarnings(terms, three, { admittedOn: '2026-06-01', plannedDays: 2 }), [
      'stays-used-up',
    ]);
    // A stay more than a year back no longer counts.
    const old = ['2025-05-01', '2026-03-01', '2026-04-01'];
    assert.deepEqual(
      selfAdmissionWarnings({ ...terms, validFrom: '2025-01-01' }, old, {
        admittedOn: '2026-06-01',
        plannedDays: 2,
      }),
      [],
    );
  });

  it('warns when the stay is planned longer than the contract allows', () => {
    assert.deepEqual(selfAdmissionWarnings(terms, [], { admittedOn: '2026-06-01', plannedDays: 6 }), [
      'longer-than-agreed',
    ]);
  });
});

describe('inForceOn and staysInYear', () => {
  it('is in force from its first to its last day, and not from the day it was ended', () => {
    assert.equal(inForceOn(terms, '2026-01-01'), true);
    assert.equal(inForceOn(terms, '2026-12-31'), true);
    assert.equal(inForceOn(terms, '2025-12-31'), false);
    assert.equal(inForceOn(terms, '2027-01-01'), false);
    assert.equal(inForceOn({ ...terms, endedOn: '2026-05-01' }, '2026-04-30'), true);
    assert.equal(inForceOn({ ...terms, endedOn: '2026-05-01' }, '2026-05-01'), false);
    assert.equal(inForceOn({ ...terms, validTo: null }, '2030-01-01'), true);
  });

  it('counts the stays of the 365 days up to the day, the day included', () => {
    assert.equal(staysInYear(['2025-06-01', '2025-06-02', '2026-05-31', '2026-06-01'], '2026-06-01'), 3);
    assert.equal(staysInYear(['2026-06-02'], '2026-06-01'), 0);
    assert.equal(staysInYear([], '2026-06-01'), 0);
  });
});

describe('contractEndRefusal', () => {
  it('ends a contract on its first day or later, also after its last day', () => {
    assert.equal(contractEndRefusal(terms, '2026-01-01'), null);
    assert.equal(contractEndRefusal(terms, '2027-02-01'), null);
  });

  it('refuses a day before the contract began, and a contract already ended', () => {
    assert.equal(contractEndRefusal(terms, '2025-12-31'), 'before-valid-from');
    assert.equal(contractEndRefusal({ ...terms, endedOn: '2026-03-01' }, '2026-04-01'), 'already-ended');
  });
});

describe('placeStay', () => {
  it('is a new round in the episode under way at the contract unit', () => {
    assert.deepEqual(placeStay({ id: 'e1', unitId: 'unit-a', state: 'in-treatment' }, 'unit-a'), {
      kind: 'new-round',
      episodeId: 'e1',
    });
  });

  it('is a short episode linked to the latest one otherwise', () => {
    assert.deepEqual(placeStay({ id: 'e1', unitId: 'unit-a', state: 'follow-up' }, 'unit-a'), {
      kind: 'linked-episode',
      previousEpisodeId: 'e1',
    });
    assert.deepEqual(placeStay({ id: 'e1', unitId: 'unit-b', state: 'in-treatment' }, 'unit-a'), {
      kind: 'linked-episode',
      previousEpisodeId: 'e1',
    });
    assert.deepEqual(placeStay(null, 'unit-a'), { kind: 'linked-episode', previousEpisodeId: null });
  });

  it('a linked episode opened as a re-admission starts no rights deadline', () => {
    const limits: TimeLimit[] = [
      {
        key: 'referral-assessment',
        settingClass: 'any',
        days: 10,
        unit: 'working-days',
        effectiveFrom: '2019-01-01',
      },
      {
        key: 'clinical-decision',
        settingClass: 'inpatient',
        days: 7,
        unit: 'days',
        effectiveFrom: '2019-01-01',
      },
    ];
    const deadlines = deadlinesFor(
      {
        referralReceivedOn: null,
        treatmentStartDeadline: null,
        plannedSetting: 'inpatient',
        events: [
          { kind: 'readmitted', date: '2026-06-01' },
          { kind: 'first-attendance', date: '2026-06-01', setting: 'inpatient' },
        ],
      },
      limits,
    );
    const kinds = deadlines.map((d) => d.kind);
    assert.ok(!kinds.includes('referral-assessment'));
    assert.ok(!kinds.includes('treatment-start'));
  });
});
