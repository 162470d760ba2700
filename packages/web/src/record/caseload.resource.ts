import { useQuery } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import type { CaseloadEntry } from './record.types.ts';

/** "Mine pasienter": persons the staff member has an active care relation with. */
export function useCaseload(search: string) {
  return useQuery({
    queryKey: ['caseload', search],
    queryFn: () =>
      api<{ persons: CaseloadEntry[] }>(
        search ? `/api/persons?${new URLSearchParams({ q: search })}` : '/api/persons',
      ),
  });
}
