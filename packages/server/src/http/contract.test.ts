import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestApp, testApp } from '../testing/test-app.ts';

/**
 * Every /api route speaks the contract (packages/contract, docs/architecture.md): it declares the answer
 * it gives on success, which tests check each answer against (response-check.ts), and every route
 * behind a login declares who may call it (access/declared-access.ts). Read from the route table, so a
 * new route cannot slip past.
 */

/** Answers that are files, not JSON: their errors still come in the documented shape. */
const FILES = new Set(['GET /api/persons/:personId/export.pdf']);

let t: TestApp;
before(async () => {
  t = await testApp({ persons: 5, demoPlans: false, demoCheckins: false });
});
after(() => t.close());

const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
const name = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe('the contract, from the route table', () => {
  it('gives every /api route a response schema', () => {
    const missing = apiRoutes()
      .filter((r) => !r.declaresResponse && !FILES.has(name(r)))
      .map(name);
    assert.deepEqual(missing, [], 'declare the response schema of these routes in packages/contract');
  });

  it('has every route behind a login declare who may call it', () => {
    const routes = t.app.routeTable.filter((r) => !r.public);
    const missing = routes.filter((r) => !r.access).map(name);
    assert.deepEqual(missing, [], 'declare config.access on these routes');
  });
});
