import { say } from '@bedring/contract';
import { osloDate } from '@bedring/domain';
import { badRequest } from './errors.ts';

// The rule on a calendar day a request names (its schema, Day, is in the contract), shared by the
// pathway, plan and questionnaire routes: kernel, because concepts do not import each other
// (docs/architecture.md).

/** Events are recorded for today or earlier; a date in the future is a typing error. */
export function notInFuture(date: string, now: Date, field: string) {
  if (date > osloDate(now))
    throw badRequest('date_in_future', say('errors.dateInFuture', { field }), [{ field }]);
}
