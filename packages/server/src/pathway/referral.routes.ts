import {
  ReferralAssessed,
  ReferralAssessmentBody,
  ReferralBody,
  ReferralCreated,
  ReferralParams,
  say,
  type WordKey,
} from '@bedring/contract';
import {
  checkReferralAssessment,
  type ReferralChecklist,
  type ReferralOutcome,
  referralCompleteness,
} from '@bedring/domain';
import { breakGlassLimited, brokeGlassFor } from '../access/access.guard.ts';
import { asActor } from '../access/as-actor.ts';
import { personRoute } from '../access/declared-access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { lockEpisode, openEpisode, recordEvent } from './episode.repository.ts';
import { PathwayAccess } from './pathway.access.ts';

const problemText: Record<string, WordKey> = {
  'deadline-required': 'errors.deadlineRequired',
  'deadline-not-allowed': 'errors.deadlineNotAllowed',
  'deadline-before-assessment': 'errors.deadlineBeforeAssessment',
  'assessed-before-received': 'errors.assessedBeforeReceived',
};

/** Referral (henvisning; docs/domain/pathway.md, P-11–P-15) and its assessment (P-16–P-17). */
export async function referralRoutes(app: App) {
  app.post(
    '/api/referrals',
    {
      schema: { body: ReferralBody, response: { 201: ReferralCreated } },
      config: { access: PathwayAccess.decide },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      const result = await asActor(app, actor, async (trx, now) => {
        notInFuture(b.receivedOn, now, 'receivedOn');
        const unit = await trx
          .selectFrom('unit')
          .select('id')
          .where('tenant_id', '=', actor.organisationId)
          .where('id', '=', b.unitId)
          .executeTakeFirst();
        if (!unit) throw badRequest('unknown_unit', say('errors.unknownUnit'), [{ field: 'unitId' }]);
        // A referral to this organisation is the first contact: find the person's record here or start one.
        const existing = await trx
          .selectFrom('person')
          .select(['id', 'birth_date', 'family_name'])
          .where('tenant_id', '=', actor.organisationId)
          .where('national_id', '=', b.person.nationalId)
          .executeTakeFirst();
        // A mistyped national id must not attach the referral (and need to know) to someone else.
        if (
          existing &&
          (existing.birth_date !== b.person.birthDate ||
            existing.family_name.toLowerCase() !== b.person.familyName.toLowerCase())
        ) {
          throw conflict('person_details_differ', say('errors.personDetailsDiffer'));
        }
        const personId =
          existing?.id ??
          (
            await trx
              .insertInto('person')
              .values({
                tenant_id: actor.organisationId,
                national_id: b.person.nationalId,
                given_name: b.person.givenName,
                family_name: b.person.familyName,
                birth_date: b.person.birthDate,
                gender: b.person.gender,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        const person = { id: personId, organisationId: actor.organisationId };
        // Receiving the referral makes the registering clinician part of the assessment team (need to know).
        const member = await trx
          .selectFrom('care_relation')
          .select('id')
          .where('tenant_id', '=', actor.organisationId)
          .where('person_id', '=', personId)
          .where('account_id', '=', actor.accountId)
          .where('kind', '=', 'care-team')
          .where((w) => w.or([w('to_at', 'is', null), w('to_at', '>', now)]))
          .executeTakeFirst();
        if (!member) {
          // Break-glass must not turn into lasting access: who broke the glass for this person leaves their
          // referral to a colleague (docs/user-guide.md, "No access?").
          if (existing && (await brokeGlassFor(trx, actor, personId))) throw breakGlassLimited();
          await trx
            .insertInto('care_relation')
            .values({
              tenant_id: actor.organisationId,
              person_id: personId,
              account_id: actor.accountId,
              organisation_id: actor.organisationId,
              kind: 'care-team',
              unit_id: b.unitId,
              from_at: now,
            })
            .execute();
        }
        const checklist = (b.checklist ?? {}) as ReferralChecklist;
        const referral = await trx
          .insertInto('referral')
          .values({
            tenant_id: actor.organisationId,
            person_id: personId,
            unit_id: b.unitId,
            referrer_kind: b.referrer.kind,
            referrer_name: b.referrer.name,
            referrer_organisation: b.referrer.organisation ?? '',
            received_on: b.receivedOn,
            reason: b.reason ?? '',
            checklist: JSON.stringify(checklist),
            coordinator_name: b.coordinator?.name ?? '',
            coordinator_contact: b.coordinator?.contact ?? '',
            registered_by: actor.accountId,
            registered_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const episodeId = await openEpisode(
          trx,
          { actor, now },
          {
            person,
            unitId: b.unitId,
            opening: 'referral-received',
            date: b.receivedOn,
            referral: { id: referral.id, receivedOn: b.receivedOn },
            previousEpisodeId: null,
            responsibleAccountId: actor.accountId,
            plannedSetting: null,
          },
        );
        // Audited by hand: the person's record may be new, so there is no person in the URL for personRoute.
        await recordAudit(
          trx,
          actor,
          {
            action: 'create',
            tenantId: actor.organisationId,
            personId,
            resourceType: 'Referral',
            resourceId: referral.id,
          },
          now,
        );
        return {
          personId,
          referralId: referral.id,
          episodeId,
          personExisted: existing !== undefined,
          completeness: referralCompleteness(checklist),
        };
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/persons/:personId/referrals/:referralId/assessment',
    {
      schema: { params: ReferralParams, body: ReferralAssessmentBody, response: { 200: ReferralAssessed } },
      config: {
        access: PathwayAccess.decide,
        audit: { action: 'update', resource: 'Referral', id: 'params.referralId' },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const b = req.body;
      return personRoute(app, req, async ({ trx, now, person }) => {
        notInFuture(b.assessedOn, now, 'assessedOn');
        const referral = await trx
          .selectFrom('referral as r')
          .innerJoin('episode as e', (j) =>
            j.onRef('e.tenant_id', '=', 'r.tenant_id').onRef('e.referral_id', '=', 'r.id'),
          )
          .select(['r.id', 'r.received_on', 'e.id as episode_id'])
          .where('r.tenant_id', '=', person.organisationId)
          .where('r.person_id', '=', person.id)
          .where('r.id', '=', req.params.referralId)
          .executeTakeFirst();
        if (!referral) throw notFound(say('errors.referralNotFound'));
        const deadline = b.treatmentStartDeadline ?? null;
        const outcome = b.outcome as ReferralOutcome;
        const problem = checkReferralAssessment(
          { outcome, assessedOn: b.assessedOn, treatmentStartDeadline: deadline },
          referral.received_on,
        );
        if (problem) {
          const words = problemText[problem];
          throw badRequest(problem.replaceAll('-', '_'), words ? say(words) : problem);
        }
        const episode = await lockEpisode(trx, person, referral.episode_id);
        const who = { actor, now };
        const assessed = await recordEvent(
          trx,
          who,
          person,
          episode,
          { kind: 'referral-assessed', date: b.assessedOn, note: b.note ?? '', reason: b.reason ?? '' },
          { treatmentStartDeadline: deadline },
        );
        await trx
          .updateTable('referral')
          .set({
            assessed_on: b.assessedOn,
            outcome,
            treatment_start_deadline: deadline,
            assessment_note: b.note ?? '',
            letter_to_person_on: b.letterToPersonOn ?? null,
            letter_to_referrer_on: b.letterToReferrerOn ?? null,
            assessed_by: actor.accountId,
          })
          .where('tenant_id', '=', person.organisationId)
          .where('id', '=', referral.id)
          .execute();
        let state = assessed.state;
        if (outcome === 'no-need') {
          // No need for specialist treatment ends this episode; the referrer and the person get a letter.
          const reloaded = await lockEpisode(trx, person, episode.id);
          state = (
            await recordEvent(trx, who, person, reloaded, {
              kind: 'ended',
              date: b.assessedOn,
              outcome: 'other',
              note: 'no-need',
            })
          ).state;
        }
        return { state, warnings: assessed.warnings };
      });
    },
  );
}
