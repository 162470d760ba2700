import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { verifyPassword } from '../auth/password.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { TSB } from '../demo/demo.ts';
import { testDatabaseUrl } from '../testing/test-database.ts';

const CLI = path.resolve(import.meta.dirname, 'bedring.ts');
let url: string;
let drop: () => Promise<void>;
let db: Database;

async function bedring(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await promisify(execFile)(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATABASE_URL: url, ...env },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

before(async () => {
  ({ url, drop } = await testDatabaseUrl());
  assert.equal((await bedring(['demo', '--persons', '20'])).code, 0);
  db = await openDatabase({ databaseUrl: url, dataDir: '' }, () => {}, 2);
});
after(async () => {
  await db.close();
  await drop();
});

const account = (username: string) =>
  db.owner.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirstOrThrow();

describe('bedring command', () => {
  it('adds an account with an Argon2id password, and a TOTP secret for administrators', async () => {
    const r = await bedring(
      ['user', 'add', 'kari.n', '--role', 'clinician', '--name', 'Kari N.', '--organisation', TSB],
      {
        BEDRING_PASSWORD: 'et godt passord',
      },
    );
    assert.equal(r.code, 0, r.out);
    const a = await account('kari.n');
    assert.match(a.password_hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(a.password_hash, 'et godt passord'), true);
    assert.equal(a.totp_secret, null);
    const admin = await bedring(
      ['user', 'add', 'ola.admin', '--role', 'admin', '--name', 'Ola', '--organisation', TSB],
      {
        BEDRING_PASSWORD: 'et annet godt passord',
      },
    );
    assert.match(admin.out, /otpauth:\/\/totp\/Bedring:ola\.admin\?secret=/);
    assert.ok((await account('ola.admin')).totp_secret);
  });

  it('refuses bad input with a message and exit code', async () => {
    const short = await bedring(
      ['user', 'add', 'x.y', '--role', 'clinician', '--name', 'X', '--organisation', TSB],
      { BEDRING_PASSWORD: 'kort' },
    );
    assert.notEqual(short.code, 0);
    assert.match(short.out, /password/);
    const role = await bedring(
      ['user', 'add', 'x.z', '--role', 'boss', '--name', 'X', '--organisation', TSB],
      { BEDRING_PASSWORD: 'langt nok passord' },
    );
    assert.match(role.out, /--role must be one of/);
    const unknown = await bedring(['frobnicate']);
    assert.equal(unknown.code, 2);
  });

  it('changes a password and disables an account, ending its sessions', async () => {
    assert.equal(
      (await bedring(['user', 'passwd', 'kari.n'], { BEDRING_PASSWORD: 'et nytt passord' })).code,
      0,
    );
    assert.equal(await verifyPassword((await account('kari.n')).password_hash, 'et nytt passord'), true);
    assert.equal((await bedring(['user', 'disable', 'kari.n'])).code, 0);
    assert.ok((await account('kari.n')).disabled_at);
  });

  it('verifies the audit chain, and reports the first broken link', async () => {
    const a = await account('behandler');
    await db.owner
      .insertInto('audit_event')
      .values(
        [1, 2, 3].map((i) => ({
          tenant_id: TSB,
          at: new Date(Date.UTC(2026, 10, 22, 9, 0, i)),
          actor_account_id: a.id,
          actor_organisation_id: TSB,
          actor_role: 'clinician',
          action: 'read',
          person_id: null,
          resource_type: 'Test',
          resource_id: String(i),
        })),
      )
      .execute();
    const ok = await bedring(['audit', 'verify']);
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /3 events, chain intact/);
    await sql`update audit_event set resource_id = 'changed' where resource_id = '2'`.execute(db.owner);
    const broken = await bedring(['audit', 'verify']);
    assert.equal(broken.code, 1, broken.out);
    assert.match(broken.out, /BROKEN at chain position 2/);
  });
});
