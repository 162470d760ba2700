import {
  addDays,
  type CheckinDay,
  DEFAULT_SIGNAL_RULES,
  osloDate,
  SIGNAL_WINDOW_DAYS,
  type SignalRule,
  signalsFor,
  type WarningSign,
} from '@bedring/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { asRow } from './checkin.repository.ts';

/**
 * The signal rules for the persons in active care in a unit who have gone quiet. Every check-in runs all
 * rules for its own person in its own transaction; what no check-in can show is a regular pattern that
 * stops. So the sweep looks only at persons whose last check-in is in the window and at least the
 * rule's silent days old, and runs the rules for them — the same pure rules, on their check-ins. It is
 * run for each unit by the server every so often (as the owner) and by a unit leader on demand (as
 * themself). Raising is idempotent, so running it twice raises nothing new.
 */
export async function sweepUnit(
  db: Kysely<DB>,
  unit: { tenantId: string; unitId: string },
  now: Date,
): Promise<{ persons: number; raised: number }> {
  const today = osloDate(now);
  const from = addDays(today, -SIGNAL_WINDOW_DAYS);
  const stored = await db
    .selectFrom('signal_rule')
    .select('rules')
    .where('tenant_id', '=', unit.tenantId)
    .executeTakeFirst();
  const rules = (stored?.rules as SignalRule[] | undefined) ?? DEFAULT_SIGNAL_RULES;
  const stopped = rules.find((r) => r.kind === 'checkins-stopped' && r.enabled);
  const silentDays =
    stopped?.silentDays ?? DEFAULT_SIGNAL_RULES.find((r) => r.kind === 'checkins-stopped')!.silentDays!;

  // Each person's last check-in day: one index probe per person (checkin_person), whatever their history.
  const { rows: persons } = await sql<{ person_id: string; last: string | null }>`
    select e.person_id, l.last
    from (select distinct person_id from episode
          where tenant_id = ${unit.tenantId} and unit_id = ${unit.unitId} and state <> 'ended') e
    left join lateral (select c.day::text as last from checkin c
          where c.tenant_id = ${unit.tenantId} and c.person_id = e.person_id
          order by c.day desc limit 1) l on true`.execute(db);
  const quiet = stopped
    ? persons
        .filter((p) => p.last !== null && p.last >= from && p.last <= addDays(today, -silentDays))
        .map((p) => p.person_id)
    : [];
  if (quiet.length === 0) return { persons: persons.length, raised: 0 };

  const [checkins, signs] = await Promise.all([
    db
      .selectFrom('checkin')
      .select([
        'person_id',
        'id',
        'day',
        'mood',
        'craving',
        'sleep',
        'use',
        'risky_situation',
        'warning_signs',
      ])
      .where('tenant_id', '=', unit.tenantId)
      .where('person_id', '=', sql<string>`any(${quiet}::uuid[])`)
      .where('day', '>=', from)
      .orderBy('day')
      .orderBy('made_at')
      .execute(),
    db
      .selectFrom('plan_entry as e')
      .innerJoin('care_plan as p', (j) =>
        j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.plan_id'),
      )
      .select(['p.person_id', 'e.id', 'e.text'])
      .where('p.tenant_id', '=', unit.tenantId)
      .where('p.person_id', '=', sql<string>`any(${quiet}::uuid[])`)
      .where('e.section', 'in', ['early-warning-sign', 'warning-sign'])
      .where('e.retired_at', 'is', null)
      .execute(),
  ]);

  const daysOf = new Map<string, CheckinDay[]>();
  for (const c of checkins) {
    const list = daysOf.get(c.person_id) ?? [];
    list.push({
      id: c.id,
      day: c.day,
      mood: c.mood as CheckinDay['mood'],
      craving: c.craving,
      sleep: c.sleep as CheckinDay['sleep'],
      use: c.use as CheckinDay['use'],
      riskySituation: c.risky_situation,
      warningSigns: c.warning_signs,
    });
    daysOf.set(c.person_id, list);
  }
  const signsOf = new Map<string, WarningSign[]>();
  for (const s of signs)
    signsOf.set(s.person_id, [...(signsOf.get(s.person_id) ?? []), { id: s.id, text: s.text }]);

  const rows = [...daysOf].flatMap(([personId, days]) =>
    signalsFor(rules, days, signsOf.get(personId) ?? [], today).map((f) => ({
      ...asRow(f),
      finding: JSON.stringify(f),
      tenant_id: unit.tenantId,
      person_id: personId,
      unit_id: unit.unitId,
      raised_at: now,
    })),
  );
  if (rows.length === 0) return { persons: persons.length, raised: 0 };
  const raised = await db
    .insertInto('signal')
    .values(rows)
    .onConflict((oc) => oc.columns(['tenant_id', 'person_id', 'kind', 'key']).doNothing())
    .returning('id')
    .execute();
  return { persons: persons.length, raised: raised.length };
}

/** Every unit with someone in active care, swept one by one (the server's timer, as the owner). */
export async function sweepAllUnits(owner: Kysely<DB>, now: Date): Promise<number> {
  const units = await owner
    .selectFrom('episode')
    .select(['tenant_id', 'unit_id'])
    .distinct()
    .where('state', '<>', 'ended')
    .execute();
  let raised = 0;
  for (const u of units) {
    raised += (await sweepUnit(owner, { tenantId: u.tenant_id, unitId: u.unit_id }, now)).raised;
  }
  return raised;
}
