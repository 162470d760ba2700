import { ConsentList, NoQuery, PersonParams } from '@bedring/contract';
import { consentIsActive, type PlanPart } from '@bedring/domain';
import type { App } from '../http/app.type.ts';
import { RecordRoles } from './access.guard.ts';
import { personRoute } from './declared-access.ts';

/**
 * The person's consents to share with other organisations (docs/domain/law.md, "Consent to share"), and which
 * parts of their plans each one opens (docs/decisions/0006-plans.md). A consent recorded at a handover opens
 * the record for follow-up but none of the plans until the person says which; that choice is the plan's
 * route (plan/plan-sharing.routes.ts), so that access imports nothing of plan (docs/architecture.md).
 */
export async function consentRoutes(app: App) {
  app.get(
    '/api/persons/:personId/consents',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: ConsentList } },
      config: { access: { roles: RecordRoles }, audit: { action: 'read', resource: 'Consent' } },
    },
    async (req) =>
      personRoute(app, req, async (w) => {
        // Row-level security shows the holding organisation every consent, a grantee only its own.
        const rows = await w.trx
          .selectFrom('consent as c')
          .innerJoin('organisation as o', 'o.id', 'c.grantee_organisation_id')
          .select([
            'c.id',
            'c.purpose',
            'c.given_at',
            'c.expires_at',
            'c.revoked_at',
            'c.plan_parts',
            'o.id as organisation_id',
            'o.name as organisation_name',
          ])
          .where('c.tenant_id', '=', w.person.organisationId)
          .where('c.person_id', '=', w.person.id)
          .orderBy('c.given_at')
          .execute();
        return {
          consents: rows.map((c) => ({
            id: c.id,
            grantee: { id: c.organisation_id, name: c.organisation_name },
            purpose: c.purpose,
            givenAt: c.given_at,
            expiresAt: c.expires_at,
            revokedAt: c.revoked_at,
            active: consentIsActive(
              {
                personId: w.person.id,
                granteeOrganisationId: c.organisation_id,
                purpose: c.purpose,
                expiresAt: c.expires_at,
                revokedAt: c.revoked_at,
              },
              w.now,
            ),
            // The database holds only these parts (migration 0006's check constraint).
            planParts: c.plan_parts as PlanPart[],
          })),
        };
      }),
  );
}
