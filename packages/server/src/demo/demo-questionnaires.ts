import { addDays, osloDate, type PersonRef } from '@bedring/domain';
import type { QuestionnaireResponseItem } from '@medplum/fhirtypes';
import type { RequestActor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';
import { instrumentFor } from '../questionnaire/instrument-registry.ts';
import { storeResponse } from '../questionnaire/response.repository.ts';
import { planInstruments } from '../questionnaire/schedule.ts';
import { demoActors } from './demo-actors.ts';

const DAY = 86_400_000;

/**
 * Questionnaires in the demo (docs/decisions/0005-questionnaires.md), written through the same storeResponse
 * as the API, so scores, observations, what is due and the alerts are what production makes of the answers:
 * - Per Pasient: PHQ-9 and GAD-7 from admission to follow-up, better over time with a dip after his
 *   lapse; session feedback after kommune's home visits, the last one lower (an alert for kommune); a
 *   visit two days ago whose feedback and goal progress are still due on Min side.
 * - Three persons in treatment with behandler: session feedback after their conversations; for one it
 *   falls, which puts an alert on behandler's worklist and on the outpatient unit's board.
 */
export async function addQuestionnaireDemo(db: Database, now: Date) {
  const o = db.owner;
  const { behandler, kommune, pasient } = await demoActors(o, ['behandler', 'kommune', 'pasient'] as const);
  const today = osloDate(now);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);

  await o.transaction().execute(async (trx) => {
    const per: PersonRef = { id: pasient.personId!, organisationId: pasient.organisationId };
    // [days ago, PHQ-9 answer per item (0–3), GAD-7 answer per item]
    const course: [number, number[], number[]][] = [
      [198, [3, 2, 2, 3, 2, 2, 2, 2, 1], [2, 3, 2, 2, 2, 2, 2]],
      [150, [2, 2, 1, 2, 1, 2, 1, 1, 0], [2, 2, 1, 2, 1, 2, 1]],
      [122, [1, 1, 1, 2, 1, 1, 1, 1, 0], [1, 1, 1, 1, 1, 2, 1]],
      [38, [2, 1, 1, 2, 1, 2, 1, 1, 0], [2, 1, 1, 2, 1, 1, 1]],
      [9, [1, 1, 0, 1, 1, 1, 0, 0, 0], [1, 1, 0, 1, 0, 1, 1]],
    ];
    for (const [daysAgo, phq9, gad7] of course) {
      await answer(trx, behandler, at(daysAgo), per, 'phq-9', scale('phq9', FREQUENCY, phq9));
      await answer(trx, pasient, at(daysAgo), per, 'gad-7', scale('gad7', FREQUENCY, gad7));
    }
    // kommune's home visits since the handover, each followed by his feedback (0–4 per question).
    const visits: [number, number[]][] = [
      [104, [4, 4, 3, 3, 4]],
      [76, [4, 4, 4, 3, 4]],
      [47, [4, 4, 4, 4, 4]],
      [16, [3, 3, 2, 2, 3]],
    ];
    for (const [daysAgo, values] of visits) {
      const contactId = await contact(trx, kommune, per, at(daysAgo), 'home-visit');
      await answer(trx, pasient, at(daysAgo), per, 'session-feedback', feedback(values), contactId);
    }
    const lastVisit = await contact(trx, kommune, per, at(2), 'home-visit');
    await planInstruments(trx, per, 'contact', addDays(today, -2), {
      organisationId: kommune.organisationId,
      now: at(2),
      contactId: lastVisit,
    });

    const inTreatment = await trx
      .selectFrom('episode')
      .select(['person_id', 'tenant_id'])
      .where('responsible_account_id', '=', behandler.accountId)
      .where('state', '=', 'in-treatment')
      .where('person_id', '<>', per.id)
      .orderBy('opened_on')
      .limit(3)
      .execute();
    const courses = [
      [20, 19, 20, 20],
      [16, 17, 18, 19],
      [19, 20, 18, 13],
    ];
    for (const [i, e] of inTreatment.entries()) {
      const person = { id: e.person_id, organisationId: e.tenant_id };
      for (const [k, total] of courses[i]!.entries()) {
        const when = at(35 - 10 * k);
        const contactId = await contact(trx, behandler, person, when, 'meeting');
        await answer(trx, behandler, when, person, 'session-feedback', feedback(spread(total)), contactId);
      }
    }
  });
}

const FREQUENCY = ['not-at-all', 'several-days', 'more-than-half', 'nearly-every-day'];

function scale(prefix: string, codes: string[], values: number[]): QuestionnaireResponseItem[] {
  return values.map((v, i) => ({
    linkId: `${prefix}-${i + 1}`,
    answer: [{ valueCoding: { code: codes[v] } }],
  }));
}

function feedback(values: number[]): QuestionnaireResponseItem[] {
  return values.map((v, i) => ({ linkId: `sf-${i + 1}`, answer: [{ valueCoding: { code: String(v) } }] }));
}

/** A session-feedback total (0–20) as five answers of 0–4. */
function spread(total: number): number[] {
  return Array.from({ length: 5 }, (_, i) => Math.floor(total / 5) + (i < total % 5 ? 1 : 0));
}

async function contact(trx: Tx, helper: RequestActor, person: PersonRef, when: Date, kind: string) {
  const row = await trx
    .insertInto('contact')
    .values({
      tenant_id: person.organisationId,
      person_id: person.id,
      contact_on: osloDate(when),
      kind,
      account_id: helper.accountId,
      account_name: helper.displayName,
      recorded_at: when,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function answer(
  trx: Tx,
  who: RequestActor,
  now: Date,
  person: PersonRef,
  questionnaireId: string,
  item: QuestionnaireResponseItem[],
  contactId: string | null = null,
) {
  const instrument = await instrumentFor(trx, who.organisationId, questionnaireId);
  if (!instrument) throw new Error(`demo: no instrument ${questionnaireId}`);
  await storeResponse(
    trx,
    { actor: who, now },
    person,
    instrument,
    { status: 'completed', item, contactId },
    null,
  );
}
