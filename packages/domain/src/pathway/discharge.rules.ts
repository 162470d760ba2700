/**
 * Discharge readiness (docs/domain/pathway.md, P-40, P-41 and the closing checklist). "When treatment ends,
 * my hardest job begins" (P-42): what must be in place before the person goes home. Missing items warn, never
 * block.
 */
export const DischargeItems = [
  'own-housing',
  'named-municipal-professional',
  'meaningful-activity-offered',
  'network-help-offered',
  'relapse-prevention-plan-reviewed',
  'crisis-plan-need-assessed',
  'person-and-relatives-know-where-to-turn',
  'risk-assessments-shared',
] as const;
export type DischargeItem = (typeof DischargeItems)[number];

/** 'not-relevant' is an answer too (e.g. no risk assessment to share); it is not a gap. */
export type ItemAnswer = 'yes' | 'no' | 'not-relevant';

export interface ChecklistEntry {
  answer: ItemAnswer;
  note: string;
}

export type DischargeChecklist = Partial<Record<DischargeItem, ChecklistEntry>>;

export interface Readiness {
  ready: boolean;
  /** Items answered "no" or not answered yet, in checklist order. */
  gaps: DischargeItem[];
  answered: number;
  total: number;
}

export function readiness(checklist: DischargeChecklist): Readiness {
  const gaps = DischargeItems.filter((item) => {
    const answer = checklist[item]?.answer;
    return answer !== 'yes' && answer !== 'not-relevant';
  });
  const answered = DischargeItems.filter((item) => checklist[item] !== undefined).length;
  return { ready: gaps.length === 0, gaps, answered, total: DischargeItems.length };
}
