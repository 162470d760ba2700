import type {
  ContactList,
  ContactRecorded,
  FeedbackAlertAcknowledged,
  InstrumentDetail,
  InstrumentList,
  NewContact,
  PersonAlerts,
  PersonQuestionnaires,
  ResponseStatus,
  SavedResponse,
  StoredResponse,
  TrajectoryList,
  WorklistAlerts,
} from '@bedring/contract';
import type { QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { personKey } from '../record/person.resource.ts';

const personPath = (personId: string) => `/api/persons/${encodeURIComponent(personId)}`;

/** The person's questionnaires are part of their record: cached under ['person', id], refreshed with it. */
export const questionnairesKey = (personId: string) => [...personKey(personId), 'questionnaires'] as const;
const trajectoriesKey = (personId: string) => [...personKey(personId), 'trajectories'] as const;
const personAlertsKey = (personId: string) => [...personKey(personId), 'feedback-alerts'] as const;
const contactsKey = (personId: string) => [...personKey(personId), 'contacts'] as const;
const worklistKey = ['feedback-alerts'] as const;

/** The instrument library (not personal data): changes only when an administrator imports or configures. */
export function useLibrary(enabled = true) {
  return useQuery({
    queryKey: ['questionnaires'],
    queryFn: () => api<InstrumentList>('/api/questionnaires'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useInstrument(questionnaireId: string) {
  return useQuery({
    queryKey: ['questionnaires', questionnaireId],
    queryFn: () => api<InstrumentDetail>(`/api/questionnaires/${encodeURIComponent(questionnaireId)}`),
    staleTime: 5 * 60_000,
  });
}

export function usePersonQuestionnaires(personId: string, enabled = true) {
  return useQuery({
    queryKey: questionnairesKey(personId),
    queryFn: () => api<PersonQuestionnaires>(`${personPath(personId)}/questionnaires`),
    enabled: enabled && personId !== '',
  });
}

/** A saved response, to resume it. Always fetched fresh: it may have been saved from another device. */
export function useStoredResponse(personId: string, responseId: string | null) {
  return useQuery({
    queryKey: [...questionnairesKey(personId), 'response', responseId],
    queryFn: () =>
      api<StoredResponse>(`${personPath(personId)}/responses/${encodeURIComponent(responseId ?? '')}`),
    enabled: responseId !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

export interface ResponseToSave {
  /** The response saved before (save and resume); null for the first save. */
  responseId: string | null;
  questionnaireId: string;
  status: ResponseStatus;
  item: QuestionnaireResponseItem[];
  contactId?: string | null;
}

/** First save POSTs, later saves PUT to the same response (save and resume, then complete). */
export function useSaveResponse(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ responseId, questionnaireId, status, item, contactId }: ResponseToSave) =>
      responseId
        ? api<SavedResponse>(`${personPath(personId)}/responses/${encodeURIComponent(responseId)}`, {
            method: 'PUT',
            body: { status, item },
          })
        : api<SavedResponse>(`${personPath(personId)}/responses`, {
            method: 'POST',
            body: { questionnaireId, status, item, ...(contactId ? { contactId } : {}) },
          }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: questionnairesKey(personId) });
      if (saved.status === 'completed') {
        void queryClient.invalidateQueries({ queryKey: trajectoriesKey(personId) });
        void queryClient.invalidateQueries({ queryKey: personAlertsKey(personId) });
        void queryClient.invalidateQueries({ queryKey: worklistKey });
      }
    },
  });
}

export function useContacts(personId: string, enabled = true) {
  return useQuery({
    queryKey: contactsKey(personId),
    queryFn: () => api<ContactList>(`${personPath(personId)}/contacts`),
    enabled,
  });
}

export function useRecordContact(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewContact) =>
      api<ContactRecorded>(`${personPath(personId)}/contacts`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contactsKey(personId) });
      void queryClient.invalidateQueries({ queryKey: questionnairesKey(personId) });
    },
  });
}

export function useTrajectories(personId: string, enabled = true) {
  return useQuery({
    queryKey: trajectoriesKey(personId),
    queryFn: () => api<TrajectoryList>(`${personPath(personId)}/trajectories`),
    enabled: enabled && personId !== '',
  });
}

export function usePersonAlerts(personId: string, enabled = true) {
  return useQuery({
    queryKey: personAlertsKey(personId),
    queryFn: () => api<PersonAlerts>(`${personPath(personId)}/feedback-alerts`),
    enabled,
  });
}

/** The worklist: the clinician's own open alerts; a unit leader's also the organisation's. */
export function useWorklistAlerts(enabled = true) {
  return useQuery({
    queryKey: worklistKey,
    queryFn: () => api<WorklistAlerts>('/api/feedback-alerts'),
    enabled,
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ alertId, note }: { alertId: string; note: string }) =>
      api<FeedbackAlertAcknowledged>(`/api/feedback-alerts/${encodeURIComponent(alertId)}/acknowledge`, {
        method: 'POST',
        body: { note },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: worklistKey });
      // The alert also leaves the person's own list, whichever person it was about.
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'person' && q.queryKey[2] === 'feedback-alerts',
      });
    },
  });
}
