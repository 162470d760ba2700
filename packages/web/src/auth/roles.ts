/** The roles of DESIGN.md "Who uses it", and where each one starts after logging in. */
export const Roles = ['admin', 'leader', 'clinician', 'milieu', 'municipal', 'peer', 'patient'] as const;
export type Role = (typeof Roles)[number];

export const StaffRoles: readonly Role[] = ['leader', 'clinician', 'milieu', 'municipal', 'peer'];

export function startPath(role: Role): string {
  if (role === 'patient') return '/min-side';
  if (role === 'admin') return '/admin';
  return '/pasienter';
}
