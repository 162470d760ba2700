import type { RiskKind } from './risk-assessment.rules.ts';

/**
 * Discharge readiness (docs/domain/pathway.md, P-40, P-41 and the closing checklist). "When treatment ends,
 * my hardest job begins" (P-42): what must be in place before the person goes home. Missing items warn, never
 * block. The person's children and relatives have been asked about (the duty to ask, docs/domain/law.md,
 * "Children and relatives"), and the suicide- and violence-risk assessments are done before they are shared.
 */
export const DischargeItems = [
  'own-housing',
  'named-municipal-professional',
  'meaningful-activity-offered',
  'network-help-offered',
  'relapse-prevention-plan-reviewed',
  'crisis-plan-need-assessed',
  'children-and-relatives-asked',
  'person-and-relatives-know-where-to-turn',
  'risk-assessments-done',
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

/** What the record holds that the checklist asks about: the person's children and relatives, the assessments. */
export interface DischargeFacts {
  children: number;
  relatives: number;
  /** Minor children for whom something is not in place yet (relatives.rules.ts, childGaps). */
  minorChildrenWithGaps: number;
  /** The latest assessment of each kind since the episode opened, and whether it goes with the handover. */
  risk: Record<RiskKind, { shareAtHandover: boolean } | null>;
}

export const DischargeHintCodes = [
  'nothing-recorded',
  'minor-child-follow-up',
  'suicide-not-assessed',
  'violence-not-assessed',
  'not-shared',
] as const;
export type DischargeHintCode = (typeof DischargeHintCodes)[number];
export interface DischargeHint {
  item: DischargeItem;
  code: DischargeHintCode;
}

/**
 * What the record says beside the checklist's answers: a hint to look again, never a block and never an
 * answer (a person may have no children, and staff know why an assessment was not made).
 */
export function dischargeHints(facts: DischargeFacts): DischargeHint[] {
  const hints: DischargeHint[] = [];
  if (facts.children + facts.relatives === 0)
    hints.push({ item: 'children-and-relatives-asked', code: 'nothing-recorded' });
  if (facts.minorChildrenWithGaps > 0)
    hints.push({ item: 'children-and-relatives-asked', code: 'minor-child-follow-up' });
  if (!facts.risk.suicide) hints.push({ item: 'risk-assessments-done', code: 'suicide-not-assessed' });
  if (!facts.risk.violence) hints.push({ item: 'risk-assessments-done', code: 'violence-not-assessed' });
  if (Object.values(facts.risk).some((a) => a && !a.shareAtHandover))
    hints.push({ item: 'risk-assessments-shared', code: 'not-shared' });
  return hints;
}
