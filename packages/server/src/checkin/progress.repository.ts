import { addDays, checkinProgress, osloDate, type PersonRef } from '@bedring/domain';
import type { Tx } from '../db/transaction.ts';

const PROGRESS_DAYS = 28;

type ResponseItem = {
  linkId: string;
  item?: ResponseItem[];
  answer?: Array<{ valueString?: string; valueInteger?: number }>;
};

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

/**
 * Progress without shame (docs/decisions/0007-checkins-and-signals.md): check-in days of the last four weeks
 * counted up, lapses as events on their day, check-in days in all, contacts had, and the goals the person
 * last said they work on (goal progress, in their own words). The caller has checked need to know and audits
 * the read.
 */
export async function progressOf(trx: Tx, person: PersonRef, now: Date) {
  const today = osloDate(now);
  const from = addDays(today, -PROGRESS_DAYS + 1);
  const t = person.organisationId;
  const [days, total, lapses, goals, contacts] = await Promise.all([
    trx
      .selectFrom('checkin')
      .select('day')
      .distinct()
      .where('tenant_id', '=', t)
      .where('person_id', '=', person.id)
      .where('day', '>=', from)
      .execute(),
    trx
      .selectFrom('checkin')
      .select((eb) => eb.fn.count<string>('day').distinct().as('n'))
      .where('tenant_id', '=', t)
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('lapse')
      .select('occurred_on')
      .where('tenant_id', '=', t)
      .where('person_id', '=', person.id)
      .where('occurred_on', '>=', from)
      .execute(),
    trx
      .selectFrom('questionnaire_response')
      .select(['item', 'authored_at'])
      .where('tenant_id', '=', t)
      .where('person_id', '=', person.id)
      .where('questionnaire_id', '=', 'goal-progress')
      .where('status', '=', 'completed')
      .orderBy('authored_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    trx
      .selectFrom('contact')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', t)
      .where('person_id', '=', person.id)
      .where('contact_on', '>=', from)
      .executeTakeFirstOrThrow(),
  ]);
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
}
