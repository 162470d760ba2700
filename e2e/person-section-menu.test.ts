import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { LoginPage } from './pages/login.page.ts';
import { seriousViolations } from './support/axe.ts';
import { openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';
import { personId } from './support/server.ts';

/**
 * The person page is many screens long on a 360 px phone: a section menu at its top reaches each part
 * (docs/decisions/0017-words-per-role.md), and lists only the parts the reader is shown.
 */
const env = e2eEnvironment();

/** The menu's links as [label, target id], once the page has loaded. */
async function menu(page: Page): Promise<[string, string][]> {
  const nav = page.getByRole('navigation', { name: 'Innhold på siden' });
  await nav.waitFor();
  return nav
    .getByRole('link')
    .evaluateAll((links) =>
      links.map((a) => [(a.textContent ?? '').trim(), (a.getAttribute('href') ?? '').replace(/^#/, '')]),
    ) as Promise<[string, string][]>;
}

/** How far the top of an element is from the top of the window. */
const topOf = (page: Page, id: string) =>
  page.evaluate(`Math.round(document.getElementById(${JSON.stringify(id)}).getBoundingClientRect().top)`);

// Twice the usual time: axe over the whole person page is the slowest step.
test('on a phone the clinician jumps from the section menu to each part of Per’s page', {
  timeout: TEST_TIMEOUT * 2,
}, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('behandler', '/pasienter');
  await page.goto(`/personer/${await personId(env.server.db, 'Per', 'Pasient')}`);
  await page.getByRole('heading', { level: 1, name: 'Per Pasient' }).waitFor();
  const links = await menu(page);
  assert.deepEqual(
    links.map(([label]) => label),
    [
      'Om meg',
      'Levekår',
      'Planer',
      'Forløp',
      'Brukerstyrt innleggelse',
      'Journal',
      'Risikovurderinger',
      'Barn og pårørende',
      'Skjema',
      'Signaler',
      'Innsjekk',
      'Team og organisasjoner',
    ],
  );
  for (const [, id] of links)
    assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `#${id} is on the page`);
  assert.deepEqual(await seriousViolations(page), [], 'axe on the person page with its menu (phone)');

  // The plans are screens down the page; their link brings them to the top of the window.
  const [plans, plansId] = links[2] ?? ['', ''];
  assert.ok(Number(await topOf(page, plansId)) > PHONE.height, 'the plans are below the first screen');
  await page.getByRole('navigation', { name: 'Innhold på siden' }).getByRole('link', { name: plans }).click();
  await page.waitForURL((url) => url.hash === `#${plansId}`);
  let top = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 40 && Math.abs(top) >= 40; i++) {
    if (i > 0) await page.waitForTimeout(50);
    top = Number(await topOf(page, plansId));
  }
  assert.ok(Math.abs(top) < 40, `the plans are at the top of the window (${top} px)`);
  await context.close();
});

test('a peer worker’s menu lists only the parts shown to them', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openPage(env.browser, env.server.baseUrl, PHONE);
  // The demo's peer worker follows nobody yet: a care relation to Per (test setup, as the database owner).
  const db = env.server.db.owner;
  const per = await db
    .selectFrom('person')
    .select(['id', 'tenant_id'])
    .where('given_name', '=', 'Per')
    .where('family_name', '=', 'Pasient')
    .executeTakeFirstOrThrow();
  const peer = await db
    .selectFrom('account')
    .select(['id', 'tenant_id'])
    .where('username', '=', 'likeperson')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('care_relation')
    .values({
      tenant_id: per.tenant_id,
      person_id: per.id,
      account_id: peer.id,
      organisation_id: peer.tenant_id,
      kind: 'follow-up',
      from_at: new Date(Date.now() - 86_400_000),
    })
    .execute();
  await new LoginPage(page).loginAs('likeperson', '/pasienter');
  await page.goto(`/personer/${per.id}`);
  await page.getByRole('heading', { level: 1, name: 'Per Pasient' }).waitFor();
  const links = await menu(page);
  assert.deepEqual(
    links.map(([label]) => label),
    ['Om meg', 'Levekår', 'Planer', 'Forløp', 'Team og organisasjoner'],
  );
  for (const [, id] of links)
    assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `#${id} is on the page`);
  await context.close();
});
