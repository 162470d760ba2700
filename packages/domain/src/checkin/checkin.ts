import type { IsoDate } from '../pathway/calendar.ts';

/**
 * The daily check-in (docs/decisions/0007-checkins-and-signals.md; docs/domain/care-principles.md, P-51;
 * docs/domain/plans.md, M-04): half a minute on the phone about today — mood, craving, sleep, use, risky
 * situations, and which of the early warning signs in the person's own plans they notice. Between contacts is
 * where relapse happens; the check-in is how the person and their helpers see it coming, read against the
 * plan they wrote together.
 */

/** 1 very heavy … 5 very good: words on the buttons, never a bare number. */
export const Moods = [1, 2, 3, 4, 5] as const;
export type Mood = (typeof Moods)[number];

/** 1 badly, 2 so-so, 3 well. */
export const Sleeps = [1, 2, 3] as const;
export type Sleep = (typeof Sleeps)[number];

/**
 * What the person says about use today, in their own terms: "a lapse" is use they did not want (their
 * goal was not to use), "use" is use without calling it that — a person on a harm-reduction goal is not
 * lapsing. Only a lapse is a signal by default.
 */
export const UseKinds = ['none', 'lapse', 'use'] as const;
export type UseKind = (typeof UseKinds)[number];

export const CRAVING_MAX = 10;
export const NOTE_MAX = 1000;
export const FREE_TEXT_MAX = 200;
/** A check-in made offline may arrive days later; older than this, it is no longer "today". */
export const OFFLINE_DAYS = 7;

export interface CheckinInput {
  /** Made on the device, so a check-in sent again after being offline is the same check-in. */
  id: string;
  /** When the person made it (the device's clock); the day it is about is this day in Norway. */
  madeAt: string;
  mood: Mood;
  craving: number;
  sleep: Sleep;
  use: UseKind;
  substance?: string | null;
  amount?: string | null;
  riskySituation: boolean;
  /** Ids of the plan entries (early warning signs) the person ticked. */
  warningSigns: string[];
  note?: string | null;
}

/** A check-in as the signal rules read it: one per check-in, the day it was about. */
export interface CheckinDay {
  id: string;
  day: IsoDate;
  mood: Mood;
  craving: number;
  sleep: Sleep;
  use: UseKind;
  riskySituation: boolean;
  warningSigns: readonly string[];
}

/** An early warning sign from one of the person's plans, offered as a tick box. */
export interface WarningSign {
  id: string;
  text: string;
}

export interface CheckinProblem {
  field: string;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What is wrong with a check-in, one line per field; none when it can be stored. Shared by the form and
 * the server. The shape (types, ranges) is checked by the route's schema as well; this adds what a
 * schema cannot know: the ticked signs must be the person's own, and the time must be now or the
 * last few days (a queued check-in), not the future.
 */
export function checkinProblems(
  input: CheckinInput,
  context: { signs: readonly WarningSign[]; now: Date },
): CheckinProblem[] {
  const problems: CheckinProblem[] = [];
  if (!UUID.test(input.id)) problems.push({ field: 'id', message: 'id must be a UUID' });
  const made = Date.parse(input.madeAt);
  if (!Number.isFinite(made)) {
    problems.push({ field: 'madeAt', message: 'madeAt must be a date and time' });
  } else if (made > context.now.getTime() + 5 * 60_000) {
    // Five minutes of slack for a phone's clock.
    problems.push({ field: 'madeAt', message: 'madeAt is in the future' });
  } else if (made < context.now.getTime() - OFFLINE_DAYS * 86_400_000) {
    problems.push({ field: 'madeAt', message: `madeAt is more than ${OFFLINE_DAYS} days ago` });
  }
  if (!Number.isInteger(input.craving) || input.craving < 0 || input.craving > CRAVING_MAX) {
    problems.push({ field: 'craving', message: `craving must be a whole number from 0 to ${CRAVING_MAX}` });
  }
  const own = new Set(context.signs.map((s) => s.id));
  const ticked = new Set<string>();
  for (const id of input.warningSigns) {
    if (!own.has(id)) problems.push({ field: 'warningSigns', message: `${id} is not a sign in your plans` });
    else if (ticked.has(id)) problems.push({ field: 'warningSigns', message: `${id} is ticked twice` });
    ticked.add(id);
  }
  if (input.use === 'none' && (input.substance || input.amount)) {
    problems.push({ field: 'substance', message: 'substance and amount belong to a day with use' });
  }
  return problems;
}
