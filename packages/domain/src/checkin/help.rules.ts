/**
 * Help that cannot be missed (docs/decisions/0015-help-requests.md; docs/domain/plans.md, CAP-23): an open
 * help request waits at the top of the care team's pages until someone takes it, and is escalated when
 * nobody has taken it within a configured number of minutes. The clock is passed in.
 */

/** Minutes a help request may stay untaken before it goes to the unit leader and the duty contact. */
export const DEFAULT_HELP_ESCALATION_MINUTES = 15;

/** Requests raised at or before this moment and still untaken are due for escalation now. */
export function escalationCutoff(now: Date, minutes: number): Date {
  return new Date(now.getTime() - minutes * 60_000);
}

export function isEscalationDue(raisedAt: Date, now: Date, minutes: number): boolean {
  return raisedAt.getTime() <= escalationCutoff(now, minutes).getTime();
}

/** Whole minutes since the request was made (never negative: a device clock may run ahead). */
export function minutesWaiting(raisedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - raisedAt.getTime()) / 60_000));
}

/**
 * A phone number as a tap-to-call link (RFC 3966): digits only, with a leading + kept, so that
 * "116 117" and "+47 900 00 000" dial; null when there is nothing to dial.
 */
export function telHref(phone: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3) return null;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}
