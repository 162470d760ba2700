import type { Role } from '@bedring/domain/access/roles';

/** Where the work pages live and who may open them; the shell builds its menu and routes from this. */
export const WorkPaths = {
  deadlines: '/frister',
  tasks: '/oppgaver',
  newReferral: '/henvisninger/ny',
} as const;

export const WorkRoles: Record<keyof typeof WorkPaths, readonly Role[]> = {
  // The board shows a unit to its leader and their own deadlines to clinicians and milieu staff.
  deadlines: ['leader', 'clinician', 'milieu'],
  tasks: ['leader', 'clinician', 'milieu', 'municipal', 'peer'],
  // Registering a referral opens an episode: the roles that decide in the pathway (server PathwayRoles.decide).
  newReferral: ['leader', 'clinician'],
};

/** The person's record, where a referral lands and every row of the board and the task list links to. */
export const personPath = (personId: string) => `/personer/${encodeURIComponent(personId)}`;
