import type { Caseload } from '@bedring/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';

/** "Mine pasienter": persons the staff member has an active care relation with. */
export function useCaseload(search: string) {
  return useQuery({
    queryKey: ['caseload', search],
    queryFn: () =>
      api<Caseload>(search ? `/api/persons?${new URLSearchParams({ q: search })}` : '/api/persons'),
  });
}
