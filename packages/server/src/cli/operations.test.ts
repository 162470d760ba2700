import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  clusterPids,
  healthStatus,
  postmasterPid,
  runCommand,
  type SpawnedServer,
  startServer,
  waitFor,
} from '../testing/spawned-server.ts';

/**
 * What an operator does to a running server, and what happens to its database under it: commands on
 * the same data folder, a second start, the database killed or frozen, and a stop with requests in
 * flight (docs/operator-guide.md, "Running" and "When the database is down").
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bedring-operations-'));
const servers: SpawnedServer[] = [];
const env = {
  BEDRING_DEMO: '0',
  BEDRING_DB_CONNECT_TIMEOUT_MS: '1000',
  BEDRING_DB_STATEMENT_TIMEOUT_MS: '2000',
};
after(async () => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  try {
    for (const pid of clusterPids(dataDir)) process.kill(pid, 'SIGCONT');
    process.kill(postmasterPid(dataDir), 'SIGQUIT');
  } catch {}
  rmSync(dataDir, { recursive: true, force: true });
});
const serve = async () => {
  const s = await startServer(dataDir, env);
  servers.push(s);
  return s;
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a running server and its data folder', () => {
  let server: SpawnedServer;

  it('serves while an operator runs commands on the same folder, and refuses a second server', async () => {
    server = await serve();
    const postmaster = postmasterPid(dataDir);
    const list = await runCommand(['time-limit', 'list'], { BEDRING_DATA_DIR: dataDir });
    assert.equal(list.code, 0, list.out);
    assert.match(list.out, /referral-assessment/);
    const verify = await runCommand(['audit', 'verify'], { BEDRING_DATA_DIR: dataDir });
    assert.equal(verify.code, 0, verify.out);
    assert.equal(await healthStatus(server.url), 200, 'the server still reaches its database');
    assert.equal(postmasterPid(dataDir), postmaster, 'the same database process runs');
    // PostgreSQL's own log is kept in the data folder, for the operator (one file per weekday).
    const logs = readdirSync(path.join(dataDir, 'pg', 'log'));
    assert.ok(logs.length > 0 && logs.every((f) => /^postgresql-\w{3}\.log$/.test(f)), String(logs));
    const logged = logs.map((f) => readFileSync(path.join(dataDir, 'pg', 'log', f), 'utf8')).join('');
    assert.match(logged, /database system is ready to accept connections/);

    const second = await runCommand(['start'], { ...env, BEDRING_DATA_DIR: dataDir, PORT: '0' });
    assert.equal(second.code, 1);
    assert.match(second.out, /Bedring server \(process \d+\) is using the data folder/);
    assert.equal(await healthStatus(server.url), 200);
    assert.equal(postmasterPid(dataDir), postmaster);
  });

  it('answers 503 while its database is killed, never 500, and is back by itself', async () => {
    const statuses = new Set<number>();
    process.kill(postmasterPid(dataDir), 'SIGKILL');
    await waitFor('health is 200 again', 90_000, async () => {
      const status = await healthStatus(server.url);
      statuses.add(status);
      return status === 200 && statuses.has(503);
    });
    assert.equal(server.child.exitCode, null, 'the server process is still running');
    assert.ok(!statuses.has(500), `statuses seen: ${[...statuses]}`);
  });

  it('answers 503 with Retry-After while its database is frozen, and recovers when it thaws', async () => {
    const frozen = clusterPids(dataDir);
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    let res: Response;
    try {
      res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(30_000) });
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
    }
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '5');
    const body = (await res.json()) as { status: string; error: { code: string } };
    assert.equal(body.status, 'unavailable');
    assert.equal(body.error.code, 'database_unavailable');
    await waitFor('health is 200 again', 30_000, async () => (await healthStatus(server.url)) === 200);
  });

  it('on SIGTERM, finishes the request in flight, stops its database and exits 0', async () => {
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const body = JSON.stringify({ username: 'nobody-here', password: 'not-the-password' });
    let answer = '';
    socket.on('data', (d) => (answer += d));
    const ended = new Promise((r) => socket.once('close', r));
    socket.write(
      `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    const postmaster = postmasterPid(dataDir);
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    socket.write(body.slice(10));
    await ended;
    assert.match(answer, /^HTTP\/1\.1 401/, 'the request in flight was answered');
    assert.equal(await server.exited, 0);
    assert.equal(alive(postmaster), false, 'the database was stopped');
    assert.equal(existsSync(path.join(dataDir, 'bedring.lock')), false);
  });

  it('leaves alone an unrelated process whose id a stale postmaster.pid names', async () => {
    const bystander = spawn('sleep', ['120'], { stdio: 'ignore' });
    try {
      const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
      const lines = [
        String(bystander.pid),
        path.join(dataDir, 'pg'),
        '0',
        '5432',
        '',
        '127.0.0.1',
        '0 0',
        'ready',
      ];
      writeFileSync(pidFile, `${lines.join('\n')}\n`);
      server = await serve();
      assert.equal(await healthStatus(server.url), 200);
      assert.equal(alive(bystander.pid!), true, 'the unrelated process was not signalled');
      assert.match(server.output(), /leaving that process alone/);
    } finally {
      bystander.kill('SIGKILL');
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0);
    }
  });
});
