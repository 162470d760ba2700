/**
 * The page's side of the service worker (sw.ts, ADR 0008): registered for the patient portal in the
 * production build only (the dev server has no sw.js, and hot reload and a cache do not mix).
 */

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    // After a logout or another login emptied the caches: the worker fetches the app shell again.
    const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
    worker?.postMessage({ type: 'precache' });
  } catch {
    // No offline use (blocked, private mode); the portal works as before online.
  }
}

/** Deletes every cache of this origin: the app shell and the offline copy of the crisis plan. */
export async function clearOfflineCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  } catch {
    // Storage blocked: nothing was cached either.
  }
}
