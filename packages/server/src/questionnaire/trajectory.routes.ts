import { sql } from 'kysely';
import { withPerson } from '../access/as-actor.ts';
import type { App } from '../http/app.ts';
import { forbidden } from '../http/errors.ts';
import { PersonParams } from '../http/schemas.ts';
import { instrumentFor, instrumentsFor, settingsFor, titlesOf } from './instrument-registry.ts';
import { TrajectoryQuery } from './questionnaire.schemas.ts';
import { seenBy } from './response.routes.ts';

/** A point of a trajectory as the API sends it. */
interface Point {
  at: string;
  value: number;
  bandCode: string | null;
  responseId: string;
}

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
      const asked = req.query.questionnaire;
      return withPerson(app, actor, req.params.personId, async ({ trx, person, audit }) => {
        // One instrument asked for: a shipped one is found without a query, an imported one by its id.
        const instruments = asked
          ? [await instrumentFor(trx, actor.organisationId, asked)].filter((i) => i !== null)
          : await instrumentsFor(trx, actor.organisationId);
        // Only the person's own view depends on the organisation's settings (seenBy): staff need no query.
        const settings =
          actor.role === 'patient' ? await settingsFor(trx, actor.organisationId, instruments) : null;
        const shown = instruments.filter((i) => i.scores.length > 0 && seenBy(actor, settings?.get(i.id)));
        if (shown.length === 0) return { trajectories: [] };
        // The time comes as ISO text from PostgreSQL: parsing 500 timestamps into Dates cost 7 % of the
        // server's CPU under the trajectory benchmark, and Dates keep JSON.stringify off its fast path
        // (serialising took 17 % with them, 3 % without).
        const rows = await trx
          .selectFrom('observation')
          .select([
            'questionnaire_id',
            'link_id',
            sql<string>`to_char(effective_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('at'),
            'value',
            'band_code',
            'response_id',
          ])
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
        // Each row to its score in one pass, in the order read (by time).
        const points = new Map<string, Point[]>();
        for (const r of rows) {
          const key = `${r.questionnaire_id}\n${r.link_id}`;
          const list = points.get(key) ?? [];
          if (list.length === 0) points.set(key, list);
          list.push({ at: r.at, value: r.value, bandCode: r.band_code, responseId: r.response_id });
        }
        return {
          trajectories: shown.flatMap((i) =>
            i.scores.flatMap((score) => {
              const list = points.get(`${i.id}\n${score.linkId}`);
              return list ? [{ questionnaireId: i.id, ...titlesOf(i, i.id), score, points: list }] : [];
            }),
          ),
        };
      });
    },
  );
}
