import type { EventResult, HandoverCreated, PathwayAnswer, PathwayWarning } from '@bedring/contract';
import type { PlanPart } from '@bedring/domain/plan/plan';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { personKey } from '../record/person.resource.ts';
import type {
  DischargeChecklist,
  EndOutcome,
  HelpNeededAtDischarge,
  Level,
  Match,
  Recommendation,
  RecordableEventKind,
  ReferralOutcome,
  Setting,
  TaskOutcome,
} from './pathway.ts';

/** The pathway is part of the person's record: cached under ['person', id], refreshed with it. */
export const pathwayKey = (personId: string) => [...personKey(personId), 'pathway'] as const;

const personPath = (personId: string) => `/api/persons/${encodeURIComponent(personId)}`;
const episodePath = (personId: string, episodeId: string) =>
  `${personPath(personId)}/episodes/${encodeURIComponent(episodeId)}`;

export function usePathway(personId: string) {
  return useQuery({
    queryKey: pathwayKey(personId),
    queryFn: () => api<PathwayAnswer>(`${personPath(personId)}/pathway`),
    enabled: personId !== '',
  });
}

/** Every write changes the pathway (and may change the person overview): refresh both. */
function usePathwayMutation<Body, Result>(personId: string, send: (body: Body) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKey(personId) }),
  });
}

export interface NewEvent {
  kind: RecordableEventKind;
  date: string;
  setting?: Setting;
  withPerson?: boolean;
  feedbackToolUsed?: boolean;
  outcome?: EndOutcome;
  helpNeeded?: HelpNeededAtDischarge;
  note?: string;
  reason?: string;
}

export function useRecordEvent(personId: string, episodeId: string) {
  return usePathwayMutation(personId, (body: NewEvent) =>
    api<EventResult>(`${episodePath(personId, episodeId)}/events`, { method: 'POST', body }),
  );
}

export interface NewAssessment {
  assessedOn: string;
  personGoals: string;
  personResources?: string;
  ratings: Record<string, { now: number; history?: number; rationale: string }>;
  opioidDependence: boolean;
  chosenLevel: Level;
  matchReason?: string;
}

export function useAssess(personId: string, episodeId: string) {
  return usePathwayMutation(personId, (body: NewAssessment) =>
    api<{ id: string; recommendation: Recommendation; chosenLevel: Level; match: Match }>(
      `${episodePath(personId, episodeId)}/assessments`,
      { method: 'POST', body },
    ),
  );
}

export interface ChecklistInput {
  items: DischargeChecklist;
  helpNeeded?: HelpNeededAtDischarge;
}

export function useSaveChecklist(personId: string, episodeId: string) {
  return usePathwayMutation(personId, (body: ChecklistInput) =>
    api<{ readiness: { ready: boolean; gaps: string[] } }>(
      `${episodePath(personId, episodeId)}/discharge-checklist`,
      { method: 'PUT', body },
    ),
  );
}

export interface NewHandover {
  municipalAccountId: string;
  handedOverOn: string;
  summary: string;
  followUpPlan: string;
  consent: { givenOn: string; expiresOn?: string };
  /** What the handover shares: plan parts its consent opens, and the signed journal notes that go with it. */
  planParts?: PlanPart[];
  journalNoteIds?: string[];
}

export function useHandover(personId: string, episodeId: string) {
  return usePathwayMutation(personId, (body: NewHandover) =>
    api<HandoverCreated>(`${episodePath(personId, episodeId)}/handover`, {
      method: 'POST',
      body,
    }),
  );
}

export interface ReferralAssessmentInput {
  assessedOn: string;
  outcome: ReferralOutcome;
  treatmentStartDeadline?: string;
  note?: string;
  letterToPersonOn?: string;
  letterToReferrerOn?: string;
}

export function useAssessReferral(personId: string, referralId: string) {
  return usePathwayMutation(personId, (body: ReferralAssessmentInput) =>
    api<{ state: string; warnings: PathwayWarning[] }>(
      `${personPath(personId)}/referrals/${encodeURIComponent(referralId)}/assessment`,
      { method: 'POST', body },
    ),
  );
}

export function useCompleteTask(personId: string, taskId: string) {
  return usePathwayMutation(personId, (body: { outcome: TaskOutcome; date: string; note?: string }) =>
    api<{ status: string; outcome: TaskOutcome; episodeId: string | null }>(
      `/api/tasks/${encodeURIComponent(taskId)}/complete`,
      { method: 'POST', body },
    ),
  );
}

export function useAssignResponsible(personId: string, episodeId: string) {
  return usePathwayMutation(personId, (body: { accountId: string }) =>
    api<{ responsible: { id: string; name: string } }>(`${episodePath(personId, episodeId)}/responsible`, {
      method: 'PUT',
      body,
    }),
  );
}
