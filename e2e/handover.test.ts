import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { HandoverForm, recordLapseAsStaff, SelfAdmissionSection } from './pages/handover.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { daysAgo, PathwayApi, syntheticNationalId } from './pages/pathway.api.ts';
import { PathwaySection } from './pages/pathway.page.ts';
import { PersonPage } from './pages/person.page.ts';
import { TasksPage } from './pages/tasks.page.ts';
import { seriousViolations } from './support/axe.ts';
import { DESKTOP, openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

/**
 * A handover that hands over, and relapse without losing one's place
 * (docs/decisions/0018-handover-and-self-admission.md), in the browser with axe.
 */
const env = e2eEnvironment();

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

/** A person treated by behandler as an outpatient and discharged two days ago, through the API. */
async function discharged(givenName: string) {
  const clinician = await PathwayApi.login(env.server.baseUrl, 'behandler');
  const familyName = `Deling${Date.now() % 100000}`;
  const r = await clinician.referral({
    nationalId: syntheticNationalId(),
    givenName,
    familyName,
    receivedOn: daysAgo(60),
  });
  await clinician.assessReferral(r.personId, r.referralId, daysAgo(55), daysAgo(30));
  await clinician.event(r.personId, r.episodeId, {
    kind: 'first-attendance',
    date: daysAgo(40),
    setting: 'outpatient',
  });
  await clinician.event(r.personId, r.episodeId, { kind: 'discharged', date: daysAgo(2) });
  return { personId: r.personId, name: `${givenName} ${familyName}` };
}

async function staffOn(username: string) {
  const staff = await openPage(env.browser, env.server.baseUrl, DESKTOP);
  await new LoginPage(staff.page).loginAs(username, '/pasienter');
  return staff;
}

test('the handover shares the plan parts it names at once, and says what the consent is for in words', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const person = await discharged('Solveig');

  // The clinician hands over and names what is shared, in the same step as the consent.
  const staff = await staffOn('behandler');
  await new PersonPage(staff.page).goto(person.personId);
  const pathway = new PathwaySection(staff.page);
  await pathway.ready();
  const handover = new HandoverForm(pathway.current());
  await handover.open();
  await handover.fill({
    worker: 'Kim Kommune – Fjordvik kommune, Rus og psykisk helse',
    summary: 'Fullført poliklinisk behandling.',
    plan: 'Hjemmebesøk hver uke.',
    consentOn: daysAgo(3),
    parts: ['Kriseplan', 'Plan for å forebygge tilbakefall'],
  });
  await assertAccessible(staff.page, 'the handover form with the plan parts');
  await handover.save();
  await handover
    .sharedParts()
    .getByText('Delt med kommunen: Kriseplan, Plan for å forebygge tilbakefall')
    .waitFor();

  // The municipal worker reads the shared plans at once, and the consent's purpose in words.
  const municipal = await staffOn('kommune');
  await municipal.page.goto(`/personer/${person.personId}/plan`);
  await municipal.page.getByRole('region', { name: 'Kriseplan', exact: true }).waitFor();
  assert.equal(await municipal.page.getByText('Planene er ikke delt med deg').count(), 0);
  const sharing = municipal.page.locator('#plan-sharing');
  await sharing.getByText(/Overføring til oppfølging i kommunen/).waitFor();
  assert.doesNotMatch((await sharing.textContent()) ?? '', /\bhandover\b/);
  await assertAccessible(municipal.page, 'the shared plans seen by the municipal worker');
  assert.deepEqual(staff.cspViolations, []);
  assert.deepEqual(municipal.cspViolations, []);
  await staff.context.close();
  await municipal.context.close();
});

test('a lapse recorded in the municipality becomes a task on the specialist clinician’s Oppgaver', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const person = await discharged('Torunn');
  const clinician = await PathwayApi.login(env.server.baseUrl, 'behandler');
  const episodes = await clinician.request<{ episodes: { id: string }[] }>(
    'GET',
    `/api/persons/${person.personId}/pathway`,
  );
  await clinician.handover(person.personId, episodes.episodes[0]?.id ?? '', {
    municipalAccountId: await clinician.municipalWorker(),
    handedOverOn: daysAgo(2),
    summary: 'Bor hjemme og vil ha oppfølging.',
    followUpPlan: 'Hjemmebesøk hver uke.',
    consent: { givenOn: daysAgo(3) },
    planParts: ['relapse-prevention'],
  });

  const municipal = await staffOn('kommune');
  await municipal.page.goto(`/personer/${person.personId}/plan`);
  await recordLapseAsStaff(municipal.page, daysAgo(1), 'Drakk i helgen etter en tung uke');
  await municipal.page
    .getByText('Behandleren i spesialisthelsetjenesten har fått en oppgave om dette.')
    .waitFor();
  await assertAccessible(municipal.page, 'the plan page after a lapse was recorded');

  const staff = await staffOn('behandler');
  const tasks = new TasksPage(staff.page);
  await tasks.goto();
  const task = tasks.task(person.name, 'Tilbakefall meldt');
  await task.waitFor();
  assert.match((await task.textContent()) ?? '', /Ingen ny henvisning trengs/);
  await assertAccessible(staff.page, 'Oppgaver with a lapse task');
  assert.deepEqual(staff.cspViolations, []);
  assert.deepEqual(municipal.cspViolations, []);
  await staff.context.close();
  await municipal.context.close();
});

test('brukerstyrt innleggelse: the contract is recorded with the plan and used without a new referral', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const person = await discharged('Ragnar');
  const staff = await staffOn('behandler');
  await new PersonPage(staff.page).goto(person.personId);
  const section = new SelfAdmissionSection(staff.page);
  await section.section().getByText('Ingen avtale om brukerstyrt innleggelse.').waitFor();
  await section.addContract({
    unit: 'Døgnpost',
    days: '5',
    stays: '4',
    howToAsk: 'Ring døgnposten og si at du vil bruke avtalen.',
    whoToCall: 'Døgnposten, 22 00 00 00',
  });
  await section
    .section()
    .getByText('5 dager per innleggelse, inntil 4 ganger i året, på Døgnpost.', { exact: false })
    .waitFor();
  await section.recordStay({ date: daysAgo(1), days: '7', helper: true });
  await section
    .section()
    .getByText('Innleggelsen er planlagt lenger enn avtalen sier. Innleggelsen er likevel registrert.')
    .waitFor();
  await section
    .section()
    .getByRole('listitem')
    .filter({ hasText: 'kort episode knyttet til den forrige' })
    .waitFor();
  await assertAccessible(staff.page, 'brukerstyrt innleggelse after a stay');

  // The stay is an episode of its own, in treatment, with no referral of its own.
  const pathway = new PathwaySection(staff.page);
  await pathway.ready();
  await pathway.episode(2).waitFor();
  await pathway.state(pathway.current()).getByText('I behandling').waitFor();
  assert.deepEqual(staff.cspViolations, []);
  await staff.context.close();
});

test('on Min side the person sees who follows them up and chooses what of the plans they see', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const me = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(me.page).loginAs('pasient', '/min-side');
  const section = me.page.getByRole('region', { name: 'Hvem som kan se planene dine' });
  await section.waitFor();
  await section
    .getByText(/Overføring til oppfølging i kommunen/)
    .first()
    .waitFor();
  await section.getByRole('button', { name: 'Lagre delingen' }).first().waitFor();
  await assertAccessible(me.page, 'Min side with the sharing section (phone)');
  assert.deepEqual(me.cspViolations, []);
  await me.context.close();
});
