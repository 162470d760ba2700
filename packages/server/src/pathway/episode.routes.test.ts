import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TSB, UNITS } from '../demo/demo.ts';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import {
  assessReferral,
  episodeFootprint,
  episodeOf,
  inTreatment,
  pathwayOf,
  type Ref,
  recordEvent,
  registerReferral,
} from './pathway.fixtures.ts';

/** Episode events over HTTP: the state machine (409), dates (400/409), late deadlines (warn), codes, drop-out. */
let t: TestApp;
let clinician: Headers;
let leader: Headers;
let behandlerId: string;
before(async () => {
  t = await testApp({ persons: 20 });
  clinician = await login(t, 'behandler');
  leader = await login(t, 'leder');
  behandlerId = await accountId(t, 'behandler');
});
after(() => t.close());

const ok = async (ref: Ref, body: Record<string, unknown>, headers = clinician) =>
  expectStatus<{ state: string; warnings: Record<string, unknown>[]; taskId: string | null }>(
    recordEvent(t, headers, ref, body),
    201,
  );

/** Sends the event, expects the status and error code, and that the episode is exactly as before. */
async function refused(ref: Ref, body: Record<string, unknown>, status: number, code: string) {
  const before = await episodeFootprint(t, ref.episodeId);
  const res = await recordEvent(t, clinician, ref, body);
  const what = `${JSON.stringify(body)} on "${before.episode.state}"`;
  assert.equal(res.statusCode, status, `${what}: ${res.body}`);
  assert.equal(res.json().error.code, code, what);
  assert.deepEqual(await episodeFootprint(t, ref.episodeId), before, `${what} wrote nothing`);
}

async function referred() {
  return registerReferral(t, clinician, { receivedOn: '2026-09-01' });
}
async function assessed() {
  const ref = await referred();
  await expectStatus(
    assessReferral(t, clinician, ref, { assessedOn: '2026-09-08', outcome: 'treatment-without-right' }),
    200,
  );
  return ref;
}
async function waiting() {
  const ref = await assessed();
  await ok(ref, { kind: 'waiting', date: '2026-09-09' });
  return ref;
}
async function discharged() {
  const ref = await inTreatment(t, clinician);
  await ok(ref, { kind: 'discharged', date: '2026-10-20' });
  return ref;
}
async function ended() {
  const ref = await inTreatment(t, clinician);
  await ok(ref, { kind: 'ended', date: '2026-10-20', outcome: 'planned' });
  return ref;
}

const day = '2026-11-20';
const ev = {
  waiting: { kind: 'waiting', date: day },
  firstAttendance: { kind: 'first-attendance', date: day, setting: 'outpatient' },
  roundStarted: { kind: 'round-started', date: day, setting: 'inpatient' },
  roundEnded: { kind: 'round-ended', date: day },
  decision: { kind: 'clinical-decision', date: day },
  evaluation: { kind: 'evaluation', date: day, withPerson: true },
  discharged: { kind: 'discharged', date: day },
  ended: { kind: 'ended', date: day, outcome: 'planned' },
};

