import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AuditFacts,
  auditHash,
  GENESIS_HASH,
  type SealedAuditEvent,
  verifyChain,
} from './audit-chain.ts';

function chain(n: number): SealedAuditEvent[] {
  const events: SealedAuditEvent[] = [];
  let previous = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const facts: AuditFacts = {
      id: `e${i}`,
      tenantId: 't',
      at: new Date(Date.UTC(2026, 10, 22, 10, 0, i)),
      actorAccountId: 'a',
      actorOrganisationId: 't',
      actorRole: 'clinician',
      action: 'read',
      personId: 'p',
      resourceType: 'PersonOverview',
      resourceId: 'p',
      purpose: null,
      breakGlassReason: null,
    };
    const hash = auditHash(facts, i, previous);
    events.push({ ...facts, chainPosition: i, previousHash: previous, hash });
    previous = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('accepts an intact chain, also checked in pages', () => {
    const events = chain(5);
    assert.deepEqual(verifyChain(events), { ok: true, checked: 5 });
    const head = { position: 3, hash: events[2]!.hash };
    assert.deepEqual(verifyChain(events.slice(3), head), { ok: true, checked: 2 });
  });

  it('reports the first changed event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, actorRole: 'leader' };
    assert.deepEqual(verifyChain(events), {
      ok: false,
      checked: 2,
      brokenAt: 3,
      eventId: 'e3',
      problem: 'hash-mismatch',
    });
  });

  it('reports a removed event as a gap', () => {
    const events = chain(5);
    events.splice(1, 1);
    const r = verifyChain(events);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.brokenAt, 2);
    assert.equal(!r.ok && r.problem, 'gap');
  });

  it('reports an event re-hashed after a change by its broken link to the next', () => {
    const events = chain(4);
    const changed = { ...events[1]!, action: 'create' };
    events[1] = { ...changed, hash: auditHash(changed, 2, changed.previousHash) };
    const r = verifyChain(events);
    assert.equal(!r.ok && r.brokenAt, 3);
    assert.equal(!r.ok && r.problem, 'wrong-link');
  });
});
