import type { DeadlineKind, IsoDate, ReferralChecklist, ReferrerKind, TaskKind } from './pathway-rules.ts';

/** Shapes of the pathway API answers the work pages read (packages/server/src/pathway/*.routes.ts). */
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

export interface StaffMember {
  id: string;
  name: string;
  role: string;
  organisationId: string;
  organisationName: string;
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
