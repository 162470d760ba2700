import type { IsoDate } from '../pathway/calendar.ts';
import { taskStatus } from '../pathway/task.rules.ts';

/**
 * Promises (løfter; docs/domain/plans.md, U-23, CAP-33): what staff commit to the person is a task of kind
 * "promise" with an owner and a due date. Its due date is the task's escalation day: an open promise past it
 * is overdue, flagged to the owner and the unit leader like every escalated task; the person sees it too.
 */
export type PromiseStatus = 'open' | 'overdue' | 'kept' | 'withdrawn';

export function promiseStatus(
  p: { dueOn: IsoDate; completedOn: IsoDate | null; outcome: string | null },
  today: IsoDate,
): PromiseStatus {
  if (p.completedOn) return p.outcome === 'withdrawn' ? 'withdrawn' : 'kept';
  return taskStatus({ escalateOn: p.dueOn, completedOn: null }, today) === 'escalated' ? 'overdue' : 'open';
}
