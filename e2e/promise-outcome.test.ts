import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginPage } from './pages/login.page.ts';
import { PlanPage } from './pages/plan.page.ts';
import { TasksPage } from './pages/tasks.page.ts';
import { seriousViolations } from './support/axe.ts';
import { openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

/**
 * A promise made to the person (docs/domain/plans.md, U-23) is closed on "Oppgaver" by its owner as kept or
 * withdrawn. The walk-through found its card offering the drop-out outcomes, and "Lagre" ending in "Noe gikk
 * galt" (docs/decisions/0017-words-per-role.md).
 */
const env = e2eEnvironment();

const LETTER = 'Jeg sender et brev til fastlegen din om søvnproblemene.';

test('the clinician marks the demo promise kept on Oppgaver, and Per sees on Min plan that it was', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const staff = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(staff.page).loginAs('behandler', '/pasienter');
  const tasks = new TasksPage(staff.page);
  await tasks.open();
  const card = tasks.task('Per Pasient', LETTER);
  await card.getByRole('heading', { level: 3, name: /^Løfte til personen: Per Pasient/ }).waitFor();
  assert.deepEqual(await tasks.outcomes(card), ['Holdt', 'Trukket tilbake']);
  assert.deepEqual(await seriousViolations(staff.page), [], 'axe on Oppgaver with a promise');

  await tasks.closePromise('Per Pasient', LETTER, 'Holdt', 'Brevet er sendt');
  assert.match((await tasks.confirmation().textContent()) ?? '', /Lagret: løftet til Per Pasient er holdt\./);
  assert.equal(await staff.page.getByText('Noe gikk galt').count(), 0);
  await staff.context.close();

  const me = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(me.page).loginAs('pasient', '/min-side');
  const plans = new PlanPage(me.page);
  await plans.gotoMine();
  const mine = plans.promise(LETTER);
  await mine.waitFor();
  assert.match((await mine.textContent()) ?? '', /Holdt/);
  await me.context.close();
});
