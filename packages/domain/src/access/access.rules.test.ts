import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AccessQuestion, decideAccess, mayBreakGlass } from './access.rules.ts';

const NOW = new Date('2026-11-22T10:00:00Z');
const DAY = 86_400_000;
const TSB = 'org-tsb';
const KOMMUNE = 'org-kommune';
const person = { id: 'p1', organisationId: TSB };

function ask(over: Partial<AccessQuestion>): ReturnType<typeof decideAccess> {
  return decideAccess({
    actor: { accountId: 'a1', role: 'clinician', organisationId: TSB },
    person,
    relations: [],
    consents: [],
    breakGlass: [],
    now: NOW,
    use: 'read',
    ...over,
  });
}

const relation = (over: object = {}) => ({
  kind: 'care-team' as const,
  accountId: 'a1',
  organisationId: TSB,
  personId: 'p1',
  from: new Date(NOW.getTime() - 10 * DAY),
  to: null,
  ...over,
});

describe('need to know', () => {
  it('lets a patient reach their own record and no other', () => {
    const patient = { accountId: 'a9', role: 'patient' as const, organisationId: TSB, personId: 'p1' };
    assert.deepEqual(ask({ actor: patient }), { allowed: true, basis: 'own-record', viaConsent: false });
    assert.equal(ask({ actor: { ...patient, personId: 'p2' } }).allowed, false);
  });

  it('gives administrators no clinical access', () => {
    const d = ask({
      actor: { accountId: 'a1', role: 'admin', organisationId: TSB },
      relations: [relation()],
    });
    assert.deepEqual(d, { allowed: false, reason: 'role-has-no-record-access' });
  });

  it('allows staff with an active care relation in their organisation', () => {
    assert.equal(ask({ relations: [relation()] }).allowed, true);
  });

  it('refuses staff without a relation, with an ended one, or one not yet started', () => {
    assert.deepEqual(ask({}), { allowed: false, reason: 'no-care-relation' });
    assert.equal(ask({ relations: [relation({ to: new Date(NOW.getTime() - DAY) })] }).allowed, false);
    assert.equal(ask({ relations: [relation({ from: new Date(NOW.getTime() + DAY) })] }).allowed, false);
    assert.equal(ask({ relations: [relation({ accountId: 'someone-else' })] }).allowed, false);
  });

  it('needs a consent across organisations, even with a care relation', () => {
    const actor = { accountId: 'k1', role: 'municipal' as const, organisationId: KOMMUNE };
    const rel = relation({ accountId: 'k1', organisationId: KOMMUNE, kind: 'follow-up' });
    assert.deepEqual(ask({ actor, relations: [rel] }), {
      allowed: false,
      reason: 'no-consent-across-organisations',
    });
    const consent = {
      personId: 'p1',
      granteeOrganisationId: KOMMUNE,
      purpose: 'oppfølging',
      expiresAt: null,
      revokedAt: null,
    };
    assert.deepEqual(ask({ actor, relations: [rel], consents: [consent] }), {
      allowed: true,
      basis: 'care-relation',
      viaConsent: true,
    });
    const revoked = { ...consent, revokedAt: new Date(NOW.getTime() - 1000) };
    assert.equal(ask({ actor, relations: [rel], consents: [revoked] }).allowed, false);
    const expired = { ...consent, expiresAt: NOW };
    assert.equal(ask({ actor, relations: [rel], consents: [expired] }).allowed, false);
  });

  it('allows break-glass until it expires, and only in the same organisation', () => {
    const glass = {
      accountId: 'a1',
      personId: 'p1',
      reason: 'Akutt innleggelse, trenger medisinliste',
      expiresAt: new Date(NOW.getTime() + 1000),
    };
    assert.deepEqual(ask({ breakGlass: [glass] }), {
      allowed: true,
      basis: 'break-glass',
      viaConsent: false,
      breakGlassReason: glass.reason,
    });
    assert.equal(ask({ breakGlass: [{ ...glass, expiresAt: NOW }] }).allowed, false);
    const outsider = { accountId: 'a1', role: 'municipal' as const, organisationId: KOMMUNE };
    assert.equal(ask({ actor: outsider, breakGlass: [glass] }).allowed, false);
    assert.equal(mayBreakGlass(outsider, person), false);
    assert.equal(mayBreakGlass({ accountId: 'a1', role: 'peer', organisationId: TSB }, person), false);
    assert.equal(mayBreakGlass({ accountId: 'a1', role: 'clinician', organisationId: TSB }, person), true);
  });

  it('lets break-glass read and record emergency care, but change nothing else', () => {
    const expiresAt = new Date(NOW.getTime() + 1000);
    const glass = { accountId: 'a1', personId: 'p1', reason: 'Akutt innleggelse', expiresAt };
    assert.equal(ask({ breakGlass: [glass], use: 'emergency-record' }).allowed, true);
    assert.deepEqual(ask({ breakGlass: [glass], use: 'change' }), {
      allowed: false,
      reason: 'break-glass-does-not-allow-this',
    });
    // A care relation is not limited by it.
    assert.equal(ask({ relations: [relation()], breakGlass: [glass], use: 'change' }).allowed, true);
  });
});
