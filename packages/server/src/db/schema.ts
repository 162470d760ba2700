import type { ColumnType, Generated } from 'kysely';

/** The tables as Kysely sees them. Keep in step with migrations/. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OrganisationTable {
  tenant_id: string;
  id: string;
  name: string;
  kind: 'tsb' | 'municipality';
  created_at: Generated<Date>;
}

export interface UnitTable {
  tenant_id: string;
  id: string;
  name: string;
  kind: 'inpatient' | 'outpatient' | 'follow-up' | 'administration';
}

export interface AccountTable {
  tenant_id: string;
  id: Generated<string>;
  username: string;
  display_name: string;
  role: string;
  unit_id: string | null;
  person_id: string | null;
  password_hash: string;
  totp_secret: string | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: Generated<Date>;
  /** Told when a help request is not taken in time (migration 0011, docs/decisions/0015-help-requests.md). */
  duty_contact: Generated<boolean>;
}

export interface SessionTable {
  tenant_id: string;
  id: Generated<string>;
  account_id: string;
  token_hash: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_minutes: number;
  absolute_hours: number;
  revoked_at: Timestamp | null;
}

export interface PersonTable {
  tenant_id: string;
  id: Generated<string>;
  national_id: string;
  given_name: string;
  family_name: string;
  birth_date: ColumnType<string, string, string>;
  gender: 'female' | 'male' | 'other' | 'unknown';
  municipality: string | null;
  primary_substance: string | null;
  about_me: Generated<string>;
  strengths: Generated<string>;
  about_me_updated_at: Timestamp | null;
  about_me_updated_by: string | null;
  created_at: Generated<Date>;
}

export interface CareRelationTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  account_id: string;
  organisation_id: string;
  kind: 'care-team' | 'follow-up';
  unit_id: string | null;
  from_at: Timestamp;
  to_at: Timestamp | null;
}

export interface ConsentTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  grantee_organisation_id: string;
  purpose: string;
  given_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  recorded_by: string | null;
  /** What of the plans the consent opens to the grantee (0006): plan kinds and 'network'. */
  plan_parts: Generated<string[]>;
}

export interface BreakGlassTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  account_id: string;
  reason: string;
  opened_at: Timestamp;
  expires_at: Timestamp;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  review_note: string | null;
}

export interface LivingConditionRatingTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  domain: string;
  rating: string;
  note: string;
  rated_at: Timestamp;
  rated_by: string;
  rated_by_name: string;
  rated_by_role: string;
}

export interface AuditEventTable {
  tenant_id: string;
  id: Generated<string>;
  seq: Generated<string>;
  at: Timestamp;
  actor_account_id: string | null;
  actor_organisation_id: string | null;
  actor_role: string;
  action: string;
  person_id: string | null;
  resource_type: string;
  resource_id: string | null;
  purpose: string | null;
  break_glass_reason: string | null;
  chain_position: ColumnType<string | null, never, string>;
  previous_hash: ColumnType<string | null, never, string>;
  hash: ColumnType<string | null, never, string>;
}

export interface StaffDirectoryView {
  tenant_id: string;
  id: string;
  display_name: string;
  role: string;
  unit_id: string | null;
}

/** Dates (SQL date) travel as ISO strings (YYYY-MM-DD): see the pg type parser in database.ts. */
type DateOnly = string;

export interface TimeLimitTable {
  key: string;
  setting_class: 'outpatient' | 'inpatient' | 'any';
  days: number;
  unit: 'days' | 'working-days';
  effective_from: DateOnly;
  source: Generated<string>;
}

export interface ReferralTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  unit_id: string;
  referrer_kind: string;
  referrer_name: string;
  referrer_organisation: string;
  received_on: DateOnly;
  reason: string;
  checklist: ColumnType<Record<string, boolean>, string, string>;
  coordinator_name: string;
  coordinator_contact: string;
  registered_by: string;
  registered_at: Timestamp;
  assessed_on: DateOnly | null;
  outcome: string | null;
  treatment_start_deadline: DateOnly | null;
  assessment_note: Generated<string>;
  letter_to_person_on: DateOnly | null;
  letter_to_referrer_on: DateOnly | null;
  assessed_by: string | null;
}

