import type { BreakGlassList, BreakGlassOpened, BreakGlassReviewed } from '@bedring/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { personKey } from '../record/person.resource.ts';

export type BreakGlassEvent = BreakGlassList['events'][number];

/** Opens time-limited access with a stated reason; the person's record is then fetched again. */
export function useOpenBreakGlass(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      api<BreakGlassOpened>(`/api/persons/${encodeURIComponent(personId)}/break-glass`, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKey(personId) }),
  });
}

const eventsKey = ['break-glass'] as const;

export function useBreakGlassEvents() {
  return useQuery({
    queryKey: eventsKey,
    queryFn: () => api<BreakGlassList>('/api/break-glass'),
  });
}

export function useReviewBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      api<BreakGlassReviewed>(`/api/break-glass/${encodeURIComponent(id)}/review`, {
        method: 'POST',
        body: { note },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventsKey }),
  });
}
