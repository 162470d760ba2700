import { osloDate } from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import { badRequest, forbidden } from '../http/errors.ts';

/** Who does which pathway work: the assessment team and clinicians decide, milieu staff help with discharge. */
export const PathwayRoles = {
  decide: ['leader', 'clinician'],
  discharge: ['leader', 'clinician', 'milieu'],
} as const;

export function requireRole(actor: RequestActor, roles: readonly string[]) {
  if (!roles.includes(actor.role))
    throw forbidden('role_cannot_do_this', 'Din rolle kan ikke gjøre dette i forløpet.');
}

/** Events are recorded for today or earlier; a date in the future is a typing error. */
export function notInFuture(date: string, now: Date, field: string) {
  if (date > osloDate(now))
    throw badRequest('date_in_future', `${field} kan ikke være fram i tid.`, [{ field }]);
}
