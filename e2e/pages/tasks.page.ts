import type { Page } from 'playwright-core';

export type ReEngagementOutcome = 'Tilby ny runde' | 'Ønsker ikke nå' | 'Fikk ikke kontakt';
export type PromiseOutcome = 'Holdt' | 'Trukket tilbake';

/** "Oppgaver" (/oppgaver): the user's open tasks and the forms that complete them. */
export class TasksPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/oppgaver');
    await this.ready();
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Oppgaver' })
      .click();
    await this.ready();
  }

  async ready() {
    await this.page.getByRole('heading', { level: 1, name: 'Oppgaver' }).waitFor();
    await this.page.getByRole('heading', { level: 2, name: /^Mine oppgaver/ }).waitFor();
  }

  /** My open tasks, one article each. */
  myTasks() {
    return this.page.getByRole('region', { name: /^Mine oppgaver/ }).getByRole('article');
  }

  /**
   * My open task about a person (full name); kind narrows it: "Første kontakt", "Ta kontakt igjen", "Løfte" or
   * the text of a promise.
   */
  task(personName: string, kind?: 'Første kontakt' | 'Ta kontakt igjen' | 'Løfte' | (string & {})) {
    const byName = this.myTasks().filter({
      has: this.page.getByRole('heading', { level: 3 }).filter({ hasText: personName }),
    });
    return kind ? byName.filter({ hasText: kind }) : byName;
  }

  /** The confirmation after a task was completed. */
  confirmation() {
    return this.page.getByRole('status').filter({ hasText: /\S/ }).locator('.message');
  }

  /**
   * The municipal worker records that the first municipal contact with the person has happened
   * (date YYYY-MM-DD); waits until the task is completed and gone from the list.
   */
  async completeFirstContact(personName: string, date: string, note?: string) {
    const task = this.task(personName, 'Første kontakt');
    await task.getByLabel('Dato for første kontakt').fill(date);
    if (note) await task.getByLabel(/^Notat/).fill(note);
    await task.getByRole('button', { name: 'Registrer første kontakt' }).click();
    await this.page
      .getByText(`Første kontakt med ${personName} er registrert. Oppgaven er fullført.`)
      .waitFor();
    await task.waitFor({ state: 'detached' });
  }

  /** The clinician records what came of reaching out after a drop-out; waits for the task to close. */
  async answerReEngagement(personName: string, outcome: ReEngagementOutcome, date?: string, note?: string) {
    const task = this.task(personName, 'Ta kontakt igjen');
    await task.getByRole('radio', { name: new RegExp(`^${outcome}`) }).check();
    if (date) await task.getByLabel('Dato', { exact: true }).fill(date);
    if (note) await task.getByLabel(/^Notat/).fill(note);
    await task.getByRole('button', { name: 'Lagre', exact: true }).click();
    await this.confirmation().filter({ hasText: personName }).waitFor();
    await task.waitFor({ state: 'detached' });
  }

  /** The outcomes a task's form offers, by their names. */
  outcomes(task: ReturnType<TasksPage['task']>) {
    return task
      .getByRole('radio')
      .evaluateAll((radios) =>
        radios.map((r) => r.closest('label')?.querySelector('strong')?.textContent ?? ''),
      );
  }

  /** The owner of a promise marks it kept or withdrawn; waits for the confirmation and for the task to close. */
  async closePromise(personName: string, promise: string, outcome: PromiseOutcome, note?: string) {
    const task = this.task(personName, promise);
    await task.getByRole('radio', { name: new RegExp(`^${outcome}`) }).check();
    if (note) await task.getByLabel(/^Notat/).fill(note);
    await task.getByRole('button', { name: 'Lagre', exact: true }).click();
    await this.confirmation().filter({ hasText: personName }).waitFor();
    await task.waitFor({ state: 'detached' });
  }
}
