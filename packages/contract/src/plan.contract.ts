import {
  AllPlanSections,
  NetworkQualities,
  NetworkRelations,
  PlanKinds,
  PlanParts,
  type PlanWarning,
  type PromiseStatus,
  Roles,
  type WrittenBy,
} from '@bedring/domain';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Closed, Day, Instant, OneOf, Nullable as OrNull, Text, Uuid } from './common.contract.ts';

/** Route schemas of the plans; every enum comes from the domain, so one name holds in every layer. */
const Words = Text(4000);
const Phone = Type.String({ maxLength: 40, pattern: '^[0-9+ ()-]*$' });
const Nullable = <T extends TSchema>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));

export const PlanKind = OneOf(PlanKinds);
export const PlanParams = Closed({ personId: Uuid, kind: PlanKind });
export const EntryParams = Closed({ personId: Uuid, kind: PlanKind, entryId: Uuid });
export const MemberParams = Closed({ personId: Uuid, memberId: Uuid });
export const ConsentParams = Closed({ personId: Uuid, consentId: Uuid });

/** What an entry holds; which fields a section takes is the domain's checkEntry. */
const entryContent = {
  text: Type.Intersect([Words, Type.String({ minLength: 1 })]),
  successMeans: Nullable(Words),
  ownerAccountId: Nullable(Uuid),
  dueOn: Nullable(Day),
  evaluateOn: Nullable(Day),
  phone: Nullable(Phone),
  contactBeforeUse: Nullable(Type.Boolean()),
  networkMemberId: Nullable(Uuid),
};

export const EntryBody = Closed({ section: OneOf(AllPlanSections), ...entryContent });
/** The whole content again (PUT); `retired` takes the entry out of the plan, kept in the history. */
export const EntryUpdateBody = Closed({ ...entryContent, retired: Type.Optional(Type.Boolean()) });
export const CommentBody = Closed({ text: Type.Intersect([Words, Type.String({ minLength: 1 })]) });
export const SignBody = Closed({ version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) });
export const ReviewDateBody = Closed({ reviewOn: Type.Union([Day, Type.Null()]) });

export const LapseBody = Closed({
  occurredOn: Day,
  situation: Type.Optional(Words),
  thoughtsFeelings: Type.Optional(Words),
  whatHappened: Type.Optional(Words),
  whatHelped: Type.Optional(Words),
});

const memberContent = {
  name: Type.Intersect([Text(200), Type.String({ minLength: 1 })]),
  relation: OneOf(NetworkRelations),
  quality: OneOf(NetworkQualities),
  crisisRole: Type.Optional(Text(1000)),
  phone: Nullable(Phone),
  contactConsent: Type.Boolean(),
  maySee: Type.Array(PlanKind, { maxItems: 3, uniqueItems: true }),
  note: Type.Optional(Text(2000)),
};
export const MemberBody = Closed(memberContent);
export const MemberUpdateBody = Closed({ ...memberContent, removed: Type.Optional(Type.Boolean()) });

export const PromiseBody = Closed({
  promise: Type.Intersect([Text(1000), Type.String({ minLength: 1 })]),
  dueOn: Day,
  ownerAccountId: Type.Optional(Uuid),
});

export const PlanPartsBody = Closed({
  planParts: Type.Array(OneOf(PlanParts), { maxItems: 4, uniqueItems: true }),
});

// ---------------------------------------------------------------------------------------------------
// Answers (docs/architecture.md, "The contract"): what each plan route sends on success.

const WrittenByValue = OneOf(['person', 'staff'] as const satisfies readonly WrittenBy[]);

/** Who wrote something: an entry, a comment, a lapse, a network member, a change. */
export const PlanAuthor = Closed({ id: Uuid, name: Type.String(), role: OneOf(Roles) });
export type PlanAuthor = Static<typeof PlanAuthor>;

export const PlanCommentView = Closed({
  id: Uuid,
  text: Type.String(),
  writtenBy: WrittenByValue,
  author: PlanAuthor,
  createdAt: Instant,
});
export type PlanCommentView = Static<typeof PlanCommentView>;

