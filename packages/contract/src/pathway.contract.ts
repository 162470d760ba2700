import {
  DeadlineKinds,
  type DeadlineStatus,
  Dimensions,
  DischargeItems,
  EndOutcomes,
  EpisodeStates,
  EventKinds,
  HelpNeeded,
  type ItemAnswer,
  Levels,
  LivingConditionDomains,
  type Match,
  PathwayCodes,
  PlanParts,
  Ratings,
  RecordableEventKinds,
  ReferralChecklistItems,
  ReferralOutcomes,
  ReferrerKinds,
  Roles,
  type RuleId,
  SelfAdmissionAskers,
  SelfAdmissionPlacements,
  SelfAdmissionWarnings,
  type SettingClass,
  Settings,
  type Severity as SeverityLevel,
  TaskKinds,
  TaskOutcomes,
  type TaskStatus,
} from '@bedring/domain';
import { type Static, type TLiteral, type TSchema, type TUnion, Type } from '@sinclair/typebox';
import { Closed, Day, Instant, Nullable, OneOf, Text, Uuid } from './common.contract.ts';

/** Route schemas of the pathway; every enum comes from the domain, so one name holds in every layer. */
const ShortText = Text(200);

export const EpisodeParams = Closed({ personId: Uuid, episodeId: Uuid });
export const ReferralParams = Closed({ personId: Uuid, referralId: Uuid });
export const TaskParams = Closed({ taskId: Uuid });

export const Genders = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof Genders)[number];
const ItemAnswers = ['yes', 'no', 'not-relevant'] as const satisfies readonly ItemAnswer[];

