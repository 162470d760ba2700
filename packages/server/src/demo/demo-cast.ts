import type { Level } from '@bedring/domain';
import type { DemoPathway, DemoPerson, DemoStaff, EpisodeCare } from './demo-pathway.ts';

// What a demo pathway is made from: the scenario and the cast. Both demo-scenarios.ts (which lays the
// steps out) and demo-steps.ts (the steps) name them, so they live in this file, which imports neither
// (no import circles: docs/architecture.md).

/**
 * Where a demo person's pathway stands today: every phase of the pathway (docs/domain/pathway.md), so that
 * the person page, the deadline board and the task lists have something to show. Dates are laid out backwards
 * from today, with the intervals read from the configured time limits, so that a deadline is overdue, due
 * soon or open as the scenario asks — whatever the limits are.
 */
export const Scenarios = [
  'referred',
  'assessed',
  'waiting',
  'no-need',
  'decision-due',
  'evaluation-due',
  'in-treatment',
  'after-detox',
  'discharged',
  'handover-open',
  'handover-late',
  'follow-up',
  'ended',
  'drop-out',
  'drop-out-closed',
  'readmitted',
  'years',
] as const;
export type Scenario = (typeof Scenarios)[number];

/** Where the deadline that matters today stands: past due, due within DUE_SOON_DAYS, or later. */
export type Urgency = 'overdue' | 'due-soon' | 'open';

export interface PathwayPlan {
  scenario: Scenario;
  urgency: Urgency;
  /** The level of care the assessment recommends (and so the setting of the treatment round). */
  level: Level;
  /** Whether the clinician chose another level than recommended, and which way. */
  mismatch: 'over' | 'under' | null;
}

export interface Cast {
  demo: DemoPathway;
  person: DemoPerson;
  care: EpisodeCare;
  /** The municipal worker who receives a handover. */
  worker: DemoStaff;
}
