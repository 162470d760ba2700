import { addDays, daysBetween, type IsoDate } from '../pathway/calendar.ts';
import type { PlanKind, PlanSection } from '../plan/plan.ts';
import { ruleConfigProblems } from '../rules/rule-config.ts';
import type { CheckinDay, WarningSign } from './checkin.ts';

/**
 * Signals (docs/decisions/0007-checkins-and-signals.md; docs/domain/checkins.md, CAP-22): simple, visible
 * rules read over the person's own check-ins. They decide nothing: each signal says in words which rule fired
 * on which days and values, lands on the care team's worklist, and shows the person the steps of their own
 * plan that fit. An organisation can switch rules off and change their numbers; the defaults are below.
 * Falling session feedback is the feedback alert of the questionnaires (feedback-alert.rules.ts), not
 * repeated here.
 */

export const SignalRuleKinds = [
  'craving-high',
  'warning-sign-repeated',
  'lapse-reported',
  'checkins-stopped',
] as const;
export type SignalRuleKind = (typeof SignalRuleKinds)[number];

/** A signal is raised by a rule, or by the person asking for help ("Jeg trenger hjelp nå"). */
export const SignalKinds = [...SignalRuleKinds, 'help-requested'] as const;
export type SignalKind = (typeof SignalKinds)[number];

export interface SignalRule {
  kind: SignalRuleKind;
  enabled: boolean;
  /** craving-high: a day counts when craving is this or more. */
  threshold?: number;
  /** craving-high, warning-sign-repeated: this many days running. */
  days?: number;
  /** checkins-stopped: check-in days in the two weeks before the last one that make a regular pattern. */
  regular?: number;
  /** checkins-stopped: days without a check-in after the last one. */
  silentDays?: number;
}

/**
 * Craving of 7 or more of 10 three days running is more than a bad day; the same warning sign two days
 * running is what a relapse-prevention plan asks the person to act on (docs/domain/plans.md, M-04). Five
 * check-in days in two weeks is a habit; three silent days after it is worth a call — a person who drops out
 * is offered a way back, never blamed (docs/domain/pathway.md, P-30, CAP-22).
 */
export const DEFAULT_SIGNAL_RULES: SignalRule[] = [
  { kind: 'craving-high', enabled: true, threshold: 7, days: 3 },
  { kind: 'warning-sign-repeated', enabled: true, days: 2 },
  { kind: 'lapse-reported', enabled: true },
  { kind: 'checkins-stopped', enabled: true, regular: 5, silentDays: 3 },
];

/** Allowed numbers per parameter, for the administrator's configuration. */
export const SIGNAL_RULE_RANGES = {
  threshold: { min: 1, max: 10 },
  days: { min: 1, max: 14 },
  regular: { min: 2, max: 14 },
  silentDays: { min: 1, max: 30 },
} as const;
type Parameter = keyof typeof SIGNAL_RULE_RANGES;

const parametersOf: Record<SignalRuleKind, readonly Parameter[]> = {
  'craving-high': ['threshold', 'days'],
  'warning-sign-repeated': ['days'],
  'lapse-reported': [],
  'checkins-stopped': ['regular', 'silentDays'],
};

/** How far back the rules look: the longest streak plus the two weeks of the regular pattern. */
export const SIGNAL_WINDOW_DAYS = 28;
const PATTERN_DAYS = 14;

export interface SignalFinding {
  kind: SignalKind;
  /**
   * Which occurrence this is: the first day of a streak, the sign and its first day, the day of a lapse,
   * the last check-in before the silence. A signal is raised once per occurrence, so evaluating again
   * (after every check-in, in the periodic sweep) never raises it twice, even after it was acknowledged.
   */
  key: string;
  /** The check-in that completed the finding, if one did. */
  checkinId: string | null;
  /** An i18n key and its parameters, so the UI says in words what fired, e.g. 'signal.cravingHigh'. */
  explanation: { key: string; params: Record<string, number | string> };
}

export const signalExplanationKeys: Record<SignalKind, string> = {
  'craving-high': 'signal.cravingHigh',
  'warning-sign-repeated': 'signal.warningSignRepeated',
  'lapse-reported': 'signal.lapseReported',
  'checkins-stopped': 'signal.checkinsStopped',
  'help-requested': 'signal.helpRequested',
};

/**
 * The steps of the person's own plans that fit a signal, shown to them with it: what they wrote they do
 * when craving builds, when a warning sign shows, after a lapse, in a crisis.
 */
export const planStepsFor: Record<SignalKind, ReadonlyArray<{ kind: PlanKind; section: PlanSection }>> = {
  'craving-high': [
    { kind: 'relapse-prevention', section: 'coping-strategy' },
    { kind: 'relapse-prevention', section: 'contact-person' },
  ],
  'warning-sign-repeated': [
    { kind: 'relapse-prevention', section: 'coping-strategy' },
    { kind: 'relapse-prevention', section: 'practical-step' },
    { kind: 'crisis', section: 'what-i-do' },
  ],
  'lapse-reported': [
    { kind: 'relapse-prevention', section: 'after-a-lapse' },
    { kind: 'relapse-prevention', section: 'contact-person' },
  ],
  'checkins-stopped': [],
  'help-requested': [
    { kind: 'crisis', section: 'what-i-do' },
    { kind: 'crisis', section: 'what-people-around-me-do' },
    { kind: 'crisis', section: 'what-services-do' },
    { kind: 'crisis', section: 'contact' },
  ],
};

