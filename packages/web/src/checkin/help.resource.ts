import type { HelpRequestTaken, OpenHelpRequests, OwnHelpRequests } from '@bedring/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../http/api-client.ts';
import { personKey } from '../record/person.resource.ts';
import { signalsKey } from './checkin.resource.ts';

/** Help that cannot be missed (docs/decisions/0015-help-requests.md). */
export const openHelpKey = ['help-requests', 'open'] as const;

/** The pinned block: asked again every half minute, so a new request shows without a reload. */
export function useOpenHelpRequests(enabled: boolean) {
  return useQuery({
    queryKey: openHelpKey,
    queryFn: () => api<OpenHelpRequests>('/api/help-requests/open'),
    enabled,
    refetchInterval: 30_000,
  });
}

/** "Jeg tar den". */
export function useTakeHelpRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<HelpRequestTaken>(`/api/help-requests/${encodeURIComponent(id)}/take`, { method: 'POST' }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: openHelpKey });
      void queryClient.invalidateQueries({ queryKey: signalsKey });
    },
  });
}

/** The person's own help requests and who took them: asked again every 15 s while the page is open. */
export function useOwnHelpRequests(personId: string) {
  return useQuery({
    queryKey: [...personKey(personId), 'help-requests'],
    queryFn: () => api<OwnHelpRequests>(`/api/persons/${encodeURIComponent(personId)}/help-requests`),
    enabled: personId !== '',
    refetchInterval: 15_000,
  });
}

/** "Now", moving on every `ms`: for "for 3 minutter siden" that keeps counting. */
export function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
