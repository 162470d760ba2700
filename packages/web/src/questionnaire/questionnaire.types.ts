import type { AlertFinding, AlertRuleKind } from '@bedring/domain/questionnaire/feedback-alert.rules';
import type {
  Band,
  InstrumentSettings,
  Provenance,
  ScoreDefinition,
  Trigger,
} from '@bedring/domain/questionnaire/instrument';
import type { Questionnaire, QuestionnaireResponseItem } from '@medplum/fhirtypes';

/** Who fills in a form: staff with the person (in a contact), or the person on Min side. */
export type Audience = 'staff' | 'person';

/**
 * Shapes of the questionnaire API answers (packages/server/src/questionnaire/*.routes.ts). The FHIR
 * Questionnaire and the response items are the standard FHIR shapes; the rest is Bedring's.
 */
export type {
  AlertFinding,
  AlertRuleKind,
  Band,
  InstrumentSettings,
  Provenance,
  Questionnaire,
  QuestionnaireResponseItem,
  ScoreDefinition,
  Trigger,
};

/** ok / mild / moderate / severe */
export type Level = Band['level'];

export type ResponseStatus = 'in-progress' | 'completed';

/** GET /api/questionnaires: one instrument of the library. */
export interface InstrumentSummary {
  id: string;
  url?: string;
  version?: string;
  title: string;
  titleEn: string;
  provenance: Provenance;
  shipped: boolean;
  settings: InstrumentSettings;
  scores: ScoreDefinition[];
}

/** GET /api/questionnaires/:id: the summary and the instrument itself. */
export interface InstrumentDetail extends InstrumentSummary {
  questionnaire: Questionnaire;
}

export interface DueQuestionnaire {
  id: string;
  questionnaireId: string;
  title: string;
  titleEn: string;
  trigger: Trigger;
  /** YYYY-MM-DD */
  dueOn: string;
  mayAnswer: boolean;
  inProgressResponseId: string | null;
  /** The contact that planned it (session feedback is about that contact). */
  contactId: string | null;
}

export interface ScoreValue {
  linkId: string;
  value: number;
  bandCode: string | null;
}

export interface ResponseSummary {
  id: string;
  questionnaireId: string;
  title: string;
  titleEn: string;
  status: ResponseStatus;
  answeredBy: 'person' | 'staff';
  authorName: string;
  authoredAt: string;
  mine: boolean;
  scores: ScoreValue[];
}

/** GET /api/persons/:personId/questionnaires */
export interface PersonQuestionnaires {
  due: DueQuestionnaire[];
  responses: ResponseSummary[];
}

/** GET /api/persons/:personId/responses/:responseId */
export interface StoredResponseView {
  id: string;
  questionnaireId: string;
  questionnaireVersion: string;
  status: ResponseStatus;
  item: QuestionnaireResponseItem[];
  answeredBy: 'person' | 'staff';
  authorName: string;
  mine: boolean;
  startedAt: string;
  authoredAt: string;
}

/** A score as the server computed it when a response was completed (domain Score). */
export interface ComputedScore {
  linkId: string;
  code: { system?: string; code?: string; display?: string };
  display: string;
  value: number;
  band: Band | null;
}

/** POST/PUT a response → what was stored, the scores and the alerts the rules raised. */
export interface SavedResponse {
  id: string;
  status: ResponseStatus;
  scores: ComputedScore[];
  alerts: { id: string; rule: AlertRuleKind; scoreCode: string }[];
}

export const ContactKinds = ['meeting', 'phone', 'video', 'group', 'home-visit'] as const;
export type ContactKind = (typeof ContactKinds)[number];

export interface NewContact {
  contactOn: string;
  kind: ContactKind;
  note?: string;
}

export interface ContactView {
  id: string;
  contactOn: string;
  kind: ContactKind;
  helperName: string;
  note: string;
}

export interface TrajectoryPoint {
  at: string;
  value: number;
  bandCode: string | null;
  responseId: string;
}

/** GET /api/persons/:personId/trajectories: one score of one instrument over time. */
export interface Trajectory {
  questionnaireId: string;
  title: string;
  titleEn: string;
  score: ScoreDefinition;
  points: TrajectoryPoint[];
}

export interface AlertView {
  id: string;
  questionnaireId: string;
  title: string;
  titleEn: string;
  scoreCode: string;
  rule: AlertRuleKind;
  finding: AlertFinding;
  raisedAt: string;
}

/** GET /api/persons/:personId/feedback-alerts */
export interface PersonAlert extends AlertView {
  acknowledged: { at: string; byName: string | null; note: string | null } | null;
}

/** GET /api/feedback-alerts: the worklist (the clinician's own, the leader's whole organisation). */
export interface WorklistAlert extends AlertView {
  person: { id: string; givenName: string; familyName: string };
  mine: boolean;
  assignee: { id: string; name: string | null } | null;
}
