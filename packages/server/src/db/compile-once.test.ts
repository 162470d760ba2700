import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { compileOnce } from './compile-once.ts';
import type { DB } from './schema.ts';

const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('compileOnce', () => {
  it('gives the same SQL and parameters as compiling each time, with each call’s own arguments', () => {
    const build = (k: Kysely<DB>, tenant: string, since: Date, person: string) =>
      k
        .selectFrom('care_relation')
        .select('id')
        .where('tenant_id', '=', tenant)
        .where('kind', '=', 'care-team')
        .where('from_at', '<=', since)
        .where('person_id', '=', person);
    const cached = compileOnce(build);
    for (const [tenant, since, person] of [
      ['t1', new Date('2026-01-01'), 'p1'],
      ['t2', new Date('2026-02-02'), 'p2'],
    ] as const) {
      const fresh = build(db, tenant, since, person).compile();
      const once = cached(db, tenant, since, person);
      assert.equal(once.sql, fresh.sql);
      assert.deepEqual(once.parameters, fresh.parameters);
      assert.deepEqual(once.parameters, [tenant, 'care-team', since, person]);
    }
  });
});
