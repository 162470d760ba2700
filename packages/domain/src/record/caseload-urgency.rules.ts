import { daysBetween, type IsoDate, osloDate } from '../pathway/calendar.ts';

/**
 * The order of a worker's caseload ("Mine pasienter"): the person who needs someone now comes first, not
 * the first name in the alphabet (docs/decisions/0016-worklists.md). Early signs of drop-out are acted on
 * only if they are seen (docs/domain/pathway.md: P-34, CAP-22), so each row carries what is open for the
 * person and the list is sorted by how urgent it is:
 *   1. an open help request ("Jeg trenger hjelp nå"), the oldest first;
 *   2. open signals from the check-ins, the most first;
 *   3. overdue pathway deadlines and tasks, the most first;
 *   4. a long time since the last contact, the longest first;
 *   5. the rest, by name.
 */

/** After this many days without a recorded contact the person is marked on the caseload. */
export const LONG_WITHOUT_CONTACT_DAYS = 14;

export const CaseloadUrgencies = [
  'help-requested',
  'signals',
  'overdue',
  'no-recent-contact',
  'none',
] as const;
export type CaseloadUrgency = (typeof CaseloadUrgencies)[number];

export interface CaseloadFacts {
  givenName: string;
  familyName: string;
  /** When the worker's care relation began: counts as the start when no contact is recorded yet. */
  since: Date;
  openHelpRequests: number;
  /** When the oldest open help request was made. */
  oldestHelpRequestAt: Date | null;
  /** Open signals other than help requests. */
  openSignals: number;
  overdueDeadlines: number;
  overdueTasks: number;
  /** The day of the latest recorded contact, or null when there is none. */
  lastContactOn: IsoDate | null;
}

/** Days since the last contact, or since the relation began when there has been none yet. */
export function daysWithoutContact(
  f: Pick<CaseloadFacts, 'since' | 'lastContactOn'>,
  today: IsoDate,
): number {
  const from = f.lastContactOn ?? osloDate(f.since);
  return Math.max(0, daysBetween(from, today));
}

/** The most urgent thing about the person today. */
export function caseloadUrgency(f: CaseloadFacts, today: IsoDate): CaseloadUrgency {
  if (f.openHelpRequests > 0) return 'help-requested';
  if (f.openSignals > 0) return 'signals';
  if (f.overdueDeadlines + f.overdueTasks > 0) return 'overdue';
  if (daysWithoutContact(f, today) >= LONG_WITHOUT_CONTACT_DAYS) return 'no-recent-contact';
  return 'none';
}

const rank = (u: CaseloadUrgency) => CaseloadUrgencies.indexOf(u);
const collator = new Intl.Collator('nb');

/** Compares two persons of a caseload: the more urgent first, then by family and given name. */
export function byUrgency(today: IsoDate): (a: CaseloadFacts, b: CaseloadFacts) => number {
  return (a, b) => {
    const ua = caseloadUrgency(a, today);
    const ub = caseloadUrgency(b, today);
    if (ua !== ub) return rank(ua) - rank(ub);
    const within = withinUrgency(ua, a, b, today);
    if (within !== 0) return within;
    return collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName);
  };
}

function withinUrgency(u: CaseloadUrgency, a: CaseloadFacts, b: CaseloadFacts, today: IsoDate): number {
  switch (u) {
    case 'help-requested':
      // The one who has waited longest first.
      return (a.oldestHelpRequestAt?.getTime() ?? 0) - (b.oldestHelpRequestAt?.getTime() ?? 0);
    case 'signals':
      return b.openSignals - a.openSignals;
    case 'overdue':
      return b.overdueDeadlines + b.overdueTasks - (a.overdueDeadlines + a.overdueTasks);
    case 'no-recent-contact':
      return daysWithoutContact(b, today) - daysWithoutContact(a, today);
    default:
      return 0;
  }
}

/** The caseload in urgency order (a new array; the input is left as it was). */
export function sortByUrgency<T extends CaseloadFacts>(persons: readonly T[], today: IsoDate): T[] {
  return [...persons].sort(byUrgency(today));
}
