import { createHash, randomBytes } from 'node:crypto';
import { addDays, osloDate, planStepsFor, SIGNAL_WINDOW_DAYS, sessionPolicy } from '@bedring/domain';
import { login } from './api-client.ts';
import { asOwner, type ClusterAccess } from './cluster-access.ts';
import type { LoadSpec } from './http-load.ts';
import { sessionAndBegin } from './pgbench-scripts.ts';

/**
 * The daily check-in and the unit's signal sweep (docs/benchmarks.md). Every person in active care in the
 * leader's unit (`leder`, Poliklinikk) gets a patient account and a check-in for each of the last
 * HISTORY_DAYS days, written as the owner in one statement; the check-in measurement then posts new
 * check-ins as CHECKIN_PERSONS of them, each with their own session, and the sweep runs the rules for
 * the whole unit as `leder`.
 */
export const HISTORY_DAYS = 28;
/** Persons who check in during the measurement, each with their own account and session. */
export const CHECKIN_PERSONS = 200;

/** Replaced by wrk with a fresh UUID on every request: a check-in's id is made by the device. */
const ID_PLACEHOLDER = '@ID@';

/** What the check-in and sweep measurements found in the database. */
export interface CheckinFacts {
  unitName: string;
  /** Persons in active care in the unit (episodes not ended): the sweep's persons, as it reported them. */
  unitPersons: number;
  /** Of those, the ones given the history (all but persons who already had a login, such as Per). */
  historyPersons: number;
  /** Check-ins in the rules' window over the unit when a sweep measurement starts. */
  windowCheckins: number;
  /** Open signals of the unit's persons, raised by the first sweep: each sweep after it raises none. */
  openSignals: number;
  /** Persons posting in the check-in measurement, and their earlier check-ins each. */
  checkinPersons: number;
  earlierCheckins: number;
}

export interface PreparedCheckins {
  checkin: {
    http: Omit<LoadSpec, 'connections' | 'durationS' | 'warmupS'>;
    script: string;
    reset: () => Promise<void>;
  };
  sweep: { http: Omit<LoadSpec, 'connections' | 'durationS' | 'warmupS'>; reset: () => Promise<void> };
  facts: CheckinFacts;
}

/** A good day: nothing any signal rule reacts to, so the server finds no signal for it (checked below). */
const CHECKIN = { mood: 4, craving: 3, sleep: 2, use: 'none', riskySituation: false } as const;

/**
 * Writes the history, creates the sessions, posts one check-in per posting person through the API (the
 * answer must show no signal: the pgbench script raises none) and runs the sweep once, which raises the
 * signals of the history's patterns; from then on every sweep finds them raised, the steady state.
 */
