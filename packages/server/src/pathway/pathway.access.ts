import type { RequestActor } from '../auth/actor.ts';
import { forbidden } from '../http/errors.ts';

/** Who does which pathway work: the assessment team and clinicians decide, milieu staff help with discharge. */
export const PathwayRoles = {
  decide: ['leader', 'clinician'],
  discharge: ['leader', 'clinician', 'milieu'],
} as const;

export function requireRole(actor: RequestActor, roles: readonly string[]) {
  if (!roles.includes(actor.role))
    throw forbidden('role_cannot_do_this', 'Din rolle kan ikke gjøre dette i forløpet.');
}
