import type { Level } from '@bedring/domain';
import type { PathwayPlan, Scenario, Urgency } from './demo-cast.ts';
import { pickOf } from './demo-pathway.ts';

/**
 * Which pathway each demo person has. The first persons follow a script that has every phase, every
 * setting and every kind of deadline (overdue, due soon, open), so that even a small demo shows them all
 * and the demo logins' caseloads get a spread; the rest are drawn with weights.
 */
const SCRIPT: PathwayPlan[] = [
  plan('referred', 'overdue'),
  plan('decision-due', 'overdue', 'outpatient'),
  plan('in-treatment', 'due-soon', 'day'),
  plan('handover-late', 'open', 'outpatient'),
  plan('waiting', 'due-soon'),
  plan('evaluation-due', 'overdue', 'short-inpatient'),
  plan('follow-up', 'open', 'lar-assessment'),
  plan('drop-out', 'open', 'outpatient'),
  plan('readmitted', 'overdue', 'outpatient'),
  plan('referred', 'due-soon'),
  plan('after-detox', 'due-soon', 'outpatient'),
  plan('handover-open', 'open', 'day'),
  plan('in-treatment', 'overdue', 'lar-assessment'),
  plan('assessed', 'open'),
  plan('years', 'due-soon', 'outpatient'),
  plan('discharged', 'open', 'day'),
  plan('decision-due', 'due-soon', 'detox-first'),
  plan('ended', 'open', 'outpatient'),
  plan('drop-out', 'overdue', 'day'),
  plan('in-treatment', 'open', 'long-inpatient', 'under'),
  plan('waiting', 'overdue'),
  plan('no-need', 'open'),
  plan('evaluation-due', 'due-soon', 'outpatient', 'over'),
  plan('drop-out-closed', 'open', 'outpatient'),
  plan('in-treatment', 'overdue', 'day'),
  plan('readmitted', 'due-soon', 'lar-assessment'),
  plan('after-detox', 'overdue', 'short-inpatient'),
  plan('follow-up', 'open', 'outpatient'),
  plan('in-treatment', 'open', 'outpatient', 'over'),
];

/** Persons numbered below this follow the script (in turn); the rest are drawn. */
export const SCRIPTED_PERSONS = 120;

/**
 * Weights of the phases a drawn person is in; `null`: known to the unit, no pathway recorded. At 100,000
 * persons this gives the outpatient unit some 6,500 open episodes (the deadline board's benchmark needs
 * 5,000 in one unit).
 */
const WEIGHTS: [Scenario | null, number][] = [
  ['referred', 3],
  ['assessed', 2],
  ['waiting', 5],
  ['no-need', 3],
  ['decision-due', 4],
  ['evaluation-due', 3],
  ['in-treatment', 14],
  ['after-detox', 2],
  ['discharged', 4],
  ['handover-open', 1],
  ['handover-late', 1],
  ['follow-up', 8],
  ['ended', 16],
  ['drop-out', 3],
  ['drop-out-closed', 4],
  ['readmitted', 5],
  ['years', 4],
  [null, 140],
];
const TOTAL = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

const LEVELS: [Level, number][] = [
  ['outpatient', 0.35],
  ['day', 0.15],
  ['short-inpatient', 0.12],
  ['long-inpatient', 0.08],
  ['detox-first', 0.15],
  ['lar-assessment', 0.15],
];

export function planFor(n: number, rnd: () => number): PathwayPlan | null {
  if (n < SCRIPTED_PERSONS) return SCRIPT[(n - 1) % SCRIPT.length]!;
  let x = rnd() * TOTAL;
  let scenario: Scenario | null = null;
  for (const [s, w] of WEIGHTS) {
    x -= w;
    if (x < 0) {
      scenario = s;
      break;
    }
  }
  if (!scenario) return null;
  let y = rnd();
  let level: Level = 'outpatient';
  for (const [l, w] of LEVELS) {
    y -= w;
    if (y < 0) {
      level = l;
      break;
    }
  }
  const urgency = pickOf<Urgency>(rnd, ['overdue', 'due-soon', 'open', 'open']);
  const m = rnd();
  return plan(scenario, urgency, level, m < 0.1 ? 'over' : m < 0.2 ? 'under' : null);
}

function plan(
  scenario: Scenario,
  urgency: Urgency,
  level: Level = 'outpatient',
  mismatch: 'over' | 'under' | null = null,
): PathwayPlan {
  return { scenario, urgency, level, mismatch };
}
