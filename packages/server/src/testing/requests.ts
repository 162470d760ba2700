import assert from 'node:assert/strict';
import { totpCode } from '../auth/totp.ts';
import { DEMO_ADMIN_TOTP } from '../demo/demo-accounts.ts';
import { TEST_NOW, type TestApp } from './test-app.ts';

/**
 * What every API test needs whatever its concept: logging in as a demo account, sending a request with
 * that login (app.inject), asserting its status and finding an account's id. Here, not in a concept's
 * fixtures, because concepts do not import each other (docs/architecture.md).
 */

export type Headers = { authorization: string };

/**
 * A one-time code lets the administrator in once (auth.routes.ts), and the tests' clock stands still at
 * TEST_NOW: the administrator logs in once per app and later calls reuse that session.
 */
const adminTokens = new WeakMap<TestApp, Promise<string>>();

export async function login(t: TestApp, username: string): Promise<Headers> {
  let token: Promise<string>;
  if (username === 'admin') {
    token = adminTokens.get(t) ?? t.login('admin', totpCode(DEMO_ADMIN_TOTP, TEST_NOW));
    adminTokens.set(t, token);
  } else token = t.login(username);
  return { authorization: `Bearer ${await token}` };
}

export async function accountId(t: TestApp, username: string): Promise<string> {
  return (
    await t.db.owner
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;
}

export function send(
  t: TestApp,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Headers,
  payload?: object,
) {
  return t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

/** Asserts the status and returns the parsed body. */
export async function expectStatus<T = Record<string, unknown>>(
  res: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status: number,
): Promise<T> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.json() as T;
}