export const PlanEntryView = Closed({
  id: Uuid,
  section: OneOf(AllPlanSections),
  text: Type.String(),
  successMeans: OrNull(Type.String()),
  ownerAccountId: OrNull(Uuid),
  dueOn: OrNull(Day),
  evaluateOn: OrNull(Day),
  phone: OrNull(Type.String()),
  contactBeforeUse: OrNull(Type.Boolean()),
  networkMemberId: OrNull(Uuid),
  retired: Type.Boolean(),
  owner: OrNull(Closed({ id: Uuid, name: OrNull(Type.String()) })),
  writtenBy: WrittenByValue,
  author: PlanAuthor,
  createdAt: Instant,
  changedAt: Instant,
  comments: Type.Array(PlanCommentView),
});
export type PlanEntryView = Static<typeof PlanEntryView>;

export const PlanSignatureView = Closed({
  version: Type.Integer(),
  signedBy: Closed({ id: Uuid, name: Type.String() }),
  signedAt: Instant,
  current: Type.Boolean(),
});
export type PlanSignatureView = Static<typeof PlanSignatureView>;

/** A line of the change log: the entry's content before and after, as the log keeps it. */
export const PlanChangeView = Closed({
  version: Type.Integer(),
  action: OneOf(['add-entry', 'change-entry', 'retire-entry', 'set-review-date'] as const),
  entryId: OrNull(Uuid),
  before: Type.Unknown(),
  after: Type.Unknown(),
  changedBy: PlanAuthor,
  changedAt: Instant,
});
export type PlanChangeView = Static<typeof PlanChangeView>;

export const PlanWarningCodes = [
  'no-goal-in-own-words',
  'no-review-date',
  'review-due',
  'look-at-plan-together',
  'not-signed-since-change',
] as const satisfies readonly PlanWarning[];
export type PlanWarningCode = (typeof PlanWarningCodes)[number];

/** A person in the network with a role in the crisis plan, named beside its entries. */
export const CrisisContact = Closed({
  id: Uuid,
  name: Type.String(),
  relation: OneOf(NetworkRelations),
  crisisRole: Type.String(),
  phone: OrNull(Type.String()),
  contactConsent: Type.Boolean(),
});
export type CrisisContact = Static<typeof CrisisContact>;

export const EmergencyNumber = Closed({
  service: Type.String(),
  number: Type.String(),
  label: Type.String(),
});

/** One plan; every kind the caller may see is there, also before it has content (id null, version 0). */
export const PlanView = Closed({
  kind: PlanKind,
  id: OrNull(Uuid),
  version: Type.Integer(),
  reviewOn: OrNull(Day),
  changedAt: OrNull(Instant),
  entries: Type.Array(PlanEntryView),
  signatures: Type.Array(PlanSignatureView),
  history: Type.Array(PlanChangeView),
  warnings: Type.Array(OneOf(PlanWarningCodes)),
  /** The treatment plan only: the pathway's next evaluation. */
  nextEvaluationOn: Type.Optional(OrNull(Day)),
  /** The crisis plan only: the emergency numbers, always there, and the network's crisis contacts. */
  emergencyNumbers: Type.Optional(Type.Array(EmergencyNumber)),
  networkContacts: Type.Optional(Type.Array(CrisisContact)),
});
export type PlanView = Static<typeof PlanView>;

export const PlansAnswer = Closed({ today: Day, plans: Type.Array(PlanView) });
export type PlansAnswer = Static<typeof PlansAnswer>;

/** What is shown on saving an entry, never refused (docs/domain/care-principles.md, U-13). */
export const PlanSaveWarning = Type.Union([
  Closed({ code: Type.Literal('written-for-the-person') }),
  Closed({ code: Type.Literal('due-date-passed'), dueOn: Day }),
  Closed({
    code: Type.Literal('evaluation-after-pathway-evaluation'),
    evaluateOn: Day,
    pathwayEvaluation: Day,
  }),
]);
export type PlanSaveWarning = Static<typeof PlanSaveWarning>;

export const EntryCreated = Closed({
  id: Uuid,
  planVersion: Type.Integer(),
  evaluateOn: OrNull(Day),
  warnings: Type.Array(PlanSaveWarning),
});
export type EntryCreated = Static<typeof EntryCreated>;

export const EntryUpdated = Closed({ planVersion: Type.Integer(), warnings: Type.Array(PlanSaveWarning) });
export type EntryUpdated = Static<typeof EntryUpdated>;

export const PlanCommentCreated = Closed({ id: Uuid });
export type PlanCommentCreated = Static<typeof PlanCommentCreated>;

