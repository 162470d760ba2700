import type { Locator, Page } from 'playwright-core';

/**
 * The handover that shares what it says (docs/decisions/0018-handover-and-self-admission.md): the handover
 * form's plan parts, the lapse form on a staff plan page, and "Brukerstyrt innleggelse" on the person page.
 */
export class HandoverForm {
  readonly episode: Locator;

  constructor(episode: Locator) {
    this.episode = episode;
  }

  form() {
    return this.episode.getByRole('form', { name: 'Overføring til kommunen' });
  }

  async open() {
    await this.episode.getByRole('button', { name: 'Overfør til kommunen' }).click();
    await this.form().waitFor();
  }

  /** Fills the form; `parts` are the plan parts to share, by their names ("Kriseplan" …). */
  async fill(f: { worker: string; summary: string; plan: string; consentOn: string; parts: string[] }) {
    const form = this.form();
    await form.getByLabel('Kontaktperson i kommunen').selectOption({ label: f.worker });
    await form.getByLabel('Oppsummering').fill(f.summary);
    await form.getByLabel('Plan for oppfølging').fill(f.plan);
    await form.getByLabel('Samtykke gitt').fill(f.consentOn);
    await form.getByRole('checkbox', { name: /^Personen har sagt ja til/ }).check();
    const parts = form.getByRole('group', { name: 'Dette av planene blir delt med kommunen' });
    for (const p of f.parts) await parts.getByRole('checkbox', { name: p, exact: true }).check();
  }

  async save() {
    await this.form().getByRole('button', { name: 'Lagre overføringen' }).click();
    await this.episode.getByRole('status').getByText('Overføringen er lagret.', { exact: false }).waitFor();
  }

  /** "Delt med kommunen: Kriseplan, …" in the handover's facts. */
  sharedParts() {
    return this.episode.locator('.handover-parts');
  }
}

/** A lapse recorded by staff on the person's plan page ("Registrer et tilbakefall"). */
export async function recordLapseAsStaff(page: Page, occurredOn: string, whatHappened: string) {
  const lapses = page.locator('.lapses');
  await lapses.getByRole('button', { name: 'Registrer et tilbakefall' }).click();
  const form = lapses.locator('form');
  await form.getByLabel('Når skjedde det?').fill(occurredOn);
  await form.getByLabel('Hva skjedde?').fill(whatHappened);
  await form.getByRole('button', { name: 'Lagre', exact: true }).click();
  await lapses.getByRole('listitem').filter({ hasText: whatHappened }).waitFor();
}

/** "Brukerstyrt innleggelse" on the person page. */
export class SelfAdmissionSection {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  section() {
    return this.page.getByRole('region', { name: 'Brukerstyrt innleggelse', exact: true });
  }

  async addContract(f: { unit: string; days: string; stays: string; howToAsk: string; whoToCall: string }) {
    const s = this.section();
    await s.getByRole('button', { name: 'Registrer avtale' }).click();
    const form = s.getByRole('form', { name: 'Registrer avtale' });
    await form.getByLabel('Enhet').selectOption({ label: f.unit });
    await form.getByLabel('Dager per innleggelse').fill(f.days);
    await form.getByLabel('Innleggelser per år').fill(f.stays);
    await form.getByLabel('Slik ber du om innleggelse').fill(f.howToAsk);
    await form.getByLabel('Hvem du ringer').fill(f.whoToCall);
    await form.getByRole('button', { name: 'Lagre avtalen' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async recordStay(f: { date: string; days: string; helper?: boolean }) {
    const s = this.section();
    await s.getByRole('button', { name: 'Registrer innleggelse' }).click();
    const form = s.getByRole('form', { name: 'Innleggelse etter avtalen' });
    await form.getByLabel('Innlagt dato').fill(f.date);
    await form.getByLabel('Planlagt antall dager').fill(f.days);
    if (f.helper) await form.getByRole('radio', { name: 'en hjelper ba for personen' }).check();
    await form.getByRole('button', { name: 'Registrer innleggelse' }).click();
    await s.getByRole('status').getByText('Innleggelsen er registrert.').waitFor();
  }

  /** Ends the first agreement from the day given, through the confirm step ("Ja, avslutt avtalen"). */
  async endContract(endedOn: string) {
    const s = this.section();
    await s.getByRole('button', { name: 'Avslutt avtalen' }).click();
    const form = s.getByRole('form', { name: 'Avslutte avtalen?' });
    await form.getByLabel('Avsluttes fra').fill(endedOn);
    await form.getByRole('button', { name: 'Ja, avslutt avtalen' }).click();
    await form.waitFor({ state: 'detached' });
  }
}
