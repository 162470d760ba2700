import type { Page } from 'playwright-core';

/** A person's record as staff see it (/personer/:id). */
export class PersonPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto(personId: string) {
    await this.page.goto(`/personer/${personId}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The card of one living-condition domain, by its Norwegian name ("Bolig"). */
  domain(name: string) {
    return this.page.getByRole('article', { name, exact: true });
  }

  completeness() {
    return this.page.getByText(/\d av 8 vurdert/);
  }

  async rate(domain: string, rating: 'Grønn' | 'Gul' | 'Rød', note: string) {
    const card = this.domain(domain);
    await card.getByRole('button', { name: `Ny vurdering – ${domain}` }).click();
    await card.getByRole('radio', { name: new RegExp(`^${rating}`) }).check();
    await card.getByLabel('Notat (valgfritt)').fill(note);
    await card.getByRole('button', { name: 'Lagre vurdering' }).click();
    await card.getByRole('status').getByText('Vurderingen er lagret.').waitFor();
  }

  async openBreakGlass(reason: string) {
    await this.page.getByLabel('Begrunnelse').fill(reason);
    await this.page.getByRole('button', { name: 'Åpne nødtilgang' }).click();
  }
}
