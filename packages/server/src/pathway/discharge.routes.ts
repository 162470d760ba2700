import {
  ChecklistBody,
  ChecklistSaved,
  DischargeFactsAnswer,
  EpisodeParams,
  NoQuery,
  say,
} from '@bedring/contract';
import { type DischargeChecklist, dischargeHints, latestByKind, osloDate, readiness } from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { conflict, notFound } from '../http/errors.ts';
import { relativesForDischarge } from '../record/relatives.repository.ts';
import { lockEpisode } from './episode.repository.ts';
import { PathwayAccess } from './pathway.access.ts';
import { riskAssessmentsOf } from './risk-assessment.repository.ts';

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

  // What the record holds that the checklist asks about (docs/decisions/0019-relatives-and-risk.md): the
  // children and relatives listed, and the risk assessments made since the episode opened. Hints, not answers.
  app.get(
    '/api/persons/:personId/episodes/:episodeId/discharge-facts',
    {
      schema: { params: EpisodeParams, querystring: NoQuery, response: { 200: DischargeFactsAnswer } },
      config: {
        access: PathwayAccess.discharge,
        audit: { action: 'read', resource: 'DischargeChecklist', id: 'params.episodeId' },
      },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, now, person, decision }) => {
        const episode = await trx
          .selectFrom('episode')
          .select('opened_on')
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .where('id', '=', req.params.episodeId)
          .executeTakeFirst();
        if (!episode) throw notFound(say('errors.episodeNotFound'));
        const today = new Date(`${osloDate(now)}T12:00:00Z`);
        const assessments = await riskAssessmentsOf(trx, person, {
          sharedOnly: decision.viaConsent,
          since: episode.opened_on,
        });
        const latest = latestByKind(assessments);
        const brief = (a: (typeof assessments)[number] | null) =>
          a && { level: a.level, assessedOn: a.assessedOn, shareAtHandover: a.shareAtHandover };
        const facts = {
          ...(await relativesForDischarge(trx, person, today)),
          risk: { suicide: brief(latest.suicide), violence: brief(latest.violence) },
        };
        return { facts, hints: dischargeHints(facts) };
      }),
  );
}
