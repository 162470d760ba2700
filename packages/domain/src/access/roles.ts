/** The roles of docs/architecture.md ("Who it is for"). One name per role in every layer. */
export const Roles = ['admin', 'leader', 'clinician', 'milieu', 'municipal', 'peer', 'patient'] as const;
export type Role = (typeof Roles)[number];

export const StaffRoles: readonly Role[] = ['leader', 'clinician', 'milieu', 'municipal', 'peer'];

export function isStaff(role: Role): boolean {
  return StaffRoles.includes(role);
}
