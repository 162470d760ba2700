import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { escalateHelpRequests } from '../packages/server/src/checkin/help-escalation.ts';
import { CaseloadPage } from './pages/caseload.page.ts';
import { DeadlineBoardPage } from './pages/deadline-board.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { daysAgo, PathwayApi, syntheticNationalId } from './pages/pathway.api.ts';
import { UnitAccessLogPage } from './pages/unit-access-log.page.ts';
import { seriousViolations } from './support/axe.ts';
import { openPage, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';
import { personId } from './support/server.ts';

/**
 * Work lists people can act on (docs/decisions/0016-worklists.md): the caseload most urgent first with
 * what is open for each person; the unit leader starting on Frister and opening a row without the record
 * or break-glass; the unit's access log, filtered; and under a break-glass opening what was read.
 */
const env = e2eEnvironment();

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

test('the caseload puts the person asking for help first and shows what is open and the last contact', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const per = await personId(env.server.db, 'Per', 'Pasient');
  const { tenant_id } = await env.server.db.owner
    .selectFrom('person')
    .select('tenant_id')
    .where('id', '=', per)
    .executeTakeFirstOrThrow();
  // Per asked for help half an hour ago and nobody has taken it yet (a help request is a signal, 0007).
  const at = new Date(Date.now() - 30 * 60_000);
  await env.server.db.owner
    .insertInto('signal')
    .values({
      tenant_id,
      person_id: per,
      kind: 'help-requested',
      key: `e2e-worklists-${at.toISOString()}`,
      finding: JSON.stringify({ at: at.toISOString() }),
      raised_at: at,
    })
    .execute();

  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('behandler', '/pasienter');
  const caseload = new CaseloadPage(page);
  await caseload.ready();
  const names = await caseload.names();
  assert.ok(names.length > 1, 'a caseload of several persons');
  assert.equal(names[0], 'Per Pasient', 'the person asking for help comes first');
  const open = await caseload.urgency('Per Pasient');
  assert.ok(open[0]?.startsWith('Ber om hjelp nå, siden'), open.join(' | '));
  // Every person shows the last contact, or that none is recorded.
  for (const name of names.slice(0, 5))
    await caseload.item(name).getByText('Siste kontakt', { exact: true }).waitFor();
  await assertAccessible(page, 'the caseload as a work list');

  // Oppgaver in the same order: what the persons tell now before the team's own errands.
  await page.getByRole('navigation').getByRole('link', { name: 'Oppgaver', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: /^Mine oppgaver/ }).waitFor();
  await page.getByRole('region', { name: 'Signaler fra innsjekk' }).waitFor();
  const sections = (await page.locator('main h2').allTextContents()).map((h) => h.replace(/ \(\d+\)$/, ''));
  const signals = sections.indexOf('Signaler fra innsjekk');
  assert.ok(signals >= 0 && signals < sections.indexOf('Mine oppgaver'), sections.join(' | '));
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('the unit leader starts on Frister and opens a row: the deadline and the episode, not the record', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const clinician = await PathwayApi.login(env.server.baseUrl, 'behandler');
  // Received long ago and never assessed: the most overdue deadline of the unit.
  await clinician.referral({
    nationalId: syntheticNationalId(),
    givenName: 'Frida',
    familyName: 'Fristsen',
    receivedOn: daysAgo(200),
  });

  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('leder', '/frister');
  const board = new DeadlineBoardPage(page);
  await board.ready();
  await board.rowsFor('Frida Fristsen').first().waitFor();
  await board.openAsLeader('Frida Fristsen');
  assert.match(new URL(page.url()).pathname, /^\/frister\/[0-9a-f-]{36}$/);
  await page.getByText('Journalen blir ikke åpnet', { exact: false }).waitFor();
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Vurdering av henvisningen' })
    .getByText('Forfalt')
    .waitFor();
  await page.getByText('Henvist', { exact: true }).waitFor();
  assert.equal(await page.getByText('Du har ikke tilgang', { exact: false }).count(), 0);
  await assertAccessible(page, "the leader's view of a row on Frister");
  await page.getByRole('link', { name: 'Tilbake til Frister' }).click();
  await board.ready();
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test("the leader's access log filters by basis and staff member, and the break-glass review lists what was read", {
  timeout: TEST_TIMEOUT,
}, async () => {
  const per = await personId(env.server.db, 'Per', 'Pasient');
  // The milieu therapist has no care relation with Per: break-glass, then a read under it.
  const milieu = await PathwayApi.login(env.server.baseUrl, 'miljo');
  await milieu.request('POST', `/api/persons/${per}/break-glass`, {
    reason: 'Per er innlagt akutt på natt og trenger kriseplanen.',
  });
  await milieu.request('GET', `/api/persons/${per}`);

  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('leder', '/frister');
  const log = new UnitAccessLogPage(page);
  await log.open();
  await log.entries().first().waitFor();
  await assertAccessible(page, "the unit's access log");

  await log.filterBasis('Nødtilgang');
  const entries = log.entries();
  assert.ok((await entries.count()) >= 2, 'the opening and the read');
  for (const text of await entries.allTextContents()) assert.match(text, /Nødtilgang/);
  await entries.filter({ hasText: 'Per Pasient: Leste oversikten over journalen' }).first().waitFor();

  await log.only('Mia Miljøterapeut');
  await log.chosen().getByText('Ansatt: Mia Miljøterapeut', { exact: true }).waitFor();
  for (const text of await log.entries().allTextContents()) assert.match(text, /Mia Miljøterapeut/);
  await assertAccessible(page, 'the access log narrowed to one staff member');

  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Nødtilgang' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nødtilgang' }).waitFor();
  const event = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: 'Mia Miljøterapeut åpnet journalen til Per Pasient' }),
  });
  const reads = event.getByRole('list', {
    name: /^Det Mia Miljøterapeut gjorde under nødtilgangen \(\d+\)$/,
  });
  await reads.getByText('Leste oversikten over journalen', { exact: false }).waitFor();
  await assertAccessible(page, 'the break-glass review with what was read');
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test("the leader's access log shows Bedring passing on help nobody took, and reads older entries with 'Vis flere'", {
  timeout: TEST_TIMEOUT,
}, async () => {
  const db = env.server.db;
  const per = await personId(db, 'Per', 'Pasient');
  const bjorn = await db.owner
    .selectFrom('account')
    .select(['id', 'tenant_id'])
    .where('username', '=', 'behandler')
    .executeTakeFirstOrThrow();
  // More of Bjørn's reads of Per than one page holds (200): older than anything the demo wrote today.
  const base = Date.now() - 30 * 86_400_000;
  await db.owner
    .insertInto('audit_event')
    .values(
      Array.from({ length: 230 }, (_, i) => ({
        tenant_id: bjorn.tenant_id,
        at: new Date(base - i * 60_000),
        actor_account_id: bjorn.id,
        actor_organisation_id: bjorn.tenant_id,
        actor_role: 'clinician',
        action: 'read',
        person_id: per,
        resource_type: 'PersonOverview',
        resource_id: per,
      })),
    )
    .execute();
  // Per asks for help; nobody takes it; the sweep passes it on (decision 0015) as if 20 minutes had gone.
  const pasient = await PathwayApi.login(env.server.baseUrl, 'pasient');
  await pasient.request('POST', `/api/persons/${per}/help-requests`, {
    id: crypto.randomUUID(),
    madeAt: new Date().toISOString(),
  });
  const escalated = await escalateHelpRequests(
    db.owner,
    { send: async () => {} },
    new Date(Date.now() + 20 * 60_000),
    15,
  );
  assert.ok(escalated >= 1);

  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('leder', '/frister');
  const log = new UnitAccessLogPage(page);
  await log.open();
  await log.entries().first().waitFor();
  await log.filterBasis('Varsel fra Bedring');
  const passedOn = log.entries().filter({
    hasText: 'Per Pasient: Sendte forespørselen om hjelp videre fordi ingen hadde tatt den ennå',
  });
  await passedOn.first().waitFor();
  assert.match((await passedOn.first().textContent()) ?? '', /^Bedring/);
  await assertAccessible(page, "Bedring's own entry in the unit's access log");

  await page.goto(`/tilgangslogg?accountId=${bjorn.id}`);
  await log.ready();
  await log.entries().nth(199).waitFor();
  assert.equal(await log.entries().count(), 200, 'one page');
  const more = page.getByRole('button', { name: 'Vis flere' });
  const loaded = page.waitForResponse((r) => new URL(r.url()).searchParams.has('after'));
  await more.click();
  await loaded;
  await log.entries().nth(229).waitFor();
  const total = await log.entries().count();
  assert.ok(total >= 230, `the next page follows the first (${total})`);
  await more.waitFor({ state: 'detached' });
  await assertAccessible(page, "the unit's access log after 'Vis flere'");
  assert.deepEqual(cspViolations, []);
  await context.close();
});
