import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginPage } from './pages/login.page.ts';
import { MinSidePage } from './pages/min-side.page.ts';
import { openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

const env = e2eEnvironment();

test('the patient portal fits a 360 px phone without horizontal scrolling', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl, PHONE);
  const login = new LoginPage(page);
  await login.goto();
  assert.equal(await new MinSidePage(page).horizontalOverflow(), 0, 'login page at 360 px');
  await login.loginAs('pasient', '/min-side');
  const minSide = new MinSidePage(page);
  await minSide.ready();
  assert.equal(await minSide.horizontalOverflow(), 0, 'Min side at 360 px');

  // Opened history and the edit form must fit too.
  await page.getByRole('button', { name: 'Vis historikk – Arbeid og meningsfull aktivitet' }).click();
  await page.getByRole('heading', { level: 4, name: 'Alle vurderinger' }).waitFor();
  await page.getByRole('button', { name: 'Endre «Om meg»' }).click();
  await page.getByLabel('Mine styrker').waitFor();
  assert.equal(await minSide.horizontalOverflow(), 0, 'Min side with history and edit form at 360 px');
  await context.close();
});

test('the patient writes "Om meg" in their own words on the phone', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('pasient', '/min-side');
  const minSide = new MinSidePage(page);
  await minSide.ready();
  await page.getByRole('button', { name: 'Endre «Om meg»' }).click();
  const strengths = `Flink med hendene, god humor, og jeg har begynt å løpe (${Date.now()}).`;
  await page.getByLabel('Mine styrker').fill(strengths);
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await page.getByRole('status').getByText('Lagret.', { exact: false }).waitFor();
  await page.getByText(strengths).waitFor();
  await page.getByText(/Sist endret av deg/).waitFor();
  // Kept on the env.server.
  await page.reload();
  await minSide.ready();
  await page.getByText(strengths).waitFor();
  assert.equal(await minSide.horizontalOverflow(), 0);
  await context.close();
});
