import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginPage } from './pages/login.page.ts';
import { openPage, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

const env = e2eEnvironment();

test('the language switch turns the visible text into English and back, and is remembered', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl);
  const login = new LoginPage(page);
  await login.loginAs('behandler', '/pasienter');
  await page.getByRole('heading', { level: 1, name: 'Mine pasienter' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'nb');
  assert.equal(await page.getByRole('button', { name: 'Logg ut' }).count(), 1);

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'My patients' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.getByRole('button', { name: 'Log out' }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Logg ut' }).count(), 0);
  assert.equal(await page.getByLabel('Search by name').count(), 1);
  assert.match((await page.getByRole('navigation').textContent()) ?? '', /My patients/);

  // The person page too: domains, ratings and dates in English.
  await page.getByRole('link', { name: 'Per Pasient' }).click();
  await page.getByRole('heading', { level: 2, name: 'Living conditions' }).waitFor();
  await page.getByRole('article', { name: 'Housing', exact: true }).getByText('Green – Going well').waitFor();
  assert.equal(await page.getByText(/\d of 8 rated/).count(), 1);
  assert.match(
    (await page
      .getByText(/^Born:?/)
      .first()
      .locator('..')
      .textContent()) ?? '',
    /February 1990/,
  );

  // Remembered after a reload (localStorage), then back to Norsk bokmål.
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'About me' }).waitFor();
  await page.getByRole('button', { name: 'Norsk' }).click();
  await page.getByRole('heading', { level: 2, name: 'Om meg' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'nb');
  await context.close();
});

test('the login page switches language before anyone logs in', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl);
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  assert.equal(await page.getByLabel('Username').count(), 1);
  assert.equal(await page.getByLabel('Brukernavn').count(), 0);
  await page.getByLabel('Username').fill('behandler');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('alert').getByText('Wrong username or password.').waitFor();
  await context.close();
});
