import { type AccessBasis, say, UnitAccessLog, UnitAccessLogQuery } from '@bedring/contract';
import { sql } from 'kysely';
import { recordAudits } from '../audit/audit.repository.ts';
import type { App } from '../http/app.type.ts';
import { badRequest } from '../http/errors.ts';
import { asActor } from './as-actor.ts';

/** Entries per page unless asked for fewer: "Vis flere" reads the next page (keyset, newest first). */
const LIMIT = 200;

/**
 * The unit leader's access log (docs/decisions/0016-worklists.md): who read and wrote the records of the
 * unit's persons, on what basis, filterable by person, staff member, period and basis, break-glass
 * included. The unit's persons are those with an episode, open or ended, in the leader's unit. Following
 * up access is the leader's duty (Normen); the view itself is personal data, so each person shown is
 * audited as a search on their record, as on every worklist (access/worklist.ts). A page at a time, newest
 * first: `after` is the id of the previous page's last entry, and the next page starts below its (at, seq).
 * Escalated help requests are there too, as Bedring's own entries (basis `system`, decision 0015).
 */
export async function unitAccessLogRoutes(app: App) {
  app.get(
    '/api/access-log',
    {
      schema: { querystring: UnitAccessLogQuery, response: { 200: UnitAccessLog } },
      config: { access: { roles: ['leader'] } },
    },
    async (req) => {
      const actor = req.actor!;
      const q = req.query;
      const unitId = actor.unitId;
      if (!unitId) throw badRequest('unit_required', say('errors.unitRequired'), [{ field: 'unitId' }]);
      if (q.from && q.to && q.from > q.to)
        throw badRequest('period_reversed', say('errors.accessLogPeriodReversed'), [{ field: 'from' }]);
      const limit = q.limit ? Number(q.limit) : LIMIT;
      return asActor(app, actor, async (trx, now) => {
        const cursor = q.after
          ? await trx
              .selectFrom('audit_event')
              .select('id')
              .where('tenant_id', '=', actor.organisationId)
              .where('id', '=', q.after)
              .executeTakeFirst()
          : undefined;
        if (q.after && !cursor)
          throw badRequest('cursor_unknown', say('errors.accessLogCursorUnknown'), [{ field: 'after' }]);
        let list = trx
          .selectFrom('audit_event as e')
          .innerJoin('person as p', (j) =>
            j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'),
          )
          .leftJoin('staff_directory as s', 's.id', 'e.actor_account_id')
          .select([
            'e.id',
            'e.at',
            'e.action',
            'e.resource_type',
            'e.actor_account_id',
            'e.actor_role',
            'e.break_glass_reason',
            'e.person_id',
            'p.given_name',
            'p.family_name',
            's.display_name',
          ])
          .where('e.tenant_id', '=', actor.organisationId)
          .where((w) =>
            w.exists(
              w
                .selectFrom('episode as ep')
                .select('ep.id')
                .whereRef('ep.tenant_id', '=', 'e.tenant_id')
                .whereRef('ep.person_id', '=', 'e.person_id')
                .where('ep.unit_id', '=', unitId),
            ),
          );
        if (q.personId) list = list.where('e.person_id', '=', q.personId);
        if (q.accountId) list = list.where('e.actor_account_id', '=', q.accountId);
        // A period is whole days in Norway, both ends included.
        if (q.from)
          list = list.where('e.at', '>=', sql<Date>`(${q.from}::date::timestamp at time zone 'Europe/Oslo')`);
        if (q.to)
          list = list.where(
            'e.at',
            '<',
            sql<Date>`((${q.to}::date + 1)::timestamp at time zone 'Europe/Oslo')`,
          );
        if (q.basis === 'break-glass') list = list.where('e.break_glass_reason', 'is not', null);
        if (q.basis === 'own-record') list = list.where('e.actor_role', '=', 'patient');
        if (q.basis === 'system') list = list.where('e.actor_role', '=', 'system');
        if (q.basis === 'need-to-know')
          list = list
            .where('e.break_glass_reason', 'is', null)
            .where('e.actor_role', 'not in', ['patient', 'system']);
        // Compared in the database, so the cursor's time keeps its full precision.
        if (cursor)
          list = list.where(
            sql<boolean>`(e.at, e.seq) < (select c.at, c.seq from audit_event c
              where c.tenant_id = ${actor.organisationId} and c.id = ${cursor.id})`,
          );
        const found = await list
          .orderBy('e.at', 'desc')
          .orderBy('e.seq', 'desc')
          .limit(limit + 1)
          .execute();
        const rows = found.slice(0, limit);
        await recordAudits(
          trx,
          actor,
          [...new Set(rows.map((r) => r.person_id!))].map((personId) => ({
            action: 'search' as const,
            tenantId: actor.organisationId,
            personId,
            resourceType: 'AccessLog',
            resourceId: unitId,
          })),
          now,
        );
        return {
          unitId,
          limit,
          next: found.length > limit ? rows[rows.length - 1]!.id : null,
          entries: rows.map((r) => ({
            id: r.id,
            at: r.at,
            action: r.action,
            resourceType: r.resource_type,
            basis: basisOf(r),
            breakGlassReason: r.break_glass_reason,
            person: { id: r.person_id!, givenName: r.given_name, familyName: r.family_name },
            actor: {
              id: r.actor_account_id,
              // The person reading their own record is named as such in the web, not by name here.
              name: r.actor_role === 'patient' ? null : r.display_name,
              role: r.actor_role,
            },
          })),
        };
      });
    },
  );
}

function basisOf(r: { actor_role: string; break_glass_reason: string | null }): AccessBasis {
  if (r.break_glass_reason !== null) return 'break-glass';
  if (r.actor_role === 'system') return 'system';
  return r.actor_role === 'patient' ? 'own-record' : 'need-to-know';
}
