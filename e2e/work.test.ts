import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { DeadlineBoardPage } from './pages/deadline-board.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { ReferralPage } from './pages/referral.page.ts';
import { TasksPage } from './pages/tasks.page.ts';
import { openPage, PHONE, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';
import { DEMO_PASSWORD } from './support/server.ts';

/**
 * The work pages: "Ny henvisning", "Frister" and "Oppgaver". The pathway situations they show (overdue
 * referrals, handovers waiting for a first contact, a drop-out) are set up through the API first.
 */
const env = e2eEnvironment();

// ---- Dates as the server counts them: the calendar day in Norway --------------------------------------

const osloDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const today = () => osloDay.format(new Date());
function daysAgo(n: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

// ---- API setup ---------------------------------------------------------------------------------------

class Api {
  readonly baseUrl: string;
  readonly token: string;

  constructor(baseUrl: string, token: string) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  static async login(baseUrl: string, username: string): Promise<Api> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    assert.equal(res.status, 200, `login ${username}`);
    return new Api(baseUrl, ((await res.json()) as { token: string }).token);
  }

  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path} → ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  get<T>(path: string) {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body: unknown) {
    return this.call<T>('POST', path, body);
  }
}

interface Board {
  counts: { open: number; overdue: number; dueSoon: number };
  deadlines: { person: { givenName: string; familyName: string }; responsible: { name: string } | null }[];
}

let nationalIds = 0;
/** Synthetic national ids, unique in the run (the server only asks for 11 digits). */
const nationalId = () =>
  `7${String(Date.now() % 1e7).padStart(7, '0')}${String(++nationalIds).padStart(3, '0')}`;

const OUTPATIENT = 'Poliklinikk';

async function unitId(api: Api, name: string): Promise<string> {
  const { units } = await api.get<{ units: { id: string; name: string }[] }>('/api/units');
  const unit = units.find((u) => u.name === name);
  assert.ok(unit, `unit ${name}`);
  return unit.id;
}

/** A referral registered by `api`'s user, who becomes responsible for the episode. */
async function refer(api: Api, givenName: string, familyName: string, receivedOn: string) {
  return api.post<{ personId: string; referralId: string; episodeId: string }>('/api/referrals', {
    person: { nationalId: nationalId(), givenName, familyName, birthDate: '1985-03-14', gender: 'unknown' },
    unitId: await unitId(api, OUTPATIENT),
    referrer: { kind: 'gp', name: 'Fastlege Syntetisk', organisation: 'Legesenteret' },
    receivedOn,
    checklist: { 'own-participation': true },
  });
}

/** Referral → assessment → first attendance → discharge → handover to the municipal worker, `handedOverDaysAgo`. */
async function handover(api: Api, givenName: string, familyName: string, handedOverDaysAgo: number) {
  const { personId, referralId, episodeId } = await refer(api, givenName, familyName, daysAgo(40));
  const base = `/api/persons/${personId}`;
  await api.post(`${base}/referrals/${referralId}/assessment`, {
    assessedOn: daysAgo(35),
    outcome: 'treatment-without-right',
  });
  await api.post(`${base}/episodes/${episodeId}/events`, {
    kind: 'first-attendance',
    date: daysAgo(30),
    setting: 'outpatient',
  });
  await api.post(`${base}/episodes/${episodeId}/events`, {
    kind: 'discharged',
    date: daysAgo(handedOverDaysAgo),
  });
  const { staff } = await api.get<{ staff: { id: string; name: string }[] }>('/api/staff?role=municipal');
  const kim = staff.find((s) => s.name === 'Kim Kommune');
  assert.ok(kim, 'the demo municipal worker');
  await api.post(`${base}/episodes/${episodeId}/handover`, {
    municipalAccountId: kim.id,
    handedOverOn: daysAgo(handedOverDaysAgo),
    summary: 'Oppsummering fra behandlingen',
    followUpPlan: 'Hjemmebesøk hver uke, felles møte med NAV',
    consent: { givenOn: daysAgo(handedOverDaysAgo) },
  });
  return { personId, episodeId };
}

