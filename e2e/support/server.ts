import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../packages/server/src/db/database.ts';
import { DEMO_ADMIN_TOTP, DEMO_PASSWORD, loadDemo } from '../../packages/server/src/demo/demo.ts';
import { buildApp } from '../../packages/server/src/http/app.ts';
import { testDatabase } from '../../packages/server/src/testing/test-database.ts';

export { DEMO_ADMIN_TOTP, DEMO_PASSWORD };

/**
 * The built web app (npm run build --workspace=@bedring/web), served by the real server at /. BEDRING_WEB_DIST
 * names another build folder, so that two people working in one checkout do not build over each other.
 */
export const WEB_DIST = process.env.BEDRING_WEB_DIST
  ? `${process.env.BEDRING_WEB_DIST.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../packages/web/dist/', import.meta.url));

export interface E2eServer {
  baseUrl: string;
  db: Database;
  close(): Promise<void>;
}

/**
 * The real server on a real port: a fresh database with the demo loaded, the built web app, and the
 * wall clock (the browser and the server must agree on "now" for sessions and break-glass expiry).
 */
export async function startServer(opts: { persons?: number } = {}): Promise<E2eServer> {
  if (!existsSync(`${WEB_DIST}index.html`)) {
    throw new Error(`No web build in ${WEB_DIST}. Run: npm run build --workspace=@bedring/web`);
  }
  const persons = opts.persons ?? 40;
  // One demo for the run, copied for each spec (test-database.ts). Its "now" is when the first spec
  // made it, minutes before the last spec starts: as on a demo server that has been running a while.
  const db = await testDatabase({
    key: `e2e demo ${persons} persons`,
    fill: (d) => loadDemo(d, { persons, now: new Date() }).then(() => {}),
  });
  try {
    const app = await buildApp({
      db,
      clock: () => new Date(),
      webDist: WEB_DIST,
      logLevel: 'silent',
      // Every spec logs in several times from 127.0.0.1.
      loginAttemptsPerMinute: 1000,
      // What the browser is sent is held to the contract as in the API tests.
      checkResponses: true,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      db,
      async close() {
        await app.close();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** The id of a demo person, read as the database owner (test setup, not part of what is tested). */
export async function personId(db: Database, givenName: string, familyName: string): Promise<string> {
  const row = await db.owner
    .selectFrom('person')
    .select('id')
    .where('given_name', '=', givenName)
    .where('family_name', '=', familyName)
    .executeTakeFirstOrThrow();
  return row.id;
}
