import { randomUUID } from 'node:crypto';
import {
  addDays,
  DUE_SOON_DAYS,
  dueDate,
  type IsoDate,
  type Level,
  levelSetting,
  ReferralChecklistItems,
  ReferrerKinds,
  type SettingClass,
  settingClass,
  type TimeLimitKey,
} from '@bedring/domain';
import { chosenLevel, lessIntensive } from './demo-assessment.ts';
import type { Cast, PathwayPlan, Urgency } from './demo-cast.ts';
import { EpisodeDraft, type TaskDraft } from './demo-episode.ts';
import { at, type DemoPathway, type DemoPerson, type EpisodeCare, pickOf } from './demo-pathway.ts';

/**
 * The steps pathways are made of (demo-scenarios.ts lays them out): each is a gap in days after the step
 * before and what happens that day. Gaps come from the configured time limits, never from constants.
 */

/** The story so far: the current episode and the open task. */
export interface Story extends Cast {
  ep: EpisodeDraft | null;
  task: TaskDraft | null;
}

export type Step = [gap: number, act: (s: Story, on: IsoDate) => void];

export const ep = (s: Story) => {
  if (!s.ep) throw new Error('demo: no episode yet');
  return s.ep;
};

/** Intervals between events, from the configured limits: mostly in time, now and then late. */
export class Dates {
  readonly demo: DemoPathway;
  readonly rnd: () => number;
  constructor(cast: Cast) {
    this.demo = cast.demo;
    this.rnd = cast.person.rnd;
  }

  int(from: number, to: number): number {
    return from + Math.floor(this.rnd() * (to - from + 1));
  }

  ago(from: number, to: number): IsoDate {
    return addDays(this.demo.today, -this.int(from, to));
  }

  days(key: TimeLimitKey, cls: SettingClass): number {
    return this.demo.limit(key, cls).days;
  }

  /** The gap to the event that meets a deadline: within the limit, or (lateShare) some days late. */
  gap(key: TimeLimitKey, cls: SettingClass, lateShare = 0.12): number {
    const days = this.days(key, cls);
    if (this.rnd() < lateShare) return days + this.int(1, 10);
    return days - this.int(0, Math.floor(days / 3));
  }

  /**
   * The day an interval must start for its deadline to stand as `urgency` asks today: overdue by 1–14
   * days, due within DUE_SOON_DAYS, or due later. Never after today (then it is as open as it gets).
   */
  startFor(key: TimeLimitKey, cls: SettingClass, urgency: Urgency): IsoDate {
    const today = this.demo.today;
    const limit = this.demo.limit(key, cls);
    const left =
      urgency === 'overdue'
        ? -this.int(1, 14)
        : urgency === 'due-soon'
          ? this.int(0, DUE_SOON_DAYS)
          : this.int(DUE_SOON_DAYS + 1, Math.max(DUE_SOON_DAYS + 1, limit.days));
    const due = addDays(today, left);
    let start = addDays(due, -limit.days);
    // Working days: step back until the limit counted from the start reaches the wanted due day.
    while (limit.unit === 'working-days' && dueDate(limit, start) > due) start = addDays(start, -1);
    while (limit.unit === 'working-days' && dueDate(limit, addDays(start, 1)) <= due)
      start = addDays(start, 1);
    return start > today ? today : start;
  }
}

/** A referral and its assessment; with `waiting`, the person is put on the waiting list the same day. */
export function referral(
  d: Dates,
  outcome: 'right-to-treatment' | 'treatment-without-right' | 'no-need',
  waiting: boolean,
) {
  const rightsDays = d.int(20, 65);
  const assessGap = d.rnd() < 0.1 ? d.int(15, 22) : d.int(1, 10);
  const steps: Step[] = [
    [0, (s, on) => (s.ep = openReferral(s.demo, s.person, s.care, on))],
    [
      assessGap,
      (s, on) =>
        ep(s).assessReferral(on, outcome, outcome === 'right-to-treatment' ? addDays(on, rightsDays) : null),
    ],
  ];
  if (waiting) steps.push([0, (s, on) => ep(s).record({ kind: 'waiting', date: on })]);
  return { steps, rightsDays };
}

