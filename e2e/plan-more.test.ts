import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { LoginPage } from './pages/login.page.ts';
import { daysAgo, PathwayApi } from './pages/pathway.api.ts';
import { addEntry, handedOverWithoutPlanConsent, loginWithPerson } from './pages/plan.api.ts';
import { PlanPage } from './pages/plan.page.ts';
import { seriousViolations } from './support/axe.ts';
import { DESKTOP, openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

/**
 * More of the plans (docs/decisions/0006-plans.md) in the browser: lapses that never reset progress, the
 * network map, promises, and changing an entry one wrote. The demo patient may have plans of its own: every
 * text here is unique.
 */
const env = e2eEnvironment();
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

const RELAPSE_SELF = 'Plan for vanskelige tider';
const TREATMENT_SELF = 'Mine mål og tiltak';

async function personOnPhone() {
  const me = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(me.page).loginAs('pasient', '/min-side');
  const plans = new PlanPage(me.page);
  await plans.gotoMine();
  return { ...me, plans };
}

async function clinicianOn(personId: string) {
  const staff = await openPage(env.browser, env.server.baseUrl, DESKTOP);
  await new LoginPage(staff.page).loginAs('behandler', '/pasienter');
  const plans = new PlanPage(staff.page);
  await plans.gotoPerson(personId);
  return { ...staff, plans };
}

test('the person writes about a lapse, is invited to look at the plan, keeps their progress, and the prompt goes when the plan is updated', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const words = `Jeg var på fest og sa ja ${stamp()}`;
  const coping = `Gå en tur med hunden ${stamp()}`;
  const me = await personOnPhone();
  const before = await me.plans.progress(RELAPSE_SELF);

  await me.plans.recordLapse(RELAPSE_SELF, daysAgo(1), words);
  const prompt = me.plans.lapses(RELAPSE_SELF).getByText(/se på planen sammen med behandleren din/);
  await prompt.waitFor();
  const after = await me.plans.progress(RELAPSE_SELF);
  assert.equal(after.days, before.days, 'the days in the pathway are still counted');
  assert.ok(after.goodDays >= before.goodDays - 1, 'one lapse takes at most one good day');
  assert.ok(after.goodDays > 0, 'progress never resets to zero');
  await assertAccessible(me.page, 'Min plan after writing about a lapse (phone)');

  await me.plans.add(RELAPSE_SELF, 'Det som hjelper meg', 'Legg til noe som hjelper', coping);
  await prompt.waitFor({ state: 'detached' });
  await assertAccessible(me.page, 'Min plan after adding what helps (phone)');
  assert.deepEqual(me.cspViolations, []);
  await me.context.close();
});

test('the person adds someone to their network and sees them in the picture and in the table', {
  timeout: TEST_TIMEOUT,
}, async () => {
  // Short enough for the picture, which shortens names over 22 characters.
  const name = `Ragnhild ${stamp()}`;
  const me = await personOnPhone();
  await me.plans.addNetworkMember(name, 'Familie', 'Støttende');
  const network = me.plans.network();
  await network.locator('svg[role="img"]').getByText(name).waitFor();
  const row = network.getByRole('row').filter({ hasText: name });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /Familie.*Støttende/);
  await assertAccessible(me.page, 'the network map with a new member (phone)');
  await me.context.close();
});

test('the clinician makes a promise with an owner and a due date, and the person sees it on Min plan', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { personId } = await loginWithPerson(env.server.baseUrl, 'pasient');
  assert.ok(personId);
  const promise = `Jeg ringer NAV for deg før fredag ${stamp()}`;
  const staff = await clinicianOn(personId);
  const owner = await staff.plans.makePromise(promise, daysAgo(-10), 1);
  assert.ok(owner, 'an owner was chosen');
  await assertAccessible(staff.page, 'the staff plan page with a promise');

  const me = await personOnPhone();
  const mine = me.plans.promise(promise);
  await mine.waitFor();
  const text = (await mine.textContent()) ?? '';
  assert.match(text, new RegExp(`Ansvarlig: ${owner}`));
  assert.match(text, /Pågår/);
  await assertAccessible(me.page, 'Min plan with a promise (phone)');
  await staff.context.close();
  await me.context.close();
});

