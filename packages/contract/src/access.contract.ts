import { PlanParts } from '@bedring/domain';
import { type Static, Type } from '@sinclair/typebox';
import { Closed, Day, Instant, Nullable, OneOf, Text, Uuid } from './common.contract.ts';

/** GET /api/persons/:personId/consents: the person's consents to share, and what of the plans each opens. */
export const ConsentList = Closed({
  consents: Type.Array(
    Closed({
      id: Uuid,
      grantee: Closed({ id: Uuid, name: Type.String() }),
      purpose: Type.String(),
      givenAt: Instant,
      expiresAt: Nullable(Instant),
      revokedAt: Nullable(Instant),
      active: Type.Boolean(),
      planParts: Type.Array(OneOf(PlanParts)),
    }),
  ),
});
export type ConsentList = Static<typeof ConsentList>;

/** POST /api/persons/:personId/break-glass: the reason, at least ten characters (domain isUsableReason). */
export const BreakGlassBody = Closed({ reason: Text(1000) });
export type BreakGlassBody = Static<typeof BreakGlassBody>;

export const BreakGlassOpened = Closed({ id: Uuid, expiresAt: Instant });
export type BreakGlassOpened = Static<typeof BreakGlassOpened>;

/** GET /api/break-glass: the unit leader's list of break-glass events to review. */
export const BreakGlassList = Closed({
  events: Type.Array(
    Closed({
      id: Uuid,
      reason: Type.String(),
      openedAt: Instant,
      expiresAt: Instant,
      reviewedAt: Nullable(Instant),
      reviewNote: Nullable(Type.String()),
      staffName: Type.String(),
      person: Closed({ id: Uuid, givenName: Type.String(), familyName: Type.String() }),
      /** What the opener read and wrote of the person between opening and expiry, oldest first. */
      reads: Type.Array(
        Closed({ id: Uuid, at: Instant, action: Type.String(), resourceType: Type.String() }),
      ),
    }),
  ),
});
export type BreakGlassList = Static<typeof BreakGlassList>;

/**
 * On what basis a staff member or the person came to the record, as the audit event says; `system` is
 * Bedring itself (an escalated help request, docs/decisions/0015-help-requests.md).
 */
export const AccessBases = ['own-record', 'need-to-know', 'break-glass', 'system'] as const;
export type AccessBasis = (typeof AccessBases)[number];

/** GET /api/access-log: the unit leader's view of the access to the unit's persons' records, filterable. */
export const UnitAccessLogQuery = Closed({
  personId: Type.Optional(Uuid),
  accountId: Type.Optional(Uuid),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  basis: Type.Optional(OneOf(AccessBases)),
  /** The `next` of the page before: the id of its last entry. */
  after: Type.Optional(Uuid),
  /** Entries per page, 1–200 (default 200); a query string carries it as text. */
  limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$' })),
});
export type UnitAccessLogQuery = Static<typeof UnitAccessLogQuery>;
export const UnitAccessLog = Closed({
  unitId: Uuid,
  /** Entries per page: the newest that match (after `after`), at most this many. */
  limit: Type.Integer(),
  /** The cursor of the page after this one (the `after` to ask with), null when there is no more. */
  next: Nullable(Uuid),
  entries: Type.Array(
    Closed({
      id: Uuid,
      at: Instant,
      action: Type.String(),
      resourceType: Type.String(),
      basis: OneOf(AccessBases),
      breakGlassReason: Nullable(Type.String()),
      person: Closed({ id: Uuid, givenName: Type.String(), familyName: Type.String() }),
      actor: Closed({ id: Nullable(Uuid), name: Nullable(Type.String()), role: Type.String() }),
    }),
  ),
});
export type UnitAccessLog = Static<typeof UnitAccessLog>;

export const BreakGlassReviewParams = Closed({ id: Uuid });
export const BreakGlassReviewBody = Closed({ note: Text(1000) });
export type BreakGlassReviewBody = Static<typeof BreakGlassReviewBody>;

export const BreakGlassReviewed = Closed({ ok: Type.Literal(true) });
export type BreakGlassReviewed = Static<typeof BreakGlassReviewed>;
