import type { Locator } from 'playwright-core';

export const DischargeItemNames = {
  'own-housing': 'Egen bolig',
  'named-municipal-professional': 'En navngitt fagperson i kommunen',
  'meaningful-activity-offered': 'Tilbud om meningsfull aktivitet',
  'network-help-offered': 'Tilbud om hjelp med nettverk',
  'relapse-prevention-plan-reviewed': 'Plan for å forebygge tilbakefall er gått gjennom',
  'crisis-plan-need-assessed': 'Behovet for kriseplan er vurdert',
  'children-and-relatives-asked': 'Det er spurt om barn og pårørende, og barnas behov er fulgt opp',
  'person-and-relatives-know-where-to-turn': 'Personen og pårørende vet hvor de kan henvende seg',
  'risk-assessments-done': 'Selvmordsrisiko og voldsrisiko er vurdert',
  'risk-assessments-shared': 'Fastlege og kommune kjenner vurderingene av selvmordsrisiko og voldsrisiko',
} as const;
export type DischargeItemKey = keyof typeof DischargeItemNames;
export type Answer = 'Ja' | 'Nei' | 'Ikke aktuelt';

/** "Sjekkliste for utskrivning" in an episode panel (docs/domain/pathway.md, P-40, P-41). */
export class DischargeChecklistForm {
  readonly episode: Locator;

  constructor(episode: Locator) {
    this.episode = episode;
  }

  form() {
    return this.episode.getByRole('form', { name: 'Sjekkliste for utskrivning' });
  }

  async open() {
    await this.episode.getByRole('button', { name: /^(Fyll ut|Endre) sjekklisten$/ }).click();
    await this.form().waitFor();
  }

  async answer(item: DischargeItemKey, answer: Answer, note?: string) {
    const group = this.form().getByRole('group', { name: DischargeItemNames[item], exact: true });
    await group.getByRole('radio', { name: answer, exact: true }).check();
    if (note) await group.getByLabel('Notat').fill(note);
  }

  async helpNeeded(label: string) {
    await this.form().getByLabel('Hjelpebehov ved avslutning').selectOption({ label });
  }

  async save() {
    await this.form().getByRole('button', { name: 'Lagre sjekklisten' }).click();
    await this.episode.getByRole('status').getByText('Sjekklisten for utskrivning er lagret.').waitFor();
  }

  /** What the record says beside an item (children, relatives, risk assessments): a hint, never an answer. */
  hints(item: DischargeItemKey) {
    return this.form()
      .getByRole('group', { name: DischargeItemNames[item], exact: true })
      .locator('.discharge-hint');
  }

  /** "7 av 8 punkter er på plass." or "Alt er på plass før utskrivning." */
  readiness() {
    return this.episode.locator('.readiness');
  }
}
