import { EpisodeParams, HandoverBody, HandoverCreated, say } from '@bedring/contract';
import type { PlanPart } from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { Tx } from '../db/transaction.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { lockEpisode } from './episode.repository.ts';
import { PathwayAccess } from './pathway.access.ts';
import { openTask } from './task.repository.ts';

/**
 * The handover that closes the loop (docs/domain/pathway.md, P-42, P-44, the closing checklist): a package
 * for the named municipal worker, shared under the person's recorded consent, and a task that stays open
 * until the first municipal contact has happened.
 */
export async function handoverRoutes(app: App) {
  app.post(
    '/api/persons/:personId/episodes/:episodeId/handover',
    {
      schema: { params: EpisodeParams, body: HandoverBody, response: { 201: HandoverCreated } },
      config: {
        access: PathwayAccess.decide,
        audit: { action: 'create', resource: 'Handover', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      if (b.consent.expiresOn && b.consent.expiresOn <= b.consent.givenOn) {
        throw badRequest('consent_expiry_before_given', say('errors.consentExpiryBeforeGiven'));
      }
      const result = await personRoute(app, req, async ({ trx, now, person }) => {
        notInFuture(b.handedOverOn, now, 'handedOverOn');
        notInFuture(b.consent.givenOn, now, 'consent.givenOn');
        const episode = await lockEpisode(trx, person, req.params.episodeId);
        if (episode.state !== 'in-treatment' && episode.state !== 'discharged') {
          throw conflict(
            'illegal_transition',
            `a handover cannot be made for an episode that is "${episode.state}"`,
          );
        }
        const existing = await trx
          .selectFrom('handover')
          .select('id')
          .where('tenant_id', '=', person.organisationId)
          .where('episode_id', '=', episode.id)
          .executeTakeFirst();
        if (existing) throw conflict('handover_exists', say('errors.handoverExists'));
        const worker = await trx
          .selectFrom('staff_directory as s')
          .innerJoin('organisation as o', 'o.id', 's.tenant_id')
          .select(['s.id', 's.tenant_id'])
          .where('s.id', '=', b.municipalAccountId)
          .where('s.role', '=', 'municipal')
          .where('o.kind', '=', 'municipality')
          .executeTakeFirst();
        if (!worker) {
          throw badRequest('not_municipal_worker', say('errors.notMunicipalWorker'), [
            { field: 'municipalAccountId' },
          ]);
        }
        const consent = await trx
          .insertInto('consent')
          .values({
            tenant_id: person.organisationId,
            person_id: person.id,
            grantee_organisation_id: worker.tenant_id,
            purpose: 'handover',
            given_at: new Date(`${b.consent.givenOn}T12:00:00Z`),
            expires_at: b.consent.expiresOn ? new Date(`${b.consent.expiresOn}T23:59:59Z`) : null,
            recorded_by: actor.accountId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('care_relation')
          .values({
            tenant_id: person.organisationId,
            person_id: person.id,
            account_id: worker.id,
            organisation_id: worker.tenant_id,
            kind: 'follow-up',
            unit_id: null,
            from_at: now,
          })
          .execute();
        // What the handover says it shares, it shares (docs/decisions/0018-handover-and-self-admission.md): the
        // plan parts named are opened by this consent in the same transaction, so the municipal worker sees
        // them at once; the journal notes named must be this person's signed notes.
        const planParts = [...(b.planParts ?? [])] as PlanPart[];
        if (planParts.length > 0)
          await setConsentPlanParts(trx, consent.id, person.organisationId, planParts);
        const journalNoteIds = b.journalNoteIds ?? [];
        await requireSignedNotes(trx, person.organisationId, person.id, journalNoteIds);
        const snapshot = await handoverSnapshot(trx, person.organisationId, person.id, episode.id);
        const { id } = await trx
          .insertInto('handover')
          .values({
            tenant_id: person.organisationId,
            person_id: person.id,
            episode_id: episode.id,
            municipal_account_id: worker.id,
            municipal_organisation_id: worker.tenant_id,
            consent_id: consent.id,
            summary: b.summary,
            follow_up_plan: b.followUpPlan,
            snapshot: JSON.stringify(snapshot),
            handed_over_on: b.handedOverOn,
            plan_parts: planParts,
            journal_note_ids: journalNoteIds,
            created_by: actor.accountId,
            created_by_name: actor.displayName,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const taskId = await openTask(trx, {
          person,
          episodeId: episode.id,
          kind: 'handover',
          handoverId: id,
          assignee: { accountId: worker.id, organisationId: worker.tenant_id },
          unitId: episode.unitId,
          createdOn: b.handedOverOn,
        });
        return { id, taskId, consentId: consent.id, planParts };
      });
      return reply.code(201).send(result);
    },
  );
}

/**
 * The consent's plan parts (what migration 0006's row-level security opens to the grantee). The same
 * update as plan/plan-sharing.routes.ts makes, written here so that pathway imports nothing of plan
 * (docs/architecture.md, "No import circles").
 */
async function setConsentPlanParts(trx: Tx, consentId: string, tenant: string, parts: PlanPart[]) {
  await trx
    .updateTable('consent')
    .set({ plan_parts: parts })
    .where('tenant_id', '=', tenant)
    .where('id', '=', consentId)
    .execute();
}

/** Every note named is one of this person's signed journal notes; else 400 and nothing is written. */
async function requireSignedNotes(trx: Tx, tenant: string, personId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await trx
    .selectFrom('journal_note')
    .select('id')
    .where('tenant_id', '=', tenant)
    .where('person_id', '=', personId)
    .where('status', '=', 'signed')
    .where('id', 'in', [...ids])
    .execute();
  if (found.length !== ids.length) {
    throw badRequest('handover_note_unknown', say('errors.handoverNoteUnknown'), [
      { field: 'journalNoteIds' },
    ]);
  }
}

/** What the municipality receives: the latest living-condition ratings and the latest assessment. */
async function handoverSnapshot(trx: Tx, tenant: string, personId: string, episodeId: string) {
  const ratings = await trx
    .selectFrom('living_condition_rating')
    .select(['domain', 'rating', 'note', 'rated_at', 'rated_by_name'])
    .distinctOn('domain')
    .where('tenant_id', '=', tenant)
    .where('person_id', '=', personId)
    .orderBy('domain')
    .orderBy('rated_at', 'desc')
    .execute();
  const assessment = await trx
    .selectFrom('assessment')
    .select(['assessed_on', 'ratings', 'chosen_level', 'person_goals', 'assessed_by_name'])
    .where('tenant_id', '=', tenant)
    .where('episode_id', '=', episodeId)
    .orderBy('assessed_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
  return {
    livingConditions: ratings.map((r) => ({
      domain: r.domain,
      rating: r.rating,
      note: r.note,
      ratedAt: r.rated_at,
      ratedBy: r.rated_by_name,
    })),
    assessment: assessment
      ? {
          assessedOn: assessment.assessed_on,
          ratings: assessment.ratings,
          level: assessment.chosen_level,
          personGoals: assessment.person_goals,
          assessedBy: assessment.assessed_by_name,
        }
      : null,
  };
}
