import type { Page } from 'playwright-core';

export interface BoardCounts {
  overdue: number;
  dueSoon: number;
  open: number;
}

/** "Frister" (/frister): the deadline board of a unit leader, or a clinician's own deadlines. */
export class DeadlineBoardPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto() {
    await this.page.goto('/frister');
    await this.ready();
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Frister' })
      .click();
    await this.ready();
  }

  async ready() {
    await this.page.getByRole('heading', { level: 1, name: 'Frister' }).waitFor();
    await this.page.getByRole('region', { name: 'Oversikt over fristene' }).waitFor();
  }

  /** The three numbers at the top: overdue, due soon (within 3 days) and open in all. */
  async counts(): Promise<BoardCounts> {
    const items = this.page.getByRole('region', { name: 'Oversikt over fristene' }).locator('dl > div');
    const counts: BoardCounts = { overdue: Number.NaN, dueSoon: Number.NaN, open: Number.NaN };
    for (const item of await items.all()) {
      const term = (await item.locator('dt').textContent()) ?? '';
      const value = Number(await item.locator('dd').textContent());
      if (term.startsWith('Forfalt')) counts.overdue = value;
      else if (term.startsWith('Snart')) counts.dueSoon = value;
      else if (term.startsWith('Åpne')) counts.open = value;
    }
    return counts;
  }

  table() {
    return this.page.getByRole('table', { name: 'Frister, de mest presserende først' });
  }

  /** The rows of the table (header row left out). */
  rows() {
    return this.table().locator('tbody tr');
  }

  /** Rows about one person, by their full name. */
  rowsFor(personName: string) {
    return this.rows().filter({ has: this.page.getByRole('link', { name: personName, exact: true }) });
  }

  /**
   * A unit leader opens a row: the person's name leads to what a leader may see of it (/frister/:episodeId),
   * not to the record.
   */
  async openAsLeader(personName: string) {
    await this.rowsFor(personName).first().getByRole('link', { name: personName, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: `Frister for ${personName}` }).waitFor();
  }

  /** "Viser 1–20 av 45". */
  showing() {
    return this.page.getByText(/^Viser \d+–\d+ av \d+$/);
  }

  /** Chooses filters and shows the board again. Unit and responsible are for leaders only. */
  async filter(f: { status?: string; unit?: string; responsible?: string }) {
    const p = this.page;
    if (f.status) await p.getByLabel('Vis', { exact: true }).selectOption({ label: f.status });
    if (f.unit) await p.getByLabel('Enhet', { exact: true }).selectOption({ label: f.unit });
    if (f.responsible) await p.getByLabel('Ansvarlig behandler').selectOption({ label: f.responsible });
    await this.showingNew(() => p.getByRole('button', { name: 'Vis frister' }).click());
  }

  /** Does what changes the board and waits until the new deadlines are shown. */
  private async showingNew(action: () => Promise<void>) {
    const loaded = this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/deadlines');
    await action();
    await loaded;
    await this.page
      .locator('table.deadline-table:not([aria-busy="true"])')
      .or(this.page.getByText(/^Ingen (åpne )?frister/))
      .first()
      .waitFor();
  }

  pagination() {
    return this.page.getByRole('navigation', { name: 'Sider' });
  }

  async nextPage() {
    await this.showingNew(() => this.pagination().getByRole('link', { name: 'Neste side' }).click());
  }

  /** The leader's box of tasks that have waited too long. */
  escalatedBox() {
    return this.page.getByRole('region', { name: /^Oppgaver som har ventet for lenge/ });
  }
}
