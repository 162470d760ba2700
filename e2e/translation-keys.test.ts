import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { catalogue } from '../packages/contract/src/words/words.ts';
import { startPath } from '../packages/web/src/auth/start-path.ts';
import { PathwayPaths } from '../packages/web/src/pathway/pathway.routes.ts';
import { LoginPage } from './pages/login.page.ts';
import { openPage, TEST_TIMEOUT } from './support/browser.ts';
import { e2eEnvironment } from './support/fixture.ts';
import { personId } from './support/server.ts';

/**
 * Every page in both languages, as every role, with no missing text (docs/decisions/0017-words-per-role.md):
 * - the app runs with window.bedringMissingKeys (packages/web/src/i18n/i18n.ts), so no language falls back to
 *   the other and every key a page asks for that its language lacks is recorded;
 * - what the page shows (text, labels, title) is searched for anything shaped like a key of the texts, in
 *   case a key reaches the screen without passing through the translation;
 * - the person's pages never use the staff's wording of a text that has the person's own, and the staff's
 *   pages never the person's (the "…Self" texts: "Nettverket mitt" is the person's, "Nettverkskart" the staff's).
 * The pages are read as they load; forms behind a button are not opened. Every route of the app must be
 * visited by some role (checked against packages/web/src/shell/app.component.tsx).
 */
const env = e2eEnvironment();

const Languages = ['nb', 'en'] as const;
type Language = (typeof Languages)[number];
type Tree = { [key: string]: unknown };

const i18nDir = new URL('../packages/web/src/i18n/', import.meta.url);
const webTexts = (lng: Language): Tree[] =>
  readdirSync(i18nDir)
    .filter((f) => f.endsWith(`${lng}.json`))
    .map((f) => JSON.parse(readFileSync(new URL(f, i18nDir), 'utf8')) as Tree);

/** "work.", "plan.", "errors." …: the first part of every key, web and catalogue. */
const firstParts = [
  ...new Set([...Languages.flatMap((l) => [...webTexts(l), catalogue[l] as Tree].flatMap(Object.keys))]),
];
const keyShaped = new RegExp(`\\b(?:${firstParts.join('|')})\\.[A-Za-z][\\w-]*(?:\\.[\\w-]+)*`, 'g');

/**
 * The texts that have a version for the person ("titleSelf") beside the staff's ("title" or "titleStaff"),
 * where the two differ: the person's go into self, the staff's into staff.
 */
function wordings(lng: Language): { self: Set<string>; staff: Set<string> } {
  const self = new Set<string>();
  const staff = new Set<string>();
  const walk = (node: Tree) => {
    for (const [key, value] of Object.entries(node)) {
      if (value && typeof value === 'object') walk(value as Tree);
      if (!key.endsWith('Self') || typeof value !== 'string') continue;
      const base = key.slice(0, -'Self'.length);
      const theirs = node[`${base}Staff`] ?? node[base];
      if (typeof theirs !== 'string' || theirs === value || `${theirs}${value}`.includes('{{')) continue;
      self.add(value);
      staff.add(theirs);
    }
  };
  for (const tree of webTexts(lng)) walk(tree);
  return { self, staff };
}
const Wordings = { nb: wordings('nb'), en: wordings('en') };

/**
 * The questionnaires' own names in both languages (instruments/*.json): "Mine mål" is the name of a
 * questionnaire, the same on every page, not the person's wording of a staff text.
 */
type Extension = { url?: string; valueString?: string; extension?: Extension[] };
const instrumentsDir = new URL('../instruments/', import.meta.url);
const InstrumentNames = new Set(
  readdirSync(instrumentsDir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const q = JSON.parse(readFileSync(new URL(f, instrumentsDir), 'utf8')) as {
        title?: string;
        _title?: { extension?: Extension[] };
      };
      const translated = (q._title?.extension ?? []).flatMap((e) =>
        (e.extension ?? []).filter((x) => x.url === 'content').map((x) => x.valueString ?? ''),
      );
      return [q.title ?? '', ...translated];
    }),
);
/**
 * The caseload's name per role (i18next context, docs/decisions/0017-words-per-role.md): a municipal or peer
 * worker has no patients, and no page of theirs speaks of patients.
 */
const CaseloadTitle: Record<string, Record<Language, string>> = {
  behandler: { nb: 'Mine pasienter', en: 'My patients' },
  miljo: { nb: 'Mine pasienter', en: 'My patients' },
  kommune: { nb: 'Personer jeg følger opp', en: 'People I follow up' },
  likeperson: { nb: 'Personer jeg er likeperson for', en: 'People I am a peer worker for' },
  // A leader's caseload is the care teams they are in, like a clinician's; the unit's work is on Frister.
  leder: { nb: 'Mine pasienter', en: 'My patients' },
};
const NoPatients = new Set(['kommune', 'likeperson']);
const Patients: Record<Language, RegExp> = { nb: /\bpasient(?:er|ene)\b/i, en: /\bpatients\b/i };