/** A referral up to the waiting list; the first attendance follows (see treatment). */
export function opening(d: Dates, level: Level): Step[] {
  const r = referral(
    d,
    d.rnd() < 0.6 || level === 'lar-assessment' ? 'right-to-treatment' : 'treatment-without-right',
    true,
  );
  // Mostly before the rights deadline; now and then after it (a warning on the first attendance).
  const wait = d.rnd() < 0.1 ? r.rightsDays + d.int(1, 10) : d.int(3, r.rightsDays);
  return [...r.steps, [wait, () => {}]];
}

/** The level after a detox: what the re-assessment at its end recommends. */
export function afterDetox(plan: PathwayPlan): Level {
  return plan.level === 'detox-first' ? 'short-inpatient' : chosenLevel(plan.level, plan.mismatch);
}

/**
 * Treatment from the first attendance: the dimensional assessment on the day, the clinical decision, a
 * detox round with its re-assessment when the level is detox first, then `evaluations` evaluations.
 */
export function treatment(
  d: Dates,
  plan: PathwayPlan,
  until: 'first-attendance' | 'decision' | 'detox-end' | 'evaluations',
  next: Level = afterDetox(plan),
  evaluations = 0,
): Step[] {
  const chosen = chosenLevel(plan.level, plan.mismatch);
  const setting = levelSetting[chosen];
  let cls = settingClass(setting);
  const steps: Step[] = [
    [
      0,
      (s, on) => {
        ep(s).record({ kind: 'first-attendance', date: on, setting });
        ep(s).assess(on, plan.level, plan.mismatch);
      },
    ],
  ];
  if (until === 'first-attendance') return steps;
  steps.push([
    d.gap('clinical-decision', cls),
    (s, on) => ep(s).record({ kind: 'clinical-decision', date: on }),
  ]);
  if (until === 'decision') return steps;
  if (setting === 'detox') {
    steps.push([
      d.int(2, 6),
      (s, on) => {
        ep(s).record({ kind: 'round-ended', date: on });
        ep(s).assess(on, next);
      },
    ]);
    if (until === 'detox-end') return steps;
    cls = settingClass(levelSetting[next]);
    steps.push([
      d.gap('next-treatment-after-detox', cls, 0.2),
      (s, on) => ep(s).record({ kind: 'round-started', date: on, setting: levelSetting[next] }),
    ]);
  }
  for (let i = 0; i < evaluations; i++) {
    const gap = i === 0 ? d.gap('first-evaluation', cls) : d.gap('next-evaluation', cls);
    const withPerson = d.rnd() < 0.85;
    const feedbackToolUsed = withPerson && d.rnd() < 0.6;
    steps.push([
      gap,
      (s, on) => ep(s).record({ kind: 'evaluation', date: on, withPerson, feedbackToolUsed }),
    ]);
  }
  return steps;
}

/** In treatment today, with the next evaluation as `urgency` says; a third are re-assessed at the last one. */
export function inTreatment(d: Dates, plan: PathwayPlan, before: Step[]): { steps: Step[]; lastOn: IsoDate } {
  const steps = [...before, ...treatment(d, plan, 'evaluations', afterDetox(plan), d.int(1, 4))];
  const final = plan.level === 'detox-first' ? afterDetox(plan) : chosenLevel(plan.level, plan.mismatch);
  if (d.rnd() < 0.35) {
    const [gap, evaluate] = steps.at(-1)!;
    const recommended = lessIntensive(final);
    steps[steps.length - 1] = [
      gap,
      (s, on) => {
        evaluate(s, on);
        ep(s).assess(on, recommended, recommended === final ? null : 'over');
      },
    ];
  }
  return { steps, lastOn: d.startFor('next-evaluation', settingClass(levelSetting[final]), plan.urgency) };
}

/** A treatment that went its course: decision and one to three evaluations. */
export function completed(d: Dates, plan: PathwayPlan): Step[] {
  return treatment(d, plan, 'evaluations', afterDetox(plan), d.int(1, 3));
}

export function discharge(d: Dates, help: 'none' | 'specialist' | 'municipal'): Step[] {
  return [
    [d.int(10, 40), (s, on) => ep(s).checklist(on, d.int(help === 'municipal' ? 6 : 8, 10), help)],
    [d.int(1, 5), (s, on) => ep(s).discharge(on)],
  ];
}

