import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readConfig, trustProxy } from '../config.ts';
import { DEMO_ADMIN_TOTP, DEMO_PASSWORD } from '../demo/demo.ts';
import { buildApp } from '../http/app.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';
import { totpCode } from './totp.ts';

let now = TEST_NOW;
let t: TestApp;
before(async () => {
  t = await testApp({ clock: () => now });
});
after(() => t.close());

const login = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload });

describe('login', () => {
  it('returns a bearer token, the user, and an HttpOnly session cookie', async () => {
    const res = await login({ username: 'behandler', password: DEMO_PASSWORD });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.match(body.token, /^[A-Za-z0-9_-]{40,}$/);
    assert.equal(body.user.role, 'clinician');
    assert.equal(body.user.displayName, 'Bjørn Behandler');
    const cookie = res.cookies.find((c) => c.name === 'bedring_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    const me = await t.app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${body.token}` },
    });
    assert.equal(me.json().user.role, 'clinician');
  });

  it('stores only a hash of the token', async () => {
    const { token } = (await login({ username: 'leder', password: DEMO_PASSWORD })).json();
    const rows = await t.db.owner.selectFrom('session').select('token_hash').execute();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)));
  });

  it('gives the same 401 for a wrong password and an unknown user', async () => {
    const wrong = await login({ username: 'behandler', password: 'not the password' });
    const unknown = await login({ username: 'nobody-here', password: 'not the password' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.deepEqual(wrong.json(), unknown.json());
  });

  it('locks the account after five failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++)
      assert.equal((await login({ username: 'miljo', password: 'wrong password' })).statusCode, 401);
    assert.equal((await login({ username: 'miljo', password: DEMO_PASSWORD })).statusCode, 401);
    now = new Date(TEST_NOW.getTime() + 16 * 60_000);
    assert.equal((await login({ username: 'miljo', password: DEMO_PASSWORD })).statusCode, 200);
    now = TEST_NOW;
  });

  it('requires the one-time code for administrators', async () => {
    const without = await login({ username: 'admin', password: DEMO_PASSWORD });
    assert.equal(without.statusCode, 401);
    assert.equal(without.json().error.code, 'totp_required');
    const wrong = await login({ username: 'admin', password: DEMO_PASSWORD, totp: '000000' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'totp_invalid');
    const right = await login({
      username: 'admin',
      password: DEMO_PASSWORD,
      totp: totpCode(DEMO_ADMIN_TOTP, now),
    });
    assert.equal(right.statusCode, 200);
    assert.equal(right.json().user.role, 'admin');
  });

  it('accepts a one-time code once: the same code, or one of an earlier step, is refused after use', async (ctx) => {
    now = new Date(TEST_NOW.getTime() + 5 * 60_000);
    ctx.after(() => {
      now = TEST_NOW;
    });
    const withCode = (at: Date) =>
      login({ username: 'admin', password: DEMO_PASSWORD, totp: totpCode(DEMO_ADMIN_TOTP, at) });
    assert.equal((await withCode(now)).statusCode, 200);
    const again = await withCode(now);
    assert.equal(again.statusCode, 401);
    assert.equal(again.json().error.code, 'totp_invalid');
    // The previous step's code is still within the allowed drift, but older than the one used.
    assert.equal((await withCode(new Date(now.getTime() - 30_000))).statusCode, 401);
    // Two logins racing with one fresh code: exactly one gets in.
    const next = new Date(now.getTime() + 30_000);
    const raced = await Promise.all([withCode(next), withCode(next)]);
    assert.deepEqual(raced.map((r) => r.statusCode).sort(), [200, 401]);
  });

  it('counts wrong one-time codes toward the lockout', async (ctx) => {
    now = new Date(TEST_NOW.getTime() + 30 * 60_000);
    ctx.after(() => {
      now = TEST_NOW;
    });
    const failures = async () =>
      (
        await t.db.owner
          .selectFrom('account')
          .select(['failed_logins', 'locked_until'])
          .where('username', '=', 'admin')
          .executeTakeFirstOrThrow()
      ).failed_logins;
    const right = () =>
      login({ username: 'admin', password: DEMO_PASSWORD, totp: totpCode(DEMO_ADMIN_TOTP, now) });
    // A login resets the count.
    assert.equal((await right()).statusCode, 200);
    now = new Date(now.getTime() + 60_000);
    for (let i = 1; i <= 4; i++) {
      const res = await login({ username: 'admin', password: DEMO_PASSWORD, totp: '000000' });
      assert.equal(res.json().error.code, 'totp_invalid');
      assert.equal(await failures(), i);
    }
    await login({ username: 'admin', password: DEMO_PASSWORD, totp: '000000' });
    const locked = await right();
    assert.equal(locked.statusCode, 401);
    assert.equal(locked.json().error.message, 'Feil brukernavn eller passord.');
    now = new Date(now.getTime() + 16 * 60_000);
    assert.equal((await right()).statusCode, 200);
    assert.equal(await failures(), 0);
  });

  it('rate-limits login attempts per address', async () => {
    const strict = await testApp({ clock: () => TEST_NOW, loginAttemptsPerMinute: 3, persons: 10 });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (
            await strict.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: 'x', password: 'y' },
            })
          ).statusCode,
        );
      }
      assert.deepEqual(codes, [401, 401, 401, 429, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe('behind the TLS proxy (TRUST_PROXY)', () => {
  const proxied = async (loginAttemptsPerMinute: number) => {
    const app = await buildApp({
      db: t.db,
      clock: () => now,
      logLevel: 'silent',
      loginAttemptsPerMinute,
      trustProxy: trustProxy('loopback'),
    });
    await app.ready();
    return app;
  };

  it('limits logins per client address from X-Forwarded-For, not for everyone behind the proxy', async () => {
    const app = await proxied(3);
    try {
      const from = (client: string, remoteAddress = '127.0.0.1') =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          headers: { 'x-forwarded-for': client },
          payload: { username: 'x', password: 'y' },
        });
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await from('203.0.113.7')).statusCode);
      assert.deepEqual(codes, [401, 401, 401, 429]);
      // Another client behind the same proxy is not locked out.
      assert.equal((await from('203.0.113.8')).statusCode, 401);
      // A client that reaches the server itself cannot pick its address by writing the header.
      const direct = [];
      for (let i = 0; i < 4; i++) direct.push((await from(`198.51.100.${i}`, '192.0.2.44')).statusCode);
      assert.deepEqual(direct, [401, 401, 401, 429]);
    } finally {
      await app.close();
    }
  });

  it('marks the session cookie Secure', async () => {
    const app = await proxied(10_000);
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        payload: { username: 'behandler', password: DEMO_PASSWORD },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.cookies.find((c) => c.name === 'bedring_session')?.secure, true);
    } finally {
      await app.close();
    }
  });

  it('without it, believes neither X-Forwarded-Proto nor X-Forwarded-For', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.10' },
      payload: { username: 'behandler', password: DEMO_PASSWORD },
    });
    assert.equal(res.statusCode, 200);
    assert.notEqual(res.cookies.find((c) => c.name === 'bedring_session')?.secure, true);
  });

  it('without it, marks the cookie Secure when the request itself came over https', async () => {
    // A TLS server in front of the app's router: the connection is encrypted, no header says so.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bedring-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const tls = https.createServer(
      { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) },
      (req, res) => t.app.routing(req, res),
    );
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    try {
      const { port } = tls.address() as AddressInfo;
      const setCookie = await new Promise<string[]>((resolve, reject) => {
        const req = https.request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/auth/login',
            method: 'POST',
            rejectUnauthorized: false,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.headers['set-cookie'] ?? []));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ username: 'behandler', password: DEMO_PASSWORD }));
      });
      const session = setCookie.find((c) => c.startsWith('bedring_session='));
      assert.ok(session, String(setCookie));
      assert.match(session, /;\s*Secure/i);
    } finally {
      tls.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads TRUST_PROXY as the proxies' addresses, and refuses what would trust any client", () => {
    assert.equal(trustProxy(undefined), false);
    assert.equal(trustProxy(''), false);
    assert.deepEqual(trustProxy('loopback'), ['loopback']);
    assert.deepEqual(trustProxy('10.0.0.5, 10.1.0.0/16,::1'), ['10.0.0.5', '10.1.0.0/16', '::1']);
    for (const bad of ['true', '1', '10.0.0.0/33', 'proxy.example', '10.0.0.5,']) {
      assert.throws(() => trustProxy(bad), /TRUST_PROXY/, bad);
    }
    assert.deepEqual(readConfig({ TRUST_PROXY: 'loopback' }).trustProxy, ['loopback']);
    assert.equal(readConfig({}).trustProxy, false);
  });
});

