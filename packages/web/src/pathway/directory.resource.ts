import { useQuery } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import type { StaffMember, Unit } from './pathway.types.ts';

/** Units of the user's organisation (not personal health data, so cached for the session). */
export function useUnits() {
  return useQuery({
    queryKey: ['directory', 'units'],
    queryFn: () => api<{ units: Unit[] }>('/api/units'),
    staleTime: 5 * 60_000,
  });
}

export function useStaff(role: 'leader' | 'clinician' | 'milieu' | 'municipal' | 'peer', enabled = true) {
  return useQuery({
    queryKey: ['directory', 'staff', role],
    queryFn: () => api<{ staff: StaffMember[] }>(`/api/staff?${new URLSearchParams({ role })}`),
    staleTime: 5 * 60_000,
    enabled,
  });
}