export interface EpisodeTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  unit_id: string;
  referral_id: string | null;
  previous_episode_id: string | null;
  state: string;
  active_setting: string | null;
  has_clinical_decision: Generated<boolean>;
  planned_setting: string | null;
  responsible_account_id: string | null;
  opened_on: DateOnly;
  ended_on: DateOnly | null;
  end_outcome: string | null;
  version: Generated<number>;
}

export interface PathwayEventTable {
  tenant_id: string;
  id: Generated<string>;
  episode_id: string;
  person_id: string;
  position: number;
  kind: string;
  date: DateOnly;
  setting: string | null;
  with_person: boolean | null;
  feedback_tool_used: boolean | null;
  outcome: string | null;
  help_needed: string | null;
  codes: string[];
  note: string;
  warnings: ColumnType<unknown[], string, string>;
  reason: string;
  recorded_at: Timestamp;
  recorded_by: string;
  recorded_by_name: string;
}

export interface PathwayDeadlineTable {
  tenant_id: string;
  episode_id: string;
  kind: string;
  starts_on: DateOnly;
  person_id: string;
  unit_id: string;
  responsible_account_id: string | null;
  due_on: DateOnly;
  met_on: DateOnly | null;
  closed_on: DateOnly | null;
  setting_class: string | null;
  limit_days: number | null;
}

export interface AssessmentTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  episode_id: string;
  assessed_on: DateOnly;
  person_goals: string;
  person_resources: string;
  ratings: ColumnType<unknown, string, string>;
  opioid_dependence: boolean;
  recommended_level: string;
  recommended_rule: string;
  drivers: string[];
  chosen_level: string;
  match: string;
  match_reason: string;
  assessed_by: string;
  assessed_by_name: string;
  recorded_at: Timestamp;
}

export interface DischargeChecklistTable {
  tenant_id: string;
  episode_id: string;
  person_id: string;
  items: ColumnType<unknown, string, string>;
  help_needed: string | null;
  updated_at: Timestamp;
  updated_by: string;
  updated_by_name: string;
}

export interface HandoverTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  episode_id: string;
  municipal_account_id: string;
  municipal_organisation_id: string;
  consent_id: string;
  summary: string;
  follow_up_plan: string;
  snapshot: ColumnType<unknown, string, string>;
  handed_over_on: DateOnly;
  created_by: string;
  created_by_name: string;
  created_at: Timestamp;
  first_contact_on: DateOnly | null;
  /** What the handover shares: plan parts its consent opens, and the journal notes that go with it (0013). */
  plan_parts: Generated<string[]>;
  journal_note_ids: Generated<string[]>;
}

export interface PathwayTaskTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  episode_id: string;
  handover_id: string | null;
  kind: string;
  assignee_account_id: string;
  assignee_organisation_id: string;
  unit_id: string;
  created_on: DateOnly;
  escalate_on: DateOnly;
  completed_on: DateOnly | null;
  outcome: string | null;
  note: Generated<string>;
  completed_by: string | null;
  completed_by_name: string | null;
  /** Kind "promise" only: what was promised, and who promised it (0006). */
  promise: Generated<string | null>;
  promised_by: Generated<string | null>;
  promised_by_name: Generated<string | null>;
  /** Kind "lapse" only: the lapse that reached the specialist team (0013). */
  lapse_id: Generated<string | null>;
}

/** Brukerstyrt innleggelse: the contract recorded with the person's plan, and the stays under it (0013). */
export interface SelfAdmissionContractTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  unit_id: string;
  days_per_stay: number;
  stays_per_year: number;
  how_to_ask: string;
  who_to_call: string;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  ended_on: Generated<DateOnly | null>;
  created_by: string;
  created_by_name: string;
  created_at: Timestamp;
}

export interface SelfAdmissionTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  contract_id: string;
  episode_id: string;
  unit_id: string;
  placement: string;
  asked_by: string;
  admitted_on: DateOnly;
  planned_days: number;
  warnings: string[];
  note: Generated<string>;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Timestamp;
}

export interface QuestionnaireTable {
  tenant_id: string;
  id: string;
  url: string;
  version: string;
  resource: ColumnType<unknown, string, string>;
  imported_by: string;
  imported_at: Timestamp;
}

export interface InstrumentSettingTable {
  tenant_id: string;
  questionnaire_id: string;
  visible_to_person: boolean;
  triggers: string[];
  answered_by: string[];
  updated_by: string;
  updated_at: Timestamp;
}

