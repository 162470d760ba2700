import { addDays, DUE_SOON_DAYS } from '@bedring/domain';

/**
 * pgbench scripts that do in the database exactly what one API request does (see record.routes.ts,
 * access.guard.ts, record.repository.ts, audit.repository.ts, auth.plugin.ts and db/transaction.ts):
 * one transaction that looks up the session and sets its tenant and account transaction-locally, runs
 * the access check, does the request's work and writes its audit event.
 * They run as bedring_app, so row-level security applies as it does for the server.
 */
export interface RequestContext {
  /** SHA-256 of the session token, as the auth hook looks it up. */
  tokenHash: string;
  tenantId: string;
  accountId: string;
  role: string;
  displayName: string;
  /** The persons the requests rotate over (the actor's caseload); pgbench picks one at random. */
  personIds: string[];
}

/**
 * POST /api/persons/:id/ratings {"domain":"housing","rating":"yellow","note":"bench"}. The server sends the
 * insert, the audit event and COMMIT in one message; pgbench cannot prepare a compound command, so here the
 * audit event is a part of the insert statement instead, and COMMIT goes alone.
 */
export function ratingWriteScript(c: RequestContext): string {
  return [
    ...accessCheck(c),
    `with rated as (insert into living_condition_rating (tenant_id, id, person_id, domain, rating, note, rated_at, rated_by,
    rated_by_name, rated_by_role)
  values (:pt, gen_random_uuid(), :pid, 'housing', 'yellow', 'bench', now(), ${lit(c.accountId)}, ${lit(c.displayName)}, ${lit(c.role)})
  returning id)
  ${auditInsert(c, 'create', 'LivingConditionRating', '(select id from rated)')};`,
    'commit;',
  ].join('\n');
}

/** GET /api/persons/:id (the person overview) */
export function overviewReadScript(c: RequestContext): string {
  return [
    ...accessCheck(c),
    `select p.*, s.display_name as updated_by_name from person as p
  left join staff_directory as s on s.id = p.about_me_updated_by
  where p.tenant_id = :pt and p.id = :pid;`,
    `select distinct on (domain) id, domain, rating, note, rated_at, rated_by, rated_by_name, rated_by_role
  from living_condition_rating where tenant_id = :pt and person_id = :pid order by domain, rated_at desc;`,
    `select r.account_id, s.display_name, s.role, o.name, r.kind, r.from_at, r.to_at, r.organisation_id, o.kind as org_kind
  from care_relation as r
  inner join staff_directory as s on s.id = r.account_id
  inner join organisation as o on o.id = r.organisation_id
  where r.tenant_id = :pt and r.person_id = :pid order by r.from_at;`,
    audit(c, 'read', 'PersonOverview', ':pid'),
    'commit;',
  ].join('\n');
}

/** What a questionnaire response writes besides the request context: its answers and the score derived. */
export interface ResponseContext extends RequestContext {
  questionnaireId: string;
  questionnaireVersion: string;
  /** The response's items as JSON, as the server stores them. */
  items: string;
  score: { linkId: string; system: string; code: string; value: number; bandCode: string; bandLevel: string };
}

/** The server's ISO timestamp format; ':' is spelt chr(58) because pgbench reads ":MI" as a variable. */
export const ISO_FORMAT = `'YYYY-MM-DD"T"HH24' || chr(58) || 'MI' || chr(58) || 'SS.MS"Z"'`;

/**
 * POST /api/persons/:id/responses, a completed response (response.routes.ts, response.repository.ts): what
 * storing needs read in the access check's statement (the person's sex for the bands, the open episode, the
 * contact, the alert rules, the score's trajectory, the alerts waiting and the organisation's settings for
 * the instrument, which say who may answer it); one write of the response, its observation, the planned
 * forms it completes and the audit event. The server computes the score and runs the rules in between;
 * here they are the values it derives. The alert is already waiting (see response-history.ts), so neither
 * side inserts one.
 *
 * The server sends its write, the audit event and COMMIT in one message; pgbench cannot prepare a compound
 * command, so here the audit event is a part of the write statement instead, and COMMIT goes alone.
 */
