import type { AboutSaved, PersonAnswer, RatingCreated, RatingList } from '@bedring/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import type { LivingConditionDomain, Rating } from './living-conditions.ts';

/** Everything cached about one person sits under ['person', id], so one invalidation refreshes it all. */
export const personKey = (personId: string) => ['person', personId] as const;

export function usePerson(personId: string) {
  return useQuery({
    queryKey: personKey(personId),
    queryFn: () => api<PersonAnswer>(`/api/persons/${encodeURIComponent(personId)}`),
    enabled: personId !== '',
  });
}

export function useRatingHistory(personId: string, domain: LivingConditionDomain) {
  return useQuery({
    queryKey: [...personKey(personId), 'ratings', domain],
    queryFn: () =>
      api<RatingList>(
        `/api/persons/${encodeURIComponent(personId)}/ratings?${new URLSearchParams({ domain })}`,
      ),
  });
}

export interface NewRating {
  domain: LivingConditionDomain;
  rating: Rating;
  note?: string;
}

export function useRateDomain(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRating) =>
      api<RatingCreated>(`/api/persons/${encodeURIComponent(personId)}/ratings`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKey(personId) }),
  });
}

export function useSaveAbout(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { aboutMe: string; strengths: string }) =>
      api<AboutSaved>(`/api/persons/${encodeURIComponent(personId)}/about`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKey(personId) }),
  });
}
