import { EpisodeParams, ResponsibleBody, ResponsibleSet, say } from '@bedring/contract';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { lockEpisode } from './episode.repository.ts';
import { PathwayAccess } from './pathway.access.ts';

/**
 * The clinician responsible for an episode (behandlingsansvarlig): whose deadline list and
 * re-engagement tasks it lands in. Assigning someone also puts them in the care team (need to know).
 */
export async function responsibleRoutes(app: App) {
  app.put(
    '/api/persons/:personId/episodes/:episodeId/responsible',
    {
      schema: { params: EpisodeParams, body: ResponsibleBody, response: { 200: ResponsibleSet } },
      config: {
        access: PathwayAccess.decide,
        audit: { action: 'update', resource: 'EpisodeOfCare', id: 'params.episodeId' },
      },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, now, person }) => {
        const episode = await lockEpisode(trx, person, req.params.episodeId);
        if (episode.state === 'ended') throw conflict('episode_ended', say('errors.episodeEnded'));
        const clinician = await trx
          .selectFrom('staff_directory')
          .select(['id', 'display_name'])
          .where('id', '=', req.body.accountId)
          .where('tenant_id', '=', person.organisationId)
          .where('role', 'in', ['clinician', 'leader'])
          .executeTakeFirst();
        if (!clinician) {
          throw badRequest('not_a_clinician', say('errors.notAClinician'), [{ field: 'accountId' }]);
        }
        const byTenantAndEpisode = <T extends 'episode' | 'pathway_deadline'>(
          table: T,
          column: 'id' | 'episode_id',
        ) =>
          trx
            .updateTable(table as 'episode')
            .set({ responsible_account_id: clinician.id })
            .where('tenant_id', '=', person.organisationId)
            .where(column as 'id', '=', episode.id)
            .execute();
        await byTenantAndEpisode('episode', 'id');
        await byTenantAndEpisode('pathway_deadline', 'episode_id');
        const member = await trx
          .selectFrom('care_relation')
          .select('id')
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .where('account_id', '=', clinician.id)
          .where('kind', '=', 'care-team')
          .where((w) => w.or([w('to_at', 'is', null), w('to_at', '>', now)]))
          .executeTakeFirst();
        if (!member) {
          await trx
            .insertInto('care_relation')
            .values({
              tenant_id: person.organisationId,
              person_id: person.id,
              account_id: clinician.id,
              organisation_id: person.organisationId,
              kind: 'care-team',
              unit_id: episode.unitId,
              from_at: now,
            })
            .execute();
        }
        return { responsible: { id: clinician.id, name: clinician.display_name } };
      }),
  );
}
