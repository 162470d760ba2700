import { isApiError } from '../http/api-client.ts';

/** The message key for a failed task completion: the server's refusals said in the user's words. */
export function completionErrorKey(error: unknown): { field: 'date' | null; key: string } {
  if (isApiError(error, 400, 'before_task')) return { field: 'date', key: 'work.tasks.errors.beforeTask' };
  if (isApiError(error, 400, 'date_in_future')) return { field: 'date', key: 'work.dates.future' };
  if (isApiError(error, 409, 'task_completed')) return { field: null, key: 'work.tasks.errors.completed' };
  if (isApiError(error, 403, 'not_your_task')) return { field: null, key: 'work.tasks.errors.notYours' };
  if (isApiError(error, 403)) return { field: null, key: 'errors.forbidden' };
  if (isApiError(error, 0)) return { field: null, key: 'errors.network' };
  return { field: null, key: 'errors.generic' };
}
