import type { Role } from '@bedring/domain/access/roles';

/** Where the pathway's work pages live and who may open them; the shell builds its menu and routes from this. */
export const PathwayPaths = {
  deadlines: '/frister',
  tasks: '/oppgaver',
  newReferral: '/henvisninger/ny',
} as const;

export const PathwayPageRoles: Record<keyof typeof PathwayPaths, readonly Role[]> = {
  // The board shows a unit to its leader and their own deadlines to clinicians and milieu staff.
  deadlines: ['leader', 'clinician', 'milieu'],
  tasks: ['leader', 'clinician', 'milieu', 'municipal', 'peer'],
  // Registering a referral opens an episode: the roles that decide in the pathway (server PathwayRoles.decide).
  newReferral: ['leader', 'clinician'],
};
