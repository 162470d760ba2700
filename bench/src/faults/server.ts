import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { track } from '../processes.ts';
import { BEDRING_CLI } from '../server-process.ts';

// The processes of the embedded database, as the server's own tests find them.
export { clusterPids } from '../../../packages/server/src/testing/spawned-server.ts';

/**
 * A `bedring start` of the fault suite: a child process on a data folder, its log appended to
 * server.log there, with the exit code kept (a stop must exit 0).
 */
export interface FaultServer {
  pid: number;
  exited: Promise<number | string>;
  exitCode(): number | string | null;
}

/** The origin every client of the suite talks to; it changes when a server is started again. */
export const target = { origin: '' };

export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<FaultServer> {
  const fd = openSync(path.join(dataDir, 'server.log'), 'a');
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = track(
    spawn(process.execPath, [BEDRING_CLI, 'start'], {
      env: {
        ...process.env,
        BEDRING_DATA_DIR: dataDir,
        BEDRING_DEMO: '0',
        DATABASE_URL: '',
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', fd, fd],
    }),
  );
  closeSync(fd);
  let code: number | string | null = null;
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (c, s) => {
      code = c ?? s ?? 'unknown';
      resolve(code);
    }),
  );
  target.origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && code === null) {
    if ((await health()) === 200) return { pid: child.pid!, exited, exitCode: () => code };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not come up (exit ${code}); see ${dataDir}/server.log`);
}

/** GET /api/health's status, 0 when nothing answers within the time. */
export async function health(timeoutMs = 2_000): Promise<number> {
  try {
    const res = await fetch(`${target.origin}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Milliseconds from now until health is 200 (polled every 100 ms), or null past `limitMs`. */
export async function timeToHealthy(limitMs = 120_000): Promise<number | null> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    if ((await health()) === 200) return performance.now() - t0;
    await sleep(100);
  }
  return null;
}

/** The owner's connection to the database of the server now running on the folder. */
export async function ownerClient(dataDir: string): Promise<pg.Client> {
  const { ownerPassword } = JSON.parse(readFileSync(path.join(dataDir, 'owner.json'), 'utf8'));
  const { port } = JSON.parse(readFileSync(path.join(dataDir, 'bedring.lock'), 'utf8'));
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'bedring_owner',
    password: ownerPassword,
    database: 'bedring',
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Resident memory of a process in MB. */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}
