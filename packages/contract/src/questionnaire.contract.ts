import {
  AlertRuleKinds,
  Answerers,
  BandSexes,
  JournalKinds,
  ScoreDirections,
  ScoreLevels,
  TranslationStatuses,
  Triggers,
} from '@bedring/domain';
import type { Questionnaire, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Closed, Day, Instant, Nullable, OneOf, Text, Uuid } from './common.contract.ts';

/** An instrument's id: the Questionnaire.id (FHIR id syntax). */
export const QuestionnaireId = Type.String({ pattern: '^[A-Za-z0-9\\-.]{1,64}$' });

const Coding = Type.Object(
  {
    system: Type.Optional(Type.String({ maxLength: 500 })),
    code: Type.Optional(Type.String({ maxLength: 200 })),
    display: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const Quantity = Type.Object(
  {
    value: Type.Optional(Type.Number()),
    unit: Type.Optional(Type.String({ maxLength: 100 })),
    system: Type.Optional(Type.String({ maxLength: 500 })),
    code: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

/**
 * A QuestionnaireResponse item tree in its FHIR shape. The schema fixes the shape; whether the answers
 * fit the instrument (types, options, required, skip logic, depth) is the domain's responseProblems.
 */
export const ResponseItem = Type.Recursive((Self: TSchema) =>
  Type.Object(
    {
      linkId: Type.String({ minLength: 1, maxLength: 200 }),
      text: Type.Optional(Type.String({ maxLength: 2000 })),
      definition: Type.Optional(Type.String({ maxLength: 500 })),
      answer: Type.Optional(
        Type.Array(
          Type.Object(
            {
              valueBoolean: Type.Optional(Type.Boolean()),
              valueDecimal: Type.Optional(Type.Number()),
              valueInteger: Type.Optional(Type.Integer()),
              valueDate: Type.Optional(Type.String({ maxLength: 10 })),
              valueDateTime: Type.Optional(Type.String({ maxLength: 40 })),
              valueTime: Type.Optional(Type.String({ maxLength: 20 })),
              valueString: Type.Optional(Text(4000)),
              valueCoding: Type.Optional(Coding),
              valueQuantity: Type.Optional(Quantity),
              item: Type.Optional(Type.Array(Self, { maxItems: 200 })),
            },
            { additionalProperties: false },
          ),
          { maxItems: 100 },
        ),
      ),
      item: Type.Optional(Type.Array(Self, { maxItems: 200 })),
    },
    { additionalProperties: false },
  ),
);

/** A response saved to go on with later, or sent in. */
export const ResponseStatuses = ['in-progress', 'completed'] as const;
export type ResponseStatus = (typeof ResponseStatuses)[number];
const ResponseStatus = OneOf(ResponseStatuses);

export const NewResponseBody = Type.Object(
  {
    questionnaireId: QuestionnaireId,
    status: ResponseStatus,
    item: Type.Array(ResponseItem, { maxItems: 200 }),
    contactId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const SavedResponseBody = Type.Object(
  { status: ResponseStatus, item: Type.Array(ResponseItem, { maxItems: 200 }) },
  { additionalProperties: false },
);

export const ResponseParams = Type.Object(
  { personId: Uuid, responseId: Uuid },
  { additionalProperties: false },
);

/** The kinds of contact, the journal's (docs/decisions/0014-journal.md): "not met" is a contact too. */
export const ContactKinds = JournalKinds;

export const ContactBody = Type.Object(
  {
    contactOn: Day,
    kind: OneOf(ContactKinds),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

export const TrajectoryQuery = Type.Object(
  { questionnaire: Type.Optional(QuestionnaireId) },
  { additionalProperties: false },
);

export const AlertParams = Type.Object({ alertId: Uuid }, { additionalProperties: false });

export const AcknowledgeBody = Type.Object({ note: Text(2000) }, { additionalProperties: false });

export const SettingsBody = Type.Object(
  {
    visibleToPerson: Type.Boolean(),
    triggers: Type.Array(OneOf(Triggers), { maxItems: 4, uniqueItems: true }),
    answeredBy: Type.Array(OneOf(Answerers), {
      minItems: 1,
      maxItems: 2,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);

export const QuestionnaireParams = Type.Object(
  { questionnaireId: QuestionnaireId },
  { additionalProperties: false },
);

// ---------------------------------------------------------------------------------------------------
// Answers (docs/architecture.md, "The contract"), in the order the routes build them.

/** A code as an instrument file writes it (a score's LOINC or Bedring code). */
const InstrumentCoding = Closed({
  system: Type.Optional(Type.String()),
  version: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  display: Type.Optional(Type.String()),
});

/** A score's band: inclusive bounds, for everyone (sex null) or one sex, with Bedring's level. */
export const ScoreBand = Closed({
  from: Type.Number(),
  to: Type.Number(),
  sex: Nullable(OneOf(BandSexes)),
  code: Type.String(),
  level: OneOf(ScoreLevels),
  label: Type.String(),
  labelEn: Type.String(),
});
export type ScoreBand = Static<typeof ScoreBand>;

/** What an instrument scores, as the domain reads it out of the file (scoresOf). */
export const InstrumentScore = Closed({
  linkId: Type.String(),
  code: InstrumentCoding,
  display: Type.String(),
  displayEn: Type.String(),
  expression: Type.String(),
  direction: OneOf(ScoreDirections),
  reliableChange: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  feedback: Type.Boolean(),
  bands: Type.Array(ScoreBand),
});
export type InstrumentScore = Static<typeof InstrumentScore>;

export const InstrumentProvenance = Closed({
  source: Type.String(),
  licence: Type.String(),
  translation: OneOf(TranslationStatuses),
  translationNote: Type.String(),
});
export type InstrumentProvenance = Static<typeof InstrumentProvenance>;

/** Who answers an instrument, what plans it, and whether the person sees its results. */
export const InstrumentSettingsView = Closed({
  visibleToPerson: Type.Boolean(),
  triggers: Type.Array(OneOf(Triggers)),
  answeredBy: Type.Array(OneOf(Answerers)),
});
export type InstrumentSettingsView = Static<typeof InstrumentSettingsView>;

const instrumentSummary = {
  id: Type.String(),
  url: Type.Optional(Type.String()),
  version: Type.Optional(Type.String()),
  title: Type.String(),
  titleEn: Type.String(),
  provenance: InstrumentProvenance,
  shipped: Type.Boolean(),
  settings: InstrumentSettingsView,
  scores: Type.Array(InstrumentScore),
};

/** GET /api/questionnaires: one instrument of the library. */
export const InstrumentSummary = Closed(instrumentSummary);
export type InstrumentSummary = Static<typeof InstrumentSummary>;

export const InstrumentList = Closed({ questionnaires: Type.Array(InstrumentSummary) });
export type InstrumentList = Static<typeof InstrumentList>;

/**
 * The instrument itself: a FHIR Questionnaire, open as FHIR resources are (extensions, translations);
 * its shape is the FHIR standard's, and the domain's instrumentProblems has checked it before it was kept.
 */
const FhirQuestionnaire = Type.Unsafe<Questionnaire>(
  Type.Object({ resourceType: Type.Literal('Questionnaire') }, { additionalProperties: true }),
);

/** GET /api/questionnaires/:questionnaireId: the summary and the instrument. */
export const InstrumentDetail = Closed({ ...instrumentSummary, questionnaire: FhirQuestionnaire });
export type InstrumentDetail = Static<typeof InstrumentDetail>;

/** POST /api/admin/questionnaires: the id the imported instrument is known by. */
export const InstrumentImported = Closed({ id: Type.String() });
export type InstrumentImported = Static<typeof InstrumentImported>;

/** PUT /api/admin/questionnaires/:questionnaireId/settings: the settings as stored. */
export const InstrumentSettingsSaved = Closed({ settings: InstrumentSettingsView });
export type InstrumentSettingsSaved = Static<typeof InstrumentSettingsSaved>;

/** One feedback alert rule, with the number its kind takes (feedback-alert.rules.ts). */
export const FeedbackAlertRule = Closed({
  kind: OneOf(AlertRuleKinds),
  enabled: Type.Boolean(),
  cutOff: Type.Optional(Type.Number()),
  drop: Type.Optional(Type.Number()),
  afterResponses: Type.Optional(Type.Number()),
});
export type FeedbackAlertRule = Static<typeof FeedbackAlertRule>;

/** GET /api/admin/feedback-rules: the organisation's rules, and the defaults they start from. */
export const FeedbackRules = Closed({
  rules: Type.Array(FeedbackAlertRule),
  defaults: Type.Array(FeedbackAlertRule),
});
export type FeedbackRules = Static<typeof FeedbackRules>;

/** PUT /api/admin/feedback-rules: the rules as stored. */
export const FeedbackRulesSaved = Closed({ rules: Type.Array(FeedbackAlertRule) });
export type FeedbackRulesSaved = Static<typeof FeedbackRulesSaved>;

export type ContactKind = (typeof JournalKinds)[number];

export const ContactView = Closed({
  id: Uuid,
  contactOn: Day,
  kind: OneOf(ContactKinds),
  helperName: Type.String(),
  note: Type.String(),
});
export type ContactView = Static<typeof ContactView>;

/** GET /api/persons/:personId/contacts */
export const ContactList = Closed({ contacts: Type.Array(ContactView) });
export type ContactList = Static<typeof ContactList>;

/** POST /api/persons/:personId/contacts: the contact, and the instruments it planned. */
export const ContactRecorded = Closed({ id: Uuid, planned: Type.Array(Type.String()) });
export type ContactRecorded = Static<typeof ContactRecorded>;

export type NewContact = Static<typeof ContactBody>;

/** An instrument planned for the person and not yet answered. */
export const DueQuestionnaire = Closed({
  id: Uuid,
  questionnaireId: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  /** The contact that planned it (session feedback is about that contact). */
  contactId: Nullable(Uuid),
  trigger: OneOf(Triggers),
  dueOn: Day,
  mayAnswer: Type.Boolean(),
  inProgressResponseId: Nullable(Uuid),
});
export type DueQuestionnaire = Static<typeof DueQuestionnaire>;

export const ScoreValue = Closed({
  linkId: Type.String(),
  value: Type.Number(),
  bandCode: Nullable(Type.String()),
});
export type ScoreValue = Static<typeof ScoreValue>;

export const ResponseSummary = Closed({
  id: Uuid,
  questionnaireId: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  status: OneOf(ResponseStatuses),
  answeredBy: OneOf(Answerers),
  authorName: Type.String(),
  authoredAt: Instant,
  mine: Type.Boolean(),
  scores: Type.Array(ScoreValue),
});
export type ResponseSummary = Static<typeof ResponseSummary>;

/** GET /api/persons/:personId/questionnaires */
export const PersonQuestionnaires = Closed({
  due: Type.Array(DueQuestionnaire),
  responses: Type.Array(ResponseSummary),
});
export type PersonQuestionnaires = Static<typeof PersonQuestionnaires>;

export const StoredResponseView = Closed({
  id: Uuid,
  questionnaireId: Type.String(),
  questionnaireVersion: Type.String(),
  status: OneOf(ResponseStatuses),
  item: Type.Unsafe<QuestionnaireResponseItem[]>(Type.Array(ResponseItem)),
  answeredBy: OneOf(Answerers),
  authorName: Type.String(),
  mine: Type.Boolean(),
  startedAt: Instant,
  authoredAt: Instant,
});
export type StoredResponseView = Static<typeof StoredResponseView>;

/** GET /api/persons/:personId/responses/:responseId */
export const StoredResponse = Closed({ response: StoredResponseView });
export type StoredResponse = Static<typeof StoredResponse>;

/** A score as the server computed it when a response was completed (the domain's Score). */
export const ComputedScore = Closed({
  linkId: Type.String(),
  code: InstrumentCoding,
  display: Type.String(),
  value: Type.Number(),
  band: Nullable(ScoreBand),
});
export type ComputedScore = Static<typeof ComputedScore>;

/** POST (201) and PUT a response: what was stored, its scores and the alerts the rules raised. */
export const SavedResponse = Closed({
  id: Uuid,
  status: OneOf(ResponseStatuses),
  scores: Type.Array(ComputedScore),
  alerts: Type.Array(Closed({ id: Uuid, rule: OneOf(AlertRuleKinds), scoreCode: Type.String() })),
});
export type SavedResponse = Static<typeof SavedResponse>;

export const TrajectoryPoint = Closed({
  at: Instant,
  value: Type.Number(),
  bandCode: Nullable(Type.String()),
  responseId: Uuid,
});
export type TrajectoryPoint = Static<typeof TrajectoryPoint>;

/** One score of one instrument over time. */
export const Trajectory = Closed({
  questionnaireId: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  score: InstrumentScore,
  points: Type.Array(TrajectoryPoint),
});
export type Trajectory = Static<typeof Trajectory>;

/** GET /api/persons/:personId/trajectories */
export const TrajectoryList = Closed({ trajectories: Type.Array(Trajectory) });
export type TrajectoryList = Static<typeof TrajectoryList>;

/** Which rule fired on which values, and the words that say so (the domain's AlertFinding). */
export const AlertFinding = Closed({
  rule: OneOf(AlertRuleKinds),
  scoreCode: Type.String(),
  values: Closed({
    baseline: Type.Optional(Type.Number()),
    previous: Type.Optional(Type.Number()),
    latest: Type.Number(),
    threshold: Type.Number(),
    responses: Type.Optional(Type.Number()),
  }),
  explanation: Closed({
    key: Type.String(),
    params: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])),
  }),
});
export type AlertFinding = Static<typeof AlertFinding>;

const alertView = {
  id: Uuid,
  questionnaireId: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  scoreCode: Type.String(),
  rule: OneOf(AlertRuleKinds),
  finding: AlertFinding,
  raisedAt: Instant,
};

/** What every alert shows, on the worklist and on the person page. */
export const AlertView = Closed(alertView);
export type AlertView = Static<typeof AlertView>;

/** GET /api/feedback-alerts: one alert of the worklist (the actor's own; a unit leader's also the unit's). */
export const WorklistAlert = Closed({
  id: Uuid,
  person: Closed({ id: Uuid, givenName: Type.String(), familyName: Type.String() }),
  questionnaireId: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  scoreCode: Type.String(),
  rule: OneOf(AlertRuleKinds),
  finding: AlertFinding,
  raisedAt: Instant,
  mine: Type.Boolean(),
  assignee: Nullable(Closed({ id: Uuid, name: Nullable(Type.String()) })),
});
export type WorklistAlert = Static<typeof WorklistAlert>;

export const WorklistAlerts = Closed({ alerts: Type.Array(WorklistAlert) });
export type WorklistAlerts = Static<typeof WorklistAlerts>;

/** GET /api/persons/:personId/feedback-alerts: one of the person's alerts, open or acknowledged. */
export const PersonAlert = Closed({
  ...alertView,
  acknowledged: Nullable(
    Closed({ at: Instant, byName: Nullable(Type.String()), note: Nullable(Type.String()) }),
  ),
});
export type PersonAlert = Static<typeof PersonAlert>;

export const PersonAlerts = Closed({ alerts: Type.Array(PersonAlert) });
export type PersonAlerts = Static<typeof PersonAlerts>;

/** POST /api/feedback-alerts/:alertId/acknowledge */
export const FeedbackAlertAcknowledged = Closed({ status: Type.Literal('acknowledged') });
export type FeedbackAlertAcknowledged = Static<typeof FeedbackAlertAcknowledged>;
