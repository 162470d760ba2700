import { BoardQuery, type BoardStatus, DeadlineBoard, say } from '@bedring/contract';
import { addDays, type DeadlineKind, DUE_SOON_DAYS, deadlineStatus, osloDate } from '@bedring/domain';
import { asActor } from '../access/as-actor.ts';
import { recordAudits } from '../audit/audit.repository.ts';
import type { App } from '../http/app.type.ts';
import { badRequest } from '../http/errors.ts';
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
}