export async function prepareCheckins(origin: string, access: ClusterAccess): Promise<PreparedCheckins> {
  const leader = await login(origin, 'leder', 'bedring-demo');
  const leaderHeaders = { authorization: `Bearer ${leader.token}` };
  const unit = (
    await asOwner(access, (c) =>
      c.query<{ tenant_id: string; unit_id: string; name: string }>(
        `select a.tenant_id, a.unit_id, u.name from account a join unit u on u.tenant_id = a.tenant_id and u.id = a.unit_id
          where a.id = $1`,
        [leader.accountId],
      ),
    )
  ).rows[0];
  if (!unit) throw new Error('leder has no unit');
  const history = await writeHistory(access, unit.tenant_id, unit.unit_id);
  const posting = history.filter((p) => p.clean).slice(0, CHECKIN_PERSONS);
  if (posting.length === 0) throw new Error('no person in the unit to check in');
  const tokens = posting.map(() => randomBytes(32).toString('base64url'));
  const policy = sessionPolicy('patient');
  const sessions = await asOwner(access, (c) =>
    c.query<{ id: string }>(
      `insert into session (tenant_id, account_id, token_hash, created_at, last_seen_at, idle_minutes, absolute_hours)
        select $1, a, h, now(), now(), $4, $5 from unnest($2::uuid[], $3::text[]) as s(a, h) returning id`,
      [
        unit.tenant_id,
        posting.map((p) => p.accountId),
        tokens.map(hash),
        policy.idleMinutes,
        policy.absoluteHours,
      ],
    ),
  );
  const sessionIds = sessions.rows.map((r) => r.id);

  const madeAt = new Date();
  const body = (id: string) =>
    JSON.stringify({ id, madeAt: madeAt.toISOString(), ...CHECKIN, warningSigns: [] });
  const paths = posting.map((p) => `/api/persons/${p.personId}/checkins`);
  const pathHeaders = tokens.map((t) => ({ authorization: `Bearer ${t}` }));
  for (const [k, path] of paths.entries()) {
    const res = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { ...pathHeaders[k], 'content-type': 'application/json' },
      body: body(crypto.randomUUID()),
    });
    const answer = (await res.json()) as { checkin?: { signals: unknown[] } };
    if (res.status !== 201 || answer.checkin?.signals.length !== 0)
      throw new Error(
        `POST a check-in: expected 201 without signals, got ${res.status} ${JSON.stringify(answer)}`,
      );
  }

  const sweepPath = `/api/units/${unit.unit_id}/signal-sweep`;
  const sweepRes = await fetch(`${origin}${sweepPath}`, { method: 'POST', headers: leaderHeaders });
  if (!sweepRes.ok) throw new Error(`the signal sweep failed: ${sweepRes.status} ${await sweepRes.text()}`);
  const swept = (await sweepRes.json()) as { persons: number; raised: number };

  const personIds = history.map((p) => p.personId);
  const since = new Date();
  const reset = () => removeMeasuredCheckins(access, unit.tenant_id, personIds, sessionIds, since);
  await reset();
  const today = osloDate(madeAt);
  const counts = (
    await asOwner(access, (c) =>
      c.query<{ checkins: number; signals: number }>(
        `select (select count(*)::int from checkin c where c.tenant_id = $1 and c.day >= $3::date
            and c.person_id in (select person_id from episode where tenant_id = $1 and unit_id = $2 and state <> 'ended')) as checkins,
          (select count(*)::int from signal where tenant_id = $1 and unit_id = $2 and acknowledged_at is null) as signals`,
        [unit.tenant_id, unit.unit_id, addDays(today, -SIGNAL_WINDOW_DAYS)],
      ),
    )
  ).rows[0]!;

  return {
    checkin: {
      http: {
        origin,
        method: 'POST',
        paths,
        pathHeaders,
        body: body(ID_PLACEHOLDER),
        uuidPlaceholder: ID_PLACEHOLDER,
      },
      script: checkinScript({
        tokenHashes: tokens.map(hash),
        personIds: posting.map((p) => p.personId),
        madeAt,
        today,
      }),
      reset,
    },
    sweep: { http: { origin, method: 'POST', paths: [sweepPath], headers: leaderHeaders }, reset },
    facts: {
      unitName: unit.name,
      unitPersons: swept.persons,
      historyPersons: history.length,
      windowCheckins: counts.checkins,
      openSignals: counts.signals,
      checkinPersons: posting.length,
      // The history and the one check-in posted above.
      earlierCheckins: HISTORY_DAYS + 1,
    },
  };
}

interface HistoryPerson {
  personId: string;
  accountId: string;
  /** False for the persons whose history shows a pattern the rules raise a signal for. */
  clean: boolean;
}

/**
 * Gives every person in active care in the unit (but those with a login already) a patient account and
 * one check-in a day, at 20:00 in Oslo, for the HISTORY_DAYS days before today: fair days (mood 3–4,
 * craving 2–5, no use). Every tenth person had craving 8 three days running a week and a half ago,
 * every twentieth a lapse five days ago, and every twenty-fifth stopped checking in four days ago — the
 * persons the sweep looks at — which the rules raise signals for. Whatever earlier runs left
 * for these persons is removed first, so a reused database starts from the same history.
 */
