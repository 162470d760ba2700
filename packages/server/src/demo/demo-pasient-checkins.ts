import { randomUUID } from 'node:crypto';
import { addDays, type CheckinInput, osloDate, type PersonRef } from '@bedring/domain';
import { storeCheckin } from '../checkin/checkin.repository.ts';
import type { Database } from '../db/database.ts';
import { demoActors } from './demo-actors.ts';

const DAY = 86_400_000;

/**
 * Per Pasient's daily check-ins (docs/decisions/0007-checkins-and-signals.md) for the last five and a half
 * weeks, written through the same storeCheckin as the API on each day, so the signals rise as they would
 * have: a few days of strong craving three weeks ago (acknowledged by behandler after a call), and now — the
 * last three days — craving building again and the early warning sign from his relapse-prevention plan two
 * days running, both open on the worklist. Some days he did not check in; nothing is made of that.
 */
export async function addPasientCheckins(db: Database, now: Date) {
  const o = db.owner;
  const { behandler, pasient: per } = await demoActors(o, ['behandler', 'pasient'] as const);
  const person: PersonRef = { id: per.personId!, organisationId: per.organisationId };
  const sign = await o
    .selectFrom('plan_entry as e')
    .innerJoin('care_plan as p', (j) =>
      j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.plan_id'),
    )
    .select('e.id')
    .where('p.person_id', '=', person.id)
    .where('e.section', '=', 'early-warning-sign')
    .where('e.retired_at', 'is', null)
    .executeTakeFirstOrThrow();

  // Days ago → what he said. A day not listed: no check-in that day.
  const craving: Record<number, number> = { 24: 7, 23: 8, 22: 7, 3: 7, 2: 8, 1: 7 };
  const skipped = new Set([36, 33, 29, 26, 19, 15, 12, 8, 5]);
  await o.transaction().execute(async (trx) => {
    for (let ago = 38; ago >= 1; ago--) {
      if (skipped.has(ago)) continue;
      // Evening, his reminder time, on each day.
      const day = addDays(osloDate(now), -ago);
      const madeAt = new Date(`${day}T19:05:00Z`);
      const hard = craving[ago] !== undefined;
      const input: CheckinInput = {
        id: randomUUID(),
        madeAt: madeAt.toISOString(),
        mood: hard ? 2 : ago % 4 === 0 ? 3 : 4,
        craving: craving[ago] ?? (ago % 3) + 1,
        sleep: hard ? 1 : ago % 5 === 0 ? 2 : 3,
        use: 'none',
        riskySituation: ago === 23 || ago === 2,
        warningSigns: ago <= 2 ? [sign.id] : [],
        note: ago === 2 ? 'Tommy ringte igjen. Sover dårlig.' : null,
      };
      await storeCheckin(trx, { actor: per, now: new Date(madeAt.getTime() + 60_000) }, person, input);
    }
    await trx
      .updateTable('signal')
      .set({
        acknowledged_at: new Date(now.getTime() - 21 * DAY),
        acknowledged_by: behandler.accountId,
        acknowledged_by_name: behandler.displayName,
        note: 'Ringte Per. Vi la inn turer med broren i helgene. Han tar kontakt om suget kommer tilbake.',
      })
      .where('person_id', '=', person.id)
      .where('raised_at', '<', new Date(now.getTime() - 20 * DAY))
      .execute();
    await trx
      .insertInto('checkin_reminder')
      .values({ tenant_id: person.organisationId, person_id: person.id, remind_at: '20:00', updated_at: now })
      .execute();
  });
}
