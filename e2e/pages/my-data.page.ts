import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** "Mine data" (/min-side/mine-data): the downloads and the access log. */
export class MyDataPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async ready() {
    await this.page.getByRole('heading', { level: 1, name: 'Mine data' }).waitFor();
    await this.accessLog().or(this.page.getByText('Ingen andre har sett journalen din ennå.')).waitFor();
  }

  /** "Hvem har sett journalen min": the list of entries. */
  accessLog() {
    return this.page.getByRole('list', { name: 'Hvem har sett journalen min' });
  }

  accessLogEntries(text: string | RegExp) {
    return this.accessLog().getByRole('listitem').filter({ hasText: text });
  }

  /** Clicks a download link and returns the file's name and content. */
  async download(name: string): Promise<{ filename: string; body: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name }).click(),
    ]);
    const path = await download.path();
    return { filename: download.suggestedFilename(), body: await readFile(path) };
  }

  /** How much wider than the viewport the page is (0 means no horizontal scroll). */
  async horizontalOverflow(): Promise<number> {
    return Number(await this.page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  }
}
