import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { verifyPassword } from '../auth/password.ts';
import { totpCode } from '../auth/totp.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { TSB } from '../demo/demo.ts';
import { buildApp } from '../http/app.ts';
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

  it('flags and unflags a duty contact; refuses an unknown account and a role that cannot be one', async () => {
    assert.equal((await account('kommune')).duty_contact, false);
    const on = await bedring(['user', 'duty-contact', 'kommune', 'on']);
    assert.equal(on.code, 0, on.out);
    assert.equal((await account('kommune')).duty_contact, true);
    const off = await bedring(['user', 'duty-contact', 'kommune', 'off']);
    assert.equal(off.code, 0, off.out);
    assert.equal((await account('kommune')).duty_contact, false);

    const unknown = await bedring(['user', 'duty-contact', 'ingen.slik', 'on']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.out, /no account named ingen\.slik/);
    for (const username of ['likeperson', 'pasient', 'admin']) {
      const refused = await bedring(['user', 'duty-contact', username, 'on']);
      assert.equal(refused.code, 2, refused.out);
      assert.match(refused.out, /a duty contact must be one of municipal, leader, clinician/);
      assert.equal((await account(username)).duty_contact, false);
    }
    const neither = await bedring(['user', 'duty-contact', 'kommune', 'yes']);
    assert.equal(neither.code, 2);
    assert.match(neither.out, /user duty-contact <username> on\|off/);
    assert.equal((await account('kommune')).duty_contact, false);
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
    // Put back as it was, the event hashes as before: the chain is whole again (the next test needs it).
    await sql`update audit_event set resource_id = '2' where resource_id = 'changed'`.execute(db.owner);
    assert.equal((await bedring(['audit', 'verify'])).code, 0);
  });

  it('finds events deleted from the end of the chain with a head kept outside the database', async () => {
    const a = await account('behandler');
    const addEvents = (n: number, from: number) =>
      db.owner
        .insertInto('audit_event')
        .values(
          Array.from({ length: n }, (_, i) => ({
            tenant_id: TSB,
            at: new Date(Date.UTC(2026, 10, 23, 9, 0, from + i)),
            actor_account_id: a.id,
            actor_organisation_id: TSB,
            actor_role: 'clinician',
            action: 'read',
            person_id: null,
            resource_type: 'Tail',
            resource_id: String(from + i),
          })),
        )
        .execute();
    await addEvents(3, 4);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bedring-anchor-'));
    const anchorFile = path.join(dir, 'audit-anchors.jsonl');
    try {
      // The seal appends the new head to the anchor file; verify prints it.
      const sealed = await bedring(['audit', 'verify'], { BEDRING_AUDIT_ANCHOR_FILE: anchorFile });
      assert.equal(sealed.code, 0, sealed.out);
      const head = new RegExp(`head (${TSB}:6:[0-9a-f]{64})`).exec(sealed.out)?.[1];
      assert.ok(head, sealed.out);
      const lines = readFileSync(anchorFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepEqual(Object.keys(lines.at(-1)), ['at', 'tenant', 'position', 'hash']);
      assert.deepEqual(
        { tenant: lines.at(-1).tenant, position: lines.at(-1).position, hash: lines.at(-1).hash },
        { tenant: TSB, position: 6, hash: head.split(':')[2] },
      );
      const withAnchors = await bedring([
        'audit',
        'verify',
        '--expect-head',
        head,
        '--anchor-file',
        anchorFile,
      ]);
      assert.equal(withAnchors.code, 0, withAnchors.out);
      assert.match(withAnchors.out, /All 2 anchored heads are in their chains/);

      // Someone with the owner's rights deletes the two newest events: the shorter chain still verifies…
      await sql`delete from audit_event where tenant_id = ${TSB} and chain_position >= 5`.execute(db.owner);
      const blind = await bedring(['audit', 'verify']);
      assert.equal(blind.code, 0, blind.out);
      // …but not against the heads kept outside.
      const fromFile = await bedring(['audit', 'verify', '--anchor-file', anchorFile]);
      assert.equal(fromFile.code, 1, fromFile.out);
      assert.match(
        fromFile.out,
        new RegExp(
          `ANCHOR NOT FOUND: tenant ${TSB}: anchored head at chain position 6, but the chain ends at position 4`,
        ),
      );
      const expected = await bedring(['audit', 'verify', '--expect-head', head]);
      assert.equal(expected.code, 1, expected.out);
      assert.match(expected.out, /chain ends at position 4/);

      // New events sealed over the gap take positions 5 and 6 again, with other hashes.
      await addEvents(2, 10);
      const refilled = await bedring(['audit', 'verify', '--anchor-file', anchorFile], {
        BEDRING_AUDIT_ANCHOR_FILE: anchorFile,
      });
      assert.equal(refilled.code, 1, refilled.out);
      assert.match(
        refilled.out,
        /anchored head at chain position 6 has hash [0-9a-f]{64}, the chain has [0-9a-f]{64}/,
      );

      const typo = await bedring(['audit', 'verify', '--expect-head', `${TSB}:six:abc`]);
      assert.equal(typo.code, 2, typo.out);
      assert.match(typo.out, /--expect-head must be <organisation-id>:<position>:<hash>/);
      const inData = await bedring(['audit', 'verify'], {
        BEDRING_DATA_DIR: dir,
        BEDRING_AUDIT_ANCHOR_FILE: anchorFile,
      });
      assert.equal(inData.code, 1, inData.out);
      assert.match(inData.out, /BEDRING_AUDIT_ANCHOR_FILE must be outside BEDRING_DATA_DIR/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bedring time-limit', () => {
  it('adds a limit from a date and recomputes open deadlines; intervals begun earlier keep the old limit', async () => {
    const person = await db.owner
      .selectFrom('person')
      .select(['tenant_id', 'id'])
      .where('tenant_id', '=', TSB)
      .executeTakeFirstOrThrow();
    const unit = await db.owner
      .selectFrom('unit')
      .select('id')
      .where('tenant_id', '=', TSB)
      .executeTakeFirstOrThrow();
    const staff = await account('behandler');
    const episode = await db.owner
      .insertInto('episode')
      .values({
        tenant_id: TSB,
        person_id: person.id,
        unit_id: unit.id,
        state: 'in-treatment',
        active_setting: 'outpatient',
        has_clinical_decision: true,
        opened_on: '2026-01-01',
        responsible_account_id: staff.id,
        version: 5,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const events = [
      ['readmitted', '2026-01-01', null],
      ['first-attendance', '2026-01-05', 'outpatient'],
      ['clinical-decision', '2026-01-10', null],
      ['evaluation', '2026-01-15', null],
      ['evaluation', '2026-03-01', null],
    ] as const;
    await db.owner
      .insertInto('pathway_event')
      .values(
        events.map(([kind, date, setting], i) => ({
          tenant_id: TSB,
          episode_id: episode.id,
          person_id: person.id,
          position: i + 1,
          kind,
          date,
          setting,
          with_person: kind === 'evaluation' ? true : null,
          codes: [],
          note: '',
          warnings: '[]',
          reason: '',
          recorded_at: new Date('2026-03-01T10:00:00Z'),
          recorded_by: staff.id,
          recorded_by_name: 'Test',
        })),
      )
      .execute();
    const set = await bedring([
      'time-limit',
      'set',
      'next-evaluation',
      '--class',
      'outpatient',
      '--days',
      '30',
      '--from',
      '2026-02-01',
      '--source',
      'test',
    ]);
    assert.equal(set.code, 0, set.out);
    assert.match(set.out, /recomputed/);
    const deadlines = await db.owner
      .selectFrom('pathway_deadline')
      .select(['starts_on', 'due_on', 'limit_days', 'met_on'])
      .where('episode_id', '=', episode.id)
      .where('kind', '=', 'next-evaluation')
      .orderBy('starts_on')
      .execute();
    assert.deepEqual(deadlines, [
      { starts_on: '2026-01-15', due_on: '2026-03-12', limit_days: 56, met_on: '2026-03-01' },
      { starts_on: '2026-03-01', due_on: '2026-03-31', limit_days: 30, met_on: null },
    ]);
    const list = await bedring(['time-limit', 'list']);
    assert.match(list.out, /next-evaluation\s+outpatient\s+30 days\s+from 2026-02-01/);
    const bad = await bedring(['time-limit', 'set', 'no-such-limit', '--days', '3', '--from', '2026-02-01']);
    assert.notEqual(bad.code, 0);
    const badDate = await bedring([
      'time-limit',
      'set',
      'next-evaluation',
      '--days',
      '3',
      '--from',
      '1.2.2026',
    ]);
    assert.notEqual(badDate.code, 0);
  });
});

describe('bedring organisation and unit: the first run without the demo', () => {
  /** Another empty database in the same cluster: this one never sees the demo. */
  let blank: string;
  let orgId = '';
  const owner = async (statement: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  before(async () => {
    const name = `bedring_blank_${Date.now().toString(36)}`;
    await owner(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    blank = u.toString();
  });
  after(async () => {
    await owner(`drop database if exists ${new URL(blank).pathname.slice(1)} with (force)`);
  });
  const run = (args: string[], env: Record<string, string> = {}) =>
    bedring(args, { DATABASE_URL: blank, ...env });
  const idIn = (out: string) => /([0-9a-f]{8}-[0-9a-f-]{27})\s*$/.exec(out.trim())?.[1] ?? '';

  it('creates an organisation, a unit and an administrator who can log in with TOTP', async () => {
    const none = await run(['organisation', 'list']);
    assert.equal(none.code, 0, none.out);
    assert.match(none.out, /No organisations yet/);

    const org = await run([
      'organisation',
      'add',
      'Nordby kommune, Rus og psykisk helse',
      '--kind',
      'municipality',
    ]);
    assert.equal(org.code, 0, org.out);
    orgId = idIn(org.out);
    assert.ok(orgId, org.out);
    const unit = await run([
      'unit',
      'add',
      'Oppfølgingstjenesten',
      '--organisation',
      orgId,
      '--kind',
      'follow-up',
    ]);
    assert.equal(unit.code, 0, unit.out);
    const unitId = idIn(unit.out);
    assert.ok(unitId, unit.out);
    assert.match(
      (await run(['organisation', 'list'])).out,
      new RegExp(`${orgId}\\s+municipality\\s+Nordby kommune`),
    );
    assert.match(
      (await run(['unit', 'list', '--organisation', orgId])).out,
      new RegExp(`${unitId}\\s+follow-up\\s+Oppfølgingstjenesten`),
    );

    const admin = await run(
      [
        'user',
        'add',
        'nina.admin',
        '--role',
        'admin',
        '--name',
        'Nina',
        '--organisation',
        orgId,
        '--unit',
        unitId,
      ],
      { BEDRING_PASSWORD: 'et langt og godt passord' },
    );
    assert.equal(admin.code, 0, admin.out);
    const secret = /secret=([A-Z2-7]+)/.exec(admin.out)?.[1];
    assert.ok(secret, admin.out);

    const blankDb = await openDatabase({ databaseUrl: blank, dataDir: '' }, () => {}, 2);
    const now = new Date();
    const app = await buildApp({ db: blankDb, clock: () => now, logLevel: 'silent' });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: {
          username: 'nina.admin',
          password: 'et langt og godt passord',
          totp: totpCode(secret, now),
        },
      });
      assert.equal(login.statusCode, 200, login.body);
      assert.equal(login.json().user.role, 'admin');
    } finally {
      await app.close();
      await blankDb.close();
    }
  });

  it('refuses a duplicate name, an unknown kind or organisation with a message, not a database error', async () => {
    const again = await run([
      'organisation',
      'add',
      'nordby kommune, rus og psykisk helse',
      '--kind',
      'municipality',
    ]);
    assert.equal(again.code, 1, again.out);
    assert.match(again.out, /an organisation named "nordby kommune, rus og psykisk helse" already exists/);
    const unit = await run([
      'unit',
      'add',
      'OPPFØLGINGSTJENESTEN',
      '--organisation',
      orgId,
      '--kind',
      'follow-up',
    ]);
    assert.equal(unit.code, 1, unit.out);
    assert.match(unit.out, /already has a unit named "OPPFØLGINGSTJENESTEN"/);

    const kind = await run(['organisation', 'add', 'Sørby HF', '--kind', 'hospital']);
    assert.equal(kind.code, 2, kind.out);
    assert.match(kind.out, /--kind must be one of tsb, municipality/);
    const unitKind = await run(['unit', 'add', 'Døgn', '--organisation', orgId]);
    assert.equal(unitKind.code, 2, unitKind.out);
    assert.match(unitKind.out, /--kind must be one of inpatient, outpatient, follow-up, administration/);
    const noOrg = await run(['unit', 'add', 'Døgn', '--organisation', 'nope', '--kind', 'inpatient']);
    assert.equal(noOrg.code, 2, noOrg.out);
    assert.match(noOrg.out, /--organisation must be one of:\n.*Nordby kommune/);
    const noName = await run(['organisation', 'add', '--kind', 'tsb']);
    assert.equal(noName.code, 2, noName.out);
    assert.doesNotMatch(again.out + unit.out + noOrg.out, /constraint|violates|syntax/);
  });
});
