import {
  addDays,
  CHECKIN_QUESTIONNAIRE_ID,
  type CheckinInput,
  checkinProgress,
  osloDate,
} from '@bedring/domain';
import { withPerson } from '../access/as-actor.ts';
import type { App } from '../http/app.ts';
import { forbidden } from '../http/errors.ts';
import { NoQuery, PersonParams } from '../http/schemas.ts';
import {
  CHECKIN_COLUMNS,
  type CheckinRow,
  planStepsOf,
  storeCheckin,
  warningSignsOf,
} from './checkin.repository.ts';
import { CheckinQuery, NewCheckin, Reminder } from './checkin.schemas.ts';

const PROGRESS_DAYS = 28;

/** The goals in a goal-progress response: each goal's words and how far the person has come (0–10). */
function goalsIn(item: unknown): Array<{ text: string; progress: number | null }> {
  const groups = Array.isArray(item) ? (item as ResponseItem[]).filter((i) => i.linkId === 'goal') : [];
  return groups.map((g) => {
    const answer = (linkId: string) => g.item?.find((i) => i.linkId === linkId)?.answer?.[0];
    return {
      text: answer('goal-text')?.valueString ?? '',
      progress: answer('progress')?.valueInteger ?? null,
    };
  });
}
type ResponseItem = {
  linkId: string;
  item?: ResponseItem[];
  answer?: Array<{ valueString?: string; valueInteger?: number }>;
};

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
 * The daily check-in (issue 6 point 2): what the form needs (the signs from the person's own plans, the
 * reminder time), the check-ins themselves, and the person's reminder. Only the person checks in.
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
        await audit('read', 'Checkin');
        return { checkins: rows.map(checkinOut) };
      });
    },
  );

  // Progress without shame (issue 6 point 5): check-in days counted up, lapses as events on their day,
  // the goals the person last said they work on (goal progress, in their own words), contacts had.
  app.get(
    '/api/persons/:personId/progress',
    { schema: { params: PersonParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      if (!READERS.has(actor.role)) throw forbidden();
      return withPerson(app, actor, req.params.personId, async ({ trx, now, person, audit }) => {
        const today = osloDate(now);
        const from = addDays(today, -PROGRESS_DAYS + 1);
        const of = { t: person.organisationId, p: person.id };
        const [days, total, lapses, goals, contacts] = await Promise.all([
          trx
            .selectFrom('checkin')
            .select('day')
            .distinct()
            .where('tenant_id', '=', of.t)
            .where('person_id', '=', of.p)
            .where('day', '>=', from)
            .execute(),
          trx
            .selectFrom('checkin')
            .select((eb) => eb.fn.count<string>('day').distinct().as('n'))
            .where('tenant_id', '=', of.t)
            .where('person_id', '=', of.p)
            .executeTakeFirstOrThrow(),
          trx
            .selectFrom('lapse')
            .select('occurred_on')
            .where('tenant_id', '=', of.t)
            .where('person_id', '=', of.p)
            .where('occurred_on', '>=', from)
            .execute(),
          trx
            .selectFrom('questionnaire_response')
            .select(['item', 'authored_at'])
            .where('tenant_id', '=', of.t)
            .where('person_id', '=', of.p)
            .where('questionnaire_id', '=', 'goal-progress')
            .where('status', '=', 'completed')
            .orderBy('authored_at', 'desc')
            .limit(1)
            .executeTakeFirst(),
          trx
            .selectFrom('contact')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('tenant_id', '=', of.t)
            .where('person_id', '=', of.p)
            .where('contact_on', '>=', from)
            .executeTakeFirstOrThrow(),
        ]);
        await audit('read', 'Progress');
        return {
          ...checkinProgress(
            days.map((d) => d.day),
            lapses.map((l) => l.occurred_on),
            today,
            PROGRESS_DAYS,
          ),
          totalCheckinDays: Number(total.n),
          contacts: Number(contacts.n),
          goals: goals ? { at: goals.authored_at, goals: goalsIn(goals.item) } : null,
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
