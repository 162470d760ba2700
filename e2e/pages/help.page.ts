import type { Locator, Page } from 'playwright-core';

/**
 * Help that cannot be missed (docs/decisions/0015-help-requests.md): the red pinned block on the staff start
 * page and Oppgaver, and the person's side — "I dag" first on Min side, the numbers to call, and what became
 * of the request.
 */
export class PinnedHelpBlock {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  region(): Locator {
    return this.page.getByRole('region', { name: /ber om hjelp nå/i });
  }

  /** The pinned line about one person (full name). */
  request(name: string): Locator {
    return this.region().getByRole('listitem').filter({ hasText: name });
  }

  /** "Jeg tar den" on the person's oldest open request; waits until the list has one fewer. */
  async take(name: string) {
    const before = await this.request(name).count();
    await this.page
      .getByRole('button', { name: `Jeg tar den: ${name}` })
      .first()
      .click();
    await this.region()
      .getByText(/^Du tok den /)
      .waitFor();
    while ((await this.request(name).count()) >= before) await this.page.waitForTimeout(100);
  }

  /** The first h2 after the page's h1: the pinned block when it is first. */
  async firstSectionHeading(): Promise<string> {
    return (await this.page.locator('main h2').first().textContent()) ?? '';
  }
}

export class PersonHelp {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** "I dag" on Min side. */
  today(): Locator {
    return this.page.getByRole('region', { name: 'I dag' });
  }

  helpButton(): Locator {
    return this.page.getByRole('button', { name: 'Jeg trenger hjelp nå' });
  }

  /** The hrefs of the tap-to-call links in a part of the page. */
  async telLinks(within: Locator): Promise<string[]> {
    return within
      .locator('a[href^="tel:"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  }
}
