import type { Page } from 'playwright-core';

/** What the referral says something about (the domain's ReferralChecklistItems), by its bokmål label. */
export const ChecklistLabels = {
  'own-participation': 'Personen har selv vært med på å lage henvisningen',
  'relatives-participation': 'Pårørende har vært involvert, når personen ønsker det',
  'own-goals-and-resources': 'Personens egne mål og ressurser',
  'substance-use': 'Rusmiddelbruk: hva, hvor mye og hvor lenge',
  'injuries-and-complications': 'Skader og komplikasjoner av rusmiddelbruken',
  'mental-health': 'Psykisk helse',
  'physical-health': 'Fysisk helse',
  'social-situation': 'Sosial situasjon: bolig, arbeid, økonomi',
  'support-persons-and-network': 'Støttepersoner og nettverk',
  'special-considerations': 'Særlige hensyn, for eksempel barn, graviditet eller behov for tolk',
} as const;
export type ChecklistItem = keyof typeof ChecklistLabels;

export interface ReferralInput {
  nationalId: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'Kvinne' | 'Mann' | 'Annet' | 'Ukjent';
  /** The unit's name, e.g. "Poliklinikk"; left as it is when not given. */
  unit?: string;
  /** YYYY-MM-DD; today (the form's default) when not given. */
  receivedOn?: string;
  /** The referrer kind's bokmål label: "Fastlege", "NAV/sosialtjenesten", "Barnevernet", … */
  referrerKind: string;
  referrerName: string;
  referrerOrganisation?: string;
  reason?: string;
  checklist?: ChecklistItem[];
  coordinator?: { name: string; contact?: string };
}

/** "Ny henvisning" (/henvisninger/ny), for leaders and clinicians. */
export class ReferralPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/henvisninger/ny');
    await this.ready();
  }

  /** Through the main menu, as a user gets there. */
  async open() {
    await this.page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Ny henvisning' })
      .click();
    await this.ready();
  }

  async ready() {
    await this.page.getByRole('heading', { level: 1, name: 'Ny henvisning' }).waitFor();
    // The units have loaded when the select is enabled.
    await this.page.locator('#referral-unitId:enabled').waitFor();
  }

  /** The live count, "3 av 10 punkter er med". */
  completeness() {
    return this.page.getByText(/^\d+ av \d+ punkter er med$/);
  }

  /** The calm warning before registering ("Det mangler 7 punkter …"), or the note that all are there. */
  completenessWarning() {
    return this.page.getByText(/^Det mangler \d+ punkte?r?\./);
  }

  checkbox(item: ChecklistItem) {
    return this.page.getByRole('checkbox', { name: ChecklistLabels[item], exact: true });
  }

  async fill(r: ReferralInput) {
    const p = this.page;
    await p.getByLabel('Fødselsnummer').fill(r.nationalId);
    await p.getByLabel('Fornavn').fill(r.givenName);
    await p.getByLabel('Etternavn').fill(r.familyName);
    await p.getByLabel('Fødselsdato').fill(r.birthDate);
    await p.getByLabel('Kjønn').selectOption({ label: r.gender });
    if (r.unit) await p.getByLabel('Enhet som mottar henvisningen').selectOption({ label: r.unit });
    if (r.receivedOn) await p.getByLabel('Dato henvisningen kom').fill(r.receivedOn);
    await p.getByLabel('Hvem henviser').selectOption({ label: r.referrerKind });
    await p.getByLabel('Navn på henviser').fill(r.referrerName);
    if (r.referrerOrganisation) await p.getByLabel('Henvisers virksomhet').fill(r.referrerOrganisation);
    if (r.reason) await p.getByLabel('Henvisningsgrunn').fill(r.reason);
    for (const item of r.checklist ?? []) await this.checkbox(item).check();
    if (r.coordinator) {
      const coordinator = p.getByRole('group', { name: 'Kommunal forløpskoordinator' });
      await coordinator.getByLabel('Navn').fill(r.coordinator.name);
      if (r.coordinator.contact)
        await coordinator.getByLabel('Telefon eller e-post').fill(r.coordinator.contact);
    }
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Registrer henvisning' }).click();
  }

  /** The error summary shown when something must be corrected. */
  errorSummary() {
    return this.page.getByRole('alert').filter({ hasText: 'Dette må rettes:' });
  }

  /** Fills in and registers the referral; waits for the person's record and returns the person's id. */
  async register(r: ReferralInput): Promise<string> {
    await this.fill(r);
    await this.submit();
    await this.page.waitForURL(/\/personer\/[0-9a-f-]{36}$/);
    await this.page.getByRole('heading', { level: 1, name: `${r.givenName} ${r.familyName}` }).waitFor();
    const id = new URL(this.page.url()).pathname.split('/').pop();
    if (!id) throw new Error(`no person id in ${this.page.url()}`);
    return id;
  }
}
