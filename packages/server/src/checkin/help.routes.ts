import { HelpAnswer, HelpRequest, PersonParams, say } from '@bedring/contract';
import { EMERGENCY_NUMBERS, osloDate } from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { badRequest } from '../http/errors.ts';
import { planStepsOf, stepsFor } from './checkin.repository.ts';

/**
 * "Jeg trenger hjelp nå" (docs/decisions/0007-checkins-and-signals.md; docs/domain/plans.md, CAP-23): one
 * tap. The portal shows the crisis plan at once from what it already has (also offline); this records the
 * request as a signal on the care team's worklist and sends them a notice (notify/notifier.ts). Sent again
 * after being offline, it is the same request: one signal, one notice.
 */
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
}
