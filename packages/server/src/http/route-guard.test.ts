import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_PASSWORD } from '../demo/demo.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';
import { buildApp } from './app.ts';

/**
 * Authentication, the CSRF check and no-store are decided by the route the router matched, not by the
 * text of the URL (auth.plugin.ts). The router decodes the path, so every private route is tried here
 * with its path spelled other ways: no session must never reach a handler, and a cookie without the
 * CSRF header must never reach an unsafe one. Generated from the route table, so a new route is covered.
 */

const ID = '0f6b1c6e-7d0a-4c39-9a52-1a0000000bad';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let t: TestApp;
let cookie: string;
before(async () => {
  t = await testApp({ persons: 10, demoPlans: false, demoCheckins: false });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'behandler', password: DEMO_PASSWORD },
  });
  assert.equal(res.statusCode, 200);
  cookie = `bedring_session=${res.cookies.find((c) => c.name === 'bedring_session')!.value}`;
});
after(() => t.close());

/** The route's path with every parameter filled in. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, ID).replace(/\*$/, 'x');
}

const hex = (ch: string, upper = false) => {
  const h = ch.charCodeAt(0).toString(16);
  return `%${upper ? h.toUpperCase() : h}`;
};

/** The same path spelled other ways: percent-encoded letters, doubled slashes, an encoded slash. */
function variants(p: string): string[] {
  const segments = p.split('/').slice(1);
  const encodeAt = (i: number, at: 'first' | 'last', upper = false) =>
    `/${segments
      .map((s, j) => {
        if (j !== i || s === ID || s.length === 0) return s;
        return at === 'first' ? hex(s[0]!, upper) + s.slice(1) : s.slice(0, -1) + hex(s.at(-1)!, upper);
      })
      .join('/')}`;
  const everyLetter = `/${segments.map((s) => (s === ID ? s : [...s].map((c) => hex(c)).join(''))).join('/')}`;
  const out = [
    encodeAt(0, 'first'), // /%61pi/…, /%66hir/…
    encodeAt(0, 'last', true),
    encodeAt(segments.length > 1 ? 1 : 0, 'first'),
    encodeAt(segments.length - 1, 'last', true),
    everyLetter,
    `/${p}`, // //api/…
    p.replace(/^(\/[^/]+)\//, '$1//'), // /api//persons/…
    p.replace(/^(\/[^/]+)\//, '$1%2f'), // /api%2fpersons/…
  ];
  return [...new Set(out)].filter((v) => v !== p);
}

function privateRoutes() {
  return t.app.routeTable.filter((r) => !r.public);
}

describe('routes are guarded by the matched route, whatever the spelling of the URL', () => {
  it('has private routes to try, and the plain paths answer 401 without a session', async () => {
    const routes = privateRoutes();
    assert.ok(routes.length >= 50, `only ${routes.length} private routes`);
    for (const r of routes) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        ...(UNSAFE.has(r.method) ? { payload: {} } : {}),
      });
      assert.equal(res.statusCode, 401, `${r.method} ${r.url}`);
      assert.equal(res.headers['cache-control'], 'no-store', `${r.method} ${r.url}`);
    }
  });

  it('answers 401 or 404 without a session, never reaching a handler', async () => {
    const seen: string[] = [];
    for (const r of privateRoutes()) {
      // Fastify answers HEAD with the GET route's handler: it is tried too.
      for (const method of r.method === 'GET' ? ['GET', 'HEAD'] : [r.method]) {
        for (const url of variants(concrete(r.url))) {
          const res = await t.app.inject({
            method: method as 'GET',
            url,
            ...(UNSAFE.has(method) ? { payload: {} } : {}),
          });
          if (res.statusCode !== 401 && res.statusCode !== 404)
            seen.push(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 80)}`);
          if (res.headers['cache-control'] !== 'no-store') seen.push(`${method} ${url}: no no-store`);
          // However it is spelled, a FHIR client gets FHIR's error shape.
          if (
            r.url.startsWith('/fhir') &&
            method !== 'HEAD' &&
            res.json().resourceType !== 'OperationOutcome'
          )
            seen.push(`${method} ${url}: not an OperationOutcome`);
        }
      }
    }
    assert.deepEqual(seen, []);
  });

  it('answers 403 (CSRF) or 404 to a cookie without the CSRF header on unsafe methods', async () => {
    const seen: string[] = [];
    const unsafe = privateRoutes().filter((r) => UNSAFE.has(r.method));
    assert.ok(unsafe.length >= 20);
    for (const r of unsafe) {
      const plain = concrete(r.url);
      for (const url of [plain, ...variants(plain)]) {
        const res = await t.app.inject({ method: r.method as 'POST', url, payload: {}, headers: { cookie } });
        const csrf = res.statusCode === 403 && res.body.includes('CSRF');
        if (!csrf && !(res.statusCode === 404 && url !== plain))
          seen.push(`${r.method} ${url} → ${res.statusCode} ${res.body.slice(0, 80)}`);
        if (res.headers['cache-control'] !== 'no-store') seen.push(`${r.method} ${url}: no no-store`);
      }
    }
    assert.deepEqual(seen, []);
  });
});

describe('with the web app served', () => {
  it('serves its files without a session and with their own caching, and still guards the API', async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'bedring-web-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Bedring</title>');
    writeFileSync(path.join(dist, 'app.js'), 'console.log(1)');
    const web = await buildApp({ db: t.db, clock: () => TEST_NOW, webDist: dist, logLevel: 'silent' });
    try {
      await web.ready();
      for (const url of ['/app.js', '/', '/personer/123']) {
        const res = await web.inject({ url });
        assert.equal(res.statusCode, 200, url);
        assert.notEqual(res.headers['cache-control'], 'no-store', url);
      }
      for (const url of [`/%61pi/persons/${ID}`, `/api/persons/${ID}`, `/%66hir/Patient/${ID}`]) {
        const res = await web.inject({ url });
        assert.equal(res.statusCode, 401, url);
        assert.equal(res.headers['cache-control'], 'no-store', url);
      }
      for (const url of ['/api/no-such-thing', '/%61pi/no-such-thing', '//api/x', '/FHIR/x', '/fhir']) {
        const unknown = await web.inject({ url });
        assert.equal(unknown.statusCode, 404, url);
        assert.equal(unknown.headers['cache-control'], 'no-store', url);
      }
    } finally {
      await web.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
