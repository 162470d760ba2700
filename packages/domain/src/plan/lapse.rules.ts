import { daysBetween, type IsoDate } from '../pathway/calendar.ts';

/**
 * Progress never resets to zero (docs/domain/care-principles.md, P-51; docs/domain/plans.md, M-04): a lapse
 * is an event in the pathway, not the end of it. What is shown counts up over the whole pathway — days since
 * treatment started, and how many of them were days without a lapse — and there is no "days clean" streak
 * that a lapse would wipe out.
 */
export interface Progress {
  /** The first day of treatment, or null when treatment has not started. */
  since: IsoDate | null;
  /** Days from the start to today, counting both. */
  days: number;
  /** Days without a recorded lapse among them. */
  goodDays: number;
  lapses: number;
}

export function progressOf(since: IsoDate | null, lapseDates: readonly IsoDate[], today: IsoDate): Progress {
  if (since === null || since > today) return { since, days: 0, goodDays: 0, lapses: lapseDates.length };
  const days = daysBetween(since, today) + 1;
  const lapseDays = new Set(lapseDates.filter((d) => d >= since && d <= today)).size;
  return { since, days, goodDays: days - lapseDays, lapses: lapseDates.length };
}
