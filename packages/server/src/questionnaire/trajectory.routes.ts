import { sql } from 'kysely';
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
    async (req, reply) => {
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
        // PostgreSQL builds each trajectory's points as JSON and the server splices them in unparsed: a
        // person with 500 answers costs the server 2 ms of CPU instead of 5 (parsing and re-serialising
        // every row was most of the time; see docs/benchmarks.md).
        const { rows } = await sql<{ questionnaire_id: string; link_id: string; points: string }>`
          select questionnaire_id, link_id,
            json_agg(json_build_object(
              'at', to_char(effective_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'value', value, 'bandCode', band_code, 'responseId', response_id)
              order by effective_at, id)::text as points
          from observation
          where tenant_id = ${person.organisationId} and person_id = ${person.id}
            and questionnaire_id in (${sql.join(shown.map((i) => i.id))})
          group by questionnaire_id, link_id`.execute(trx);
        await audit('read', 'Observation');
        const trajectories = shown.flatMap((i) =>
          i.scores.flatMap((score) => {
            const found = rows.find((r) => r.questionnaire_id === i.id && r.link_id === score.linkId);
            if (!found) return [];
            const head = JSON.stringify({ questionnaireId: i.id, ...titlesOf(i, i.id), score });
            return [`${head.slice(0, -1)},"points":${found.points}}`];
          }),
        );
        reply.type('application/json; charset=utf-8');
        return `{"trajectories":[${trajectories.join(',')}]}`;
      });
    },
  );
}
