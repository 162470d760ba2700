import type { Locator, Page } from 'playwright-core';

/**
 * The patient portal's offline parts (ADR 0008) as the browser holds them: the service worker, its
 * caches, the offline write queue in IndexedDB, and the status line of writes waiting for the network.
 * Browser code is passed as strings: this file is type-checked without the DOM library.
 */
export class OfflinePortal {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /**
   * Polls a browser expression until it is truthy. Not page.waitForFunction: a string predicate is
   * polled there with eval, which the app's CSP (rightly) blocks.
   */
  async until(expression: string, timeoutMs = 10_000) {
    const end = Date.now() + timeoutMs;
    while (!(await this.page.evaluate(expression))) {
      if (Date.now() > end) throw new Error(`timed out waiting for: ${expression}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits until the service worker is active and controls the page. */
  async serviceWorkerControls() {
    await this.until(
      'navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller.state === "activated"',
    );
  }

  async cacheNames(): Promise<string[]> {
    return (await this.page.evaluate('caches.keys()')) as string[];
  }

  /** The paths (without origin) a cache holds. */
  async cachedPaths(cacheName: string): Promise<string[]> {
    return (await this.page.evaluate(
      `caches.has(${JSON.stringify(cacheName)}).then((has) => has
        ? caches.open(${JSON.stringify(cacheName)}).then((c) => c.keys()).then((ks) => ks.map((r) => new URL(r.url).pathname).sort())
        : [])`,
    )) as string[];
  }

  /** Waits until the service worker has saved these paths in the cache. */
  async waitForCached(cacheName: string, paths: string[]) {
    await this.until(
      `caches.has(${JSON.stringify(cacheName)}).then((has) => has &&
        caches.open(${JSON.stringify(cacheName)}).then((c) => c.keys()).then((ks) => {
          const kept = ks.map((r) => new URL(r.url).pathname);
          return ${JSON.stringify(paths)}.every((p) => kept.includes(p));
        }))`,
    );
  }

  async waitForNoCaches() {
    await this.until('caches.keys().then((names) => names.length === 0)');
  }

  /** An API read made by the page now, and where the answer came from. */
  async read(
    path: string,
  ): Promise<{ status: number; offlineCopy: string | null; body: unknown } | 'network error'> {
    return (await this.page.evaluate(
      `fetch(${JSON.stringify(path)}).then(
        async (r) => ({ status: r.status, offlineCopy: r.headers.get('x-bedring-offline-copy'), body: await r.json() }),
        () => 'network error')`,
    )) as { status: number; offlineCopy: string | null; body: unknown } | 'network error';
  }

  /** Puts writes in the queue as sendOrQueue does without a network (the UI for check-ins comes later). */
  async queueWrites(writes: { path: string; body: unknown }[]) {
    await this.page.evaluate(
      `${openQueue}.then((db) => new Promise((resolve, reject) => {
        const tx = db.transaction('writes', 'readwrite');
        for (const w of ${JSON.stringify(writes)}) tx.objectStore('writes').add({ ...w, queuedAt: new Date().toISOString() });
        tx.oncomplete = () => { db.close(); resolve(true); };
        tx.onerror = () => reject(tx.error);
      }))`,
    );
  }

  async queuedWrites(): Promise<{ path: string; body: unknown }[]> {
    return (await this.page.evaluate(
      `${openQueue}.then((db) => new Promise((resolve, reject) => {
        const req = db.transaction('writes').objectStore('writes').getAll();
        req.onsuccess = () => { db.close(); resolve(req.result.map((w) => ({ path: w.path, body: w.body }))); };
        req.onerror = () => reject(req.error);
      }))`,
    )) as { path: string; body: unknown }[];
  }

  /** The polite status line: "1 innsjekk venter på nett — sendes automatisk". */
  pendingStatus(): Locator {
    return this.page.locator('.pending-writes').getByRole('status');
  }

  droppedAlert(): Locator {
    return this.page.locator('.pending-writes').getByRole('alert');
  }
}

/** Opens the app's queue database (packages/web/src/offline/queue-store.ts, version 1). */
const openQueue = `new Promise((resolve, reject) => {
  const req = indexedDB.open('bedring-offline', 1);
  req.onupgradeneeded = () => {
    req.result.createObjectStore('writes', { autoIncrement: true });
    req.result.createObjectStore('meta');
  };
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
})`;