describe('the episode state machine over HTTP', () => {
  const illegal: [string, () => Promise<Ref>, Record<string, unknown>[]][] = [
    [
      'referred',
      referred,
      [
        ev.waiting,
        ev.firstAttendance,
        ev.roundStarted,
        ev.roundEnded,
        ev.decision,
        ev.evaluation,
        ev.discharged,
      ],
    ],
    ['assessed', assessed, [ev.roundStarted, ev.roundEnded, ev.decision, ev.evaluation, ev.discharged]],
    ['waiting', waiting, [ev.waiting, ev.roundStarted, ev.decision, ev.evaluation, ev.discharged]],
    ['in-treatment', () => inTreatment(t, clinician), [ev.waiting, ev.firstAttendance]],
    ['discharged', discharged, [ev.waiting, ev.firstAttendance, ev.roundStarted, ev.decision, ev.discharged]],
    ['ended', ended, [ev.ended, ev.firstAttendance, ev.waiting, ev.discharged, ev.evaluation]],
  ];
  for (const [state, make, events] of illegal) {
    it(`refuses illegal events on an episode that is "${state}" (409) and writes nothing`, async () => {
      const ref = await make();
      assert.equal((await episodeFootprint(t, ref.episodeId)).episode.state, state);
      for (const body of events) await refused(ref, body, 409, 'illegal_transition');
    });
  }

  it('refuses ending a round when no round is under way', async () => {
    const ref = await inTreatment(t, clinician);
    await ok(ref, { kind: 'round-ended', date: '2026-10-01' });
    await refused(ref, { kind: 'round-ended', date: '2026-10-02' }, 409, 'no_active_round');
    await ok(ref, { kind: 'round-started', date: '2026-10-05', setting: 'day' });
    await ok(ref, { kind: 'round-ended', date: '2026-10-20' });
    const episode = await episodeOf(t, clinician, ref);
    assert.equal(episode.activeSetting, null);
    assert.deepEqual((episode as unknown as { rounds: unknown }).rounds, [
      { setting: 'outpatient', from: '2026-09-15', to: '2026-10-01' },
      { setting: 'day', from: '2026-10-05', to: '2026-10-20' },
    ]);
  });

  it('refuses a second clinical decision', async () => {
    const ref = await inTreatment(t, clinician);
    await ok(ref, { kind: 'clinical-decision', date: '2026-09-20' });
    await refused(ref, { kind: 'clinical-decision', date: '2026-09-21' }, 409, 'clinical_decision_exists');
  });

  it('refuses an event dated in the future (400)', async () => {
    const ref = await inTreatment(t, clinician);
    await refused(ref, { kind: 'clinical-decision', date: '2026-11-23' }, 400, 'date_in_future');
    // Today (Oslo date of the fixed clock) is allowed.
    await ok(ref, { kind: 'clinical-decision', date: '2026-11-22', reason: 'Sent, men gjort' });
  });

  it('refuses an event dated before the previous event (409)', async () => {
    const ref = await inTreatment(t, clinician, { firstOn: '2026-09-15' });
    await refused(ref, { kind: 'clinical-decision', date: '2026-09-14' }, 409, 'event_before_previous');
    // The same day as the previous event is fine.
    await ok(ref, { kind: 'clinical-decision', date: '2026-09-15' });
  });

  it('refuses an event without what its kind must say (400)', async () => {
    const ref = await inTreatment(t, clinician);
    for (const [body, field] of [
      [{ kind: 'round-started', date: day }, 'setting'],
      [{ kind: 'evaluation', date: day }, 'withPerson'],
      [{ kind: 'ended', date: day }, 'outcome'],
    ] as const) {
      const before = await episodeFootprint(t, ref.episodeId);
      const res = await recordEvent(t, clinician, ref, body);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'field_required');
      assert.deepEqual(res.json().error.details, [{ field }]);
      assert.deepEqual(await episodeFootprint(t, ref.episodeId), before);
    }
  });

  it("does not find an episode under another person's record (404)", async () => {
    const a = await inTreatment(t, clinician);
    const b = await inTreatment(t, clinician);
    const res = await send(t, 'POST', `${b.person}/episodes/${a.episodeId}/events`, clinician, ev.decision);
    assert.equal(res.statusCode, 404, res.body);
    assert.equal((await episodeFootprint(t, a.episodeId)).events, 3);
  });

  it('is for leaders and clinicians: milieu staff get 403 even with a care relation', async () => {
    const ref = await inTreatment(t, clinician);
    await t.db.owner
      .insertInto('care_relation')
      .values({
        tenant_id: TSB,
        person_id: ref.personId,
        account_id: await accountId(t, 'miljo'),
        organisation_id: TSB,
        kind: 'care-team',
        unit_id: UNITS.inpatient,
        from_at: new Date('2026-09-01T08:00:00Z'),
      })
      .execute();
    const before = await episodeFootprint(t, ref.episodeId);
    const res = await recordEvent(t, await login(t, 'miljo'), ref, ev.decision);
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().error.code, 'role_cannot_do_this');
    assert.deepEqual(await episodeFootprint(t, ref.episodeId), before);
  });
});

