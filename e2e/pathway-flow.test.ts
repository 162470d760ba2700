import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { LoginPage } from './pages/login.page.ts';
import { daysAgo, PathwayApi, syntheticNationalId } from './pages/pathway.api.ts';
import { PathwaySection } from './pages/pathway.page.ts';
import { AssessmentForm } from './pages/pathway-assessment.page.ts';
import { DischargeChecklistForm } from './pages/pathway-discharge.page.ts';
import { PersonPage } from './pages/person.page.ts';
import { openPage, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

const env = e2eEnvironment();

/** The pages of the other work areas, when they are there (referral registration, the tasks page). */
const hasReferralPage = existsSync(new URL('./pages/referral.page.ts', import.meta.url));
const hasTasksPage = existsSync(new URL('./pages/tasks.page.ts', import.meta.url));

test('the whole pathway in the browser: referral → assessment → treatment → discharge → handover → first municipal contact', {
  timeout: TEST_TIMEOUT * 3,
}, async () => {
  const givenName = 'Frida';
  const familyName = `Flyt${Date.now() % 100000}`;
  const fullName = `${givenName} ${familyName}`;
  const nationalId = syntheticNationalId();
  const staff = await openPage(env.browser, env.server.baseUrl);
  const page = staff.page;
  await new LoginPage(page).loginAs('behandler', '/pasienter');

  // 1. Referral: registered on its own page when it exists, else as API setup.
  let id: string;
  if (hasReferralPage) {
    const { ReferralPage } = await import('./pages/referral.page.ts');
    const referral = new ReferralPage(page);
    await referral.goto();
    id = await referral.register({
      nationalId,
      givenName,
      familyName,
      birthDate: '1990-02-03',
      gender: 'Kvinne',
      unit: 'Poliklinikk',
      receivedOn: daysAgo(30),
      referrerKind: 'Fastlege',
      referrerName: 'Fastlege Synt Etisk',
      reason: 'Ønsker hjelp med alkohol.',
      checklist: ['own-participation', 'substance-use', 'mental-health'],
    });
  } else {
    const api = await PathwayApi.login(env.server.baseUrl, 'behandler');
    id = (await api.referral({ nationalId, givenName, familyName, receivedOn: daysAgo(30) })).personId;
    await new PersonPage(page).goto(id);
  }
  const pathway = new PathwaySection(page);
  await pathway.ready();
  const episode = pathway.current();
  await pathway.state(episode).getByText('Henvist').waitFor();
  await episode.getByText('3 av 10 punkter', { exact: false }).waitFor();

  // 2. Assessment of the referral: a right to treatment with a deadline for start.
  await pathway.assessReferral(episode, {
    date: daysAgo(28),
    outcome: 'Rett til nødvendig helsehjelp',
    deadline: daysAgo(-20),
    letterToPerson: daysAgo(28),
    letterToReferrer: daysAgo(28),
  });
  await pathway.state(episode).getByText('Henvisning vurdert').waitFor();
  await pathway.deadline(episode, 'Vurdering av henvisning', 'Overholdt').waitFor();

  // 3. First attendance.
  await pathway.recordEvent(episode, 'Første oppmøte', { date: daysAgo(21), setting: 'Poliklinisk' });
  await pathway.state(episode).getByText('I behandling').waitFor();
  await pathway.deadline(episode, 'Start av behandling (rettighetsfrist)', 'Overholdt').waitFor();

  // 4. Dimensional assessment and level of care (recommended level kept).
  const assessment = new AssessmentForm(episode);
  await assessment.open();
  await assessment.goals('Klare meg uten alkohol i hverdagen');
  await assessment.rate('withdrawal', 1, 'Lite abstinens');
  await assessment.rate('physical-health', 1, 'Frisk');
  await assessment.rate('mental-health', 2, 'Noe nedstemt');
  await assessment.rate('readiness', 1, 'Motivert');
  await assessment.rate('relapse-risk', 2, 'Drikker i helgene');
  await assessment.rate('recovery-environment', 1, 'Støttende samboer');
  await assessment
    .recommendation()
    .getByText('Dagbehandling eller intensiv poliklinisk behandling', { exact: true })
    .waitFor();
  await assessment.recommendation().getByText('Psykisk helse (2), Risiko for tilbakefall (2)').waitFor();
  await assessment.submit();
  await pathway.notice(episode).getByText('Kartleggingen er lagret.').waitFor();

  // 5. Clinical decision.
  await pathway.recordEvent(episode, 'Klinisk beslutning', { date: daysAgo(10) });
  await pathway.deadline(episode, 'Klinisk beslutning', 'Overholdt').waitFor();

  // 6. Discharge checklist: one item not in place.
  const checklist = new DischargeChecklistForm(episode);
  await checklist.open();
  await checklist.answer('own-housing', 'Nei', 'Bor hos søsteren sin en stund');
  for (const item of [
    'named-municipal-professional',
    'meaningful-activity-offered',
    'network-help-offered',
    'relapse-prevention-plan-reviewed',
    'crisis-plan-need-assessed',
    'children-and-relatives-asked',
    'person-and-relatives-know-where-to-turn',
    'risk-assessments-done',
  ] as const)
    await checklist.answer(item, 'Ja');
  await checklist.answer('risk-assessments-shared', 'Ikke aktuelt');
  await checklist.helpNeeded('Hjelp fra kommunen');
  await checklist.save();
  await checklist.readiness().getByText('9 av 10 punkter er på plass.').waitFor();

  // 7. Discharge: warned before saving, saved all the same, with the reason.
  await pathway.eventButtons(episode).filter({ hasText: 'Utskrivning' }).click();
  const dischargeForm = episode.getByRole('form', { name: 'Registrer: Utskrevet' });
  await dischargeForm.getByText('1 punkt på sjekklisten for utskrivning er ikke på plass ennå.').waitFor();
  await dischargeForm.getByRole('button', { name: 'Avbryt' }).click();
  await pathway.recordEvent(episode, 'Utskrivning', {
    date: daysAgo(2),
    reason: 'Personen ville hjem nå; boligsøknaden følges opp av kommunen.',
  });
  const notice = (await pathway.notice(episode).textContent()) ?? '';
  assert.match(notice, /Lagret: Utskrevet\./);
  assert.match(notice, /1 punkt var ikke på plass ved utskrivning: Egen bolig\./);
  assert.match(notice, /Begrunnelsen din er lagret sammen med hendelsen\./);
  await pathway.state(episode).getByText('Utskrevet').waitFor();

  // 8. Handover to the municipal worker, under the person's consent.
  await pathway.handOver(episode, {
    worker: 'Kim Kommune – Fjordvik kommune, Rus og psykisk helse',
    date: daysAgo(2),
    summary: 'Fullført poliklinisk behandling. Egne mål: klare seg uten alkohol i hverdagen.',
    plan: 'Hjemmebesøk første uke, deretter samtale hver uke.',
    consentOn: daysAgo(3),
  });
  await pathway
    .handoverStatus(episode)
    .getByText(/^Venter på første kontakt\./)
    .waitFor();
  await episode.getByText('Kim Kommune', { exact: true }).waitFor();

  // 9. The municipal worker records the first contact, which closes the task.
  const municipal = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(municipal.page).loginAs('kommune', '/pasienter');
  if (hasTasksPage) {
    const { TasksPage } = await import('./pages/tasks.page.ts');
    const tasks = new TasksPage(municipal.page);
    await tasks.goto();
    await tasks.completeFirstContact(fullName, daysAgo(1), 'Hjemmebesøk, god samtale.');
  } else {
    const theirs = new PathwaySection(municipal.page);
    await new PersonPage(municipal.page).goto(id);
    await theirs.ready();
    await theirs.recordFirstContact(theirs.current(), daysAgo(1), 'Hjemmebesøk, god samtale.');
  }
  // The municipal worker sees the follow-up started on the person's page (shared under the consent).
  const theirs = new PathwaySection(municipal.page);
  await new PersonPage(municipal.page).goto(id);
  await theirs.ready();
  await theirs.state(theirs.current()).getByText('Oppfølging i kommunen').waitFor();
  assert.equal(
    await theirs.eventButtons(theirs.current()).count(),
    0,
    'no clinical events for municipal staff',
  );
  assert.equal(await theirs.current().getByRole('button', { name: 'Registrer første kontakt' }).count(), 0);

  // Back on the clinician's page: the loop is closed.
  await page.reload();
  await pathway.ready();
  const closed = pathway.current();
  await pathway.handoverStatus(closed).getByText(`Første kontakt: `, { exact: false }).waitFor();
  await closed.getByText('Første kontakt etter overføring – fullført').waitFor();
  await closed.getByRole('listitem').filter({ hasText: 'Oppfølging i kommunen startet' }).first().waitFor();
  assert.deepEqual(staff.cspViolations, []);
  assert.deepEqual(municipal.cspViolations, []);
  await staff.context.close();
  await municipal.context.close();
});
