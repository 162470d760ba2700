import type { Role } from '@bedring/domain/access/roles';

/**
 * Where each role starts after logging in. The unit leader starts on the unit's board ("Frister"), where
 * the unit's work is; a leader's own caseload is usually empty (docs/decisions/0016-worklists.md).
 */
export function startPath(role: Role): string {
  if (role === 'patient') return '/min-side';
  if (role === 'admin') return '/admin';
  if (role === 'leader') return '/frister';
  return '/pasienter';
}
