import type { StaffMember, Unit } from '@bedring/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';

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

/** Municipal follow-up workers a handover can go to (staff directory, not personal health data). */
export function useMunicipalStaff(enabled: boolean) {
  return useQuery({
    queryKey: ['staff', 'municipal'],
    queryFn: () => api<{ staff: StaffMember[] }>('/api/staff?role=municipal'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Clinicians and leaders (the responsible clinician of an episode is one of them). */
export function useClinicians(enabled: boolean) {
  return useQuery({
    queryKey: ['staff', 'clinician-or-leader'],
    queryFn: async () => {
      const [clinicians, leaders] = await Promise.all([
        api<{ staff: StaffMember[] }>('/api/staff?role=clinician'),
        api<{ staff: StaffMember[] }>('/api/staff?role=leader'),
      ]);
      return [...clinicians.staff, ...leaders.staff];
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}
