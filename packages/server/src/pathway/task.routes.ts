import { NoQuery, say, TaskCompleteBody, TaskCompleted, TaskList, TaskParams } from '@bedring/contract';
import { osloDate, outcomesFor, type TaskKind, type TaskOutcome, taskStatus } from '@bedring/domain';
import { requirePersonAccess } from '../access/access.guard.ts';
import { asActor } from '../access/as-actor.ts';
import { auditWorklist } from '../access/worklist.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import { lockEpisode, openEpisode, recordEvent } from './episode.repository.ts';
import { PathwayAccess } from './pathway.access.ts';
import { closeTask } from './task.repository.ts';

/**
 * Tasks that close loops: the municipal worker's handover tasks ("første kontakt"), the clinician's
 * re-engagement tasks after a drop-out, the promises staff made to a person (docs/domain/plans.md, U-23), and
 * for a unit leader the tasks of their organisation that have escalated.
 */
export async function taskRoutes(app: App) {
  app.get(
    '/api/tasks',
    {
      schema: { querystring: NoQuery, response: { 200: TaskList } },
      config: { access: PathwayAccess.worklist },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx, now) => {
        const today = osloDate(now);
        const rows = await trx
          .selectFrom('pathway_task as t')
          .innerJoin('person as p', (j) =>
            j.onRef('p.tenant_id', '=', 't.tenant_id').onRef('p.id', '=', 't.person_id'),
          )
          .innerJoin('organisation as o', 'o.id', 't.tenant_id')
          .leftJoin('staff_directory as s', 's.id', 't.assignee_account_id')
          .select([
            't.id',
            't.tenant_id',
            't.kind',
            't.person_id',
            't.episode_id',
            't.assignee_account_id',
            't.created_on',
            't.escalate_on',
            'p.given_name',
            'p.family_name',
            'o.name as organisation_name',
            's.display_name as assignee_name',
            't.promise',
          ])
          .where('t.completed_on', 'is', null)
          // Not mineOrMyUnit (access/worklist.ts): a leader sees the escalated tasks of the organisation,
          // and only those, not every task of their unit.
          .where((w) =>
            actor.role === 'leader'
              ? w.or([
                  w('t.assignee_account_id', '=', actor.accountId),
                  // Escalated tasks of records the organisation holds, and those its own staff owe
                  // elsewhere (a municipal worker's promise on a record the TSB holds).
                  w.and([
                    w.or([
                      w('t.tenant_id', '=', actor.organisationId),
                      w('t.assignee_organisation_id', '=', actor.organisationId),
                    ]),
                    w('t.escalate_on', '<', today),
                  ]),
                ])
              : w('t.assignee_account_id', '=', actor.accountId),
          )
          .orderBy('t.escalate_on')
          .limit(200)
          .execute();
        await auditWorklist(trx, actor, now, 'Task', rows);
        return {
          today,
          tasks: rows.map((r) => ({
            id: r.id,
            kind: r.kind as TaskKind,
            person: { id: r.person_id, givenName: r.given_name, familyName: r.family_name },
            organisationName: r.organisation_name,
            episodeId: r.episode_id,
            mine: r.assignee_account_id === actor.accountId,
            assignee: { id: r.assignee_account_id, name: r.assignee_name },
            createdOn: r.created_on,
            escalateOn: r.escalate_on,
            // Not completed: open or escalated.
            status: taskStatus({ escalateOn: r.escalate_on, completedOn: null }, today) as
              | 'open'
              | 'escalated',
            promise: r.promise,
          })),
        };
      });
    },
  );

  app.post(
    '/api/tasks/:taskId/complete',
    {
      schema: { params: TaskParams, body: TaskCompleteBody, response: { 200: TaskCompleted } },
      config: { access: PathwayAccess.completeTask },
    },
    async (req) => {
      const actor = req.actor!;
      const b = req.body;
      return asActor(app, actor, async (trx, now) => {
        notInFuture(b.date, now, 'date');
        const task = await trx
          .selectFrom('pathway_task')
          .selectAll()
          .where('id', '=', req.params.taskId)
          .forUpdate()
          .executeTakeFirst();
        if (!task) throw notFound(say('errors.taskNotFound'));
        // Audited by hand: the person is the task's, not the URL's, and the access basis is the assignee's.
        const isAssignee = task.assignee_account_id === actor.accountId;
        // A leader reaches the tasks GET /api/tasks shows them: escalated ones of their organisation. Any
        // other task is the assignee's, on a record the leader has no need to know about.
        const escalated =
          taskStatus({ escalateOn: task.escalate_on, completedOn: null }, osloDate(now)) === 'escalated';
        const ours =
          task.tenant_id === actor.organisationId || task.assignee_organisation_id === actor.organisationId;
        const isLeader = actor.role === 'leader' && ours && escalated;
        if (!isAssignee && !isLeader) throw forbidden('not_your_task', say('errors.notYourTask'));
        // The assignee works on the person's record, so need to know is checked as for every record route.
        const { person, decision } = isAssignee
          ? await requirePersonAccess(trx, actor, task.person_id, now)
          : { person: { id: task.person_id, organisationId: task.tenant_id }, decision: null };
        const kind = task.kind as TaskKind;
        const outcome = b.outcome as TaskOutcome;
        if (!outcomesFor[kind].includes(outcome)) {
          throw badRequest('outcome_not_for_task', say('errors.outcomeNotForTask'), [{ field: 'outcome' }]);
        }
        if (task.completed_on) throw conflict('task_completed', say('errors.taskCompleted'));
        if (b.date < task.created_on)
          throw badRequest('before_task', say('errors.beforeTask'), [{ field: 'date' }]);
        const who = { actor, now };
        let episodeId: string | null = null;
        if (outcome === 'first-contact') {
          await trx
            .updateTable('handover')
            .set({ first_contact_on: b.date })
            .where('tenant_id', '=', task.tenant_id)
            .where('id', '=', task.handover_id ?? '')
            .execute();
          const episode = await lockEpisode(trx, person, task.episode_id);
          // The first contact is the start of municipal follow-up (docs/domain/pathway.md, P-44): the episode
          // moves on with it. A first meeting before discharge is good practice (P-42); follow-up then starts
          // on the discharge day.
          if (episode.state === 'discharged') {
            const discharged = episode.times.events.at(-1)?.date ?? b.date;
            await recordEvent(trx, who, person, episode, {
              kind: 'follow-up-started',
              date: b.date < discharged ? discharged : b.date,
              note: b.note ?? '',
            });
          }
        } else if (outcome === 'new-round') {
          const previous = await lockEpisode(trx, person, task.episode_id);
          episodeId = await openEpisode(trx, who, {
            person,
            unitId: previous.unitId,
            opening: 'readmitted',
            date: b.date,
            referral: null,
            previousEpisodeId: previous.id,
            responsibleAccountId: previous.responsibleAccountId,
            plannedSetting: previous.times.plannedSetting,
          });
        }
        await closeTask(trx, actor, task, { date: b.date, outcome, note: b.note ?? '' });
        await recordAudit(
          trx,
          actor,
          {
            action: 'update',
            tenantId: task.tenant_id,
            personId: task.person_id,
            resourceType: 'Task',
            resourceId: task.id,
            breakGlassReason: decision?.breakGlassReason ?? null,
          },
          now,
        );
        return { status: 'completed', outcome, episodeId };
      });
    },
  );
}
