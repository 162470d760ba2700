/**
 * The 8 living-condition domains (levekårsområder) the person's record is rated on, green/yellow/red,
 * as in BrukerPlan and the whole-person profile (docs/domain/record.md, CAP-01 / U-01).
 * Order matters: it is the order the person and staff see them in.
 */
export const LivingConditionDomains = [
  'substance-use',
  'finances',
  'mental-health',
  'physical-health',
  'housing',
  'social-functioning',
  'network',
  'meaningful-activity',
] as const;
export type LivingConditionDomain = (typeof LivingConditionDomains)[number];

export const Ratings = ['green', 'yellow', 'red'] as const;
export type Rating = (typeof Ratings)[number];

/** Who rates living conditions: staff with a clinical or follow-up role; peers and the person do not. */
export const RaterRoles = ['leader', 'clinician', 'milieu', 'municipal'] as const;

export function mayRate(role: string): boolean {
  return (RaterRoles as readonly string[]).includes(role);
}

export function isDomain(value: string): value is LivingConditionDomain {
  return (LivingConditionDomains as readonly string[]).includes(value);
}
