import { LapseBody, LapseCreated, LapseList, NoQuery, PersonParams, say } from '@bedring/contract';
import { lapsePromptsUpdate, osloDate, type PersonRef, progressOf, type Role } from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { Tx } from '../db/transaction.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { badRequest } from '../http/errors.ts';
import { lapseReachesSpecialists } from '../pathway/lapse-notice.repository.ts';
import { PlanRefusals, PlanRoles, requirePlanAction } from './plan.access.ts';
import { lastLapseAtVersion } from './plan.repository.ts';
import { recordLapse, relapsePlanVersion } from './plan-write.repository.ts';

/**
 * Lapses (docs/decisions/0006-plans.md; docs/domain/plans.md, M-04): an event with the person's own look at
 * the chain — the situation, thoughts and feelings, what happened, what helped — never a judgement and never
 * a reset. Recording one prompts looking at the relapse-prevention plan together (a warning on the plan until
 * it changes), and it reaches the specialist team that still holds the person, wherever it was recorded
 * (docs/decisions/0018-handover-and-self-admission.md).
 */
export async function lapseRoutes(app: App) {
  app.get(
    '/api/persons/:personId/lapses',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: LapseList } },
      config: { access: { roles: PlanRoles.record }, audit: { action: 'read', resource: 'Lapse' } },
    },
    async (req) => {
      const actor = req.actor!;
      return personRoute(app, req, async (w) => {
        await requirePlanAction(w, actor, { kind: 'read', part: 'relapse-prevention' });
        const rows = await lapsesOf(w.trx, w.person);
        const since = await treatmentStart(w.trx, w.person);
        const plan = await relapsePlanVersion(w.trx, w.person);
        const today = osloDate(w.now);
        return {
          today,
          progress: progressOf(
            since,
            rows.map((r) => r.occurred_on),
            today,
          ),
          lookAtPlanTogether: lapsePromptsUpdate(await lastLapseAtVersion(w.trx, w.person), plan),
          lapses: rows.map((r) => ({
            id: r.id,
            occurredOn: r.occurred_on,
            situation: r.situation,
            thoughtsFeelings: r.thoughts_feelings,
            whatHappened: r.what_happened,
            whatHelped: r.what_helped,
            writtenBy: r.written_by,
            author: { id: r.author_account_id, name: r.author_name, role: r.author_role as Role },
            recordedAt: r.recorded_at,
          })),
        };
      });
    },
  );

  app.post(
    '/api/persons/:personId/lapses',
    {
      schema: { params: PersonParams, body: LapseBody, response: { 201: LapseCreated } },
      config: {
        access: { roles: PlanRoles.write, refusal: PlanRefusals.write },
        audit: { action: 'create', resource: 'Lapse', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      const words = [b.situation, b.thoughtsFeelings, b.whatHappened, b.whatHelped];
      if (words.every((x) => !x?.trim())) {
        throw badRequest('lapse_without_words', say('errors.lapseWithoutWords'), [{ field: 'situation' }]);
      }
      const result = await personRoute(app, req, async (w) => {
        await requirePlanAction(w, actor, { kind: 'record-lapse' });
        notInFuture(b.occurredOn, w.now, 'occurredOn');
        const id = await recordLapse(w.trx, actor, w.person, b, w.now);
        // Relapse without losing one's place: the specialist team that still holds the person hears of it.
        const taskId = await lapseReachesSpecialists(w.trx, actor, w.person, id, w.now);
        return { id, prompt: 'look-at-plan-together' as const, specialistNotified: taskId !== null };
      });
      return reply.code(201).send(result);
    },
  );
}

/** The person's lapses, newest first (the caller has checked that the relapse-prevention plan is visible). */
export function lapsesOf(trx: Tx, person: PersonRef) {
  return trx
    .selectFrom('lapse')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .orderBy('occurred_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

/** The first day of treatment: the first attendance on the pathway, else the first episode's opening. */
async function treatmentStart(trx: Tx, person: PersonRef): Promise<string | null> {
  const attended = await trx
    .selectFrom('pathway_event')
    .select((e) => e.fn.min<string>('date').as('first'))
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('kind', '=', 'first-attendance')
    .executeTakeFirst();
  if (attended?.first) return attended.first;
  const opened = await trx
    .selectFrom('episode')
    .select((e) => e.fn.min<string>('opened_on').as('first'))
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .executeTakeFirst();
  return opened?.first ?? null;
}