export interface FeedbackAlertRuleTable {
  tenant_id: string;
  rules: ColumnType<unknown, string, string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ContactTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  episode_id: string | null;
  contact_on: DateOnly;
  kind: string;
  account_id: string;
  account_name: string;
  note: Generated<string>;
  recorded_at: Timestamp;
}

export interface QuestionnaireResponseTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  questionnaire_id: string;
  questionnaire_version: string;
  status: 'in-progress' | 'completed';
  item: ColumnType<unknown, string, string>;
  answered_by: 'person' | 'staff';
  author_account_id: string;
  author_name: string;
  contact_id: string | null;
  episode_id: string | null;
  started_at: Timestamp;
  authored_at: Timestamp;
}

export interface ObservationTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  response_id: string;
  questionnaire_id: string;
  link_id: string;
  code_system: string;
  code: string;
  value: number;
  band_code: string | null;
  band_level: string | null;
  effective_at: Timestamp;
}

export interface QuestionnaireDueTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  questionnaire_id: string;
  trigger: string;
  due_on: DateOnly;
  episode_id: string | null;
  contact_id: string | null;
  planned_at: Timestamp;
  response_id: string | null;
  done_at: Timestamp | null;
}

export interface FeedbackAlertTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  questionnaire_id: string;
  score_code: string;
  rule: string;
  finding: ColumnType<unknown, string, string>;
  response_id: string;
  unit_id: string | null;
  assignee_account_id: string | null;
  raised_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  note: string | null;
}

/** The person's plans (migration 0006): one per kind, versioned, entries with their authors. */
export interface CarePlanTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  kind: string;
  version: Generated<number>;
  review_on: DateOnly | null;
  created_at: Timestamp;
  changed_at: Timestamp | null;
}

export interface PlanEntryTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  plan_id: string;
  plan_kind: string;
  section: string;
  position: number;
  text: string;
  success_means: string | null;
  owner_account_id: string | null;
  due_on: DateOnly | null;
  evaluate_on: DateOnly | null;
  phone: string | null;
  contact_before_use: boolean | null;
  network_member_id: string | null;
  written_by: 'person' | 'staff';
  author_account_id: string;
  author_name: string;
  author_role: string;
  created_at: Timestamp;
  changed_at: Timestamp;
  retired_at: Timestamp | null;
}

export interface PlanCommentTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  plan_id: string;
  plan_kind: string;
  entry_id: string;
  text: string;
  written_by: 'person' | 'staff';
  author_account_id: string;
  author_name: string;
  author_role: string;
  created_at: Timestamp;
}

export interface PlanSignatureTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  plan_id: string;
  plan_kind: string;
  plan_version: number;
  signed_by: string;
  signed_by_name: string;
  signed_at: Timestamp;
}

export interface PlanChangeTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  plan_id: string;
  plan_kind: string;
  plan_version: number;
  action: 'add-entry' | 'change-entry' | 'retire-entry' | 'set-review-date';
  entry_id: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  changed_by: string;
  changed_by_name: string;
  changed_by_role: string;
  changed_at: Timestamp;
}

export interface LapseTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  occurred_on: DateOnly;
  situation: string;
  thoughts_feelings: string;
  what_happened: string;
  what_helped: string;
  plan_version: number;
  written_by: 'person' | 'staff';
  author_account_id: string;
  author_name: string;
  author_role: string;
  recorded_at: Timestamp;
}

export interface NetworkMemberTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  name: string;
  relation: string;
  quality: string;
  crisis_role: string;
  phone: string | null;
  contact_consent: boolean;
  may_see: string[];
  note: string;
  written_by: 'person' | 'staff';
  author_account_id: string;
  author_name: string;
  author_role: string;
  created_at: Timestamp;
  changed_at: Timestamp;
  removed_at: Timestamp | null;
}

/** The patient portal (migration 0007): daily check-ins, signals, the person's reminder time. */
export interface CheckinTable {
  tenant_id: string;
  id: string;
  person_id: string;
  day: DateOnly;
  mood: number;
  craving: number;
  sleep: number;
  use: string;
  substance: string | null;
  amount: string | null;
  risky_situation: boolean;
  warning_signs: string[];
  note: Generated<string>;
  made_at: Timestamp;
  received_at: Timestamp;
  author_account_id: string;
}

