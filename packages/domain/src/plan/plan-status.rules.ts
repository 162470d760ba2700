import type { IsoDate } from '../pathway/calendar.ts';
import type { PlanKind, WrittenBy } from './plan.ts';

/**
 * What a plan shows about itself: signatures against the version they signed, a crisis plan's review
 * date, and the prompt to look at the plan together after a lapse (docs/domain/plans.md, M-04: a lapse is a
 * chance to learn about the chain, and the plan should learn too).
 */

/** A signature refers to the version signed; a later change does not delete it, it makes it older. */
export function signatureIsCurrent(signedVersion: number, planVersion: number): boolean {
  return signedVersion === planVersion;
}

export interface PlanState {
  kind: PlanKind;
  version: number;
  reviewOn: IsoDate | null;

  entries: readonly { section: string; writtenBy: WrittenBy; retired: boolean }[];
  signedVersions: readonly number[];
  /** The relapse-prevention plan's version when the latest lapse was recorded, or null without lapses. */
  lastLapseAtVersion: number | null;
}

export type PlanWarning =
  | 'no-goal-in-own-words'
  | 'no-review-date'
  | 'review-due'
  | 'look-at-plan-together'
  | 'not-signed-since-change';

export function planWarnings(plan: PlanState, today: IsoDate): PlanWarning[] {
  const live = plan.entries.filter((e) => !e.retired);
  const warnings: PlanWarning[] = [];
  if (plan.kind === 'treatment' && live.length > 0) {
    if (!live.some((e) => e.section === 'goal' && e.writtenBy === 'person'))
      warnings.push('no-goal-in-own-words');
  }
  if (plan.kind === 'crisis' && live.length > 0) {
    if (plan.reviewOn === null) warnings.push('no-review-date');
    else if (plan.reviewOn < today) warnings.push('review-due');
  }
  if (plan.kind === 'relapse-prevention' && lapsePromptsUpdate(plan.lastLapseAtVersion, plan.version)) {
    warnings.push('look-at-plan-together');
  }
  if (
    plan.signedVersions.length > 0 &&
    !plan.signedVersions.some((v) => signatureIsCurrent(v, plan.version))
  ) {
    warnings.push('not-signed-since-change');
  }
  return warnings;
}

/**
 * A lapse asks for the plan to be looked at together until the plan changes after it. Versions, not
 * times: a change in the same minute as the lapse still answers it.
 */
export function lapsePromptsUpdate(lapseAtPlanVersion: number | null, planVersion: number): boolean {
  return lapseAtPlanVersion !== null && planVersion <= lapseAtPlanVersion;
}
