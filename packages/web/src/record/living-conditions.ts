/**
 * The 8 living-condition domains and the three ratings, in the order the server and the person use
 * (domain/src/record/living-conditions.ts). Kept here as plain data: the web app talks to the server
 * only over HTTP.
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

/** Roles that may rate living conditions (server: record.routes.ts RATERS). */
export const RaterRoles: readonly string[] = ['leader', 'clinician', 'milieu', 'municipal'];
