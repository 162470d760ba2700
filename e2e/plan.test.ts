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

const env = e2eEnvironment();

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

const TREATMENT_SELF = 'Mine mål og tiltak';
const CRISIS_SELF = 'Min kriseplan';

test('the person writes a goal and a warning sign, the clinician adds a measure, the person co-signs, and the crisis plan prints on one page', {
  timeout: TEST_TIMEOUT * 2,
}, async () => {
  // Unique words: the demo may have plans of its own (added elsewhere); this spec does not rely on them.
  const stamp = Date.now().toString(36);
  const goal = `Ta med datteren min på fisketur i sommer ${stamp}`;
  const successMeans = 'At vi har en hel dag sammen';
  const warningSign = `Jeg slutter å svare på telefonen ${stamp}`;
  const measure = `Samtale om søvn hver fjortende dag ${stamp}`;
  const { personId } = await loginWithPerson(env.server.baseUrl, 'pasient');
  assert.ok(personId, 'the demo patient has a record');

  // The person, on a phone.
  const me = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(me.page).loginAs('pasient', '/min-side');
  await me.page.getByRole('link', { name: 'Åpne Min plan' }).click();
  const mine = new PlanPage(me.page);
  await mine.plan(TREATMENT_SELF).waitFor();
  await mine.add(TREATMENT_SELF, 'Mine mål', 'Legg til et mål', goal, (form) =>
    form.getByLabel('Hva betyr det at det går bra?').fill(successMeans),
  );
  const goalEntry = mine.entry(TREATMENT_SELF, 'Mine mål', goal);
  assert.match((await goalEntry.textContent()) ?? '', /Skrevet av .* selv/);
  assert.match((await goalEntry.textContent()) ?? '', new RegExp(successMeans));
  await mine.add(CRISIS_SELF, 'Mine varseltegn', 'Legg til et varseltegn', warningSign);
  await assertAccessible(me.page, 'Min plan with a goal and a warning sign (phone)');
  assert.equal(await mine.horizontalOverflow(), 0, 'Min plan fits a 360 px phone');

  // The clinician adds a measure with an owner and sees the person's words, written by them.
  const clinician = await openPage(env.browser, env.server.baseUrl, DESKTOP);
  await new LoginPage(clinician.page).loginAs('behandler', '/pasienter');
  await clinician.page.goto(`/personer/${personId}`);
  await clinician.page.getByRole('link', { name: 'Åpne planene' }).click();
  const staff = new PlanPage(clinician.page);
  await staff.plan('Behandlingsplan').waitFor();
  await staff.entry('Behandlingsplan', 'Mål med egne ord', goal).waitFor();
  await staff.add('Behandlingsplan', 'Tiltak', 'Legg til et tiltak', measure, async (form) => {
    const owner = form.getByLabel('Ansvarlig');
    await owner.locator('option').nth(1).waitFor({ state: 'attached' });
    await owner.selectOption({ index: 1 });
    await form.getByLabel('Frist').fill(daysAgo(-14));
  });
  const measureEntry = staff.entry('Behandlingsplan', 'Tiltak', measure);
  assert.match((await measureEntry.textContent()) ?? '', /Skrevet av .*\(Behandler\)/);
  assert.match((await measureEntry.textContent()) ?? '', /Ansvarlig/);
  await staff.entry('Kriseplan', 'Varseltegn', warningSign).waitFor();
  await assertAccessible(clinician.page, 'the staff plan page with a measure');

  // The person sees the measure and co-signs the plan as it is now.
  await mine.gotoMine();
  await mine.entry(TREATMENT_SELF, 'Tiltak', measure).waitFor();
  await mine.sign(TREATMENT_SELF);
  await assertAccessible(me.page, 'Min plan after co-signing (phone)');

  // The clinician sees the signature; a later change keeps it, as a signature of an earlier version.
  await staff.gotoPerson(personId);
  await staff
    .plan('Behandlingsplan')
    .getByText(/signerte denne versjonen/)
    .waitFor();
  await staff.add('Behandlingsplan', 'Tiltak', 'Legg til et tiltak', `Ringe NAV sammen ${stamp}`, (form) =>
    form.getByLabel('Frist').fill(daysAgo(-7)),
  );
  await staff
    .plan('Behandlingsplan')
    .getByText(/signerte en tidligere versjon/)
    .waitFor();
  await staff
    .plan('Behandlingsplan')
    .getByText(/Planen er endret siden personen signerte/)
    .waitFor();

  // The one-page crisis plan on the phone, on screen and as printed.
  await me.page.getByRole('link', { name: 'Vis kriseplanen på én side' }).click();
  await me.page.getByRole('heading', { level: 1, name: 'Min kriseplan' }).waitFor();
  const sheet = me.page.locator('.crisis-print');
  const text = (await sheet.textContent()) ?? '';
  assert.match(text, new RegExp(warningSign));
  assert.match(text, /113/);
  assert.match(text, /116 117/);
  await assertAccessible(me.page, 'the crisis plan on one page (phone)');
  assert.equal(await mine.horizontalOverflow(), 0, 'the crisis plan fits a 360 px phone');
  await me.page.emulateMedia({ media: 'print' });
  assert.equal(await me.page.locator('.app-header').isVisible(), false, 'no header on paper');
  assert.equal(await me.page.getByRole('button', { name: 'Skriv ut' }).isVisible(), false);
  assert.equal(await me.page.getByText(warningSign).isVisible(), true);
  await me.page.emulateMedia({ media: 'screen' });

  // Staff have the same sheet.
  await staff.gotoCrisisPrint(`/personer/${personId}/kriseplan`);
  assert.match((await clinician.page.locator('.crisis-print').textContent()) ?? '', new RegExp(warningSign));
  assert.deepEqual(me.cspViolations, []);
  assert.deepEqual(clinician.cspViolations, []);
  await me.context.close();
  await clinician.context.close();
});

test('a municipal worker without consent to the plans sees nothing of them, and is told so plainly', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const behandler = await PathwayApi.login(env.server.baseUrl, 'behandler');
  const { personId, name } = await handedOverWithoutPlanConsent(behandler, 'Siri');
  const secret = `Ring søsteren min Kari ${Date.now().toString(36)}`;
  await addEntry(behandler, personId, 'crisis', { section: 'warning-sign', text: secret });
  await addEntry(behandler, personId, 'treatment', { section: 'goal', text: `${secret} mål` });

  const { page, context } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('kommune', '/pasienter');
  // The record is open for follow-up (the handover's consent), the plans are not.
  await page.goto(`/personer/${personId}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const summary = page.getByRole('region', { name: 'Planer', exact: true });
  await summary.getByText(/ikke samtykket til at planene deles/).waitFor();
  assert.equal(await summary.getByRole('link', { name: 'Åpne planene' }).count(), 0);
  await assertAccessible(page, 'the person page without plan consent');

  const plans = new PlanPage(page);
  await plans.gotoPerson(personId);
  await plans.notShared().waitFor();
  await plans.gotoCrisisPrint(`/personer/${personId}/kriseplan`);
  await page.getByText(/ikke samtykket til at planene deles/).waitFor();
  assert.doesNotMatch((await page.locator('main').textContent()) ?? '', new RegExp(secret));
  await plans.gotoPerson(personId);
  await plans.notShared().waitFor();
  const main = (await page.locator('main').textContent()) ?? '';
  assert.doesNotMatch(main, new RegExp(secret), 'no plan content appears');
  assert.doesNotMatch(main, /Behandlingsplan|Kriseplan/);
  await assertAccessible(page, 'the plan page without plan consent');
  await context.close();
});
