import type { PlanEntryView } from '@bedring/contract';
import type { PlanSection } from '@bedring/domain/plan/plan';
import type { SessionUser } from '../auth/session.resource.ts';

/**
 * What the screen offers, mirroring the server's plan rule (decidePlanAction, ADR 0006) so that
 * nobody is shown a button that can only fail. The server decides; this only hides what is refused.
 */
export type Viewer = 'self' | 'staff';

export const viewerOf = (user: SessionUser): Viewer => (user.role === 'patient' ? 'self' : 'staff');

/** The person writes everything but the measures; staff (not peers) write every section. */
export function mayWrite(user: SessionUser, section: PlanSection): boolean {
  if (user.role === 'patient') return section !== 'measure';
  return user.role !== 'peer';
}

/** Only the author changes or takes out an entry; everyone else comments. */
export const mayEdit = (user: SessionUser, entry: PlanEntryView) => entry.author.id === user.id;

export const maySign = (user: SessionUser) => user.role === 'patient';

export const mayPromise = (user: SessionUser) => user.role !== 'patient';

/**
 * What is shared is the person's choice, recorded by them or by staff (not peers) of the organisation
 * holding the record (the domain's 'holder-only'); a receiving organisation only reads it.
 */
export const mayShare = (user: SessionUser, holderOrganisationId: string | undefined) =>
  user.role === 'patient' ||
  (user.role !== 'peer' &&
    holderOrganisationId !== undefined &&
    user.organisation?.id === holderOrganisationId);
