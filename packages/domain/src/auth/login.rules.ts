import type { Role } from '../access/roles.ts';

/**
 * Login protection (docs/architecture.md, "Security in short"; docs/operator-guide.md, "Accounts"): lockout
 * after repeated failures, idle timeout for staff.
 */
export const LOCKOUT_AFTER_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && now.getTime() < lockedUntil.getTime();
}

/** After a failure: the new failure count and, when the limit is reached, until when the account is locked. */
export function afterFailedLogin(
  failures: number,
  now: Date,
): { failures: number; lockedUntil: Date | null } {
  const next = failures + 1;
  return next >= LOCKOUT_AFTER_FAILURES
    ? { failures: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
    : { failures: next, lockedUntil: null };
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/**
 * Staff sessions end after 30 idle minutes on a shared workstation; a patient's phone is their own,
 * so the portal keeps them signed in longer, within an absolute limit for both.
 */
export function sessionPolicy(role: Role): SessionPolicy {
  return role === 'patient'
    ? { idleMinutes: 7 * 24 * 60, absoluteHours: 30 * 24 }
    : { idleMinutes: 30, absoluteHours: 12 };
}

export function sessionIsAlive(
  s: {
    createdAt: Date;
    lastSeenAt: Date;
    idleMinutes: number;
    absoluteHours: number;
    revokedAt: Date | null;
  },
  now: Date,
): boolean {
  if (s.revokedAt) return false;
  const t = now.getTime();
  return (
    t < s.lastSeenAt.getTime() + s.idleMinutes * 60_000 &&
    t < s.createdAt.getTime() + s.absoluteHours * 3_600_000
  );
}

export function requiresTotp(role: Role): boolean {
  return role === 'admin';
}

/** Minimum password rule: length beats composition rules (NIST SP 800-63B). */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'password-too-short';
  if (password.length > 256) return 'password-too-long';
  return null;
}