/** Runs of consecutive days (oldest first) among `days`, each as [first, last]. */
function runs(days: Iterable<IsoDate>): Array<[IsoDate, IsoDate]> {
  const sorted = [...new Set(days)].sort();
  const out: Array<[IsoDate, IsoDate]> = [];
  for (const day of sorted) {
    const last = out.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else out.push([day, day]);
  }
  return out;
}

/** The last check-in of a day, the one that completed a run (for the link to it). */
function lastOn(checkins: readonly CheckinDay[], day: IsoDate, when: (c: CheckinDay) => boolean) {
  return checkins.filter((c) => c.day === day && when(c)).at(-1)?.id ?? null;
}

/**
 * The signals in the person's check-ins of the last {@link SIGNAL_WINDOW_DAYS} days up to `today`
 * (oldest first; several on a day are fine):
 *
 * - craving-high: craving ≥ threshold on `days` calendar days running (a day counts when any check-in
 *   of it does); one finding per run, keyed by its first day.
 * - warning-sign-repeated: the same sign from the person's plans ticked on `days` days running; one per
 *   sign and run.
 * - lapse-reported: a check-in says "a lapse"; one per day.
 * - checkins-stopped: at least `regular` check-in days in the two weeks up to the last check-in, and
 *   `silentDays` or more since it; keyed by the last check-in's day.
 *
 * An enabled rule without its number uses the default. Check-ins after today are left out.
 */
export function signalsFor(
  rules: readonly SignalRule[],
  checkins: readonly CheckinDay[],
  signs: readonly WarningSign[],
  today: IsoDate,
): SignalFinding[] {
  const from = addDays(today, -SIGNAL_WINDOW_DAYS + 1);
  const seen = checkins.filter((c) => c.day >= from && c.day <= today);
  const active = (kind: SignalRuleKind) => {
    const rule = rules.find((r) => r.kind === kind && r.enabled);
    return rule ? { ...defaultOf(kind), ...stripUndefined(rule) } : null;
  };
  const finding = (
    kind: SignalRuleKind,
    key: string,
    checkinId: string | null,
    params: Record<string, number | string>,
  ): SignalFinding => ({ kind, key, checkinId, explanation: { key: signalExplanationKeys[kind], params } });
  const findings: SignalFinding[] = [];

  const craving = active('craving-high');
  if (craving) {
    const threshold = craving.threshold!;
    const high = (c: CheckinDay) => c.craving >= threshold;
    for (const [first, last] of runs(seen.filter(high).map((c) => c.day))) {
      const length = daysBetween(first, last) + 1;
      if (length < craving.days!) continue;
      const highest = Math.max(
        ...seen.filter((c) => high(c) && c.day >= first && c.day <= last).map((c) => c.craving),
      );
      findings.push(
        finding('craving-high', first, lastOn(seen, last, high), {
          threshold,
          days: length,
          from: first,
          to: last,
          highest,
        }),
      );
    }
  }

  const repeated = active('warning-sign-repeated');
  if (repeated) {
    for (const sign of signs) {
      const ticked = (c: CheckinDay) => c.warningSigns.includes(sign.id);
      for (const [first, last] of runs(seen.filter(ticked).map((c) => c.day))) {
        const length = daysBetween(first, last) + 1;
        if (length < repeated.days!) continue;
        findings.push(
          finding('warning-sign-repeated', `${sign.id}:${first}`, lastOn(seen, last, ticked), {
            sign: sign.text,
            signId: sign.id,
            days: length,
            from: first,
            to: last,
          }),
        );
      }
    }
  }

  if (active('lapse-reported')) {
    const lapse = (c: CheckinDay) => c.use === 'lapse';
    for (const day of new Set(seen.filter(lapse).map((c) => c.day))) {
      findings.push(finding('lapse-reported', day, lastOn(seen, day, lapse), { day }));
    }
  }

  const stopped = active('checkins-stopped');
  const last = seen
    .map((c) => c.day)
    .sort()
    .at(-1);
  if (stopped && last) {
    const silent = daysBetween(last, today);
    const patternFrom = addDays(last, -PATTERN_DAYS + 1);
    const regular = new Set(seen.filter((c) => c.day >= patternFrom).map((c) => c.day)).size;
    if (silent >= stopped.silentDays! && regular >= stopped.regular!) {
      findings.push(
        finding('checkins-stopped', last, null, { last, silentDays: silent, regular, window: PATTERN_DAYS }),
      );
    }
  }
  return findings;
}

/** What is wrong with an administrator's signal rules (see ruleConfigProblems); none when they can be stored. */
export function signalRuleProblems(rules: unknown): string[] {
  return ruleConfigProblems(rules, {
    kinds: SignalRuleKinds,
    parameters: parametersOf,
    ranges: SIGNAL_RULE_RANGES,
    whole: () => true,
  });
}

function defaultOf(kind: SignalRuleKind): SignalRule {
  return DEFAULT_SIGNAL_RULES.find((r) => r.kind === kind)!;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