/** A referral that ended in a drop-out: the clinician gets a re-engagement task. */
async function dropOut(api: Api, givenName: string, familyName: string) {
  const { personId, episodeId } = await refer(api, givenName, familyName, daysAgo(20));
  await api.post(`/api/persons/${personId}/episodes/${episodeId}/events`, {
    kind: 'ended',
    date: daysAgo(1),
    outcome: 'drop-out',
  });
  return { personId, episodeId };
}

// ---- Page helpers ------------------------------------------------------------------------------------

async function loggedIn(username: string, viewport?: { width: number; height: number }) {
  const opened = await openPage(env.browser, env.server.baseUrl, viewport);
  // The unit leader starts on the unit's board (web/src/auth/start-path.ts), other staff on their caseload.
  await new LoginPage(opened.page).loginAs(username, username === 'leder' ? '/frister' : '/pasienter');
  return opened;
}

/** Every axe violation of WCAG 2.1 A/AA, whatever its impact. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

async function horizontalOverflow(page: Page): Promise<number> {
  // A string expression: this file is type-checked without the DOM library.
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
}

// ---- The situations ---------------------------------------------------------------------------------

let clinician: Api;
let leader: Api;
let escalatedPersonId: string;
const OVERDUE = { givenName: 'Frode', familyName: 'Fristsen' };
const LEADERS_OWN = { givenName: 'Lise', familyName: 'Lederfall' };
const ESCALATED = { givenName: 'Hanne', familyName: 'Overgang' };
const FRESH = { givenName: 'Ola', familyName: 'Nyoverført' };
const DROPPED = { givenName: 'Rune', familyName: 'Nyrunde' };
const name = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/** The situations every test starts from, set up once (the spec's server starts in a hook of its own). */
let situations: Promise<void> | undefined;
function setUp(): Promise<void> {
  situations ??= (async () => {
    clinician = await Api.login(env.server.baseUrl, 'behandler');
    leader = await Api.login(env.server.baseUrl, 'leder');
    // The clinician's referral, received a month ago and not yet assessed: overdue.
    await refer(clinician, OVERDUE.givenName, OVERDUE.familyName, daysAgo(30));
    // The leader's own, received today: open, and not the clinician's to see.
    await refer(leader, LEADERS_OWN.givenName, LEADERS_OWN.familyName, today());
    // A handover 10 days ago with no first contact yet (escalates after 7 days), and one from today.
    escalatedPersonId = (await handover(clinician, ESCALATED.givenName, ESCALATED.familyName, 10)).personId;
    await handover(clinician, FRESH.givenName, FRESH.familyName, 0);
    await dropOut(clinician, DROPPED.givenName, DROPPED.familyName);
  })();
  return situations;
}

