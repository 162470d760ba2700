import {
  HelpAnswer,
  HelpRequest,
  HelpRequestTaken,
  NoQuery,
  OpenHelpRequests,
  OwnHelpRequests,
  PersonParams,
  SignalParams,
  say,
} from '@bedring/contract';
import { EMERGENCY_NUMBERS, osloDate, type Role } from '@bedring/domain';
import { requirePersonAccess } from '../access/access.guard.ts';
import { type Acknowledgeable, acknowledge } from '../access/acknowledge.ts';
import { asActor } from '../access/as-actor.ts';
import { personRoute } from '../access/declared-access.ts';
import { auditWorklist, mineOrMyUnit } from '../access/worklist.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { planStepsOf, stepsFor } from './checkin.repository.ts';

/**
 * "Jeg trenger hjelp nå" (docs/decisions/0007-checkins-and-signals.md; docs/domain/plans.md, CAP-23): one
 * tap. The portal shows the crisis plan at once from what it already has (also offline); this records the
 * request as a signal on the care team's worklist and sends them a notice (notify/notifier.ts). Sent again
 * after being offline, it is the same request: one signal, one notice.
 */
/** Staff who follow persons in care take help requests; a peer worker does not (as for signals). */
const STAFF_WHO_TAKE: readonly Role[] = ['clinician', 'milieu', 'municipal', 'leader'];

/** "Jeg tar den" is the acknowledgement of a help-requested signal, by the one who takes it. */
const HELP: Acknowledgeable = {
  table: 'signal',
  resourceType: 'Signal',
  words: {
    noteRequired: say('errors.signalNoteRequired'),
    notFound: say('errors.helpRequestNotFound'),
    alreadyCode: 'help_request_taken',
    already: say('errors.helpRequestTaken'),
  },
};

