import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoIds } from '../testing/demo-ids.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { planFootprint } from './plan.fixtures.ts';

/**
 * Promises over HTTP (docs/decisions/0006-plans.md; docs/domain/plans.md, U-23): a promise is a task with an
 * owner and a due date, on the owner's task list, visible to the person, and flagged to the unit leader when
 * overdue.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let per: Headers;
let bjorn: Headers;
let lene: Headers;
let kim: Headers;
let promises: string;
before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  per = await login(t, 'pasient');
  bjorn = await login(t, 'behandler');
  lene = await login(t, 'leder');
  kim = await login(t, 'kommune');
  promises = `/api/persons/${ids.pasient}/promises`;
});
after(() => t.close());

type Promise_ = {
  id: string;
  promise: string;
  owner: { name: string };
  promisedBy: { name: string };
  dueOn: string;
  status: string;
};
type Task = { id: string; kind: string; promise: string | null; status: string; mine: boolean };

describe('promises', () => {
  let promiseId: string;

  it('are made by staff as a task with an owner and a due date, and shown to the person', async () => {
    const made = await expectStatus<{ id: string; dueOn: string }>(
      send(t, 'POST', promises, bjorn, { promise: 'Jeg ringer NAV for deg før fredag', dueOn: '2026-11-27' }),
      201,
    );
    promiseId = made.id;
    const seen = await expectStatus<{ promises: Promise_[] }>(send(t, 'GET', promises, per), 200);
    const mine = seen.promises.find((p) => p.id === promiseId);
    assert.deepEqual(mine && [mine.promise, mine.owner.name, mine.promisedBy.name, mine.dueOn, mine.status], [
      'Jeg ringer NAV for deg før fredag',
      'Bjørn Behandler',
      'Bjørn Behandler',
      '2026-11-27',
      'open',
    ]);
    const { tasks } = await expectStatus<{ tasks: Task[] }>(send(t, 'GET', '/api/tasks', bjorn), 200);
    const task = tasks.find((x) => x.id === promiseId);
    assert.equal(task?.kind, 'promise');
    assert.equal(task?.promise, 'Jeg ringer NAV for deg før fredag');
    assert.equal(task?.mine, true);
  });

  it('can be owned by someone else than the one who promised, in another organisation', async () => {
    const made = await expectStatus<{ id: string }>(
      send(t, 'POST', promises, bjorn, {
        promise: 'Kim kommer på hjemmebesøk',
        dueOn: '2026-12-01',
        ownerAccountId: ids.kommune,
      }),
      201,
    );
    const { tasks } = await expectStatus<{ tasks: Task[] }>(send(t, 'GET', '/api/tasks', kim), 200);
    assert.ok(tasks.some((x) => x.id === made.id && x.mine));
  });

  it('are not made by the person, nor with a due date already passed, and a refusal writes nothing', async () => {
    const before = await planFootprint(t, ids.pasient);
    const byPerson = await expectStatus<{ error: { code: string } }>(
      send(t, 'POST', promises, per, { promise: 'x', dueOn: '2026-12-01' }),
      403,
    );
    assert.equal(byPerson.error.code, 'only_staff_promise');
    const late = await expectStatus<{ error: { code: string } }>(
      send(t, 'POST', promises, bjorn, { promise: 'x', dueOn: '2026-11-21' }),
      400,
    );
    assert.equal(late.error.code, 'due_before_today');
    await expectStatus(
      send(t, 'POST', promises, bjorn, { promise: 'x', dueOn: '2026-12-01', ownerAccountId: ids.pasient }),
      400,
    );
    assert.deepEqual(await planFootprint(t, ids.pasient), before);
  });

  it('are flagged to the unit leader when overdue, and the person sees that too', async () => {
    // As if the due date had passed: the clock is fixed, so the promise is moved back instead.
    await t.db.owner
      .updateTable('pathway_task')
      .set({ escalate_on: '2026-11-20' })
      .where('id', '=', promiseId)
      .execute();
    const leader = await expectStatus<{ tasks: Task[] }>(send(t, 'GET', '/api/tasks', lene), 200);
    const flagged = leader.tasks.find((x) => x.id === promiseId);
    assert.equal(flagged?.status, 'escalated');
    assert.equal(flagged?.mine, false);
    const owner = await expectStatus<{ tasks: Task[] }>(send(t, 'GET', '/api/tasks', bjorn), 200);
    assert.equal(owner.tasks.find((x) => x.id === promiseId)?.status, 'escalated');
    const seen = await expectStatus<{ promises: Promise_[] }>(send(t, 'GET', promises, per), 200);
    assert.equal(seen.promises.find((p) => p.id === promiseId)?.status, 'overdue');
  });

  it('are kept through the task, and the person sees that they were', async () => {
    const wrong = await expectStatus<{ error: { code: string } }>(
      send(t, 'POST', `/api/tasks/${promiseId}/complete`, bjorn, { outcome: 'declined', date: '2026-11-22' }),
      400,
    );
    assert.equal(wrong.error.code, 'outcome_not_for_task');
    await expectStatus(
      send(t, 'POST', `/api/tasks/${promiseId}/complete`, bjorn, {
        outcome: 'kept',
        date: '2026-11-22',
        note: 'NAV ringt',
      }),
      200,
    );
    const seen = await expectStatus<{ promises: Promise_[] }>(send(t, 'GET', promises, per), 200);
    assert.equal(seen.promises.find((p) => p.id === promiseId)?.status, 'kept');
    const { tasks } = await expectStatus<{ tasks: Task[] }>(send(t, 'GET', '/api/tasks', bjorn), 200);
    assert.ok(!tasks.some((x) => x.id === promiseId));
  });
});

describe('the demo promises on the owners\u2019 task lists', () => {
  // The walk-through closed the demo's open promises from "Oppgaver": each owner must be able to mark
  // theirs kept or withdrawn (docs/domain/plans.md, U-23), and nothing else closes a promise.
  it('are kept or withdrawn by their owners, and the person sees which', async () => {
    const open = async (who: Headers) =>
      (await expectStatus<{ tasks: Task[] }>(send(t, 'GET', '/api/tasks', who), 200)).tasks.filter(
        (x) => x.kind === 'promise' && x.mine && x.promise !== 'Jeg ringer NAV for deg før fredag',
      );
    const [kimsPromise] = await open(kim);
    const bjornsPromise = (await open(bjorn)).find((x) => x.promise?.includes('fastlegen'));
    assert.ok(kimsPromise && bjornsPromise, 'the demo has an open promise for each owner');
    for (const outcome of ['new-round', 'declined', 'not-reached', 'first-contact']) {
      const wrong: { error: { code: string } } = await expectStatus(
        send(t, 'POST', `/api/tasks/${kimsPromise.id}/complete`, kim, { outcome, date: '2026-11-22' }),
        400,
      );
      assert.equal(wrong.error.code, 'outcome_not_for_task');
    }
    await expectStatus(
      send(t, 'POST', `/api/tasks/${kimsPromise.id}/complete`, kim, {
        outcome: 'withdrawn',
        date: '2026-11-22',
      }),
      200,
    );
    await expectStatus(
      send(t, 'POST', `/api/tasks/${bjornsPromise.id}/complete`, bjorn, {
        outcome: 'kept',
        date: '2026-11-21',
        note: 'Brevet er sendt',
      }),
      200,
    );
    const seen = await expectStatus<{ promises: (Promise_ & { completedOn: string | null })[] }>(
      send(t, 'GET', promises, per),
      200,
    );
    const status = (id: string) => seen.promises.find((p) => p.id === id);
    assert.deepEqual(
      [status(kimsPromise.id)?.status, status(kimsPromise.id)?.completedOn],
      ['withdrawn', '2026-11-22'],
    );
    assert.deepEqual(
      [status(bjornsPromise.id)?.status, status(bjornsPromise.id)?.completedOn],
      ['kept', '2026-11-21'],
    );
    assert.ok(!(await open(kim)).some((x) => x.id === kimsPromise.id));
  });
});
