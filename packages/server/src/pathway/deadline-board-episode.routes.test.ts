import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BoardEpisode } from '@bedring/contract';
import { TSB, UNITS } from '../demo/demo.ts';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { type Ref, registerReferral } from './pathway.fixtures.ts';

/**
 * What a unit leader may open from Frister (docs/decisions/0016-worklists.md): the row's deadlines, the
 * episode's state and its open tasks, without the record and without break-glass. Today is 2026-11-22; a
 * referral received 5 November is due for assessment 19 November (overdue).
 */
let t: TestApp;
let clinician: Headers;
let leader: Headers;
let lederId: string;
let outpatient: Ref;
let inpatient: Ref;
let taskId: string;

before(async () => {
  t = await testApp({ persons: 20 });
  clinician = await login(t, 'behandler');
  leader = await login(t, 'leder');
  lederId = await accountId(t, 'leder');
  outpatient = await registerReferral(t, clinician, { receivedOn: '2026-11-05' });
  inpatient = await registerReferral(t, clinician, { receivedOn: '2026-11-05', unitId: UNITS.inpatient });
  const task = await t.db.owner
    .insertInto('pathway_task')
    .values({
      tenant_id: TSB,
      person_id: outpatient.personId,
      episode_id: outpatient.episodeId,
      kind: 're-engagement',
      assignee_account_id: await accountId(t, 'behandler'),
      assignee_organisation_id: TSB,
      unit_id: UNITS.outpatient,
      created_on: '2026-11-10',
      escalate_on: '2026-11-20',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  taskId = task.id;
});
after(() => t.close());

describe("the leader's view of a row on Frister", () => {
  it('shows the deadline, the episode state and the open task of an episode in the unit', async () => {
    const view = await expectStatus<BoardEpisode>(
      send(t, 'GET', `/api/deadlines/${outpatient.episodeId}`, leader),
      200,
    );
    assert.equal(view.today, '2026-11-22');
    assert.equal(view.person.id, outpatient.personId);
    assert.equal(view.unit.id, UNITS.outpatient);
    assert.equal(view.state, 'referred');
    assert.deepEqual(
      view.deadlines.map((d) => [d.kind, d.dueOn, d.status]),
      [['referral-assessment', '2026-11-19', 'overdue']],
    );
    assert.deepEqual(
      view.tasks.map((x) => [x.id, x.kind, x.status, x.assignee.name]),
      [[taskId, 're-engagement', 'escalated', 'Bjørn Behandler']],
    );
  });

  it('is a read the person sees in their access log, while the record itself stays closed', async () => {
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select(['action', 'break_glass_reason'])
      .where('actor_account_id', '=', lederId)
      .where('person_id', '=', outpatient.personId)
      .where('resource_type', '=', 'DeadlineBoard')
      .where('resource_id', '=', outpatient.episodeId)
      .execute();
    assert.deepEqual(audited, [{ action: 'read', break_glass_reason: null }]);
    // The leader has no care relation: the record answers 403, no break-glass was needed for the view.
    const record = await send(t, 'GET', `/api/persons/${outpatient.personId}`, leader);
    assert.equal(record.statusCode, 403, record.body);
    const openings = await t.db.owner
      .selectFrom('break_glass')
      .select('id')
      .where('account_id', '=', lederId)
      .execute();
    assert.equal(openings.length, 0);
  });

  it('finds no episode of another unit, refuses other roles, and refuses a malformed id', async () => {
    const other = await send(t, 'GET', `/api/deadlines/${inpatient.episodeId}`, leader);
    assert.equal(other.statusCode, 404, other.body);
    assert.equal(other.json().error.code, 'not_found');
    const mine = await send(t, 'GET', `/api/deadlines/${outpatient.episodeId}`, clinician);
    assert.equal(mine.statusCode, 403, mine.body);
    const bad = await send(t, 'GET', '/api/deadlines/not-a-uuid', leader);
    assert.equal(bad.statusCode, 400, bad.body);
    assert.ok(bad.json().error.code);
  });
});
