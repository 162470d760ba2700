import type { RelativeBody, RelativeList, RelativeSaved, RelativeUpdateBody } from '@bedring/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { personKey } from './person.resource.ts';

/** Under the person's key: a change refreshes the discharge checklist's hints too. */
const relativesKey = (personId: string) => [...personKey(personId), 'relatives'] as const;
const relativesPath = (personId: string) => `/api/persons/${encodeURIComponent(personId)}/relatives`;

/** `enabled`: only for the roles that may read the list (a peer worker's request would be refused). */
export function useRelatives(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: relativesKey(personId),
    queryFn: () => api<RelativeList>(relativesPath(personId)),
    enabled,
  });
}

export function useSaveRelative(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: RelativeBody | RelativeUpdateBody }) =>
      id
        ? api<RelativeSaved>(`${relativesPath(personId)}/${encodeURIComponent(id)}`, { method: 'PUT', body })
        : api<RelativeSaved>(relativesPath(personId), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKey(personId) }),
  });
}
