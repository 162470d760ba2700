/**
 * The pathway's names and rules from the domain package, imported as plain data and pure functions
 * (the web app still talks to the server only over HTTP). The form runs `recommendLevel` live so that
 * the person and staff see the recommendation and what drove it before anything is saved
 * (docs/domain/pathway.md, P-21).
 */
import type { Gender } from '@bedring/contract';

export { daysBetween, type IsoDate, osloDate } from '@bedring/domain/pathway/calendar';
export {
  type DischargeChecklist,
  type DischargeItem,
  DischargeItems,
  type ItemAnswer,
  type Readiness,
  readiness,
} from '@bedring/domain/pathway/discharge.rules';
export {
  type EndOutcome,
  EndOutcomes,
  type EpisodeState,
  type EventKind,
  HelpNeeded,
  type HelpNeededAtDischarge,
  type RecordableEventKind,
  type Setting,
  Settings,
} from '@bedring/domain/pathway/episode.rules';
export {
  type Dimension,
  type DimensionRating,
  type DimensionRatings,
  Dimensions,
  type Level,
  Levels,
  type Match,
  matchOf,
  type Recommendation,
  type RuleId,
  recommendLevel,
  type Severity,
} from '@bedring/domain/pathway/level-of-care.rules';
export {
  type ReferralChecklist,
  type ReferralChecklistItem,
  ReferralChecklistItems,
  type ReferralOutcome,
  ReferralOutcomes,
  type ReferrerKind,
  ReferrerKinds,
  referralCompleteness,
} from '@bedring/domain/pathway/referral.rules';
export {
  outcomesFor,
  type TaskKind,
  type TaskOutcome,
  type TaskStatus,
} from '@bedring/domain/pathway/task.rules';
export {
  type DeadlineKind,
  type DeadlineStatus,
  DUE_SOON_DAYS,
} from '@bedring/domain/pathway/time-limits.rules';

/** Who does what in the pathway, as the server's PathwayRoles: the web hides what a role cannot do. */
export function mayDecide(role: string): boolean {
  return role === 'leader' || role === 'clinician';
}

export function mayFillChecklist(role: string): boolean {
  return mayDecide(role) || role === 'milieu';
}

/** Severity 0–4 of the dimensional assessment. */
export const Severities = [0, 1, 2, 3, 4] as const;

/** The genders a referral records, in the order the form offers them (the contract's ReferralBody). */
export const Genders = ['female', 'male', 'other', 'unknown'] as const satisfies readonly Gender[];

export const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;
