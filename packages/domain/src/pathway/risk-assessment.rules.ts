import type { Role } from '../access/roles.ts';

/**
 * Suicide- and violence-risk assessments as structured notes (docs/domain/pathway.md, "Risk assessments";
 * docs/decisions/0019-relatives-and-risk.md). Up to 40 % of people treated for substance dependence have
 * attempted suicide (N-47), and an acute route needs a suicide-risk flag (P-10); the national pathway's
 * closing checklist asks that the GP or municipality be told of the assessments (P-40).
 */
export const RiskKinds = ['suicide', 'violence'] as const;
export type RiskKind = (typeof RiskKinds)[number];

/**
 * The level of risk in the clinical words of the Norwegian guidelines: low, moderate, high, and acute (an
 * immediate risk that needs action now). docs/domain/pathway.md says where the words come from.
 */
export const RiskLevels = ['low', 'moderate', 'high', 'acute'] as const;
export type RiskLevel = (typeof RiskLevels)[number];

/** Who makes an assessment: the clinicians and the unit's leader. */
export const RiskAssessorRoles = ['leader', 'clinician'] as const satisfies readonly Role[];

/**
 * Who reads assessments: the care team (clinician, milieu therapist, the unit's leader), the municipal worker
 * those shared with the handover under the person's consent, and the person their own (their right to see
 * their record, docs/domain/law.md). A peer worker reads none.
 */
export const RiskReaderRoles = [
  'leader',
  'clinician',
  'milieu',
  'municipal',
  'patient',
] as const satisfies readonly Role[];

export interface RiskAssessmentFacts {
  kind: RiskKind;
  assessedOn: string;
  level: RiskLevel;
  shareAtHandover: boolean;
}

/** The latest assessment of each kind (by date; the later of two on one day is the later in the list). */
export function latestByKind<T extends RiskAssessmentFacts>(
  assessments: readonly T[],
): Record<RiskKind, T | null> {
  const latest: Record<RiskKind, T | null> = { suicide: null, violence: null };
  for (const a of assessments) {
    const now = latest[a.kind];
    if (!now || a.assessedOn >= now.assessedOn) latest[a.kind] = a;
  }
  return latest;
}

/** High and acute risk are shown as a warning wherever the assessment is shown. */
export function isRaised(level: RiskLevel): boolean {
  return level === 'high' || level === 'acute';
}
