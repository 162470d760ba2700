import type { LoginAnswer, LoginBody, LogoutAnswer, MeAnswer } from '@bedring/contract';
import type { Role } from '@bedring/domain/access/roles';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../http/api-client.ts';
import { claimQueue, clearQueue } from '../offline/offline-queue.ts';
import { clearOfflineCaches } from '../offline/service-worker.ts';

/**
 * Who is logged in, as the pages use it: what /api/auth/me answers (MeAnswer) less what no page needs, so
 * a test can state a user in few words.
 */
export interface SessionUser {
  id: string;
  role: Role;
  displayName: string;
  personId: string | null;
  /** The staff member's unit (the leader's board and views are of it); absent in tests that need none. */
  unitId?: string | null;
  organisation: { id: string; name: string; kind: string } | null;
}

export type LoginInput = LoginBody;

export const sessionKey = ['session'] as const;

/** The logged-in user, or null. The session itself lives in an HttpOnly cookie the script cannot read. */
async function fetchSession(): Promise<SessionUser | null> {
  try {
    const me = await api<MeAnswer>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me.user;
  } catch (e) {
    if (isApiError(e, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

/**
 * Forgets the session in the browser: every cached record of the previous user goes too, and so
 * do the service worker's caches with the offline copy of the crisis plan (ADR 0008).
 */
export function forgetSession(queryClient: QueryClient) {
  setCsrfToken(null);
  queryClient.setQueryData(sessionKey, null);
  removeRecords(queryClient);
  void clearOfflineCaches();
}

/**
 * Asks the server again who is logged in, for a fresh CSRF token (a page opened offline read the
 * session from the offline copy, which has none). Undefined when there is still no answer.
 */
export async function recheckSession(queryClient: QueryClient): Promise<SessionUser | null | undefined> {
  try {
    const user = await fetchSession();
    if (user) queryClient.setQueryData(sessionKey, user);
    else forgetSession(queryClient);
    return user;
  } catch {
    return undefined;
  }
}

function removeRecords(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { expectsUnauthorized: true },
    mutationFn: (input: LoginInput) => api<LoginAnswer>('/api/auth/login', { method: 'POST', body: input }),
    onSuccess: async (res) => {
      setCsrfToken(res.csrfToken);
      removeRecords(queryClient);
      // Nothing of a previous user stays on the device: no offline copy, no writes queued in their
      // name (the same person's queued writes stay, to be sent now).
      await clearOfflineCaches();
      await claimQueue(res.user.id).catch(() => undefined);
      // /me adds the organisation; fetched now so the shell has it at once.
      await queryClient.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<LogoutAnswer>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      forgetSession(queryClient);
      // Logging out is leaving the device: writes still waiting are deleted unsent (ADR 0008).
      void clearQueue().catch(() => undefined);
    },
  });
}

/** The user inside the authenticated part of the app (RequireAuth guarantees one). */
export function useUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useUser outside RequireAuth');
  return data;
}
