import { addDays, addWorkingDays, daysBetween, type IsoDate } from './calendar.ts';
import { type PathwayEvent, type Setting, type SettingClass, settingClass } from './episode.rules.ts';

/**
 * Pathway time limits (forløpstider, docs/domain/pathway.md) are configuration with effective dates, never
 * constants in code: when the Directorate changes a limit, an operator adds a row that takes effect
 * on a date, and intervals that started before it keep the limit they started under.
 */
export const TimeLimitKeys = [
  'referral-assessment',
  'clinical-decision',
  'next-treatment-after-detox',
  'first-evaluation',
  'next-evaluation',
  'handover-first-contact',
  're-engagement',
] as const;
export type TimeLimitKey = (typeof TimeLimitKeys)[number];

export interface TimeLimit {
  key: TimeLimitKey;
  /** 'any' when the limit is the same for outpatient and inpatient care. */
  settingClass: SettingClass | 'any';
  days: number;
  /** Calendar days, or working days (the referral assessment, pasient- og brukerrettighetsloven §2-2). */
  unit: 'days' | 'working-days';
  effectiveFrom: IsoDate;
}

/** The limit in force on `date` for this kind of interval and setting, or null when none is configured. */
export function limitOn(
  limits: readonly TimeLimit[],
  key: TimeLimitKey,
  cls: SettingClass,
  date: IsoDate,
): TimeLimit | null {
  let best: TimeLimit | null = null;
  for (const limit of limits) {
    if (limit.key !== key || limit.effectiveFrom > date) continue;
    if (limit.settingClass !== 'any' && limit.settingClass !== cls) continue;
    // The latest effective date wins; on the same date a limit for the setting beats one for 'any'.
    const later = !best || limit.effectiveFrom > best.effectiveFrom;
    const moreSpecific = best?.effectiveFrom === limit.effectiveFrom && best.settingClass === 'any';
    if (later || moreSpecific) best = limit;
  }
  return best;
}

export function dueDate(limit: TimeLimit, start: IsoDate): IsoDate {
  return limit.unit === 'working-days' ? addWorkingDays(start, limit.days) : addDays(start, limit.days);
}

/** The deadlines of one episode; the rights deadline for start of treatment is set per person. */
export const DeadlineKinds = [
  'referral-assessment',
  'treatment-start',
  'clinical-decision',
  'next-treatment-after-detox',
  'first-evaluation',
  'next-evaluation',
] as const;
export type DeadlineKind = (typeof DeadlineKinds)[number];

export interface Deadline {
  kind: DeadlineKind;
  /** Several deadlines of one kind (one per evaluation interval) are told apart by their start. */
  startsOn: IsoDate;
  dueOn: IsoDate;
  /** The day the deadline was met, or null. */
  metOn: IsoDate | null;
  /** The day the deadline stopped applying without being met (the episode left treatment). */
  closedOn: IsoDate | null;
  settingClass: SettingClass | null;
  limitDays: number | null;
}

export interface EpisodeTimes {
  /** Date the specialist service received the referral (the pathway is measured from it). */
  referralReceivedOn: IsoDate | null;
  /** Individual deadline for start of treatment for a person with a right to treatment (P-17a). */
  treatmentStartDeadline: IsoDate | null;
  /** The setting the level-of-care decision points to, used before a round has a setting. */
  plannedSetting: Setting | null;
  /** The episode's events in the order they were recorded. */
  events: readonly PathwayEvent[];
}

/**
 * Every deadline of an episode, computed from its recorded events alone: the limit in force on the day
 * an interval started applies, the setting at that day picks outpatient or inpatient.
 */
