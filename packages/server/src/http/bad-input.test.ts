import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { demoIds } from '../testing/demo-ids.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { BODY_LIMIT } from './app.ts';

/**
 * Generated junk at every route in the route table: never a 500, always the documented error shape,
 * and nothing written.
 */
let t: TestApp;
let token: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  token = await t.login('behandler');
});
after(() => t.close());

async function footprint() {
  const count = async (
    table: 'living_condition_rating' | 'break_glass' | 'consent' | 'care_relation' | 'person',
  ) =>
    (
      await t.db.owner
        .selectFrom(table)
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const about = await t.db.owner
    .selectFrom('person')
    .select(['about_me', 'strengths'])
    .where('id', '=', ids.pasient)
    .executeTakeFirstOrThrow();
  return [
    await count('living_condition_rating'),
    await count('break_glass'),
    await count('consent'),
    await count('care_relation'),
    await count('person'),
    about.about_me,
    about.strengths,
  ];
}

function isErrorShape(url: string, body: unknown): boolean {
  if (url.startsWith('/fhir')) return (body as { resourceType?: string }).resourceType === 'OperationOutcome';
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
  return typeof e?.code === 'string' && typeof e.message === 'string' && Array.isArray(e.details);
}

const junkValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);
// Objects that look almost right: known keys with wrong types, plus unknown keys.
const junkBody = fc.oneof(
  junkValue,
  fc.record(
    {
      domain: junkValue,
      rating: junkValue,
      note: junkValue,
      aboutMe: junkValue,
      strengths: junkValue,
      reason: junkValue,
      username: junkValue,
      password: junkValue,
      extra: junkValue,
    },
    { requiredKeys: [] },
  ),
);
const junkId = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.uuid().map((u) => `${u}x`),
  fc.constantFrom('..%2f..', '%00', "1' or '1'='1", '00000000-0000-0000-0000-00000000000'),
);
const junkQuery = fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 50 }), {
  minKeys: 1,
  maxKeys: 3,
});

describe('bad input, at every route', () => {
  it('never answers junk with a 500, always with a 4xx in the error shape, and writes nothing', async () => {
    const before = await footprint();
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') || r.url.startsWith('/fhir'));
    assert.ok(routes.length >= 14);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(junkId, junkBody, junkQuery, fc.boolean(), async (id, body, query, validId) => {
          const path = route.url.replace(/:(personId|id)/, validId ? ids.pasient : encodeURIComponent(id));
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          const res = await t.app.inject({
            method: route.method as 'POST',
            url: `${path}?${qs}`,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            ...(route.method === 'GET' ? {} : { payload: JSON.stringify(body) }),
          });
          const where = `${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 200)}`;
          assert.ok(res.statusCode >= 400 && res.statusCode < 500, where);
          assert.ok(isErrorShape(route.url, res.json()), where);
        }),
        { numRuns: 25, seed: 20261122 },
      );
    }
    assert.deepEqual(await footprint(), before);
  });

  it('answers malformed JSON, a wrong content type and an oversized body with a 4xx', async () => {
    const url = `/api/persons/${ids.pasient}/ratings`;
    const headers = { authorization: `Bearer ${token}` };
    const malformed = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"domain": "housing",',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.code, 'malformed_json');
    const wrongType = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    assert.equal(wrongType.statusCode, 415);
    const huge = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ domain: 'housing', rating: 'red', note: 'x'.repeat(BODY_LIMIT) }),
    });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().error.code, 'body_too_large');
    const control = await t.app.inject({
      method: 'POST',
      url,
      headers,
      payload: { domain: 'housing', rating: 'red', note: 'a\u0000b' },
    });
    assert.equal(control.statusCode, 400);
  });
});
