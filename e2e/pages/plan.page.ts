import type { Locator, Page } from 'playwright-core';

/**
 * The plan pages: "Min plan" (/min-side/plan) for the person, "Planer for …" (/personer/:id/plan)
 * for staff, and the one-page crisis plan (/min-side/kriseplan, /personer/:id/kriseplan).
 */
export class PlanPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async gotoMine() {
    await this.page.goto('/min-side/plan');
    await this.page.getByRole('heading', { level: 1, name: 'Min plan' }).waitFor();
    await this.plan('Mine mål og tiltak').waitFor();
  }

  async gotoPerson(personId: string) {
    await this.page.goto(`/personer/${personId}/plan`);
    await this.page.getByRole('heading', { level: 1, name: /^Planer/ }).waitFor();
  }

  /** A whole plan (treatment, relapse-prevention, crisis) by its heading. */
  plan(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** A section of a plan ("Mine mål", "Tiltak", "Mine varseltegn"…) by its heading. */
  section(plan: string, title: string): Locator {
    return this.plan(plan).getByRole('region', { name: title, exact: true });
  }

  entry(plan: string, section: string, text: string): Locator {
    return this.section(plan, section).getByRole('listitem').filter({ hasText: text }).first();
  }

  /** Opens the section's "Legg til …" form, fills the main text (and more), and adds it. */
  async add(
    plan: string,
    section: string,
    addButton: string,
    text: string,
    more: (form: Locator) => Promise<void> = async () => {},
  ) {
    const s = this.section(plan, section);
    await s.getByRole('button', { name: addButton, exact: true }).click();
    const form = s.locator('form');
    await form.getByRole('textbox').first().fill(text);
    await more(form);
    await form.getByRole('button', { name: 'Legg til', exact: true }).click();
    await this.entry(plan, section, text).waitFor();
  }

  async sign(plan: string) {
    await this.plan(plan).getByRole('button', { name: 'Signer planen' }).click();
    await this.plan(plan)
      .getByText(/signerte denne versjonen/)
      .waitFor();
  }

  signatureStatus(plan: string): Locator {
    return this.plan(plan).locator('.plan-signature__status');
  }

  notShared(): Locator {
    return this.page.getByRole('heading', { name: 'Planene er ikke delt med deg' });
  }

  async gotoCrisisPrint(path: string) {
    await this.page.goto(path);
    await this.page.getByRole('heading', { level: 1, name: /kriseplan/i }).waitFor();
  }

  /** How much wider than the viewport the page is (0 means no horizontal scroll). */
  async horizontalOverflow(): Promise<number> {
    return Number(await this.page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  }
}
