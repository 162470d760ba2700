import type { Page } from 'playwright-core';

/** "Tilgangslogg for enheten" (/tilgangslogg): the unit leader's access log. */
export class UnitAccessLogPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Tilgangslogg' })
      .click();
    await this.ready();
  }

  async ready() {
    await this.page.getByRole('heading', { level: 1, name: 'Tilgangslogg for enheten' }).waitFor();
    await this.page.getByRole('status').waitFor();
  }

  entries() {
    return this.page.getByRole('list', { name: 'Tilgangslogg, nyeste først' }).locator(':scope > li');
  }

  /** Chooses a basis ("Nødtilgang", "Tjenstlig behov", "Personen selv") and shows the log again. */
  async filterBasis(label: string) {
    await this.page.getByLabel('Grunnlag').selectOption({ label });
    await this.showingNew(() => this.page.getByRole('button', { name: 'Vis logg' }).click());
  }

  /** Narrows the log to one staff member or one person from the first entry that names them. */
  async only(name: string) {
    await this.showingNew(() =>
      this.entries()
        .getByRole('button', { name: `Vis bare ${name}`, exact: true })
        .first()
        .click(),
    );
  }

  chosen() {
    return this.page.getByRole('list', { name: 'Valgt' });
  }

  private async showingNew(action: () => Promise<void>) {
    const loaded = this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/access-log');
    await action();
    await loaded;
    await this.page.getByRole('status').waitFor();
  }
}
