import { say, type WordKey } from '@bedring/contract';
import {
  decidePlanAction,
  type PlanAction,
  type PlanActionWarning,
  type PlanDenial,
  type PlanPart,
  PlanParts,
  type Role,
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
  if (decision.reason === 'not-shared') throw notFound(say('errors.planPartNotShared'));
  throw forbidden(decision.reason.replaceAll('-', '_'), say(MESSAGES[decision.reason]));
}

const MESSAGES: Record<Exclude<PlanDenial, 'not-shared'>, WordKey> = {
  'no-record-access': 'errors.planNoRecordAccess',
  'peer-reads-and-comments': 'errors.peerReadsAndComments',
  'staff-part': 'errors.staffPart',
  'another-authors-entry': 'errors.anotherAuthorsEntry',
  'only-the-person-signs': 'errors.onlyThePersonSigns',
  'only-staff-promise': 'errors.onlyStaffPromise',
  'holder-only': 'errors.holderOnly',
};

/**
 * The roles each plan route declares (docs/architecture.md, "Access and audit"): the roles the plan rule
 * above can let through for some person and some row. What depends on the row (whose entry, which part
 * is shared, which organisation holds the record) is still the rule's, asked in the handler. The
 * administrator has no record access (need to know), so no plan route names them.
 */
const withRecord: readonly Role[] = ['leader', 'clinician', 'milieu', 'municipal', 'peer', 'patient'];
const writers: readonly Role[] = ['leader', 'clinician', 'milieu', 'municipal', 'patient'];
export const PlanRoles = {
  /** Read, comment, the network map: whoever has need to know. */
  record: withRecord,
  /** Plan entries, review dates, lapses, sharing: not peers — they read and comment. */
  write: writers,
  /** A co-signature is the person's own word. */
  sign: ['patient'] as readonly Role[],
  /** Promises are made by staff. */
  promise: ['leader', 'clinician', 'milieu', 'municipal', 'peer'] as readonly Role[],
};

/** The plan rule's refusal for the roles a route leaves out, so the answer keeps the rule's code. */
export const PlanRefusals = {
  write: { code: 'peer_reads_and_comments', words: 'errors.peerReadsAndComments' },
  sign: { code: 'only_the_person_signs', words: 'errors.onlyThePersonSigns' },
  promise: { code: 'only_staff_promise', words: 'errors.onlyStaffPromise' },
} as const;

/** Who wrote something: the person themself, or staff. */
export const writtenBy = (actor: RequestActor) => (actor.role === 'patient' ? 'person' : 'staff');
