import { useQuery } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { personKey } from '../record/person.resource.ts';

export interface AccessLogEntry {
  id: string;
  at: string;
  action: string;
  resourceType: string;
  actorName: string | null;
  actorRole: string;
  organisationName: string | null;
  purpose: string | null;
  breakGlassReason: string | null;
}

/** Who has looked at or changed the record (Normen): for the person themself and the unit leader. */
export function useAccessLog(personId: string) {
  return useQuery({
    queryKey: [...personKey(personId), 'access-log'],
    queryFn: () =>
      api<{ entries: AccessLogEntry[] }>(`/api/persons/${encodeURIComponent(personId)}/access-log`),
  });
}
