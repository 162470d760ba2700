import { AllPlanSections, NetworkQualities, NetworkRelations, PlanKinds, PlanParts } from '@bedring/domain';
import { type TSchema, Type } from '@sinclair/typebox';
import { Closed, Day, OneOf, Text, Uuid } from './common.contract.ts';

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
