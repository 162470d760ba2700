/**
 * Children and relatives in the person's record (docs/domain/law.md, "Children and relatives";
 * docs/decisions/0019-relatives-and-risk.md). The specialist service must ask whether the person has minor
 * children and see to their needs (barn som pårørende), and relatives take part with the person's consent
 * (A-21 in docs/domain/record.md). Rules warn; nothing here refuses a record.
 */
export const RelativeKinds = ['child', 'relative'] as const;
export type RelativeKind = (typeof RelativeKinds)[number];

/** The role of a relative who is not the person's child (a child is its own kind). */
export const RelativeRoles = ['partner', 'parent', 'sibling', 'friend', 'other'] as const;
export type RelativeRole = (typeof RelativeRoles)[number];

/** Under 18: the duty to see to the child's needs is about minor children (docs/domain/law.md). */
export const ADULT_AGE = 18;

/** The facts about a child the duty asks for; the birth year only, never a national id. */
export interface ChildFacts {
  birthYear: number;
  /** Who cares for the child now, in words ("moren", "besteforeldre"); empty when not known. */
  caredForBy: string;
  /** Whether someone has spoken with the child (or the carer about the child); null when not asked yet. */
  spokenWith: boolean | null;
  /** The follow-up agreed for the child, in words. */
  followUp: string;
  /** Whether the unit's barneansvarlig (the child-responsible clinician) is informed. */
  coordinatorInformed: boolean;
}

/**
 * The age the child reaches in the year of `today` (from the birth year alone the age is known to within a
 * year; this is the upper of the two, so a child is never taken for older than they are).
 */
export function ageInYear(birthYear: number, today: Date): number {
  return today.getUTCFullYear() - birthYear;
}

export function isMinor(birthYear: number, today: Date): boolean {
  return ageInYear(birthYear, today) < ADULT_AGE;
}

export const ChildGaps = [
  'carer-unknown',
  'not-spoken-with',
  'no-follow-up',
  'coordinator-not-informed',
] as const;
export type ChildGap = (typeof ChildGaps)[number];

/**
 * What is not yet in place for a minor child (none for an adult child): who cares for them, whether they have
 * been spoken with, the follow-up agreed, and whether the barneansvarlig knows. Warnings, in this order.
 */
export function childGaps(child: ChildFacts, today: Date): ChildGap[] {
  if (!isMinor(child.birthYear, today)) return [];
  const gaps: ChildGap[] = [];
  if (child.caredForBy.trim() === '') gaps.push('carer-unknown');
  if (child.spokenWith !== true) gaps.push('not-spoken-with');
  if (child.followUp.trim() === '') gaps.push('no-follow-up');
  if (!child.coordinatorInformed) gaps.push('coordinator-not-informed');
  return gaps;
}

/** A birth year a child can have: not in the future, and not before 1900. */
export function isPlausibleBirthYear(birthYear: number, today: Date): boolean {
  return Number.isInteger(birthYear) && birthYear >= 1900 && birthYear <= today.getUTCFullYear();
}
