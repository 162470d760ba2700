import type { Locator, Page } from 'playwright-core';

/**
 * "Forløp" on a person's page (/personer/:id): the pathway picture, its text alternative and one panel
 * per episode with the forms that move it on. Episode panels are articles named "Episode N – Unit".
 */
export class PathwaySection {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  section() {
    return this.page.getByRole('region', { name: 'Forløp', exact: true });
  }

  async ready() {
    await this.section().waitFor();
    // Loaded when it shows the picture or says that there are no episodes.
    await this.timeline()
      .or(this.section().getByText('Ingen behandlingsepisoder er registrert ennå.'))
      .waitFor();
  }

  /** The picture: an image named by what it shows ("Forløpet som bilde: 3 episoder fra …"). */
  timeline() {
    return this.section().getByRole('img', { name: /^Forløpet som bilde/ });
  }

  legend() {
    return this.section().getByRole('list', { name: 'Forklaring til bildet' });
  }

  /** Opens "Vis forløpet som tekst" and returns the text alternative. */
  async textAlternative(): Promise<Locator> {
    await this.section().getByText('Vis forløpet som tekst').click();
    return this.section().locator('.timeline-text');
  }

  episodes() {
    return this.section().getByRole('article');
  }

  /** An episode panel by its number ("Episode 2 – Poliklinikk"). */
  episode(n: number) {
    return this.section().getByRole('article', { name: new RegExp(`^Episode ${n} – `) });
  }

  /** The newest episode (shown first, with its details open). */
  current() {
    return this.episodes().first();
  }

  state(episode: Locator) {
    return episode.locator('.state-badge');
  }

  /** The calm message after saving (role status), with any warnings. */
  notice(episode: Locator) {
    return episode.getByRole('status').locator('.message');
  }

  /** A deadline in the episode's list, by its kind and status ("Klinisk beslutning", "Forfalt"). */
  deadline(episode: Locator, kind: string, status: string) {
    return episode
      .getByRole('list', { name: 'Frister' })
      .getByRole('listitem')
      .filter({ has: this.page.getByText(kind, { exact: true }) })
      .filter({ has: this.page.getByText(status, { exact: true }) });
  }

  /** The buttons of the events that may be recorded next ("Registrer:"). */
  eventButtons(episode: Locator) {
    return episode.getByRole('group', { name: 'Registrer:' }).getByRole('button');
  }

  /** Records an event with the form its button opens, and waits for "Lagret: …". */
  async recordEvent(
    episode: Locator,
    button: string,
    f: {
      date?: string;
      setting?: string;
      withPerson?: 'Ja' | 'Nei';
      feedbackTool?: boolean;
      outcome?: string;
      helpNeeded?: string;
      note?: string;
      reason?: string;
    } = {},
  ) {
    await this.eventButtons(episode).filter({ hasText: button }).first().click();
    const form = episode.getByRole('form', { name: /^Registrer: / });
    await form.waitFor();
    if (f.date) await form.getByLabel('Dato', { exact: true }).fill(f.date);
    if (f.setting) await form.getByRole('radio', { name: f.setting, exact: true }).check();
    if (f.withPerson)
      await form
        .getByRole('group', { name: 'Ble evalueringen gjort sammen med personen?' })
        .getByRole('radio', { name: f.withPerson })
        .check();
    if (f.feedbackTool) await form.getByLabel('Et tilbakemeldingsverktøy ble brukt').check();
    if (f.outcome) await form.getByRole('radio', { name: f.outcome, exact: true }).check();
    if (f.helpNeeded)
      await form.getByLabel('Hjelpebehov ved avslutning').selectOption({ label: f.helpNeeded });
    if (f.note) await form.getByLabel('Notat (valgfritt)').fill(f.note);
    if (f.reason) await form.getByLabel(/^(Hvorfor\?|Begrunnelse) \(valgfritt\)$/).fill(f.reason);
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await this.notice(episode).getByText('Lagret:').waitFor();
  }

  /** "Vurder henvisningen": outcome, the rights deadline, letters sent. */
  async assessReferral(
    episode: Locator,
    f: {
      date: string;
      outcome: string;
      deadline?: string;
      letterToPerson?: string;
      letterToReferrer?: string;
    },
  ) {
    await episode.getByRole('button', { name: 'Vurder henvisningen' }).click();
    const form = episode.getByRole('form', { name: 'Vurdering av henvisningen' });
    await form.getByLabel('Dato for vurderingen').fill(f.date);
    await form.getByRole('radio', { name: f.outcome }).check();
    if (f.deadline) await form.getByLabel('Frist for start av behandling').fill(f.deadline);
    if (f.letterToPerson) await form.getByLabel('Brev sendt til personen (dato)').fill(f.letterToPerson);
    if (f.letterToReferrer) await form.getByLabel('Brev sendt til henviser (dato)').fill(f.letterToReferrer);
    await form.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await this.notice(episode).getByText('Vurderingen av henvisningen er lagret.').waitFor();
  }

  /** "Overfør til kommunen": a named municipal worker, summary, plan and the person's consent. */
  async handOver(
    episode: Locator,
    f: {
      worker: string;
      date?: string;
      summary: string;
      plan: string;
      consentOn: string;
      expiresOn?: string;
    },
  ) {
    await episode.getByRole('button', { name: 'Overfør til kommunen' }).click();
    const form = episode.getByRole('form', { name: 'Overføring til kommunen' });
    await form.getByLabel('Kontaktperson i kommunen').selectOption({ label: f.worker });
    if (f.date) await form.getByLabel('Overført').fill(f.date);
    await form.getByLabel('Oppsummering').fill(f.summary);
    await form.getByLabel('Plan for oppfølging').fill(f.plan);
    await form.getByLabel('Samtykke gitt').fill(f.consentOn);
    if (f.expiresOn) await form.getByLabel('Samtykket varer til (valgfritt)').fill(f.expiresOn);
    await form.getByRole('checkbox', { name: /^Personen har sagt ja til/ }).check();
    await form.getByRole('button', { name: 'Lagre overføringen' }).click();
    await this.notice(episode).getByText('Overføringen er lagret.', { exact: false }).waitFor();
  }

  /** Chooses the responsible clinician of an episode by name. */
  async chooseResponsible(episode: Locator, name: string) {
    await episode.getByRole('button', { name: 'Velg behandlingsansvarlig' }).click();
    const form = episode.getByRole('form', { name: 'Behandlingsansvarlig' });
    await form.getByLabel('Behandlingsansvarlig').selectOption({ label: name });
    await form.getByRole('button', { name: 'Lagre' }).click();
    await this.notice(episode).getByText(`${name} er nå behandlingsansvarlig.`).waitFor();
  }

  /** The handover's status line: "Venter på første kontakt …" or "Første kontakt: <date>". */
  handoverStatus(episode: Locator) {
    return episode.locator('.handover-status');
  }

  /** The municipal worker records the first contact on the person's page. */
  async recordFirstContact(episode: Locator, date: string, note?: string) {
    await episode.getByRole('button', { name: 'Registrer første kontakt' }).click();
    const form = episode.getByRole('form', { name: 'Første kontakt etter overføring' });
    await form.getByLabel('Dato for første kontakt').fill(date);
    if (note) await form.getByLabel('Notat (valgfritt)').fill(note);
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    await this.notice(episode).getByText('Første kontakt er registrert.', { exact: false }).waitFor();
  }
}
