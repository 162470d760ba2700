import type { Locator, Page } from 'playwright-core';

/** "Barn og pårørende" on the person page (docs/decisions/0019-relatives-and-risk.md). */
export class RelativesSection {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  section() {
    return this.page.getByRole('region', { name: 'Barn og pårørende' });
  }

  form() {
    return this.section().locator('form');
  }

  /** A child or relative on the list, by name. */
  item(name: string): Locator {
    return this.section()
      .getByRole('listitem')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async addChild(o: {
    name: string;
    birthYear: string;
    caredForBy: string;
    spokenWith: 'Ja' | 'Nei' | 'Ikke avklart';
  }) {
    await this.section().getByRole('button', { name: 'Legg til barn' }).click();
    const form = this.form();
    await form.getByLabel('Navn').fill(o.name);
    await form.getByLabel('Fødselsår').fill(o.birthYear);
    await form.getByLabel('Hvem tar seg av barnet nå').fill(o.caredForBy);
    await form
      .getByRole('group', { name: 'Har noen snakket med barnet' })
      .getByRole('radio', { name: o.spokenWith, exact: true })
      .check();
  }

  async addRelative(o: { name: string; role: string; mayContact: boolean }) {
    await this.section().getByRole('button', { name: 'Legg til pårørende' }).click();
    const form = this.form();
    await form.getByLabel('Navn').fill(o.name);
    await form.getByLabel('Rolle').selectOption({ label: o.role });
    if (o.mayContact) await form.getByLabel('Kan kontaktes av oss').check();
  }

  async save() {
    await this.form().getByRole('button', { name: 'Lagre', exact: true }).click();
    await this.form().waitFor({ state: 'detached' });
  }
}

/** "Risikovurderinger" on the person page. */
export class RiskAssessmentsSection {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  section() {
    return this.page.getByRole('region', { name: 'Risikovurderinger' });
  }

  form() {
    return this.section().locator('form');
  }

  items() {
    return this.section().getByRole('listitem');
  }

  async open() {
    await this.section().getByRole('button', { name: 'Ny risikovurdering' }).click();
    await this.form().waitFor();
  }

  async fill(o: {
    kind: 'Selvmordsrisiko' | 'Voldsrisiko';
    level: 'Lav' | 'Moderat' | 'Høy' | 'Akutt';
    factors: string;
    plan: string;
    share: 'Ja' | 'Nei';
  }) {
    const form = this.form();
    await form.getByRole('radio', { name: o.kind, exact: true }).check();
    await form.getByLabel('Risikonivå').selectOption({ label: o.level });
    await form.getByLabel('Risikofaktorer og beskyttende faktorer').fill(o.factors);
    await form.getByLabel('Plan', { exact: true }).fill(o.plan);
    await form
      .getByRole('group', { name: /^Skal vurderingen følge med overføringen/ })
      .getByRole('radio', { name: o.share, exact: true })
      .check();
  }

  async save() {
    await this.form().getByRole('button', { name: 'Lagre vurderingen' }).click();
    await this.form().waitFor({ state: 'detached' });
  }
}
