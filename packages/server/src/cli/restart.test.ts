import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { DEMO_PASSWORD } from '../demo/demo.ts';
import { type SpawnedServer, startServer } from '../testing/spawned-server.ts';

/**
 * `bedring start` as an operator runs it: on the embedded database in a data folder, stopped
 * cleanly, killed hard, and started again on the same folder.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bedring-restart-'));
const children: SpawnedServer[] = [];
after(() => {
  for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});
interface Json {
  token: string;
  database: { embedded: boolean };
  persons: { id: string }[];
  ratings: { note: string }[];
}

async function start(env: Record<string, string> = {}): Promise<SpawnedServer> {
  const s = await startServer(dataDir, env);
  children.push(s);
  return s;
}

async function login(url: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'behandler', password: DEMO_PASSWORD }),
  });
  return {
    authorization: `Bearer ${((await res.json()) as Json).token}`,
    'content-type': 'application/json',
  };
}

describe('bedring start', () => {
  it('starts on a new folder with the demo, prints the URL and logins, and keeps an acknowledged write through a crash', async () => {
    const first = await start();
    assert.match(first.output(), /embedded, data in/);
    assert.match(first.output(), /behandler\s+TSB clinician/);
    const health = (await (await fetch(`${first.url}/api/health`)).json()) as Json;
    assert.deepEqual(health.database.embedded, true);
    const headers = await login(first.url);
    const persons = ((await (await fetch(`${first.url}/api/persons?q=pasient`, { headers })).json()) as Json)
      .persons;
    const write = await fetch(`${first.url}/api/persons/${persons[0]!.id}/ratings`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ domain: 'network', rating: 'red', note: 'skrevet før krasjet' }),
    });
    assert.equal(write.status, 201);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await start({ BEDRING_DEMO: '0' });
    try {
      assert.match(second.output(), /behandler\s+TSB clinician/, 'the demo logins are shown again');
      const h = await login(second.url);
      const res = await fetch(`${second.url}/api/persons/${persons[0]!.id}/ratings?domain=network`, {
        headers: h,
      });
      const { ratings } = (await res.json()) as Json;
      assert.equal(ratings[0]!.note, 'skrevet før krasjet');
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0);
      assert.equal(existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), false, 'the database was stopped');
    }
  });
});