/** Staff speak of "personen"; the person's own pages say "du" and "meg" (docs/decisions/0017-words-per-role.md). */
const ThirdPerson: Record<Language, RegExp> = { nb: /\bpersonen\b/i, en: /\bthe person\b/i };

interface Reading {
  lang: string | null;
  h1: string;
  /** Links of the section menu whose part is not on the page. */
  menuToNowhere: string[];
  missing: string[];
  shown: string;
  texts: string[];
}

/**
 * Run in the page (a string, as the other specs do: the tests are typed without the DOM): its language, the
 * keys it missed, what it shows in text and attributes, and the text of each heading, label, link and line.
 */
const ReadPage = `(() => {
  const attributes = [...document.querySelectorAll('[aria-label],[placeholder],[title],[alt]')].flatMap((el) =>
    ['aria-label', 'placeholder', 'title', 'alt'].map((a) => el.getAttribute(a) ?? ''));
  const texts = [...document.querySelectorAll(
    'main :is(h1,h2,h3,h4,h5,h6,legend,label,th,caption,summary,a,button,dt,p,li,strong), nav a',
  )].map((el) => (el.textContent ?? '').replace(/\\s+/g, ' ').trim());
  return {
    lang: document.documentElement.getAttribute('lang'),
    h1: (document.querySelector('h1')?.textContent ?? '').trim(),
    menuToNowhere: [...document.querySelectorAll('.section-menu a')]
      .map((a) => (a.getAttribute('href') ?? '').replace(/^#/, ''))
      .filter((id) => !document.getElementById(id)),
    missing: [...new Set(window.bedringMissingKeys ?? [])],
    shown: [document.title, document.body.innerText, ...attributes].join('\\n'),
    texts,
  };
})()`;

/** The page as loaded: its first heading shown, no answer from /api outstanding, nothing marked as loading. */
async function read(page: Page, path: string, pending: Set<unknown>): Promise<Reading> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
  // Twice in a row quiet, as a section can ask for more once its first answer is shown.
  for (let quiet = 0; quiet < 2; ) {
    await page.waitForTimeout(50);
    quiet = pending.size === 0 && (await page.locator('.loading').count()) === 0 ? quiet + 1 : 0;
  }
  return (await page.evaluate(ReadPage)) as Reading;
}

/** What is wrong on one page in one language, each line naming the page. */
function problems(r: Reading, where: string, lng: Language, username: string | null, path: string): string[] {
  const viewer = username === null ? 'none' : username === 'pasient' ? 'self' : 'staff';
  const found: string[] = [];
  for (const id of r.menuToNowhere)
    found.push(`${where}: the section menu links to #${id}, which is not there`);
  const title = username ? CaseloadTitle[username] : undefined;
  if (title && path === '/pasienter' && r.h1 !== title[lng])
    found.push(`${where}: the caseload is called "${r.h1}", not "${title[lng]}"`);
  if (username && NoPatients.has(username)) {
    const patients = r.texts.find((x) => Patients[lng].test(x));
    if (patients) found.push(`${where}: speaks of patients: "${patients}"`);
  }
  if (r.lang !== lng) found.push(`${where}: the page is in "${r.lang}"`);
  for (const m of r.missing) found.push(`${where}: missing ${m}`);
  for (const k of new Set(r.shown.match(keyShaped) ?? [])) found.push(`${where}: shows the key ${k}`);
  if (viewer === 'self') {
    for (const text of new Set(r.texts.filter((x) => Wordings[lng].staff.has(x))))
      found.push(`${where}: staff wording on the person's page: "${text}"`);
    const third = r.texts.find((x) => ThirdPerson[lng].test(x));
    if (third) found.push(`${where}: speaks of the person in the third person: "${third}"`);
  }
  if (viewer === 'staff') {
    for (const text of new Set(r.texts.filter((x) => Wordings[lng].self.has(x) && !InstrumentNames.has(x))))
      found.push(`${where}: the person's wording on a staff page: "${text}"`);
  }
  return found;
}

/** The demo logins and their roles: each lands on its role's start page (start-path.ts). */
const Roles = {
  pasient: 'patient',
  behandler: 'clinician',
  miljo: 'milieu',
  kommune: 'municipal',
  likeperson: 'peer',
  leder: 'leader',
  admin: 'admin',
} as const;
type Username = keyof typeof Roles;

/** Every path visited by this file, to hold it to the app's routes. */
const visited = new Set<string>();

