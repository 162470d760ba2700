import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { inTreatment, type Ref, recordEvent } from './pathway.fixtures.ts';

/**
 * Tasks that close loops (docs/domain/pathway.md, P-07, P-34, P-42): who sees which, who may complete them,
 * with which outcome. Today is 2026-11-22: a handover made on 5 November escalated after 12 November; one
 * made on 20 November escalates after 27 November.
 */
let t: TestApp;
let clinician: Headers;
let municipal: Headers;
let leader: Headers;
let kommuneId: string;
let colleagueId: string;
let escalated: { ref: Ref; taskId: string };
let colleagues: { ref: Ref; taskId: string };
let recent: { ref: Ref; taskId: string };

interface ListedTask {
  id: string;
  kind: string;
  mine: boolean;
  status: string;
  person: { id: string; givenName: string };
  episodeId: string;
}

async function handedOver(to: string, on: string) {
  const ref = await inTreatment(t, clinician);
  await expectStatus(recordEvent(t, clinician, ref, { kind: 'discharged', date: on }), 201);
  const { taskId } = await expectStatus<{ taskId: string }>(
    send(t, 'POST', `${ref.episode}/handover`, clinician, {
      municipalAccountId: to,
      handedOverOn: on,
      summary: 'Oppsummering',
      followUpPlan: 'Plan',
      consent: { givenOn: on },
    }),
    201,
  );
  return { ref, taskId };
}

async function droppedOut(on: string) {
  const ref = await inTreatment(t, clinician);
  const { taskId } = await expectStatus<{ taskId: string }>(
    recordEvent(t, clinician, ref, { kind: 'ended', date: on, outcome: 'drop-out' }),
    201,
  );
  return { ref, taskId };
}

const tasksOf = async (headers: Headers) =>
  (await expectStatus<{ tasks: ListedTask[] }>(send(t, 'GET', '/api/tasks', headers), 200)).tasks;
const complete = (taskId: string, headers: Headers, body: object) =>
  send(t, 'POST', `/api/tasks/${taskId}/complete`, headers, body);
const stored = (taskId: string) =>
  t.db.owner
    .selectFrom('pathway_task')
    .select(['completed_on', 'outcome', 'completed_by'])
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();

before(async () => {
  t = await testApp({ persons: 20 });
  clinician = await login(t, 'behandler');
  municipal = await login(t, 'kommune');
  leader = await login(t, 'leder');
  kommuneId = await accountId(t, 'kommune');
  colleagueId = await accountId(t, 'kollega4');
  escalated = await handedOver(kommuneId, '2026-11-05');
  colleagues = await handedOver(colleagueId, '2026-11-05');
  recent = await handedOver(kommuneId, '2026-11-20');
});
after(() => t.close());

