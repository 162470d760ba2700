import type { Page } from 'playwright-core';

/** "Mine pasienter" (/pasienter). */
export class CaseloadPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/pasienter');
    await this.ready();
  }

  async ready() {
    await this.page.getByRole('heading', { level: 1, name: 'Mine pasienter' }).waitFor();
    await this.list().waitFor();
  }

  list() {
    return this.page.getByRole('list', { name: 'Mine pasienter' });
  }

  async search(text: string) {
    await this.page.getByLabel('Søk etter navn').fill(text);
    await this.page.getByRole('button', { name: 'Søk', exact: true }).click();
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
    // The count names the search once its results are in.
    await this.page
      .getByRole('status')
      .filter({ hasText: `«${text}»` })
      .waitFor();
  }

  async openPerson(name: string) {
    await this.list().getByRole('link', { name }).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }
}
