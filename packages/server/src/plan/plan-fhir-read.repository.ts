import { consentIsActive, type PersonRef } from '@bedring/domain';
import type { Tx } from '../db/transaction.ts';
import type { ConsentRow, MemberRow } from './plan-fhir.mapping.ts';

/** The tables of the plans' FHIR resources, each addressed by its own id. */
export type PlanTable = 'care_plan' | 'plan_entry' | 'network_member' | 'consent';

/** Whose record a row is in — if row-level security lets the caller see it at all (else undefined). */
export async function planRowOwner(trx: Tx, table: PlanTable, id: string) {
  return trx
    .selectFrom(table as 'care_plan')
    .select(['tenant_id', 'person_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The network map as GET /api/persons/{id}/network shows it: members not taken out of it. */
export async function membersOf(trx: Tx, person: PersonRef): Promise<MemberRow[]> {
  return trx
    .selectFrom('network_member')
    .select([
      'id',
      'person_id',
      'name',
      'relation',
      'quality',
      'crisis_role',
      'phone',
      'contact_consent',
      'may_see',
      'removed_at',
    ])
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * The person's consents as GET /api/persons/{id}/consents shows them: row-level security shows the
 * holding organisation every consent, a grantee only its own.
 */
export async function consentsOf(trx: Tx, person: PersonRef, now: Date): Promise<ConsentRow[]> {
  const rows = await trx
    .selectFrom('consent as c')
    .innerJoin('organisation as o', 'o.id', 'c.grantee_organisation_id')
    .select([
      'c.id',
      'c.tenant_id',
      'c.person_id',
      'c.purpose',
      'c.given_at',
      'c.expires_at',
      'c.revoked_at',
      'c.plan_parts',
      'o.id as organisation_id',
      'o.name as organisation_name',
    ])
    .where('c.tenant_id', '=', person.organisationId)
    .where('c.person_id', '=', person.id)
    .orderBy('c.given_at')
    .orderBy('c.id')
    .execute();
  return rows.map((c) => ({
    ...c,
    active: consentIsActive(
      {
        personId: person.id,
        granteeOrganisationId: c.organisation_id,
        purpose: c.purpose,
        expiresAt: c.expires_at,
        revokedAt: c.revoked_at,
      },
      now,
    ),
  }));
}
