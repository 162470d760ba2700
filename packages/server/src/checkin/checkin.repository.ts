import { say } from '@bedring/contract';
import {
  addDays,
  type CheckinDay,
  type CheckinInput,
  checkinProblems,
  DEFAULT_SIGNAL_RULES,
  type IsoDate,
  osloDate,
  type PersonRef,
  type PlanKind,
  type PlanSection,
  planStepsFor,
  SIGNAL_WINDOW_DAYS,
  type SignalFinding,
  type SignalRule,
  signalsFor,
  type WarningSign,
} from '@bedring/domain';
import { type Selectable, sql } from 'kysely';
import type { RequestActor } from '../auth/actor.ts';
import type { DB } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';
import { badRequest, conflict } from '../http/errors.ts';

/** A check-in as the routes and the FHIR façade read it. */
export const CHECKIN_COLUMNS = [
  'id',
  'person_id',
  'day',
  'mood',
  'craving',
  'sleep',
  'use',
  'substance',
  'amount',
  'risky_situation',
  'warning_signs',
  'note',
  'made_at',
] as const;
export type CheckinRow = Pick<Selectable<DB['checkin']>, (typeof CHECKIN_COLUMNS)[number]>;

/** An entry of the person's plans that a signal can point to (or a warning sign to tick). */
export interface PlanStep {
  id: string;
  kind: PlanKind;
  section: PlanSection;
  text: string;
  phone: string | null;
}

/** The sections read for a check-in: the signs to tick and every step a signal can show. */
const SIGN_SECTIONS: readonly PlanSection[] = ['early-warning-sign', 'warning-sign'];
const STEP_SECTIONS: readonly PlanSection[] = [
  ...new Set(Object.values(planStepsFor).flatMap((steps) => steps.map((s) => s.section))),
];

export function warningSignsOf(steps: readonly PlanStep[]): WarningSign[] {
  return steps.filter((s) => SIGN_SECTIONS.includes(s.section)).map((s) => ({ id: s.id, text: s.text }));
}

/** The steps of the person's plans that fit a signal, in the order the signal lists them. */
export function stepsFor(finding: Pick<SignalFinding, 'kind'>, steps: readonly PlanStep[]): PlanStep[] {
  return planStepsFor[finding.kind].flatMap((want) =>
    steps.filter((s) => s.kind === want.kind && s.section === want.section),
  );
}

/** What storing a check-in needs to know, read in one statement. */
interface Facts {
  unitId: string | null;
  rules: SignalRule[] | null;
  steps: PlanStep[];
  /** The check-ins of the signal window, oldest first. */
  checkins: CheckinDay[];
  relapsePlanVersion: number | null;
}

/**
 * The person's plan entries that the portal shows with a check-in: the warning signs to tick and the
 * steps a signal points to. Retired entries are left out.
 */
export async function planStepsOf(trx: Tx, person: PersonRef): Promise<PlanStep[]> {
  const sections = [...new Set([...SIGN_SECTIONS, ...STEP_SECTIONS])];
  return trx
    .selectFrom('plan_entry as e')
    .innerJoin('care_plan as p', (j) =>
      j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.plan_id'),
    )
    .select(['e.id', 'e.plan_kind as kind', 'e.section', 'e.text', 'e.phone'])
    .where('p.tenant_id', '=', person.organisationId)
    .where('p.person_id', '=', person.id)
    .where('e.section', 'in', sections)
    .where('e.retired_at', 'is', null)
    .orderBy('e.plan_kind')
    .orderBy('e.position')
    .execute() as Promise<PlanStep[]>;
}

async function factsFor(trx: Tx, actor: RequestActor, person: PersonRef, today: IsoDate): Promise<Facts> {
  const t = person.organisationId;
  const sections = [...new Set([...SIGN_SECTIONS, ...STEP_SECTIONS])];
  const { rows } = await sql<Facts>`
    select
      (select e.unit_id from episode e where e.tenant_id = ${t} and e.person_id = p.id and e.state <> 'ended'
         order by e.opened_on desc limit 1) as "unitId",
      (select rules from signal_rule where tenant_id = ${actor.organisationId}) as rules,
      (select coalesce(json_agg(json_build_object('id', e.id, 'kind', e.plan_kind, 'section', e.section,
           'text', e.text, 'phone', e.phone) order by e.plan_kind, e.position), '[]')
         from plan_entry e join care_plan cp on cp.tenant_id = e.tenant_id and cp.id = e.plan_id
         where cp.tenant_id = ${t} and cp.person_id = p.id and e.section = any(${sections}::text[])
           and e.retired_at is null) as steps,
      (select coalesce(json_agg(json_build_object('id', c.id, 'day', c.day, 'mood', c.mood,
           'craving', c.craving, 'sleep', c.sleep, 'use', c.use, 'riskySituation', c.risky_situation,
           'warningSigns', c.warning_signs) order by c.day, c.made_at), '[]')
         from checkin c where c.tenant_id = ${t} and c.person_id = p.id
           and c.day >= ${addDays(today, -SIGNAL_WINDOW_DAYS)}::date) as checkins,
      (select version from care_plan where tenant_id = ${t} and person_id = p.id and kind = 'relapse-prevention')
         as "relapsePlanVersion"
    from person p where p.tenant_id = ${t} and p.id = ${person.id}`.execute(trx);
  const facts = rows[0];
  if (!facts) throw new Error('storeCheckin: the person is not in the record asked for');
  return facts;
}

