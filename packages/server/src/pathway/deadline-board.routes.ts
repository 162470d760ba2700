import {
  BoardEpisode,
  BoardEpisodeParams,
  BoardQuery,
  type BoardStatus,
  DeadlineBoard,
  NoQuery,
  say,
} from '@bedring/contract';
import {
  addDays,
  type DeadlineKind,
  DUE_SOON_DAYS,
  deadlineStatus,
  type EpisodeState,
  osloDate,
  type TaskKind,
  taskStatus,
} from '@bedring/domain';
import { asActor } from '../access/as-actor.ts';
import { recordAudits } from '../audit/audit.repository.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { PathwayAccess } from './pathway.access.ts';

/**
 * The deadline board ("frister"): open pathway deadlines of a unit for its leader, or of one clinician
 * for themself, most urgent first. Deadlines are stored by the rules when events are recorded, so this
 * is one indexed query however many episodes the unit has. Each person shown is audited.
 */
export async function deadlineBoardRoutes(app: App) {
  app.get(
    '/api/deadlines',
    {
      schema: { querystring: BoardQuery, response: { 200: DeadlineBoard } },
      config: { access: PathwayAccess.board },
    },
    async (req) => {
      const actor = req.actor!;
      const q = req.query;
      // Need to know: a leader sees the unit; a clinician sees the deadlines they are responsible for.
      const accountId = actor.role === 'leader' ? (q.accountId ?? null) : actor.accountId;
      const unitId = actor.role === 'leader' ? (q.unitId ?? actor.unitId) : null;
      if (actor.role === 'leader' && !unitId)
        throw badRequest('unit_required', say('errors.unitRequired'), [{ field: 'unitId' }]);
      const limit = Math.min(Number(q.limit ?? 50), 200);
      const offset = Number(q.offset ?? 0);
      return asActor(app, actor, async (trx, now) => {
        const today = osloDate(now);
        const soon = addDays(today, DUE_SOON_DAYS);
        let base = trx
          .selectFrom('pathway_deadline as d')
          .where('d.tenant_id', '=', actor.organisationId)
          .where('d.met_on', 'is', null)
          .where('d.closed_on', 'is', null);
        if (unitId) base = base.where('d.unit_id', '=', unitId);
        if (accountId) base = base.where('d.responsible_account_id', '=', accountId);
        const counts = await base
          .select((eb) => [
            eb.fn.countAll<string>().as('open'),
            eb.fn.countAll<string>().filterWhere('d.due_on', '<', today).as('overdue'),
            eb.fn
              .countAll<string>()
              .filterWhere((w) => w.and([w('d.due_on', '>=', today), w('d.due_on', '<=', soon)]))
              .as('due_soon'),
          ])
          .executeTakeFirstOrThrow();
        let list = base
          .innerJoin('person as p', (j) =>
            j.onRef('p.tenant_id', '=', 'd.tenant_id').onRef('p.id', '=', 'd.person_id'),
          )
          .leftJoin('staff_directory as s', 's.id', 'd.responsible_account_id')
          .select([
            'd.episode_id',
            'd.person_id',
            'd.kind',
            'd.starts_on',
            'd.due_on',
            'd.unit_id',
            'd.setting_class',
            'd.limit_days',
            'p.given_name',
            'p.family_name',
            's.display_name as responsible_name',
            'd.responsible_account_id',
          ]);
        if (q.status === 'overdue') list = list.where('d.due_on', '<', today);
        if (q.status === 'due-soon') list = list.where('d.due_on', '>=', today).where('d.due_on', '<=', soon);
        if (q.status === 'open') list = list.where('d.due_on', '>', soon);
        const rows = await list
          .orderBy('d.due_on')
          .orderBy('d.episode_id')
          .limit(limit)
          .offset(offset)
          .execute();
        // One audit event per person shown, written in one insert (sent with COMMIT): one statement per
        // person cost more than the board's queries (docs/benchmarks.md).
        await recordAudits(
          trx,
          actor,
          [...new Set(rows.map((r) => r.person_id))].map((personId) => ({
            action: 'search' as const,
            tenantId: actor.organisationId,
            personId,
            resourceType: 'DeadlineBoard',
            resourceId: unitId,
          })),
          now,
        );
        return {
          today,
          unitId,
          accountId,
          counts: {
            open: Number(counts.open),
            overdue: Number(counts.overdue),
            dueSoon: Number(counts.due_soon),
          },
          deadlines: rows.map((r) => {
            const deadline = {
              kind: r.kind as DeadlineKind,
              startsOn: r.starts_on,
              dueOn: r.due_on,
              metOn: null,
              closedOn: null,
              settingClass: r.setting_class as 'outpatient' | 'inpatient' | null,
              limitDays: r.limit_days,
            };
            return {
              ...deadline,
              // Neither met nor closed: open, due soon or overdue.
              status: deadlineStatus(deadline, today) as BoardStatus,
              episodeId: r.episode_id,
              person: { id: r.person_id, givenName: r.given_name, familyName: r.family_name },
              responsible: r.responsible_account_id
                ? { id: r.responsible_account_id, name: r.responsible_name }
                : null,
            };
          }),
        };
      });
    },
  );

  // What a unit leader may see of a row on the board without opening the record, and so without
  // break-glass (docs/decisions/0016-worklists.md): the deadlines, the episode's state and its open tasks,
  // what the board already knows. Only for an episode of the leader's own unit; another unit's episode is
  // not found, as if it were not there.
  app.get(
    '/api/deadlines/:episodeId',
    {
      schema: { params: BoardEpisodeParams, querystring: NoQuery, response: { 200: BoardEpisode } },
      config: { access: { roles: ['leader'] } },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx, now) => {
        const today = osloDate(now);
        const episode = actor.unitId
          ? await trx
              .selectFrom('episode as e')
              .innerJoin('person as p', (j) =>
                j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'),
              )
              .innerJoin('unit as u', (j) =>
                j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.unit_id'),
              )
              .leftJoin('staff_directory as s', 's.id', 'e.responsible_account_id')
              .select([
                'e.id',
                'e.state',
                'e.opened_on',
                'e.person_id',
                'e.unit_id',
                'e.responsible_account_id',
                'p.given_name',
                'p.family_name',
                'u.name as unit_name',
                's.display_name as responsible_name',
              ])
              .where('e.tenant_id', '=', actor.organisationId)
              .where('e.id', '=', req.params.episodeId)
              .where('e.unit_id', '=', actor.unitId)
              .executeTakeFirst()
          : undefined;
        if (!episode) throw notFound();
        const deadlines = await trx
          .selectFrom('pathway_deadline as d')
          .leftJoin('staff_directory as s', 's.id', 'd.responsible_account_id')
          .select([
            'd.kind',
            'd.starts_on',
            'd.due_on',
            'd.setting_class',
            'd.limit_days',
            'd.responsible_account_id',
            's.display_name as responsible_name',
          ])
          .where('d.tenant_id', '=', actor.organisationId)
          .where('d.episode_id', '=', episode.id)
          .where('d.met_on', 'is', null)
          .where('d.closed_on', 'is', null)
          .orderBy('d.due_on')
          .execute();
        const tasks = await trx
          .selectFrom('pathway_task as t')
          .leftJoin('staff_directory as s', 's.id', 't.assignee_account_id')
          .select([
            't.id',
            't.kind',
            't.created_on',
            't.escalate_on',
            't.assignee_account_id',
            's.display_name',
          ])
          .where('t.tenant_id', '=', actor.organisationId)
          .where('t.episode_id', '=', episode.id)
          .where('t.completed_on', 'is', null)
          .orderBy('t.escalate_on')
          .execute();
        // The leader's look is a read on the person's record, in the person's access log like the board's rows.
        await recordAudits(
          trx,
          actor,
          [
            {
              action: 'read',
              tenantId: actor.organisationId,
              personId: episode.person_id,
              resourceType: 'DeadlineBoard',
              resourceId: episode.id,
            },
          ],
          now,
        );
        const person = {
          id: episode.person_id,
          givenName: episode.given_name,
          familyName: episode.family_name,
        };
        return {
          today,
          episodeId: episode.id,
          person,
          unit: { id: episode.unit_id, name: episode.unit_name },
          state: episode.state as EpisodeState,
          openedOn: episode.opened_on,
          responsible: episode.responsible_account_id
            ? { id: episode.responsible_account_id, name: episode.responsible_name }
            : null,
          deadlines: deadlines.map((r) => {
            const deadline = {
              kind: r.kind as DeadlineKind,
              startsOn: r.starts_on,
              dueOn: r.due_on,
              metOn: null,
              closedOn: null,
              settingClass: r.setting_class as 'outpatient' | 'inpatient' | null,
              limitDays: r.limit_days,
            };
            return {
              ...deadline,
              status: deadlineStatus(deadline, today) as BoardStatus,
              episodeId: episode.id,
              person,
              responsible: r.responsible_account_id
                ? { id: r.responsible_account_id, name: r.responsible_name }
                : null,
            };
          }),
          tasks: tasks.map((r) => ({
            id: r.id,
            kind: r.kind as TaskKind,
            createdOn: r.created_on,
            escalateOn: r.escalate_on,
            status: taskStatus({ escalateOn: r.escalate_on, completedOn: null }, today) as
              | 'open'
              | 'escalated',
            assignee: { id: r.assignee_account_id, name: r.display_name },
          })),
        };
      });
    },
  );
}
