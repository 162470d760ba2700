import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { demoIds } from '../testing/demo-ids.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { sealAudit, verifyAudit } from './audit.repository.ts';
import { readAnchorFile, sealAndAnchor } from './audit-anchor.ts';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
});
after(() => t.close());

describe('audit trail', () => {
  it('records every read and write of the record in the same transaction, with actor and role', async () => {
    const headers = { authorization: `Bearer ${await t.login('behandler')}` };
    await t.app.inject({ url: `/api/persons/${ids.pasient}`, headers });
    await t.app.inject({
      method: 'POST',
      url: `/api/persons/${ids.pasient}/ratings`,
      headers,
      payload: { domain: 'network', rating: 'green' },
    });
    const events = await t.db.owner
      .selectFrom('audit_event')
      .select(['action', 'resource_type', 'actor_role', 'actor_account_id'])
      .where('person_id', '=', ids.pasient)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => [e.action, e.resource_type, e.actor_role]),
      [
        ['read', 'PersonOverview', 'clinician'],
        ['create', 'LivingConditionRating', 'clinician'],
      ],
    );
    assert.ok(events.every((e) => e.actor_account_id === ids.behandler));
  });

  it('writes no audit event, and no data, when the request fails', async () => {
    const headers = { authorization: `Bearer ${await t.login('behandler')}` };
    const before = await t.db.owner
      .selectFrom('audit_event')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${ids.stranger}/ratings`,
      headers,
      payload: { domain: 'network', rating: 'green' },
    });
    assert.equal(res.statusCode, 403);
    const afterCount = await t.db.owner
      .selectFrom('audit_event')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n);
  });

  it('keeps hostile text in an audited reason as it was written', async () => {
    const reason = 'Akutt: $audit$\'); drop table person; -- "sitat" og $$ og \\';
    const headers = { authorization: `Bearer ${await t.login('behandler')}` };
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${ids.stranger}/break-glass`,
      headers,
      payload: { reason },
    });
    assert.equal(res.statusCode, 201);
    const event = await t.db.owner
      .selectFrom('audit_event')
      .select('break_glass_reason')
      .where('person_id', '=', ids.stranger)
      .where('action', '=', 'break-glass')
      .executeTakeFirstOrThrow();
    assert.equal(event.break_glass_reason, reason);
    assert.ok((await t.db.owner.selectFrom('person').select('id').limit(1).execute()).length === 1);
  });

  it('lets the person see who looked at their record', async () => {
    const patient = { authorization: `Bearer ${await t.login('pasient')}` };
    const log = await t.app.inject({ url: `/api/persons/${ids.pasient}/access-log`, headers: patient });
    assert.equal(log.statusCode, 200);
    const reads = log
      .json()
      .entries.filter(
        (e: { actorName: string; action: string }) =>
          e.actorName === 'Bjørn Behandler' && e.action === 'read',
      );
    assert.ok(reads.length >= 1);
    assert.equal(reads[0].organisationName, 'Fjordvik HF, Avdeling for rusbehandling');
  });

  it('seals events into a hash chain that verifies, and finds the first tampered link', async () => {
    assert.ok((await sealAudit(t.db.owner)) > 0);
    const intact = await verifyAudit(t.db.owner);
    assert.ok(intact.length >= 1 && intact.every((r) => r.ok));
    // A later event is sealed onto the same chain.
    const headers = { authorization: `Bearer ${await t.login('behandler')}` };
    await t.app.inject({ url: `/api/persons/${ids.pasient}`, headers });
    assert.equal(await sealAudit(t.db.owner), 2);
    assert.ok((await verifyAudit(t.db.owner)).every((r) => r.ok));

    // Someone with owner rights edits history: the chain reports where.
    const victim = await t.db.owner
      .selectFrom('audit_event')
      .select(['tenant_id', 'id', 'chain_position'])
      .where('chain_position', '=', '3')
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update audit_event set actor_role = 'leader' where tenant_id = ${victim.tenant_id} and id = ${victim.id}`.execute(
      t.db.owner,
    );
    const broken = (await verifyAudit(t.db.owner)).find((r) => r.tenantId === victim.tenant_id)!;
    assert.equal(broken.ok, false);
    assert.equal(broken.brokenAt, 3);
    assert.equal(broken.eventId, victim.id);
  });
});

describe('audit anchor file', () => {
  it('appends one line per organisation whose chain grew, with its new head and nothing personal', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bedring-anchor-'));
    const file = path.join(dir, 'anchors.jsonl');
    try {
      await sealAndAnchor(t.db.owner, file);
      const headers = { authorization: `Bearer ${await t.login('behandler')}` };
      await t.app.inject({ url: `/api/persons/${ids.pasient}`, headers });
      assert.equal(await sealAndAnchor(t.db.owner, file), 2);
      assert.equal(await sealAndAnchor(t.db.owner, file), 0);
      const lines = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const last = lines.at(-1);
      assert.deepEqual(Object.keys(last), ['at', 'tenant', 'position', 'hash']);
      // The newest sealed event of that organisation is the head in the file's last line.
      const newest = await t.db.owner
        .selectFrom('audit_event')
        .select(['chain_position', 'hash'])
        .where('tenant_id', '=', last.tenant)
        .orderBy('chain_position', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      assert.deepEqual([last.position, last.hash], [Number(newest.chain_position), newest.hash]);
      assert.deepEqual(await readAnchorFile(file), [
        ...new Map(
          lines.map((l) => [l.tenant, { tenantId: l.tenant, position: l.position, hash: l.hash }]),
        ).values(),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
