import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor, PersonRef } from '../access/access.rules.ts';
import { PlanParts } from './plan.ts';
import {
  decidePlanAction,
  type PlanAction,
  type PlanConsent,
  visiblePlanParts,
} from './plan-access.rules.ts';

const TSB = 'tsb';
const KOMMUNE = 'kommune';
const person: PersonRef = { id: 'per', organisationId: TSB };
const now = new Date('2026-11-22T10:00:00Z');

const actor = (role: Actor['role'], accountId: string = role, organisationId = TSB): Actor => ({
  accountId,
  role,
  organisationId,
  personId: role === 'patient' ? 'per' : null,
});
const per = actor('patient', 'per-account');
const clinician = actor('clinician', 'bjorn');
const colleague = actor('clinician', 'kari');
const peer = actor('peer', 'lise');
const municipal = actor('municipal', 'kim', KOMMUNE);

const consent = (planParts: PlanConsent['planParts'], more: Partial<PlanConsent> = {}): PlanConsent => ({
  personId: 'per',
  granteeOrganisationId: KOMMUNE,
  planParts,
  expiresAt: null,
  revokedAt: null,
  ...more,
});

function decide(a: Actor, action: PlanAction, consents: PlanConsent[] = []) {
  return decidePlanAction({
    actor: a,
    person,
    visibleParts: visiblePlanParts(a, person, consents, now),
    action,
  });
}

describe('visiblePlanParts', () => {
  it('is every part in the organisation holding the record', () => {
    assert.deepEqual(visiblePlanParts(clinician, person, [], now), [...PlanParts]);
    assert.deepEqual(visiblePlanParts(per, person, [], now), [...PlanParts]);
  });

  it('is nothing across organisations without a consent naming a part', () => {
    assert.deepEqual(visiblePlanParts(municipal, person, [], now), []);
    assert.deepEqual(visiblePlanParts(municipal, person, [consent([])], now), []);
  });

  it('is only the parts an active consent for this organisation names', () => {
    assert.deepEqual(visiblePlanParts(municipal, person, [consent(['crisis'])], now), ['crisis']);
    assert.deepEqual(
      visiblePlanParts(municipal, person, [consent(['network']), consent(['crisis', 'treatment'])], now),
      ['treatment', 'crisis', 'network'],
    );
    const expired = consent(['crisis'], { expiresAt: new Date('2026-11-01T00:00:00Z') });
    const revoked = consent(['crisis'], { revokedAt: new Date('2026-11-21T00:00:00Z') });
    const otherOrganisation = consent(['crisis'], { granteeOrganisationId: 'fastlege' });
    const otherPerson = consent(['crisis'], { personId: 'someone-else' });
    assert.deepEqual(
      visiblePlanParts(municipal, person, [expired, revoked, otherOrganisation, otherPerson], now),
      [],
    );
  });
});

describe('decidePlanAction: the person edits their own parts, staff theirs', () => {
  it('lets the person write goals and shared sections, but not measures', () => {
    assert.deepEqual(decide(per, { kind: 'add-entry', plan: 'treatment', section: 'goal' }), {
      allowed: true,
      warnings: [],
    });
    assert.equal(decide(per, { kind: 'add-entry', plan: 'crisis', section: 'warning-sign' }).allowed, true);
    assert.deepEqual(decide(per, { kind: 'add-entry', plan: 'treatment', section: 'measure' }), {
      allowed: false,
      reason: 'staff-part',
    });
  });

  it("lets staff write measures, and a goal only with a warning that it is the person's part", () => {
    assert.deepEqual(decide(clinician, { kind: 'add-entry', plan: 'treatment', section: 'measure' }), {
      allowed: true,
      warnings: [],
    });
    assert.deepEqual(decide(clinician, { kind: 'add-entry', plan: 'treatment', section: 'goal' }), {
      allowed: true,
      warnings: ['written-for-the-person'],
    });
  });

  it("lets nobody edit another author's entry: they comment instead", () => {
    const perEntry = { kind: 'edit-entry', plan: 'treatment', authorAccountId: 'per-account' } as const;
    const bjornEntry = { kind: 'edit-entry', plan: 'treatment', authorAccountId: 'bjorn' } as const;
    assert.equal(decide(per, perEntry).allowed, true);
    assert.deepEqual(decide(per, bjornEntry), { allowed: false, reason: 'another-authors-entry' });
    assert.equal(decide(clinician, bjornEntry).allowed, true);
    assert.deepEqual(decide(colleague, bjornEntry), { allowed: false, reason: 'another-authors-entry' });
    assert.deepEqual(decide(clinician, perEntry), { allowed: false, reason: 'another-authors-entry' });
    for (const who of [per, clinician, colleague, peer]) {
      assert.equal(decide(who, { kind: 'comment', plan: 'treatment' }).allowed, true);
    }
  });

  it('lets only the person co-sign', () => {
    assert.equal(decide(per, { kind: 'sign', plan: 'treatment' }).allowed, true);
    assert.deepEqual(decide(clinician, { kind: 'sign', plan: 'treatment' }), {
      allowed: false,
      reason: 'only-the-person-signs',
    });
  });
});

