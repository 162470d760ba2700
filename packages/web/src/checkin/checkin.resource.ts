import type {
  CheckinForm,
  CheckinList,
  CheckinStored,
  HelpAnswer,
  NewCheckin,
  PersonSignals,
  ReminderSet,
  SignalAcknowledged,
  SignalWorklist,
} from '@bedring/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { sendOrQueue } from '../offline/offline-queue.ts';
import { personKey } from '../record/person.resource.ts';

const personPath = (personId: string) => `/api/persons/${encodeURIComponent(personId)}`;
/** Check-ins are part of the person's record: cached under ['person', id], refreshed with it. */
const checkinKey = (personId: string) => [...personKey(personId), 'checkin'] as const;
export const signalsKey = ['signals'] as const;

export function useCheckinForm(personId: string) {
  return useQuery({
    queryKey: [...checkinKey(personId), 'form'],
    queryFn: () => api<CheckinForm>(`${personPath(personId)}/checkin`),
    enabled: personId !== '',
  });
}

/**
 * The check-ins of the last four weeks with the words of the signs ticked, and the progress: one read,
 * one line in the person's access log, shared by the sections that show them.
 */
export function useCheckins(personId: string) {
  return useQuery({
    queryKey: [...checkinKey(personId), 'list'],
    queryFn: () => api<CheckinList>(`${personPath(personId)}/checkins`),
    enabled: personId !== '',
  });
}

export function usePersonSignals(personId: string) {
  return useQuery({
    queryKey: [...checkinKey(personId), 'signals'],
    queryFn: () => api<PersonSignals>(`${personPath(personId)}/signals`),
    enabled: personId !== '',
  });
}

/**
 * Sends the check-in, or keeps it on the phone until there is a network (ADR 0008): the id is made
 * here, so sending it again later is the same check-in.
 */
export function useSendCheckin(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCheckin) => sendOrQueue<CheckinStored>(`${personPath(personId)}/checkins`, body),
    // Sent even when the browser says it is offline: sendOrQueue keeps it on the phone then.
    networkMode: 'always',
    onSuccess: () => queryClient.invalidateQueries({ queryKey: checkinKey(personId) }),
  });
}

export function useSetReminder(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (remindAt: string | null) =>
      api<ReminderSet>(`${personPath(personId)}/checkin-reminder`, {
        method: 'PUT',
        body: { remindAt },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...checkinKey(personId), 'form'] }),
  });
}

/** "Jeg trenger hjelp nå": sent at once, or as soon as there is a network. */
export function sendHelpRequest(personId: string, request: { id: string; madeAt: string }) {
  return sendOrQueue<HelpAnswer>(`${personPath(personId)}/help-requests`, request);
}

/** The worklist's signals: the persons the user follows, and a leader's whole unit. */
export function useWorklistSignals() {
  return useQuery({
    queryKey: signalsKey,
    queryFn: () => api<SignalWorklist>('/api/signals'),
  });
}

export function useAcknowledgeSignal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      api<SignalAcknowledged>(`/api/signals/${encodeURIComponent(id)}/acknowledge`, {
        method: 'POST',
        body: { note },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: signalsKey });
      void queryClient.invalidateQueries({ queryKey: ['person'] });
    },
  });
}
