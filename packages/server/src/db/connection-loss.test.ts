import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

/**
 * A connection that PostgreSQL ends under a request (a restart of an external database, an operator's
 * pg_terminate_backend) fails that request with 503 and nothing else: the process keeps running, and
 * the next request gets a fresh connection.
 */
describe('a connection lost under a request', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ persons: 10 });
  });
  after(() => t.close());

  const terminateAppConnections = () =>
    sql`select pg_terminate_backend(pid) from pg_stat_activity
        where usename = 'bedring_app' and datname = current_database()`.execute(t.db.owner);

  it('fails the work in flight as "database unavailable" and does not end the process', async () => {
    const failure = await t.db.app
      .connection()
      .execute(async (conn) => {
        await sql`select 1`.execute(conn);
        await terminateAppConnections();
        // The client now gets PostgreSQL's 57P01 as an `error` event as well; without a listener the
        // test process would end here.
        await new Promise((r) => setTimeout(r, 200));
        await sql`select 1`.execute(conn);
      })
      .then(
        () => null,
        (err: unknown) => err,
      );
    assert.ok(failure, 'the statement on the lost connection failed');
    assert.ok(isDatabaseUnavailable(failure), String(failure));
  });

  it('answers the next requests from new connections', async () => {
    const token = await t.login('behandler');
    await terminateAppConnections();
    await new Promise((r) => setTimeout(r, 200));
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ url: '/api/persons', headers: { authorization: `Bearer ${token}` } });
      statuses.push(res.statusCode);
      if (res.statusCode !== 200) assert.equal(res.json().error.code, 'database_unavailable');
    }
    assert.equal(statuses.at(-1), 200, `statuses: ${statuses}`);
  });

  it('maps PostgreSQL and socket failures to unavailable, and nothing else', () => {
    for (const e of [
      { code: '57P01' },
      { code: '08006' },
      { code: 'ECONNREFUSED' },
      { code: '57014' },
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
    ])
      assert.equal(isDatabaseUnavailable(e), true, JSON.stringify(e) + String(e));
    for (const e of [{ code: '23505' }, { code: '22P02' }, new Error('boom'), null, 'text'])
      assert.equal(isDatabaseUnavailable(e), false, String(e));
  });
});
