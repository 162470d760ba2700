import { createHash } from 'node:crypto';

/**
 * The audit trail is a hash chain (docs/architecture.md; docs/decisions/0002-tooling.md): each sealed event's
 * hash covers its own content and the previous event's hash, so changing or removing any sealed event breaks
 * every link after it.
 */
export interface AuditFacts {
  id: string;
  tenantId: string;
  at: Date;
  actorAccountId: string | null;
  actorOrganisationId: string | null;
  actorRole: string;
  action: string;
  personId: string | null;
  resourceType: string;
  resourceId: string | null;
  purpose: string | null;
  breakGlassReason: string | null;
}

export interface SealedAuditEvent extends AuditFacts {
  chainPosition: number;
  previousHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** A fixed field order and explicit nulls, so the same facts always give the same bytes. */
export function canonicalAudit(e: AuditFacts, chainPosition: number, previousHash: string): string {
  return JSON.stringify([
    chainPosition,
    previousHash,
    e.id,
    e.tenantId,
    e.at.toISOString(),
    e.actorAccountId,
    e.actorOrganisationId,
    e.actorRole,
    e.action,
    e.personId,
    e.resourceType,
    e.resourceId,
    e.purpose,
    e.breakGlassReason,
  ]);
}

export function auditHash(e: AuditFacts, chainPosition: number, previousHash: string): string {
  return createHash('sha256')
    .update(canonicalAudit(e, chainPosition, previousHash))
    .digest('hex');
}

export type ChainCheck =
  | { ok: true; checked: number }
  | {
      ok: false;
      checked: number;
      brokenAt: number;
      eventId: string;
      problem: 'hash-mismatch' | 'gap' | 'wrong-link';
    };

export interface ChainHead {
  position: number;
  hash: string;
}

/**
 * Walks one tenant's chain in order and reports the first broken link. A long chain is checked in
 * pages: pass the head of the previous page as `from`.
 */
export function verifyChain(
  events: Iterable<SealedAuditEvent>,
  from: ChainHead = { position: 0, hash: GENESIS_HASH },
): ChainCheck {
  let previous = from.hash;
  let expectedPosition = from.position + 1;
  let checked = 0;
  for (const e of events) {
    if (e.chainPosition !== expectedPosition) {
      return { ok: false, checked, brokenAt: expectedPosition, eventId: e.id, problem: 'gap' };
    }
    if (e.previousHash !== previous) {
      return { ok: false, checked, brokenAt: e.chainPosition, eventId: e.id, problem: 'wrong-link' };
    }
    if (auditHash(e, e.chainPosition, previous) !== e.hash) {
      return { ok: false, checked, brokenAt: e.chainPosition, eventId: e.id, problem: 'hash-mismatch' };
    }
    previous = e.hash;
    expectedPosition += 1;
    checked += 1;
  }
  return { ok: true, checked };
}
