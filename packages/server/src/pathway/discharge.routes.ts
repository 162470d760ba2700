import { ChecklistBody, ChecklistSaved, EpisodeParams, say } from '@bedring/contract';
import { type DischargeChecklist, readiness } from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { conflict } from '../http/errors.ts';
import { lockEpisode } from './episode.repository.ts';
import { PathwayAccess } from './pathway.access.ts';

/**
 * Discharge readiness (docs/domain/pathway.md, P-40, P-41): filled in together during treatment, shown beside
 * the discharge button.
 */
export async function dischargeRoutes(app: App) {
  app.put(
    '/api/persons/:personId/episodes/:episodeId/discharge-checklist',
    {
      schema: { params: EpisodeParams, body: ChecklistBody, response: { 200: ChecklistSaved } },
      config: {
        access: PathwayAccess.discharge,
        audit: { action: 'update', resource: 'DischargeChecklist', id: 'params.episodeId' },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const items = req.body.items as DischargeChecklist;
      for (const entry of Object.values(items)) if (entry) entry.note ??= '';
      return personRoute(app, req, async ({ trx, now, person }) => {
        const episode = await lockEpisode(trx, person, req.params.episodeId);
        if (episode.state === 'ended') throw conflict('episode_ended', say('errors.episodeEnded'));
        const row = {
          items: JSON.stringify(items),
          help_needed: req.body.helpNeeded ?? null,
          updated_at: now,
          updated_by: actor.accountId,
          updated_by_name: actor.displayName,
        };
        await trx
          .insertInto('discharge_checklist')
          .values({ tenant_id: person.organisationId, episode_id: episode.id, person_id: person.id, ...row })
          .onConflict((oc) => oc.columns(['tenant_id', 'episode_id']).doUpdateSet(row))
          .execute();
        return { readiness: readiness(items) };
      });
    },
  );
}
