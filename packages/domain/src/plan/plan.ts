/**
 * The person's own plans (docs/decisions/0006-plans.md): the treatment / individual plan
 * (docs/domain/plans.md, CAP-02, CAP-15), the relapse-prevention plan built on the relapse chain (M-04, M-07)
 * and the crisis plan (M-08). One plan of each kind per person; its entries are grouped in sections, each
 * entry written by someone.
 */
export const PlanKinds = ['treatment', 'relapse-prevention', 'crisis'] as const;
export type PlanKind = (typeof PlanKinds)[number];

/**
 * What a consent can open to another organisation: each plan kind on its own, and the network map
 * (CAP-05, M-12). Without a part in an active consent, the other organisation sees nothing of it.
 */
export const PlanParts = [...PlanKinds, 'network'] as const;
export type PlanPart = (typeof PlanParts)[number];

export const PlanSections = {
  // The person's goals come first, in their own words (CAP-15); the measures are the helpers' answer.
  treatment: ['goal', 'measure'],
  // The relapse chain (M-04) and its concrete measures (M-07).
  'relapse-prevention': [
    'high-risk-situation',
    'early-warning-sign',
    'coping-strategy',
    'contact-person',
    'practical-step',
    'after-a-lapse',
  ],
  crisis: ['warning-sign', 'what-i-do', 'what-people-around-me-do', 'what-services-do', 'contact'],
} as const satisfies Record<PlanKind, readonly string[]>;
export type PlanSection = (typeof PlanSections)[PlanKind][number];

export const AllPlanSections: readonly PlanSection[] = PlanKinds.flatMap((k) => [...PlanSections[k]]);

export function isSectionOf(kind: PlanKind, section: string): section is PlanSection {
  return (PlanSections[kind] as readonly string[]).includes(section);
}

/**
 * Whose part of the plan a section is: goals are the person's, measures are the helpers'; everything
 * in the relapse-prevention and crisis plans is written together.
 */
export type SectionSide = 'person' | 'staff' | 'shared';
export function sectionSide(section: PlanSection): SectionSide {
  if (section === 'goal') return 'person';
  if (section === 'measure') return 'staff';
  return 'shared';
}

/** Who wrote an entry, a comment, a lapse or a network member: the person themself, or staff. */
export type WrittenBy = 'person' | 'staff';

/**
 * Always part of the crisis plan, whatever else it says (M-08): constants, never rows, so no plan can
 * lose them.
 */
export const EMERGENCY_NUMBERS = [
  { service: 'medical-emergency', number: '113', label: 'Medisinsk nødtelefon' },
  { service: 'legevakt', number: '116 117', label: 'Legevakt' },
] as const;

/** The network map (CAP-05, M-12): who is around the person, and how that relation is now. */
export const NetworkRelations = [
  'family',
  'child',
  'friend',
  'peer',
  'self-help-group',
  'helper',
  'other',
] as const;
export type NetworkRelation = (typeof NetworkRelations)[number];

export const NetworkQualities = ['supportive', 'strained', 'risky', 'lost-contact'] as const;
export type NetworkQuality = (typeof NetworkQualities)[number];
