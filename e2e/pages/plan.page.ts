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

  /** The "Endre" button of an entry: only its author has one. */
  editButton(entry: Locator): Locator {
    return entry.getByRole('button', { name: 'Endre', exact: true });
  }

  /** Changes an entry the viewer wrote: opens it, lets `change` fill the form, and saves. */
  async edit(entry: Locator, change: (form: Locator) => Promise<void>) {
    await this.editButton(entry).click();
    // Once the words change the entry no longer matches its old text: find the one open edit form.
    const form = this.page.locator('li.plan-entry > form.plan-entry-form');
    await change(form);
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    await form.waitFor({ state: 'detached' });
  }

  /** The calm note shown after saving when the server has something to say (never a block). */
  saveNote(plan: string, section: string): Locator {
    return this.section(plan, section).locator('.plan-save-notes');
  }

  /** The lapse part of the relapse-prevention plan: progress, the prompt and the lapses. */
  lapses(plan: string): Locator {
    return this.plan(plan).locator('.lapses');
  }

  /** Good days and days in the pathway, read from the progress line. */
  async progress(plan: string): Promise<{ goodDays: number; days: number }> {
    const text = (await this.lapses(plan).locator('.progress').textContent()) ?? '';
    const m = /(\d+) gode dager av (\d+)/.exec(text);
    if (!m) throw new Error(`no progress in "${text}"`);
    return { goodDays: Number(m[1]), days: Number(m[2]) };
  }

  /** The person writes about a lapse in their own words ("Hva skjedde?"). */
  async recordLapse(plan: string, occurredOn: string, whatHappened: string) {
    const lapses = this.lapses(plan);
    await lapses.getByRole('button', { name: 'Skriv om et tilbakefall' }).click();
    const form = lapses.locator('form');
    await form.getByLabel('Når skjedde det?').fill(occurredOn);
    await form.getByLabel('Hva skjedde?').fill(whatHappened);
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    await lapses.getByRole('listitem').filter({ hasText: whatHappened }).waitFor();
  }

  /** "Nettverket mitt" / "Nettverkskart". */
  network(): Locator {
    return this.page.locator('#plan-network');
  }

  async addNetworkMember(name: string, relation: string, quality: string) {
    const network = this.network();
    await network.getByRole('button', { name: 'Legg til en person' }).click();
    const form = network.locator('form');
    await form.getByLabel('Navn').fill(name);
    await form.getByLabel('Hvem er det?').selectOption({ label: relation });
    await form.getByLabel(quality, { exact: true }).check();
    await form.getByRole('button', { name: 'Legg til', exact: true }).click();
    await form.waitFor({ state: 'detached' });
  }

  promises(): Locator {
    return this.page.locator('#plan-promises');
  }

  /** Staff make a promise with a due date and an owner; returns the owner's name as chosen. */
  async makePromise(promise: string, dueOn: string, ownerIndex: number): Promise<string> {
    const section = this.promises();
    await section.getByRole('button', { name: 'Gi et løfte' }).click();
    const form = section.locator('form');
    await form.getByLabel('Hva lover du?').fill(promise);
    await form.getByLabel('Frist').fill(dueOn);
    const owner = form.getByLabel('Ansvarlig');
    await owner.locator('option').nth(ownerIndex).waitFor({ state: 'attached' });
    await owner.selectOption({ index: ownerIndex });
    const name = (await owner.locator('option:checked').textContent()) ?? '';
    await form.getByRole('button', { name: 'Lagre løftet' }).click();
    await this.promise(promise).waitFor();
    return name.trim();
  }

  promise(text: string): Locator {
    return this.promises().getByRole('listitem').filter({ hasText: text }).first();
  }

  /** "Deling" / "Hva jeg deler": which plans each consent opens. */
  sharing(): Locator {
    return this.page.locator('#plan-sharing');
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
