import type { PersonRef, Trigger } from '@bedring/domain';
import type { Tx } from '../db/transaction.ts';
import { instrumentsFor, settingsFor } from './instrument-registry.ts';

export interface PlanContext {
  /** The organisation whose instrument settings apply: the one whose helper had the contact or event. */
  organisationId: string;
  now: Date;
  episodeId?: string | null;
  contactId?: string | null;
}

/**
 * Plans the instruments whose settings name this trigger (a pathway event or a contact). An instrument
 * already waiting for an answer is not planned twice: the person is asked once, and staff see since
 * when it has been missing.
 */
export async function planInstruments(
  trx: Tx,
  person: PersonRef,
  trigger: Trigger,
  dueOn: string,
  ctx: PlanContext,
): Promise<string[]> {
  const instruments = await instrumentsFor(trx, ctx.organisationId);
  const settings = await settingsFor(trx, ctx.organisationId, instruments);
  const planned = instruments.filter((i) => settings.get(i.id)?.triggers.includes(trigger)).map((i) => i.id);
  if (planned.length === 0) return [];
  const waiting = await trx
    .selectFrom('questionnaire_due')
    .select('questionnaire_id')
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('done_at', 'is', null)
    .where('questionnaire_id', 'in', planned)
    .execute();
  const already = new Set(waiting.map((w) => w.questionnaire_id));
  const fresh = planned.filter((id) => !already.has(id));
  if (fresh.length > 0) {
    await trx
      .insertInto('questionnaire_due')
      .values(
        fresh.map((questionnaireId) => ({
          tenant_id: person.organisationId,
          person_id: person.id,
          questionnaire_id: questionnaireId,
          trigger,
          due_on: dueOn,
          episode_id: ctx.episodeId ?? null,
          contact_id: ctx.contactId ?? null,
          planned_at: ctx.now,
        })),
      )
      .execute();
  }
  return planned;
}

/**
 * The pathway events that plan instruments (docs/decisions/0005-questionnaires.md), by the episode event
 * kind.
 */
export const TRIGGER_OF_EVENT: Readonly<Record<string, Trigger>> = {
  'first-attendance': 'first-attendance',
  evaluation: 'evaluation',
  discharged: 'discharge',
};
