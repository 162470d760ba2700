/**
 * The patient portal's service worker, served at /sw.js with scope / (ADR 0008). It does three things:
 *
 * 1. Keeps the app shell (index.html and the built, content-hashed JS and CSS) so the portal opens
 *    without a network. Pages are network-first (a new build is seen at once), hashed files are
 *    cache-first (a name never changes content); the build writes the file list and a build version
 *    into this file, so every build installs a new worker whose cache replaces the old one.
 * 2. Keeps an offline copy of exactly two API reads, network-first (the copy when the server is slow), for a
 *    logged-in patient only:
 *    GET /api/auth/me (without the CSRF token) and GET /api/persons/{own id}/plans, reduced to the
 *    crisis plan (docs/domain/plans.md, M-08). That is what the crisis plan page needs to open offline, and
 *    nothing else:
 *    every other API and FHIR response passes by untouched and is never stored on the device.
 * 3. Drops the offline copy when the server says the session is gone (401) or the user is not a
 *    patient; the page deletes every cache itself on logout and on the next login.
 *
 * Written in TypeScript and built by Vite as its own entry (see vite.config.ts) rather than as plain
 * JS in public/: it is type-checked and linted with the rest, and the build can write the hashed file
 * names into it. It imports nothing, so the output is one self-contained classic script. The service
 * worker types are declared below because the web app's tsconfig has the DOM library, and the
 * WebWorker library cannot be added beside it.
 */

// A module, so that the declarations below stay in this file.
export {};

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const sw = self as unknown as ServiceWorkerScope;

/** Written by the build (vite.config.ts, serviceWorkerBuild): a hash of the build and its files. */
const VERSION = '__BEDRING_SW_VERSION__';
const PRECACHE: readonly string[] = ['__BEDRING_SW_PRECACHE__'];

const SHELL_CACHE = `bedring-shell-${VERSION}`;
const DATA_CACHE = 'bedring-data';
const INDEX = '/index.html';
const ME = '/api/auth/me';
const PLANS = /^\/api\/persons\/([^/]+)\/plans$/;
/**
 * How long the two kept reads wait for the server when the phone has a copy: a server that does not answer
 * in time is treated like no network, so Min side and the crisis plan open at once from the copy
 * (docs/decisions/0015-help-requests.md). Without a copy the read waits as long as it takes.
 */
const NETWORK_WAIT_MS = 4_000;
/** On the offline copies only: when the copy was saved (tells a copy from a live answer). */
const SAVED_AT_HEADER = 'x-bedring-offline-copy';

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' }))))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('bedring-shell-') && name !== SHELL_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

/** The page asks for the shell again after it has deleted every cache (logout, another login). */
sw.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'precache') event.waitUntil(refillShell());
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (url.search === '' && url.pathname === ME) return event.respondWith(session(request));
  const plans = PLANS.exec(url.pathname);
  if (url.search === '' && plans?.[1]) {
    return event.respondWith(crisisPlan(request, url.pathname, decodeURIComponent(plans[1])));
  }
  // Every other read of the record goes to the network and is never stored here.
  if (url.pathname.startsWith('/api/') || url.pathname === '/fhir' || url.pathname.startsWith('/fhir/'))
    return;
  if (request.mode === 'navigate') return event.respondWith(page(request));
  if (isShellFile(url.pathname)) return event.respondWith(shellFile(request, url.pathname));
});

function isShellFile(path: string): boolean {
  return path.startsWith('/assets/') || PRECACHE.includes(path);
}

async function refillShell(): Promise<void> {
  const cache = await caches.open(SHELL_CACHE);
  for (const path of PRECACHE) {
    if (await cache.match(path)) continue;
    try {
      await cache.add(new Request(path, { cache: 'reload' }));
    } catch {
      // Offline now: the next page load fills it.
    }
  }
}

/**
 * Keeps a copy in the shell cache, but only while there is one: after a logout deleted every cache,
 * nothing is kept again until a patient is logged in and the portal asks for the shell (refillShell).
 */
async function keepInShell(path: string, response: Response): Promise<void> {
  if (await caches.has(SHELL_CACHE)) await (await caches.open(SHELL_CACHE)).put(path, response);
}

/** Pages: the network first, so a new build shows at once; the kept index.html when offline. */
async function page(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
      await keepInShell(INDEX, response.clone());
    }
    return response;
  } catch (e) {
    const kept = await caches.match(INDEX, { cacheName: SHELL_CACHE });
    if (kept) return kept;
    throw e;
  }
}

/** Built files: their names carry a hash of their content, so a kept copy is always right. */
async function shellFile(request: Request, path: string): Promise<Response> {
  const kept = await caches.match(path, { cacheName: SHELL_CACHE });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await keepInShell(path, response.clone());
  return response;
}

function offlineCopy(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      [SAVED_AT_HEADER]: new Date().toISOString(),
    },
  });
}

/** The network's answer, or a rejection when it has not come within NETWORK_WAIT_MS and a copy is kept. */
async function fetchWithin(request: Request, path: string): Promise<Response> {
  const network = fetch(request);
  // A late failure after the copy was served is nobody's error.
  network.catch(() => undefined);
  if (!(await caches.match(path, { cacheName: DATA_CACHE }))) return network;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('slow network')), NETWORK_WAIT_MS);
  });
  try {
    return await Promise.race([network, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function kept(path: string): Promise<Response> {
  return (await caches.match(path, { cacheName: DATA_CACHE })) ?? Response.error();
}

interface StoredSession {
  user?: { role?: unknown; personId?: unknown };
}

async function storedPatient(): Promise<string | null> {
  const response = await caches.match(ME, { cacheName: DATA_CACHE });
  const me = (await response?.json().catch(() => null)) as StoredSession | null | undefined;
  return me?.user?.role === 'patient' && typeof me.user.personId === 'string' ? me.user.personId : null;
}

/** Who is logged in: kept (without the CSRF token, which stays in memory) only for a patient. */
async function session(request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await fetchWithin(request, ME);
  } catch {
    return kept(ME);
  }
  if (response.status === 200) {
    const me = (await response
      .clone()
      .json()
      .catch(() => null)) as (StoredSession & Record<string, unknown>) | null;
    if (me?.user?.role === 'patient' && typeof me.user.personId === 'string') {
      await (await caches.open(DATA_CACHE)).put(ME, offlineCopy({ ...me, csrfToken: null }));
    } else {
      await caches.delete(DATA_CACHE);
    }
  } else if (response.status === 401) {
    await caches.delete(DATA_CACHE);
  }
  return response;
}

/** The person's own plans, kept reduced to the crisis plan: the one plan needed when things are bad. */
async function crisisPlan(request: Request, path: string, personId: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetchWithin(request, path);
  } catch {
    return kept(path);
  }
  if (response.status === 200 && (await storedPatient()) === personId) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { plans?: unknown } | null;
    if (body && Array.isArray(body.plans)) {
      const plans = body.plans.filter((p: { kind?: unknown } | null) => p?.kind === 'crisis');
      await (await caches.open(DATA_CACHE)).put(path, offlineCopy({ ...body, plans }));
    }
  } else if (response.status >= 400 && response.status < 500 && (await caches.has(DATA_CACHE))) {
    await (await caches.open(DATA_CACHE)).delete(path);
  }
  return response;
}