describe('late deadlines and national pathway codes', () => {
  it('records a late clinical decision with a deadline-missed warning and the reason given (U-13)', async () => {
    // Outpatient: 21 days from the first attendance on 15 September is 6 October.
    const ref = await inTreatment(t, clinician, { firstOn: '2026-09-15', setting: 'outpatient' });
    const res = await ok(ref, {
      kind: 'clinical-decision',
      date: '2026-10-09',
      reason: 'Ventet på prøvesvar fra fastlegen',
    });
    assert.equal(res.state, 'in-treatment');
    assert.deepEqual(res.warnings, [
      { code: 'deadline-missed', deadline: 'clinical-decision', dueOn: '2026-10-06', daysLate: 3 },
    ]);
    const episode = await episodeOf(t, clinician, ref);
    const decision = episode.events.find((e) => e.kind === 'clinical-decision')!;
    assert.equal(decision.reason, 'Ventet på prøvesvar fra fastlegen');
    assert.deepEqual(decision.warnings, res.warnings);
    assert.equal(decision.recordedBy.id, behandlerId);
    const deadline = episode.deadlines.find((d) => d.kind === 'clinical-decision')!;
    assert.deepEqual(
      [deadline.dueOn, deadline.metOn, deadline.status],
      ['2026-10-06', '2026-10-09', 'met-late'],
    );
    // The decision opens the first evaluation: 7 days.
    const next = episode.deadlines.find((d) => d.kind === 'first-evaluation')!;
    assert.deepEqual([next.startsOn, next.dueOn, next.metOn], ['2026-10-09', '2026-10-16', null]);
  });

  it('gives an inpatient first attendance the inpatient limit (7 days) and no warning in time', async () => {
    const ref = await inTreatment(t, clinician, { firstOn: '2026-09-15', setting: 'inpatient' });
    const episode = await episodeOf(t, clinician, ref);
    const deadline = episode.deadlines.find((d) => d.kind === 'clinical-decision')!;
    assert.deepEqual(
      [deadline.dueOn, deadline.settingClass, deadline.limitDays],
      ['2026-09-22', 'inpatient', 7],
    );
    const res = await ok(ref, { kind: 'clinical-decision', date: '2026-09-22' });
    assert.deepEqual(res.warnings, []);
  });

  it('stores the national pathway codes each event yields', async () => {
    const ref = await assessed();
    await ok(ref, { kind: 'waiting', date: '2026-09-09' });
    await ok(ref, { kind: 'first-attendance', date: '2026-09-15', setting: 'outpatient' });
    await ok(ref, { kind: 'clinical-decision', date: '2026-09-29' });
    await ok(ref, { kind: 'evaluation', date: '2026-10-05', withPerson: true, feedbackToolUsed: true });
    await ok(ref, { kind: 'evaluation', date: '2026-11-02', withPerson: false });
    await ok(ref, { kind: 'round-ended', date: '2026-11-10' });
    await ok(ref, { kind: 'discharged', date: '2026-11-10', helpNeeded: 'municipal' });
    await ok(ref, { kind: 'ended', date: '2026-11-20', outcome: 'planned' });
    const rows = await t.db.owner
      .selectFrom('pathway_event')
      .select(['kind', 'codes', 'help_needed'])
      .where('episode_id', '=', ref.episodeId)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.kind, r.codes]),
      [
        ['referral-received', ['pathway-start']],
        ['referral-assessed', []],
        ['waiting', []],
        ['first-attendance', ['first-attendance']],
        ['clinical-decision', ['clinical-decision']],
        ['evaluation', ['evaluation-with-person', 'feedback-tool-used']],
        ['evaluation', ['evaluation-without-person']],
        ['round-ended', []],
        ['discharged', ['help-needed-at-discharge']],
        ['ended', ['pathway-end']],
      ],
    );
    assert.equal(rows.find((r) => r.kind === 'discharged')?.help_needed, 'municipal');
    const episode = await episodeOf(t, clinician, ref);
    assert.equal(episode.state, 'ended');
    assert.equal(episode.endOutcome, 'planned');
    assert.deepEqual(
      episode.events.map((e) => e.codes),
      rows.map((r) => r.codes),
    );
    // Ending the episode closes what was still open; nothing stays on the board.
    assert.ok(episode.deadlines.every((d) => d.metOn !== null || d.closedOn !== null));
  });
});

