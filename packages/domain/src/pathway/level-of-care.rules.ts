import type { Setting } from './episode.rules.ts';

/**
 * Dimensional assessment (kartlegging) on the structure of the ASAM criteria (docs/domain/pathway.md, M-01),
 * in our own words and with our own, deliberately simple and visible rules: no ASAM text or decision logic.
 * Each dimension is rated 0 (no problem or risk) to 4 (severe, needs immediate attention), for now and
 * for the history, with a rationale. The assessment starts from the person's own goals and resources (P-24).
 */
export const Dimensions = [
  'withdrawal',
  'physical-health',
  'mental-health',
  'readiness',
  'relapse-risk',
  'recovery-environment',
] as const;
export type Dimension = (typeof Dimensions)[number];

export type Severity = 0 | 1 | 2 | 3 | 4;

export interface DimensionRating {
  now: Severity;
  history: Severity | null;
  rationale: string;
}

export type DimensionRatings = Record<Dimension, DimensionRating>;

/** Levels of care in Norwegian TSB terms (P-27, P-28), from least to most intensive, then the two tracks. */
export const Levels = [
  'outpatient',
  'day',
  'short-inpatient',
  'long-inpatient',
  'detox-first',
  'lar-assessment',
] as const;
export type Level = (typeof Levels)[number];

/** How intensive a level is, to tell over- from under-matching (P-21). */
const intensity: Record<Level, number> = {
  outpatient: 1,
  day: 2,
  'lar-assessment': 2,
  'short-inpatient': 3,
  'detox-first': 3,
  'long-inpatient': 4,
};

/** The setting the first treatment round of a level takes place in. */
export const levelSetting: Record<Level, Setting> = {
  outpatient: 'outpatient',
  day: 'day',
  'short-inpatient': 'inpatient',
  'long-inpatient': 'inpatient',
  'detox-first': 'detox',
  'lar-assessment': 'lar',
};

/** The rule that chose the level, and the dimensions that drove it: shown to staff and the person. */
export interface Recommendation {
  level: Level;
  rule: RuleId;
  drivers: Dimension[];
}

export type RuleId =
  | 'withdrawal-needs-detox'
  | 'opioids-lar-assessment'
  | 'several-severe-long-inpatient'
  | 'one-severe-short-inpatient'
  | 'moderate-or-low-readiness-day'
  | 'lowest-effective-outpatient';

export interface AssessmentFacts {
  ratings: DimensionRatings;
  /** Opioid dependence found in the assessment: LAR is assessed before other levels (P-33). */
  opioidDependence: boolean;
}

const needsOtherThanWithdrawal: Dimension[] = [
  'physical-health',
  'mental-health',
  'relapse-risk',
  'recovery-environment',
];

/**
 * The lowest effective level of care (P-21), first rule that applies wins:
 * 1. withdrawal rated 3–4 now → detox first;
 * 2. opioid dependence and withdrawal or relapse risk 2+ → LAR assessment;
 * 3. two or more of physical, mental, relapse risk, environment rated 3+ (or one rated 4) → long inpatient;
 * 4. one of them rated 3 → short inpatient;
 * 5. any of them rated 2, or readiness rated 3+ → day / intensive outpatient;
 * 6. otherwise outpatient.
 */
export function recommendLevel(facts: AssessmentFacts): Recommendation {
  const r = facts.ratings;
  const atLeast = (dims: Dimension[], min: number) => dims.filter((d) => r[d].now >= min);

  if (r.withdrawal.now >= 3)
    return { level: 'detox-first', rule: 'withdrawal-needs-detox', drivers: ['withdrawal'] };
  if (facts.opioidDependence) {
    const drivers = atLeast(['withdrawal', 'relapse-risk'], 2);
    if (drivers.length > 0) return { level: 'lar-assessment', rule: 'opioids-lar-assessment', drivers };
  }
  const severe = atLeast(needsOtherThanWithdrawal, 3);
  const critical = atLeast(needsOtherThanWithdrawal, 4);
  if (severe.length >= 2 || critical.length > 0) {
    return { level: 'long-inpatient', rule: 'several-severe-long-inpatient', drivers: severe };
  }
  if (severe.length === 1)
    return { level: 'short-inpatient', rule: 'one-severe-short-inpatient', drivers: severe };
  const moderate = [...atLeast(needsOtherThanWithdrawal, 2), ...atLeast(['readiness'], 3)];
  if (moderate.length > 0) return { level: 'day', rule: 'moderate-or-low-readiness-day', drivers: moderate };
  return { level: 'outpatient', rule: 'lowest-effective-outpatient', drivers: [] };
}

export type Match = 'matched' | 'over-matched' | 'under-matched' | 'different-track';

/** Choosing another level than recommended is allowed; it is recorded as over- or under-matching (P-21). */
export function matchOf(recommended: Level, chosen: Level): Match {
  if (recommended === chosen) return 'matched';
  const diff = intensity[chosen] - intensity[recommended];
  if (diff > 0) return 'over-matched';
  if (diff < 0) return 'under-matched';
  return 'different-track';
}

export interface DimensionChange {
  dimension: Dimension;
  before: Severity;
  after: Severity;
  /** Negative is better (less severe). */
  change: number;
}

/** Change per dimension between two assessments, for re-assessment (M-01: repeated, not one-time). */
export function changeSince(before: DimensionRatings, after: DimensionRatings): DimensionChange[] {
  return Dimensions.map((dimension) => ({
    dimension,
    before: before[dimension].now,
    after: after[dimension].now,
    change: after[dimension].now - before[dimension].now,
  }));
}

export function isSeverity(value: unknown): value is Severity {
  return value === 0 || value === 1 || value === 2 || value === 3 || value === 4;
}
