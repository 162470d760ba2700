import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { totpCode } from '../auth/totp.ts';
import { DEMO_ACCOUNTS, DEMO_ADMIN_TOTP } from '../demo/demo.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';

/**
 * Generated from the route table: every route × every role × a person outside that role's reach
 * gets 403 or 404 (or, for lists, a list without that person) — never the person's data.
 * A new route without a sample request here fails the test, so no route escapes it.
 */

/** `auditedBy`: roles that may read this about any person their organisation holds (access-log control). */
type Sample = { body?: object; query?: string; list?: boolean; auditedBy?: string };
const SAMPLES: Record<string, Sample> = {
  'GET /api/persons': { list: true },
  'GET /api/persons/:personId': {},
  'PUT /api/persons/:personId/about': { body: { aboutMe: 'x', strengths: 'y' } },
  'GET /api/persons/:personId/ratings': {},
  'POST /api/persons/:personId/ratings': { body: { domain: 'housing', rating: 'red', note: 'n' } },
  'GET /api/persons/:personId/access-log': { auditedBy: 'leader' },
  'GET /fhir/Patient/:id': {},
  'GET /fhir/Patient': { list: true },
  'GET /fhir/Observation': { query: 'patient=Patient/:personId' },
  'GET /fhir/AuditEvent': { query: 'patient=Patient/:personId', auditedBy: 'leader' },
  'GET /api/break-glass': { list: true },
  'POST /api/break-glass/:id/review': { body: { note: 'gjennomgått' } },
  'GET /api/auth/me': { list: true },
  'POST /api/auth/logout': { list: true },
};
// Opening break-glass is the one sanctioned way past need to know; it has its own tests below.
const SEPARATE = new Set(['POST /api/persons/:personId/break-glass']);

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let strangerWords: string[];
const tokens = new Map<string, string>();

before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  const p = await t.db.owner
    .selectFrom('person')
    .selectAll()
    .where('id', '=', ids.stranger)
    .executeTakeFirstOrThrow();
  strangerWords = [p.id, p.national_id];
});
after(() => t.close());

async function tokenFor(username: string) {
  if (username === 'admin') return t.login('admin', totpCode(DEMO_ADMIN_TOTP, TEST_NOW));
  return t.login(username);
}

describe('need to know, generated from the route table', () => {
  it('covers every route', () => {
    const routes = t.app.routeTable.filter(
      (r) => !r.public && (r.url.startsWith('/api/') || r.url.startsWith('/fhir')),
    );
    const missing = routes.map((r) => `${r.method} ${r.url}`).filter((k) => !SAMPLES[k] && !SEPARATE.has(k));
    assert.deepEqual(missing, [], 'add a sample request for each new route');
    assert.ok(routes.length >= 12);
  });

  for (const account of DEMO_ACCOUNTS) {
    it(`keeps ${account.username} (${account.role}) away from a person outside their reach`, async () => {
      // Logout would end the session the loop uses; it touches no person, and is covered in auth tests.
      const routes = t.app.routeTable.filter(
        (r) => !r.public && SAMPLES[`${r.method} ${r.url}`] && !r.url.endsWith('/logout'),
      );
      for (const route of routes) {
        let token = tokens.get(account.username);
        if (!token) {
          token = await tokenFor(account.username);
          tokens.set(account.username, token);
        }
        const sample = SAMPLES[`${route.method} ${route.url}`]!;
        const url =
          route.url.replace(':personId', ids.stranger).replace(':id', ids.stranger) +
          (sample.query ? `?${sample.query.replace(':personId', ids.stranger)}` : '');
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: { authorization: `Bearer ${token}` },
          ...(sample.body ? { payload: sample.body } : {}),
        });
        const where = `${account.username} ${route.method} ${route.url} → ${res.statusCode}`;
        if (sample.list || sample.auditedBy === account.role)
          assert.ok(res.statusCode === 200 || res.statusCode === 403, where);
        else assert.ok(res.statusCode === 403 || res.statusCode === 404, where);
        // An access log names the id the caller asked about; nothing else of the person may appear.
        const words = sample.auditedBy === account.role ? strangerWords.slice(1) : strangerWords;
        for (const word of words) assert.ok(!res.body.includes(word), `${where} leaked the person`);
      }
    });
  }

  it('writes nothing for the refused requests', async () => {
    const ratings = await t.db.owner
      .selectFrom('living_condition_rating')
      .select('id')
      .where('person_id', '=', ids.stranger)
      .where('note', '=', 'n')
      .execute();
    assert.equal(ratings.length, 0);
    const about = await t.db.owner
      .selectFrom('person')
      .select('about_me')
      .where('id', '=', ids.stranger)
      .executeTakeFirstOrThrow();
    assert.notEqual(about.about_me, 'x');
  });

  it('still lets the care team in (the test above is not trivially true)', async () => {
    const token = await t.login('behandler');
    const res = await t.app.inject({
      url: `/api/persons/${ids.pasient}`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.statusCode, 200);
    const kommune = await t.login('kommune');
    const viaConsent = await t.app.inject({
      url: `/api/persons/${ids.pasient}`,
      headers: { authorization: `Bearer ${kommune}` },
    });
    assert.equal(viaConsent.statusCode, 200);
    assert.equal(viaConsent.json().access.viaConsent, true);
  });
});

describe('break-glass', () => {
  it('opens time-limited access with a reason, flagged to the unit leader and in the access log', async () => {
    const token = await t.login('behandler');
    const headers = { authorization: `Bearer ${token}` };
    const short = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${ids.stranger}/break-glass`,
      headers,
      payload: { reason: 'akutt' },
    });
    assert.equal(short.statusCode, 400);
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${ids.stranger}/break-glass`,
      headers,
      payload: { reason: 'Innlagt akutt på kveldstid, trenger oversikt' },
    });
    assert.equal(opened.statusCode, 201);
    for (const word of strangerWords.slice(1)) assert.ok(!opened.body.includes(word));
    const read = await t.app.inject({ url: `/api/persons/${ids.stranger}`, headers });
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().access.basis, 'break-glass');

    const leader = { authorization: `Bearer ${await t.login('leder')}` };
    const flagged = await t.app.inject({ url: '/api/break-glass', headers: leader });
    const event = flagged.json().events.find((e: { person: { id: string } }) => e.person.id === ids.stranger);
    assert.equal(event.reason, 'Innlagt akutt på kveldstid, trenger oversikt');
    assert.equal(event.staffName, 'Bjørn Behandler');
    const reviewed = await t.app.inject({
      method: 'POST',
      url: `/api/break-glass/${event.id}/review`,
      headers: leader,
      payload: { note: 'Begrunnet' },
    });
    assert.equal(reviewed.statusCode, 200);

    const audit = await t.db.owner
      .selectFrom('audit_event')
      .select(['action', 'break_glass_reason'])
      .where('person_id', '=', ids.stranger)
      .where('resource_type', '=', 'PersonOverview')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.break_glass_reason, 'Innlagt akutt på kveldstid, trenger oversikt');
  });

  it('is refused across organisations and to peers and patients', async () => {
    for (const username of ['kommune', 'likeperson', 'pasient']) {
      const token = await t.login(username);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/persons/${ids.stranger}/break-glass`,
        headers: { authorization: `Bearer ${token}` },
        payload: { reason: 'Jeg vil bare se litt i journalen' },
      });
      assert.ok(res.statusCode === 403 || res.statusCode === 404, `${username}: ${res.statusCode}`);
    }
  });
});
