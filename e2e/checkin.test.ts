import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { CheckinPage } from './pages/checkin.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { MinSidePage } from './pages/min-side.page.ts';
import { OfflinePortal } from './pages/offline.page.ts';
import { PathwayApi } from './pages/pathway.api.ts';
import { loginWithPerson } from './pages/plan.api.ts';
import { MyQuestionnaires } from './pages/questionnaire.page.ts';
import { seriousViolations } from './support/axe.ts';
import { openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

/**
 * The patient portal's daily life on a phone (docs/decisions/0007-checkins-and-signals.md): a check-in
 * ticking a warning sign from the person's own plan lands on the care team's worklist with its explanation; a
 * check-in made offline is sent when the phone is online again; "Jeg trenger hjelp nå" shows the crisis plan
 * at once.
 */
const env = e2eEnvironment();
const CRISIS_SIGN = 'Jeg isolerer meg, slutter å spise og tenker at ingenting nytter';

test('a check-in ticking a warning sign from the plan two days running puts a signal with its explanation on the worklist', {
  timeout: TEST_TIMEOUT,
}, async () => {
  // Yesterday's check-in, with the same sign from his crisis plan (made over the API: the phone was yesterday).
  const per = await loginWithPerson(env.server.baseUrl, 'pasient');
  const form = await per.api.request<{ warningSigns: Array<{ id: string; text: string }> }>(
    'GET',
    `/api/persons/${per.personId}/checkin`,
  );
  const sign = form.warningSigns.find((s) => s.text === CRISIS_SIGN)!;
  await per.api.request('POST', `/api/persons/${per.personId}/checkins`, {
    id: randomUUID(),
    madeAt: new Date(Date.now() - 86_400_000).toISOString(),
    mood: 2,
    craving: 4,
    sleep: 1,
    use: 'none',
    riskySituation: false,
    warningSigns: [sign.id],
  });

  const { page, context } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('pasient', '/min-side');
  await new MinSidePage(page).ready();
  await page.getByRole('link', { name: 'Sjekk inn', exact: true }).click();
  const checkin = new CheckinPage(page);
  await checkin.ready();
  assert.deepEqual(await seriousViolations(page), [], 'axe on the check-in page');
  assert.equal(await new MinSidePage(page).horizontalOverflow(), 0, 'the check-in fits 360 px');
  await checkin.checkIn({ mood: 'Tungt', craving: 5, sleep: 'Dårlig', use: 'Nei', signs: [CRISIS_SIGN] });
  await checkin.done().getByText('Takk! Innsjekken er lagret.').waitFor();
  // What it showed, in words, with what he wrote in his plan that he does then.
  await checkin
    .done()
    .getByText(`Varseltegnet «${CRISIS_SIGN}» fra planen er krysset av 2 dager på rad`, { exact: false })
    .waitFor();
  await checkin.done().getByText('Ringer Ole eller legevakten. Går ikke ut alene om kvelden.').waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'axe after sending');
  await context.close();

  // The care team's worklist says the same.
  const staff = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(staff.page).loginAs('behandler', '/pasienter');
  await staff.page.goto('/oppgaver');
  const worklist = staff.page.getByRole('region', { name: 'Signaler fra innsjekk' });
  await worklist
    .getByText(`Varseltegnet «${CRISIS_SIGN}» fra planen er krysset av 2 dager på rad`, { exact: false })
    .waitFor();
  assert.deepEqual(await seriousViolations(staff.page), [], 'axe on Oppgaver with signals');
  await staff.context.close();
});

