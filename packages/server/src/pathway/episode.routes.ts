import {
  EpisodeParams,
  EventBody,
  EventResult,
  NoQuery,
  PathwayAnswer,
  type PathwayWarning,
  PersonParams,
  say,
} from '@bedring/contract';
import {
  type DischargeChecklist,
  type HelpNeededAtDischarge,
  osloDate,
  type PathwayEvent,
  readiness,
} from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { badRequest } from '../http/errors.ts';
import { type EventInput, lockEpisode, recordEvent } from './episode.repository.ts';
import { PathwayAccess } from './pathway.access.ts';
import { pathwayOf } from './pathway.repository.ts';
import { openTask } from './task.repository.ts';

/** What each kind of event must say (the schema cannot express it). */
function missingField(e: PathwayEvent): string | null {
  if ((e.kind === 'first-attendance' || e.kind === 'round-started') && !e.setting) return 'setting';
  if (e.kind === 'evaluation' && e.withPerson === undefined) return 'withPerson';
  if (e.kind === 'ended' && !e.outcome) return 'outcome';
  return null;
}

/** The person's pathway (all episodes on one timeline) and the events that move an episode on. */
export async function episodeRoutes(app: App) {
  app.get(
    '/api/persons/:personId/pathway',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: PathwayAnswer } },
      config: {
        access: PathwayAccess.read,
        audit: { action: 'read', resource: 'Pathway', id: 'params.personId' },
      },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, now, person }) => {
        const episodes = await pathwayOf(trx, person, osloDate(now));
        return { today: osloDate(now), episodes };
      }),
  );

  app.post(
    '/api/persons/:personId/episodes/:episodeId/events',
    {
      schema: { params: EpisodeParams, body: EventBody, response: { 201: EventResult } },
      config: {
        access: PathwayAccess.decide,
        audit: { action: 'update', resource: 'EpisodeOfCare', id: 'params.episodeId' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const event = req.body as EventInput;
      const missing = missingField(event);
      if (missing)
        throw badRequest('field_required', say('errors.eventFieldRequired', { field: missing }), [
          { field: missing },
        ]);
      const result = await personRoute(app, req, async ({ trx, now, person }) => {
        notInFuture(event.date, now, 'date');
        const episode = await lockEpisode(trx, person, req.params.episodeId);
        const warnings: PathwayWarning[] = [];
        if (event.kind === 'discharged') {
          // Discharge readiness warns, never blocks (docs/domain/pathway.md, P-40;
          // docs/domain/care-principles.md, U-13): the gaps travel with the event.
          const checklist = await trx
            .selectFrom('discharge_checklist')
            .select(['items', 'help_needed'])
            .where('tenant_id', '=', person.organisationId)
            .where('episode_id', '=', episode.id)
            .executeTakeFirst();
          const gaps = readiness((checklist?.items ?? {}) as DischargeChecklist).gaps;
          if (gaps.length > 0) warnings.push({ code: 'discharge-not-ready', gaps });
          event.helpNeeded ??= (checklist?.help_needed as HelpNeededAtDischarge | null) ?? null;
        }
        const recorded = await recordEvent(trx, { actor, now }, person, episode, event, {}, warnings);
        warnings.push(...recorded.warnings);
        let state = recorded.state;
        if (event.kind === 'discharged') {
          // The municipality met the person before discharge: follow-up starts the day they go home (P-44).
          const handover = await trx
            .selectFrom('handover')
            .select('first_contact_on')
            .where('tenant_id', '=', person.organisationId)
            .where('episode_id', '=', episode.id)
            .executeTakeFirst();
          if (handover?.first_contact_on) {
            const discharged = await lockEpisode(trx, person, episode.id);
            state = (
              await recordEvent(trx, { actor, now }, person, discharged, {
                kind: 'follow-up-started',
                date: event.date,
              })
            ).state;
          }
        }
        let taskId: string | null = null;
        if (event.kind === 'ended' && event.outcome === 'drop-out') {
          // A drop-out is not the end of the pathway (P-30, P-56): someone reaches out and offers a new round.
          taskId = await openTask(trx, {
            person,
            episodeId: episode.id,
            kind: 're-engagement',
            handoverId: null,
            assignee: {
              accountId: episode.responsibleAccountId ?? actor.accountId,
              organisationId: person.organisationId,
            },
            unitId: episode.unitId,
            createdOn: event.date,
          });
        }
        return { state, warnings, taskId };
      });
      return reply.code(201).send(result);
    },
  );
}
