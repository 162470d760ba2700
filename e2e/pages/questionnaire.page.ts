import type { Locator, Page } from 'playwright-core';

/**
 * One questionnaire as it is filled in (the same renderer for staff and for the person): a form named by
 * the instrument's title, one group of choices per question, named by the question's text.
 */
export class QuestionnaireForm {
  readonly page: Page;
  readonly title: string;

  constructor(page: Page, title: string) {
    this.page = page;
    this.title = title;
  }

  form() {
    return this.page.getByRole('form', { name: this.title });
  }

  async ready() {
    await this.form().waitFor();
  }

  /** The question (a fieldset or a field) whose text starts with `text`. */
  question(text: string): Locator {
    return this.form().getByRole('group', { name: new RegExp(`^${escapeRegExp(text)}`) });
  }

  async choose(question: string, answer: string) {
    await this.question(question).getByRole('radio', { name: answer, exact: true }).check();
  }

  /** The same answer to several questions. */
  async chooseAll(questions: string[], answer: string) {
    for (const q of questions) await this.choose(q, answer);
  }

  async fill(label: string | RegExp, text: string) {
    await this.form().getByLabel(label).fill(text);
  }

  async submit() {
    await this.form().getByRole('button', { name: 'Send inn' }).click();
  }

  async saveForLater() {
    await this.form().getByRole('button', { name: 'Lagre og fortsett senere' }).click();
  }

  /** The error summary at the top, shown (and focused) when something must be fixed. */
  errorSummary() {
    return this.form()
      .getByRole('alert')
      .filter({ hasText: /Før du (sender inn|lagrer)/ });
  }

  /** The receipt after sending: thanks, scores with their band in words, alerts for staff. */
  receipt() {
    return this.page.locator('.q-receipt');
  }

  async closeReceipt() {
    await this.receipt().getByRole('button', { name: 'Ferdig' }).click();
  }
}

/** "Skjema og tilbakemeldinger" on a person's page (staff). */
export class QuestionnaireSection {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  section() {
    return this.page.getByRole('region', { name: 'Skjema og tilbakemeldinger' });
  }

  async ready() {
    await this.section().waitFor();
    await this.section()
      .getByRole('heading', { level: 3, name: /^Skjema som venter/ })
      .waitFor();
  }

  /**
   * "Skriv journalnotat": a contact today (kind as shown: "Samtale", "Telefon" …) written and signed as a
   * journal note, which plans the session feedback; waits for the confirmation.
   */
  async writeJournalNote(kind: string, text: string) {
    const block = this.section().getByRole('region', { name: 'Skriv journalnotat' });
    await block.getByRole('radio', { name: kind, exact: true }).check();
    await block.getByLabel('Notat', { exact: true }).fill(text);
    await block.getByRole('button', { name: 'Signer notatet' }).click();
    await block.getByText('Notatet er signert og står i journalen.').waitFor();
  }

  /** "Be om tilbakemelding nå: <title>", offered after a journal note is signed. */
  async askForFeedbackNow(title: string): Promise<QuestionnaireForm> {
    await this.section()
      .getByRole('button', { name: `Be om tilbakemelding nå: ${title}` })
      .click();
    const form = new QuestionnaireForm(this.page, title);
    await form.ready();
    return form;
  }

  /** "Skjema som venter (n)": what is planned and not answered yet. */
  due() {
    return this.section().getByRole('region', { name: /^Skjema som venter/ });
  }

  latest() {
    return this.section().getByRole('region', { name: 'Siste svar' });
  }

  trajectories() {
    return this.section().getByRole('region', { name: 'Utvikling over tid' });
  }

  /** The chart of one instrument's score: an image whose name says the same in words. */
  chart(title: string) {
    return this.section().getByRole('img', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }

  alerts() {
    return this.section().getByRole('region', { name: /^Varsler fra tilbakemeldinger/ });
  }

  figure(title: string) {
    return this.section().getByRole('figure', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }

  /** Opens the table alternative of a trajectory and returns its data rows. */
  async tableRows(title: string) {
    return tableRowsOf(this.figure(title));
  }
}

/** "Skjema du kan fylle ut" on Min side. */
export class MyQuestionnaires {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  section() {
    return this.page.getByRole('region', { name: 'Skjema du kan fylle ut' });
  }

  due() {
    return this.section().getByRole('list', { name: 'Skjema som venter på deg' });
  }

  async open(title: string): Promise<QuestionnaireForm> {
    await this.section()
      .getByRole('button', { name: `Fyll ut: ${title}` })
      .click();
    const form = new QuestionnaireForm(this.page, title);
    await form.ready();
    return form;
  }

  async resume(title: string): Promise<QuestionnaireForm> {
    await this.section()
      .getByRole('button', { name: `Fortsett der du slapp: ${title}` })
      .first()
      .click();
    const form = new QuestionnaireForm(this.page, title);
    await form.ready();
    return form;
  }

  notice() {
    return this.section().getByRole('status').filter({ hasText: /\S/ }).first();
  }

  chart(title: string) {
    return this.section().getByRole('img', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }

  /** Waits until the person's graphs have loaded: some graph, or the words that there is none yet. */
  async trajectoriesLoaded() {
    await this.section()
      .getByRole('figure')
      .or(this.section().getByText('Når du har fylt ut skjema, ser du utviklingen din her.'))
      .first()
      .waitFor();
  }

  /** The whole figure of an instrument's trajectory: heading, chart, legend and the table alternative. */
  figure(title: string) {
    return this.section().getByRole('figure', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }

  /** Opens the table alternative of a trajectory and returns its data rows. */
  async tableRows(title: string) {
    return tableRowsOf(this.figure(title));
  }
}

/** Feedback alerts on a worklist ("Oppgaver" for the clinician, the board for a leader). */
export class FeedbackAlertList {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  region() {
    return this.page.getByRole('region', { name: /^Varsler fra tilbakemeldinger/ });
  }

  /** The open alert about a person (full name), one article each. */
  alert(personName: string) {
    return this.region().getByRole('article').filter({ hasText: personName });
  }

  async acknowledge(personName: string, note: string) {
    const alert = this.alert(personName).first();
    await alert.getByLabel('Hva gjorde dere?').fill(note);
    await alert.getByRole('button', { name: 'Kvitter ut varselet' }).click();
  }
}

async function tableRowsOf(figure: Locator) {
  await figure.getByText('Vis som tabell').click();
  return figure.getByRole('table').locator('tbody tr');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
