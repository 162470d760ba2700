import type {
  NetworkQuality,
  NetworkRelation,
  PlanKind,
  PlanPart,
  PlanSection,
  WrittenBy,
} from '@bedring/domain/plan/plan';

export type { NetworkQuality, NetworkRelation, PlanKind, PlanPart, PlanSection, WrittenBy };

/** Who wrote something, as GET /api/persons/{id}/plans gives it. */
export interface Author {
  id: string;
  name: string;
  role: string;
}

export interface PlanComment {
  id: string;
  text: string;
  writtenBy: WrittenBy;
  author: Author;
  createdAt: string;
}

export interface PlanEntry {
  id: string;
  section: PlanSection;
  text: string;
  successMeans: string | null;
  ownerAccountId: string | null;
  owner: { id: string; name: string | null } | null;
  dueOn: string | null;
  evaluateOn: string | null;
  phone: string | null;
  contactBeforeUse: boolean | null;
  networkMemberId: string | null;
  retired: boolean;
  writtenBy: WrittenBy;
  author: Author;
  createdAt: string;
  changedAt: string;
  comments: PlanComment[];
}

export interface PlanSignature {
  version: number;
  signedBy: { id: string; name: string };
  signedAt: string;
  current: boolean;
}

export interface PlanChange {
  version: number;
  action: 'add-entry' | 'change-entry' | 'retire-entry' | 'set-review-date';
  entryId: string | null;
  before: unknown;
  after: unknown;
  changedBy: Author;
  changedAt: string;
}

export type PlanWarning =
  | 'no-goal-in-own-words'
  | 'no-review-date'
  | 'review-due'
  | 'look-at-plan-together'
  | 'not-signed-since-change';

export interface CrisisContact {
  id: string;
  name: string;
  relation: NetworkRelation;
  crisisRole: string;
  phone: string | null;
  contactConsent: boolean;
}

export interface PlanView {
  kind: PlanKind;
  id: string | null;
  version: number;
  reviewOn: string | null;
  changedAt: string | null;
  entries: PlanEntry[];
  signatures: PlanSignature[];
  history: PlanChange[];
  warnings: PlanWarning[];
  nextEvaluationOn?: string | null;
  emergencyNumbers?: { service: string; number: string; label: string }[];
  networkContacts?: CrisisContact[];
}

export interface PlansResponse {
  today: string;
  plans: PlanView[];
}

/** An entry's content: the words and the fields of its section (the whole of it again on a change). */
export interface EntryContent {
  text: string;
  successMeans?: string | null;
  ownerAccountId?: string | null;
  dueOn?: string | null;
  evaluateOn?: string | null;
  phone?: string | null;
  contactBeforeUse?: boolean | null;
  networkMemberId?: string | null;
}

export interface NewEntry extends EntryContent {
  section: PlanSection;
}

/**
 * What the server says back on saving an entry: it prompts, it never blocks (docs/domain/care-principles.md,
 * U-13).
 */
export type SaveWarning =
  | { code: 'written-for-the-person' }
  | { code: 'due-date-passed'; dueOn: string }
  | { code: 'evaluation-after-pathway-evaluation'; evaluateOn: string; pathwayEvaluation: string };

export interface Lapse {
  id: string;
  occurredOn: string;
  situation: string | null;
  thoughtsFeelings: string | null;
  whatHappened: string | null;
  whatHelped: string | null;
  writtenBy: WrittenBy;
  author: Author;
  recordedAt: string;
}

export interface LapsesResponse {
  today: string;
  progress: { since: string | null; days: number; goodDays: number; lapses: number };
  lookAtPlanTogether: boolean;
  lapses: Lapse[];
}

export interface NewLapse {
  occurredOn: string;
  situation?: string;
  thoughtsFeelings?: string;
  whatHappened?: string;
  whatHelped?: string;
}

export interface MemberContent {
  name: string;
  relation: NetworkRelation;
  quality: NetworkQuality;
  crisisRole?: string;
  phone?: string | null;
  contactConsent: boolean;
  maySee: PlanKind[];
  note?: string;
}

export interface NetworkMember extends Required<Omit<MemberContent, 'phone'>> {
  id: string;
  phone: string | null;
  writtenBy: WrittenBy;
  author: Author;
}

export type PromiseStatus = 'open' | 'overdue' | 'kept' | 'withdrawn';

export interface PromiseView {
  id: string;
  promise: string;
  owner: { id: string; name: string | null };
  promisedBy: { id: string; name: string };
  madeOn: string;
  dueOn: string;
  status: PromiseStatus;
  completedOn: string | null;
}

export interface ConsentView {
  id: string;
  grantee: { id: string; name: string };
  purpose: string;
  givenAt: string;
  expiresAt: string | null;
  active: boolean;
  planParts: PlanPart[];
}
