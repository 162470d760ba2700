import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { demoIds } from '../testing/demo-ids.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

/**
 * The auth hook begins each request's transaction with the session lookup (held-transaction.ts). Every
 * way a request can end must give that connection back, rolled back unless the work committed it: the
 * app's pool has 8 connections here, so each case runs more requests than that.
 */
let t: TestApp;
let token: string;
before(async () => {
  t = await testApp();
  token = await t.login('behandler');
});
after(() => t.close());

const ROUNDS = 12;

/** The app's connections left inside a transaction, once the responses are over (polled briefly). */
async function leftInTransaction(): Promise<number> {
  let n = 0;
  for (let i = 0; i < 50; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and usename = 'bedring_app' and state like 'idle in transaction%'`.execute(
      t.db.owner,
    );
    n = rows[0]?.n ?? 0;
    if (n === 0) return 0;
    await new Promise((r) => setTimeout(r, 100));
  }
  return n;
}

/** Requests that end after the hook, each a different way, none of them committing work. */
const ENDINGS = [
  { what: 'invalid parameters (400)', url: '/api/persons/not-a-uuid', status: 400 },
  { what: 'unknown query parameter (400)', url: '/api/auth/me?x=1', status: 400 },
  {
    what: 'no such person (404, in the work)',
    url: '/api/persons/00000000-0000-4000-8000-000000000000',
    status: 404,
  },
  { what: 'no such route (404)', url: '/api/no-such-route', status: 404 },
];

describe('the transaction begun with the session', () => {
  it('is given back however the request ends (app.inject)', { timeout: 30_000 }, async () => {
    for (let i = 0; i < ROUNDS; i++)
      for (const e of ENDINGS) {
        const res = await t.app.inject({ url: e.url, headers: { authorization: `Bearer ${token}` } });
        assert.equal(res.statusCode, e.status, e.what);
      }
    assert.equal(await leftInTransaction(), 0);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
  });

  it('is given back however the request ends (real HTTP, keep-alive)', { timeout: 30_000 }, async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    for (let i = 0; i < ROUNDS; i++)
      for (const e of ENDINGS) {
        const res = await fetch(`http://127.0.0.1:${port}${e.url}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await res.arrayBuffer();
        assert.equal(res.status, e.status, e.what);
      }
    assert.equal(await leftInTransaction(), 0);
    const me = await fetch(`http://127.0.0.1:${port}/api/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(me.status, 200);
  });

  it('commits the work that took it, and keeps nothing of work that failed', async () => {
    const { pasient, stranger } = await demoIds(t.db);
    const ratings = async (personId: string) =>
      (
        await t.db.owner
          .selectFrom('living_condition_rating')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('person_id', '=', personId)
          .executeTakeFirstOrThrow()
      ).n;
    const rate = (personId: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/persons/${personId}/ratings`,
        headers: { authorization: `Bearer ${token}` },
        payload: { domain: 'housing', rating: 'yellow', note: 'held' },
      });
    const [mine, theirs] = [await ratings(pasient), await ratings(stranger)];
    assert.equal((await rate(pasient)).statusCode, 201);
    assert.equal((await rate(stranger)).statusCode, 403);
    assert.equal(await leftInTransaction(), 0);
    assert.equal(await ratings(pasient), mine + 1);
    assert.equal(await ratings(stranger), theirs);
  });
});
