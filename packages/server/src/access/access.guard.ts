import { type AccessDecision, decideAccess, type PersonRef } from '@bedring/domain';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { RequestActor } from '../auth/actor.ts';
import { compileOnce } from '../db/compile-once.ts';
import type { Tx } from '../db/transaction.ts';
import { forbidden, notFound } from '../http/errors.ts';

export interface PersonAccess {
  person: PersonRef;
  decision: Extract<AccessDecision, { allowed: true }>;
}

/** Everything the access rule needs about one person, in one statement (compiled once: it runs on every request). */
const accessQuery = compileOnce(
  (trx: Tx, accountId: string, organisationId: string, now: Date, personId: string) =>
    trx
      .selectFrom('person as p')
      .select((eb) => [
        'p.tenant_id',
        'p.id',
        jsonArrayFrom(
          eb
            .selectFrom('care_relation as r')
            .select(['r.kind', 'r.organisation_id', 'r.from_at', 'r.to_at'])
            .whereRef('r.tenant_id', '=', 'p.tenant_id')
            .whereRef('r.person_id', '=', 'p.id')
            .where('r.account_id', '=', accountId),
        ).as('relations'),
        jsonArrayFrom(
          eb
            .selectFrom('consent as c')
            .select(['c.purpose', 'c.expires_at', 'c.revoked_at'])
            .whereRef('c.tenant_id', '=', 'p.tenant_id')
            .whereRef('c.person_id', '=', 'p.id')
            .where('c.grantee_organisation_id', '=', organisationId),
        ).as('consents'),
        jsonArrayFrom(
          eb
            .selectFrom('break_glass as b')
            .select(['b.reason', 'b.expires_at'])
            .whereRef('b.tenant_id', '=', 'p.tenant_id')
            .whereRef('b.person_id', '=', 'p.id')
            .where('b.account_id', '=', accountId)
            .where('b.expires_at', '>', now),
        ).as('breakGlass'),
      ])
      .where('p.id', '=', personId),
);

/**
 * The one gate to a person's record: loads what the domain rule needs — in one query, since it runs
 * on every request — and asks it. A person the actor's organisation cannot see at all (row-level
 * security) is 404; a person it can see but the actor has no need to know about is 403.
 */
export async function requirePersonAccess(
  trx: Tx,
  actor: RequestActor,
  personId: string,
  now: Date,
): Promise<PersonAccess> {
  const row = (await trx.executeQuery(accessQuery(trx, actor.accountId, actor.organisationId, now, personId)))
    .rows[0];
  if (!row) throw notFound();
  const person: PersonRef = { id: row.id, organisationId: row.tenant_id };
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  const decision = decideAccess({
    actor,
    person,
    now,
    relations: row.relations.map((r) => ({
      kind: r.kind,
      accountId: actor.accountId,
      organisationId: r.organisation_id,
      personId: person.id,
      from: new Date(r.from_at),
      to: date(r.to_at),
    })),
    consents: row.consents.map((c) => ({
      personId: person.id,
      granteeOrganisationId: actor.organisationId,
      purpose: c.purpose,
      expiresAt: date(c.expires_at),
      revokedAt: date(c.revoked_at),
    })),
    breakGlass: row.breakGlass.map((b) => ({
      accountId: actor.accountId,
      personId: person.id,
      reason: b.reason,
      expiresAt: new Date(b.expires_at),
    })),
  });
  if (!decision.allowed)
    throw forbidden('no_need_to_know', 'Du har ikke tjenstlig behov for denne journalen.');
  return { person, decision };
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
