import { addDays, type IsoDate } from './calendar.ts';

/**
 * Tasks that close loops at the seams of the pathway (docs/domain/pathway.md, P-07, P-34, P-42):
 * - handover: stays open until the first municipal contact has actually happened, and escalates to the
 *   unit leader when it has not happened within the configured number of days;
 * - re-engagement: made on a drop-out, offering a new round instead of closing the door (P-30, P-56);
 * - promise: what staff committed to the person (docs/domain/plans.md, U-23, CAP-33), due on its escalation
 *   day (plan/promise.rules.ts);
 * - lapse: a lapse recorded anywhere (by the person, the municipality or staff) reaches the specialist team
 *   that still holds the person (docs/decisions/0018-handover-and-self-admission.md, P-30): they follow it up.
 */
export const TaskKinds = ['handover', 're-engagement', 'promise', 'lapse'] as const;
export type TaskKind = (typeof TaskKinds)[number];

/**
 * How a task is completed. A first contact closes a handover; a new round, declined or not reached a
 * re-engagement; a promise is kept, or withdrawn (with a note the person reads).
 */
export const TaskOutcomes = [
  'first-contact',
  'new-round',
  'declined',
  'not-reached',
  'kept',
  'withdrawn',
  'followed-up',
] as const;
export type TaskOutcome = (typeof TaskOutcomes)[number];

export const outcomesFor: Record<TaskKind, readonly TaskOutcome[]> = {
  handover: ['first-contact'],
  're-engagement': ['new-round', 'declined', 'not-reached'],
  promise: ['kept', 'withdrawn'],
  // What the team did (a call, a stay offered, nothing needed) goes in the note.
  lapse: ['followed-up'],
};

export interface TaskTimes {
  /** The day after which an open task escalates to the unit leader. */
  escalateOn: IsoDate;
  completedOn: IsoDate | null;
}

export type TaskStatus = 'open' | 'escalated' | 'completed';

/** The escalation day: the configured number of days (time limit in force on the task's first day) later. */
export function escalationDate(createdOn: IsoDate, escalateAfterDays: number): IsoDate {
  return addDays(createdOn, escalateAfterDays);
}

/** Escalated = still open after its escalation day: the unit leader sees it (computed, no job needed). */
export function taskStatus(task: TaskTimes, today: IsoDate): TaskStatus {
  if (task.completedOn) return 'completed';
  return today > task.escalateOn ? 'escalated' : 'open';
}
