import { ConsentParams, PlanPartsBody, PlanPartsSet, say } from '@bedring/contract';
import { consentIsActive, type PlanPart } from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { conflict, notFound } from '../http/errors.ts';
import { PlanRefusals, PlanRoles, requirePlanAction } from './plan.access.ts';
import { setPlanParts } from './plan-write.repository.ts';

/**
 * Which parts of the person's plans a consent to share opens (docs/decisions/0006-plans.md). The consent
 * itself is recorded and listed by access/consent.routes.ts; choosing the parts is plan work (the
 * plan's share action decides who may), so the route lives with the plans.
 */
export async function planSharingRoutes(app: App) {
  app.put(
    '/api/persons/:personId/consents/:consentId/plan-parts',
    {
      schema: { params: ConsentParams, body: PlanPartsBody, response: { 200: PlanPartsSet } },
      config: {
        access: { roles: PlanRoles.write, refusal: PlanRefusals.write },
        audit: { action: 'update', resource: 'Consent', id: 'answer.id' },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return personRoute(app, req, async (w) => {
        await requirePlanAction(w, actor, { kind: 'share' });
        const consent = await w.trx
          .selectFrom('consent')
          .select(['id', 'tenant_id', 'purpose', 'grantee_organisation_id', 'expires_at', 'revoked_at'])
          .where('tenant_id', '=', w.person.organisationId)
          .where('person_id', '=', w.person.id)
          .where('id', '=', req.params.consentId)
          .forUpdate()
          .executeTakeFirst();
        if (!consent) throw notFound(say('errors.consentToShareNotFound'));
        const active = consentIsActive(
          {
            personId: w.person.id,
            granteeOrganisationId: consent.grantee_organisation_id,
            purpose: consent.purpose,
            expiresAt: consent.expires_at,
            revokedAt: consent.revoked_at,
          },
          w.now,
        );
        if (!active) throw conflict('consent_not_active', say('errors.consentToShareNotActive'));
        const planParts = req.body.planParts as PlanPart[];
        await setPlanParts(w.trx, consent, planParts);
        return { id: consent.id, planParts };
      });
    },
  );
}
