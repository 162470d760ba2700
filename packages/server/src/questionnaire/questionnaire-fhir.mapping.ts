import { say } from '@bedring/contract';
import type {
  Observation,
  OperationOutcome,
  OperationOutcomeIssue,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from '@medplum/fhirtypes';
import type { Instrument } from './instrument-registry.ts';
import type { ResponseRow, ScoreRow } from './questionnaire-fhir-read.repository.ts';

/** A score's band (instrument-specific code, e.g. PHQ-9 `moderate`) and Bedring's four levels across instruments. */
export const SCORE_BAND_SYSTEM = 'https://bedring.no/fhir/CodeSystem/score-band';
export const SCORE_LEVEL_SYSTEM = 'https://bedring.no/fhir/CodeSystem/score-level';

/** The instrument a response answers, as R4 wants it: canonical url|version. */
export function canonicalOf(questionnaireId: string, version: string, instrument: Instrument | undefined) {
  const url = instrument?.questionnaire.url ?? `Questionnaire/${questionnaireId}`;
  return version ? `${url}|${version}` : url;
}

/**
 * A stored response. The author is who entered it: the person themself (Patient) or a staff member
 * (Practitioner/{account id}, as elsewhere in the façade); the person is then also the source.
 */
export function toQuestionnaireResponse(
  r: ResponseRow,
  instrument: Instrument | undefined,
): QuestionnaireResponse {
  const item = r.item as QuestionnaireResponseItem[];
  const byPerson = r.answered_by === 'person';
  return {
    resourceType: 'QuestionnaireResponse',
    id: r.id,
    questionnaire: canonicalOf(r.questionnaire_id, r.questionnaire_version, instrument),
    status: r.status,
    subject: { reference: `Patient/${r.person_id}` },
    authored: r.authored_at.toISOString(),
    author: byPerson
      ? { reference: `Patient/${r.person_id}`, display: r.author_name }
      : { reference: `Practitioner/${r.author_account_id}`, display: r.author_name },
    ...(byPerson ? { source: { reference: `Patient/${r.person_id}` } } : {}),
    ...(item.length > 0 ? { item } : {}),
  };
}

function findItem(
  items: QuestionnaireItem[] | undefined,
  linkId: string,
  depth = 0,
): QuestionnaireItem | null {
  if (!items || depth > 32) return null;
  for (const i of items) {
    if (i.linkId === linkId) return i;
    const inner = findItem(i.item, linkId, depth + 1);
    if (inner) return inner;
  }
  return null;
}

/**
 * A score as an Observation derived from its response. An integer score item gives valueInteger;
 * anything else (a mean, a percentage with decimals) a dimensionless valueQuantity, so that one
 * score's values always come in the same element. The band, when the instrument has one for the
 * value, is the interpretation.
 */
export function toScoreObservation(s: ScoreRow, instrument: Instrument | undefined): Observation {
  const def = instrument?.scores.find((d) => d.linkId === s.link_id);
  const integer = findItem(instrument?.questionnaire.item, s.link_id)?.type === 'integer';
  const band = s.band_code ? def?.bands.find((b) => b.code === s.band_code) : undefined;
  const display = def?.code.display;
  return {
    resourceType: 'Observation',
    id: s.id,
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'survey',
            display: say('fhir.surveyCategory'),
          },
        ],
      },
    ],
    code: {
      coding: [
        {
          ...(s.code_system ? { system: s.code_system } : {}),
          code: s.code,
          ...(display ? { display } : {}),
        },
      ],
      text: def?.display ?? s.code,
    },
    subject: { reference: `Patient/${s.person_id}` },
    effectiveDateTime: s.effective_at.toISOString(),
    derivedFrom: [{ reference: `QuestionnaireResponse/${s.response_id}` }],
    ...(integer && Number.isInteger(s.value)
      ? { valueInteger: s.value }
      : {
          valueQuantity: {
            value: s.value,
            unit: 'score',
            system: 'http://unitsofmeasure.org',
            code: '{score}',
          },
        }),
    ...(s.band_code
      ? {
          interpretation: [
            {
              coding: [
                { system: SCORE_BAND_SYSTEM, code: s.band_code, ...(band ? { display: band.label } : {}) },
                ...(s.band_level ? [{ system: SCORE_LEVEL_SYSTEM, code: s.band_level }] : []),
              ],
              text: band?.label ?? s.band_code,
            },
          ],
        }
      : {}),
  };
}

/** What responseProblems says about an item, as the R4 issue type closest to it. */
const ISSUE_TYPE: Record<string, OperationOutcomeIssue['code']> = {
  'unknown-item': 'structure',
  'wrong-type': 'value',
  required: 'required',
  'not-an-option': 'code-invalid',
  'out-of-range': 'value',
  'too-long': 'too-long',
  'not-enabled': 'business-rule',
  repeats: 'structure',
  'read-only': 'business-rule',
  structure: 'structure',
};

/** A FHIRPath to the item with this linkId at any depth ('' is the response as a whole). */
const itemPath = (linkId: string) =>
  linkId === ''
    ? 'QuestionnaireResponse.item'
    : `QuestionnaireResponse.descendants().where(linkId = '${linkId.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}')`;

/**
 * A response that does not fit its Questionnaire: one issue per item, naming it (linkId) in
 * expression, location and diagnostics, with the message the renderer shows in details.
 */
export function misfitOutcome(details: readonly unknown[]): OperationOutcome {
  const problems = details as { field?: string; code?: string; message?: string }[];
  return {
    resourceType: 'OperationOutcome',
    issue: problems.map((p) => {
      const linkId = p.field ?? '';
      return {
        severity: 'error',
        code: ISSUE_TYPE[p.code ?? ''] ?? 'invalid',
        details: { text: p.message ?? say('errors.responseDoesNotFit') },
        diagnostics: `${p.code ?? 'invalid'}: linkId ${linkId === '' ? say('fhir.wholeResponse') : linkId}`,
        expression: [itemPath(linkId)],
        location: [itemPath(linkId)],
      };
    }),
  };
}