test('a check-in made offline is kept on the phone and sent when it is online again', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const per = await loginWithPerson(env.server.baseUrl, 'pasient');
  const count = async () =>
    (await per.api.request<{ checkins: unknown[] }>('GET', `/api/persons/${per.personId}/checkins`)).checkins
      .length;
  const before = await count();

  const { page, context } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('pasient', '/min-side');
  await new MinSidePage(page).ready();
  const checkin = new CheckinPage(page);
  await checkin.goto();
  await context.setOffline(true);
  await checkin.checkIn({ mood: 'Bra', craving: 2, sleep: 'Godt', use: 'Nei' });
  await checkin.done().getByText('Du er uten nett akkurat nå.', { exact: false }).waitFor();
  assert.equal(await count(), before, 'nothing reached the server while offline');

  await context.setOffline(false);
  // The queue is flushed on the `online` event; the status line goes away when it is empty.
  await new OfflinePortal(page).until(
    `fetch('/api/persons/${per.personId}/checkins', { credentials: 'same-origin' }).then((r) => r.json()).then((b) => b.checkins.length === ${before + 1})`,
  );
  assert.equal(await count(), before + 1);
  await context.close();
});

test('"Jeg trenger hjelp nå" shows the crisis plan at once and tells the care team', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('pasient', '/min-side');
  await new MinSidePage(page).ready();
  assert.deepEqual(await seriousViolations(page), [], 'axe on Min side with the check-in card');
  await page.getByRole('button', { name: 'Jeg trenger hjelp nå' }).first().click();
  await page.getByRole('link', { name: '113', exact: true }).waitFor();
  await page.getByText('Ringer Ole eller legevakten. Går ikke ut alene om kvelden.').waitFor();
  await page.getByText('Behandlerne dine har fått beskjed. Her er kriseplanen din.').waitFor();
  assert.equal(await new MinSidePage(page).horizontalOverflow(), 0, 'the crisis plan fits 360 px');
  assert.deepEqual(await seriousViolations(page), [], 'axe on the help page');
  await context.close();

  const staff = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(staff.page).loginAs('behandler', '/pasienter');
  await staff.page.goto('/oppgaver');
  await staff.page
    .getByRole('region', { name: 'Signaler fra innsjekk' })
    .getByText('Ba om hjelp nå', { exact: false })
    .waitFor();
  await staff.context.close();
});

test('after a contact the person is offered session feedback on the phone, and low feedback reaches the clinician', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const clinician = await PathwayApi.login(env.server.baseUrl, 'behandler');
  const per = await loginWithPerson(env.server.baseUrl, 'pasient');
  type Alert = { id: string; rule: string; acknowledged: unknown };
  const alerts = async () =>
    (await clinician.request<{ alerts: Alert[] }>('GET', `/api/persons/${per.personId}/feedback-alerts`))
      .alerts;
  // Whatever waited from before is dealt with, so what follows is this answer's doing.
  for (const a of (await alerts()).filter((x) => !x.acknowledged)) {
    await clinician.request('POST', `/api/feedback-alerts/${a.id}/acknowledge`, { note: 'Snakket om det.' });
  }
  const today = new Date().toISOString().slice(0, 10);
  await clinician.request('POST', `/api/persons/${per.personId}/contacts`, {
    contactOn: today,
    kind: 'meeting',
  });

  const { page, context } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('pasient', '/min-side');
  await new MinSidePage(page).ready();
  await page
    .getByText('Du har hatt en samtale. Vil du si hvordan den var for deg?', { exact: false })
    .waitFor();
  await page.getByRole('link', { name: 'Gi tilbakemelding' }).click();
  const form = await new MyQuestionnaires(page).open('Tilbakemelding på samtalen');
  await form.chooseAll(
    [
      'Jeg følte meg respektert',
      'Jeg følte at jeg ble lyttet til',
      'Vi jobbet med det jeg ønsket å jobbe med',
      'Måten vi jobbet på, passet for meg',
      'Alt i alt var samtalen nyttig for meg',
    ],
    'I liten grad',
  );
  await form.submit();
  await form.receipt().waitFor();
  await context.close();

  const open = (await alerts()).filter((a) => !a.acknowledged).map((a) => a.rule);
  assert.ok(open.includes('low-feedback'), JSON.stringify(open));
});
