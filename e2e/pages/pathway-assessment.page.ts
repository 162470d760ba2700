import type { Locator } from 'playwright-core';

export const DimensionNames = {
  withdrawal: 'Rus og abstinens nå',
  'physical-health': 'Fysisk helse',
  'mental-health': 'Psykisk helse',
  readiness: 'Endringsberedskap',
  'relapse-risk': 'Risiko for tilbakefall',
  'recovery-environment': 'Hjemmemiljø og nettverk',
} as const;
export type DimensionKey = keyof typeof DimensionNames;

/** "Ny kartlegging" in an episode panel: own goals first, six dimensions, the live recommendation. */
export class AssessmentForm {
  readonly episode: Locator;

  constructor(episode: Locator) {
    this.episode = episode;
  }

  form() {
    return this.episode.getByRole('form', { name: 'Ny kartlegging' });
  }

  async open() {
    await this.episode.getByRole('button', { name: 'Ny kartlegging' }).click();
    await this.form().waitFor();
  }

  async goals(goals: string, resources?: string) {
    await this.form().getByLabel('Personens mål').fill(goals);
    if (resources) await this.form().getByLabel('Ressurser').fill(resources);
  }

  /** One dimension's fieldset (its legend starts with the name, and may say that it drives the recommendation). */
  dimension(d: DimensionKey) {
    return this.form()
      .getByRole('group', { name: new RegExp(`^${DimensionNames[d]}`) })
      .first();
  }

  async rate(d: DimensionKey, now: number, rationale: string, history?: number) {
    const group = this.dimension(d);
    await group.getByRole('radio', { name: new RegExp(`^${now} – `) }).check();
    if (history !== undefined)
      await group.getByLabel('Tidligere (valgfritt)').selectOption({ value: String(history) });
    await group.getByLabel('Begrunnelse').fill(rationale);
  }

  /** The live recommendation: level, rule in plain words and the dimensions that drove it. */
  recommendation() {
    return this.form().getByRole('complementary', { name: 'Anbefaling' });
  }

  async chooseLevel(level: string) {
    await this.form()
      .getByRole('group', { name: 'Valgt behandlingsnivå' })
      .getByRole('radio', { name: new RegExp(`^${level}`) })
      .check();
  }

  async reason(text: string) {
    await this.form().getByLabel('Hvorfor et annet nivå?').fill(text);
  }

  async submit() {
    await this.form().getByRole('button', { name: 'Lagre kartleggingen' }).click();
  }

  errors() {
    return this.form().getByRole('alert');
  }

  /** Saved assessments, newest first. */
  list() {
    return this.episode.getByRole('list', { name: 'Kartlegginger' });
  }
}
