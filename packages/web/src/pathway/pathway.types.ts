import type { LivingConditionDomain, Rating } from '../record/living-conditions.ts';
import type {
  DeadlineKind,
  DeadlineStatus,
  Dimension,
  DimensionRatings,
  DischargeChecklist,
  DischargeItem,
  EndOutcome,
  EpisodeState,
  EventKind,
  HelpNeededAtDischarge,
  IsoDate,
  Level,
  Match,
  RecordableEventKind,
  ReferralChecklist,
  ReferralChecklistItem,
  ReferralOutcome,
  ReferrerKind,
  RuleId,
  Setting,
  Severity,
  TaskKind,
  TaskOutcome,
  TaskStatus,
} from './pathway.ts';

/** JSON shapes of GET /api/persons/:personId/pathway (server/src/pathway/pathway.repository.ts). */

export interface PathwayResponse {
  today: string;
  episodes: EpisodeView[];
}

export interface Named {
  id: string;
  name: string | null;
}

export interface ReferralView {
  id: string;
  referrer: { kind: string; name: string; organisation: string };
  receivedOn: string;
  reason: string;
  checklist: Partial<Record<ReferralChecklistItem, boolean>>;
  completeness: { done: number; total: number; missing: ReferralChecklistItem[] };
  coordinator: { name: string; contact: string };
  assessment: {
    assessedOn: string;
    outcome: ReferralOutcome;
    treatmentStartDeadline: string | null;
    note: string;
    letterToPersonOn: string | null;
    letterToReferrerOn: string | null;
    assessedBy: string | null;
  } | null;
}

export interface LateWarningView {
  code: 'deadline-missed';
  deadline: DeadlineKind;
  dueOn: string;
  daysLate: number;
}

export interface NotReadyWarningView {
  code: 'discharge-not-ready';
  gaps: DischargeItem[];
}

export type WarningView = LateWarningView | NotReadyWarningView;

export interface EventView {
  id: string;
  kind: EventKind;
  date: string;
  setting: Setting | null;
  withPerson: boolean | null;
  feedbackToolUsed: boolean | null;
  outcome: EndOutcome | null;
  helpNeeded: HelpNeededAtDischarge | null;
  codes: string[];
  note: string;
  warnings: WarningView[];
  reason: string;
  recordedAt: string;
  recordedBy: { id: string; name: string };
}

export interface RoundView {
  setting: Setting;
  from: string;
  to: string | null;
}

export interface DeadlineView {
  kind: DeadlineKind;
  startsOn: string;
  dueOn: string;
  metOn: string | null;
  closedOn: string | null;
  settingClass: 'outpatient' | 'inpatient' | null;
  limitDays: number | null;
  status: DeadlineStatus;
}

export interface DimensionChangeView {
  dimension: Dimension;
  before: Severity;
  after: Severity;
  change: number;
}

export interface AssessmentView {
  id: string;
  assessedOn: string;
  personGoals: string;
  personResources: string;
  ratings: DimensionRatings;
  opioidDependence: boolean;
  recommendation: { level: Level; rule: RuleId; drivers: Dimension[] };
  chosenLevel: Level;
  match: Match;
  matchReason: string;
  assessedBy: { id: string; name: string };
  change: DimensionChangeView[] | null;
}

export interface ChecklistView {
  items: DischargeChecklist;
  helpNeeded: HelpNeededAtDischarge | null;
  readiness: { ready: boolean; gaps: DischargeItem[]; answered: number; total: number };
  updatedAt: string;
  updatedBy: string;
}

export interface LivingConditionsBeside {
  domain: LivingConditionDomain;
  atStart: Rating | null;
  atEnd: Rating | null;
}

export interface HandoverView {
  id: string;
  municipalWorker: Named;
  summary: string;
  followUpPlan: string;
  handedOverOn: string;
  createdBy: string;
  firstContactOn: string | null;
}

export interface TaskView {
  id: string;
  kind: TaskKind;
  assignee: Named;
  createdOn: string;
  escalateOn: string;
  completedOn: string | null;
  outcome: TaskOutcome | null;
  note: string;
  completedBy: string | null;
  status: TaskStatus;
}

export interface EpisodeView {
  id: string;
  unit: { id: string; name: string };
  state: EpisodeState;
  activeSetting: Setting | null;
  plannedSetting: Setting | null;
  openedOn: string;
  endedOn: string | null;
  endOutcome: EndOutcome | null;
  previousEpisodeId: string | null;
  responsible: Named | null;
  possibleEvents: RecordableEventKind[];
  referral: ReferralView | null;
  events: EventView[];
  rounds: RoundView[];
  deadlines: DeadlineView[];
  assessments: AssessmentView[];
  dischargeChecklist: ChecklistView | null;
  livingConditions: LivingConditionsBeside[];
  handover: HandoverView | null;
  tasks: TaskView[];
}

/** POST …/events answers with the new state, the warnings (the event is saved) and a task, if one was made. */
export interface EventResult {
  state: EpisodeState;
  warnings: WarningView[];
  taskId: string | null;
}

export interface StaffMember {
  id: string;
  name: string;
  role: string;
  organisationId: string;
  organisationName: string;
}

/**
 * The referral, the deadline board and the task list (server/src/pathway/referral.routes.ts,
 * deadline-board.routes.ts, task.routes.ts, directory.routes.ts).
 */

export interface PersonName {
  id: string;
  givenName: string;
  familyName: string;
}

export const Genders = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof Genders)[number];

export interface NewReferral {
  person: { nationalId: string; givenName: string; familyName: string; birthDate: IsoDate; gender: Gender };
  unitId: string;
  referrer: { kind: ReferrerKind; name: string; organisation?: string };
  receivedOn: IsoDate;
  reason?: string;
  checklist: ReferralChecklist;
  coordinator?: { name: string; contact?: string };
}

export interface ReferralCreated {
  personId: string;
  referralId: string;
  episodeId: string;
  personExisted: boolean;
  completeness: { done: number; total: number; missing: string[] };
}

export interface Unit {
  id: string;
  name: string;
  kind: string;
}

export type BoardStatus = 'overdue' | 'due-soon' | 'open';

export interface BoardDeadline {
  kind: DeadlineKind;
  startsOn: IsoDate;
  dueOn: IsoDate;
  status: BoardStatus;
  episodeId: string;
  person: PersonName;
  responsible: { id: string; name: string | null } | null;
}

export interface DeadlineBoard {
  today: IsoDate;
  unitId: string | null;
  accountId: string | null;
  counts: { open: number; overdue: number; dueSoon: number };
  deadlines: BoardDeadline[];
}

export interface Task {
  id: string;
  kind: TaskKind;
  person: PersonName;
  organisationName: string;
  episodeId: string;
  mine: boolean;
  createdOn: IsoDate;
  escalateOn: IsoDate;
  status: 'open' | 'escalated';
}

export interface TaskCompleted {
  status: 'completed';
  outcome: string;
  episodeId: string | null;
}

export const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;