export function deadlinesFor(episode: EpisodeTimes, limits: readonly TimeLimit[]): Deadline[] {
  const deadlines: Deadline[] = [];
  const open = (
    kind: DeadlineKind,
    key: TimeLimitKey | null,
    startsOn: IsoDate,
    cls: SettingClass | null,
    fixedDue?: IsoDate,
  ) => {
    const limit = key ? limitOn(limits, key, cls ?? 'outpatient', startsOn) : null;
    const due = fixedDue ?? (limit ? dueDate(limit, startsOn) : null);
    if (!due) return;
    deadlines.push({
      kind,
      startsOn,
      dueOn: due,
      metOn: null,
      closedOn: null,
      settingClass: cls,
      limitDays: limit?.days ?? null,
    });
  };
  const meet = (kind: DeadlineKind, on: IsoDate) => {
    for (const d of deadlines) if (d.kind === kind && d.metOn === null && d.closedOn === null) d.metOn = on;
  };

  if (episode.referralReceivedOn) {
    open('referral-assessment', 'referral-assessment', episode.referralReceivedOn, null);
  }
  let setting: Setting | null = null;
  let lastDetoxEnd = false;
  const classNow = () => settingClass(setting ?? episode.plannedSetting ?? 'outpatient');

  for (const event of episode.events) {
    switch (event.kind) {
      case 'referral-assessed':
        meet('referral-assessment', event.date);
        if (episode.treatmentStartDeadline) {
          open('treatment-start', null, event.date, null, episode.treatmentStartDeadline);
        }
        break;
      case 'first-attendance':
        meet('treatment-start', event.date);
        setting = event.setting ?? null;
        open('clinical-decision', 'clinical-decision', event.date, classNow());
        break;
      case 'round-started':
        if (lastDetoxEnd && event.setting) {
          // Until the next round starts its setting is a plan; once it starts, its setting sets the limit.
          const pending = deadlines.find(
            (d) => d.kind === 'next-treatment-after-detox' && d.metOn === null && d.closedOn === null,
          );
          const limit =
            pending &&
            limitOn(limits, 'next-treatment-after-detox', settingClass(event.setting), pending.startsOn);
          if (pending && limit) {
            pending.dueOn = dueDate(limit, pending.startsOn);
            pending.settingClass = settingClass(event.setting);
            pending.limitDays = limit.days;
          }
          meet('next-treatment-after-detox', event.date);
        }
        lastDetoxEnd = false;
        setting = event.setting ?? null;
        break;
      case 'round-ended':
        if (setting === 'detox') {
          lastDetoxEnd = true;
          // The next treatment's setting decides the limit (≤ 3 days outpatient, same day inpatient).
          const next =
            episode.plannedSetting && episode.plannedSetting !== 'detox' ? episode.plannedSetting : null;
          open(
            'next-treatment-after-detox',
            'next-treatment-after-detox',
            event.date,
            settingClass(next ?? 'outpatient'),
          );
        }
        setting = null;
        break;
      case 'clinical-decision':
        meet('clinical-decision', event.date);
        open('first-evaluation', 'first-evaluation', event.date, classNow());
        break;
      case 'evaluation':
        meet('first-evaluation', event.date);
        meet('next-evaluation', event.date);
        open('next-evaluation', 'next-evaluation', event.date, classNow());
        break;
      case 'discharged':
      case 'ended':
        for (const d of deadlines) if (d.metOn === null && d.closedOn === null) d.closedOn = event.date;
        break;
      default:
        break;
    }
  }
  return deadlines;
}

export type DeadlineStatus = 'met' | 'met-late' | 'missed' | 'closed' | 'open' | 'due-soon' | 'overdue';

/** Days before the due date when a deadline shows as due soon on the board. */
export const DUE_SOON_DAYS = 3;

export function deadlineStatus(deadline: Deadline, today: IsoDate): DeadlineStatus {
  if (deadline.metOn) return deadline.metOn > deadline.dueOn ? 'met-late' : 'met';
  // Closed by discharge or end after its due date: it was missed, and reports must say so.
  if (deadline.closedOn) return deadline.closedOn > deadline.dueOn ? 'missed' : 'closed';
  const left = daysBetween(today, deadline.dueOn);
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'due-soon' : 'open';
}

/**
 * A warning, never a block: the event is recorded and staff may say why it was late
 * (docs/domain/care-principles.md, U-13).
 */
export interface LateWarning {
  code: 'deadline-missed';
  deadline: DeadlineKind;
  dueOn: IsoDate;
  daysLate: number;
}

/** The deadlines an event meets after their due date. */
export function lateWarnings(before: readonly Deadline[], after: readonly Deadline[]): LateWarning[] {
  const warnings: LateWarning[] = [];
  for (const d of after) {
    if (!d.metOn || d.metOn <= d.dueOn) continue;
    const earlier = before.find((b) => b.kind === d.kind && b.startsOn === d.startsOn);
    if (earlier && earlier.metOn === null) {
      warnings.push({
        code: 'deadline-missed',
        deadline: d.kind,
        dueOn: d.dueOn,
        daysLate: daysBetween(d.dueOn, d.metOn),
      });
    }
  }
  return warnings;
}
