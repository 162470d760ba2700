import { CheckinQuery, NewCheckin, NoQuery, PersonParams, Reminder } from '@bedring/contract';
import { addDays, CHECKIN_QUESTIONNAIRE_ID, type CheckinInput, osloDate } from '@bedring/domain';
import { withPerson } from '../access/as-actor.ts';
import type { App } from '../http/app.type.ts';
import { forbidden } from '../http/errors.ts';
import {
  CHECKIN_COLUMNS,
  type CheckinRow,
  planStepsOf,
  storeCheckin,
  warningSignsOf,
} from './checkin.repository.ts';
import { progressOf } from './progress.repository.ts';

/** Staff who follow the person read check-ins; a peer worker does not (as for questionnaires). */
const READERS = new Set(['patient', 'clinician', 'milieu', 'municipal', 'leader']);

function checkinOut(r: CheckinRow) {
  return {
    id: r.id,
    day: r.day,
    mood: r.mood,
    craving: r.craving,
    sleep: r.sleep,
    use: r.use,
    substance: r.substance,
    amount: r.amount,
    riskySituation: r.risky_situation,
    warningSigns: r.warning_signs,
    note: r.note,
    madeAt: r.made_at,
  };
}

/**
 * The daily check-in (docs/decisions/0007-checkins-and-signals.md): what the form needs (the signs from the
 * person's own plans, the reminder time), the check-ins themselves, and the person's reminder. Only the
 * person checks in.
 */
export async function checkinRoutes(app: App) {
  app.get(
    '/api/persons/:personId/checkin',
    { schema: { params: PersonParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      if (!READERS.has(actor.role)) throw forbidden();
      return withPerson(app, actor, req.params.personId, async ({ trx, now, person, audit }) => {
        const steps = await planStepsOf(trx, person);
        const [reminder, today] = await Promise.all([
          trx
            .selectFrom('checkin_reminder')
            .select('remind_at')
            .where('tenant_id', '=', person.organisationId)
            .where('person_id', '=', person.id)
            .executeTakeFirst(),
          trx
            .selectFrom('checkin')
            .select('id')
            .where('tenant_id', '=', person.organisationId)
            .where('person_id', '=', person.id)
            .where('day', '=', osloDate(now))
            .execute(),
        ]);
        await audit('read', 'CheckinForm');
        return {
          questionnaireId: CHECKIN_QUESTIONNAIRE_ID,
          today: osloDate(now),
          checkedInToday: today.length,
          warningSigns: warningSignsOf(steps),
          remindAt: reminder ? reminder.remind_at.slice(0, 5) : null,
        };
      });
    },
  );

  app.post(
    '/api/persons/:personId/checkins',
    { schema: { params: PersonParams, body: NewCheckin } },
    async (req, reply) => {
      const actor = req.actor!;
      if (actor.role !== 'patient') throw forbidden('own_checkin', 'Bare personen selv sjekker inn.');
      const stored = await withPerson(
        app,
        actor,
        req.params.personId,
        async ({ trx, now, person, audit }) => {
          const result = await storeCheckin(trx, { actor, now }, person, req.body as CheckinInput);
          if (result.created) await audit('create', 'Checkin', result.id);
          return result;
        },
      );
      return reply.code(stored.created ? 201 : 200).send({ checkin: stored });
    },
  );

  app.get(
    '/api/persons/:personId/checkins',
    { schema: { params: PersonParams, querystring: CheckinQuery } },
    async (req) => {
      const actor = req.actor!;
      if (!READERS.has(actor.role)) throw forbidden();
      const days = Math.max(1, Number(req.query.days ?? 28));
      return withPerson(app, actor, req.params.personId, async ({ trx, now, person, audit }) => {
        const rows = await trx
          .selectFrom('checkin')
          .select(CHECKIN_COLUMNS)
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .where('day', '>', addDays(osloDate(now), -days))
          .orderBy('day', 'desc')
          .orderBy('made_at', 'desc')
          .limit(500)
          .execute();
        // The words of the signs ticked (retired ones too), and progress: one read of the check-ins, one
        // line in the person's access log.
        const ids = [...new Set(rows.flatMap((r) => r.warning_signs))];
        const [signs, progress] = await Promise.all([
          ids.length > 0
            ? trx
                .selectFrom('plan_entry')
                .select(['id', 'text'])
                .where('tenant_id', '=', person.organisationId)
                .where('id', 'in', ids)
                .execute()
            : [],
          progressOf(trx, person, now),
        ]);
        await audit('read', 'Checkin');
        return {
          checkins: rows.map(checkinOut),
          signs: Object.fromEntries(signs.map((x) => [x.id, x.text])),
          progress,
        };
      });
    },
  );

  app.put(
    '/api/persons/:personId/checkin-reminder',
    { schema: { params: PersonParams, body: Reminder } },
    async (req) => {
      const actor = req.actor!;
      if (actor.role !== 'patient') throw forbidden('own_reminder', 'Bare personen selv velger påminnelsen.');
      const { remindAt } = req.body;
      return withPerson(app, actor, req.params.personId, async ({ trx, now, person, audit }) => {
        if (remindAt === null) {
          await trx
            .deleteFrom('checkin_reminder')
            .where('tenant_id', '=', person.organisationId)
            .where('person_id', '=', person.id)
            .execute();
        } else {
          await trx
            .insertInto('checkin_reminder')
            .values({
              tenant_id: person.organisationId,
              person_id: person.id,
              remind_at: remindAt,
              updated_at: now,
            })
            .onConflict((oc) =>
              oc.columns(['tenant_id', 'person_id']).doUpdateSet({ remind_at: remindAt, updated_at: now }),
            )
            .execute();
        }
        await audit('update', 'CheckinReminder');
        return { remindAt };
      });
    },
  );
}
