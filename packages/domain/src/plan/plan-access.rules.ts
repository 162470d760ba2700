import type { Actor, PersonRef } from '../access/access.rules.ts';
import { consentIsActive } from '../access/access.rules.ts';
import { isStaff } from '../access/roles.ts';
import { type PlanKind, type PlanPart, PlanParts, type PlanSection, sectionSide } from './plan.ts';

/**
 * Who may do what with the person's plans (docs/decisions/0006-plans.md). Need to know (decideAccess) is
 * asked first and is a precondition here; this rule adds what the plans need on top of it:
 * - the person edits their own parts, staff theirs; nobody edits another author's entry — they comment;
 * - peers read and comment (with a care relation), and help build the network, but never write plan
 *   entries;
 * - another organisation (municipality, GP) sees a plan kind or the network only when an active consent
 *   names it; without one it sees nothing of it (docs/domain/law.md, L-26).
 * Rules warn rather than block where the care principles allow it (docs/domain/care-principles.md, U-13).
 */

/** A consent, with the plan parts it opens to the grantee organisation. */
export interface PlanConsent {
  personId: string;
  granteeOrganisationId: string;
  planParts: readonly PlanPart[];
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** The parts of the plan an actor's organisation may see: all of them in the holding organisation. */
export function visiblePlanParts(
  actor: Actor,
  person: PersonRef,
  consents: readonly PlanConsent[],
  now: Date,
): PlanPart[] {
  if (actor.organisationId === person.organisationId) return [...PlanParts];
  const open = new Set<PlanPart>();
  for (const c of consents) {
    if (c.personId !== person.id || c.granteeOrganisationId !== actor.organisationId) continue;
    if (!consentIsActive({ ...c, purpose: '' }, now)) continue;
    for (const part of c.planParts) open.add(part);
  }
  return PlanParts.filter((p) => open.has(p));
}

export type PlanAction =
  | { kind: 'read'; part: PlanPart }
  | { kind: 'add-entry'; plan: PlanKind; section: PlanSection }
  | { kind: 'edit-entry'; plan: PlanKind; authorAccountId: string }
  | { kind: 'comment'; plan: PlanKind }
  | { kind: 'sign'; plan: PlanKind }
  | { kind: 'set-review-date'; plan: PlanKind }
  | { kind: 'record-lapse' }
  | { kind: 'add-network-member' }
  | { kind: 'edit-network-member'; authorAccountId: string }
  | { kind: 'make-promise' }
  | { kind: 'share' };

export type PlanDenial =
  | 'not-shared'
  | 'no-record-access'
  | 'peer-reads-and-comments'
  | 'staff-part'
  | 'another-authors-entry'
  | 'only-the-person-signs'
  | 'only-staff-promise'
  | 'holder-only';

/** A staff member writing in the person's part: allowed, shown, and they are reminded whose words these are. */
export type PlanActionWarning = 'written-for-the-person';

export type PlanDecision =
  | { allowed: true; warnings: PlanActionWarning[] }
  | { allowed: false; reason: PlanDenial };

export interface PlanQuestion {
  actor: Actor;
  person: PersonRef;
  /** What visiblePlanParts gave for this actor. */
  visibleParts: readonly PlanPart[];
  action: PlanAction;
}

const allow = (warnings: PlanActionWarning[] = []): PlanDecision => ({ allowed: true, warnings });
const deny = (reason: PlanDenial): PlanDecision => ({ allowed: false, reason });

function partOf(action: PlanAction): PlanPart | null {
  switch (action.kind) {
    case 'read':
      return action.part;
    case 'add-entry':
    case 'edit-entry':
    case 'comment':
    case 'sign':
    case 'set-review-date':
      return action.plan;
    // A lapse is looked at on the relapse chain: it belongs to the relapse-prevention plan.
    case 'record-lapse':
      return 'relapse-prevention';
    case 'add-network-member':
    case 'edit-network-member':
      return 'network';
    default:
      return null;
  }
}

export function decidePlanAction(q: PlanQuestion): PlanDecision {
  const { actor, person, action } = q;
  const isPerson = actor.role === 'patient' && actor.personId === person.id;
  if (!isPerson && !isStaff(actor.role)) return deny('no-record-access');
  const part = partOf(action);
  if (part !== null && !isPerson && !q.visibleParts.includes(part)) return deny('not-shared');
  const isPeer = actor.role === 'peer';

  switch (action.kind) {
    case 'read':
    case 'comment':
      return allow();
    case 'add-entry': {
      if (isPeer) return deny('peer-reads-and-comments');
      const side = sectionSide(action.section);
      if (isPerson) return side === 'staff' ? deny('staff-part') : allow();
      return side === 'person' ? allow(['written-for-the-person']) : allow();
    }
    case 'edit-entry':
      // Peers never author entries, so this also keeps them out of staff parts.
      return action.authorAccountId === actor.accountId ? allow() : deny('another-authors-entry');
    case 'sign':
      // A co-signature is the person's word that this is their plan.
      return isPerson ? allow() : deny('only-the-person-signs');
    case 'set-review-date':
    case 'record-lapse':
      return isPeer ? deny('peer-reads-and-comments') : allow();
    case 'add-network-member':
      // Building a network is part of a peer worker's job (docs/domain/plans.md, CAP-05).
      return allow();
    case 'edit-network-member':
      // The map is the person's: they edit all of it; a helper only what they added themself.
      return isPerson || action.authorAccountId === actor.accountId ? allow() : deny('another-authors-entry');
    case 'make-promise':
      return isPerson ? deny('only-staff-promise') : allow();
    case 'share':
      // What is shared is decided where the record is held: by the person, or staff there on their word.
      if (isPerson) return allow();
      if (isPeer) return deny('peer-reads-and-comments');
      return actor.organisationId === person.organisationId ? allow() : deny('holder-only');
  }
}
