import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JournalPage } from './pages/journal.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { MinSidePage } from './pages/min-side.page.ts';
import { PersonPage } from './pages/person.page.ts';
import { loginWithPerson } from './pages/plan.api.ts';
import { seriousViolations } from './support/axe.ts';
import { openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';

/**
 * The journal (docs/decisions/0014-journal.md): a municipal worker writes and signs a note after a home
 * visit, finds it in the journal by kind and text, and the person reads it on Min side.
 */
const env = e2eEnvironment();

test('a municipal worker signs a home-visit note, finds it in the journal with the filters, and the person reads it on Min side', {
  // Three axe runs on the long person page and Min side: more than one page's share of time.
  timeout: 3 * TEST_TIMEOUT,
}, async () => {
  const { personId } = await loginWithPerson(env.server.baseUrl, 'pasient');
  const text = `Hjemmebesøk i dag. Per hadde ryddet og laget kaffe; vi snakket om jobbsøknaden (${Date.now()}).`;

  const staff = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(staff.page).loginAs('kommune', '/pasienter');
  const person = new PersonPage(staff.page);
  await person.goto(personId!);
  const journal = new JournalPage(staff.page);
  await journal.form().waitFor();
  assert.deepEqual(await seriousViolations(staff.page), [], 'axe on the person page with the journal');

  await journal.write('Hjemmebesøk', text);
  const note = journal.note(text);
  await note.waitFor();
  await note.getByText('Kim Kommune, Kommunal oppfølging', { exact: false }).waitFor();

  await journal.filter({ kind: 'Hjemmebesøk', q: 'jobbsøknaden' });
  await note.waitFor();
  await journal.filter({ kind: 'Telefon', q: 'jobbsøknaden' });
  await journal.section().getByText('Ingen notater passer med søket.').waitFor();
  assert.equal(await note.count(), 0, 'a filter that does not match leaves it out');
  await journal.filter({});
  await note.waitFor();
  assert.deepEqual(await seriousViolations(staff.page), [], 'axe on the journal with a note');
  await staff.context.close();

  const mine = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(mine.page).loginAs('pasient', '/min-side');
  await new MinSidePage(mine.page).ready();
  const shared = new JournalPage(mine.page).mine();
  await shared.getByText(text).waitFor();
  await shared.getByText('Skrevet av Kim Kommune', { exact: false }).first().waitFor();
  assert.deepEqual(await seriousViolations(mine.page), [], 'axe on Min side with the notes');
  assert.equal(await new MinSidePage(mine.page).horizontalOverflow(), 0, 'Min side fits 360 px');
  await mine.context.close();
});

test('a draft is signed by its author, a signed note is amended beside it, and a note withheld with a reason is not on Min side', {
  timeout: 3 * TEST_TIMEOUT,
}, async () => {
  const { personId } = await loginWithPerson(env.server.baseUrl, 'pasient');
  const stamp = Date.now();
  const draft = `Telefon med Per om timeendring (${stamp}).`;
  const private_ = `Samtale om en annen person i nettverket (${stamp}).`;

  const staff = await openPage(env.browser, env.server.baseUrl);
  await new LoginPage(staff.page).loginAs('behandler', '/pasienter');
  await new PersonPage(staff.page).goto(personId!);
  const journal = new JournalPage(staff.page);
  await journal.form().waitFor();
  await journal.write('Telefon', draft, false);
  const note = journal.note(draft);
  await note.getByText('(utkast)').waitFor();
  await note.getByRole('button', { name: 'Signer', exact: true }).click();
  await note.getByText(/signert/).waitFor();
  await journal.amend(draft, 'Tillegg: ny time er torsdag.');
  await note.getByText(draft).waitFor();
  await journal.write('Samtale', private_);
  await journal.withhold(private_, 'Opplysninger om en tredjeperson');
  assert.deepEqual(
    await seriousViolations(staff.page),
    [],
    'axe on the journal with an amendment and a withheld note',
  );
  await staff.context.close();

  const mine = await openPage(env.browser, env.server.baseUrl, PHONE);
  await new LoginPage(mine.page).loginAs('pasient', '/min-side');
  await new MinSidePage(mine.page).ready();
  const shared = new JournalPage(mine.page).mine();
  await shared.getByText(draft).waitFor();
  await shared.getByText('Tillegg: ny time er torsdag.').waitFor();
  assert.equal(await shared.getByText(private_).count(), 0, 'the withheld note is not shown');
  await mine.context.close();
});
