import { ChildGaps, RelativeKinds, RelativeRoles } from '@bedring/domain';
import { type Static, Type } from '@sinclair/typebox';
import { Closed, Day, Instant, Nullable, OneOf, Text, Uuid } from './common.contract.ts';

/**
 * The person's children and relatives (docs/decisions/0019-relatives-and-risk.md): the record's list for the
 * duty to ask about minor children (barn som pårørende) and the relatives' role and consent.
 */

export const RelativeParams = Closed({ personId: Uuid, relativeId: Uuid });

/** A child has a birth year and no role; a relative a role and no birth year (checked by the route). */
export const RelativeBody = Closed({
  kind: OneOf(RelativeKinds),
  name: Type.Intersect([Text(200), Type.String({ minLength: 1 })]),
  role: Type.Optional(OneOf(RelativeRoles)),
  birthYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2099 })),
  caredForBy: Type.Optional(Text(500)),
  spokenWith: Type.Optional(Nullable(Type.Boolean())),
  spokenWithOn: Type.Optional(Day),
  followUp: Type.Optional(Text(2000)),
  coordinatorInformed: Type.Optional(Type.Boolean()),
  mayContact: Type.Boolean(),
  mayInform: Type.Boolean(),
  note: Type.Optional(Text(2000)),
});
export type RelativeBody = Static<typeof RelativeBody>;
/** `removed`: taken off the list (a mistake, or no longer a relative); the row stays in the record's history. */
export const RelativeUpdateBody = Type.Composite(
  [RelativeBody, Closed({ removed: Type.Optional(Type.Boolean()) })],
  {
    additionalProperties: false,
  },
);
export type RelativeUpdateBody = Static<typeof RelativeUpdateBody>;

export const RelativeView = Closed({
  id: Uuid,
  kind: OneOf(RelativeKinds),
  name: Type.String(),
  role: Nullable(OneOf(RelativeRoles)),
  birthYear: Nullable(Type.Integer()),
  /** The age the child reaches this year (from the birth year alone). */
  ageThisYear: Nullable(Type.Integer()),
  minor: Type.Boolean(),
  caredForBy: Type.String(),
  spokenWith: Nullable(Type.Boolean()),
  spokenWithOn: Nullable(Day),
  followUp: Type.String(),
  coordinatorInformed: Type.Boolean(),
  mayContact: Type.Boolean(),
  mayInform: Type.Boolean(),
  note: Type.String(),
  /** What is not in place yet for a minor child (warnings). */
  gaps: Type.Array(OneOf(ChildGaps)),
  recordedBy: Type.String(),
  changedBy: Type.String(),
  changedAt: Instant,
});
export type RelativeView = Static<typeof RelativeView>;

export const RelativeList = Closed({ relatives: Type.Array(RelativeView) });
export type RelativeList = Static<typeof RelativeList>;
export const RelativeSaved = Closed({ id: Uuid });
export type RelativeSaved = Static<typeof RelativeSaved>;
