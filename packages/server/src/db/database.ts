import { createHmac, randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config, DatabaseTimeouts } from '../config.ts';
import { type EmbeddedOptions, startEmbedded } from './embedded.ts';
import { GuardedClient } from './guarded-client.ts';
import { migrate } from './migrate.ts';
import { PreparedClient } from './prepared-client.ts';
import type { DB } from './schema.ts';

// Dates as Date, bigint counters as strings; date columns (birth_date) stay plain 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface DatabaseInfo {
  engine: 'postgresql';
  version: string;
  embedded: boolean;
}

/**
 * The two ways to the database: `app` connects as bedring_app (owns nothing, row-level security
 * applies) and serves every request; `owner` runs migrations, the operator's CLI and the audit sealer.
 */
export interface Database {
  app: Kysely<DB>;
  owner: Kysely<DB>;
  info: DatabaseInfo;
  /** True when this start created the database (no migration had run before). */
  isNew: boolean;
  close(): Promise<void>;
}

/** Timeouts when none are configured (config.ts): tests and commands. */
const DEFAULT_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 30_000,
  idleInTransactionMs: 60_000,
};

/**
 * Opens the database, embedded or at DATABASE_URL. Only `bedring start` opens it to serve (`purpose`);
 * an operator's command on a folder whose server runs uses that server's database (embedded.ts).
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & { dbTimeouts?: DatabaseTimeouts },
  log: (msg: string) => void,
  poolSize = 16,
  embeddedOptions: EmbeddedOptions = { purpose: 'command' },
): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbedded(config.dataDir, log, embeddedOptions);
  const ownerUrl = config.databaseUrl ?? embedded!.ownerUrl;
  const t = config.dbTimeouts ?? DEFAULT_TIMEOUTS;
  try {
    const client = new GuardedClient({ connectionString: ownerUrl, connectionTimeoutMillis: t.connectMs });
    await client.connect();
    let isNew: boolean;
    let version: string;
    let appUrl: string;
    try {
      isNew = (await client.query(`select to_regclass('schema_migration') is null as fresh`)).rows[0]
        .fresh as boolean;
      version = (await client.query('show server_version')).rows[0].server_version as string;
      const major = Number.parseInt(version, 10);
      if (major < 15) throw new Error(`Bedring needs PostgreSQL 15 or newer; this server is ${version}`);
      await migrate(client);
      const appPassword = await ensureAppPassword(client, ownerUrl);
      appUrl = withCredentials(ownerUrl, 'bedring_app', appPassword);
    } finally {
      await client.end();
    }
    // A request waits at most connectMs for a connection and statementMs (+5 s, for a database that no
    // longer answers at all) for each statement; then it answers 503. The owner's work (migrations, the
    // demo, the audit sealer) may take longer, but never idles in a transaction.
    const appPool = new pg.Pool({
      connectionString: appUrl,
      max: poolSize,
      Client: PreparedClient,
      connectionTimeoutMillis: t.connectMs,
      statement_timeout: t.statementMs,
      query_timeout: t.statementMs + 5_000,
      idle_in_transaction_session_timeout: t.idleInTransactionMs,
    });
    const ownerPool = new pg.Pool({
      connectionString: ownerUrl,
      max: 4,
      Client: GuardedClient,
      connectionTimeoutMillis: t.connectMs,
      idle_in_transaction_session_timeout: t.idleInTransactionMs,
    });
    // A dropped connection (database restart, network) must fail the requests using it, not the server.
    for (const pool of [appPool, ownerPool])
      pool.on('error', (err) => log(`database connection lost: ${err.message}`));
    const app = new Kysely<DB>({ dialect: new PostgresDialect({ pool: appPool }) });
    const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
    return {
      app,
      owner,
      info: { engine: 'postgresql', version, embedded: embedded !== null },
      isNew: embedded ? embedded.isNew || isNew : isNew,
      async close() {
        await app.destroy();
        await owner.destroy();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

/**
 * The application role's password is derived from the owner's credentials, so every server on the
 * same database (several behind a load balancer, or several databases in one test cluster) arrives at
 * the same one without sharing a file. Without an owner password (e.g. peer authentication) a random
 * one is kept in the owner-only table bedring_secret.
 */
async function ensureAppPassword(client: pg.Client, ownerUrl: string): Promise<string> {
  const ownerPassword = decodeURIComponent(new URL(ownerUrl).password);
  let password: string;
  if (ownerPassword) {
    password = createHmac('sha256', ownerPassword).update('bedring_app').digest('base64url');
  } else {
    const { rows } = await client.query<{ value: string }>(
      `insert into bedring_secret (name, value) values ('app_password', $1)
       on conflict (name) do update set value = bedring_secret.value returning value`,
      [randomBytes(24).toString('base64url')],
    );
    password = rows[0]!.value;
  }
  // Set it only when it does not already work (a role recreated by hand gets its password back).
  // The role is cluster-wide: servers starting at once may race on it, which PostgreSQL reports as
  // "tuple concurrently updated"; the loser tries again.
  if (await canLogin(withCredentials(ownerUrl, 'bedring_app', password))) return password;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`alter role bedring_app with login password ${pgLiteral(password)}`);
      return password;
    } catch (err) {
      if (attempt >= 5 || !/concurrently updated/.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

async function canLogin(url: string): Promise<boolean> {
  const probe = new GuardedClient({ connectionString: url });
  try {
    await probe.connect();
    return true;
  } catch {
    return false;
  } finally {
    await probe.end().catch(() => {});
  }
}

function pgLiteral(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = encodeURIComponent(password);
  return u.toString();
}
