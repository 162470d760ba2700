import type {
  SelfAdmissionBody,
  SelfAdmissionContractBody,
  SelfAdmissionContractCreated,
  SelfAdmissionContractList,
  SelfAdmissionCreated,
  SelfAdmissionEndBody,
  SelfAdmissionEnded,
  SelfAdmissionNumbers,
} from '@bedring/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { personKey } from '../record/person.resource.ts';

/** Brukerstyrt innleggelse is part of the person's record: cached under ['person', id]. */
const key = (personId: string) => [...personKey(personId), 'self-admission'] as const;
const path = (personId: string) => `/api/persons/${encodeURIComponent(personId)}/self-admission-contracts`;

export function useSelfAdmissionContracts(personId: string) {
  return useQuery({
    queryKey: key(personId),
    queryFn: () => api<SelfAdmissionContractList>(path(personId)),
    enabled: personId !== '',
  });
}

/** A new contract or a stay changes the pathway too (a round or an episode): refresh the whole record. */
function useRecordMutation<Body, Result>(personId: string, send: (body: Body) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKey(personId) }),
  });
}

export function useAddSelfAdmissionContract(personId: string) {
  return useRecordMutation(personId, (body: SelfAdmissionContractBody) =>
    api<SelfAdmissionContractCreated>(path(personId), { method: 'POST', body }),
  );
}

export function useRecordStay(personId: string, contractId: string) {
  return useRecordMutation(personId, (body: SelfAdmissionBody) =>
    api<SelfAdmissionCreated>(`${path(personId)}/${encodeURIComponent(contractId)}/stays`, {
      method: 'POST',
      body,
    }),
  );
}

/** Ending the contract: from the day given it is not in force; its stays stay as they were. */
export function useEndContract(personId: string, contractId: string) {
  return useRecordMutation(personId, (body: SelfAdmissionEndBody) =>
    api<SelfAdmissionEnded>(`${path(personId)}/${encodeURIComponent(contractId)}/end`, {
      method: 'POST',
      body,
    }),
  );
}

/** The unit's numbers for a period (GET /api/self-admissions): counts only, for the unit's leader. */
export function useSelfAdmissionNumbers(unitId: string | null, from: string, to: string) {
  const params = new URLSearchParams({ from, to });
  if (unitId) params.set('unitId', unitId);
  return useQuery({
    queryKey: ['self-admissions', unitId, from, to] as const,
    queryFn: () => api<SelfAdmissionNumbers>(`/api/self-admissions?${params}`),
  });
}
