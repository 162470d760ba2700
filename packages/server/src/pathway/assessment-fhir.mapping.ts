import { say } from '@bedring/contract';
import { Dimensions, type Match } from '@bedring/domain';
import type {
  ClinicalImpression,
  Coding,
  Extension,
  Observation,
  Practitioner,
  Reference,
} from '@medplum/fhirtypes';
import { EXT } from './pathway-fhir.mapping.ts';
import type { AssessmentView } from './pathway-fhir-read.repository.ts';

/**
 * The dimensional assessment and level-of-care decision (docs/domain/pathway.md, M-01, P-20–P-27;
 * docs/domain/fhir.md): one ClinicalImpression per assessment, and one Observation per dimension rating
 * (0–4). The ClinicalImpression lists the six Observations in investigation.item and points at the ratings
 * that drove the recommendation from finding.itemReference (R4 gives an Observation no element that can point
 * back at a ClinicalImpression). Both carry the episode in the `episode-of-care` extension.
 */
const CS = 'https://bedring.no/fhir/CodeSystem';
export const DIMENSION_SYSTEM = `${CS}/assessment-dimension`;
export const ASSESSMENT_TIMEFRAME_SYSTEM = `${CS}/assessment-timeframe`;
export const OBSERVATION_CATEGORY_SYSTEM = `${CS}/observation-category`;
export const LEVEL_OF_CARE_SYSTEM = `${CS}/level-of-care`;
export const LEVEL_OF_CARE_RULE_SYSTEM = `${CS}/level-of-care-rule`;
export const LEVEL_OF_CARE_MATCH_SYSTEM = `${CS}/level-of-care-match`;

const coding = (system: string, code: string): Coding => ({ system, code });
const episodeExtension = (a: AssessmentView): Extension => ({
  url: EXT.episodeOfCare,
  valueReference: { reference: `EpisodeOfCare/${a.episodeId}` },
});
const assessor = (a: AssessmentView): Reference<Practitioner> => ({
  reference: `Practitioner/${a.assessedBy.id}`,
  display: a.assessedBy.name,
});

/** A dimension Observation's id: the assessment's id and the dimension (at most 57 characters). */
export const dimensionObservationId = (assessmentId: string, dimension: string) =>
  `${assessmentId}-${dimension}`;

/** The six dimension ratings of an assessment: valueInteger is the rating now, component the history. */
export function toDimensionObservations(a: AssessmentView): Observation[] {
  return Dimensions.flatMap((d): Observation[] => {
    const r = a.ratings[d];
    if (!r) return [];
    return [
      {
        resourceType: 'Observation',
        id: dimensionObservationId(a.id, d),
        extension: [episodeExtension(a)],
        status: 'final',
        category: [
          {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' },
            ],
          },
          { coding: [coding(OBSERVATION_CATEGORY_SYSTEM, 'dimensional-assessment')] },
        ],
        code: { coding: [coding(DIMENSION_SYSTEM, d)], text: d },
        subject: { reference: `Patient/${a.personId}` },
        effectiveDateTime: a.assessedOn,
        issued: a.recordedAt.toISOString(),
        performer: [assessor(a)],
        valueInteger: r.now,
        ...(r.history === null || r.history === undefined
          ? {}
          : {
              component: [
                {
                  code: { coding: [coding(ASSESSMENT_TIMEFRAME_SYSTEM, 'history')], text: 'history' },
                  valueInteger: r.history,
                },
              ],
            }),
        ...(r.rationale ? { note: [{ text: r.rationale }] } : {}),
      },
    ];
  });
}

const Matches = [
  'matched',
  'over-matched',
  'under-matched',
  'different-track',
] as const satisfies readonly Match[];
const matchText = (match: string) =>
  (Matches as readonly string[]).includes(match) ? say(`fhir.levelMatch.${match as Match}`) : match;

/**
 * The level-of-care decision. summary says the chosen level and how it matches the recommendation;
 * the structured facts (recommended level, rule, chosen level, match, reason, opioid dependence) are
 * the complex extension `level-of-care`; the person's own goals and resources come first in the notes
 * (P-24), then the rule that made the recommendation.
 */
export function toClinicalImpression(a: AssessmentView): ClinicalImpression {
  const rec = a.recommendation;
  const levelOfCare: Extension[] = [
    { url: 'recommended', valueCoding: coding(LEVEL_OF_CARE_SYSTEM, rec.level) },
    { url: 'rule', valueCoding: coding(LEVEL_OF_CARE_RULE_SYSTEM, rec.rule) },
    { url: 'chosen', valueCoding: coding(LEVEL_OF_CARE_SYSTEM, a.chosenLevel) },
    { url: 'match', valueCoding: coding(LEVEL_OF_CARE_MATCH_SYSTEM, a.match) },
    ...(a.matchReason ? [{ url: 'matchReason', valueString: a.matchReason }] : []),
    { url: 'opioidDependence', valueBoolean: a.opioidDependence },
  ];
  const drivers =
    rec.drivers.length > 0 ? say('fhir.assessmentDrivers', { drivers: rec.drivers.join(', ') }) : '';
  const reason = a.matchReason ? say('fhir.assessmentReason', { reason: a.matchReason }) : '';
  const observation = (d: string): Reference<Observation> => ({
    reference: `Observation/${dimensionObservationId(a.id, d)}`,
    display: d,
  });
  return {
    resourceType: 'ClinicalImpression',
    id: a.id,
    extension: [episodeExtension(a), { url: EXT.levelOfCare, extension: levelOfCare }],
    status: 'completed',
    description: say('fhir.assessmentDescription'),
    subject: { reference: `Patient/${a.personId}` },
    effectiveDateTime: a.assessedOn,
    date: a.recordedAt.toISOString(),
    assessor: assessor(a),
    ...(a.previousId ? { previous: { reference: `ClinicalImpression/${a.previousId}` } } : {}),
    investigation: [
      {
        code: { coding: [coding(OBSERVATION_CATEGORY_SYSTEM, 'dimensional-assessment')] },
        item: Dimensions.filter((d) => a.ratings[d]).map(observation),
      },
    ],
    summary: say('fhir.assessmentSummary', {
      chosen: a.chosenLevel,
      match: matchText(a.match),
      recommended: rec.level,
      drivers,
      reason,
    }),
    ...(rec.drivers.length > 0
      ? {
          finding: rec.drivers.map((d) => ({
            itemCodeableConcept: { coding: [coding(DIMENSION_SYSTEM, d)], text: d },
            itemReference: observation(d),
            basis: `${a.ratings[d as keyof typeof a.ratings]?.now ?? '?'} av 4: ${a.ratings[d as keyof typeof a.ratings]?.rationale ?? ''}`,
          })),
        }
      : {}),
    note: [
      { text: say('fhir.assessmentPersonGoals', { goals: a.personGoals }) },
      ...(a.personResources
        ? [{ text: say('fhir.assessmentPersonResources', { resources: a.personResources }) }]
        : []),
      { text: say('fhir.assessmentRule', { rule: rec.rule, level: rec.level }) },
    ],
  };
}
