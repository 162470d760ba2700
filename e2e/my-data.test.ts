import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Bundle } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { pdfContent } from '../packages/server/src/testing/pdf-text.ts';
import { LoginPage } from './pages/login.page.ts';
import { MinSidePage } from './pages/min-side.page.ts';
import { MyDataPage } from './pages/my-data.page.ts';
import { loginWithPerson } from './pages/plan.api.ts';
import { seriousViolations } from './support/axe.ts';
import { openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

const env = e2eEnvironment();

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

/**
 * "Mine data" (docs/api.md) on a 360-px phone: the person finds it from Min side, sees who has
 * seen the record, and downloads it as a readable PDF and as FHIR data — both audited, both in the log. On
 * the way, Min side shows him what the record says about his children and relatives
 * (docs/decisions/0019-relatives-and-risk.md), and the PDF and the data hold them and his risk assessments.
 */
test('the person opens Mine data on a phone, sees the access log and downloads the PDF and the FHIR data', {
  timeout: TEST_TIMEOUT,
}, async () => {
  // The clinician reads the record over the API, so that someone else is in the log.
  const clinician = await loginWithPerson(env.server.baseUrl, 'behandler');
  const { personId } = await loginWithPerson(env.server.baseUrl, 'pasient');
  assert.ok(personId);
  await clinician.api.request('GET', `/api/persons/${personId}`);

  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('pasient', '/min-side');
  const minSide = new MinSidePage(page);
  await minSide.ready();
  // His children and relatives, in his words, with an entry in the section menu; no staff checklist words.
  const relatives = minSide.relatives();
  const emma = relatives.getByRole('listitem').filter({ hasText: 'Emma' });
  await emma.getByText(/^Familiesamtale på poliklinikken/).waitFor();
  await relatives.getByRole('heading', { level: 3, name: 'Barna dine' }).waitFor();
  await relatives.getByText('Vi skal ikke kontakte Jonas.', { exact: false }).waitFor();
  assert.equal(await minSide.menuLink('Barn og pårørende').count(), 1);
  assert.equal(await relatives.getByText('Ingen har snakket med barnet ennå.').count(), 0);
  assert.equal(await minSide.horizontalOverflow(), 0, 'Min side with the section fits a 360 px phone');
  await assertAccessible(page, 'Min side with his children and relatives (phone)');
  await page.getByRole('link', { name: /^Mine data/ }).click();
  const myData = new MyDataPage(page);
  await myData.ready();
  assert.equal(new URL(page.url()).pathname, '/min-side/mine-data');
  await myData.accessLogEntries('Bjørn Behandler').first().waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'axe on Mine data (phone)');
  assert.equal(await myData.horizontalOverflow(), 0, 'Mine data fits a 360 px phone');

  const pdf = await myData.download('Last ned som PDF');
  assert.equal(pdf.filename, 'bedring-mine-data.pdf');
  assert.equal(pdf.body.subarray(0, 5).toString('latin1'), '%PDF-');
  const { lines } = pdfContent(pdf.body);
  assert.equal(lines[0], 'Opplysninger om Per Pasient i Bedring');
  for (const heading of [
    'Om meg',
    'Planene',
    'Risikovurderinger',
    'Tilbakefall',
    'Barn og pårørende',
    'Hvem har sett journalen',
  ])
    assert.ok(lines.includes(heading), heading);

  const fhir = await myData.download('Last ned som data (FHIR)');
  const bundle = JSON.parse(fhir.body.toString('utf8')) as Bundle;
  assert.equal(bundle.resourceType, 'Bundle');
  assert.equal(bundle.type, 'searchset');
  assert.equal(bundle.entry?.[0]?.resource?.resourceType, 'Patient');
  for (const type of ['CarePlan', 'RiskAssessment', 'RelatedPerson'])
    assert.ok(
      bundle.entry?.some((e) => e.resource?.resourceType === type),
      type,
    );

  // Both downloads are in the log the person reads (their own entries shown).
  await page.reload();
  await myData.ready();
  await page.getByLabel('Skjul det jeg har gjort selv').uncheck();
  await myData.accessLogEntries('Lastet ned alt om deg (PDF)').first().waitFor();
  await myData.accessLogEntries('Lastet ned alt om deg (FHIR)').first().waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'axe on Mine data with own entries');
  assert.deepEqual(cspViolations, []);
  await context.close();
});
