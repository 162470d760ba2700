import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { DEMO_PASSWORD, loadDemo } from '../demo/demo.ts';
import { buildApp } from '../http/app.ts';
import type { App } from '../http/app.type.ts';
import type { Notifier } from '../notify/notifier.ts';
import { testDatabase } from './test-database.ts';

/** A fixed "now" for tests: rules never read the wall clock. */
export const TEST_NOW = new Date('2026-11-22T10:00:00Z');

export interface TestApp {
  app: App;
  db: Database;
  /** Logs in a demo account over HTTP (app.inject) and returns its bearer token. */
  login(username: string, totp?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app on a real, fresh database with the demo loaded (small), driven with app.inject. */
export async function testApp(
  opts: {
    persons?: number;
    clock?: Clock;
    loginAttemptsPerMinute?: number;
    demoPlans?: boolean;
    demoCheckins?: boolean;
    notifier?: Notifier;
  } = {},
): Promise<TestApp> {
  const clock = opts.clock ?? (() => TEST_NOW);
  const demo = {
    persons: opts.persons ?? 120,
    now: clock(),
    plans: opts.demoPlans ?? true,
    checkins: opts.demoCheckins ?? true,
  };
  // The same demo for every file that asks for it: made once per test run (test-database.ts).
  const db = await testDatabase({
    key: `demo ${JSON.stringify(demo)}`,
    fill: (d) => loadDemo(d, demo).then(() => {}),
  });
  const app = await buildApp({
    db,
    clock,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    loginAttemptsPerMinute: opts.loginAttemptsPerMinute ?? 10_000,
    checkResponses: true,
    ...(opts.notifier ? { notifier: opts.notifier } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    async login(username, totp) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: DEMO_PASSWORD, ...(totp ? { totp } : {}) },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return res.json().token as string;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
