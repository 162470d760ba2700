import { PersonParams, TrajectoryList, TrajectoryQuery } from '@bedring/contract';
import { sql } from 'kysely';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { instrumentFor, instrumentsFor, settingsFor, titlesOf } from './instrument-registry.ts';
import { seenBy } from './response.routes.ts';

/**
 * Trajectories (docs/decisions/0005-questionnaires.md): each score of each instrument over time, with its
 * bands, so a graph can show where the person was and is. The person sees those their organisation makes
 * visible.
 */
export async function trajectoryRoutes(app: App) {
  app.get(
    '/api/persons/:personId/trajectories',
    {
      schema: { params: PersonParams, querystring: TrajectoryQuery, response: { 200: TrajectoryList } },
      // Peers see no questionnaire results. Audited by hand: only when there are scores to show.
      config: { access: { roles: ['admin', 'leader', 'clinician', 'milieu', 'municipal', 'patient'] } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const asked = req.query.questionnaire;
      const trajectories = await personRoute(app, req, async ({ trx, person, audit }) => {
        // One instrument asked for: a shipped one is found without a query, an imported one by its id.
        const instruments = asked
          ? [await instrumentFor(trx, actor.organisationId, asked)].filter((i) => i !== null)
          : await instrumentsFor(trx, actor.organisationId);
        // Only the person's own view depends on the organisation's settings (seenBy): staff need no query.
        const settings =
          actor.role === 'patient' ? await settingsFor(trx, actor.organisationId, instruments) : null;
        const shown = instruments.filter((i) => i.scores.length > 0 && seenBy(actor, settings?.get(i.id)));
        if (shown.length === 0) return [];
        // Each score's points come as one JSON array built by PostgreSQL ({at, value, bandCode,
        // responseId}, by time), sent on as text: parsing 500 rows into objects and serialising them again
        // was most of the server's CPU for this read.
        const { rows } = await sql<{ questionnaire_id: string; link_id: string; points: string }>`
          select o.questionnaire_id, o.link_id, json_agg(p order by o.effective_at)::text as points
          from observation o
          cross join lateral (select to_char(o.effective_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
            o.value, o.band_code as "bandCode", o.response_id as "responseId") p
          where o.tenant_id = ${person.organisationId} and o.person_id = ${person.id}
            and o.questionnaire_id = any(${shown.map((i) => i.id)}::text[])
          group by o.questionnaire_id, o.link_id`.execute(trx);
        await audit('read', 'Observation');
        const points = new Map(rows.map((r) => [`${r.questionnaire_id}\n${r.link_id}`, r.points]));
        return shown.flatMap((i) =>
          i.scores.flatMap((score) => {
            const list = points.get(`${i.id}\n${score.linkId}`);
            return list
              ? [{ head: { questionnaireId: i.id, ...titlesOf(i, i.id), score }, points: list }]
              : [];
          }),
        );
      });
      // {"trajectories": [{questionnaireId, title, titleEn, score, points}]}, the points as PostgreSQL wrote them.
      const items = trajectories.map(
        ({ head, points }) => `${JSON.stringify(head).slice(0, -1)},"points":${points}}`,
      );
      const text = `{"trajectories":[${items.join(',')}]}`;
      // A TrajectoryList already written as JSON: Fastify sends a string as it is, unserialised.
      return reply.type('application/json; charset=utf-8').send(text as unknown as TrajectoryList);
    },
  );
}
