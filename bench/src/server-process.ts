import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { track } from './processes.ts';

/** The server's CLI, run with the same Node as the benchmark. */
export const BEDRING_CLI = path.resolve(import.meta.dirname, '../../packages/server/src/cli/bedring.ts');

/** Runs a `bedring` command to completion (e.g. `demo --persons 1000`); returns its wall time in seconds. */
export async function runCli(args: string[], dataDir: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const child = track(
    spawn(process.execPath, [BEDRING_CLI, ...args], {
      env: { ...process.env, BEDRING_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const code = await exitWithin(child, timeoutMs);
  if (code === null) {
    child.kill('SIGKILL');
    await stopStrayPostgres(dataDir);
    throw new Error(`bedring ${args.join(' ')} did not finish within ${timeoutMs / 1000} s\n${output}`);
  }
  if (code !== 0) throw new Error(`bedring ${args.join(' ')} failed (exit ${code})\n${output}`);
  return (performance.now() - started) / 1000;
}

export interface RunningServer {
  pid: number;
  origin: string;
  stop(): Promise<void>;
}

/** `bedring start` with BEDRING_DEMO=0 on a free loopback port; its log goes to a file in the data dir. */
export async function startServer(dataDir: string, timeoutMs = 60_000): Promise<RunningServer> {
  const port = await freePort();
  const logFile = path.join(dataDir, 'server.log');
  const fd = openSync(logFile, 'a');
  const child = track(
    spawn(process.execPath, [BEDRING_CLI, 'start'], {
      env: {
        ...process.env,
        BEDRING_DATA_DIR: dataDir,
        BEDRING_DEMO: '0',
        DATABASE_URL: '',
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', fd, fd],
    }),
  );
  closeSync(fd);
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if ((await exitWithin(child, 30_000)) === null) child.kill('SIGKILL');
    }
    await stopStrayPostgres(dataDir);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await healthy(origin)) return { pid: child.pid!, origin, stop };
    await sleep(200);
  }
  await stop();
  throw new Error(`the server did not come up within ${timeoutMs / 1000} s\n${tail(logFile)}`);
}

/** Spawns a Node script that prints {"port":N} on its first line once it listens (the HTTP floor server). */
export async function startScript(script: string, timeoutMs = 20_000): Promise<RunningServer> {
  const child = track(spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] }));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), timeoutMs);
    let buffered = '';
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n') && line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    pid: child.pid!,
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      if ((await exitWithin(child, 10_000)) === null) child.kill('SIGKILL');
    },
  };
}

/**
 * The embedded PostgreSQL outlives a server or CLI that was killed: stop it by the pid in its own
 * postmaster.pid (only the cluster in this data dir, which the benchmark created).
 */
export async function stopStrayPostgres(dataDir: string) {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGQUIT');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function healthy(origin: string): Promise<boolean> {
  try {
    const res = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

function exitWithin(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(-1);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
