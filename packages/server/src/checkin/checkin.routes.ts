import {
  CheckinForm,
  CheckinList,
  CheckinQuery,
  CheckinStored,
  NewCheckin,
  NoQuery,
  PersonParams,
  Reminder,
  ReminderSet,
} from '@bedring/contract';
import {
  addDays,
  CHECKIN_QUESTIONNAIRE_ID,
  type CheckinInput,
  osloDate,
  type Role,
  type UseKind,
} from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { lapseReachesSpecialists } from '../pathway/lapse-notice.repository.ts';
import {
  CHECKIN_COLUMNS,
  type CheckinRow,
  planStepsOf,
  storeCheckin,
  warningSignsOf,
} from './checkin.repository.ts';
import { progressOf } from './progress.repository.ts';

/** Staff who follow the person read check-ins; a peer worker does not (as for questionnaires). */
const READERS: readonly Role[] = ['patient', 'clinician', 'milieu', 'municipal', 'leader'];
/** Only the person checks in and sets their reminder, with the refusal's own code and words. */
const ownOnly = (code: string, words: 'errors.ownCheckin' | 'errors.ownReminder') => ({
  roles: ['patient'] as const,
  refusal: { code, words },
});

function checkinOut(r: CheckinRow) {
  return {
    id: r.id,
    day: r.day,
    mood: r.mood,
    craving: r.craving,
    sleep: r.sleep,
    use: r.use as UseKind,
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
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: CheckinForm } },
      config: { access: { roles: READERS }, audit: { action: 'read', resource: 'CheckinForm' } },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, now, person }) => {
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
        return {
          questionnaireId: CHECKIN_QUESTIONNAIRE_ID,
          today: osloDate(now),
          checkedInToday: today.length,
          warningSigns: warningSignsOf(steps),
          remindAt: reminder ? reminder.remind_at.slice(0, 5) : null,
        };
      }),
  );

  app.post(
    '/api/persons/:personId/checkins',
    {
      schema: {
        params: PersonParams,
        body: NewCheckin,
        response: { 200: CheckinStored, 201: CheckinStored },
      },
      config: { access: ownOnly('own_checkin', 'errors.ownCheckin') },
    },
    async (req, reply) => {
      const actor = req.actor!;
      // Audited by hand: only a check-in that is new is a 'create' (one sent again writes nothing).
      const stored = await personRoute(app, req, async ({ trx, now, person, audit }) => {
        const { lapseId, ...result } = await storeCheckin(
          trx,
          { actor, now },
          person,
          req.body as CheckinInput,
        );
        if (result.created) await audit('create', 'Checkin', result.id);
        // A lapse told in a check-in is a lapse like any other: the specialist team that still holds the
        // person hears of it (docs/decisions/0018-handover-and-self-admission.md).
        if (lapseId) await lapseReachesSpecialists(trx, actor, person, lapseId, now);
        return result;
      });
      return reply.code(stored.created ? 201 : 200).send({ checkin: stored });
    },
  );

  app.get(
    '/api/persons/:personId/checkins',
    {
      schema: { params: PersonParams, querystring: CheckinQuery, response: { 200: CheckinList } },
      config: { access: { roles: READERS }, audit: { action: 'read', resource: 'Checkin' } },
    },
    async (req) => {
      const days = Math.max(1, Number(req.query.days ?? 28));
      return personRoute(app, req, async ({ trx, now, person }) => {
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
    {
      schema: { params: PersonParams, body: Reminder, response: { 200: ReminderSet } },
      config: {
        access: ownOnly('own_reminder', 'errors.ownReminder'),
        audit: { action: 'update', resource: 'CheckinReminder' },
      },
    },
    async (req) => {
      const { remindAt } = req.body;
      return personRoute(app, req, async ({ trx, now, person }) => {
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
        return { remindAt };
      });
    },
  );
}
