import type { PersonRef } from '@bedring/domain';
import type { Tx } from '../db/transaction.ts';
import { instrumentsFor } from './instrument-registry.ts';

/**
 * Whether the person gave feedback with a feedback instrument (one with a feedback score, such as
 * session feedback) in this episode since a date. An evaluation then carries the pathway code for use of
 * the feedback tool (docs/domain/questionnaires.md), without the clinician having to remember to tick it.
 */
export async function feedbackToolUsedSince(
  trx: Tx,
  organisationId: string,
  person: PersonRef,
  episodeId: string,
  since: string,
): Promise<boolean> {
  const feedbackIds = (await instrumentsFor(trx, organisationId))
    .filter((i) => i.scores.some((s) => s.feedback))
    .map((i) => i.id);
  if (feedbackIds.length === 0) return false;
  const found = await trx
    .selectFrom('questionnaire_response')
    .select('id')
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('episode_id', '=', episodeId)
    .where('status', '=', 'completed')
    .where('questionnaire_id', 'in', feedbackIds)
    .where('authored_at', '>=', new Date(`${since}T00:00:00Z`))
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}