describe('decidePlanAction: peers', () => {
  it('read and comment, never write plan entries or staff parts', () => {
    assert.equal(decide(peer, { kind: 'read', part: 'crisis' }).allowed, true);
    assert.equal(decide(peer, { kind: 'comment', plan: 'crisis' }).allowed, true);
    for (const section of ['goal', 'measure'] as const) {
      assert.deepEqual(decide(peer, { kind: 'add-entry', plan: 'treatment', section }), {
        allowed: false,
        reason: 'peer-reads-and-comments',
      });
    }
    assert.deepEqual(decide(peer, { kind: 'edit-entry', plan: 'treatment', authorAccountId: 'bjorn' }), {
      allowed: false,
      reason: 'another-authors-entry',
    });
    assert.equal(decide(peer, { kind: 'set-review-date', plan: 'crisis' }).allowed, false);
    assert.equal(decide(peer, { kind: 'record-lapse' }).allowed, false);
    assert.equal(decide(peer, { kind: 'share' }).allowed, false);
  });

  it('help build the network, and edit only the members they added', () => {
    assert.equal(decide(peer, { kind: 'add-network-member' }).allowed, true);
    assert.equal(decide(peer, { kind: 'edit-network-member', authorAccountId: 'lise' }).allowed, true);
    assert.equal(
      decide(peer, { kind: 'edit-network-member', authorAccountId: 'per-account' }).allowed,
      false,
    );
    // The map is the person's: they edit every member, whoever added it.
    assert.equal(decide(per, { kind: 'edit-network-member', authorAccountId: 'lise' }).allowed, true);
  });
});

describe('decidePlanAction: across organisations, consent decides', () => {
  it('shows a municipal worker nothing of a plan without a consent naming it', () => {
    for (const part of PlanParts) {
      assert.deepEqual(decide(municipal, { kind: 'read', part }), { allowed: false, reason: 'not-shared' });
    }
    assert.deepEqual(decide(municipal, { kind: 'record-lapse' }), { allowed: false, reason: 'not-shared' });
    assert.deepEqual(decide(municipal, { kind: 'add-network-member' }), {
      allowed: false,
      reason: 'not-shared',
    });
  });

  it('opens only the shared kinds, and lets the worker write measures there', () => {
    const shared = [consent(['crisis', 'treatment'])];
    assert.equal(decide(municipal, { kind: 'read', part: 'crisis' }, shared).allowed, true);
    assert.equal(decide(municipal, { kind: 'read', part: 'treatment' }, shared).allowed, true);
    assert.equal(decide(municipal, { kind: 'read', part: 'relapse-prevention' }, shared).allowed, false);
    assert.equal(decide(municipal, { kind: 'read', part: 'network' }, shared).allowed, false);
    assert.equal(
      decide(municipal, { kind: 'add-entry', plan: 'treatment', section: 'measure' }, shared).allowed,
      true,
    );
    assert.deepEqual(
      decide(municipal, { kind: 'add-entry', plan: 'relapse-prevention', section: 'practical-step' }, shared),
      {
        allowed: false,
        reason: 'not-shared',
      },
    );
  });

  it('leaves what is shared to the holding organisation and the person', () => {
    assert.deepEqual(decide(municipal, { kind: 'share' }, [consent(['crisis'])]), {
      allowed: false,
      reason: 'holder-only',
    });
    assert.equal(decide(per, { kind: 'share' }).allowed, true);
    assert.equal(decide(clinician, { kind: 'share' }).allowed, true);
  });
});

describe('decidePlanAction: promises and roles without a record', () => {
  it('lets staff promise, not the person', () => {
    assert.equal(decide(clinician, { kind: 'make-promise' }).allowed, true);
    assert.equal(decide(municipal, { kind: 'make-promise' }).allowed, true);
    assert.deepEqual(decide(per, { kind: 'make-promise' }), { allowed: false, reason: 'only-staff-promise' });
  });

  it('gives an administrator, or another patient, nothing', () => {
    assert.deepEqual(decide(actor('admin'), { kind: 'read', part: 'crisis' }), {
      allowed: false,
      reason: 'no-record-access',
    });
    const otherPatient: Actor = { ...per, personId: 'someone-else' };
    assert.deepEqual(decide(otherPatient, { kind: 'read', part: 'crisis' }), {
      allowed: false,
      reason: 'no-record-access',
    });
  });
});
