import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../db/database.ts';
import { startEmbedded } from '../db/embedded.ts';

/**
 * A fresh, empty database for one test file, in the cluster named by BEDRING_TEST_OWNER_URL
 * (started once by scripts/test.ts: the embedded server, then Debian's PostgreSQL 15). Run alone,
 * a test file starts an embedded cluster of its own.
 */
export async function testDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
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
  const name = `bedring_test_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: ownerUrl });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(ownerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin(`drop database if exists ${name} with (force)`);
      await stopCluster?.();
    },
  };
}

/** A fresh database, migrated and opened as Bedring opens it. */
export async function testDatabase(): Promise<Database> {
  const { url, drop } = await testDatabaseUrl();
  const db = await openDatabase({ databaseUrl: url, dataDir: '' }, () => {}, 8);
  return {
    ...db,
    async close() {
      await db.close();
      await drop();
    },
  };
}
