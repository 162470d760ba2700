import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { KOMMUNE, loadDemo, TSB } from '../demo/demo.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { TEST_NOW } from '../testing/test-app.ts';
import { testDatabase } from '../testing/test-database.ts';
import type { Database } from './database.ts';
import { inTenant } from './transaction.ts';

let db: Database;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => {
  db = await testDatabase();
  await loadDemo(db, { persons: 120, now: TEST_NOW });
  ids = await demoIds(db);
});
after(() => db.close());

const TABLES = [
  'organisation',
  'unit',
  'account',
  'session',
  'person',
  'care_relation',
  'consent',
  'break_glass',
  'living_condition_rating',
  'audit_event',
];

describe('database security', () => {
  it('connects the application as a role that is no superuser and owns nothing', async () => {
    const r = await sql<{ who: string; superuser: boolean; owns: number }>`
      select current_user as who, (select rolsuper from pg_roles where rolname = current_user) as superuser,
             (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owns`.execute(
      db.app,
    );
    assert.deepEqual(r.rows[0], { who: 'bedring_app', superuser: false, owns: 0 });
  });

  it('forces row-level security on every tenant table', async () => {
    const r = await sql<{ relname: string; on: boolean; forced: boolean }>`
      select relname, relrowsecurity as on, relforcerowsecurity as forced from pg_class
      where relname = any(${TABLES}) and relkind = 'r'`.execute(db.owner);
    assert.equal(r.rows.length, TABLES.length);
    for (const row of r.rows) assert.ok(row.on && row.forced, row.relname);
  });

  it('has tenant_id first in every primary key', async () => {
    const r = await sql<{ relname: string; first: string }>`
      select c.relname, a.attname as first from pg_index i
      join pg_class c on c.oid = i.indrelid join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
      where i.indisprimary and c.relname = any(${TABLES})`.execute(db.owner);
    assert.equal(r.rows.length, TABLES.length);
    for (const row of r.rows) assert.equal(row.first, 'tenant_id', row.relname);
  });

  it('shows nothing without a tenant set', async () => {
    const persons = await db.app.selectFrom('person').select('id').execute();
    assert.equal(persons.length, 0);
  });

  it('keeps each organisation to its own rows, plus what a consent shares', async () => {
    const asKommune = await inTenant(db.app, { tenantId: KOMMUNE, accountId: ids.kommune }, (trx) =>
      trx.selectFrom('person').select(['id', 'tenant_id']).execute(),
    );
    assert.ok(
      asKommune.some((p) => p.id === ids.pasient),
      'the consented person is shared',
    );
    assert.ok(!asKommune.some((p) => p.id === ids.stranger), 'an unconsented TSB person is not');
    const shared = asKommune.filter((p) => p.tenant_id === TSB).length;
    const consents = await db.owner
      .selectFrom('consent')
      .select('person_id')
      .distinct()
      .where('grantee_organisation_id', '=', KOMMUNE)
      .execute();
    assert.equal(shared, consents.length);
  });

  it('refuses a write into another organisation', async () => {
    await assert.rejects(
      inTenant(db.app, { tenantId: KOMMUNE, accountId: ids.kommune }, (trx) =>
        trx
          .insertInto('living_condition_rating')
          .values({
            tenant_id: TSB,
            person_id: ids.stranger,
            domain: 'housing',
            rating: 'red',
            note: '',
            rated_at: TEST_NOW,
            rated_by: ids.kommune,
            rated_by_name: 'x',
            rated_by_role: 'municipal',
          })
          .execute(),
      ),
      /row-level security/,
    );
  });

  it('lets the application append audit events but never change or delete them', async () => {
    await inTenant(db.app, { tenantId: TSB, accountId: ids.behandler }, async (trx) => {
      await trx
        .insertInto('audit_event')
        .values({
          tenant_id: TSB,
          at: TEST_NOW,
          actor_account_id: ids.behandler,
          actor_organisation_id: TSB,
          actor_role: 'clinician',
          action: 'read',
          person_id: ids.pasient,
          resource_type: 'Test',
          resource_id: null,
        })
        .execute();
    });
    await assert.rejects(
      inTenant(db.app, { tenantId: TSB, accountId: ids.behandler }, (trx) =>
        sql`update audit_event set action = 'x'`.execute(trx),
      ),
      /permission denied/,
    );
    await assert.rejects(
      inTenant(db.app, { tenantId: TSB, accountId: ids.behandler }, (trx) =>
        sql`delete from audit_event`.execute(trx),
      ),
      /permission denied/,
    );
  });

  it('keeps the operator secrets and throttle counters away from the application', async () => {
    await assert.rejects(sql`select * from bedring_secret`.execute(db.app), /permission denied/);
    await assert.rejects(sql`select * from rate_limit`.execute(db.app), /permission denied/);
  });
});
