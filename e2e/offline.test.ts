import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginPage } from './pages/login.page.ts';
import { MinSidePage } from './pages/min-side.page.ts';
import { OfflinePortal } from './pages/offline.page.ts';
import { loginWithPerson } from './pages/plan.api.ts';
import { PlanPage } from './pages/plan.page.ts';
import { seriousViolations } from './support/axe.ts';
import { openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

const env = e2eEnvironment();

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  assert.equal(bytes.subarray(1, 4).toString('ascii'), 'PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the patient portal installs on a phone, the crisis plan opens offline, and logout leaves nothing behind', {
  timeout: TEST_TIMEOUT * 2,
}, async () => {
  const { personId } = await loginWithPerson(env.server.baseUrl, 'pasient');
  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('pasient', '/min-side');
  await new MinSidePage(page).ready();
  const offline = new OfflinePortal(page);

  // Installable: a manifest with the app's name, start page, colours and icons (any and maskable).
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  assert.equal(href, '/manifest.webmanifest');
  assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), '#1f5f5b');
  const res = await context.request.get(href);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'] ?? '', /^application\/manifest\+json/);
  const manifest = (await res.json()) as Manifest;
  assert.equal(manifest.name, 'Bedring');
  assert.equal(manifest.short_name, 'Bedring');
  assert.equal(manifest.start_url, '/min-side');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.theme_color, '#1f5f5b');
  assert.equal(manifest.background_color, '#f5f6f3');
  for (const icon of manifest.icons) {
    const img = await context.request.get(icon.src);
    assert.equal(img.status(), 200, icon.src);
    assert.equal(img.headers()['content-type'], 'image/png', icon.src);
    assert.equal(pngSize(await img.body()), icon.sizes, `${icon.src} is ${icon.sizes}`);
  }
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`);
  for (const wanted of ['192x192 any', '512x512 any', '512x512 maskable']) {
    assert.ok(sizes.includes(wanted), `icon ${wanted} in ${sizes.join(', ')}`);
  }
  const csp = (await context.request.get('/min-side')).headers()['content-security-policy'] ?? '';
  assert.match(csp, /worker-src 'self'/);
  assert.match(csp, /manifest-src 'self'/);

  // The service worker takes over and keeps the app shell.
  await offline.serviceWorkerControls();
  const shell = (await offline.cacheNames()).find((n) => n.startsWith('bedring-shell-'));
  assert.ok(shell, 'an app shell cache');
  const shellFiles = await offline.cachedPaths(shell);
  assert.ok(shellFiles.includes('/index.html'), 'index.html kept');
  assert.ok(
    shellFiles.some((f) => /^\/assets\/index-[\w-]+\.js$/.test(f)),
    'the hashed JS kept',
  );

  // The crisis plan, opened once online, is kept — reduced to the crisis plan, and nothing else.
  const crisis = new PlanPage(page);
  await crisis.gotoCrisisPrint('/min-side/kriseplan');
  const sheet = page.locator('.crisis-print');
  await sheet.getByText('Jeg isolerer meg, slutter å spise').waitFor();
  const online = (await sheet.textContent()) ?? '';
  const plansPath = `/api/persons/${personId}/plans`;
  await offline.waitForCached('bedring-data', ['/api/auth/me', plansPath]);
  assert.deepEqual(await offline.cachedPaths('bedring-data'), ['/api/auth/me', plansPath].sort());

  // Offline: the page opens again from the phone, with the steps and the contacts.
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Min kriseplan' }).waitFor();
  await sheet.getByText('Jeg isolerer meg, slutter å spise').waitFor();
  const text = (await sheet.textContent()) ?? '';
  assert.equal(text, online, 'the same crisis plan as online');
  for (const words of [
    'Ringer Ole eller legevakten',
    'Ole kommer hjem til meg',
    'Kommunen kommer på hjemmebesøk',
    'Ole, broren min',
    '113',
  ]) {
    assert.ok(text.includes(words), `offline crisis plan shows "${words}"`);
  }
  // It is the service worker's copy (no network), and it holds the crisis plan only.
  const copy = await offline.read(plansPath);
  assert.notEqual(copy, 'network error');
  if (copy !== 'network error') {
    assert.ok(copy.offlineCopy, 'served from the offline copy');
    assert.deepEqual(
      (copy.body as { plans: { kind: string }[] }).plans.map((p) => p.kind),
      ['crisis'],
    );
  }
  // Any other read of the record is not on the phone.
  assert.equal(await offline.read(`/api/persons/${personId}/lapses`), 'network error');
  assert.equal(await crisis.horizontalOverflow(), 0, 'the offline crisis plan fits a 360 px phone');
  assert.deepEqual(await seriousViolations(page), [], 'axe on the offline crisis plan');

  // Back online, logging out deletes the caches (and the queue).
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.waitForURL((url) => url.pathname === '/logg-inn');
  await offline.waitForNoCaches();
  assert.deepEqual(await offline.queuedWrites(), []);
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('writes queued offline wait with a status line, go out when the network is back, and a refused one is reported', {
  timeout: TEST_TIMEOUT * 2,
}, async () => {
  const { personId } = await loginWithPerson(env.server.baseUrl, 'pasient');
  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('pasient', '/min-side');
  const minSide = new MinSidePage(page);
  await minSide.ready();
  const offline = new OfflinePortal(page);
  await offline.serviceWorkerControls();
  // A page load under the service worker keeps the session for offline use.
  await page.reload();
  await minSide.ready();
  await offline.waitForCached('bedring-data', ['/api/auth/me']);

  // The check-in route is not there yet: a harmless write of the person's own (a crisis plan step)
  // stands in for a check-in, and one the server refuses (an unknown section).
  const stamp = Date.now().toString(36);
  const step = `Går en tur rundt vannet når det butter ${stamp}`;
  const entries = `/api/persons/${personId}/plans/crisis/entries`;
  await context.setOffline(true);
  await offline.queueWrites([
    { path: entries, body: { section: 'what-i-do', text: step } },
    { path: entries, body: { section: 'no-such-section', text: 'Avvises' } },
  ]);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
  await offline.pendingStatus().getByText('2 innsjekker venter på nett — sendes automatisk').waitFor();
  assert.equal(await minSide.horizontalOverflow(), 0, 'the status line fits a 360 px phone');

  // The network comes back: the first is sent, the second refused and reported, the status line empties.
  await context.setOffline(false);
  await offline.droppedAlert().getByText('1 innsjekk ble ikke tatt imot').waitFor();
  await offline
    .pendingStatus()
    .getByText(/venter på nett/)
    .waitFor({ state: 'detached' });
  assert.deepEqual(await offline.queuedWrites(), []);
  await new PlanPage(page).gotoCrisisPrint('/min-side/kriseplan');
  await page.locator('.crisis-print').getByText(step).waitFor();

  // Writes queued in one person's name are not sent in another's: the next login deletes them.
  await offline.queueWrites([{ path: entries, body: { section: 'what-i-do', text: `Ikke sendt ${stamp}` } }]);
  await context.clearCookies();
  await new LoginPage(page).loginAs('behandler', '/pasienter');
  assert.deepEqual(await offline.queuedWrites(), []);
  assert.equal((await offline.cacheNames()).includes('bedring-data'), false, 'no offline copy left');
  assert.deepEqual(cspViolations, []);
  await context.close();
});