async function writeHistory(
  access: ClusterAccess,
  tenantId: string,
  unitId: string,
): Promise<HistoryPerson[]> {
  return asOwner(access, async (c) => {
    const persons = (
      await c.query<{ person_id: string; k: number }>(
        `select person_id, (row_number() over (order by person_id) - 1)::int as k from (
          select distinct e.person_id from episode e
          where e.tenant_id = $1 and e.unit_id = $2 and e.state <> 'ended'
            and not exists (select 1 from account a where a.tenant_id = e.tenant_id and a.person_id = e.person_id
              and a.username not like 'bench-checkin-%')) as x`,
        [tenantId, unitId],
      )
    ).rows;
    const ids = persons.map((p) => p.person_id);
    await c.query(
      `insert into account (tenant_id, username, display_name, role, person_id, password_hash)
        select $1, 'bench-checkin-' || p, 'Benk Pasient', 'patient', p, '!' from unnest($2::uuid[]) as p
        on conflict do nothing`,
      [tenantId, ids],
    );
    const accounts = (
      await c.query<{ id: string; person_id: string }>(
        `select id, person_id from account where tenant_id = $1 and person_id = any($2) and username like 'bench-checkin-%'`,
        [tenantId, ids],
      )
    ).rows;
    const accountOf = new Map(accounts.map((a) => [a.person_id, a.id]));
    const accountIds = ids.map((id) => accountOf.get(id)!);
    await c.query(
      `with s as (delete from session where tenant_id = $1 and account_id = any($3)),
        l as (delete from lapse where tenant_id = $1 and author_account_id = any($3)),
        g as (delete from signal where tenant_id = $1 and person_id = any($2))
      delete from checkin where tenant_id = $1 and person_id = any($2)`,
      [tenantId, ids, accountIds],
    );
    // The days are Oslo's, as the server counts them (osloDate); made_at is 20:00 that day in Oslo.
    await c.query(
      `with p as (select * from unnest($2::uuid[], $3::uuid[], $4::int[]) as p(person_id, account_id, k)),
        d as (select p.*, n, (now() at time zone 'Europe/Oslo')::date - n as day from p, generate_series(1, $5::int) as n)
      insert into checkin (tenant_id, id, person_id, day, mood, craving, sleep, use, risky_situation, warning_signs,
        note, made_at, received_at, author_account_id)
      select $1, gen_random_uuid(), person_id, day, 3 + (k + n) % 2,
        case when k % 10 = 9 and n between 10 and 12 then 8 else 2 + (k * 7 + n) % 4 end,
        2, case when k % 20 = 19 and n = 5 then 'lapse' else 'none' end, false, '{}', '',
        (day + time '20:00') at time zone 'Europe/Oslo', (day + time '20:00') at time zone 'Europe/Oslo', account_id
      from d where not (k % 25 = 12 and n < 4)`,
      [tenantId, ids, accountIds, persons.map((p) => p.k), HISTORY_DAYS],
    );
    return persons.map((p) => ({
      personId: p.person_id,
      accountId: accountOf.get(p.person_id)!,
      clean: p.k % 10 !== 9 && p.k % 25 !== 12,
    }));
  });
}

/**
 * Before each check-in or sweep measurement: removes what the check-in measurements wrote (the check-ins,
 * and any lapse or signal they raised), marks the sessions as just used (so the server's once-a-minute
 * session touch does not fall into the measurement, which pgbench does not do), and vacuums: the facts
 * read takes every check-in of the window, so each measurement starts from the same history.
 */
async function removeMeasuredCheckins(
  access: ClusterAccess,
  tenantId: string,
  personIds: string[],
  sessionIds: string[],
  since: Date,
) {
  await asOwner(access, async (c) => {
    await c.query(
      `with l as (delete from lapse where tenant_id = $1 and person_id = any($2) and recorded_at >= $3),
        g as (delete from signal where tenant_id = $1 and person_id = any($2) and raised_at >= $3),
        s as (update session set last_seen_at = now() where tenant_id = $1 and id = any($4))
      delete from checkin where tenant_id = $1 and person_id = any($2) and received_at >= $3`,
      [tenantId, personIds, since, sessionIds],
    );
    await c.query('vacuum (analyze) checkin, lapse, signal, session');
  });
}

interface CheckinScriptContext {
  /** SHA-256 of each posting person's session token; the person at the same index. */
  tokenHashes: string[];
  personIds: string[];
  madeAt: Date;
  /** Today in Oslo, as the server computes it for the facts read. */
  today: string;
}

/** The plan sections the facts read asks for, in the server's order (checkin.repository.ts). */
const SECTIONS = [
  ...new Set([
    'early-warning-sign',
    'warning-sign',
    ...Object.values(planStepsFor).flatMap((steps) => steps.map((s) => s.section)),
  ]),
];

/**
 * POST /api/persons/:id/checkins as the person (checkin.routes.ts, checkin.repository.ts storeCheckin):
 * the transaction begun with the session of that person's token and its tenant and account (the auth hook),
 * the access check as the patient, the facts read, the write (the check-in with a new id; no lapse; the
 * rules find no signal, so an empty list) and the audit event. The session's columns come back as
 * pgbench variables (\gset), as the server takes the actor from them. No literal holds a ':' (pgbench
 * would read a variable there): the time the check-in was made goes as epoch seconds.
 */