export const ReferralBody = Closed({
  person: Closed({
    nationalId: Type.String({ pattern: '^[0-9]{11}$' }),
    givenName: Type.Intersect([ShortText, Type.String({ minLength: 1 })]),
    familyName: Type.Intersect([ShortText, Type.String({ minLength: 1 })]),
    birthDate: Day,
    gender: OneOf(Genders),
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
export type ReferralBody = Static<typeof ReferralBody>;

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
          Closed({ answer: OneOf(ItemAnswers), note: Type.Optional(Text(1000)) }),
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
  /**
   * What the handover shares (docs/decisions/0018-handover-and-self-admission.md): the parts of the plans its
   * consent opens to the municipality, set in the same step, and the journal notes that go with it.
   */
  planParts: Type.Optional(Type.Array(OneOf(PlanParts), { maxItems: 4, uniqueItems: true })),
  journalNoteIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
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

// ---- Answers (docs/architecture.md, "The contract"): what each pathway route sends on success. ----

/** An object with one property per key of a domain list, all of one shape (ratings, checklist items). */
const EachOf = <K extends string, T extends TSchema>(keys: readonly K[], value: T) =>
  Closed(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>);

// The domain states these as unions of words, not lists; the lists here are checked against them.
const Matches = [
  'matched',
  'over-matched',
  'under-matched',
  'different-track',
] as const satisfies readonly Match[];
const RuleIds = [
  'withdrawal-needs-detox',
  'opioids-lar-assessment',
  'several-severe-long-inpatient',
  'one-severe-short-inpatient',
  'moderate-or-low-readiness-day',
  'lowest-effective-outpatient',
] as const satisfies readonly RuleId[];
const DeadlineStatuses = [
  'met',
  'met-late',
  'missed',
  'closed',
  'open',
  'due-soon',
  'overdue',
] as const satisfies readonly DeadlineStatus[];
const TaskStatuses = ['open', 'escalated', 'completed'] as const satisfies readonly TaskStatus[];
/** An open deadline or task: the statuses of what is not done yet. */
export const BoardStatuses = ['overdue', 'due-soon', 'open'] as const satisfies readonly DeadlineStatus[];
export type BoardStatus = (typeof BoardStatuses)[number];
const OpenTaskStatuses = ['open', 'escalated'] as const satisfies readonly TaskStatus[];
const SettingClasses = ['outpatient', 'inpatient'] as const satisfies readonly SettingClass[];

/** A staff member named by id; the name is null when the directory no longer has them. */
export const NamedStaff = Closed({ id: Uuid, name: Nullable(Type.String()) });
export type NamedStaff = Static<typeof NamedStaff>;
export const PersonName = Closed({ id: Uuid, givenName: Type.String(), familyName: Type.String() });
export type PersonName = Static<typeof PersonName>;

export const Completeness = Closed({
  done: Type.Integer(),
  total: Type.Integer(),
  missing: Type.Array(OneOf(ReferralChecklistItems)),
});
const Checklist = Type.Partial(EachOf(ReferralChecklistItems, Type.Boolean()));

export const LateWarning = Closed({
  code: Type.Literal('deadline-missed'),
  deadline: OneOf(DeadlineKinds),
  dueOn: Day,
  daysLate: Type.Integer(),
});
export const NotReadyWarning = Closed({
  code: Type.Literal('discharge-not-ready'),
  gaps: Type.Array(OneOf(DischargeItems)),
});
/** A warning, never a block: the event is saved (docs/domain/care-principles.md, U-13). */
export const PathwayWarning = Type.Union([LateWarning, NotReadyWarning]);
export type PathwayWarning = Static<typeof PathwayWarning>;

const SeverityAnswer = Type.Union([0, 1, 2, 3, 4].map((n) => Type.Literal(n))) as unknown as TUnion<
  TLiteral<SeverityLevel>[]
>;
export const DimensionRatingsAnswer = EachOf(
  Dimensions,
  Closed({ now: SeverityAnswer, history: Nullable(SeverityAnswer), rationale: Type.String() }),
);
export const RecommendationAnswer = Closed({
  level: OneOf(Levels),
  rule: OneOf(RuleIds),
  drivers: Type.Array(OneOf(Dimensions)),
});
export const ReadinessAnswer = Closed({
  ready: Type.Boolean(),
  gaps: Type.Array(OneOf(DischargeItems)),
  answered: Type.Integer(),
  total: Type.Integer(),
});
const DischargeChecklistAnswer = Type.Partial(
  EachOf(DischargeItems, Closed({ answer: OneOf(ItemAnswers), note: Type.String() })),
);

// GET /api/persons/:personId/pathway: every episode on the life-long timeline (pathway.repository.ts).
export const ReferralView = Closed({
  id: Uuid,
  referrer: Closed({ kind: OneOf(ReferrerKinds), name: Type.String(), organisation: Type.String() }),
  receivedOn: Day,
  reason: Type.String(),
  checklist: Checklist,
  completeness: Completeness,
  coordinator: Closed({ name: Type.String(), contact: Type.String() }),
  assessment: Nullable(
    Closed({
      assessedOn: Day,
      outcome: OneOf(ReferralOutcomes),
      treatmentStartDeadline: Nullable(Day),
      note: Type.String(),
      letterToPersonOn: Nullable(Day),
      letterToReferrerOn: Nullable(Day),
      assessedBy: Nullable(Type.String()),
    }),
  ),
});
export type ReferralView = Static<typeof ReferralView>;

export const EventView = Closed({
  id: Uuid,
  kind: OneOf(EventKinds),
  date: Day,
  setting: Nullable(OneOf(Settings)),
  withPerson: Nullable(Type.Boolean()),
  feedbackToolUsed: Nullable(Type.Boolean()),
  outcome: Nullable(OneOf(EndOutcomes)),
  helpNeeded: Nullable(OneOf(HelpNeeded)),
  codes: Type.Array(OneOf(PathwayCodes)),
  note: Type.String(),
  warnings: Type.Array(PathwayWarning),
  reason: Type.String(),
  recordedAt: Instant,
  recordedBy: Closed({ id: Uuid, name: Type.String() }),
});
export type EventView = Static<typeof EventView>;

export const RoundView = Closed({ setting: OneOf(Settings), from: Day, to: Nullable(Day) });
export type RoundView = Static<typeof RoundView>;

const deadlineFacts = {
  kind: OneOf(DeadlineKinds),
  startsOn: Day,
  dueOn: Day,
  metOn: Nullable(Day),
  closedOn: Nullable(Day),
  settingClass: Nullable(OneOf(SettingClasses)),
  limitDays: Nullable(Type.Integer()),
};
export const DeadlineView = Closed({ ...deadlineFacts, status: OneOf(DeadlineStatuses) });
export type DeadlineView = Static<typeof DeadlineView>;

export const AssessmentView = Closed({
  id: Uuid,
  assessedOn: Day,
  personGoals: Type.String(),
  personResources: Type.String(),
  ratings: DimensionRatingsAnswer,
  opioidDependence: Type.Boolean(),
  recommendation: RecommendationAnswer,
  chosenLevel: OneOf(Levels),
  match: OneOf(Matches),
  matchReason: Type.String(),
  assessedBy: Closed({ id: Uuid, name: Type.String() }),
  change: Nullable(
    Type.Array(
      Closed({
        dimension: OneOf(Dimensions),
        before: SeverityAnswer,
        after: SeverityAnswer,
        change: Type.Integer(),
      }),
    ),
  ),
});
export type AssessmentView = Static<typeof AssessmentView>;

export const ChecklistView = Closed({
  items: DischargeChecklistAnswer,
  helpNeeded: Nullable(OneOf(HelpNeeded)),
  readiness: ReadinessAnswer,
  updatedAt: Instant,
  updatedBy: Type.String(),
});
export type ChecklistView = Static<typeof ChecklistView>;

export const LivingConditionsBeside = Closed({
  domain: OneOf(LivingConditionDomains),
  atStart: Nullable(OneOf(Ratings)),
  atEnd: Nullable(OneOf(Ratings)),
});
export type LivingConditionsBeside = Static<typeof LivingConditionsBeside>;

/** What the municipality received with the handover (handover.routes.ts, handoverSnapshot). */
export const HandoverSnapshot = Closed({
  livingConditions: Type.Array(
    Closed({
      domain: OneOf(LivingConditionDomains),
      rating: OneOf(Ratings),
      note: Type.String(),
      ratedAt: Instant,
      ratedBy: Type.String(),
    }),
  ),
  assessment: Nullable(
    Closed({
      assessedOn: Day,
      ratings: DimensionRatingsAnswer,
      level: OneOf(Levels),
      personGoals: Type.String(),
      assessedBy: Type.String(),
    }),
  ),
});

export const HandoverView = Closed({
  id: Uuid,
  municipalWorker: NamedStaff,
  summary: Type.String(),
  followUpPlan: Type.String(),
  snapshot: HandoverSnapshot,
  handedOverOn: Day,
  createdBy: Type.String(),
  firstContactOn: Nullable(Day),
  /** The plan parts and journal notes the handover named (0018). */
  planParts: Type.Array(OneOf(PlanParts)),
  notes: Type.Array(Closed({ id: Uuid, contactAt: Instant, authorName: Type.String(), text: Type.String() })),
});
export type HandoverView = Static<typeof HandoverView>;

export const TaskView = Closed({
  id: Uuid,
  kind: OneOf(TaskKinds),
  assignee: NamedStaff,
  createdOn: Day,
  escalateOn: Day,
  completedOn: Nullable(Day),
  outcome: Nullable(OneOf(TaskOutcomes)),
  note: Type.String(),
  completedBy: Nullable(Type.String()),
  status: OneOf(TaskStatuses),
});
export type TaskView = Static<typeof TaskView>;

export const EpisodeView = Closed({
  id: Uuid,
  unit: Closed({ id: Uuid, name: Type.String() }),
  state: OneOf(EpisodeStates),
  activeSetting: Nullable(OneOf(Settings)),
  plannedSetting: Nullable(OneOf(Settings)),
  openedOn: Day,
  endedOn: Nullable(Day),
  endOutcome: Nullable(OneOf(EndOutcomes)),
  previousEpisodeId: Nullable(Uuid),
  responsible: Nullable(NamedStaff),
  possibleEvents: Type.Array(OneOf(RecordableEventKinds)),
  referral: Nullable(ReferralView),
  events: Type.Array(EventView),
  rounds: Type.Array(RoundView),
  deadlines: Type.Array(DeadlineView),
  assessments: Type.Array(AssessmentView),
  dischargeChecklist: Nullable(ChecklistView),
  livingConditions: Type.Array(LivingConditionsBeside),
  handover: Nullable(HandoverView),
  tasks: Type.Array(TaskView),
});
export type EpisodeView = Static<typeof EpisodeView>;

export const PathwayAnswer = Closed({ today: Day, episodes: Type.Array(EpisodeView) });
export type PathwayAnswer = Static<typeof PathwayAnswer>;

// POST /api/referrals and the referral's assessment.
export const ReferralCreated = Closed({
  personId: Uuid,
  referralId: Uuid,
  episodeId: Uuid,
  personExisted: Type.Boolean(),
  completeness: Completeness,
});
export type ReferralCreated = Static<typeof ReferralCreated>;

export const ReferralAssessed = Closed({ state: OneOf(EpisodeStates), warnings: Type.Array(LateWarning) });
export type ReferralAssessed = Static<typeof ReferralAssessed>;

/** POST …/events: the new state, the warnings (the event is saved) and a task, if one was made. */
export const EventResult = Closed({
  state: OneOf(EpisodeStates),
  warnings: Type.Array(PathwayWarning),
  taskId: Nullable(Uuid),
});
export type EventResult = Static<typeof EventResult>;

export const AssessmentCreated = Closed({
  id: Uuid,
  recommendation: RecommendationAnswer,
  chosenLevel: OneOf(Levels),
  match: OneOf(Matches),
});
export type AssessmentCreated = Static<typeof AssessmentCreated>;

export const ChecklistSaved = Closed({ readiness: ReadinessAnswer });
export type ChecklistSaved = Static<typeof ChecklistSaved>;

export const HandoverCreated = Closed({
  id: Uuid,
  taskId: Uuid,
  consentId: Uuid,
  planParts: Type.Array(OneOf(PlanParts)),
});
export type HandoverCreated = Static<typeof HandoverCreated>;

export const ResponsibleBody = Closed({ accountId: Uuid });
export const ResponsibleSet = Closed({ responsible: Closed({ id: Uuid, name: Type.String() }) });
export type ResponsibleSet = Static<typeof ResponsibleSet>;

// GET /api/tasks (the worklist) and completing a task.
export const Task = Closed({
  id: Uuid,
  kind: OneOf(TaskKinds),
  person: PersonName,
  organisationName: Type.String(),
  episodeId: Uuid,
  mine: Type.Boolean(),
  assignee: NamedStaff,
  createdOn: Day,
  escalateOn: Day,
  status: OneOf(OpenTaskStatuses),
  promise: Nullable(Type.String()),
});
export type Task = Static<typeof Task>;
export const TaskList = Closed({ today: Day, tasks: Type.Array(Task) });
export type TaskList = Static<typeof TaskList>;

export const TaskCompleted = Closed({
  status: Type.Literal('completed'),
  outcome: OneOf(TaskOutcomes),
  episodeId: Nullable(Uuid),
});
export type TaskCompleted = Static<typeof TaskCompleted>;

// GET /api/deadlines: the deadline board.
export const BoardDeadline = Closed({
  ...deadlineFacts,
  metOn: Type.Null(),
  closedOn: Type.Null(),
  status: OneOf(BoardStatuses),
  episodeId: Uuid,
  person: PersonName,
  responsible: Nullable(NamedStaff),
});
export type BoardDeadline = Static<typeof BoardDeadline>;
export const DeadlineBoard = Closed({
  today: Day,
  unitId: Nullable(Uuid),
  accountId: Nullable(Uuid),
  counts: Closed({ open: Type.Integer(), overdue: Type.Integer(), dueSoon: Type.Integer() }),
  deadlines: Type.Array(BoardDeadline),
});
export type DeadlineBoard = Static<typeof DeadlineBoard>;

// GET /api/deadlines/:episodeId: what a unit leader may see of a row on the board (docs/decisions/0016-worklists.md):
// the deadlines, the episode's state and its open tasks, not the record.
export const BoardEpisodeParams = Closed({ episodeId: Uuid });
export const BoardEpisode = Closed({
  today: Day,
  episodeId: Uuid,
  person: PersonName,
  unit: Closed({ id: Uuid, name: Type.String() }),
  state: OneOf(EpisodeStates),
  openedOn: Day,
  responsible: Nullable(NamedStaff),
  deadlines: Type.Array(BoardDeadline),
  tasks: Type.Array(
    Closed({
      id: Uuid,
      kind: OneOf(TaskKinds),
      createdOn: Day,
      escalateOn: Day,
      status: OneOf(OpenTaskStatuses),
      assignee: NamedStaff,
    }),
  ),
});
export type BoardEpisode = Static<typeof BoardEpisode>;

// GET /api/units and /api/staff: the directory the pathway forms choose from.
export const StaffQuery = Closed({ role: OneOf(['leader', 'clinician', 'milieu', 'municipal', 'peer']) });
export const Unit = Closed({ id: Uuid, name: Type.String(), kind: Type.String() });
export type Unit = Static<typeof Unit>;
export const UnitList = Closed({ units: Type.Array(Unit) });
export type UnitList = Static<typeof UnitList>;
export const StaffMember = Closed({
  id: Uuid,
  name: Type.String(),
  role: OneOf(Roles),
  organisationId: Uuid,
  organisationName: Type.String(),
});
export type StaffMember = Static<typeof StaffMember>;
export const StaffList = Closed({ staff: Type.Array(StaffMember) });
export type StaffList = Static<typeof StaffList>;

// Brukerstyrt innleggelse — self-admission (docs/decisions/0018-handover-and-self-admission.md).
const Days = (max: number) => Type.Integer({ minimum: 1, maximum: max });
const Said = (max: number) => Type.Intersect([Text(max), Type.String({ minLength: 1, pattern: '\\S' })]);

/** POST /api/persons/:personId/self-admission-contracts: the contract, recorded with the person's plan. */
export const SelfAdmissionContractBody = Closed({
  unitId: Uuid,
  daysPerStay: Days(30),
  staysPerYear: Days(52),
  howToAsk: Said(2000),
  whoToCall: Said(500),
  validFrom: Day,
  validTo: Type.Optional(Day),
});
export type SelfAdmissionContractBody = Static<typeof SelfAdmissionContractBody>;
export const SelfAdmissionContractCreated = Closed({ id: Uuid });
export type SelfAdmissionContractCreated = Static<typeof SelfAdmissionContractCreated>;

export const SelfAdmissionContractParams = Closed({ personId: Uuid, contractId: Uuid });

/**
 * POST …/self-admission-contracts/:contractId/end: staff who may record a contract end it from the day
 * given (not before it began, not in the future); from that day it is no longer in force.
 */
export const SelfAdmissionEndBody = Closed({ endedOn: Day });
export type SelfAdmissionEndBody = Static<typeof SelfAdmissionEndBody>;
export const SelfAdmissionEnded = Closed({ id: Uuid, endedOn: Day });
export type SelfAdmissionEnded = Static<typeof SelfAdmissionEnded>;

/** POST …/self-admission-contracts/:contractId/stays: the person (or a helper for them) uses the contract. */
export const SelfAdmissionBody = Closed({
  admittedOn: Day,
  plannedDays: Days(365),
  askedBy: OneOf(SelfAdmissionAskers),
  note: Type.Optional(Text(2000)),
});
export type SelfAdmissionBody = Static<typeof SelfAdmissionBody>;
export const SelfAdmissionCreated = Closed({
  id: Uuid,
  episodeId: Uuid,
  placement: OneOf(SelfAdmissionPlacements),
  warnings: Type.Array(OneOf(SelfAdmissionWarnings)),
});
export type SelfAdmissionCreated = Static<typeof SelfAdmissionCreated>;

export const SelfAdmissionStay = Closed({
  id: Uuid,
  episodeId: Uuid,
  placement: OneOf(SelfAdmissionPlacements),
  askedBy: OneOf(SelfAdmissionAskers),
  admittedOn: Day,
  plannedDays: Type.Integer(),
  warnings: Type.Array(OneOf(SelfAdmissionWarnings)),
  note: Type.String(),
  recordedBy: Type.String(),
});
export const SelfAdmissionContractView = Closed({
  id: Uuid,
  unit: Closed({ id: Uuid, name: Type.String() }),
  daysPerStay: Type.Integer(),
  staysPerYear: Type.Integer(),
  howToAsk: Type.String(),
  whoToCall: Type.String(),
  validFrom: Day,
  validTo: Nullable(Day),
  endedOn: Nullable(Day),
  inForce: Type.Boolean(),
  /** Stays begun in the 365 days up to today: the year "stays per year" counts (self-admission.rules.ts). */
  staysInYear: Type.Integer(),
  createdBy: Type.String(),
  stays: Type.Array(SelfAdmissionStay),
});
export type SelfAdmissionContractView = Static<typeof SelfAdmissionContractView>;

/** GET /api/persons/:personId/self-admission-contracts: the person's contracts and the stays under each. */
export const SelfAdmissionContractList = Closed({
  today: Day,
  contracts: Type.Array(SelfAdmissionContractView),
});
export type SelfAdmissionContractList = Static<typeof SelfAdmissionContractList>;

/** GET /api/self-admissions: the unit's numbers — stays under self-admission contracts in a period. */
export const SelfAdmissionNumbersQuery = Closed({ unitId: Type.Optional(Uuid), from: Day, to: Day });
export type SelfAdmissionNumbersQuery = Static<typeof SelfAdmissionNumbersQuery>;
export const SelfAdmissionNumbers = Closed({
  unitId: Uuid,
  from: Day,
  to: Day,
  stays: Type.Integer(),
  persons: Type.Integer(),
  newRounds: Type.Integer(),
  linkedEpisodes: Type.Integer(),
  plannedDays: Type.Integer(),
  /** The unit's contracts in force on at least one day of the period. */
  contracts: Type.Integer(),
});
export type SelfAdmissionNumbers = Static<typeof SelfAdmissionNumbers>;
