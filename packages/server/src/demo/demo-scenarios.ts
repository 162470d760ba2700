import { addDays, type IsoDate, levelSetting, settingClass } from '@bedring/domain';
import { chosenLevel } from './demo-assessment.ts';
import type { Cast, PathwayPlan } from './demo-cast.ts';
import { pickOf } from './demo-pathway.ts';
import {
  afterDetox,
  completed,
  Dates,
  discharge,
  droppedOut,
  ended,
  ep,
  firstContact,
  handover,
  inTreatment,
  opening,
  openReferral,
  readmission,
  referral,
  type Step,
  type Story,
  treatedAndHandedOver,
  treatment,
} from './demo-steps.ts';

/**
 * Makes a person's pathway and writes nothing yet (DemoPathway.finish writes). Returns the day it
 * began, or null for no pathway.
 */
export function buildPathway(cast: Cast, plan: PathwayPlan): IsoDate | null {
  const story: Story = { ...cast, ep: null, task: null };
  const { steps, lastOn } = script(new Dates(cast), plan);
  return play(story, steps, lastOn);
}

/** Runs the steps so that the last one falls on `lastOn`; returns the first day. */
function play(story: Story, steps: Step[], lastOn: IsoDate): IsoDate {
  const total = steps.slice(1).reduce((sum, [gap]) => sum + gap, 0);
  const first = addDays(lastOn, -total);
  let on = first;
  steps.forEach(([gap, act], i) => {
    if (i > 0) on = addDays(on, gap);
    act(story, on);
  });
  return first;
}

/** The steps of a plan, and the day the last one falls on. */
function script(d: Dates, plan: PathwayPlan): { steps: Step[]; lastOn: IsoDate } {
  const { urgency } = plan;
  const chosen = chosenLevel(plan.level, plan.mismatch);
  const cls = settingClass(levelSetting[chosen]);
  switch (plan.scenario) {
    case 'referred':
      return {
        steps: [[0, (s, on) => (s.ep = openReferral(s.demo, s.person, s.care, on))]],
        lastOn: d.startFor('referral-assessment', 'outpatient', urgency),
      };
    case 'assessed':
      return { steps: referral(d, 'treatment-without-right', false).steps, lastOn: d.ago(0, 12) };
    case 'waiting': {
      // The rights deadline is set per person at assessment (P-17a): put it where the urgency says.
      const r = referral(d, 'right-to-treatment', true);
      const left =
        urgency === 'overdue' ? -d.int(1, 10) : urgency === 'due-soon' ? d.int(0, 3) : d.int(4, 19);
      return { steps: r.steps, lastOn: addDays(d.demo.today, left - r.rightsDays) };
    }
    case 'no-need':
      return { steps: referral(d, 'no-need', false).steps, lastOn: d.ago(0, 400) };
    case 'decision-due':
      return {
        steps: [...opening(d, chosen), ...treatment(d, plan, 'first-attendance')],
        lastOn: d.startFor('clinical-decision', cls, urgency),
      };
    case 'evaluation-due':
      return {
        steps: [...opening(d, chosen), ...treatment(d, plan, 'decision')],
        lastOn: d.startFor('first-evaluation', cls, urgency),
      };
    case 'in-treatment':
      return inTreatment(d, plan, opening(d, chosen));
    case 'after-detox': {
      const detox = { ...plan, level: 'detox-first' as const, mismatch: null };
      const next = afterDetox(plan);
      return {
        steps: [...opening(d, 'detox-first'), ...treatment(d, detox, 'detox-end', next)],
        lastOn: d.startFor('next-treatment-after-detox', settingClass(levelSetting[next]), urgency),
      };
    }
    case 'discharged':
      return {
        steps: [
          ...opening(d, chosen),
          ...completed(d, plan),
          ...discharge(d, pickOf(d.rnd, ['none', 'specialist'] as const)),
        ],
        lastOn: d.ago(0, 40),
      };
    case 'handover-open':
    case 'handover-late': {
      const days = d.days('handover-first-contact', 'outpatient');
      const late = plan.scenario === 'handover-late';
      return {
        steps: [...opening(d, chosen), ...completed(d, plan), ...discharge(d, 'municipal'), ...handover(d)],
        lastOn: late ? d.ago(days + 1, days + 12) : d.ago(0, days),
      };
    }
    case 'follow-up':
      return { steps: [...treatedAndHandedOver(d, plan), ...firstContact(d)], lastOn: d.ago(0, 250) };
    case 'ended':
      return { steps: ended(d, plan), lastOn: d.ago(0, 700) };
    case 'drop-out': {
      // An open re-engagement task, or (overdue) one past its escalation day.
      const days = d.days('re-engagement', 'outpatient');
      return {
        steps: [...opening(d, chosen), ...droppedOut(d, plan)],
        lastOn: urgency === 'overdue' ? d.ago(days + 1, days + 20) : d.ago(0, days),
      };
    }
    case 'drop-out-closed':
      return {
        steps: [
          ...opening(d, chosen),
          ...droppedOut(d, plan),
          [
            d.int(1, 5),
            (s, on) =>
              ep(s).complete(
                s.task!,
                on,
                pickOf(d.rnd, ['declined', 'not-reached'] as const),
                s.care.responsible,
              ),
          ],
        ],
        lastOn: d.ago(0, 500),
      };
    case 'readmitted':
      return inTreatment(d, plan, [...opening(d, chosen), ...droppedOut(d, plan), ...readmission(d)]);
    case 'years': {
      // Three episodes over several years (docs/domain/pathway.md, P-58): a planned end, a drop-out, and the
      // new round under way.
      const first = ended(d, {
        ...plan,
        level: pickOf(d.rnd, ['outpatient', 'day'] as const),
        mismatch: null,
      });
      const second = [...opening(d, chosen), ...droppedOut(d, plan)];
      second[0] = [d.int(300, 700), second[0]![1]];
      return inTreatment(d, plan, [...first, ...second, ...readmission(d)]);
    }
  }
}
