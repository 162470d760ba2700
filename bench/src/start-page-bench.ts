import { osloDate } from '@bedring/domain';
import { asOwner, type ClusterAccess } from './cluster-access.ts';
import { lit, type RequestContext, sessionAndBegin } from './pgbench-scripts.ts';
import type { PreparedRequest } from './prepared-request.ts';

/**
 * The start page of a worker with START_PERSONS persons (docs/benchmarks.md): `behandler`'s caseload is
 * topped up to that many with care relations to other persons of the organisation, and OPEN_HELP of them
 * have asked for help and not yet been answered. The page asks for two things: the caseload as a work
 * list (`GET /api/persons`, with each person's open help requests, signals, overdue deadlines and tasks and
 * last contact) and the pinned help requests (`GET /api/help-requests/open`); each is measured with a
 * pgbench script that does the same.
 */
export const START_PERSONS = 60;
export const OPEN_HELP = 3;

export interface StartPageFacts {
  persons: number;
  openHelpRequests: number;
}

export async function prepareStartPage(
  origin: string,
  headers: Record<string, string>,
  access: ClusterAccess,
  context: RequestContext,
): Promise<{ requests: { start: PreparedRequest; pinned: PreparedRequest }; facts: StartPageFacts }> {
  const facts = await asOwner(access, async (c) => {
    await c.query(
      `insert into care_relation (tenant_id, person_id, account_id, organisation_id, kind, from_at)
       select p.tenant_id, p.id, $2, $1, 'care-team', now() - interval '30 days'
       from person p
       where p.tenant_id = $1 and not exists (select 1 from care_relation r where r.tenant_id = p.tenant_id
         and r.person_id = p.id and r.account_id = $2)
       order by p.id
       limit greatest(0, $3::int - (select count(*) from care_relation where account_id = $2
         and from_at <= now() and (to_at is null or to_at > now())))`,
      [context.tenantId, context.accountId, START_PERSONS],
    );
    await c.query(
      `insert into signal (tenant_id, person_id, kind, key, finding, raised_at)
       select r.tenant_id, r.person_id, 'help-requested', gen_random_uuid()::text,
         jsonb_build_object('kind', 'help-requested', 'checkinId', null,
           'explanation', jsonb_build_object('key', 'signal.helpRequested', 'params', '{}'::jsonb)),
         now() - make_interval(mins => n::int)
       from (select tenant_id, person_id, row_number() over (order by person_id) as n from care_relation
         where account_id = $1 and (to_at is null or to_at > now())) as r
       where n <= $2`,
      [context.accountId, OPEN_HELP],
    );
    await c.query('vacuum analyze care_relation, signal');
    return c.query<{ persons: number; help: number }>(
      `select (select count(distinct person_id)::int from care_relation where account_id = $1
           and from_at <= now() and (to_at is null or to_at > now())) as persons,
         (select count(*)::int from signal s where kind = 'help-requested' and acknowledged_at is null
           and exists (select 1 from care_relation r where r.tenant_id = s.tenant_id and r.person_id = s.person_id
             and r.account_id = $1)) as help`,
      [context.accountId],
    );
  });
  const row = facts.rows[0]!;
  return {
    requests: {
      start: {
        http: { origin, method: 'GET', paths: ['/api/persons'], headers },
        script: caseloadScript(context),
      },
      pinned: {
        http: { origin, method: 'GET', paths: ['/api/help-requests/open'], headers },
        script: pinnedHelpScript(context),
      },
    },
    facts: { persons: row.persons, openHelpRequests: row.help },
  };
}

/**
 * GET /api/persons (record.repository.ts, caseload): the persons of the actor's current care relations, each
 * with four lateral counts (open signals and help requests, overdue tasks, overdue deadlines, the last
 * contact), and one audit event for the search.
 */
export function caseloadScript(c: RequestContext): string {
  const account = lit(c.accountId);
  const today = `${lit(osloDate(new Date()))}::date`;
  return [
    ...sessionAndBegin(lit(c.tokenHash)),
    `select p.id, p.given_name, p.family_name, p.birth_date, r.kind, r.from_at, o.name, sg.help, sg.help_oldest,
    sg.signals, tk.tasks, dl.deadlines, lc.last_contact_on
  from care_relation as r
  inner join person as p on p.tenant_id = r.tenant_id and p.id = r.person_id
  inner join organisation as o on o.id = p.tenant_id
  inner join lateral (select count(*) filter (where s.kind = 'help-requested') as help,
      min(s.raised_at) filter (where s.kind = 'help-requested') as help_oldest,
      count(*) filter (where s.kind <> 'help-requested') as signals
    from signal as s where s.tenant_id = p.tenant_id and s.person_id = p.id and s.acknowledged_at is null) as sg on true
  inner join lateral (select count(*) as tasks from pathway_task as t where t.tenant_id = p.tenant_id
    and t.person_id = p.id and t.completed_on is null and t.escalate_on < ${today}) as tk on true
  inner join lateral (select count(*) as deadlines from pathway_deadline as d where d.tenant_id = p.tenant_id
    and d.person_id = p.id and d.met_on is null and d.closed_on is null and d.due_on < ${today}) as dl on true
  inner join lateral (select max(c.contact_on) as last_contact_on from contact as c where c.tenant_id = p.tenant_id
    and c.person_id = p.id and c.contact_on <= ${today}) as lc on true
  where r.account_id = ${account} and r.from_at <= now() and (r.to_at is null or r.to_at > now())
  order by p.family_name, p.given_name limit 500;`,
    `insert into audit_event (tenant_id, at, actor_account_id, actor_organisation_id, actor_role, action,
    person_id, resource_type, resource_id, purpose, break_glass_reason)
  values (${lit(c.tenantId)}, now(), ${account}, ${lit(c.tenantId)}, ${lit(c.role)}, 'search', null, 'Caseload', null, null, null);`,
    'commit;',
  ].join('\n');
}

/**
 * GET /api/help-requests/open (help.routes.ts) as a member of the care team: the open help requests of the
 * persons they follow, oldest first, each shown audited as a search on that person's record (the server
 * sends those as one insert with COMMIT; here one insert … select from the list, in the list's statement).
 */
export function pinnedHelpScript(c: RequestContext): string {
  const account = lit(c.accountId);
  return [
    ...sessionAndBegin(lit(c.tokenHash)),
    `with listed as (select s.id, s.tenant_id, s.person_id, s.raised_at, s.escalated_at, p.given_name, p.family_name
    from signal as s inner join person as p on p.tenant_id = s.tenant_id and p.id = s.person_id
    where s.kind = 'help-requested' and s.acknowledged_at is null
      and exists (select r.id from care_relation as r where r.tenant_id = s.tenant_id and r.person_id = s.person_id
        and r.account_id = ${account} and r.from_at <= now() and (r.to_at is null or r.to_at > now()))
    order by s.raised_at limit 50),
  audited as (insert into audit_event (tenant_id, at, actor_account_id, actor_organisation_id, actor_role, action,
    person_id, resource_type, resource_id, purpose, break_glass_reason)
  select tenant_id, now(), ${account}, ${lit(c.tenantId)}, ${lit(c.role)}, 'search', person_id, 'Signal', id, null, null
  from listed)
  select * from listed order by raised_at;`,
    'commit;',
  ].join('\n');
}
