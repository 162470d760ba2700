import type { IsoDate } from './calendar.ts';

/** Who may refer to TSB (P-11, P-12). */
export const ReferrerKinds = [
  'gp',
  'social-services',
  'child-welfare',
  'specialist',
  'private-doctor',
  'prison-doctor',
  'other',
] as const;
export type ReferrerKind = (typeof ReferrerKinds)[number];

/**
 * What a referral should contain (docs/domain/pathway.md, P-13, P-14). The person's own participation comes
 * first: the referred person should take part in writing the referral.
 */
export const ReferralChecklistItems = [
  'own-participation',
  'relatives-participation',
  'own-goals-and-resources',
  'substance-use',
  'injuries-and-complications',
  'mental-health',
  'physical-health',
  'social-situation',
  'support-persons-and-network',
  'special-considerations',
] as const;
export type ReferralChecklistItem = (typeof ReferralChecklistItems)[number];

export type ReferralChecklist = Partial<Record<ReferralChecklistItem, boolean>>;

export interface Completeness {
  done: number;
  total: number;
  missing: ReferralChecklistItem[];
}

export function referralCompleteness(checklist: ReferralChecklist): Completeness {
  const missing = ReferralChecklistItems.filter((item) => checklist[item] !== true);
  return {
    done: ReferralChecklistItems.length - missing.length,
    total: ReferralChecklistItems.length,
    missing,
  };
}

/** Outcomes of the assessment of a referral (P-17). */
export const ReferralOutcomes = ['right-to-treatment', 'treatment-without-right', 'no-need'] as const;
export type ReferralOutcome = (typeof ReferralOutcomes)[number];

export interface ReferralAssessmentInput {
  outcome: ReferralOutcome;
  assessedOn: IsoDate;
  treatmentStartDeadline: IsoDate | null;
}

export type ReferralAssessmentProblem =
  | 'deadline-required'
  | 'deadline-not-allowed'
  | 'deadline-before-assessment'
  | 'assessed-before-received';

/**
 * A person with a right to treatment gets an individual deadline for start; the others get none (P-17).
 * These are facts of the decision, not clinical judgements, so they are refused (400), not warned about.
 */
export function checkReferralAssessment(
  input: ReferralAssessmentInput,
  receivedOn: IsoDate,
): ReferralAssessmentProblem | null {
  if (input.assessedOn < receivedOn) return 'assessed-before-received';
  if (input.outcome === 'right-to-treatment') {
    if (!input.treatmentStartDeadline) return 'deadline-required';
    if (input.treatmentStartDeadline < input.assessedOn) return 'deadline-before-assessment';
  } else if (input.treatmentStartDeadline) {
    return 'deadline-not-allowed';
  }
  return null;
}