export const PlanSigned = Closed({ id: Uuid, version: Type.Integer() });
export type PlanSigned = Static<typeof PlanSigned>;

export const ReviewDateSet = Closed({ planVersion: Type.Integer(), reviewOn: OrNull(Day) });
export type ReviewDateSet = Static<typeof ReviewDateSet>;

export const PlanHistory = Closed({
  kind: PlanKind,
  version: Type.Integer(),
  history: Type.Array(PlanChangeView),
});
export type PlanHistory = Static<typeof PlanHistory>;

export const LapseView = Closed({
  id: Uuid,
  occurredOn: Day,
  situation: Type.String(),
  thoughtsFeelings: Type.String(),
  whatHappened: Type.String(),
  whatHelped: Type.String(),
  writtenBy: WrittenByValue,
  author: PlanAuthor,
  recordedAt: Instant,
});
export type LapseView = Static<typeof LapseView>;

export const LapseProgress = Closed({
  since: OrNull(Day),
  days: Type.Integer(),
  goodDays: Type.Integer(),
  lapses: Type.Integer(),
});

export const LapseList = Closed({
  today: Day,
  progress: LapseProgress,
  lookAtPlanTogether: Type.Boolean(),
  lapses: Type.Array(LapseView),
});
export type LapseList = Static<typeof LapseList>;

export const LapseCreated = Closed({
  id: Uuid,
  prompt: Type.Literal('look-at-plan-together'),
  /** Whether the specialist team that still holds the person was given a task about it (0018). */
  specialistNotified: Type.Boolean(),
});
export type LapseCreated = Static<typeof LapseCreated>;

export const NetworkMemberView = Closed({
  id: Uuid,
  name: Type.String(),
  relation: OneOf(NetworkRelations),
  quality: OneOf(NetworkQualities),
  crisisRole: Type.String(),
  phone: OrNull(Type.String()),
  contactConsent: Type.Boolean(),
  maySee: Type.Array(PlanKind),
  note: Type.String(),
  writtenBy: WrittenByValue,
  author: PlanAuthor,
  createdAt: Instant,
  changedAt: Instant,
});
export type NetworkMemberView = Static<typeof NetworkMemberView>;

export const NetworkList = Closed({ members: Type.Array(NetworkMemberView) });
export type NetworkList = Static<typeof NetworkList>;

export const NetworkMemberCreated = Closed({ id: Uuid });
export type NetworkMemberCreated = Static<typeof NetworkMemberCreated>;

export const NetworkMemberUpdated = Closed({ ok: Type.Literal(true) });
export type NetworkMemberUpdated = Static<typeof NetworkMemberUpdated>;

export const PromiseStatuses = [
  'open',
  'overdue',
  'kept',
  'withdrawn',
] as const satisfies readonly PromiseStatus[];

/** A promise made to the person: a task of kind "promise" (docs/decisions/0006-plans.md). */
export const PromiseView = Closed({
  id: Uuid,
  promise: Type.String(),
  owner: Closed({ id: Uuid, name: OrNull(Type.String()) }),
  promisedBy: Closed({ id: OrNull(Uuid), name: OrNull(Type.String()) }),
  madeOn: Day,
  dueOn: Day,
  status: OneOf(PromiseStatuses),
  completedOn: OrNull(Day),
  note: Type.String(),
});
export type PromiseView = Static<typeof PromiseView>;

export const PromiseList = Closed({ today: Day, promises: Type.Array(PromiseView) });
export type PromiseList = Static<typeof PromiseList>;

export const PromiseCreated = Closed({ id: Uuid, dueOn: Day });
export type PromiseCreated = Static<typeof PromiseCreated>;

export const PlanPartsSet = Closed({ id: Uuid, planParts: Type.Array(OneOf(PlanParts)) });
export type PlanPartsSet = Static<typeof PlanPartsSet>;

/** What the web sends (the request schemas' static types). */
export type EntryBody = Static<typeof EntryBody>;
export type EntryUpdateBody = Static<typeof EntryUpdateBody>;
export type LapseBody = Static<typeof LapseBody>;
export type MemberBody = Static<typeof MemberBody>;
export type MemberUpdateBody = Static<typeof MemberUpdateBody>;
export type PromiseBody = Static<typeof PromiseBody>;
