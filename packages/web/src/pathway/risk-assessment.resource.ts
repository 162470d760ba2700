import type {
  DischargeFactsAnswer,
  RiskAssessmentBody,
  RiskAssessmentCreated,
  RiskAssessmentList,
} from '@bedring/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { personKey } from '../record/person.resource.ts';

const personPath = (personId: string) => `/api/persons/${encodeURIComponent(personId)}`;

/** `enabled`: only for the roles that may read assessments (a peer worker's request would be refused). */
export function useRiskAssessments(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...personKey(personId), 'risk-assessments'],
    queryFn: () => api<RiskAssessmentList>(`${personPath(personId)}/risk-assessments`),
    enabled,
  });
}

export function useAddRiskAssessment(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RiskAssessmentBody) =>
      api<RiskAssessmentCreated>(`${personPath(personId)}/risk-assessments`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKey(personId) }),
  });
}

/** What the record holds that the discharge checklist asks about (children, relatives, assessments). */
export function useDischargeFacts(personId: string, episodeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...personKey(personId), 'discharge-facts', episodeId],
    queryFn: () =>
      api<DischargeFactsAnswer>(
        `${personPath(personId)}/episodes/${encodeURIComponent(episodeId)}/discharge-facts`,
      ),
    enabled,
  });
}
