import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { CaseloadPage } from './pages/caseload.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { MinSidePage } from './pages/min-side.page.ts';
import { PersonPage } from './pages/person.page.ts';
import { seriousViolations } from './support/axe.ts';
import { openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';
import { personId } from './support/server.ts';

const env = e2eEnvironment();

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

/** Every page has the landmarks and one h1 (what axe's best-practice rules would also ask). */
async function assertStructure(page: Page, what: string) {
  assert.equal(await page.getByRole('main').count(), 1, `one <main> on ${what}`);
  assert.equal(await page.getByRole('banner').count(), 1, `one header on ${what}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, `one h1 on ${what}`);
}

test('login page, with an error and with the one-time code field', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl);
  const login = new LoginPage(page);
  await login.goto();
  await assertStructure(page, 'login');
  await assertAccessible(page, 'login');
  await login.submit('behandler', 'feil-passord');
  await login.error().getByText('Feil brukernavn eller passord.').waitFor();
  await assertAccessible(page, 'login with error');
  await login.submit('admin');
  await page.getByLabel('Engangskode').waitFor();
  assert.match((await login.error().textContent()) ?? '', /engangskode/);
  await assertAccessible(page, 'login asking for the one-time code');
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('caseload and person page (clinician), with a rating form and history open', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('behandler', '/pasienter');
  const caseload = new CaseloadPage(page);
  await caseload.ready();
  await assertStructure(page, 'caseload');
  assert.ok((await caseload.list().getByRole('listitem').count()) > 10, 'the demo caseload is listed');
  await assertAccessible(page, 'caseload');

  await caseload.openPerson('Per Pasient');
  const person = new PersonPage(page);
  await person.domain('Rus').waitFor();
  await assertStructure(page, 'person page');
  await assertAccessible(page, 'person page');
  const rus = person.domain('Rus');
  await rus.getByRole('button', { name: 'Ny vurdering – Rus' }).click();
  await rus.getByRole('button', { name: 'Vis historikk – Rus' }).click();
  await rus.getByText('Et tilbakefall i helgen', { exact: false }).last().waitFor();
  await rus.getByRole('radio', { name: /^Gul/ }).waitFor();
  await assertAccessible(page, 'person page with rating form and history');
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('Min side at 360 × 740 (patient), also while editing "Om meg"', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('pasient', '/min-side');
  const minSide = new MinSidePage(page);
  await minSide.ready();
  await assertStructure(page, 'Min side');
  await assertAccessible(page, 'Min side');
  await page.getByRole('button', { name: 'Endre «Om meg»' }).click();
  await page.getByLabel('Mine styrker').waitFor();
  await assertAccessible(page, 'Min side, editing Om meg');
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('break-glass as a leader: no access, emergency access, and the review list', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const per = await personId(env.server.db, 'Per', 'Pasient');
  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('leder', '/frister');
  const person = new PersonPage(page);
  await person.goto(per);
  await page.getByRole('heading', { level: 1, name: 'Du har ikke tilgang til denne journalen' }).waitFor();
  await assertAccessible(page, 'no access page');

  // Too short a reason is refused in the page, with a message.
  await person.openBreakGlass('Akutt');
  await page.getByRole('alert').getByText('minst 10 tegn', { exact: false }).waitFor();
  await person.openBreakGlass('Personen er innlagt akutt og legevakten ringer om medisiner.');
  await page.getByRole('heading', { level: 1, name: 'Per Pasient' }).waitFor();
  await page.getByText('Du bruker nødtilgang.', { exact: false }).waitFor();
  // What emergency access allows is said where it is used (docs/user-guide.md, "No access?").
  await page.getByText('men ikke endre planer eller hvem som har tilgang', { exact: false }).waitFor();

  await page.getByRole('navigation').getByRole('link', { name: 'Nødtilgang' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nødtilgang' }).waitFor();
  const event = page.getByRole('listitem').filter({ hasText: 'Lene Leder åpnet journalen til Per Pasient' });
  await event.getByText('legevakten ringer om medisiner').waitFor();
  await assertStructure(page, 'break-glass list');
  await assertAccessible(page, 'break-glass list');

  await event.getByLabel('Merknad fra gjennomgangen').fill('Riktig bruk, avklart med lederen.');
  await event.getByRole('button', { name: 'Marker som gjennomgått' }).click();
  await page.getByRole('heading', { level: 2, name: 'Gjennomgått (1)' }).waitFor();
  await page.getByText('Riktig bruk, avklart med lederen.').waitFor();
  await assertAccessible(page, 'break-glass list after review');
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('admin page (with the one-time code) shows no clinical data', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('admin', '/admin');
  await page.getByRole('heading', { level: 1, name: 'Administrasjon' }).waitFor();
  await page.getByText('bedring user add', { exact: false }).waitFor();
  await assertStructure(page, 'admin');
  await assertAccessible(page, 'admin');
  // No way into records: the caseload sends an administrator back to the admin page.
  await page.goto('/pasienter');
  await page.waitForURL((url) => url.pathname === '/admin');
  assert.deepEqual(cspViolations, []);
  await context.close();
});
