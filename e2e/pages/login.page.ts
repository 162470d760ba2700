import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/server.ts';
import { adminTotp } from '../support/totp.ts';

/** The login page (/logg-inn), in Norsk bokmål as a new visitor sees it. */
export class LoginPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/logg-inn');
    await this.page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  }

  async submit(username: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel('Brukernavn').fill(username);
    await this.page.getByLabel('Passord', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  }

  error() {
    return this.page.getByRole('alert');
  }

  /** Logs in and waits for the role's start page (pathname). */
  async loginAs(username: string, startPath: string) {
    await this.goto();
    await this.submit(username);
    if (username === 'admin') {
      const code = this.page.getByLabel('Engangskode');
      await code.waitFor();
      await code.fill(await adminTotp());
      await this.page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    }
    await this.page.waitForURL((url) => url.pathname === startPath);
  }
}
