import { PlanParts } from '@bedring/domain';
import { type Static, Type } from '@sinclair/typebox';
import { Closed, Instant, Nullable, OneOf, Text, Uuid } from './common.contract.ts';

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
    }),
  ),
});
export type BreakGlassList = Static<typeof BreakGlassList>;

export const BreakGlassReviewParams = Closed({ id: Uuid });
export const BreakGlassReviewBody = Closed({ note: Text(1000) });
export type BreakGlassReviewBody = Static<typeof BreakGlassReviewBody>;

export const BreakGlassReviewed = Closed({ ok: Type.Literal(true) });
export type BreakGlassReviewed = Static<typeof BreakGlassReviewed>;
