import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DeadlineBoardPage } from './pages/deadline-board.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { MinSidePage } from './pages/min-side.page.ts';
import { daysAgo, PathwayApi, syntheticNationalId } from './pages/pathway.api.ts';
import { PersonPage } from './pages/person.page.ts';
import { FeedbackAlertList, MyQuestionnaires, QuestionnaireSection } from './pages/questionnaire.page.ts';
import { TasksPage } from './pages/tasks.page.ts';
import { seriousViolations } from './support/axe.ts';
import { openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';
import { DEMO_PASSWORD, personId } from './support/server.ts';
import { adminTotp } from './support/totp.ts';

const env = e2eEnvironment();

const FEEDBACK = 'Tilbakemelding på samtalen';
const FEEDBACK_QUESTIONS = [
  'Jeg følte meg respektert',
  'Jeg følte at jeg ble lyttet til',
  'Vi jobbet med det jeg ønsket å jobbe med',
  'Måten vi jobbet på, passet for meg',
  'Alt i alt var samtalen nyttig for meg',
];
const AUDIT = 'AUDIT – alkohol';

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

async function api(username: string) {
  return PathwayApi.login(env.server.baseUrl, username);
}

/** A person referred by behandler and in outpatient treatment (API setup). */
async function personInTreatment(givenName: string) {
  const clinician = await api('behandler');
  const r = await clinician.referral({
    nationalId: syntheticNationalId(),
    givenName,
    familyName: 'Skjema',
    receivedOn: daysAgo(30),
  });
  await clinician.assessReferral(r.personId, r.referralId, daysAgo(25), daysAgo(5));
  await clinician.event(r.personId, r.episodeId, {
    kind: 'first-attendance',
    date: daysAgo(14),
    setting: 'outpatient',
  });
  return { ...r, name: `${givenName} Skjema`, clinician };
}

/** Counts the answers the browser sends (POST or PUT of a questionnaire response). */
function countResponseWrites(page: Page) {
  const writes: string[] = [];
  page.on('request', (req) => {
    if (/\/api\/persons\/[^/]+\/responses/.test(req.url()) && req.method() !== 'GET')
      writes.push(req.method());
  });
  return writes;
}

test('a clinician records a contact and fills in session feedback with the person, and sees the score', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { personId: id } = await personInTreatment('Astrid');
  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('behandler', '/pasienter');
  await new PersonPage(page).goto(id);
  const section = new QuestionnaireSection(page);
  await section.ready();
  await section.writeJournalNote('Samtale', 'Snakket om søvn og jobb.');
  // The contact plans session feedback: staff see it among what is waiting for an answer.
  await section.due().getByText(FEEDBACK, { exact: true }).waitFor();
  const form = await section.askForFeedbackNow(FEEDBACK);
  await form.chooseAll(FEEDBACK_QUESTIONS, 'I svært stor grad');
  await form.fill(/^Er det noe mer du vil si om samtalen/, 'Fint å bli hørt.');
  await assertAccessible(page, 'the session feedback form (staff)');
  await form.submit();
  const receipt = form.receipt();
  await receipt.getByText(`Takk! ${FEEDBACK} er sendt inn.`).waitFor();
  const text = (await receipt.textContent()) ?? '';
  assert.match(text, /20 av 20 – Bra/);
  assert.doesNotMatch(text, /varsel/i, 'good feedback raises no alert');
  await form.closeReceipt();

  // The answer is among the latest, with its score in words, and the trajectory has a point.
  await section
    .latest()
    .getByText(/20 av 20/)
    .waitFor();
  await section.chart(FEEDBACK).waitFor();
  // Answered, so no longer waiting.
  await section.due().waitFor();
  await section.due().getByText(FEEDBACK, { exact: true }).waitFor({ state: 'detached' });
  const rows = await section.tableRows(FEEDBACK);
  assert.equal(await rows.count(), 1);
  assert.match((await rows.first().textContent()) ?? '', /20 av 20.*Bra/);
  await assertAccessible(page, 'the person page with the latest answers and a trajectory');
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('a required question left empty is named, focused in a summary, and nothing is sent', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { personId: id } = await personInTreatment('Bendik');
  const { page, context } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('behandler', '/pasienter');
  await new PersonPage(page).goto(id);
  const section = new QuestionnaireSection(page);
  await section.ready();
  await section.writeJournalNote('Telefon', 'Avtalte ny time.');
  const form = await section.askForFeedbackNow(FEEDBACK);
  const writes = countResponseWrites(page);
  // 4 × 4 now and 2 for the last question later: 18 of 20.
  await form.chooseAll(FEEDBACK_QUESTIONS.slice(0, 4), 'I svært stor grad');
  await form.submit();

  const summary = form.errorSummary();
  await summary.waitFor();
  assert.match(
    (await summary.textContent()) ?? '',
    /Alt i alt var samtalen nyttig for meg – Svar på dette spørsmålet\./,
  );
  // The summary has the focus, so a screen reader says it at once.
  assert.equal(await page.evaluate('document.activeElement?.classList.contains("error-summary")'), true);
  const missing = form.question(FEEDBACK_QUESTIONS[4]!);
  await missing.getByText('Svar på dette spørsmålet.').waitFor();
  // The error is tied to the question (aria-describedby), and the link in the summary goes to it.
  const describedBy = (await missing.getAttribute('aria-describedby')) ?? '';
  assert.match(describedBy, /-error/);
  assert.equal(await missing.getByRole('radio').first().getAttribute('aria-invalid'), 'true');
  assert.equal(
    await form.question(FEEDBACK_QUESTIONS[0]!).getByRole('radio').first().getAttribute('aria-invalid'),
    null,
    'answered questions are not marked',
  );
  await summary.getByRole('link').click();
  assert.equal(
    await page.evaluate('document.activeElement?.getAttribute("type")'),
    'radio',
    'the link focuses the first answer of the question',
  );
  await assertAccessible(page, 'the form with an error summary');
  assert.deepEqual(writes, [], 'nothing was sent');

  // Answered: the error goes, and the answers are sent once.
  await form.choose(FEEDBACK_QUESTIONS[4]!, 'I noen grad');
  await summary.waitFor({ state: 'detached' });
  await form.submit();
  await form
    .receipt()
    .getByText(/18 av 20 – Bra/)
    .waitFor();
  assert.deepEqual(writes, ['POST']);
  await context.close();
});

test("low session feedback raises an alert on the clinician's Oppgaver, acknowledged with a note", {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { personId: id, name } = await personInTreatment('Cecilie');
  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('behandler', '/pasienter');
  await new PersonPage(page).goto(id);
  const section = new QuestionnaireSection(page);
  await section.ready();
  await section.writeJournalNote('Video', 'Snakket om uka som kommer.');
  const form = await section.askForFeedbackNow(FEEDBACK);
  await form.chooseAll(FEEDBACK_QUESTIONS, 'I liten grad');
  await form.submit();
  const receipt = form.receipt();
  await receipt.getByText(/5 av 20 – Noe å snakke om/).waitFor();
  // The rule, in plain words with its values.
  await receipt.getByText(/var 5 sist, under grensen på 15/).waitFor();
  await form.closeReceipt();
  await section
    .alerts()
    .getByText(/var 5 sist, under grensen på 15/)
    .waitFor();

  const tasks = new TasksPage(page);
  await tasks.open();
  const alerts = new FeedbackAlertList(page);
  const alert = alerts.alert(name);
  await alert.waitFor();
  const text = (await alert.textContent()) ?? '';
  assert.match(text, new RegExp(FEEDBACK));
  assert.match(text, /var 5 sist, under grensen på 15\. Snakk med personen om hvordan samtalene oppleves\./);
  assert.match(text, /Varslet/);
  assert.doesNotMatch(text, /misbruk|narkoman/i);
  await assertAccessible(page, 'Oppgaver with a feedback alert');

  // The unit leader sees it on the board ("Frister"), with who is responsible.
  const leader = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(leader.page).loginAs('leder', '/frister');
  await new DeadlineBoardPage(leader.page).open();
  const onBoard = new FeedbackAlertList(leader.page).alert(name);
  await onBoard.waitFor();
  const boardText = (await onBoard.textContent()) ?? '';
  assert.match(boardText, /var 5 sist, under grensen på 15/);
  assert.match(boardText, /Ansvarlig/);
  await assertAccessible(leader.page, 'the unit board with a feedback alert');
  assert.deepEqual(leader.cspViolations, []);

  // A note is required.
  await alert.getByRole('button', { name: 'Kvitter ut varselet' }).click();
  await alert.getByText('Skriv hva dere gjorde med varselet.').waitFor();
  await alerts.acknowledge(name, 'Snakket om hva som ikke fungerte; vi prøver kortere samtaler.');
  await page.getByText(`Varselet om ${name} er kvittert ut.`).waitFor();
  await alert.waitFor({ state: 'detached' });
  // Acknowledged once, gone from the leader's board too.
  await leader.page.reload();
  await new DeadlineBoardPage(leader.page).ready();
  await new FeedbackAlertList(leader.page).region().waitFor();
  assert.equal(await onBoard.count(), 0);
  await leader.context.close();

  // On the person page it is among the acknowledged, with the note.
  await new PersonPage(page).goto(id);
  await section.ready();
  await section.alerts().getByText('Kvitterte varsler (1)').click();
  await section.alerts().getByText('Snakket om hva som ikke fungerte; vi prøver kortere samtaler.').waitFor();
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('the form, its messages and the instrument itself are in English when English is chosen', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const { personId: id } = await personInTreatment('Dagny');
  const { page, context } = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(page).loginAs('behandler', '/pasienter');
  await page.getByRole('button', { name: 'English' }).click();
  await new PersonPage(page).goto(id);
  const section = page.getByRole('region', { name: 'Questionnaires and feedback' });
  const note = section.getByRole('region', { name: 'Write a journal note' });
  await note.getByRole('radio', { name: 'Phone', exact: true }).check();
  await note.getByLabel('Note', { exact: true }).fill('Agreed on a new appointment.');
  await note.getByRole('button', { name: 'Sign the note' }).click();
  await note.getByText('The note is signed and in the journal.').waitFor();
  await section.getByRole('button', { name: 'Ask for feedback now: Feedback on the session' }).click();
  const form = page.getByRole('form', { name: 'Feedback on the session' });
  await form.getByRole('group', { name: /^I felt respected/ }).waitFor();
  await form
    .getByRole('group', { name: /^I felt listened to/ })
    .getByRole('radio', { name: 'To a large extent', exact: true })
    .check();
  await form.getByRole('button', { name: 'Send' }).click();
  const summary = form.getByRole('alert').filter({ hasText: 'Before you send:' });
  await summary.getByText(/^I felt respected – Answer this question\.$/).waitFor();
  assert.doesNotMatch((await form.textContent()) ?? '', /Svar på dette spørsmålet|Jeg følte/);
  await assertAccessible(page, 'the session feedback form in English');
  await context.close();
});

test('the person fills in AUDIT on Min side: skip logic, save halfway, resume after a reload, complete, graph', {
  timeout: TEST_TIMEOUT,
}, async () => {
  // Setup: the organisation asks for AUDIT after contacts too, and behandler records a contact with Per.
  await auditAfterContacts();
  const pasient = await personId(env.server.db, 'Per', 'Pasient');
  const clinician = await api('behandler');
  await clinician.request('POST', `/api/persons/${pasient}/contacts`, {
    contactOn: daysAgo(0),
    kind: 'meeting',
  });

  // The person may have AUDIT answers from before (demo data): the graph gets one point more.
  const before = await auditPoints(pasient);

  const { page, context, cspViolations } = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(page).loginAs('pasient', '/min-side');
  const minSide = new MinSidePage(page);
  await minSide.ready();
  const mine = new MyQuestionnaires(page);
  await mine.section().getByText('Behandlerne dine og de andre som hjelper deg, ser svarene dine.').waitFor();
  await mine.due().waitFor();
  let form = await mine.open(AUDIT);
  await assertAccessible(page, 'AUDIT on Min side (phone)');

  // Questions 2–8 are asked only of someone who drinks: not before question 1 is answered, shown when
  // it is "monthly or less", gone again (with the answer given there) when it is "never".
  const q1 = 'Hvor ofte drikker du alkohol?';
  const q2 = 'Hvor mange alkoholenheter drikker du vanligvis';
  const questionsTwoToEight = form
    .form()
    .getByRole('group', { name: /^Hvor ofte i løpet av det siste året/ });
  assert.equal(await form.question(q2).count(), 0, 'question 2 waits for question 1');
  await form.choose(q1, 'Månedlig eller sjeldnere');
  await form.question(q2).waitFor();
  assert.equal(await questionsTwoToEight.count(), 5, 'questions 4–8 are asked too');
  await form.choose(q2, '1–2');
  await form.choose(q1, 'Aldri');
  await form.question(q2).waitFor({ state: 'detached' });
  assert.equal(await questionsTwoToEight.count(), 0);
  // Halfway: question 9 answered, question 10 not; saved for later.
  await form.choose('Har du eller noen andre blitt skadet', 'Nei');
  await form.saveForLater();
  await mine.notice().getByText('Svarene dine er lagret. Du kan fortsette når det passer deg.').waitFor();

  await page.reload();
  await minSide.ready();
  form = await mine.resume(AUDIT);
  assert.equal(
    await form.question('Hvor ofte drikker du alkohol?').getByRole('radio', { name: 'Aldri' }).isChecked(),
    true,
  );
  assert.equal(
    await form
      .question('Har du eller noen andre blitt skadet')
      .getByRole('radio', { name: 'Nei', exact: true })
      .isChecked(),
    true,
  );
  // The answer given to question 2 before "never" was not kept.
  await form.question(q2).waitFor({ state: 'detached' });
  await form.choose(q1, 'Månedlig eller sjeldnere');
  assert.equal(await form.question(q2).getByRole('radio', { checked: true }).count(), 0);
  await form.choose(q1, 'Aldri');
  await form.choose('Har en slektning, en venn', 'Nei');
  await form.submit();
  const receipt = form.receipt();
  await receipt.getByText(`Takk! ${AUDIT} er sendt inn.`).waitFor();
  await receipt.getByText(/0 av 40 – Lav risiko/).waitFor();
  await receipt.getByText(/De som hjelper deg, ser svarene dine/).waitFor();
  await form.closeReceipt();

  // Their own graph, with the bands named and a table as well.
  const chart = mine.chart(AUDIT);
  await chart.waitFor();
  assert.match((await chart.getAttribute('aria-label')) ?? '', new RegExp(`: ${before + 1} svar`));
  assert.equal(await auditPoints(pasient), before + 1);
  const rows = await mine.tableRows(AUDIT);
  assert.equal(await rows.count(), before + 1);
  assert.match((await rows.last().textContent()) ?? '', /0 av 40.*Lav risiko/);
  await assertAccessible(page, 'Min side with the AUDIT graph and table (phone)');
  assert.equal(await minSide.horizontalOverflow(), 0, 'no sideways scrolling on a phone');

  // The organisation decides per instrument whether the person sees their own graph of it.
  await auditSettings({ visibleToPerson: false });
  await page.reload();
  await minSide.ready();
  await mine.trajectoriesLoaded();
  assert.equal(await mine.figure(AUDIT).count(), 0, 'a hidden instrument has no graph on Min side');
  await auditSettings({ visibleToPerson: true });
  assert.deepEqual(cspViolations, []);
  await context.close();
});

/** How many AUDIT totals the person has, as they see them themselves. */
async function auditPoints(person: string): Promise<number> {
  const own = await api('pasient');
  const { trajectories } = await own.request<{
    trajectories: { score: { linkId: string }; points: unknown[] }[];
  }>('GET', `/api/persons/${person}/trajectories?questionnaire=audit`);
  return trajectories.find((t) => t.score.linkId === 'audit-total')?.points.length ?? 0;
}

/** Test setup as the administrator: AUDIT is also planned after each contact (an organisation setting). */
async function auditAfterContacts() {
  await auditSettings({ visibleToPerson: true });
}

async function auditSettings({ visibleToPerson }: { visibleToPerson: boolean }) {
  const login = await fetch(`${env.server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD, totp: await adminTotp() }),
  });
  if (!login.ok) throw new Error(`admin login: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const admin = new PathwayApi(env.server.baseUrl, token);
  await admin.request('PUT', '/api/admin/questionnaires/audit/settings', {
    visibleToPerson,
    triggers: ['first-attendance', 'evaluation', 'discharge', 'contact'],
    answeredBy: ['person', 'staff'],
  });
}
