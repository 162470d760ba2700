import { osloDate } from '@bedring/domain';
import { Type } from '@sinclair/typebox';
import { badRequest } from './errors.ts';

// The calendar day a request names, shared by the pathway, plan and questionnaire routes. It lives in
// the kernel because concepts do not import each other (docs/architecture.md).

/** A calendar day; years 1900–2099 (a typing error like 0999 is refused, not computed with). */
export const Day = Type.String({ format: 'date', pattern: '^(19|20)[0-9]{2}-' });

/** Events are recorded for today or earlier; a date in the future is a typing error. */
export function notInFuture(date: string, now: Date, field: string) {
  if (date > osloDate(now))
    throw badRequest('date_in_future', `${field} kan ikke være fram i tid.`, [{ field }]);
}