describe('drop-out and re-engagement (P-30, P-56)', () => {
  it('gives the responsible clinician a task, and a new round opens a new episode on the same timeline', async () => {
    const ref = await inTreatment(t, clinician, { setting: 'detox' });
    // The leader (on the care team too) records the drop-out; the task goes to the responsible clinician.
    await t.db.owner
      .insertInto('care_relation')
      .values({
        tenant_id: TSB,
        person_id: ref.personId,
        account_id: await accountId(t, 'leder'),
        organisation_id: TSB,
        kind: 'care-team',
        unit_id: UNITS.outpatient,
        from_at: new Date('2026-09-01T08:00:00Z'),
      })
      .execute();
    const dropped = await ok(ref, { kind: 'ended', date: '2026-11-20', outcome: 'drop-out' }, leader);
    assert.equal(dropped.state, 'ended');
    assert.ok(dropped.taskId);
    const task = await t.db.owner
      .selectFrom('pathway_task')
      .selectAll()
      .where('id', '=', dropped.taskId)
      .executeTakeFirstOrThrow();
    assert.equal(task.kind, 're-engagement');
    assert.equal(task.assignee_account_id, behandlerId);
    assert.equal(task.created_on, '2026-11-20');
    assert.equal(task.escalate_on, '2026-11-23', 're-engagement: 3 days');

    const mine = await expectStatus<{ tasks: { id: string; kind: string; mine: boolean; status: string }[] }>(
      send(t, 'GET', '/api/tasks', clinician),
      200,
    );
    const listed = mine.tasks.find((x) => x.id === dropped.taskId);
    assert.deepEqual(listed && [listed.kind, listed.mine, listed.status], ['re-engagement', true, 'open']);
    const leaders = await expectStatus<{ tasks: { id: string }[] }>(
      send(t, 'GET', '/api/tasks', leader),
      200,
    );
    assert.ok(!leaders.tasks.some((x) => x.id === dropped.taskId), 'not the leader’s, not escalated');

    const done = await expectStatus<{ status: string; outcome: string; episodeId: string }>(
      send(t, 'POST', `/api/tasks/${dropped.taskId}/complete`, clinician, {
        outcome: 'new-round',
        date: '2026-11-21',
        note: 'Vil prøve igjen',
      }),
      200,
    );
    assert.equal(done.outcome, 'new-round');
    assert.ok(done.episodeId && done.episodeId !== ref.episodeId);

    const { episodes } = await pathwayOf(t, clinician, ref.personId);
    assert.deepEqual(
      episodes.map((e) => e.id),
      [ref.episodeId, done.episodeId],
    );
    const [old, fresh] = episodes as [(typeof episodes)[0], (typeof episodes)[0]];
    assert.equal(old.state, 'ended');
    assert.equal(old.endOutcome, 'drop-out');
    assert.deepEqual(
      old.tasks.map((x) => [x.kind, x.status, x.outcome]),
      [['re-engagement', 'completed', 'new-round']],
    );
    assert.equal(fresh.state, 'waiting');
    assert.equal(fresh.previousEpisodeId, ref.episodeId);
    assert.equal(fresh.openedOn, '2026-11-21');
    assert.equal(fresh.responsible?.id, behandlerId);
    assert.equal(fresh.referral, null);
    assert.deepEqual(
      fresh.events.map((e) => [e.kind, e.date, e.codes]),
      [['readmitted', '2026-11-21', ['pathway-start']]],
    );
    assert.deepEqual(fresh.possibleEvents, ['first-attendance', 'ended']);
    const stored = await t.db.owner
      .selectFrom('episode')
      .select(['person_id', 'tenant_id', 'previous_episode_id'])
      .where('id', '=', done.episodeId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { person_id: ref.personId, tenant_id: TSB, previous_episode_id: ref.episodeId });

    const after = await expectStatus<{ tasks: { id: string }[] }>(
      send(t, 'GET', '/api/tasks', clinician),
      200,
    );
    assert.ok(!after.tasks.some((x) => x.id === dropped.taskId), 'a completed task leaves the list');
  });

  for (const outcome of ['declined', 'not-reached']) {
    it(`closes the task without a new episode when the outcome is "${outcome}"`, async () => {
      const ref = await inTreatment(t, clinician);
      const dropped = await ok(ref, { kind: 'ended', date: '2026-11-18', outcome: 'drop-out' });
      const done = await expectStatus<{ status: string; episodeId: string | null }>(
        send(t, 'POST', `/api/tasks/${dropped.taskId}/complete`, clinician, { outcome, date: '2026-11-19' }),
        200,
      );
      assert.deepEqual(done, { status: 'completed', outcome, episodeId: null });
      const { episodes } = await pathwayOf(t, clinician, ref.personId);
      assert.equal(episodes.length, 1);
      assert.equal(episodes[0]!.state, 'ended');
      assert.deepEqual(
        episodes[0]!.tasks.map((x) => [x.status, x.outcome]),
        [['completed', outcome]],
      );
    });
  }

  it('makes no task for an episode that ends as planned', async () => {
    const ref = await inTreatment(t, clinician);
    const res = await ok(ref, { kind: 'ended', date: '2026-11-18', outcome: 'planned' });
    assert.equal(res.taskId, null);
    assert.equal((await episodeFootprint(t, ref.episodeId)).tasks, 0);
  });
});