export function checkinScript(c: CheckinScriptContext): string {
  const tokens = `'{${c.tokenHashes.join(',')}}'::text[]`;
  const persons = `'{${c.personIds.join(',')}}'::uuid[]`;
  const madeAt = `to_timestamp(${c.madeAt.getTime() / 1000})`;
  const day = osloDate(c.madeAt);
  return [
    `\\set i random(1, ${c.personIds.length})`,
    ...sessionAndBegin(`(${tokens})[:i]`),
    `select p.tenant_id as pt, p.id as pid,
    (select coalesce(json_agg(r), '[]') from (select kind, organisation_id, from_at, to_at from care_relation
      where tenant_id = p.tenant_id and person_id = p.id and account_id = :account_id) r) as relations,
    (select coalesce(json_agg(c), '[]') from (select purpose, expires_at, revoked_at from consent
      where tenant_id = p.tenant_id and person_id = p.id and grantee_organisation_id = :tenant_id) c) as consents,
    (select coalesce(json_agg(b), '[]') from (select reason, expires_at from break_glass
      where tenant_id = p.tenant_id and person_id = p.id and account_id = :account_id and expires_at > now()) b) as glass
  from person p where p.id = (${persons})[:i] \\gset`,
    // factsFor, as one row for \gset; the unit and plan version again as text for the write, and the new id.
    `select f.*, coalesce(f."unitId"::text, '') as uid, coalesce(f."relapsePlanVersion", 0) as pv, gen_random_uuid() as cid from (
  select
    (select e.unit_id from episode e where e.tenant_id = :pt and e.person_id = p.id and e.state <> 'ended'
       order by e.opened_on desc limit 1) as "unitId",
    (select rules from signal_rule where tenant_id = :tenant_id) as rules,
    (select coalesce(json_agg(json_build_object('id', e.id, 'kind', e.plan_kind, 'section', e.section,
         'text', e.text, 'phone', e.phone) order by e.plan_kind, e.position), '[]')
       from plan_entry e join care_plan cp on cp.tenant_id = e.tenant_id and cp.id = e.plan_id
       where cp.tenant_id = :pt and cp.person_id = p.id and e.section = any('{${SECTIONS.join(',')}}'::text[])
         and e.retired_at is null) as steps,
    (select coalesce(json_agg(json_build_object('id', c.id, 'day', c.day, 'mood', c.mood,
         'craving', c.craving, 'sleep', c.sleep, 'use', c.use, 'riskySituation', c.risky_situation,
         'warningSigns', c.warning_signs) order by c.day, c.made_at), '[]')
       from checkin c where c.tenant_id = :pt and c.person_id = p.id
         and c.day >= '${addDays(c.today, -SIGNAL_WINDOW_DAYS)}'::date) as checkins,
    (select version from care_plan where tenant_id = :pt and person_id = p.id and kind = 'relapse-prevention')
       as "relapsePlanVersion"
  from person p where p.tenant_id = :pt and p.id = :pid) as f \\gset`,
    `with saved as (
  insert into checkin (tenant_id, id, person_id, day, mood, craving, sleep, use, substance, amount,
    risky_situation, warning_signs, note, made_at, received_at, author_account_id)
  values (:pt, :cid, :pid, '${day}', ${CHECKIN.mood}, ${CHECKIN.craving}, ${CHECKIN.sleep}, '${CHECKIN.use}', null, null,
    ${CHECKIN.riskySituation}, '{}'::uuid[], '', ${madeAt}, now(), :account_id)
  on conflict (tenant_id, id) do nothing
  returning id
), lapsed as (
  insert into lapse (tenant_id, person_id, occurred_on, what_happened, plan_version, written_by,
    author_account_id, author_name, author_role, recorded_at)
  select :pt::uuid, :pid::uuid, '${day}'::date, '', :pv::int, 'person', :account_id::uuid, :display_name::text,
    :role::text, now()
  from saved where false
  returning id
), raised as (
  insert into signal (tenant_id, person_id, kind, key, finding, checkin_id, unit_id, raised_at)
  select :pt::uuid, :pid::uuid, f.kind, f.key, f.finding, f.checkin_id, nullif(:uid::text, '')::uuid, now()
  from jsonb_to_recordset('[]'::jsonb) as f(kind text, key text, finding jsonb, checkin_id uuid)
  where exists (select 1 from saved)
  on conflict (tenant_id, person_id, kind, key) do nothing
  returning id
)
select exists (select 1 from saved) as created;`,
    `insert into audit_event (tenant_id, at, actor_account_id, actor_organisation_id, actor_role, action,
    person_id, resource_type, resource_id, purpose, break_glass_reason)
  values (:pt, now(), :account_id, :tenant_id, :role, 'create', :pid, 'Checkin', :cid, null, null);`,
    'commit;',
  ].join('\n');
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
