import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { PersonHelp, PinnedHelpBlock } from './pages/help.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { MinSidePage } from './pages/min-side.page.ts';
import { OfflinePortal } from './pages/offline.page.ts';
import { TasksPage } from './pages/tasks.page.ts';
import { seriousViolations } from './support/axe.ts';
import { DESKTOP, openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

/**
 * Help that cannot be missed (docs/decisions/0015-help-requests.md): the person's "Jeg trenger hjelp nå" is
 * pinned in red at the top of the care team's start page and Oppgaver until someone takes it, the person then
 * sees who took it and when, numbers to call are one tap away, and Min side opens offline with the help
 * button and the saved crisis plan.
 */
const env = e2eEnvironment();
const PER = 'Per Pasient';

test('a help request is pinned for the care team until taken, and the person sees who took it', {
  timeout: TEST_TIMEOUT * 2,
}, async () => {
  const per = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(per.page).loginAs('pasient', '/min-side');
  const minSide = new MinSidePage(per.page);
  await minSide.ready();
  const help = new PersonHelp(per.page);
  // Min side starts with today: the first section after the heading, with the help button, the crisis plan
  // and the numbers to call.
  assert.equal(await per.page.locator('main h2').first().textContent(), 'I dag');
  await help.today().getByRole('link', { name: 'Kriseplanen min' }).waitFor();
  await help.today().getByRole('link', { name: /Ole/ }).first().waitFor();
  const tel = await help.telLinks(help.today());
  assert.deepEqual(tel.slice(0, 2), ['tel:113', 'tel:116117']);
  assert.ok(tel.length > 2, `the person's own crisis contacts too: ${tel.join(', ')}`);
  await per.page.locator('nav.section-menu').getByRole('link', { name: 'Hvem har lest' }).waitFor();
  // Then today's check-in and what is coming up (his helpers' open and overdue promises), before the menu.
  const comingUp = per.page.getByRole('region', { name: 'Det som kommer' });
  await comingUp.waitFor();
  const headings = await per.page.locator('main h2').allTextContents();
  const at = (h: string) => headings.indexOf(h);
  assert.ok(at('I dag') === 0 && at('I dag') < at('Dagens innsjekk'), headings.join(' | '));
  assert.ok(at('Dagens innsjekk') < at('Det som kommer'), headings.join(' | '));
  assert.equal(await comingUp.getByText(/^Løfte fra /).count(), 2);
  const top = async (l: Locator) => (await l.boundingBox())?.y ?? Number.NaN;
  assert.ok(
    (await top(per.page.locator('nav.section-menu'))) > (await top(comingUp)),
    'the section menu comes after what is coming up',
  );
  assert.equal(await minSide.horizontalOverflow(), 0, 'Min side fits 360 px');
  assert.deepEqual(await seriousViolations(per.page), [], 'axe on Min side');

  await help.today().getByRole('button', { name: 'Jeg trenger hjelp nå' }).click();
  await per.page.getByText('Behandlerne dine har fått beskjed. Her er kriseplanen din.').waitFor();
  await per.page.getByText(/^Hjelperne dine fikk beskjed /).waitFor();
  assert.ok((await help.telLinks(per.page.locator('main'))).includes('tel:113'));
  assert.deepEqual(await seriousViolations(per.page), [], 'axe on the help page');

  // The clinician: pinned first on Oppgaver, above the older signals.
  const bjorn = await openPage(env.browser, env.server.baseUrl, DESKTOP);
  await new LoginPage(bjorn.page).loginAs('behandler', '/pasienter');
  const tasks = new TasksPage(bjorn.page);
  await tasks.goto();
  const pinnedForBjorn = new PinnedHelpBlock(bjorn.page);
  await pinnedForBjorn
    .request(PER)
    .getByText(/ba om hjelp for \d+ minutt(er)? siden/)
    .waitFor();
  assert.match(await pinnedForBjorn.firstSectionHeading(), /ber om hjelp nå/i);
  assert.deepEqual(await seriousViolations(bjorn.page), [], 'axe on Oppgaver with a pinned request');

  // The municipal worker: pinned at the top of the start page; takes it.
  const kim = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(kim.page).loginAs('kommune', '/pasienter');
  await kim.page.getByRole('heading', { level: 1, name: 'Personer jeg følger opp' }).waitFor();
  const pinned = new PinnedHelpBlock(kim.page);
  await pinned.request(PER).waitFor();
  assert.match(await pinned.firstSectionHeading(), /ber om hjelp nå/i);
  assert.deepEqual(await seriousViolations(kim.page), [], 'axe on the start page with a pinned request');
  // Kim takes each of Per's open requests, oldest first (another test may have left one open).
  while ((await pinned.request(PER).count()) > 0) await pinned.take(PER);
  assert.equal(await pinned.request(PER).count(), 0, 'no longer pinned once taken');

  // Gone for the clinician too, after the next look.
  await tasks.goto();
  await pinnedForBjorn.request(PER).waitFor({ state: 'detached' });

  // The person sees who took it, and when.
  await minSide.goto();
  await help
    .today()
    .getByText(/^Kim Kommune har tatt forespørselen din \(/)
    .waitFor();
  assert.deepEqual(await seriousViolations(per.page), [], 'axe on Min side after the request was taken');
  assert.deepEqual([...per.cspViolations, ...kim.cspViolations, ...bjorn.cspViolations], []);
  await per.context.close();
  await kim.context.close();
  await bjorn.context.close();
});

test('offline, Min side opens from the phone with the help button, the numbers and the saved crisis plan', {
  timeout: TEST_TIMEOUT * 2,
}, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('pasient', '/min-side');
  const minSide = new MinSidePage(page);
  await minSide.ready();
  const offline = new OfflinePortal(page);
  await offline.serviceWorkerControls();
  // A load under the service worker keeps the session and the crisis plan on the phone.
  await page.reload();
  await minSide.ready();
  const plans = (await page.evaluate('location.pathname')) as string;
  assert.equal(plans, '/min-side');
  await offline.until(
    `caches.has('bedring-data').then((has) => has && caches.open('bedring-data').then((c) => c.keys()).then((ks) => ks.some((r) => /\\/plans$/.test(new URL(r.url).pathname)) && ks.some((r) => new URL(r.url).pathname === '/api/auth/me')))`,
  );

  await context.setOffline(true);
  await page.reload();
  const help = new PersonHelp(page);
  await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
  await help.today().getByRole('button', { name: 'Jeg trenger hjelp nå' }).waitFor();
  await help.today().getByRole('link', { name: 'Kriseplanen min' }).waitFor();
  // The person's own contact, from the crisis plan kept on the phone.
  await help.today().getByRole('link', { name: /Ole/ }).first().waitFor();
  const tel = await help.telLinks(help.today());
  assert.deepEqual(tel.slice(0, 2), ['tel:113', 'tel:116117']);
  assert.deepEqual(await seriousViolations(page), [], 'axe on Min side offline');

  await help.today().getByRole('link', { name: 'Kriseplanen min' }).click();
  await page.getByRole('heading', { level: 1, name: 'Min kriseplan' }).waitFor();
  await page.getByText('Ringer Ole eller legevakten', { exact: false }).first().waitFor();
  await context.setOffline(false);
  await context.close();
});
