import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { SelfAdmissionSection } from './pages/handover.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { MinSidePage } from './pages/min-side.page.ts';
import { DEMO_UNITS, daysAgo, PathwayApi, syntheticNationalId } from './pages/pathway.api.ts';
import { PersonPage } from './pages/person.page.ts';
import { seriousViolations } from './support/axe.ts';
import { DESKTOP, openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

/**
 * Brukerstyrt innleggelse for the person and the unit (docs/decisions/0018-handover-and-self-admission.md):
 * the person reads their agreement on Min side, a clinician ends one, the unit leader sees the year's numbers.
 */
const env = e2eEnvironment();

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

test('on Min side Per reads his agreement in his own words, with a number to tap (360 px)', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const me = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(me.page).loginAs('pasient', '/min-side');
  const minSide = new MinSidePage(me.page);
  await minSide.ready();
  // The demo gives Per an agreement with the Døgnpost, used once: it has an entry in Min side's menu.
  const menu = me.page.locator('nav.section-menu').getByRole('link', { name: 'Avtalen din om innleggelse' });
  assert.equal(await menu.getAttribute('href'), '#innleggelse');
  const section = me.page.getByRole('region', { name: 'Avtalen din om brukerstyrt innleggelse' });
  await section.waitFor();
  await section
    .getByText('Du kan komme inn i inntil 4 dager, inntil 3 ganger i året, på Døgnpost.', { exact: false })
    .waitFor();
  await section.getByText('Du har brukt avtalen 1 av 3 ganger det siste året.').waitFor();
  await section.getByText(/Ring Døgnposten og si at du vil bruke avtalen/).waitFor();
  const call = section.getByRole('link', { name: '22 33 44 55' });
  assert.equal(await call.getAttribute('href'), 'tel:22334455');
  // Staff words stay on the staff side.
  const text = (await section.textContent()) ?? '';
  assert.doesNotMatch(text, /episode|Avtalt med|ba selv/);
  assert.equal(await minSide.horizontalOverflow(), 0, 'the agreement fits 360 px');
  await assertAccessible(me.page, 'Min side with the agreement (phone)');
  assert.deepEqual(me.cspViolations, []);
  await me.context.close();
});

test('a clinician ends an agreement: it shows as ended and offers no stay; the person sees it ended', {
  timeout: TEST_TIMEOUT,
}, async () => {
  // Setup over the API: a person treated as an outpatient, discharged, with an agreement.
  const clinician = await PathwayApi.login(env.server.baseUrl, 'behandler');
  const familyName = `Avtale${Date.now() % 100000}`;
  const r = await clinician.referral({
    nationalId: syntheticNationalId(),
    givenName: 'Sigrun',
    familyName,
    receivedOn: daysAgo(60),
  });
  await clinician.assessReferral(r.personId, r.referralId, daysAgo(55), daysAgo(30));
  await clinician.event(r.personId, r.episodeId, {
    kind: 'first-attendance',
    date: daysAgo(40),
    setting: 'outpatient',
  });
  await clinician.event(r.personId, r.episodeId, { kind: 'discharged', date: daysAgo(5) });
  await clinician.request('POST', `/api/persons/${r.personId}/self-admission-contracts`, {
    unitId: DEMO_UNITS.inpatient,
    daysPerStay: 3,
    staysPerYear: 2,
    howToAsk: 'Ring døgnposten.',
    whoToCall: 'Døgnposten, 22 33 44 55',
    validFrom: daysAgo(5),
  });

  const staff = await openPage(env.browser, env.server.baseUrl, DESKTOP);
  await new LoginPage(staff.page).loginAs('behandler', '/pasienter');
  await new PersonPage(staff.page).goto(r.personId);
  const section = new SelfAdmissionSection(staff.page);
  await section.section().getByText('Avtalen gjelder.', { exact: false }).waitFor();
  await section.section().getByRole('button', { name: 'Registrer innleggelse' }).waitFor();

  await section.section().getByRole('button', { name: 'Avslutt avtalen' }).click();
  await section.section().getByRole('form', { name: 'Avslutte avtalen?' }).waitFor();
  await assertAccessible(staff.page, 'the confirm step of ending an agreement');
  await section.section().getByRole('button', { name: 'Avbryt' }).click();
  await section.endContract(daysAgo(1));

  await section
    .section()
    .getByText(/^Avtalen ble avsluttet /)
    .waitFor();
  await section.section().getByText('Avtalen gjelder ikke nå.', { exact: false }).waitFor();
  assert.equal(await section.section().getByRole('button', { name: 'Registrer innleggelse' }).count(), 0);
  assert.equal(await section.section().getByRole('button', { name: 'Avslutt avtalen' }).count(), 0);
  await assertAccessible(staff.page, 'an ended agreement on the person page');
  const { contracts } = await clinician.request<{ contracts: { endedOn: string | null }[] }>(
    'GET',
    `/api/persons/${r.personId}/self-admission-contracts`,
  );
  assert.equal(contracts[0]?.endedOn, daysAgo(1));
  assert.deepEqual(staff.cspViolations, []);
  await staff.context.close();
});

test('the unit leader sees the year’s brukerstyrt innleggelse of the unit on Frister', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const leader = await PathwayApi.login(env.server.baseUrl, 'leder');
  const today = daysAgo(0);
  const numbers = await leader.request<{ stays: number; plannedDays: number; contracts: number }>(
    'GET',
    `/api/self-admissions?unitId=${DEMO_UNITS.inpatient}&from=${today.slice(0, 4)}-01-01&to=${today}`,
  );
  const staff = await openPage(env.browser, env.server.baseUrl, DESKTOP);
  await new LoginPage(staff.page).loginAs('leder', '/frister');
  await staff.page.getByRole('heading', { level: 1, name: 'Frister' }).waitFor();
  const filter = staff.page.getByRole('form', { name: 'Velg hvilke frister du vil se' });
  await filter.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Døgnpost' });
  await filter.getByRole('button', { name: 'Vis frister' }).click();
  const card = staff.page.getByRole('region', { name: 'Brukerstyrt innleggelse i år' });
  await card.getByText(/på Døgnpost/).waitFor();
  const value = async (term: string) =>
    Number(await card.locator('dl > div').filter({ hasText: term }).locator('dd').textContent());
  assert.equal(await value('Innleggelser'), numbers.stays);
  assert.equal(await value('Planlagte døgn'), numbers.plannedDays);
  assert.equal(await value('Avtaler'), numbers.contracts);
  // Per's agreement (the demo) has been in force since his discharge: always a day of this year.
  assert.ok(numbers.contracts >= 1, 'Per’s agreement is counted');
  await assertAccessible(staff.page, 'Frister with the unit’s brukerstyrt innleggelse');
  assert.deepEqual(staff.cspViolations, []);
  await staff.context.close();
});
