import { type Role, Roles } from '@bedring/domain';
import type { RouteAccess } from '../access/route-access.type.ts';

const pathwayRefusal = { code: 'role_cannot_do_this', words: 'errors.pathwayRoleCannotDoThis' } as const;
const staff = Roles.filter((r): r is Exclude<Role, 'patient'> => r !== 'patient');

/**
 * Who does which pathway work, declared on the routes (docs/architecture.md, "Access and audit"): the
 * assessment team and clinicians decide, milieu staff help with discharge. Need to know for the person
 * is decided after this, per request.
 */
export const PathwayAccess = {
  decide: { roles: ['leader', 'clinician'], refusal: pathwayRefusal },
  discharge: { roles: ['leader', 'clinician', 'milieu'], refusal: pathwayRefusal },
  /** Peers walk beside the person; clinical assessments and referral contents are not theirs to read. */
  read: {
    roles: Roles.filter((r) => r !== 'peer'),
    refusal: { code: 'role_cannot_do_this', words: 'errors.roleCannotSeePathway' },
  },
  /** The deadline board: a unit's leader, and the clinicians and milieu staff for their own. */
  board: { roles: ['leader', 'clinician', 'milieu'] },
  /** The task worklist: whoever works with persons can be given a task. */
  worklist: { roles: staff.filter((r) => r !== 'admin') },
  /** Completing a task: its assignee (or a leader, for an escalated one); any other is not theirs. */
  completeTask: { roles: staff, refusal: { code: 'not_your_task', words: 'errors.notYourTask' } },
  /** The units and staff the pathway forms choose from: not personal health data, any staff. */
  directory: { roles: staff },
  /** FHIR reads and searches: need to know (or the search's own rule) decides for every role. */
  fhir: { roles: Roles },
} as const satisfies Record<string, RouteAccess>;
