import type { SignalFinding } from '@bedring/domain/checkin/signal.rules';

/** What the check-in form needs: the signs from the person's own plans, and their reminder time. */
export interface CheckinForm {
  questionnaireId: string;
  today: string;
  checkedInToday: number;
  warningSigns: Array<{ id: string; text: string }>;
  remindAt: string | null;
}

export type UseKind = 'none' | 'lapse' | 'use';

export interface NewCheckin {
  id: string;
  madeAt: string;
  mood: number;
  craving: number;
  sleep: number;
  use: UseKind;
  substance?: string | null;
  amount?: string | null;
  riskySituation: boolean;
  warningSigns: string[];
  note?: string | null;
}

/** A step of the person's own plan that fits a signal. */
export interface PlanStep {
  id: string;
  kind: string;
  section: string;
  text: string;
  phone: string | null;
}

export interface StoredCheckin {
  id: string;
  day: string;
  created: boolean;
  signals: Array<SignalFinding & { steps: PlanStep[] }>;
}

export interface CheckinView {
  id: string;
  day: string;
  mood: number;
  craving: number;
  sleep: number;
  use: UseKind;
  substance: string | null;
  amount: string | null;
  riskySituation: boolean;
  warningSigns: string[];
  note: string;
  madeAt: string;
}

export interface OwnSignal {
  id: string;
  kind: SignalFinding['kind'];
  finding: SignalFinding;
  raisedAt: string;
  steps: PlanStep[];
  acknowledged: { at: string; byName: string | null; note: string | null } | null;
}

export interface WorklistSignal {
  id: string;
  person: { id: string; givenName: string; familyName: string };
  kind: SignalFinding['kind'];
  finding: SignalFinding;
  raisedAt: string;
}

export interface Progress {
  days: Array<{ day: string; checkedIn: boolean; lapse: boolean }>;
  checkinDays: number;
  lapseDays: number;
  totalCheckinDays: number;
  contacts: number;
  goals: { at: string; goals: Array<{ text: string; progress: number | null }> } | null;
}

export interface HelpAnswer {
  created: boolean;
  notified: number;
  steps: PlanStep[];
}
