import { type RiskAssessmentView, say } from '@bedring/contract';
import type { RiskAssessment } from '@medplum/fhirtypes';

/** Bedring's own code systems for the kind of risk and its level (docs/decisions/0019-relatives-and-risk.md). */
export const RISK_KIND_SYSTEM = 'https://bedring.no/fhir/CodeSystem/risk-kind';
export const RISK_LEVEL_SYSTEM = 'https://bedring.no/fhir/CodeSystem/risk-level';

/**
 * A suicide- or violence-risk assessment as a FHIR RiskAssessment: the kind in `code`, the level as the
 * prediction's qualitative risk, the factors as a note and the plan as the mitigation, performed by the
 * assessor on the day of the assessment. The labels are the catalogue's (bokmål).
 */
export function toRiskAssessment(a: RiskAssessmentView, personId: string): RiskAssessment {
  const kind = say(`labels.riskKinds.${a.kind}`);
  return {
    resourceType: 'RiskAssessment',
    id: a.id,
    status: 'final',
    subject: { reference: `Patient/${personId}` },
    code: { coding: [{ system: RISK_KIND_SYSTEM, code: a.kind, display: kind }], text: kind },
    occurrenceDateTime: a.assessedOn,
    performer: { display: `${a.assessor.name} (${a.assessor.role})` },
    prediction: [
      {
        outcome: { text: kind },
        qualitativeRisk: {
          coding: [
            { system: RISK_LEVEL_SYSTEM, code: a.level, display: say(`labels.riskLevels.${a.level}`) },
          ],
          text: say(`labels.riskLevels.${a.level}`),
        },
      },
    ],
    mitigation: a.plan,
    note: [{ text: a.factors }],
  };
}