export function responseWriteScript(c: ResponseContext): string {
  const s = c.score;
  const items = lit(c.items);
  // pgbench would take ":name" inside the JSON for one of its variables.
  if (/:[A-Za-z_]/.test(items)) throw new Error('the response items would clash with pgbench variables');
  const q = lit(c.questionnaireId);
  const facts = `coalesce(p.gender, 'unknown') as sex,
    (select json_build_object('id', e.id, 'unitId', e.unit_id, 'responsibleAccountId', e.responsible_account_id)
       from episode e where e.tenant_id = p.tenant_id and e.person_id = p.id and e.state <> 'ended'
       order by e.opened_on desc limit 1) as episode,
    (select json_build_object('id', c.id, 'accountId', c.account_id) from contact c
       where c.tenant_id = p.tenant_id and c.person_id = p.id and c.id = null::uuid) as contact,
    (select rules from feedback_alert_rule where tenant_id = ${lit(c.tenantId)}) as rules,
    (select coalesce(json_agg(json_build_object('linkId', o.link_id, 'responseId', o.response_id,
         'date', to_char(o.effective_at at time zone 'UTC', ${ISO_FORMAT}), 'value', o.value)
         order by o.effective_at, o.id), '[]')
       from observation o where o.tenant_id = p.tenant_id and o.person_id = p.id
         and o.questionnaire_id = ${q} and o.link_id = any(array[${lit(s.linkId)}])) as points,
    (select coalesce(json_agg(json_build_object('scoreCode', a.score_code, 'rule', a.rule)), '[]')
       from feedback_alert a where a.tenant_id = p.tenant_id and a.person_id = p.id and a.acknowledged_at is null) as waiting,
    (select json_build_object('visibleToPerson', visible_to_person, 'triggers', triggers, 'answeredBy', answered_by)
       from instrument_setting where tenant_id = ${lit(c.tenantId)} and questionnaire_id = ${q}) as settings`;
  return [
    `\\set i random(1, ${c.personIds.length})`,
    ...sessionAndBegin(lit(c.tokenHash)),
    // One row (\gset needs one); the episode's id again as text, '' for none, for the write; the new id.
    `select f.*, coalesce(f.episode ->> 'id', '') as eid, gen_random_uuid() as rid from (${accessSelect(c, facts)}) as f \\gset`,
    `with saved as (insert into questionnaire_response (status, item, answered_by, author_account_id, author_name,
    authored_at, tenant_id, id, person_id, questionnaire_id, questionnaire_version, contact_id, episode_id, started_at)
  values ('completed', ${items}, 'staff', ${lit(c.accountId)}, ${lit(c.displayName)}, now(), :pt::uuid, :rid::uuid, :pid::uuid, ${q},
    ${lit(c.questionnaireVersion)}, null, nullif(:eid::text, '')::uuid, now()) returning id),
  scored as (insert into observation (tenant_id, person_id, response_id, questionnaire_id, link_id, code_system, code,
    value, band_code, band_level, effective_at)
  values (:pt::uuid, :pid::uuid, :rid::uuid, ${q}, ${lit(s.linkId)}, ${lit(s.system)}, ${lit(s.code)}, ${s.value}, ${lit(s.bandCode)},
    ${lit(s.bandLevel)}, now()) returning id),
  audited as (${auditInsert(c, 'create', 'QuestionnaireResponse', ':rid::uuid')})
  update questionnaire_due set done_at = now(), response_id = :rid::uuid
  where tenant_id = :pt and person_id = :pid and questionnaire_id = ${q} and done_at is null;`,
    'commit;',
  ].join('\n');
}

/**
 * GET /api/persons/:id/trajectories?questionnaire=ID (trajectory.routes.ts) as staff, for a shipped
 * instrument: the server finds the instrument without a query and reads the settings only for the person's
 * own view, so what remains is the person's observations of the instrument, each score's points as one JSON
 * array (the time as ISO text), and the audit event.
 */
export function trajectoryReadScript(c: RequestContext, questionnaireId: string): string {
  return [
    ...accessCheck(c),
    `select o.questionnaire_id, o.link_id, json_agg(p order by o.effective_at)::text as points
  from observation o
  cross join lateral (select to_char(o.effective_at at time zone 'UTC', ${ISO_FORMAT}) as at,
    o.value, o.band_code as "bandCode", o.response_id as "responseId") p
  where o.tenant_id = :pt and o.person_id = :pid and o.questionnaire_id = any(array[${lit(questionnaireId)}])
  group by o.questionnaire_id, o.link_id;`,
    audit(c, 'read', 'Observation', 'null'),
    'commit;',
  ].join('\n');
}

/** The deadline board also needs the leader's unit and the day the server counts from. */
export interface BoardContext extends RequestContext {
  unitId: string;
  /** Today in Europe/Oslo, as the server computes it (osloDate); due soon is up to DUE_SOON_DAYS later. */
  today: string;
}

/**
 * GET /api/deadlines as a unit leader (deadline-board.routes.ts): the transaction with the session,
 * tenant and account, the board's count query and first page (the SQL Kysely generates, with the
 * values as parameters), and an audit event for each person on the page. The server writes those as one
 * insert sent with COMMIT; here it is one insert … select from the page, in the same statement as the
 * page, the least the database can do to write the same rows, as a ceiling should.
 */
