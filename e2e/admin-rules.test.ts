import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { AdminRulesPage } from './pages/admin-rules.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { seriousViolations } from './support/axe.ts';
import { openPage, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

/**
 * The administrator changes the organisation's feedback alert and check-in signal rules on the admin
 * page: numbers and on/off are kept, a number out of range is refused in the browser with the domain's
 * check (nothing is sent), and the page is accessible in both languages.
 */
const env = e2eEnvironment();

type Rule = { kind: string; enabled: boolean } & Record<string, unknown>;

/** What the server has stored, read with the administrator's own session. */
async function stored(page: Page, which: 'feedback-rules' | 'signal-rules'): Promise<Rule[]> {
  const res = await page.request.get(`/api/admin/${which}`);
  assert.equal(res.status(), 200);
  return ((await res.json()) as { rules: Rule[] }).rules;
}

const kind = (rules: Rule[], k: string) => rules.find((r) => r.kind === k);

test('the administrator changes a signal number and switches a feedback rule off; both are kept after a reload', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('admin', '/admin');
  const admin = new AdminRulesPage(page);
  await admin.ready();
  assert.deepEqual(await seriousViolations(page), [], 'axe on the admin page with the rule forms');

  // Craving: 8 or more, 3 days running. The sentence follows the numbers as they are typed.
  const signals = admin.signals();
  const craving = admin.rule(signals, 'Sterkt sug');
  await craving.getByText('Varsle når suget er 7 eller mer 3 dager på rad.').waitFor();
  await admin.number(craving, 'Styrke på suget').fill('8');
  await craving.getByText('Varsle når suget er 8 eller mer 3 dager på rad.').waitFor();
  await admin.save(signals);
  await admin.status(signals).getByText('Reglene er lagret.').waitFor();

  const feedback = admin.feedback();
  const low = admin.rule(feedback, 'Lav tilbakemelding');
  assert.equal(await admin.enabled(low).isChecked(), true);
  await admin.enabled(low).uncheck();
  await low.getByText('Regelen er slått av nå.', { exact: false }).waitFor();
  await admin.save(feedback);
  await admin.status(feedback).getByText('Reglene er lagret.').waitFor();

  assert.equal(kind(await stored(page, 'signal-rules'), 'craving-high')?.threshold, 8);
  assert.equal(kind(await stored(page, 'feedback-rules'), 'low-feedback')?.enabled, false);
  assert.equal(kind(await stored(page, 'feedback-rules'), 'falling-feedback')?.enabled, true);

  await page.reload();
  await admin.ready();
  assert.equal(
    await admin.number(admin.rule(admin.signals(), 'Sterkt sug'), 'Styrke på suget').inputValue(),
    '8',
  );
  assert.equal(await admin.enabled(admin.rule(admin.feedback(), 'Lav tilbakemelding')).isChecked(), false);
  assert.equal(
    await admin.enabled(admin.rule(admin.feedback(), 'Tilbakemeldingen går ned')).isChecked(),
    true,
  );

  // Back to the defaults, saved: the demo organisation is as it was for the other tests.
  for (const region of [admin.signals(), admin.feedback()]) {
    await region.getByRole('button', { name: 'Tilbakestill til standard' }).click();
    await admin.status(region).getByText('Standardverdiene er fylt inn.', { exact: false }).waitFor();
    await admin.save(region);
    await admin.status(region).getByText('Reglene er lagret.').waitFor();
  }
  assert.equal(kind(await stored(page, 'signal-rules'), 'craving-high')?.threshold, 7);
  assert.equal(kind(await stored(page, 'feedback-rules'), 'low-feedback')?.enabled, true);
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('a number out of range is refused in the browser with a message, and nothing is saved', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('admin', '/admin');
  const admin = new AdminRulesPage(page);
  await admin.ready();
  const before = await stored(page, 'signal-rules');
  const puts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT') puts.push(r.url());
  });

  const signals = admin.signals();
  const stopped = admin.rule(signals, 'Innsjekkene har stoppet');
  const silent = admin.number(stopped, 'Dager uten innsjekk');
  await silent.fill('45');
  await admin.save(signals);
  await admin
    .errorSummary(signals)
    .getByText('Innsjekkene har stoppet, Dager uten innsjekk: Skriv et helt tall fra 1 til 30.')
    .waitFor();
  // The field says it too, tied to the input.
  assert.equal(await silent.getAttribute('aria-invalid'), 'true');
  const describedBy = (await silent.getAttribute('aria-describedby')) ?? '';
  const message = page.locator(`[id="${describedBy.split(' ').at(-1)}"]`);
  assert.equal(await message.textContent(), 'Skriv et helt tall fra 1 til 30.');
  // The summary has the focus, so a screen reader says it at once; its link goes to the field.
  assert.equal(await page.evaluate('document.activeElement?.classList.contains("error-summary")'), true);
  await admin.errorSummary(signals).getByRole('link').click();
  assert.equal(await page.evaluate('document.activeElement?.id'), await silent.getAttribute('id'));
  assert.equal(await admin.status(signals).textContent(), '');
  assert.deepEqual(await seriousViolations(page), [], 'axe with the errors shown');

  // A decimal in a whole-number field is refused the same way.
  await silent.fill('2,5');
  await admin.errorSummary(signals).getByText('Skriv et helt tall fra 1 til 30.', { exact: false }).waitFor();
  assert.deepEqual(puts, [], 'nothing was sent');
  assert.deepEqual(await stored(page, 'signal-rules'), before, 'nothing was saved');

  // Corrected, the errors go and it saves.
  await silent.fill('4');
  assert.equal(await admin.errorSummary(signals).count(), 0);
  assert.equal(await silent.getAttribute('aria-invalid'), null);
  await admin.save(signals);
  await admin.status(signals).getByText('Reglene er lagret.').waitFor();
  assert.equal(kind(await stored(page, 'signal-rules'), 'checkins-stopped')?.silentDays, 4);
  await signals.getByRole('button', { name: 'Tilbakestill til standard' }).click();
  await admin.save(signals);
  await admin.status(signals).getByText('Reglene er lagret.').waitFor();

  // The feedback cut-off takes a decimal, with a comma.
  const feedback = admin.feedback();
  const low = admin.rule(feedback, 'Lav tilbakemelding');
  await admin.number(low, 'Grense').fill('14,5');
  await low.getByText('under 14,5.', { exact: false }).waitFor();
  await admin.save(feedback);
  await admin.status(feedback).getByText('Reglene er lagret.').waitFor();
  assert.equal(kind(await stored(page, 'feedback-rules'), 'low-feedback')?.cutOff, 14.5);
  await feedback.getByRole('button', { name: 'Tilbakestill til standard' }).click();
  await admin.save(feedback);
  await admin.status(feedback).getByText('Reglene er lagret.').waitFor();
  await context.close();
});

