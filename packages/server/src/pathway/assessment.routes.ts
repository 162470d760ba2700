import { AssessmentBody, AssessmentCreated, EpisodeParams, say } from '@bedring/contract';
import { type DimensionRatings, type Level, levelSetting, matchOf, recommendLevel } from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { lockEpisode, storeDeadlines } from './episode.repository.ts';
import { PathwayAccess } from './pathway.access.ts';
import { timeLimits } from './time-limit.repository.ts';

/** Dimensional assessment and level of care (docs/domain/pathway.md, M-01, P-20–P-27). */
export async function assessmentRoutes(app: App) {
  app.post(
    '/api/persons/:personId/episodes/:episodeId/assessments',
    {
      schema: { params: EpisodeParams, body: AssessmentBody, response: { 201: AssessmentCreated } },
      config: {
        access: PathwayAccess.decide,
        audit: { action: 'create', resource: 'ClinicalImpression', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      const ratings = b.ratings as unknown as DimensionRatings;
      for (const r of Object.values(ratings)) r.history ??= null;
      const recommendation = recommendLevel({ ratings, opioidDependence: b.opioidDependence ?? false });
      const chosen = b.chosenLevel as Level;
      const match = matchOf(recommendation.level, chosen);
      const matchReason = b.matchReason?.trim() ?? '';
      // Choosing another level is the clinician's call; it is recorded with the reason (P-21).
      if (match !== 'matched' && matchReason === '') {
        throw badRequest('reason_required', say('errors.matchReasonRequired'), [{ field: 'matchReason' }]);
      }
      const result = await personRoute(app, req, async ({ trx, now, person }) => {
        notInFuture(b.assessedOn, now, 'assessedOn');
        const episode = await lockEpisode(trx, person, req.params.episodeId);
        if (episode.state === 'ended') throw conflict('episode_ended', say('errors.episodeEnded'));
        const { id } = await trx
          .insertInto('assessment')
          .values({
            tenant_id: person.organisationId,
            person_id: person.id,
            episode_id: episode.id,
            assessed_on: b.assessedOn,
            person_goals: b.personGoals,
            person_resources: b.personResources ?? '',
            ratings: JSON.stringify(ratings),
            opioid_dependence: b.opioidDependence ?? false,
            recommended_level: recommendation.level,
            recommended_rule: recommendation.rule,
            drivers: recommendation.drivers,
            chosen_level: chosen,
            match,
            match_reason: matchReason,
            assessed_by: actor.accountId,
            assessed_by_name: actor.displayName,
            recorded_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // The chosen level sets the planned setting, which some time limits depend on (detox → next treatment).
        const plannedSetting = levelSetting[chosen];
        await trx
          .updateTable('episode')
          .set({ planned_setting: plannedSetting })
          .where('tenant_id', '=', person.organisationId)
          .where('id', '=', episode.id)
          .execute();
        await storeDeadlines(
          trx,
          person,
          { ...episode, times: { ...episode.times, plannedSetting } },
          await timeLimits(trx),
        );
        return { id, recommendation, chosenLevel: chosen, match };
      });
      return reply.code(201).send(result);
    },
  );
}
