import { addDays, type IsoDate } from '../pathway/calendar.ts';

/**
 * Progress without shame (docs/decisions/0007-checkins-and-signals.md; docs/domain/plans.md, M-04): the days
 * the person checked in, counted up; a lapse is a mark on its day, never a reset of anything. There is
 * deliberately no streak here — a streak is exactly what a lapse or a missed day would break.
 */
export interface ProgressDay {
  day: IsoDate;
  checkedIn: boolean;
  lapse: boolean;
}

export interface CheckinProgress {
  /** The last `window` days up to today, oldest first. */
  days: ProgressDay[];
  /** Days with a check-in among them. */
  checkinDays: number;
  /** Days with a lapse among them (events, shown as such). */
  lapseDays: number;
}

export function checkinProgress(
  checkinDays: readonly IsoDate[],
  lapseDays: readonly IsoDate[],
  today: IsoDate,
  window = 28,
): CheckinProgress {
  const checked = new Set(checkinDays);
  const lapsed = new Set(lapseDays);
  const days = Array.from({ length: window }, (_, i) => {
    const day = addDays(today, i - window + 1);
    return { day, checkedIn: checked.has(day), lapse: lapsed.has(day) };
  });
  return {
    days,
    checkinDays: days.filter((d) => d.checkedIn).length,
    lapseDays: days.filter((d) => d.lapse).length,
  };
}
