import type {
  ConsentList,
  EntryBody,
  EntryCreated,
  EntryUpdateBody,
  EntryUpdated,
  LapseBody,
  LapseCreated,
  LapseList,
  MemberBody,
  MemberUpdateBody,
  NetworkList,
  NetworkMemberCreated,
  PlanEntryView,
  PlansAnswer,
  PromiseBody,
  PromiseCreated,
  PromiseList,
} from '@bedring/contract';
import type { PlanKind, PlanPart } from '@bedring/domain/plan/plan';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../http/api-client.ts';
import { personKey } from '../record/person.resource.ts';

/** The plans are part of the person's record: cached under ['person', id], refreshed with it. */
export const plansKey = (personId: string) => [...personKey(personId), 'plans'] as const;
const personPath = (personId: string) => `/api/persons/${encodeURIComponent(personId)}`;
const planPath = (personId: string, kind: PlanKind) => `${personPath(personId)}/plans/${kind}`;

export function usePlans(personId: string) {
  return useQuery({
    queryKey: plansKey(personId),
    queryFn: () => api<PlansAnswer>(`${personPath(personId)}/plans`),
    enabled: personId !== '',
    // Asked even when the browser says it is offline: the service worker may have the crisis plan
    // (ADR 0008); without it the error says so at once instead of waiting for the network.
    networkMode: 'offlineFirst',
  });
}

/** A part not shared with the caller's organisation is a 404: for them it does not exist. */
function orNotShared<T>(send: () => Promise<T>) {
  return send().catch((e: unknown) => {
    if (isApiError(e, 404)) return null;
    throw e;
  });
}

export function useLapses(personId: string) {
  return useQuery({
    queryKey: [...plansKey(personId), 'lapses'],
    queryFn: () => orNotShared(() => api<LapseList>(`${personPath(personId)}/lapses`)),
  });
}

export function useNetwork(personId: string) {
  return useQuery({
    queryKey: [...plansKey(personId), 'network'],
    queryFn: () => orNotShared(() => api<NetworkList>(`${personPath(personId)}/network`)),
  });
}

export function usePromises(personId: string) {
  return useQuery({
    queryKey: [...plansKey(personId), 'promises'],
    queryFn: () => api<PromiseList>(`${personPath(personId)}/promises`),
  });
}

export function useConsents(personId: string) {
  return useQuery({
    queryKey: [...plansKey(personId), 'consents'],
    queryFn: () => api<ConsentList>(`${personPath(personId)}/consents`),
  });
}

/** Every write changes the plans (and may change what else is shown): refresh all of them. */
function usePlanMutation<Body, Result>(personId: string, send: (body: Body) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKey(personId) }),
  });
}

export function useAddEntry(personId: string, kind: PlanKind) {
  return usePlanMutation(personId, (body: EntryBody) =>
    api<EntryCreated>(`${planPath(personId, kind)}/entries`, { method: 'POST', body }),
  );
}

/** PUT takes the whole content again: a field left out would be emptied, so send every one. */
export function useUpdateEntry(personId: string, kind: PlanKind) {
  return usePlanMutation(
    personId,
    ({ entryId, content, retired }: { entryId: string; content: EntryUpdateBody; retired?: boolean }) =>
      api<EntryUpdated>(`${planPath(personId, kind)}/entries/${encodeURIComponent(entryId)}`, {
        method: 'PUT',
        body: retired ? { ...content, retired: true } : content,
      }),
  );
}

/** An entry's content as it is now (each field is null where its section does not have it). */
export const contentOf = (e: PlanEntryView): EntryUpdateBody => ({
  text: e.text,
  successMeans: e.successMeans,
  ownerAccountId: e.ownerAccountId,
  dueOn: e.dueOn,
  evaluateOn: e.evaluateOn,
  phone: e.phone,
  contactBeforeUse: e.contactBeforeUse,
  networkMemberId: e.networkMemberId,
});

export function useComment(personId: string, kind: PlanKind, entryId: string) {
  return usePlanMutation(personId, (text: string) =>
    api(`${planPath(personId, kind)}/entries/${encodeURIComponent(entryId)}/comments`, {
      method: 'POST',
      body: { text },
    }),
  );
}

export function useSign(personId: string, kind: PlanKind) {
  return usePlanMutation(personId, (version: number) =>
    api(`${planPath(personId, kind)}/signatures`, { method: 'POST', body: { version } }),
  );
}

export function useSetReviewDate(personId: string, kind: PlanKind) {
  return usePlanMutation(personId, (reviewOn: string | null) =>
    api(`${planPath(personId, kind)}/review-date`, { method: 'PUT', body: { reviewOn } }),
  );
}

export function useRecordLapse(personId: string) {
  return usePlanMutation(personId, (body: LapseBody) =>
    api<LapseCreated>(`${personPath(personId)}/lapses`, { method: 'POST', body }),
  );
}

export function useAddMember(personId: string) {
  return usePlanMutation(personId, (body: MemberBody) =>
    api<NetworkMemberCreated>(`${personPath(personId)}/network`, { method: 'POST', body }),
  );
}

export function useUpdateMember(personId: string) {
  return usePlanMutation(personId, ({ id, body }: { id: string; body: MemberUpdateBody }) =>
    api(`${personPath(personId)}/network/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  );
}

export function useMakePromise(personId: string) {
  return usePlanMutation(personId, (body: PromiseBody) =>
    api<PromiseCreated>(`${personPath(personId)}/promises`, { method: 'POST', body }),
  );
}

export function useSetPlanParts(personId: string) {
  return usePlanMutation(personId, ({ consentId, planParts }: { consentId: string; planParts: PlanPart[] }) =>
    api(`${personPath(personId)}/consents/${encodeURIComponent(consentId)}/plan-parts`, {
      method: 'PUT',
      body: { planParts },
    }),
  );
}
