import {
  AllPlanSections,
  CRAVING_MAX,
  FREE_TEXT_MAX,
  Moods,
  NOTE_MAX,
  PlanKinds,
  SignalKinds,
  SignalRuleKinds,
  Sleeps,
  UseKinds,
} from '@bedring/domain';
import { type Static, Type } from '@sinclair/typebox';
import { Closed, Day, Instant, Nullable, OneOf, Text, Uuid } from './common.contract.ts';

export const NewCheckin = Type.Object(
  {
    id: Uuid,
    madeAt: Type.String({ format: 'date-time' }),
    mood: Type.Integer({ minimum: 1, maximum: Moods.length }),
    craving: Type.Integer({ minimum: 0, maximum: CRAVING_MAX }),
    sleep: Type.Integer({ minimum: 1, maximum: Sleeps.length }),
    use: Type.Union([Type.Literal('none'), Type.Literal('lapse'), Type.Literal('use')]),
    substance: Type.Optional(Type.Union([Text(FREE_TEXT_MAX), Type.Null()])),
    amount: Type.Optional(Type.Union([Text(FREE_TEXT_MAX), Type.Null()])),
    riskySituation: Type.Boolean(),
    warningSigns: Type.Array(Uuid, { maxItems: 50 }),
    note: Type.Optional(Type.Union([Text(NOTE_MAX), Type.Null()])),
  },
  { additionalProperties: false },
);
export type NewCheckin = Static<typeof NewCheckin>;

export const CheckinQuery = Type.Object(
  // Query strings are strings (no type coercion): 1–366 days.
  { days: Type.Optional(Type.String({ pattern: '^(36[0-6]|3[0-5][0-9]|[12]?[0-9]?[0-9])$' })) },
  { additionalProperties: false },
);

export const Reminder = Type.Object(
  { remindAt: Type.Union([Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }), Type.Null()]) },
  { additionalProperties: false },
);

export const SignalParams = Type.Object({ signalId: Uuid }, { additionalProperties: false });
export const UnitParams = Type.Object({ unitId: Uuid }, { additionalProperties: false });

export const AcknowledgeSignal = Type.Object({ note: Text(2000) }, { additionalProperties: false });

export const HelpRequest = Type.Object(
  {
    // Made on the device: a request sent again after being offline is the same request.
    id: Uuid,
    madeAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const SignalRules = Type.Object(
  { rules: Type.Array(Type.Unknown(), { maxItems: 20 }) },
  { additionalProperties: false },
);

// The answers (docs/architecture.md, "The contract"; docs/decisions/0007-checkins-and-signals.md).

/** A warning sign from the person's own plans, to tick in the check-in. */
export const CheckinWarningSign = Closed({ id: Uuid, text: Type.String() });
export type CheckinWarningSign = Static<typeof CheckinWarningSign>;

/** An entry of the person's plans that a signal points to (or a warning sign to tick). */
export const PlanStep = Closed({
  id: Uuid,
  kind: OneOf(PlanKinds),
  section: OneOf(AllPlanSections),
  text: Type.String(),
  phone: Nullable(Type.String()),
});
export type PlanStep = Static<typeof PlanStep>;

const findingProps = {
  kind: OneOf(SignalKinds),
  key: Type.String(),
  checkinId: Nullable(Uuid),
  /** An i18n key and its parameters: the signal in words (domain signal-text.ts). */
  explanation: Closed({
    key: Type.String(),
    params: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])),
  }),
};
/** What a signal rule found, as stored with the signal. */
export const SignalFindingBody = Closed(findingProps);
export type SignalFindingBody = Static<typeof SignalFindingBody>;

/** GET /api/persons/:personId/checkin: what the form needs. */
export const CheckinForm = Closed({
  questionnaireId: Type.String(),
  today: Day,
  checkedInToday: Type.Integer(),
  warningSigns: Type.Array(CheckinWarningSign),
  remindAt: Nullable(Type.String()),
});
export type CheckinForm = Static<typeof CheckinForm>;

/** POST /api/persons/:personId/checkins: 201 when stored, 200 when it had arrived before. */
export const StoredCheckin = Closed({
  id: Uuid,
  day: Day,
  created: Type.Boolean(),
  signals: Type.Array(Closed({ ...findingProps, steps: Type.Array(PlanStep) })),
});
export type StoredCheckin = Static<typeof StoredCheckin>;
export const CheckinStored = Closed({ checkin: StoredCheckin });
export type CheckinStored = Static<typeof CheckinStored>;

export const CheckinView = Closed({
  id: Uuid,
  day: Day,
  mood: Type.Integer(),
  craving: Type.Integer(),
  sleep: Type.Integer(),
  use: OneOf(UseKinds),
  substance: Nullable(Type.String()),
  amount: Nullable(Type.String()),
  riskySituation: Type.Boolean(),
  warningSigns: Type.Array(Uuid),
  note: Type.String(),
  madeAt: Instant,
});
export type CheckinView = Static<typeof CheckinView>;

/** Progress without shame: days counted up, lapses as events on their day. */
export const CheckinProgress = Closed({
  days: Type.Array(Closed({ day: Day, checkedIn: Type.Boolean(), lapse: Type.Boolean() })),
  checkinDays: Type.Integer(),
  lapseDays: Type.Integer(),
  totalCheckinDays: Type.Integer(),
  contacts: Type.Integer(),
  goals: Nullable(
    Closed({
      at: Instant,
      goals: Type.Array(Closed({ text: Type.String(), progress: Nullable(Type.Number()) })),
    }),
  ),
});
export type CheckinProgress = Static<typeof CheckinProgress>;

