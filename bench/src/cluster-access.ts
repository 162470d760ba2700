import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** How to reach the server's embedded PostgreSQL directly (for pgbench), found in its data dir. */
export interface ClusterAccess {
  host: string;
  port: number;
  database: string;
  owner: { user: string; password: string };
  app: { user: string; password: string };
}

export async function clusterAccess(dataDir: string): Promise<ClusterAccess> {
  // postmaster.pid, line 4: the port the running cluster listens on (chosen afresh at each start).
  const pidLines = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  const port = Number(pidLines[3]);
  if (!Number.isInteger(port) || port <= 0) throw new Error('no port in postmaster.pid');
  const { ownerPassword } = JSON.parse(readFileSync(path.join(dataDir, 'owner.json'), 'utf8')) as {
    ownerPassword: string;
  };
  const access: ClusterAccess = {
    host: '127.0.0.1',
    port,
    database: 'bedring',
    owner: { user: 'bedring_owner', password: ownerPassword },
    // As the server derives it (ensureAppPassword in packages/server/src/db/database.ts).
    app: {
      user: 'bedring_app',
      password: createHmac('sha256', ownerPassword).update('bedring_app').digest('base64url'),
    },
  };
  if (!(await canConnect(access, access.app))) {
    // Older servers kept a random application password in an owner-only table.
    const stored = await asOwner(access, (c) =>
      c.query<{ value: string }>(`select value from bedring_secret where name = 'app_password'`),
    );
    const value = stored.rows[0]?.value;
    if (!value) throw new Error('cannot find the password of bedring_app');
    access.app.password = value;
  }
  return access;
}

export async function asOwner<T>(access: ClusterAccess, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...base(access), ...access.owner });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The tenant (organisation) of an account, which the login answer does not carry. */
export async function accountTenant(access: ClusterAccess, accountId: string): Promise<string> {
  const { rows } = await asOwner(access, (c) =>
    c.query<{ tenant_id: string }>('select tenant_id from account where id = $1', [accountId]),
  );
  if (!rows[0]) throw new Error(`no account ${accountId}`);
  return rows[0].tenant_id;
}

async function canConnect(access: ClusterAccess, who: { user: string; password: string }) {
  const client = new pg.Client({ ...base(access), ...who });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function base(access: ClusterAccess) {
  return { host: access.host, port: access.port, database: access.database };
}
