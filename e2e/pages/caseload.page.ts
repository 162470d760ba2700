import type { Page } from 'playwright-core';

/** "Mine pasienter" (/pasienter): the caseload as a work list, most urgent first. */
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

  /** One person's entry on the list, by their full name. */
  item(name: string) {
    return this.list()
      .locator(':scope > li')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The names on the list, in the order shown (most urgent first). */
  async names(): Promise<string[]> {
    return this.list().locator(':scope > li > a').allTextContents();
  }

  /** What is open for the person, in words ("Ber om hjelp nå …", "2 åpne varsler", "Ingenting haster"). */
  async urgency(name: string): Promise<string[]> {
    return this.item(name)
      .getByRole('list', { name: `Dette haster for ${name}` })
      .getByRole('listitem')
      .allTextContents();
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
