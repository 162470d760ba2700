import type { Page } from 'playwright-core';

/** The patient portal, "Min side" (/min-side). */
export class MinSidePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/min-side');
    await this.ready();
  }

  async ready() {
    await this.page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    // The access log has loaded when it shows its entries or says that nobody else has looked.
    await this.accessLog().or(this.page.getByText('Ingen andre har sett journalen din ennå.')).waitFor();
  }

  /** "Barn og pårørende": what the record says about the person's children and relatives (only when any). */
  relatives() {
    return this.page.getByRole('region', { name: 'Barn og pårørende' });
  }

  /** A link in the section menu ("Innhold på siden"). */
  menuLink(name: string) {
    return this.page.getByRole('navigation', { name: 'Innhold på siden' }).getByRole('link', { name });
  }

  /** "Hvem har sett journalen min": the list of entries. */
  accessLog() {
    return this.page.getByRole('list', { name: 'Hvem har sett journalen min' });
  }

  /** Opens the whole access log ("Vis … til" shows 25 more at a time). */
  async showWholeAccessLog() {
    const more = this.page.getByRole('button', { name: /^Vis \d+ til$/ });
    while ((await more.count()) > 0) await more.first().click();
  }

  accessLogEntries(text: string | RegExp) {
    return this.accessLog().getByRole('listitem').filter({ hasText: text });
  }

  /** How much wider than the viewport the page is (0 means no horizontal scroll). */
  async horizontalOverflow(): Promise<number> {
    // A string expression: this file is type-checked without the DOM library.
    return Number(await this.page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  }
}
