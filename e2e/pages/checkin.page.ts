import type { Page } from 'playwright-core';

/** The daily check-in (/min-side/innsjekk) and "Jeg trenger hjelp nå", as the person uses them on a phone. */
export class CheckinPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/min-side/innsjekk');
    await this.ready();
  }

  async ready() {
    await this.page.getByRole('heading', { level: 1, name: 'Dagens innsjekk' }).waitFor();
    await this.page.getByRole('button', { name: 'Send innsjekk' }).waitFor();
  }

  /** Four taps, the warning signs to tick (their words in the plan), then send. */
  async checkIn(o: { mood: string; craving: number; sleep: string; use: string; signs?: string[] }) {
    const group = (legend: string) => this.page.getByRole('group', { name: legend });
    await group('Hvordan har du det i dag?').getByLabel(o.mood, { exact: true }).check();
    await group('Hvor sterkt er suget etter rus i dag?')
      .getByLabel(String(o.craving), { exact: true })
      .check();
    await group('Hvordan sov du i natt?').getByLabel(o.sleep, { exact: true }).check();
    await group('Har du brukt rusmidler i dag?').getByLabel(o.use, { exact: true }).check();
    for (const sign of o.signs ?? []) await this.page.getByLabel(sign).check();
    await this.page.getByRole('button', { name: 'Send innsjekk' }).click();
  }

  /** The answer after sending: thanks (or queued), and what it showed with the plan's steps. */
  done() {
    return this.page.locator('.checkin-done');
  }
}