export async function helpRoutes(app: App) {
  app.post(
    '/api/persons/:personId/help-requests',
    {
      schema: { params: PersonParams, body: HelpRequest, response: { 200: HelpAnswer, 201: HelpAnswer } },
      config: {
        access: { roles: ['patient'], refusal: { code: 'own_help_request', words: 'errors.ownHelpRequest' } },
      },
    },
    async (req, reply) => {
      const madeAt = new Date(req.body.madeAt);
      // Audited by hand: only a request that is new raises a signal to audit (one sent again writes nothing).
      const result = await personRoute(app, req, async ({ trx, now, person, audit }) => {
        if (!Number.isFinite(madeAt.getTime()) || madeAt.getTime() > now.getTime() + 5 * 60_000) {
          throw badRequest('invalid_time', say('errors.helpTimeInvalid'), [{ field: 'madeAt' }]);
        }
        const finding = {
          kind: 'help-requested' as const,
          key: req.body.id,
          checkinId: null,
          explanation: {
            key: 'signal.helpRequested',
            params: { at: req.body.madeAt, day: osloDate(madeAt) },
          },
        };
        const [raised, team, steps] = await Promise.all([
          trx
            .insertInto('signal')
            .values((eb) => ({
              tenant_id: person.organisationId,
              person_id: person.id,
              kind: finding.kind,
              key: finding.key,
              finding: JSON.stringify(finding),
              unit_id: eb
                .selectFrom('episode')
                .select('unit_id')
                .where('tenant_id', '=', person.organisationId)
                .where('person_id', '=', person.id)
                .where('state', '<>', 'ended')
                .orderBy('opened_on', 'desc')
                .limit(1),
              raised_at: now,
            }))
            .onConflict((oc) => oc.columns(['tenant_id', 'person_id', 'kind', 'key']).doNothing())
            .returning('id')
            .executeTakeFirst(),
          trx
            .selectFrom('care_relation')
            .select('account_id')
            .distinct()
            .where('tenant_id', '=', person.organisationId)
            .where('person_id', '=', person.id)
            .where('from_at', '<=', now)
            .where((w) => w.or([w('to_at', 'is', null), w('to_at', '>', now)]))
            .execute(),
          planStepsOf(trx, person),
        ]);
        if (raised) await audit('create', 'Signal', raised.id);
        return {
          signalId: raised?.id ?? null,
          team: team.map((t) => t.account_id),
          steps: stepsFor(finding, steps),
        };
      });
      // After the commit: a notice is sent only for a request that is stored.
      if (result.signalId) {
        await app.notifier.send({ kind: 'help-requested', to: result.team, signalId: result.signalId });
      }
      return reply.code(result.signalId ? 201 : 200).send({
        created: result.signalId !== null,
        notified: result.team.length,
        steps: result.steps,
        emergencyNumbers: EMERGENCY_NUMBERS,
      });
    },
  );

  // The pinned block (docs/decisions/0015-help-requests.md): every open help request the user may see, oldest
  // first, read from the partial indexes of migration 0011 in one statement (a worker with 60 persons
  // probes one short index range per person; a leader also their unit's range).
  app.get(
    '/api/help-requests/open',
    {
      schema: { querystring: NoQuery, response: { 200: OpenHelpRequests } },
      config: { access: { roles: STAFF_WHO_TAKE } },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx, now) => {
        const rows = await trx
          .selectFrom('signal as s')
          .innerJoin('person as p', (j) =>
            j.onRef('p.tenant_id', '=', 's.tenant_id').onRef('p.id', '=', 's.person_id'),
          )
          .select([
            's.id',
            's.tenant_id',
            's.person_id',
            's.raised_at',
            's.escalated_at',
            'p.given_name',
            'p.family_name',
          ])
          .where('s.kind', '=', 'help-requested')
          .where('s.acknowledged_at', 'is', null)
          .where((w) =>
            mineOrMyUnit(
              w,
              actor,
              w.exists(
                w
                  .selectFrom('care_relation as r')
                  .select('r.id')
                  .whereRef('r.tenant_id', '=', 's.tenant_id')
                  .whereRef('r.person_id', '=', 's.person_id')
                  .where('r.account_id', '=', actor.accountId)
                  .where('r.from_at', '<=', now)
                  .where((x) => x.or([x('r.to_at', 'is', null), x('r.to_at', '>', now)])),
              ),
              { tenant: 's.tenant_id', unit: 's.unit_id' },
            ),
          )
          .orderBy('s.raised_at')
          .limit(50)
          .execute();
        await auditWorklist(trx, actor, now, 'Signal', rows);
        return {
          helpRequests: rows.map((r) => ({
            id: r.id,
            person: { id: r.person_id, givenName: r.given_name, familyName: r.family_name },
            raisedAt: r.raised_at,
            escalatedAt: r.escalated_at,
          })),
        };
      });
    },
  );

  // "Jeg tar den": the caller takes the request; the person then sees who and when. Once only: a second
  // taker gets 409 and the first stays.
  app.post(
    '/api/help-requests/:signalId/take',
    {
      schema: { params: SignalParams, querystring: NoQuery, response: { 200: HelpRequestTaken } },
      config: { access: { roles: STAFF_WHO_TAKE } },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx, now) => {
        const row = await trx
          .selectFrom('signal')
          .select(['kind', 'person_id'])
          .where('id', '=', req.params.signalId)
          .executeTakeFirst();
        if (!row) throw notFound(HELP.words.notFound);
        // Need to know first (a break-glass opening may not take one), then whether it is a help request.
        await requirePersonAccess(trx, actor, row.person_id, now);
        if (row.kind !== 'help-requested') throw notFound(HELP.words.notFound);
        // No note is asked for: taking it is the point; what was done goes in the journal.
        await acknowledge(trx, actor, now, HELP, req.params.signalId, '');
        return { id: req.params.signalId, taken: { at: now, byName: actor.displayName } };
      });
    },
  );

  // The person's own help requests: the newest first, each with who took it and when (or not yet).
  app.get(
    '/api/persons/:personId/help-requests',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: OwnHelpRequests } },
      config: {
        access: { roles: [...STAFF_WHO_TAKE, 'patient'] },
        audit: { action: 'read', resource: 'Signal' },
      },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, person }) => {
        const rows = await trx
          .selectFrom('signal')
          .select(['id', 'raised_at', 'acknowledged_at', 'acknowledged_by_name'])
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .where('kind', '=', 'help-requested')
          .orderBy('raised_at', 'desc')
          .limit(10)
          .execute();
        return {
          helpRequests: rows.map((r) => ({
            id: r.id,
            raisedAt: r.raised_at,
            taken: r.acknowledged_at ? { at: r.acknowledged_at, byName: r.acknowledged_by_name } : null,
          })),
        };
      }),
  );
}
