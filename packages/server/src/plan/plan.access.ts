import {
  decidePlanAction,
  type PlanAction,
  type PlanActionWarning,
  type PlanDenial,
  type PlanPart,
  PlanParts,
  visiblePlanParts,
} from '@bedring/domain';
import type { PersonWork } from '../access/as-actor.ts';
import type { RequestActor } from '../auth/actor.ts';
import { forbidden, notFound } from '../http/errors.ts';

/**
 * The parts of the plans the actor's organisation may see: all of them where the record is held, else
 * those the person's active consents name (row-level security says the same in the database).
 */
export async function visibleParts(w: PersonWork, actor: RequestActor): Promise<PlanPart[]> {
  if (actor.organisationId === w.person.organisationId) return [...PlanParts];
  const consents = await w.trx
    .selectFrom('consent')
    .select(['plan_parts', 'expires_at', 'revoked_at'])
    .where('tenant_id', '=', w.person.organisationId)
    .where('person_id', '=', w.person.id)
    .where('grantee_organisation_id', '=', actor.organisationId)
    .execute();
  return visiblePlanParts(
    actor,
    w.person,
    consents.map((c) => ({
      personId: w.person.id,
      granteeOrganisationId: actor.organisationId,
      planParts: c.plan_parts as PlanPart[],
      expiresAt: c.expires_at,
      revokedAt: c.revoked_at,
    })),
    w.now,
  );
}

/**
 * Asks the domain's plan rule (docs/decisions/0006-plans.md, "Who may do what") after need to know has let
 * the actor in. A part that is not shared with the actor's organisation is 404 — for them it does not exist;
 * a role that may not do this is 403 with the rule's reason as the code.
 */
export async function requirePlanAction(
  w: PersonWork,
  actor: RequestActor,
  action: PlanAction,
): Promise<{ parts: PlanPart[]; warnings: PlanActionWarning[] }> {
  const parts = await visibleParts(w, actor);
  const decision = decidePlanAction({ actor, person: w.person, visibleParts: parts, action });
  if (decision.allowed) return { parts, warnings: decision.warnings };
  if (decision.reason === 'not-shared') throw notFound('Denne delen av planen er ikke delt med deg.');
  throw forbidden(decision.reason.replaceAll('-', '_'), MESSAGES[decision.reason]);
}

const MESSAGES: Record<Exclude<PlanDenial, 'not-shared'>, string> = {
  'no-record-access': 'Du har ikke tilgang til denne planen.',
  'peer-reads-and-comments': 'Som likeperson kan du lese og kommentere planen, ikke skrive i den.',
  'staff-part': 'Dette er hjelpernes del av planen. Du kan kommentere den.',
  'another-authors-entry': 'Noen andre skrev dette. Du kan kommentere det i stedet.',
  'only-the-person-signs': 'Bare personen selv kan signere planen sin.',
  'only-staff-promise': 'Løfter gis av hjelperne.',
  'holder-only': 'Hva som deles, bestemmes der journalen føres.',
};

/** Who wrote something: the person themself, or staff. */
export const writtenBy = (actor: RequestActor) => (actor.role === 'patient' ? 'person' : 'staff');
