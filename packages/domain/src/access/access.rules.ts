import type { Role } from './roles.ts';

/**
 * Need to know (tjenstlig behov), docs/domain/law.md (CAP-26, L-26), docs/architecture.md.
 * One pure function decides whether an actor may reach a person's record; every route calls it
 * through the server's access guard. Time is passed in, never read here.
 */

export interface Actor {
  accountId: string;
  role: Role;
  /** The organisation (tenant) the actor works in. */
  organisationId: string;
  /** For a patient: the record they own. */
  personId?: string | null;
}

/** The person whose record is asked for, and the organisation that holds the record. */
export interface PersonRef {
  id: string;
  organisationId: string;
}

/** An active or past care relation: member of an episode's care team, or municipal follow-up. */
export interface CareRelation {
  kind: 'care-team' | 'follow-up';
  accountId: string;
  organisationId: string;
  personId: string;
  from: Date;
  to: Date | null;
}

/** A consent that lets another organisation see the record (who, purpose, expiry; revocable). */
export interface Consent {
  personId: string;
  granteeOrganisationId: string;
  purpose: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface BreakGlass {
  accountId: string;
  personId: string;
  reason: string;
  expiresAt: Date;
}

export type AccessBasis = 'own-record' | 'care-relation' | 'break-glass';

export type AccessDecision =
  | { allowed: true; basis: AccessBasis; viaConsent: boolean; breakGlassReason?: string }
  | { allowed: false; reason: AccessDenial };

export type AccessDenial =
  | 'not-own-record'
  | 'role-has-no-record-access'
  | 'no-care-relation'
  | 'no-consent-across-organisations'
  | 'break-glass-does-not-allow-this';

/**
 * What a request does with the record. Break-glass is for emergency care: it may read, and record what
 * that care needs (`emergency-record`); any other change needs a care relation, so that break-glass
 * cannot widen access beyond its hour (docs/user-guide.md, "No access?").
 */
export type RecordUse = 'read' | 'emergency-record' | 'change';

export function mayUnderBreakGlass(use: RecordUse): boolean {
  return use !== 'change';
}

export interface AccessQuestion {
  actor: Actor;
  person: PersonRef;
  relations: readonly CareRelation[];
  consents: readonly Consent[];
  breakGlass: readonly BreakGlass[];
  now: Date;
  use: RecordUse;
}

/** Break-glass access lasts this long; then a new reason must be given. */
export const BREAK_GLASS_MINUTES = 60;

export function isActiveAt(from: Date, to: Date | null, now: Date): boolean {
  return from.getTime() <= now.getTime() && (to === null || now.getTime() < to.getTime());
}

export function consentIsActive(consent: Consent, now: Date): boolean {
  if (consent.revokedAt && consent.revokedAt.getTime() <= now.getTime()) return false;
  return consent.expiresAt === null || now.getTime() < consent.expiresAt.getTime();
}

export function decideAccess(q: AccessQuestion): AccessDecision {
  const { actor, person, now } = q;

  if (actor.role === 'patient') {
    return actor.personId === person.id && actor.organisationId === person.organisationId
      ? { allowed: true, basis: 'own-record', viaConsent: false }
      : { allowed: false, reason: 'not-own-record' };
  }
  // Administrators run the system; they have no clinical need to know.
  if (actor.role === 'admin') return { allowed: false, reason: 'role-has-no-record-access' };

  const acrossOrganisations = actor.organisationId !== person.organisationId;
  const hasConsent = q.consents.some(
    (c) =>
      c.personId === person.id && c.granteeOrganisationId === actor.organisationId && consentIsActive(c, now),
  );
  // Across organisations nothing is reachable without a consent, not even by break-glass.
  if (acrossOrganisations && !hasConsent)
    return { allowed: false, reason: 'no-consent-across-organisations' };

  const related = q.relations.some(
    (r) =>
      r.accountId === actor.accountId &&
      r.personId === person.id &&
      r.organisationId === actor.organisationId &&
      isActiveAt(r.from, r.to, now),
  );
  if (related) return { allowed: true, basis: 'care-relation', viaConsent: acrossOrganisations };

  const glass = q.breakGlass.find(
    (b) =>
      b.accountId === actor.accountId && b.personId === person.id && now.getTime() < b.expiresAt.getTime(),
  );
  if (glass && !acrossOrganisations) {
    if (!mayUnderBreakGlass(q.use)) return { allowed: false, reason: 'break-glass-does-not-allow-this' };
    return { allowed: true, basis: 'break-glass', viaConsent: false, breakGlassReason: glass.reason };
  }
  return { allowed: false, reason: 'no-care-relation' };
}

/** Who may open break-glass at all: staff with a clinical role in the record's own organisation. */
export function mayBreakGlass(actor: Actor, person: PersonRef): boolean {
  return (
    actor.organisationId === person.organisationId &&
    (actor.role === 'clinician' ||
      actor.role === 'milieu' ||
      actor.role === 'leader' ||
      actor.role === 'municipal')
  );
}

export function breakGlassExpiry(now: Date): Date {
  return new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000);
}

/** A stated reason must say something: at least a few words, not a single character. */
export function isUsableReason(reason: string): boolean {
  return reason.trim().length >= 10;
}
