import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CaseloadPage } from './pages/caseload.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { MinSidePage } from './pages/min-side.page.ts';
import { PersonPage } from './pages/person.page.ts';
import { openPage, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

const env = e2eEnvironment();

test('a clinician rates living conditions, and the patient sees who read the record', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const staff = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(staff.page).loginAs('behandler', '/pasienter');
  const caseload = new CaseloadPage(staff.page);
  await caseload.ready();
  await caseload.search('Pasient');
  assert.deepEqual(await caseload.names(), ['Per Pasient'], 'the search finds only Per Pasient');
  await caseload.openPerson('Per Pasient');

  const person = new PersonPage(staff.page);
  // The person's own words come first, before any rating.
  const sections = await staff.page.getByRole('heading', { level: 2 }).allTextContents();
  assert.equal(sections[0], 'Om meg');
  await staff.page.getByText('Jeg er far til to og liker å fiske.', { exact: false }).waitFor();
  assert.equal(await person.completeness().textContent(), '6 av 8 vurdert');

  const note = `Trives i egen leilighet, betaler husleie selv (${Date.now()})`;
  await person.rate('Bolig', 'Grønn', note);
  const bolig = person.domain('Bolig');
  await bolig.getByText(note).waitFor();
  const boligText = (await bolig.textContent()) ?? '';
  assert.match(boligText, /Grønn – Går bra/);
  assert.match(boligText, /Vurdert av Bjørn Behandler \(Behandler\)/);

  // A domain that had no rating: completeness goes up.
  await person.rate('Fysisk helse', 'Gul', 'Vondt i ryggen, har time hos fastlegen.');
  await staff.page.getByText('7 av 8 vurdert').waitFor();

  // The history keeps every rating of the domain (three from the demo and the new one).
  await bolig.getByRole('button', { name: 'Vis historikk – Bolig' }).click();
  const history = bolig.getByRole('list').last();
  await history.getByText(note).waitFor();
  assert.equal(await history.getByRole('listitem').count(), 4);

  // Saved on the server, not only on the page.
  await staff.page.reload();
  await person.domain('Bolig').getByText(note).waitFor();
  assert.deepEqual(staff.cspViolations, []);

  // The patient, in a browser context of their own.
  const patient = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(patient.page).loginAs('pasient', '/min-side');
  const minSide = new MinSidePage(patient.page);
  await minSide.ready();
  // Everyone's reads are there, the person's own too: look through all of them.
  await minSide.showWholeAccessLog();
  const reads = minSide
    .accessLogEntries('Bjørn Behandler')
    .filter({ hasText: 'Leste oversikten over journalen' });
  assert.ok((await reads.count()) >= 1, 'the clinician’s read is in "Hvem har sett journalen min"');
  const read = await reads.first().textContent();
  assert.match(read ?? '', /Behandler, Fjordvik HF/);
  const added = minSide
    .accessLogEntries('Bjørn Behandler')
    .filter({ hasText: 'La til en levekårsvurdering' });
  assert.equal(await added.count(), 2);
  // The patient sees the new rating, read-only.
  const myBolig = patient.page.getByRole('article', { name: 'Bolig', exact: true });
  await myBolig.getByText(note).waitFor();
  assert.equal(await myBolig.getByRole('button', { name: /Ny vurdering/ }).count(), 0);
  assert.deepEqual(patient.cspViolations, []);

  await staff.context.close();
  await patient.context.close();
});

test('a wrong password gets a clear message and no session', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl);
  const login = new LoginPage(page);
  await login.goto();
  await login.submit('behandler', 'feil-passord');
  await login.error().getByText('Feil brukernavn eller passord.').waitFor();
  await page.goto('/pasienter');
  await page.waitForURL((url) => url.pathname === '/logg-inn');
  await context.close();
});