export function boardScript(c: BoardContext): string {
  const soon = addDays(c.today, DUE_SOON_DAYS);
  const where = `where "d"."tenant_id" = :t and "d"."met_on" is null and "d"."closed_on" is null and "d"."unit_id" = :u`;
  return [
    ...sessionAndBegin(
      lit(c.tokenHash),
      `${lit(c.tenantId)} as t, ${lit(c.unitId)} as u, ${lit(c.today)} as today, ${lit(soon)} as soon`,
    ),
    `select count(*) as "open", count(*) filter(where "d"."due_on" < :today) as "overdue", count(*) filter(where ("d"."due_on" >= :today and "d"."due_on" <= :soon)) as "due_soon" from "pathway_deadline" as "d" ${where};`,
    `with listed as (select "d"."episode_id", "d"."person_id", "d"."kind", "d"."starts_on", "d"."due_on", "d"."unit_id", "d"."setting_class", "d"."limit_days", "p"."given_name", "p"."family_name", "s"."display_name" as "responsible_name", "d"."responsible_account_id" from "pathway_deadline" as "d" inner join "person" as "p" on "p"."tenant_id" = "d"."tenant_id" and "p"."id" = "d"."person_id" left join "staff_directory" as "s" on "s"."id" = "d"."responsible_account_id" ${where} order by "d"."due_on", "d"."episode_id" limit 50 offset 0),
  audited as (insert into audit_event (tenant_id, at, actor_account_id, actor_organisation_id, actor_role, action,
    person_id, resource_type, resource_id, purpose, break_glass_reason)
  select ${lit(c.tenantId)}, now(), ${lit(c.accountId)}, ${lit(c.tenantId)}, ${lit(c.role)}, 'search',
    person_id, 'DeadlineBoard', ${lit(c.unitId)}, null, null from (select distinct person_id from listed) as x)
  select * from listed order by due_on, episode_id;`,
    'commit;',
  ].join('\n');
}

/** Session lookup, transaction, tenant and account, and the one-statement access check. */
/**
 * The auth hook's round trip (auth.plugin.ts): BEGIN, and the session looked up in the statement that
 * sets the tenant and account from it; its columns become pgbench variables. The server sends both in
 * one message; pgbench cannot prepare a compound command, so here BEGIN goes alone: one round trip more.
 */
export function sessionAndBegin(tokenHash: string, alsoSelect = ''): string[] {
  return [
    'begin;',
    `select set_config('app.tenant_id', s.tenant_id::text, true) as _tenant,
    set_config('app.account_id', s.account_id::text, true) as _account, s.*${alsoSelect ? `, ${alsoSelect}` : ''}
  from auth_find_session(${tokenHash}) as s \\gset`,
  ];
}

export function accessCheck(c: RequestContext): string[] {
  return [
    `\\set i random(1, ${c.personIds.length})`,
    ...sessionAndBegin(lit(c.tokenHash)),
    `${accessSelect(c)} \\gset`,
  ];
}

/**
 * The access check is one statement, as in access.guard.ts: the person with its relations, consents and
 * break-glass for this actor as JSON arrays; `more` adds columns of the person row read with it.
 */
function accessSelect(c: RequestContext, more = ''): string {
  const ids = `'{${c.personIds.join(',')}}'::uuid[]`;
  return `select p.tenant_id as pt, p.id as pid,
    (select coalesce(json_agg(r), '[]') from (select kind, organisation_id, from_at, to_at from care_relation
      where tenant_id = p.tenant_id and person_id = p.id and account_id = ${lit(c.accountId)}) r) as relations,
    (select coalesce(json_agg(c), '[]') from (select purpose, expires_at, revoked_at from consent
      where tenant_id = p.tenant_id and person_id = p.id and grantee_organisation_id = ${lit(c.tenantId)}) c) as consents,
    (select coalesce(json_agg(b), '[]') from (select reason, expires_at from break_glass
      where tenant_id = p.tenant_id and person_id = p.id and account_id = ${lit(c.accountId)} and expires_at > now()) b) as glass${more ? `,\n    ${more}` : ''}
  from person p where p.id = (${ids})[:i]`;
}

function audit(c: RequestContext, action: string, resourceType: string, resourceId: string): string {
  return `${auditInsert(c, action, resourceType, resourceId)};`;
}

export function auditInsert(
  c: RequestContext,
  action: string,
  resourceType: string,
  resourceId: string,
): string {
  return `insert into audit_event (tenant_id, at, actor_account_id, actor_organisation_id, actor_role, action,
    person_id, resource_type, resource_id, purpose, break_glass_reason)
  values (:pt, now(), ${lit(c.accountId)}, ${lit(c.tenantId)}, ${lit(c.role)}, ${lit(action)},
    :pid, ${lit(resourceType)}, ${resourceId}, null, null)`;
}

export function lit(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
