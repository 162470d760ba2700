import type { Page } from 'playwright-core';

/** The journal on the person page (staff) and "Notater fra samtalene" on Min side (the person). */
export class JournalPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** "Skriv journalnotat": the note form. */
  form() {
    return this.page.getByRole('form', { name: 'Skriv journalnotat' });
  }

  /** Writes a note of this kind ("Hjemmebesøk") and signs it at once, or saves it as a draft. */
  async write(kind: string, text: string, sign = true) {
    const form = this.form();
    await form.getByRole('radio', { name: kind, exact: true }).check();
    await form.getByLabel('Notat', { exact: true }).fill(text);
    await form.getByRole('button', { name: sign ? 'Signer notatet' : 'Lagre som utkast' }).click();
    await this.page
      .getByText(sign ? 'Notatet er signert og står i journalen.' : 'Notatet er lagret som utkast.', {
        exact: false,
      })
      .waitFor();
  }

  /** The journal view ("Journal"). */
  section() {
    return this.page.getByRole('region', { name: 'Journal', exact: true });
  }

  note(text: string) {
    return this.section().getByRole('article').filter({ hasText: text });
  }

  /** Filters the journal by kind of contact (its label) and a search in the text. */
  async filter(by: { kind?: string; q?: string }) {
    const s = this.section();
    await s.getByLabel('Type kontakt').selectOption({ label: by.kind ?? 'Alle' });
    await s.getByLabel('Søk i teksten').fill(by.q ?? '');
    await s.getByRole('button', { name: 'Søk', exact: true }).click();
  }

  /** "Notater fra samtalene" on Min side. */
  mine() {
    return this.page.getByRole('region', { name: 'Notater fra samtalene' });
  }

  /** Writes an amendment beside a signed note. */
  async amend(text: string, amendment: string) {
    const note = this.note(text);
    await note.getByRole('button', { name: 'Skriv tillegg' }).click();
    await note.getByLabel('Tillegg', { exact: true }).fill(amendment);
    await note.getByRole('button', { name: 'Lagre tillegget' }).click();
    await note.getByText(amendment).waitFor();
  }

  /** Withholds a note from the person, with the reason. */
  async withhold(text: string, reason: string) {
    const note = this.note(text);
    await note.getByRole('button', { name: 'Hold tilbake fra personen' }).click();
    await note.getByLabel('Hvorfor skal personen ikke se notatet?').fill(reason);
    await note.getByRole('button', { name: 'Hold tilbake', exact: true }).click();
    await note.getByText(`Vises ikke for personen. Grunn: ${reason}`, { exact: false }).waitFor();
  }
}
