import { withPerson } from '../access/as-actor.ts';
import type { App } from '../http/app.ts';
import { forbidden } from '../http/errors.ts';
import { PersonParams } from '../http/schemas.ts';
import { instrumentsFor, settingsFor, titlesOf } from './instrument-registry.ts';
import { TrajectoryQuery } from './questionnaire.schemas.ts';
import { seenBy } from './response.routes.ts';

/**
 * Trajectories (issue 4 point 5): each score of each instrument over time, with its bands, so a graph
 * can show where the person was and is. The person sees those their organisation makes visible.
 */
export async function trajectoryRoutes(app: App) {
  app.get(
    '/api/persons/:personId/trajectories',
    { schema: { params: PersonParams, querystring: TrajectoryQuery } },
    async (req) => {
      const actor = req.actor!;
      if (actor.role === 'peer') throw forbidden();
      return withPerson(app, actor, req.params.personId, async ({ trx, person, audit }) => {
        const instruments = await instrumentsFor(trx, actor.organisationId);
        const settings = await settingsFor(trx, actor.organisationId, instruments);
        const shown = instruments.filter(
          (i) =>
            i.scores.length > 0 &&
            seenBy(actor, settings.get(i.id)) &&
            (!req.query.questionnaire || i.id === req.query.questionnaire),
        );
        if (shown.length === 0) return { trajectories: [] };
        const rows = await trx
          .selectFrom('observation')
          .select(['questionnaire_id', 'link_id', 'effective_at', 'value', 'band_code', 'response_id'])
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .where(
            'questionnaire_id',
            'in',
            shown.map((i) => i.id),
          )
          .orderBy('questionnaire_id')
          .orderBy('effective_at')
          .execute();
        await audit('read', 'Observation');
        return {
          trajectories: shown
            .flatMap((i) =>
              i.scores.map((score) => ({
                questionnaireId: i.id,
                ...titlesOf(i, i.id),
                score,
                points: rows
                  .filter((r) => r.questionnaire_id === i.id && r.link_id === score.linkId)
                  .map((r) => ({
                    at: r.effective_at,
                    value: r.value,
                    bandCode: r.band_code,
                    responseId: r.response_id,
                  })),
              })),
            )
            .filter((t) => t.points.length > 0),
        };
      });
    },
  );
}
