import type { AccessDecision, PersonRef } from '@bedring/domain';
import { type AuditAction, recordAudit } from '../audit/audit.repository.ts';
import type { RequestActor } from '../auth/actor.ts';
import { heldFor } from '../db/held-transaction.ts';
import { inBegun, inTenant, type Tx } from '../db/transaction.ts';
import type { App } from '../http/app.type.ts';
import { type AlsoRead, requirePersonAccess } from './access.guard.ts';

/**
 * How a route does its work: one transaction as the acting user (tenant and account set for
 * row-level security), with the clock read once. The request's first such work takes over the
 * transaction the auth hook began with the session lookup (held-transaction.ts).
 */
export async function asActor<T>(
  app: App,
  actor: RequestActor,
  work: (trx: Tx, now: Date) => Promise<T>,
): Promise<T> {
  const now = app.clock();
  const held = heldFor.get(actor);
  const begun = held?.take();
  if (!held || !begun)
    return inTenant(app.db.app, { tenantId: actor.organisationId, accountId: actor.accountId }, (trx) =>
      work(trx, now),
    );
  try {
    return await inBegun(begun, (trx) => work(trx, now));
  } finally {
    held.release();
  }
}

export interface PersonWork {
  trx: Tx;
  now: Date;
  person: PersonRef;
  decision: Extract<AccessDecision, { allowed: true }>;
  /** Writes the audit event for this work on the person's record, in the same transaction. */
  audit(action: AuditAction, resourceType: string, resourceId?: string | null): Promise<void>;
}

/**
 * Need to know for one person inside a transaction already open, and an audit writer that records the
 * access basis. For routes that must first find whose record a row is in (a read by id), or that read
 * more of the person with the access check (`also`, see readWithAccess).
 */
export async function personWork<M = undefined>(
  trx: Tx,
  now: Date,
  actor: RequestActor,
  personId: string,
  also?: AlsoRead<M>,
): Promise<PersonWork & { also: M }> {
  const access = await requirePersonAccess(trx, actor, personId, now, also);
  const { person, decision } = access;
  const audit = (action: AuditAction, resourceType: string, resourceId: string | null = null) =>
    recordAudit(
      trx,
      actor,
      {
        action,
        tenantId: person.organisationId,
        personId: person.id,
        resourceType,
        resourceId,
        breakGlassReason: decision.breakGlassReason ?? null,
      },
      now,
    );
  return { trx, now, person, decision, audit, also: access.also };
}

/** Work on one person's record: need to know first, then the work, audited with the access basis. */
export function withPerson<T>(
  app: App,
  actor: RequestActor,
  personId: string,
  work: (w: PersonWork) => Promise<T>,
): Promise<T> {
  return asActor(app, actor, async (trx, now) => work(await personWork(trx, now, actor, personId)));
}
