import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { recheckSession, useUser } from '../auth/session.resource.ts';
import { hasCsrfToken } from '../http/api-client.ts';
import { claimQueue, countPendingWrites, flushQueue } from './offline-queue.ts';
import { PendingWrites } from './pending-writes.component.tsx';
import { registerServiceWorker } from './service-worker.ts';

/** Retries after a flush that left writes waiting (then the next `online`, app start or login). */
const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

/**
 * The patient portal's offline part (ADR 0008), mounted in the shell for a patient: registers the
 * service worker, sends queued writes on app start and after login (this mounts then) and whenever
 * the browser says it is online again, and shows what still waits.
 */
export function OfflinePortal() {
  const user = useUser();
  const queryClient = useQueryClient();

  useEffect(() => {
    // The session was read before the worker took control (the first visit): read it again through
    // the worker, so that the portal can open offline from now on.
    const onControl = () => void recheckSession(queryClient);
    navigator.serviceWorker?.addEventListener('controllerchange', onControl);
    void registerServiceWorker();
    return () => navigator.serviceWorker?.removeEventListener('controllerchange', onControl);
  }, [queryClient]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const flush = async () => {
      clearTimeout(timer);
      if (stopped) return;
      try {
        if ((await countPendingWrites()) === 0) return;
        // A page opened offline got the session from the offline copy, which has no CSRF token:
        // ask the server again first (it also tells us if the session has ended meanwhile; then the
        // writes wait for the next login).
        if (!hasCsrfToken() && !(await recheckSession(queryClient))) return;
        if (stopped) return;
        if (hasCsrfToken() && (await flushQueue()).left === 0) return;
      } catch {
        // Storage blocked, or the network gone again.
      }
      // `online` can come before the network really works: try a few more times, further apart.
      const delay = RETRY_MS[attempt++];
      if (!stopped && delay !== undefined) timer = setTimeout(flush, delay);
    };
    const onOnline = () => {
      attempt = 0;
      void flush();
    };
    void claimQueue(user.id).then(flush, () => undefined);
    window.addEventListener('online', onOnline);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [user.id, queryClient]);

  return <PendingWrites />;
}