/** GET /api/persons/:personId/checkins: the check-ins, the words of the signs ticked, and progress. */
export const CheckinList = Closed({
  checkins: Type.Array(CheckinView),
  signs: Type.Record(Type.String(), Type.String()),
  progress: CheckinProgress,
});
export type CheckinList = Static<typeof CheckinList>;

export const ReminderSet = Closed({ remindAt: Nullable(Type.String()) });
export type ReminderSet = Static<typeof ReminderSet>;

/** GET /api/signals: the open signals of the persons the user follows (a leader: their unit too). */
export const WorklistSignal = Closed({
  id: Uuid,
  person: Closed({ id: Uuid, givenName: Type.String(), familyName: Type.String() }),
  kind: OneOf(SignalKinds),
  finding: SignalFindingBody,
  raisedAt: Instant,
});
export type WorklistSignal = Static<typeof WorklistSignal>;
export const SignalWorklist = Closed({ signals: Type.Array(WorklistSignal) });
export type SignalWorklist = Static<typeof SignalWorklist>;

/** GET /api/persons/:personId/signals: the person's signals; the person sees the steps that fit. */
export const OwnSignal = Closed({
  id: Uuid,
  kind: OneOf(SignalKinds),
  finding: SignalFindingBody,
  raisedAt: Instant,
  steps: Type.Array(PlanStep),
  acknowledged: Nullable(
    Closed({ at: Instant, byName: Nullable(Type.String()), note: Nullable(Type.String()) }),
  ),
});
export type OwnSignal = Static<typeof OwnSignal>;
export const PersonSignals = Closed({ signals: Type.Array(OwnSignal) });
export type PersonSignals = Static<typeof PersonSignals>;

export const SignalAcknowledged = Closed({ status: Type.Literal('acknowledged') });
export type SignalAcknowledged = Static<typeof SignalAcknowledged>;

/** POST /api/units/:unitId/signal-sweep: how many persons were looked at, and how many signals raised. */
export const SignalSweepDone = Closed({ persons: Type.Integer(), raised: Type.Integer() });
export type SignalSweepDone = Static<typeof SignalSweepDone>;

export const SignalRuleEntry = Closed({
  kind: OneOf(SignalRuleKinds),
  enabled: Type.Boolean(),
  threshold: Type.Optional(Type.Number()),
  days: Type.Optional(Type.Number()),
  regular: Type.Optional(Type.Number()),
  silentDays: Type.Optional(Type.Number()),
});
export type SignalRuleEntry = Static<typeof SignalRuleEntry>;
/** GET /api/admin/signal-rules: the organisation's rules, and the defaults beside them. */
export const SignalRuleSettings = Closed({
  rules: Type.Array(SignalRuleEntry),
  defaults: Type.Array(SignalRuleEntry),
});
export type SignalRuleSettings = Static<typeof SignalRuleSettings>;
export const SignalRulesSaved = Closed({ rules: Type.Array(SignalRuleEntry) });
export type SignalRulesSaved = Static<typeof SignalRulesSaved>;

/** POST /api/persons/:personId/help-requests: 201 when stored, 200 when sent again. */
export const HelpAnswer = Closed({
  created: Type.Boolean(),
  notified: Type.Integer(),
  steps: Type.Array(PlanStep),
  emergencyNumbers: Type.Array(
    Closed({ service: Type.String(), number: Type.String(), label: Type.String() }),
  ),
});
export type HelpAnswer = Static<typeof HelpAnswer>;

/**
 * GET /api/help-requests/open: the open help requests of the persons the user follows (a leader: their
 * unit too), oldest first, for the pinned block on the start page and Oppgaver
 * (docs/decisions/0015-help-requests.md).
 */
export const OpenHelpRequest = Closed({
  id: Uuid,
  person: Closed({ id: Uuid, givenName: Type.String(), familyName: Type.String() }),
  raisedAt: Instant,
  escalatedAt: Nullable(Instant),
});
export type OpenHelpRequest = Static<typeof OpenHelpRequest>;
export const OpenHelpRequests = Closed({ helpRequests: Type.Array(OpenHelpRequest) });
export type OpenHelpRequests = Static<typeof OpenHelpRequests>;

/** Who took a help request ("Jeg tar den"), and when. */
export const HelpTaken = Closed({ at: Instant, byName: Nullable(Type.String()) });
export type HelpTaken = Static<typeof HelpTaken>;

/** POST /api/help-requests/:signalId/take: taken by the caller, now. */
export const HelpRequestTaken = Closed({ id: Uuid, taken: HelpTaken });
export type HelpRequestTaken = Static<typeof HelpRequestTaken>;

/** GET /api/persons/:personId/help-requests: the person's latest help requests and who took each. */
export const OwnHelpRequest = Closed({
  id: Uuid,
  raisedAt: Instant,
  taken: Nullable(HelpTaken),
});
export type OwnHelpRequest = Static<typeof OwnHelpRequest>;
export const OwnHelpRequests = Closed({ helpRequests: Type.Array(OwnHelpRequest) });
export type OwnHelpRequests = Static<typeof OwnHelpRequests>;
