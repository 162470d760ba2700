import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { LoginPage } from './pages/login.page.ts';
import { launchBrowser, openPage, TEST_TIMEOUT } from './support/browser.ts';
import { type E2eServer, startServer } from './support/server.ts';

let server: E2eServer;
let browser: Browser;

before(
  async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  },
  { timeout: 60_000 },
);

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the language switch turns the visible text into English and back, and is remembered', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { page, context } = await openPage(browser, server.baseUrl);
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
  const { page, context } = await openPage(browser, server.baseUrl);
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