test('a clinician registers a referral, sees its completeness live, and lands on the person', {
  timeout: TEST_TIMEOUT,
}, async () => {
  await setUp();
  const { page, context, cspViolations } = await loggedIn('behandler');
  const referral = new ReferralPage(page);
  await referral.open();

  // Nothing filled in: the errors are listed and nothing is sent.
  await referral.submit();
  await referral.errorSummary().getByText('Fødselsnummeret må ha 11 siffer.').waitFor();
  await referral.errorSummary().getByText('Velg hvem som henviser.').waitFor();
  assert.equal(new URL(page.url()).pathname, '/henvisninger/ny');

  // The person's own participation comes first; completeness counts as boxes are ticked.
  const checklist = page.getByRole('group', { name: /^Hva henvisningen inneholder/ }).getByRole('checkbox');
  assert.equal(await checklist.count(), 10);
  assert.equal(await checklist.first().getAttribute('id'), 'referral-checklist-own-participation');
  assert.equal(await referral.completeness().textContent(), '0 av 10 punkter er med');
  await referral.checkbox('own-participation').check();
  await referral.checkbox('substance-use').check();
  assert.equal(await referral.completeness().textContent(), '2 av 10 punkter er med');
  // Warn, don't block: what is missing is said, and registering still works.
  await page.getByText('Det mangler 8 punkter. Du kan registrere henvisningen likevel').waitFor();

  const personId = await referral.register({
    nationalId: nationalId(),
    givenName: 'Sara',
    familyName: 'Henvist',
    birthDate: '1992-05-17',
    gender: 'Kvinne',
    unit: OUTPATIENT,
    receivedOn: daysAgo(2),
    referrerKind: 'NAV/sosialtjenesten',
    referrerName: 'Nils Veileder',
    referrerOrganisation: 'NAV Fjordvik',
    reason: 'Ønsker hjelp med alkohol, har selv tatt initiativ.',
    checklist: ['mental-health'],
    coordinator: { name: 'Kari Koordinator', contact: '900 00 000' },
  });
  assert.match(personId, /^[0-9a-f-]{36}$/);

  // Registered as entered: the pathway has the referral with its checklist and coordinator.
  const pathway = await clinician.get<{
    episodes: {
      state: string;
      referral: {
        referrer: { kind: string; name: string };
        receivedOn: string;
        completeness: { done: number };
        coordinator: { name: string; contact: string };
      };
    }[];
  }>(`/api/persons/${personId}/pathway`);
  const episode = pathway.episodes[0];
  assert.ok(episode);
  assert.equal(episode.state, 'referred');
  assert.equal(episode.referral.referrer.kind, 'social-services');
  assert.equal(episode.referral.receivedOn, daysAgo(2));
  assert.equal(episode.referral.completeness.done, 3);
  assert.deepEqual(episode.referral.coordinator, { name: 'Kari Koordinator', contact: '900 00 000' });
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('the deadline board: the leader sees the unit, most urgent first; the clinician only their own', {
  timeout: TEST_TIMEOUT,
}, async () => {
  await setUp();
  // Enough deadlines for a second page.
  const start = await leader.get<Board>('/api/deadlines?limit=1');
  for (let i = start.counts.open; i <= 21; i++) await refer(leader, 'Side', `To ${i}`, today());
  const unit = await leader.get<Board>('/api/deadlines?limit=1');
  assert.ok(unit.counts.open > 20);

  const lead = await loggedIn('leder');
  const board = new DeadlineBoardPage(lead.page);
  await board.open();
  assert.deepEqual(await board.counts(), unit.counts, 'the counts are the unit’s');
  await board.showing().getByText(`av ${unit.counts.open}`).waitFor();
  assert.equal(await board.rows().count(), 20);

  // Most urgent first: overdue, then soon, then the rest.
  const statuses = await board.rows().locator('.status-badge strong').allTextContents();
  const rank: Record<string, number> = { Forfalt: 0, Snart: 1, Åpen: 2 };
  const ranks = statuses.map((s) => rank[s] ?? 9);
  assert.deepEqual(
    ranks,
    [...ranks].sort((a, b) => a - b),
    statuses.join(', '),
  );
  const overdue = board.rowsFor(name(OVERDUE));
  assert.equal(await overdue.count(), 1);
  const overdueText = (await overdue.textContent()) ?? '';
  assert.match(overdueText, /Vurdering av henvisningen/);
  assert.match(overdueText, /Forfalt\s*\d+ dager over fristen/);
  assert.match(overdueText, /Bjørn Behandler/);

  // The second page has the rest, the leader's own referral among them.
  await board.nextPage();
  await board.pagination().getByText('Side 2 av 2').waitFor();
  await board
    .showing()
    .getByText(/^Viser 21–/)
    .waitFor();

  // Only the clinician's deadlines, then only the overdue ones.
  await board.filter({ responsible: 'Bjørn Behandler' });
  const responsible = await board.rows().locator('td:last-child').allInnerTexts();
  assert.ok(responsible.length > 0);
  assert.ok(
    responsible.every((r) => r.endsWith('Bjørn Behandler')),
    responsible.join(', '),
  );
  assert.equal(await board.rowsFor(name(LEADERS_OWN)).count(), 0);
  await board.filter({ status: 'Forfalt' });
  const overdueOnly = await board.rows().locator('.status-badge strong').allTextContents();
  assert.ok(overdueOnly.length > 0 && overdueOnly.every((s) => s === 'Forfalt'));

  // The leader's box of tasks that have waited too long: the handover of ten days ago.
  await board
    .escalatedBox()
    .getByRole('link', { name: name(ESCALATED) })
    .waitFor();
  assert.equal(
    await board
      .escalatedBox()
      .getByRole('link', { name: name(FRESH) })
      .count(),
    0,
  );

  // For the leader each row links to what a leader may see of it, not to the record, which would need
  // need to know or break-glass (docs/decisions/0016-worklists.md).
  const href = await board.rowsFor(name(OVERDUE)).getByRole('link').getAttribute('href');
  assert.match(href ?? '', /^\/frister\/[0-9a-f-]{36}$/);
  assert.deepEqual(lead.cspViolations, []);
  await lead.context.close();

  const own = await clinician.get<Board>('/api/deadlines?limit=200');
  const clin = await loggedIn('behandler');
  const mine = new DeadlineBoardPage(clin.page);
  await mine.open();
  assert.deepEqual(await mine.counts(), own.counts);
  assert.equal(await mine.rowsFor(name(OVERDUE)).count(), 1);
  assert.equal(await mine.rowsFor(name(LEADERS_OWN)).count(), 0, 'not the leader’s deadline');
  const names = await mine.rows().locator('td:last-child').allInnerTexts();
  assert.ok(names.every((r) => r.endsWith('Bjørn Behandler')));
  // No unit or clinician to choose, and no escalated box: that is the leader's.
  assert.equal(await clin.page.getByLabel('Ansvarlig behandler').count(), 0);
  assert.equal(await mine.escalatedBox().count(), 0);
  // A row leads to the person's record.
  await mine.rowsFor(name(OVERDUE)).getByRole('link').click();
  await clin.page.getByRole('heading', { level: 1, name: name(OVERDUE) }).waitFor();
  assert.deepEqual(clin.cspViolations, []);
  await clin.context.close();
});

test('the municipal worker records the first contact, and the handover task closes', {
  timeout: TEST_TIMEOUT,
}, async () => {
  await setUp();
  const { page, context, cspViolations } = await loggedIn('kommune');
  const tasks = new TasksPage(page);
  await tasks.open();
  // The one that has waited too long is marked, calmly; the fresh one is not.
  const escalated = tasks.task(name(ESCALATED), 'Første kontakt');
  await escalated.getByText('Har ventet lenger enn satt tid').waitFor();
  assert.equal(await tasks.task(name(FRESH)).getByText('Har ventet lenger enn satt tid').count(), 0);

  await tasks.completeFirstContact(name(ESCALATED), daysAgo(1), 'Hjemmebesøk, vi laget en plan sammen.');
  assert.equal(await tasks.task(name(FRESH)).count(), 1, 'the other task is still open');

  // The pathway moved on to municipal follow-up, from the day of the first contact.
  const pathway = await clinician.get<{
    episodes: { state: string; handover: { firstContactOn: string } }[];
  }>(`/api/persons/${escalatedPersonId}/pathway`);
  assert.equal(pathway.episodes[0]?.state, 'follow-up');
  assert.equal(pathway.episodes[0]?.handover.firstContactOn, daysAgo(1));
  // And it is no longer among the leader's escalated tasks.
  const leaderTasks = await leader.get<{ tasks: { person: { familyName: string } }[] }>('/api/tasks');
  assert.equal(leaderTasks.tasks.filter((t) => t.person.familyName === ESCALATED.familyName).length, 0);
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('after a drop-out the clinician offers a new round, and a new episode opens', {
  timeout: TEST_TIMEOUT,
}, async () => {
  await setUp();
  const { page, context, cspViolations } = await loggedIn('behandler');
  const tasks = new TasksPage(page);
  await tasks.open();
  const task = tasks.task(name(DROPPED), 'Ta kontakt igjen');
  await task.getByText('døren er ikke lukket').waitFor();
  // Choosing is required; the form says so instead of guessing.
  await task.getByRole('button', { name: 'Lagre', exact: true }).click();
  await task.getByText('Velg hvordan det gikk.').waitFor();

  await tasks.answerReEngagement(
    name(DROPPED),
    'Tilby ny runde',
    today(),
    'Ringte, vil gjerne starte igjen.',
  );
  await tasks
    .confirmation()
    .getByText(`En ny runde er åpnet for ${name(DROPPED)}.`)
    .waitFor();
  await tasks
    .confirmation()
    .getByRole('link', { name: `Gå til ${name(DROPPED)}` })
    .click();
  await page.getByRole('heading', { level: 1, name: name(DROPPED) }).waitFor();
  const id = new URL(page.url()).pathname.split('/').pop();
  const pathway = await clinician.get<{ episodes: { state: string; previousEpisodeId: string | null }[] }>(
    `/api/persons/${id}/pathway`,
  );
  assert.equal(pathway.episodes.length, 2);
  const next = pathway.episodes.find((e) => e.previousEpisodeId !== null);
  assert.equal(next?.state, 'waiting', 'the new round builds on the earlier assessment');
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('the three work pages have no axe violations (WCAG 2.1 AA)', { timeout: TEST_TIMEOUT }, async () => {
  await setUp();
  await dropOut(clinician, 'Axel', 'Tilgjengelig');
  await handover(clinician, 'Aud', 'Tilgjengelig', 9);

  const clin = await loggedIn('behandler');
  const referral = new ReferralPage(clin.page);
  await referral.goto();
  assert.deepEqual(await axeViolations(clin.page), [], 'Ny henvisning');
  await referral.submit();
  await referral.errorSummary().waitFor();
  assert.deepEqual(await axeViolations(clin.page), [], 'Ny henvisning with errors');
  await new TasksPage(clin.page).goto();
  await clin.page
    .getByRole('radio', { name: /^Tilby ny runde/ })
    .first()
    .waitFor();
  assert.deepEqual(await axeViolations(clin.page), [], 'Oppgaver (clinician)');
  await clin.context.close();

  const lead = await loggedIn('leder');
  const board = new DeadlineBoardPage(lead.page);
  await board.goto();
  await board.table().waitFor();
  await board.escalatedBox().getByRole('list').waitFor();
  assert.deepEqual(await axeViolations(lead.page), [], 'Frister (leader)');
  await lead.context.close();

  const kommune = await loggedIn('kommune');
  const tasks = new TasksPage(kommune.page);
  await tasks.goto();
  await tasks.task('Aud Tilgjengelig').waitFor();
  assert.deepEqual(await axeViolations(kommune.page), [], 'Oppgaver (municipal)');
  await kommune.context.close();
});

test('the work pages fit a 360 px phone without horizontal scrolling', {
  timeout: TEST_TIMEOUT,
}, async () => {
  await setUp();
  const lead = await loggedIn('leder', PHONE);
  const board = new DeadlineBoardPage(lead.page);
  await board.goto();
  await board.table().waitFor();
  assert.equal(await horizontalOverflow(lead.page), 0, 'Frister at 360 px');
  const referral = new ReferralPage(lead.page);
  await referral.goto();
  await referral.submit();
  await referral.errorSummary().waitFor();
  assert.equal(await horizontalOverflow(lead.page), 0, 'Ny henvisning at 360 px');
  await lead.context.close();

  const kommune = await loggedIn('kommune', PHONE);
  await new TasksPage(kommune.page).goto();
  await kommune.page.getByLabel('Dato for første kontakt').first().waitFor();
  assert.equal(await horizontalOverflow(kommune.page), 0, 'Oppgaver at 360 px');
  await kommune.context.close();
});
