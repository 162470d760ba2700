import type { Role } from '@bedring/domain/access/roles';

/** Where each role starts after logging in. */
export function startPath(role: Role): string {
  if (role === 'patient') return '/min-side';
  if (role === 'admin') return '/admin';
  return '/pasienter';
}