/** Logs in once (as username, unless null), then reads every path in both languages. */
async function sweep(username: Username | null, paths: (page: Page) => Promise<string[]>): Promise<string[]> {
  const { page, context } = await openPage(env.browser, env.server.baseUrl);
  await context.addInitScript({ content: 'window.bedringMissingKeys = [];' });
  // The answers from /api the page is still waiting for.
  const pending = new Set<unknown>();
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) pending.add(r);
  });
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  try {
    if (username) await new LoginPage(page).loginAs(username, startPath(Roles[username]));
    else await page.goto('/logg-inn');
    const list = await paths(page);
    const found: string[] = [];
    for (const lng of Languages) {
      await page.evaluate(`window.localStorage.setItem('bedring.language', '${lng}')`);
      for (const path of list) {
        visited.add(path);
        found.push(
          ...problems(
            await read(page, path, pending),
            `${username ?? 'logged out'} ${lng} ${path}`,
            lng,
            username,
            path,
          ),
        );
      }
    }
    return found;
  } finally {
    await closeQuietly(context);
  }
}

async function closeQuietly(context: BrowserContext) {
  await context.close().catch(() => {});
}

/** The first n people of the caseload other than those named (their person pages differ by pathway). */
async function caseloadPeople(page: Page, n: number, except: string[]): Promise<string[]> {
  await page.goto('/pasienter');
  await page.locator('main h1').waitFor();
  await page.waitForLoadState('networkidle');
  const hrefs = await page
    .locator('main a[href^="/personer/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs)].filter((h) => /^\/personer\/[^/]+$/.test(h) && !except.includes(h)).slice(0, n);
}

/** Per Pasient's page, the demo's fullest record (read when a test needs it, once the server is up). */
const perPage = async () => `/personer/${await personId(env.server.db, 'Per', 'Pasient')}`;

const SWEEP_TIMEOUT = 3 * TEST_TIMEOUT;

test('logged out: the login page', { timeout: SWEEP_TIMEOUT }, async () => {
  assert.deepEqual(await sweep(null, async () => ['/logg-inn']), []);
});

test('the person (pasient): every page of Min side', { timeout: SWEEP_TIMEOUT }, async () => {
  const paths = [
    '/min-side',
    '/min-side/plan',
    '/min-side/mine-data',
    '/min-side/innsjekk',
    '/min-side/hjelp',
    '/min-side/kriseplan',
  ];
  assert.deepEqual(await sweep('pasient', async () => paths), []);
});

test('the clinician (behandler): work pages, Per and three more people', {
  timeout: SWEEP_TIMEOUT,
}, async () => {
  const found = await sweep('behandler', async (page) => {
    const per = await perPage();
    return [
      '/',
      '/pasienter',
      PathwayPaths.deadlines,
      PathwayPaths.tasks,
      PathwayPaths.newReferral,
      per,
      `${per}/plan`,
      `${per}/kriseplan`,
      ...(await caseloadPeople(page, 3, [per])),
      '/finnes-ikke',
    ];
  });
  assert.deepEqual(found, []);
});

test('the unit leader (leder): work pages, break-glass review, the access log and Per', {
  timeout: SWEEP_TIMEOUT,
}, async () => {
  const found = await sweep('leder', async (page) => {
    const per = await perPage();
    return [
      '/pasienter',
      PathwayPaths.deadlines,
      PathwayPaths.tasks,
      '/nodtilgang',
      '/tilgangslogg',
      per,
      ...(await caseloadPeople(page, 1, [per])),
    ];
  });
  assert.deepEqual(found, []);
});

for (const [username, role] of [
  ['miljo', 'the milieu therapist'],
  ['kommune', 'the municipal worker'],
  ['likeperson', 'the peer worker'],
] as const) {
  test(`${role} (${username}): work pages, Per and one more person`, { timeout: SWEEP_TIMEOUT }, async () => {
    const found = await sweep(username, async (page) => {
      const per = await perPage();
      return [
        '/pasienter',
        PathwayPaths.tasks,
        ...(username === 'miljo' ? [PathwayPaths.deadlines] : []),
        per,
        `${per}/plan`,
        ...(await caseloadPeople(page, 1, [per])),
      ];
    });
    assert.deepEqual(found, []);
  });
}

test('the administrator (admin): the rules page', { timeout: SWEEP_TIMEOUT }, async () => {
  assert.deepEqual(await sweep('admin', async () => ['/admin']), []);
});

// Last, after the sweeps above (a file's tests run in order): a new page cannot escape this file unnoticed.
test('every route of the app was read by some role', () => {
  const source = readFileSync(
    new URL('../packages/web/src/shell/app.component.tsx', import.meta.url),
    'utf8',
  );
  const routes = [
    ...[...source.matchAll(/path="([^"]+)"/g)].map((m) => m[1] ?? ''),
    ...[...source.matchAll(/path=\{PathwayPaths\.(\w+)\.slice\(1\)\}/g)].map(
      (m) => PathwayPaths[m[1] as keyof typeof PathwayPaths],
    ),
  ].map((p) => (p.startsWith('/') ? p : `/${p}`));
  const pattern = (route: string) =>
    route === '/*' ? /^\/finnes-ikke$/ : new RegExp(`^${route.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
  const unvisited = routes.filter((route) => ![...visited].some((path) => pattern(route).test(path)));
  assert.ok(routes.length > 15, 'the routes were found in app.component.tsx');
  assert.deepEqual(unvisited, []);
});
