import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Score, type Sex, scoreResponse } from '@bedring/domain';
import type { Questionnaire, QuestionnaireResponseItem } from '@medplum/fhirtypes';

/**
 * The instrument the questionnaire measurements answer: PHQ-9 as shipped (instruments/phq-9.json), scored
 * by the domain's own scoring, so that the bench writes what the server would write.
 */
export const PHQ9: Questionnaire = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../instruments/phq-9.json'), 'utf8'),
) as Questionnaire;
export const PHQ9_ID = 'phq-9';

/** The answer codes of items 1–9, by their ordinal value 0–3. */
const CODES = ['not-at-all', 'several-days', 'more-than-half', 'nearly-every-day'] as const;

/** A completed PHQ-9 whose nine scored items add up to `total` (0–27), with the unscored tenth answered. */
export function phq9Items(total: number): QuestionnaireResponseItem[] {
  if (!Number.isInteger(total) || total < 0 || total > 27)
    throw new Error(`PHQ-9 total ${total} is not 0–27`);
  const items: QuestionnaireResponseItem[] = [];
  for (let n = 1; n <= 9; n++) {
    const ordinal = Math.floor(total / 9) + (n <= total % 9 ? 1 : 0);
    items.push({ linkId: `phq9-${n}`, answer: [{ valueCoding: { code: CODES[ordinal] } }] });
  }
  items.push({ linkId: 'phq9-10', answer: [{ valueCoding: { code: 'somewhat-difficult' } }] });
  return items;
}

/** The one score (the total, with its band) the server derives from a PHQ-9 response. */
export function phq9Score(item: QuestionnaireResponseItem[], sex: Sex): Score {
  const scores = scoreResponse(
    PHQ9,
    { resourceType: 'QuestionnaireResponse', status: 'completed', item },
    sex,
  );
  if (scores.length !== 1 || !scores[0]!.band)
    throw new Error('a PHQ-9 response must score one banded total');
  return scores[0]!;
}

/**
 * What the response measurement posts: every item "several days", a total of 9 (mild). Against the history
 * its persons have (response-history.ts) it is no reliable improvement, so the alert rule fires as it does in
 * practice for a person who is not getting better.
 */
export const RESPONSE_TOTAL = 9;
export const RESPONSE_ITEMS = phq9Items(RESPONSE_TOTAL);
export const RESPONSE_BODY = JSON.stringify({
  questionnaireId: PHQ9_ID,
  status: 'completed',
  item: RESPONSE_ITEMS,
});
