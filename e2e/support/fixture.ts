import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { type E2eServer, startServer } from './server.ts';

export interface E2eEnvironment {
  server: E2eServer;
  browser: Browser;
}

/** One server (fresh database, demo, built web app) and one Chromium per spec file, closed after it. */
export function e2eEnvironment(): E2eEnvironment {
  const env = {} as E2eEnvironment;
  before(
    async () => {
      [env.server, env.browser] = await Promise.all([startServer(), launchBrowser()]);
    },
    { timeout: 60_000 },
  );
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