/**
 * At most this many check-ins for one person on one day (docs/operator-guide.md, "Check-ins, signals and
 * notices"). Every check-in reads the signal window's check-ins, so a flood of them made each one slower;
 * with the bound that read is at most (SIGNAL_WINDOW_DAYS + 1) × 50 rows. Nobody checks in 50 times a day.
 */
export const MAX_CHECKINS_PER_DAY = 50;

export interface StoredCheckin {
  id: string;
  day: IsoDate;
  /** False when this check-in had arrived before (sent again after being offline): nothing was written. */
  created: boolean;
  /** The lapse this check-in added to the relapse-prevention plan's list, if it told of one and is new. */
  lapseId: string | null;
  /** What this check-in completed, with the steps of the person's own plans that fit. */
  signals: Array<SignalFinding & { steps: PlanStep[] }>;
}

/**
 * Stores a check-in and raises what it shows, in the caller's transaction: one read and one write. A
 * check-in with a lapse is also a lapse in the relapse-prevention plan's list — an event in the
 * pathway, never a reset (docs/domain/plans.md, M-04). Sending the same check-in again writes nothing.
 */
export async function storeCheckin(
  trx: Tx,
  who: { actor: RequestActor; now: Date },
  person: PersonRef,
  input: CheckinInput,
): Promise<StoredCheckin> {
  const { actor, now } = who;
  const facts = await factsFor(trx, actor, person, osloDate(now));
  const signs = warningSignsOf(facts.steps);
  const problems = checkinProblems(input, { signs, now });
  if (problems.length > 0) {
    throw badRequest('checkin_does_not_fit', say('errors.checkinDoesNotFit'), problems);
  }
  const day = osloDate(new Date(input.madeAt));
  // The day's check-ins are in facts.checkins: checkinProblems refuses a day older than a week, well inside
  // the signal window. One sent again (the same id) is not a new one, and is answered as before.
  const resent = facts.checkins.some((c) => c.id === input.id);
  if (!resent && facts.checkins.filter((c) => c.day === day).length >= MAX_CHECKINS_PER_DAY) {
    // 409, not 429: the portal's offline queue keeps a 429 to send again, and this one will never fit
    // (web offline/queue-flush.ts); two sent at the same moment may both pass, which keeps it bounded.
    throw conflict('checkin_limit_reached', say('errors.checkinLimitReached', { max: MAX_CHECKINS_PER_DAY }));
  }
  const self: CheckinDay = {
    id: input.id,
    day,
    mood: input.mood,
    craving: input.craving,
    sleep: input.sleep,
    use: input.use,
    riskySituation: input.riskySituation,
    warningSigns: input.warningSigns,
  };
  const checkins = facts.checkins.filter((c) => c.id !== input.id).concat(self);
  checkins.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const findings = signalsFor(facts.rules ?? DEFAULT_SIGNAL_RULES, checkins, signs, osloDate(now));
  const lapseWords = [input.substance, input.amount, input.note].filter(Boolean).join(' — ');
  const t = person.organisationId;
  const { rows } = await sql<{ created: boolean; lapse_id: string | null }>`
    with saved as (
      insert into checkin (tenant_id, id, person_id, day, mood, craving, sleep, use, substance, amount,
        risky_situation, warning_signs, note, made_at, received_at, author_account_id)
      values (${t}, ${input.id}, ${person.id}, ${day}, ${input.mood}, ${input.craving}, ${input.sleep},
        ${input.use}, ${input.substance || null}, ${input.amount || null}, ${input.riskySituation},
        ${input.warningSigns}::uuid[], ${input.note ?? ''}, ${input.madeAt}, ${now}, ${actor.accountId})
      on conflict (tenant_id, id) do nothing
      returning id
    ), lapsed as (
      insert into lapse (tenant_id, person_id, occurred_on, what_happened, plan_version, written_by,
        author_account_id, author_name, author_role, recorded_at)
      select ${t}, ${person.id}, ${day}, ${lapseWords}, ${facts.relapsePlanVersion ?? 0},
        ${actor.role === 'patient' ? 'person' : 'staff'}, ${actor.accountId}, ${actor.displayName},
        ${actor.role}, ${now}
      from saved where ${input.use === 'lapse'}
      returning id
    ), raised as (
      insert into signal (tenant_id, person_id, kind, key, finding, checkin_id, unit_id, raised_at)
      select ${t}, ${person.id}, f.kind, f.key, f.finding, f.checkin_id, ${facts.unitId}, ${now}
      from jsonb_to_recordset(${JSON.stringify(findings.map(asRow))}::jsonb)
        as f(kind text, key text, finding jsonb, checkin_id uuid)
      where exists (select 1 from saved)
      on conflict (tenant_id, person_id, kind, key) do nothing
      returning id
    )
    select exists (select 1 from saved) as created, (select id from lapsed) as lapse_id`.execute(trx);
  const created = rows[0]?.created ?? false;
  return {
    id: input.id,
    day,
    created,
    lapseId: rows[0]?.lapse_id ?? null,
    signals: findings
      .filter((f) => f.checkinId === input.id)
      .map((f) => ({ ...f, steps: stepsFor(f, facts.steps) })),
  };
}

/** A finding as a signal row (the rest of the row is the person's and the moment's). */
export function asRow(f: SignalFinding) {
  return { kind: f.kind, key: f.key, finding: f, checkin_id: f.checkinId };
}
