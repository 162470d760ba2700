import { type AccessDecision, decideAccess, type PersonRef } from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';
import { forbidden, notFound } from '../http/errors.ts';

export interface PersonAccess {
  person: PersonRef;
  decision: Extract<AccessDecision, { allowed: true }>;
}

/**
 * The one gate to a person's record: loads what the domain rule needs and asks it.
 * A person the actor's organisation cannot see at all (row-level security) is 404; a person it can
 * see but the actor has no need to know about is 403.
 */
export async function requirePersonAccess(
  trx: Tx,
  actor: RequestActor,
  personId: string,
  now: Date,
): Promise<PersonAccess> {
  const row = await trx
    .selectFrom('person')
    .select(['tenant_id', 'id'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!row) throw notFound();
  const person: PersonRef = { id: row.id, organisationId: row.tenant_id };
  const decision = await decide(trx, actor, person, now);
  if (!decision.allowed)
    throw forbidden('no_need_to_know', 'Du har ikke tjenstlig behov for denne journalen.');
  return { person, decision };
}

export async function decide(
  trx: Tx,
  actor: RequestActor,
  person: PersonRef,
  now: Date,
): Promise<AccessDecision> {
  if (actor.role === 'patient' || actor.role === 'admin') {
    return decideAccess({ actor, person, relations: [], consents: [], breakGlass: [], now });
  }
  const [relations, consents, breakGlass] = await Promise.all([
    trx
      .selectFrom('care_relation')
      .select(['kind', 'account_id', 'organisation_id', 'person_id', 'from_at', 'to_at'])
      .where('tenant_id', '=', person.organisationId)
      .where('person_id', '=', person.id)
      .where('account_id', '=', actor.accountId)
      .execute(),
    trx
      .selectFrom('consent')
      .select(['person_id', 'grantee_organisation_id', 'purpose', 'expires_at', 'revoked_at'])
      .where('tenant_id', '=', person.organisationId)
      .where('person_id', '=', person.id)
      .where('grantee_organisation_id', '=', actor.organisationId)
      .execute(),
    actor.organisationId === person.organisationId
      ? trx
          .selectFrom('break_glass')
          .select(['account_id', 'person_id', 'reason', 'expires_at'])
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .where('account_id', '=', actor.accountId)
          .where('expires_at', '>', now)
          .execute()
      : Promise.resolve([]),
  ]);
  return decideAccess({
    actor,
    person,
    now,
    relations: relations.map((r) => ({
      kind: r.kind,
      accountId: r.account_id,
      organisationId: r.organisation_id,
      personId: r.person_id,
      from: r.from_at,
      to: r.to_at,
    })),
    consents: consents.map((c) => ({
      personId: c.person_id,
      granteeOrganisationId: c.grantee_organisation_id,
      purpose: c.purpose,
      expiresAt: c.expires_at,
      revokedAt: c.revoked_at,
    })),
    breakGlass: breakGlass.map((b) => ({
      accountId: b.account_id,
      personId: b.person_id,
      reason: b.reason,
      expiresAt: b.expires_at,
    })),
  });
}

/** Who may read a person's access log: the person themself, or a leader of the holding organisation. */
export async function personForAccessLog(
  trx: Tx,
  actor: RequestActor,
  personId: string,
  now: Date,
): Promise<PersonRef> {
  if (actor.role === 'patient') return (await requirePersonAccess(trx, actor, personId, now)).person;
  if (actor.role !== 'leader') throw forbidden();
  const row = await trx
    .selectFrom('person')
    .select(['tenant_id', 'id'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!row || row.tenant_id !== actor.organisationId) throw notFound();
  return { id: row.id, organisationId: row.tenant_id };
}
