import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { claimDataFolder, type FolderOwner } from './data-folder-lock.ts';
import {
  initCluster,
  type PostmasterOptions,
  startPostmaster,
  stopOrphan,
  stopPostmaster,
} from './postmaster.ts';

/**
 * The embedded PostgreSQL under BEDRING_DATA_DIR. It listens on loopback only, on a free port chosen at
 * each start, with no Unix socket, so a dev server, tests and benchmarks can run side by side.
 *
 * One Bedring process owns a data folder at a time (data-folder-lock.ts). A second server on the same
 * folder is refused; an operator's command run while a server owns the folder uses the server's
 * database and leaves it running (`attached`).
 */
export interface EmbeddedDatabase {
  ownerUrl: string;
  isNew: boolean;
  attached: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** `serve` owns the folder and restarts a database that stops under it; `command` may use a server's. */
  purpose?: FolderOwner['purpose'];
  /** Called when a database that stopped under a server cannot be started again. */
  onLost?: (err: Error) => void;
}

interface Stored {
  ownerPassword: string;
}

const OWNER = 'bedring_owner';

export class FolderInUseError extends Error {}

export async function startEmbedded(
  dataDir: string,
  log: (msg: string) => void,
  opts: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  const purpose = opts.purpose ?? 'serve';
  // Traversable but not listable: when run as root, PostgreSQL runs as the `postgres` user and must
  // reach its cluster folder inside; owner.json stays readable by the owner only.
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o711);
  const claim = claimDataFolder(dataDir, purpose);
  if (!claim.owned) return attach(dataDir, claim.owner, purpose);

  const clusterDir = path.join(dataDir, 'pg');
  const secretFile = path.join(dataDir, 'owner.json');
  try {
    const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
    const stored: Stored = isNew
      ? { ownerPassword: randomBytes(24).toString('base64url') }
      : (JSON.parse(readFileSync(secretFile, 'utf8')) as Stored);
    if (isNew) {
      writeFileSync(secretFile, JSON.stringify(stored), { mode: 0o600 });
      initCluster(clusterDir, OWNER, stored.ownerPassword);
    } else {
      await stopOrphan(clusterDir, log);
    }
    const port = await freePort();
    let child = await startPatiently({ clusterDir, port, log });
    claim.setPort(port);
    const url = (db: string) =>
      `postgres://${OWNER}:${encodeURIComponent(stored.ownerPassword)}@127.0.0.1:${port}/${db}`;
    if (isNew) await createDatabase(url('postgres'), 'bedring');

    let stopping = false;
    // A database that stops under a running server (killed, out of memory) is started again on the
    // same port, so the server's connection pools reconnect by themselves.
    const watch = (c: ChildProcess) =>
      c.once('exit', async (code, signal) => {
        if (stopping || purpose !== 'serve') return;
        log(
          `The embedded database stopped (${signal ?? `exit ${code}`}); starting it again. Its log: ${clusterDir}/log`,
        );
        try {
          child = await startPatiently({ clusterDir, port, log }, () => stopping);
          watch(child);
          log('The embedded database is running again.');
        } catch (err) {
          if (!stopping) opts.onLost?.(err as Error);
        }
      });
    watch(child);
    // A process that ends without stopping its database (an uncaught error, a test file that failed
    // before its cleanup) takes the database with it; only kill -9 leaves an orphan for the next start.
    const orphaned = () => {
      if (!stopping) child.kill('SIGINT');
    };
    process.once('exit', orphaned);
    return {
      ownerUrl: url('bedring'),
      isNew,
      attached: false,
      async stop() {
        stopping = true;
        process.off('exit', orphaned);
        await stopPostmaster(child);
        claim.release();
      },
    };
  } catch (err) {
    claim.release();
    throw err;
  }
}

/**
 * After a crash, the killed server's backends may hold its shared memory for a moment, and PostgreSQL
 * refuses to start until they are gone: try again for up to 30 s.
 */
async function startPatiently(o: PostmasterOptions, cancelled = () => false): Promise<ChildProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPostmaster(o);
    } catch (err) {
      if (attempt >= 30 || cancelled()) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** Another Bedring process owns the folder: a command uses its server's database; a server is refused. */
function attach(dataDir: string, owner: FolderOwner, purpose: FolderOwner['purpose']): EmbeddedDatabase {
  if (purpose === 'serve' || owner.purpose !== 'serve' || owner.port === null) {
    const what = owner.purpose === 'serve' ? 'a Bedring server' : 'another bedring command';
    throw new FolderInUseError(
      `${what} (process ${owner.pid}) is using the data folder ${dataDir}.` +
        (purpose === 'serve'
          ? ' Stop it first, or start this one with another BEDRING_DATA_DIR.'
          : ' Try again when it has finished.'),
    );
  }
  const stored = JSON.parse(readFileSync(path.join(dataDir, 'owner.json'), 'utf8')) as Stored;
  return {
    ownerUrl: `postgres://${OWNER}:${encodeURIComponent(stored.ownerPassword)}@127.0.0.1:${owner.port}/bedring`,
    isNew: false,
    attached: true,
    // The database belongs to the running server: it keeps running.
    async stop() {},
  };
}

async function createDatabase(url: string, name: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
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