export function handover(d: Dates): Step[] {
  return [[d.int(0, 2), (s, on) => (s.task = ep(s).handover(on, s.worker))]];
}

/** The first municipal contact: mostly within the limit, now and then after the task escalated. */
export function firstContact(d: Dates): Step[] {
  return [
    [
      d.gap('handover-first-contact', 'outpatient', 0.15),
      (s, on) => ep(s).complete(s.task!, on, 'first-contact', s.worker, 'Hjemmebesøk, god samtale.'),
    ],
  ];
}

export function treatedAndHandedOver(d: Dates, plan: PathwayPlan): Step[] {
  return [
    ...opening(d, chosenLevel(plan.level, plan.mismatch)),
    ...completed(d, plan),
    ...discharge(d, 'municipal'),
    ...handover(d),
  ];
}

/** A planned end: after municipal follow-up, or (a third) straight after discharge. */
export function ended(d: Dates, plan: PathwayPlan): Step[] {
  const end: Step = [
    d.int(60, 300),
    (s, on) => ep(s).record({ kind: 'ended', date: on, outcome: 'planned' }),
  ];
  if (d.rnd() < 0.33) {
    return [
      ...opening(d, chosenLevel(plan.level, plan.mismatch)),
      ...completed(d, plan),
      ...discharge(d, 'none'),
      end,
    ];
  }
  return [...treatedAndHandedOver(d, plan), ...firstContact(d), end];
}

/** Treatment that stopped: the person stopped coming after a while (docs/domain/pathway.md, P-30). */
export function droppedOut(d: Dates, plan: PathwayPlan): Step[] {
  const until = pickOf(d.rnd, ['decision', 'evaluations'] as const);
  const evaluations = until === 'evaluations' ? d.int(1, 2) : 0;
  return [
    ...treatment(d, plan, until, afterDetox(plan), evaluations),
    [d.int(5, 40), (s, on) => (s.task = ep(s).dropOut(on))],
  ];
}

/** The re-engagement task ends in a new round: a re-admitted episode, linked to the last one. */
export function readmission(d: Dates): Step[] {
  return [
    [d.int(1, d.days('re-engagement', 'outpatient') + 2), (s, on) => (s.ep = ep(s).readmit(s.task!, on))],
    [d.int(3, 20), () => {}],
  ];
}

/** A referral received on `date`, and the episode it opens (as POST /api/referrals does). */
export function openReferral(
  demo: DemoPathway,
  person: DemoPerson,
  care: EpisodeCare,
  date: IsoDate,
): EpisodeDraft {
  const rnd = person.rnd;
  const checklist = Object.fromEntries(ReferralChecklistItems.map((item) => [item, rnd() < 0.75]));
  const referral = {
    tenant_id: person.tenantId,
    id: randomUUID(),
    person_id: person.id,
    unit_id: care.unitId,
    referrer_kind: pickOf(rnd, ReferrerKinds.slice(0, 6)),
    referrer_name: pickOf(rnd, ['Fastlege Synt Hansen', 'Lege Synt Olsen', 'NAV-veileder Synt Berg']),
    referrer_organisation: pickOf(rnd, ['Fjordvik legesenter', 'NAV Fjordvik', 'Fjordvik fengsel']),
    received_on: date,
    reason: pickOf(rnd, [
      'Økende bruk over lengre tid, ønsker hjelp.',
      'Tilbakefall etter en periode uten rus.',
      'Ønsker vurdering for LAR.',
      'Bekymring fra pårørende; personen samtykker.',
    ]),
    checklist: JSON.stringify(checklist),
    coordinator_name: 'Koordinator Synt',
    coordinator_contact: 'tlf 400 00 000',
    registered_by: care.responsible.id,
    registered_at: at(date, demo.now),
    assessed_on: null,
    outcome: null,
    treatment_start_deadline: null,
    assessment_note: '',
    letter_to_person_on: null,
    letter_to_referrer_on: null,
    assessed_by: null as string | null,
  };
  demo.rows.referral.push(referral);
  return new EpisodeDraft(demo, person, care, 'referral-received', date, {
    referral,
    previousEpisodeId: null,
    plannedSetting: null,
  });
}
