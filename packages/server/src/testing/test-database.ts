import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../db/database.ts';
import { startEmbedded } from '../db/embedded.ts';

/**
 * What a test database starts with, beyond the migrated schema: `fill` (e.g. the demo) runs on it, once
 * opened. Test files asking for the same `key` must be content with the same data.
 */
export interface TestDatabaseContent {
  key: string;
  fill(db: Database): Promise<void>;
}

/**
 * With BEDRING_TEST_TEMPLATES=1 (scripts/test.ts, on the clusters it starts and throws away), a content
 * is made once per cluster, in a template database, and each test file gets a copy of it
 * (CREATE DATABASE … TEMPLATE): loading the demo took seconds of each file's time, a copy takes a
 * fraction of one. Without it (a test file run alone, or a cluster of your own that outlives the code
 * that filled its templates) each file fills a fresh database itself.
 */
const templatesOn = () => process.env.BEDRING_TEST_TEMPLATES === '1';

/**
 * A fresh database for one test file, in the cluster named by BEDRING_TEST_OWNER_URL (started once by
 * scripts/test.ts: the embedded server, then Debian's PostgreSQL 15): empty, or a copy of the template
 * database `template` names. Run alone, a test file starts an embedded cluster of its own.
 */
export async function testDatabaseUrl(
  template?: TestDatabaseContent,
): Promise<{ url: string; filled: boolean; drop(): Promise<void> }> {
  let ownerUrl = process.env.BEDRING_TEST_OWNER_URL;
  let stopCluster: (() => Promise<void>) | null = null;
  if (!ownerUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bedring-test-'));
    const cluster = await startEmbedded(dir, () => {});
    ownerUrl = cluster.ownerUrl;
    stopCluster = async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const owner = ownerUrl;
  const from = template && !stopCluster && templatesOn() ? await templateDatabase(owner, template) : null;
  const name = `bedring_test_${randomBytes(6).toString('hex')}`;
  await admin(owner, (c) => c.query(`create database ${name}${from ? ` template ${from}` : ''}`));
  return {
    url: databaseUrl(owner, name),
    filled: from !== null,
    async drop() {
      await admin(owner, (c) => c.query(`drop database if exists ${name} with (force)`));
      await stopCluster?.();
    },
  };
}

/** A fresh database, migrated and opened as Bedring opens it, with `content` in it when given. */
export async function testDatabase(content?: TestDatabaseContent): Promise<Database> {
  const { url, filled, drop } = await testDatabaseUrl(content);
  const db = await open(url);
  try {
    if (content && !filled) await content.fill(db);
  } catch (err) {
    await db.close();
    await drop();
    throw err;
  }
  return {
    ...db,
    async close() {
      await db.close();
      await drop();
    },
  };
}

const open = (url: string) => openDatabase({ databaseUrl: url, dataDir: '' }, () => {}, 8);

function databaseUrl(ownerUrl: string, name: string): string {
  const url = new URL(ownerUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(ownerUrl: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/**
 * The template database for `content`, made by the first test file that asks for it. Files in other
 * processes asking at the same time wait on an advisory lock, then find it made. It is made under
 * another name and renamed when complete, so a file that failed while making it leaves nothing that
 * looks ready.
 */
async function templateDatabase(ownerUrl: string, content: TestDatabaseContent): Promise<string> {
  const name = `bedring_template_${createHash('sha256').update(content.key).digest('hex').slice(0, 16)}`;
  return admin(ownerUrl, async (c) => {
    await c.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      const made = await c.query('select 1 from pg_database where datname = $1', [name]);
      if (made.rowCount) return name;
      const making = `${name}_making`;
      await c.query(`drop database if exists ${making} with (force)`);
      await c.query(`create database ${making}`);
      const db = await open(databaseUrl(ownerUrl, making));
      try {
        await content.fill(db);
      } finally {
        await db.close();
      }
      // A backend may outlive its closed connection for a moment; a database in use cannot be renamed,
      // nor copied.
      await c.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [making]);
      await c.query(`alter database ${making} rename to ${name}`);
      return name;
    } finally {
      await c.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}
