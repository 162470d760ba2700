import {
  Dimensions,
  DischargeItems,
  EndOutcomes,
  HelpNeeded,
  Levels,
  RecordableEventKinds,
  ReferralChecklistItems,
  ReferralOutcomes,
  ReferrerKinds,
  Settings,
  TaskOutcomes,
} from '@bedring/domain';
import { Type } from '@sinclair/typebox';
import { Closed, Day, OneOf, Text, Uuid } from './common.contract.ts';

/** Route schemas of the pathway; every enum comes from the domain, so one name holds in every layer. */
const ShortText = Text(200);

export const EpisodeParams = Closed({ personId: Uuid, episodeId: Uuid });
export const ReferralParams = Closed({ personId: Uuid, referralId: Uuid });
export const TaskParams = Closed({ taskId: Uuid });

export const ReferralBody = Closed({
  person: Closed({
    nationalId: Type.String({ pattern: '^[0-9]{11}$' }),
    givenName: Type.Intersect([ShortText, Type.String({ minLength: 1 })]),
    familyName: Type.Intersect([ShortText, Type.String({ minLength: 1 })]),
    birthDate: Day,
    gender: OneOf(['female', 'male', 'other', 'unknown']),
  }),
  unitId: Uuid,
  referrer: Closed({
    kind: OneOf(ReferrerKinds),
    name: Type.Intersect([ShortText, Type.String({ minLength: 1 })]),
    organisation: Type.Optional(ShortText),
  }),
  receivedOn: Day,
  reason: Type.Optional(Text(4000)),
  checklist: Type.Optional(
    Type.Partial(Closed(Object.fromEntries(ReferralChecklistItems.map((i) => [i, Type.Boolean()])))),
  ),
  coordinator: Type.Optional(Closed({ name: ShortText, contact: Type.Optional(ShortText) })),
});

export const ReferralAssessmentBody = Closed({
  assessedOn: Day,
  outcome: OneOf(ReferralOutcomes),
  treatmentStartDeadline: Type.Optional(Day),
  note: Type.Optional(Text(4000)),
  /** Why, when a rule warned (the assessment came after its limit). */
  reason: Type.Optional(Text(2000)),
  letterToPersonOn: Type.Optional(Day),
  letterToReferrerOn: Type.Optional(Day),
});

export const EventBody = Closed({
  kind: OneOf(RecordableEventKinds),
  date: Day,
  setting: Type.Optional(OneOf(Settings)),
  withPerson: Type.Optional(Type.Boolean()),
  feedbackToolUsed: Type.Optional(Type.Boolean()),
  outcome: Type.Optional(OneOf(EndOutcomes)),
  helpNeeded: Type.Optional(OneOf(HelpNeeded)),
  note: Type.Optional(Text(2000)),
  reason: Type.Optional(Text(2000)),
});

const Severity = Type.Integer({ minimum: 0, maximum: 4 });
export const AssessmentBody = Closed({
  assessedOn: Day,
  personGoals: Type.Intersect([Text(4000), Type.String({ minLength: 1 })]),
  personResources: Type.Optional(Text(4000)),
  ratings: Closed(
    Object.fromEntries(
      Dimensions.map((d) => [
        d,
        Closed({
          now: Severity,
          history: Type.Optional(Severity),
          rationale: Type.Intersect([Text(2000), Type.String({ minLength: 1 })]),
        }),
      ]),
    ),
  ),
  opioidDependence: Type.Optional(Type.Boolean()),
  chosenLevel: OneOf(Levels),
  matchReason: Type.Optional(Text(2000)),
});

export const ChecklistBody = Closed({
  items: Type.Partial(
    Closed(
      Object.fromEntries(
        DischargeItems.map((i) => [
          i,
          Closed({ answer: OneOf(['yes', 'no', 'not-relevant']), note: Type.Optional(Text(1000)) }),
        ]),
      ),
    ),
  ),
  helpNeeded: Type.Optional(OneOf(HelpNeeded)),
});

export const HandoverBody = Closed({
  municipalAccountId: Uuid,
  handedOverOn: Day,
  summary: Type.Intersect([Text(8000), Type.String({ minLength: 1 })]),
  followUpPlan: Type.Intersect([Text(8000), Type.String({ minLength: 1 })]),
  consent: Closed({ givenOn: Day, expiresOn: Type.Optional(Day) }),
});

export const TaskCompleteBody = Closed({
  outcome: OneOf(TaskOutcomes),
  date: Day,
  note: Type.Optional(Text(2000)),
});

const Count = Type.String({ pattern: '^[0-9]{1,4}$' });
export const BoardQuery = Closed({
  unitId: Type.Optional(Uuid),
  accountId: Type.Optional(Uuid),
  status: Type.Optional(OneOf(['overdue', 'due-soon', 'open'])),
  limit: Type.Optional(Count),
  offset: Type.Optional(Count),
});
