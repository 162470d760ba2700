import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BreakGlassList, UnitAccessLog } from '@bedring/contract';
import { demoIds } from '../testing/demo-ids.ts';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

/**
 * The unit leader following up access (docs/decisions/0016-worklists.md): the unit's access log, filtered
 * by person, staff member, period and basis, and under each break-glass opening what was read. The demo
 * patient has an episode in the leader's unit (the outpatient clinic); the milieu therapist has no care
 * relation with him and breaks the glass. Today is 2026-11-22 (TEST_NOW); the clock stands still.
 */
let t: TestApp;
let leader: Headers;
let clinician: Headers;
let milieu: Headers;
let pasient: string;
let miljoId: string;
let behandlerId: string;
let lederId: string;
let openingId: string;

const log = (query = '') =>
  expectStatus<UnitAccessLog>(send(t, 'GET', `/api/access-log${query}`, leader), 200);

before(async () => {
  t = await testApp();
  pasient = (await demoIds(t.db)).pasient;
  leader = await login(t, 'leder');
  clinician = await login(t, 'behandler');
  milieu = await login(t, 'miljo');
  miljoId = await accountId(t, 'miljo');
  behandlerId = await accountId(t, 'behandler');
  lederId = await accountId(t, 'leder');
  await expectStatus(send(t, 'GET', `/api/persons/${pasient}`, clinician), 200);
  // Without a care relation the record is closed; break-glass opens it for an hour.
  await expectStatus(send(t, 'GET', `/api/persons/${pasient}`, milieu), 403);
  openingId = (
    await expectStatus<{ id: string }>(
      send(t, 'POST', `/api/persons/${pasient}/break-glass`, milieu, {
        reason: 'Akutt innleggelse på natt, trenger kriseplanen',
      }),
      201,
    )
  ).id;
  await expectStatus(send(t, 'GET', `/api/persons/${pasient}`, milieu), 200);
  await expectStatus(send(t, 'GET', `/api/persons/${pasient}/ratings`, milieu), 200);
});
after(() => t.close());

describe('break-glass review', () => {
  it('lists under the opening what the opener read until expiry, and nothing of anyone else', async () => {
    const { events } = await expectStatus<BreakGlassList>(send(t, 'GET', '/api/break-glass', leader), 200);
    const opening = events.find((e) => e.id === openingId);
    assert.ok(opening, 'the opening is listed');
    assert.deepEqual(
      opening.reads.map((r) => [r.action, r.resourceType]).sort(),
      [
        ['read', 'LivingConditionRating'],
        ['read', 'PersonOverview'],
      ],
      "the milieu therapist's two reads; not the opening itself, not the clinician's read",
    );
  });
});

describe("the unit leader's access log", () => {
  it('shows the unit persons’ reads with who, on what basis, newest first', async () => {
    const { entries, unitId, limit } = await log();
    assert.ok(unitId);
    assert.equal(limit, 200);
    const mine = entries.filter((e) => e.person.id === pasient);
    assert.ok(mine.some((e) => e.actor.id === behandlerId && e.basis === 'need-to-know'));
    assert.ok(mine.some((e) => e.actor.id === miljoId && e.basis === 'break-glass'));
    for (let i = 1; i < entries.length; i++) assert.ok(entries[i - 1]!.at >= entries[i]!.at, 'newest first');
  });

  it('filters by basis, person, staff member and period', async () => {
    const glass = await log('?basis=break-glass');
    assert.ok(glass.entries.length >= 3, 'the opening and the two reads');
    for (const e of glass.entries) {
      assert.equal(e.basis, 'break-glass');
      assert.equal(e.breakGlassReason, 'Akutt innleggelse på natt, trenger kriseplanen');
    }
    const one = await log(`?personId=${pasient}&accountId=${behandlerId}`);
    assert.ok(one.entries.length >= 1);
    for (const e of one.entries) {
      assert.equal(e.person.id, pasient);
      assert.equal(e.actor.id, behandlerId);
      assert.equal(e.actor.name, 'Bjørn Behandler');
    }
    assert.ok((await log('?from=2026-11-22&to=2026-11-22')).entries.length >= 3, 'today, both ends included');
    assert.equal((await log('?from=2026-11-23')).entries.length, 0, 'nothing after today');
    const before = await log('?to=2026-11-21');
    assert.ok(
      before.entries.every((e) => e.at < '2026-11-22'),
      'nothing of today',
    );
  });

  it('reads a page at a time: the second page continues the first, without overlap, to the end', async () => {
    // The milieu therapist's entries: the leader's own looks (audited as they happen) do not join them.
    const only = `?accountId=${miljoId}`;
    const all = await log(only);
    assert.equal(all.next, null, 'everything fits on one page of 200');
    assert.equal(all.entries.length, 3, 'the opening and the two reads');
    const first = await log(`${only}&limit=1`);
    assert.equal(first.limit, 1);
    assert.deepEqual(
      first.entries.map((e) => e.id),
      [all.entries[0]!.id],
    );
    assert.equal(first.next, first.entries[0]!.id, 'the cursor is the last entry of the page');
    const second = await log(`${only}&limit=1&after=${first.next}`);
    assert.deepEqual(
      second.entries.map((e) => e.id),
      [all.entries[1]!.id],
      'the second page is what follows the first',
    );
    const rest = await log(`${only}&limit=2&after=${second.next}`);
    assert.deepEqual(
      rest.entries.map((e) => e.id),
      [all.entries[2]!.id],
    );
    assert.equal(rest.next, null, 'no page after the last');
  });

  it('refuses a cursor that is not an entry, and a page size out of range, writing nothing', async () => {
    const count = async () =>
      (
        await t.db.owner
          .selectFrom('audit_event')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const unknown = await send(t, 'GET', `/api/access-log?after=${pasient}`, leader);
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.code, 'cursor_unknown');
    for (const bad of ['?limit=0', '?limit=201', '?after=not-an-id']) {
      const res = await send(t, 'GET', `/api/access-log${bad}`, leader);
      assert.equal(res.statusCode, 400, bad);
      assert.ok(res.json().error.message, bad);
    }
    assert.equal(await count(), before);
  });

  it('is audited itself, per person shown', async () => {
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select('action')
      .where('actor_account_id', '=', lederId)
      .where('person_id', '=', pasient)
      .where('resource_type', '=', 'AccessLog')
      .execute();
    assert.ok(audited.length >= 1 && audited.every((a) => a.action === 'search'));
  });

  it('refuses a reversed period and bad input in the documented shape, and other roles', async () => {
    const reversed = await send(t, 'GET', '/api/access-log?from=2026-11-22&to=2026-11-01', leader);
    assert.equal(reversed.statusCode, 400);
    assert.equal(reversed.json().error.code, 'period_reversed');
    const bad = await send(t, 'GET', '/api/access-log?basis=whatever', leader);
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().error.message);
    const other = await send(t, 'GET', '/api/access-log', clinician);
    assert.equal(other.statusCode, 403);
  });
});