describe('sessions', () => {
  it('ends a staff session after 30 idle minutes', async () => {
    const token = await t.login('behandler');
    const get = () => t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    now = new Date(TEST_NOW.getTime() + 20 * 60_000);
    assert.equal((await get()).statusCode, 200);
    now = new Date(TEST_NOW.getTime() + 20 * 60_000 + 31 * 60_000);
    assert.equal((await get()).statusCode, 401);
    now = TEST_NOW;
  });

  it('ends the session at logout', async () => {
    const token = await t.login('kommune');
    const headers = { authorization: `Bearer ${token}` };
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/api/auth/me', headers })).statusCode, 401);
  });

  it('demands the CSRF token on unsafe requests that come with the cookie, not with a bearer token', async () => {
    const res = await login({ username: 'pasient', password: DEMO_PASSWORD });
    const { csrfToken, user, token } = res.json();
    const cookie = `bedring_session=${res.cookies.find((c) => c.name === 'bedring_session')!.value}`;
    const payload = { aboutMe: 'Skrevet av meg', strengths: 'Tålmodig' };
    const url = `/api/persons/${user.personId}/about`;
    const noCsrf = await t.app.inject({ method: 'PUT', url, payload, headers: { cookie } });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().error.code, 'csrf_token_invalid');
    const withCsrf = await t.app.inject({
      method: 'PUT',
      url,
      payload,
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    assert.equal(withCsrf.statusCode, 200);
    const bearer = await t.app.inject({
      method: 'PUT',
      url,
      payload,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(bearer.statusCode, 200);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    assert.equal(me.json().csrfToken, csrfToken);
  });
});

describe('security headers', () => {
  it('sends a strict CSP and no-store on API responses', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'(;|$)/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(res.json().database.engine, 'postgresql');
  });
});
