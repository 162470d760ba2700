import type { Locator, Page } from 'playwright-core';

/**
 * The rule forms on the admin page (/admin): the feedback alert rules and the check-in signal rules,
 * each a region with one group per rule.
 */
export class AdminRulesPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/admin');
    await this.ready();
  }

  async ready() {
    await this.page.getByRole('heading', { level: 1, name: 'Administrasjon' }).waitFor();
    await this.feedback().getByRole('button', { name: 'Lagre' }).waitFor();
    await this.signals().getByRole('button', { name: 'Lagre' }).waitFor();
  }

  feedback(name = 'Varsler fra tilbakemeldinger og skjema'): Locator {
    return this.page.getByRole('region', { name });
  }

  signals(name = 'Signaler fra innsjekk'): Locator {
    return this.page.getByRole('region', { name });
  }

  /** One rule's group (its legend is the rule's name) inside a region. */
  rule(region: Locator, title: string): Locator {
    return region.getByRole('group', { name: title });
  }

  enabled(rule: Locator): Locator {
    return rule.getByRole('checkbox', { name: 'Bruk regelen' });
  }

  number(rule: Locator, label: string): Locator {
    return rule.getByRole('textbox', { name: label });
  }

  save(region: Locator) {
    return region.getByRole('button', { name: 'Lagre' }).click();
  }

  status(region: Locator): Locator {
    return region.getByRole('status');
  }

  errorSummary(region: Locator): Locator {
    return region.getByRole('alert');
  }
}