test('the author changes their goal (a signature then shows as for an earlier version); others only comment', {
  timeout: TEST_TIMEOUT * 2,
}, async () => {
  const s = stamp();
  const goal = `Lære å sykle igjen ${s}`;
  const changed = `Sykle til jobben om våren ${s}`;
  const success = `At jeg sykler to dager i uka ${s}`;
  const staffGoal = `Få en fast lege ${s}`;
  const { api, personId } = await loginWithPerson(env.server.baseUrl, 'pasient');
  assert.ok(personId);
  const { planVersion } = await addEntry(api, personId, 'treatment', { section: 'goal', text: goal });
  await api.request('POST', `/api/persons/${personId}/plans/treatment/signatures`, { version: planVersion });

  const me = await personOnPhone();
  const entry = me.plans.entry(TREATMENT_SELF, 'Mine mål', goal);
  await me.plans.edit(entry, async (form) => {
    await form.getByLabel('Hva vil du oppnå?').fill(changed);
    await form.getByLabel('Hva betyr det at det går bra?').fill(success);
  });
  const edited = me.plans.entry(TREATMENT_SELF, 'Mine mål', changed);
  assert.match((await edited.textContent()) ?? '', new RegExp(success));
  const plan = me.plans.plan(TREATMENT_SELF);
  await plan
    .getByText(/signerte en tidligere versjon/)
    .first()
    .waitFor();
  await plan.locator('.plan-history summary').click();
  const history = plan.locator('.plan-history__list li').filter({ hasText: changed }).first();
  assert.match((await history.textContent()) ?? '', new RegExp(`Før: ${goal}`));
  await assertAccessible(me.page, 'Min plan after changing a goal (phone)');

  // The clinician did not write it: no "Endre", but a comment. Writing a goal for the person is
  // allowed and saved, with a calm reminder whose words these should be.
  const staff = await clinicianOn(personId);
  const theirs = staff.plans.entry('Behandlingsplan', 'Mål med egne ord', changed);
  await theirs.getByRole('button', { name: 'Kommenter' }).waitFor();
  assert.equal(await staff.plans.editButton(theirs).count(), 0, 'no edit button on the person’s goal');
  await staff.plans.add('Behandlingsplan', 'Mål med egne ord', 'Legg til et mål', staffGoal);
  const note = staff.plans.saveNote('Behandlingsplan', 'Mål med egne ord');
  await note.getByText(/Sjekk gjerne med personen at ordene er deres/).waitFor();
  await staff.plans.editButton(staff.plans.entry('Behandlingsplan', 'Mål med egne ord', staffGoal)).waitFor();
  await assertAccessible(staff.page, 'the staff plan page with a save note');

  // And the person has no edit button on the goal the clinician wrote.
  await me.plans.gotoMine();
  const staffWritten = me.plans.entry(TREATMENT_SELF, 'Mine mål', staffGoal);
  await staffWritten.waitFor();
  assert.equal(await me.plans.editButton(staffWritten).count(), 0);
  await staff.context.close();
  await me.context.close();
});

test('a crisis contact is picked from the network map and shows who it is', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const name = `Bror Ola ${stamp()}`;
  const { api, personId } = await loginWithPerson(env.server.baseUrl, 'pasient');
  await api.request('POST', `/api/persons/${personId}/network`, {
    name,
    relation: 'family',
    quality: 'supportive',
    phone: '400 11 222',
    contactConsent: true,
    maySee: ['crisis'],
  });
  const me = await personOnPhone();
  const section = me.plans.section('Min kriseplan', 'Kontakter i en krise');
  await section.getByRole('button', { name: 'Legg til en kontakt', exact: true }).click();
  const form = section.locator('form');
  await form.getByLabel('Fra nettverket').selectOption({ label: name });
  // Choosing them fills in the name and number from the map.
  assert.equal(await form.getByLabel('Telefon').inputValue(), '400 11 222');
  await form.getByRole('button', { name: 'Legg til', exact: true }).click();
  const entry = me.plans.entry('Min kriseplan', 'Kontakter i en krise', name);
  await entry.getByText(`I nettverket: ${name}`).waitFor();
  await assertAccessible(me.page, 'a crisis contact from the network (phone)');
  await me.context.close();
});

test('only the organisation holding the record changes what is shared; the municipality reads it', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const behandler = await PathwayApi.login(env.server.baseUrl, 'behandler');
  const { personId } = await handedOverWithoutPlanConsent(behandler, 'Dina');
  const { consents } = await behandler.request<{ consents: { id: string }[] }>(
    'GET',
    `/api/persons/${personId}/consents`,
  );
  const [consent] = consents;
  assert.ok(consent, 'the handover recorded a consent');
  await behandler.request('PUT', `/api/persons/${personId}/consents/${consent.id}/plan-parts`, {
    planParts: ['crisis'],
  });

  const staff = await clinicianOn(personId);
  await staff.plans.sharing().getByRole('button', { name: 'Lagre delingen' }).waitFor();
  await staff.context.close();

  const { page, context } = await openPage(env.browser, env.server.baseUrl, DESKTOP);
  await new LoginPage(page).loginAs('kommune', '/pasienter');
  const plans = new PlanPage(page);
  await plans.gotoPerson(personId);
  const sharing = plans.sharing();
  await sharing.getByText('Delt: Kriseplan').waitFor();
  await sharing.getByText(/Bare personen og de som fører journalen kan endre det/).waitFor();
  assert.equal(await sharing.getByRole('button', { name: 'Lagre delingen' }).count(), 0);
  assert.equal(await sharing.getByRole('checkbox').count(), 0);
  await assertAccessible(page, 'the shared plan as the municipality sees it');
  await context.close();
});
