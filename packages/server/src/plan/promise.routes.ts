import { NoQuery, PersonParams, PromiseBody, PromiseCreated, PromiseList, say } from '@bedring/contract';
import { osloDate, promiseStatus } from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { openTask } from '../pathway/task.repository.ts';
import { PlanRefusals, PlanRoles, requirePlanAction } from './plan.access.ts';
import { promiseEpisode } from './plan-write.repository.ts';

/**
 * Promises (løfter, docs/decisions/0006-plans.md; docs/domain/plans.md, U-23, CAP-33): what staff commit to
 * the person is a task of kind "promise" with an owner and a due date. It is on the owner's GET /api/tasks,
 * escalates to the unit leader when overdue like every task, is completed by POST /api/tasks/{id}/complete
 * (kept / withdrawn) — and the person sees every promise made to them here.
 */
export async function promiseRoutes(app: App) {
  app.get(
    '/api/persons/:personId/promises',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: PromiseList } },
      config: { access: { roles: PlanRoles.record }, audit: { action: 'read', resource: 'Task' } },
    },
    async (req) => {
      return personRoute(app, req, async (w) => {
        const rows = await w.trx
          .selectFrom('pathway_task as t')
          .leftJoin('staff_directory as s', 's.id', 't.assignee_account_id')
          .selectAll('t')
          .select('s.display_name as owner_name')
          .where('t.tenant_id', '=', w.person.organisationId)
          .where('t.person_id', '=', w.person.id)
          .where('t.kind', '=', 'promise')
          .orderBy('t.escalate_on')
          .orderBy('t.id')
          .execute();
        const today = osloDate(w.now);
        return {
          today,
          promises: rows.map((t) => ({
            id: t.id,
            promise: t.promise ?? '',
            owner: { id: t.assignee_account_id, name: t.owner_name },
            promisedBy: { id: t.promised_by, name: t.promised_by_name },
            madeOn: t.created_on,
            dueOn: t.escalate_on,
            status: promiseStatus(
              { dueOn: t.escalate_on, completedOn: t.completed_on, outcome: t.outcome },
              today,
            ),
            completedOn: t.completed_on,
            note: t.note,
          })),
        };
      });
    },
  );

  app.post(
    '/api/persons/:personId/promises',
    {
      schema: { params: PersonParams, body: PromiseBody, response: { 201: PromiseCreated } },
      config: {
        access: { roles: PlanRoles.promise, refusal: PlanRefusals.promise },
        audit: { action: 'create', resource: 'Task', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      const result = await personRoute(app, req, async (w) => {
        await requirePlanAction(w, actor, { kind: 'make-promise' });
        const today = osloDate(w.now);
        if (b.dueOn < today) {
          throw badRequest('due_before_today', say('errors.dueBeforeToday'), [{ field: 'dueOn' }]);
        }
        const owner = await w.trx
          .selectFrom('staff_directory')
          .select(['id', 'tenant_id'])
          .where('id', '=', b.ownerAccountId ?? actor.accountId)
          .executeTakeFirst();
        if (!owner) {
          throw badRequest('owner_not_staff', say('errors.ownerNotStaff'), [{ field: 'ownerAccountId' }]);
        }
        const episode = await promiseEpisode(w.trx, w.person);
        if (!episode) throw conflict('no_episode', say('errors.promiseNoEpisode'));
        const id = await openTask(w.trx, {
          person: w.person,
          episodeId: episode.id,
          kind: 'promise',
          handoverId: null,
          assignee: { accountId: owner.id, organisationId: owner.tenant_id },
          unitId: episode.unit_id,
          createdOn: today,
          promise: {
            text: b.promise,
            dueOn: b.dueOn,
            by: { accountId: actor.accountId, name: actor.displayName },
          },
        });
        return { id, dueOn: b.dueOn };
      });
      return reply.code(201).send(result);
    },
  );
}