export interface SignalTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  kind: string;
  key: string;
  finding: ColumnType<unknown, string, string>;
  checkin_id: string | null;
  unit_id: string | null;
  raised_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  note: string | null;
  /** A help request nobody took in time (migration 0011). */
  escalated_at: Timestamp | null;
}

export interface SignalRuleTable {
  tenant_id: string;
  rules: ColumnType<unknown, string, string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface CheckinReminderTable {
  tenant_id: string;
  person_id: string;
  /** 'HH:MM:SS' as PostgreSQL returns a time. */
  remind_at: string;
  reminded_on: DateOnly | null;
  updated_at: Timestamp;
}

/** Children and relatives; suicide- and violence-risk assessments (migration 0014). */
export interface RelativeTable {
  tenant_id: string;
  id: string;
  person_id: string;
  kind: 'child' | 'relative';
  name: string;
  role: string | null;
  birth_year: number | null;
  cared_for_by: string;
  spoken_with: boolean | null;
  spoken_with_on: DateOnly | null;
  follow_up: string;
  coordinator_informed: boolean;
  may_contact: boolean;
  may_inform: boolean;
  note: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Timestamp;
  changed_by: string;
  changed_by_name: string;
  changed_at: Timestamp;
  removed_at: Timestamp | null;
}

export interface RiskAssessmentTable {
  tenant_id: string;
  id: string;
  person_id: string;
  kind: 'suicide' | 'violence';
  assessed_on: DateOnly;
  level: 'low' | 'moderate' | 'high' | 'acute';
  factors: string;
  plan: string;
  share_at_handover: boolean;
  assessor_account_id: string;
  assessor_name: string;
  assessor_role: string;
  recorded_at: Timestamp;
}

export interface JournalNoteTable {
  tenant_id: string;
  id: string;
  person_id: string;
  episode_id: string | null;
  contact_id: string;
  author_account_id: string;
  author_name: string;
  author_role: string;
  organisation_id: string;
  organisation_name: string;
  contact_at: Timestamp;
  kind: string;
  text: string;
  plan_entry_ids: Generated<string[]>;
  status: 'draft' | 'signed';
  written_at: Timestamp;
  changed_at: Timestamp;
  signed_at: Timestamp | null;
  withheld_reason: string | null;
  withheld_by: string | null;
  withheld_by_name: string | null;
  withheld_at: Timestamp | null;
}

export interface JournalAmendmentTable {
  tenant_id: string;
  id: string;
  note_id: string;
  person_id: string;
  author_account_id: string;
  author_name: string;
  author_role: string;
  organisation_name: string;
  text: string;
  written_at: Timestamp;
}

export interface DB {
  organisation: OrganisationTable;
  unit: UnitTable;
  account: AccountTable;
  session: SessionTable;
  person: PersonTable;
  care_relation: CareRelationTable;
  consent: ConsentTable;
  break_glass: BreakGlassTable;
  living_condition_rating: LivingConditionRatingTable;
  audit_event: AuditEventTable;
  staff_directory: StaffDirectoryView;
  time_limit: TimeLimitTable;
  referral: ReferralTable;
  episode: EpisodeTable;
  pathway_event: PathwayEventTable;
  pathway_deadline: PathwayDeadlineTable;
  assessment: AssessmentTable;
  discharge_checklist: DischargeChecklistTable;
  handover: HandoverTable;
  pathway_task: PathwayTaskTable;
  self_admission_contract: SelfAdmissionContractTable;
  self_admission: SelfAdmissionTable;
  questionnaire: QuestionnaireTable;
  instrument_setting: InstrumentSettingTable;
  feedback_alert_rule: FeedbackAlertRuleTable;
  contact: ContactTable;
  questionnaire_response: QuestionnaireResponseTable;
  observation: ObservationTable;
  questionnaire_due: QuestionnaireDueTable;
  feedback_alert: FeedbackAlertTable;
  care_plan: CarePlanTable;
  plan_entry: PlanEntryTable;
  plan_comment: PlanCommentTable;
  plan_signature: PlanSignatureTable;
  plan_change: PlanChangeTable;
  lapse: LapseTable;
  network_member: NetworkMemberTable;
  checkin: CheckinTable;
  signal: SignalTable;
  signal_rule: SignalRuleTable;
  checkin_reminder: CheckinReminderTable;
  relative: RelativeTable;
  risk_assessment: RiskAssessmentTable;
  journal_note: JournalNoteTable;
  journal_amendment: JournalAmendmentTable;
}