describe('who sees which task', () => {
  it('shows the municipal worker their own handover tasks only', async () => {
    const tasks = await tasksOf(municipal);
    const ids = tasks.map((x) => x.id);
    assert.ok(ids.includes(escalated.taskId));
    assert.ok(ids.includes(recent.taskId));
    assert.ok(!ids.includes(colleagues.taskId), 'not a colleague’s task');
    assert.ok(tasks.every((x) => x.mine));
    const a = tasks.find((x) => x.id === escalated.taskId)!;
    assert.deepEqual(
      [a.kind, a.status, a.person.id, a.episodeId],
      ['handover', 'escalated', escalated.ref.personId, escalated.ref.episodeId],
    );
    assert.equal(tasks.find((x) => x.id === recent.taskId)?.status, 'open');
    // Most urgent first.
    assert.ok(ids.indexOf(escalated.taskId) < ids.indexOf(recent.taskId));
  });

  it('shows peers and clinicians none of these, and refuses patients and administrators', async () => {
    for (const username of ['likeperson', 'behandler', 'miljo']) {
      const ids = (await tasksOf(await login(t, username))).map((x) => x.id);
      for (const task of [escalated, colleagues, recent]) assert.ok(!ids.includes(task.taskId), username);
    }
    for (const username of ['pasient', 'admin']) {
      const res = await send(t, 'GET', '/api/tasks', await login(t, username));
      assert.equal(res.statusCode, 403, `${username}: ${res.body}`);
    }
  });

  it('shows the unit leader the escalated tasks of the organisation, and no others', async () => {
    // Another organisation's escalated task, written past the API: never on this leader's list.
    const o = t.db.owner;
    const other = randomUUID();
    await o
      .insertInto('organisation')
      .values({ tenant_id: other, id: other, name: 'Annet HF', kind: 'tsb' })
      .execute();
    const unit = randomUUID();
    await o
      .insertInto('unit')
      .values({ tenant_id: other, id: unit, name: 'Poliklinikk', kind: 'outpatient' })
      .execute();
    const person = await o
      .insertInto('person')
      .values({
        tenant_id: other,
        national_id: '01017012345',
        given_name: 'Annen',
        family_name: 'Person',
        birth_date: '1970-01-01',
        gender: 'unknown',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const episode = await o
      .insertInto('episode')
      .values({
        tenant_id: other,
        person_id: person.id,
        unit_id: unit,
        state: 'ended',
        opened_on: '2026-10-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreign = await o
      .insertInto('pathway_task')
      .values({
        tenant_id: other,
        person_id: person.id,
        episode_id: episode.id,
        kind: 're-engagement',
        assignee_account_id: randomUUID(),
        assignee_organisation_id: other,
        unit_id: unit,
        created_on: '2026-10-01',
        escalate_on: '2026-10-04',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const tasks = await tasksOf(leader);
    const ids = tasks.map((x) => x.id);
    assert.ok(ids.includes(escalated.taskId));
    assert.ok(ids.includes(colleagues.taskId), 'escalated, whoever it is assigned to');
    assert.ok(!ids.includes(recent.taskId), 'not escalated yet');
    assert.ok(!ids.includes(foreign.id), 'another organisation');
    assert.ok(tasks.every((x) => x.mine || x.status === 'escalated'));
    assert.equal(tasks.find((x) => x.id === escalated.taskId)?.mine, false);
    // The leader sees who holds an escalated task, to follow it up with them.
    const held = tasks.find((x) => x.id === escalated.taskId) as unknown as { assignee: { name: string } };
    assert.ok(held.assignee.name.length > 0);
    const audit = await t.db.owner
      .selectFrom('audit_event')
      .select(['action', 'resource_id'])
      .where('person_id', '=', escalated.ref.personId)
      .where('resource_type', '=', 'Task')
      .where('actor_account_id', '=', await accountId(t, 'leder'))
      .execute();
    assert.deepEqual(audit, [{ action: 'search', resource_id: escalated.taskId }]);
  });
});

describe('completing a task', () => {
  it("refuses someone else's task (403) and leaves it open", async () => {
    for (const username of ['likeperson', 'behandler', 'miljo', 'pasient', 'admin']) {
      const res = await complete(escalated.taskId, await login(t, username), {
        outcome: 'first-contact',
        date: '2026-11-21',
      });
      assert.equal(res.statusCode, 403, `${username}: ${res.body}`);
    }
    // The colleague's task is not the municipal worker's either.
    const res = await complete(colleagues.taskId, municipal, {
      outcome: 'first-contact',
      date: '2026-11-21',
    });
    assert.ok(res.statusCode === 403, res.body);
    assert.deepEqual(await stored(escalated.taskId), {
      completed_on: null,
      outcome: null,
      completed_by: null,
    });
    assert.deepEqual(await stored(colleagues.taskId), {
      completed_on: null,
      outcome: null,
      completed_by: null,
    });
  });

  it('refuses an outcome that does not complete this kind of task (400)', async () => {
    for (const outcome of ['new-round', 'declined', 'not-reached']) {
      const res = await complete(recent.taskId, municipal, { outcome, date: '2026-11-21' });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'outcome_not_for_task');
    }
    const dropped = await droppedOut('2026-11-20');
    const wrong = await complete(dropped.taskId, clinician, { outcome: 'first-contact', date: '2026-11-21' });
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.equal(wrong.json().error.code, 'outcome_not_for_task');
    assert.deepEqual(await stored(recent.taskId), { completed_on: null, outcome: null, completed_by: null });
    assert.deepEqual(await stored(dropped.taskId), { completed_on: null, outcome: null, completed_by: null });
  });

  it('refuses a date before the task or in the future (400)', async () => {
    for (const [date, code] of [
      ['2026-11-19', 'before_task'],
      ['2026-11-23', 'date_in_future'],
    ]) {
      const res = await complete(recent.taskId, municipal, { outcome: 'first-contact', date });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, code);
    }
    assert.deepEqual(await stored(recent.taskId), { completed_on: null, outcome: null, completed_by: null });
  });

  it('completes once: the second time is a conflict (409)', async () => {
    const done = await expectStatus(
      complete(escalated.taskId, municipal, {
        outcome: 'first-contact',
        date: '2026-11-21',
        note: 'Hjemmebesøk',
      }),
      200,
    );
    assert.deepEqual(done, { status: 'completed', outcome: 'first-contact', episodeId: null });
    assert.deepEqual(await stored(escalated.taskId), {
      completed_on: '2026-11-21',
      outcome: 'first-contact',
      completed_by: kommuneId,
    });
    const again = await complete(escalated.taskId, municipal, {
      outcome: 'first-contact',
      date: '2026-11-22',
    });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().error.code, 'task_completed');
    assert.equal((await stored(escalated.taskId)).completed_on, '2026-11-21');
    assert.ok(!(await tasksOf(municipal)).some((x) => x.id === escalated.taskId));
    assert.ok(!(await tasksOf(leader)).some((x) => x.id === escalated.taskId));
  });

  it('lets the unit leader close an escalated task, but not one that has not escalated (need to know)', async () => {
    const old = await droppedOut('2026-11-10');
    const fresh = await droppedOut('2026-11-20');
    const leaderId = await accountId(t, 'leder');
    const res = await complete(fresh.taskId, leader, { outcome: 'not-reached', date: '2026-11-21' });
    assert.equal(res.statusCode, 403, res.body);
    assert.equal((await stored(fresh.taskId)).completed_on, null);
    await expectStatus(complete(old.taskId, leader, { outcome: 'not-reached', date: '2026-11-21' }), 200);
    assert.deepEqual(await stored(old.taskId), {
      completed_on: '2026-11-21',
      outcome: 'not-reached',
      completed_by: leaderId,
    });
    const again = await complete(old.taskId, leader, { outcome: 'declined', date: '2026-11-22' });
    assert.equal(again.statusCode, 409, again.body);
  });

  it('refuses an unknown task (404)', async () => {
    const res = await complete(randomUUID(), clinician, { outcome: 'declined', date: '2026-11-21' });
    assert.equal(res.statusCode, 404, res.body);
  });
});
