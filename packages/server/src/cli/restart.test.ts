import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { DEMO_PASSWORD } from '../demo/demo.ts';

/**
 * `bedring start` as an operator runs it: on the embedded database in a data folder, stopped
 * cleanly, killed hard, and started again on the same folder.
 */
const CLI = path.resolve(import.meta.dirname, 'bedring.ts');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bedring-restart-'));
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});
interface Json {
  token: string;
  database: { embedded: boolean };
  persons: { id: string }[];
  ratings: { note: string }[];
}

async function start(
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'start'], {
    env: { ...process.env, BEDRING_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
    child.stdout!.on('data', () => {
      const m = /Bedring is running at (\S+)[\s\S]*Stop with Ctrl\+C/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace(/\/$/, ''));
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

const stopped = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

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
    const gone = stopped(first.child);
    first.child.kill('SIGKILL');
    await gone;

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
      const done = stopped(second.child);
      second.child.kill('SIGTERM');
      await done;
      // PostgreSQL finishes its fast shutdown on its own; give it a moment.
      const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
      for (let i = 0; i < 100 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(existsSync(pidFile), false, 'the database was stopped');
    }
  });
});