test('a server that refuses the rules (400) has its details shown in the summary and on the field', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('admin', '/admin');
  const admin = new AdminRulesPage(page);
  await admin.ready();
  // A server with a stricter check than this page (e.g. a newer version): its answer, as the API gives it.
  await page.route('**/api/admin/feedback-rules', (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({
            error: {
              code: 'rules_not_valid',
              message: 'Reglene kan ikke brukes slik de er.',
              details: [
                { message: 'rules[2].afterResponses must be a whole number from 2 to 50' },
                { message: 'Reglene er endret av en annen administrator.' },
              ],
            },
          }),
        })
      : route.fallback(),
  );
  const feedback = admin.feedback();
  await admin.save(feedback);
  const summary = admin.errorSummary(feedback);
  await summary.getByText('Ingen sikker bedring, Antall svar: Skriv et helt tall fra 2 til 50.').waitFor();
  await summary.getByText('Reglene er endret av en annen administrator.').waitFor();
  const answers = admin.number(admin.rule(feedback, 'Ingen sikker bedring'), 'Antall svar');
  assert.equal(await answers.getAttribute('aria-invalid'), 'true');
  assert.equal(await admin.status(feedback).textContent(), '');
  // Changing the form clears the server's answer.
  await answers.fill('7');
  assert.equal(await summary.count(), 0);
  await context.close();
});

test('in English the rule forms are in English', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('admin', '/admin');
  const admin = new AdminRulesPage(page);
  await admin.ready();
  await page.getByRole('button', { name: 'English' }).click();
  const signals = admin.signals('Signals from check-ins');
  const feedback = admin.feedback('Alerts from feedback and questionnaires');
  const craving = admin.rule(signals, 'Strong craving');
  await craving.getByText('Alert when craving is 7 or more 3 days running.').waitFor();
  await craving.getByRole('checkbox', { name: 'Use this rule' }).waitFor();
  await craving.getByText('A whole number from 1 to 10.').first().waitFor();
  await admin.rule(feedback, 'Low feedback').getByRole('textbox', { name: 'Cut-off' }).waitFor();
  await feedback.getByRole('button', { name: 'Save' }).waitFor();
  await feedback.getByRole('button', { name: 'Reset to defaults' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Lagre' }).count(), 0);
  assert.equal(await page.getByText('Varsle når', { exact: false }).count(), 0);

  await admin.number(craving, 'Craving strength').fill('11');
  await signals.getByRole('button', { name: 'Save' }).click();
  await signals
    .getByRole('alert')
    .getByText('Strong craving, Craving strength: Enter a whole number from 1 to 10.')
    .waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'axe on the English admin page with an error');
  await page.getByRole('button', { name: 'Norsk' }).click();
  await context.close();
});
