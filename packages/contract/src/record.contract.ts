import { CaseloadUrgencies, LivingConditionDomains, Ratings, Roles } from '@bedring/domain';
import { type Static, Type } from '@sinclair/typebox';
import { Closed, Day, Instant, Nullable, OneOf, Text, Uuid } from './common.contract.ts';

/**
 * The person's record (docs/architecture.md, "The contract"): the caseload, the overview, "om meg", the
 * living-condition ratings and the access log.
 */

const LivingConditionDomain = OneOf(LivingConditionDomains);
const CareRelationKind = OneOf(['care-team', 'follow-up'] as const);

// Requests.

export const CaseloadQuery = Closed({ q: Type.Optional(Text(100)) });
export const AboutBody = Closed({ aboutMe: Text(4000), strengths: Text(4000) });
export const RatingsQuery = Closed({ domain: Type.Optional(LivingConditionDomain) });
export const RatingBody = Closed({
  domain: LivingConditionDomain,
  rating: OneOf(Ratings),
  note: Type.Optional(Text(2000)),
});
export type RatingBody = Static<typeof RatingBody>;

// Answers.

/** "Mine pasienter": a person the user has an active care relation with. */
export const CaseloadEntry = Closed({
  id: Uuid,
  givenName: Type.String(),
  familyName: Type.String(),
  birthDate: Day,
  relation: CareRelationKind,
  organisationName: Type.String(),
  since: Instant,
  /** The most urgent thing about the person today (domain caseload-urgency.rules.ts); the list is in this order. */
  urgency: OneOf(CaseloadUrgencies),
  /** "Jeg trenger hjelp nå" not yet taken by anyone. */
  openHelpRequests: Type.Integer(),
  oldestHelpRequestAt: Nullable(Instant),
  /** Open signals from the check-ins, help requests not counted. */
  openSignals: Type.Integer(),
  overdueDeadlines: Type.Integer(),
  overdueTasks: Type.Integer(),
  lastContactOn: Nullable(Day),
  /** Days since the last contact, or since the relation began when none is recorded. */
  daysWithoutContact: Type.Integer(),
});
export type CaseloadEntry = Static<typeof CaseloadEntry>;
/** The caseload, most urgent first, and the day in Norway it was counted on. */
export const Caseload = Closed({ today: Day, persons: Type.Array(CaseloadEntry) });
export type Caseload = Static<typeof Caseload>;

export const RatingView = Closed({
  id: Uuid,
  domain: LivingConditionDomain,
  rating: OneOf(Ratings),
  note: Type.String(),
  ratedAt: Instant,
  ratedBy: Closed({ id: Uuid, name: Type.String(), role: OneOf(Roles) }),
});
export type RatingView = Static<typeof RatingView>;

export const CareTeamMember = Closed({
  accountId: Uuid,
  name: Type.String(),
  role: OneOf(Roles),
  organisationName: Type.String(),
  kind: CareRelationKind,
  from: Instant,
  to: Nullable(Instant),
});
export type CareTeamMember = Static<typeof CareTeamMember>;

export const RecordOrganisation = Closed({ id: Uuid, name: Type.String(), kind: Type.String() });
export type RecordOrganisation = Static<typeof RecordOrganisation>;

export const PersonOverview = Closed({
  id: Uuid,
  /** The organisation holding the record. */
  organisationId: Uuid,
  nationalId: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  birthDate: Day,
  gender: Type.String(),
  municipality: Nullable(Type.String()),
  aboutMe: Type.String(),
  strengths: Type.String(),
  aboutMeUpdatedAt: Nullable(Instant),
  /** Who last wrote "om meg": the person themself, or a named staff member who wrote it with them. */
  aboutMeWrittenBy: Nullable(
    Type.Union([
      Closed({ kind: Type.Literal('person') }),
      Closed({ kind: Type.Literal('staff'), name: Type.String() }),
    ]),
  ),
  livingConditions: Type.Array(Closed({ domain: LivingConditionDomain, current: Nullable(RatingView) })),
  completeness: Closed({ rated: Type.Integer(), of: Type.Integer() }),
  careTeam: Type.Array(CareTeamMember),
  organisations: Type.Array(RecordOrganisation),
});
export type PersonOverview = Static<typeof PersonOverview>;

/** GET /api/persons/:personId: the overview, and on what basis the user sees it. */
export const PersonAnswer = Closed({
  person: PersonOverview,
  access: Closed({
    basis: OneOf(['own-record', 'care-relation', 'break-glass'] as const),
    viaConsent: Type.Boolean(),
  }),
});
export type PersonAnswer = Static<typeof PersonAnswer>;

export const AboutSaved = Closed({ ok: Type.Literal(true) });
export type AboutSaved = Static<typeof AboutSaved>;

export const RatingList = Closed({ ratings: Type.Array(RatingView) });
export type RatingList = Static<typeof RatingList>;

export const RatingCreated = Closed({ id: Uuid });
export type RatingCreated = Static<typeof RatingCreated>;

/** Who has looked at or changed the person's record, newest first (Normen). */
export const AccessLogEntry = Closed({
  id: Uuid,
  at: Instant,
  action: Type.String(),
  resourceType: Type.String(),
  /** Null when the person looked at their own record. */
  actorName: Nullable(Type.String()),
  actorRole: Type.String(),
  organisationName: Nullable(Type.String()),
  purpose: Nullable(Type.String()),
  breakGlassReason: Nullable(Type.String()),
});
export type AccessLogEntry = Static<typeof AccessLogEntry>;
export const AccessLog = Closed({ entries: Type.Array(AccessLogEntry) });
export type AccessLog = Static<typeof AccessLog>;
