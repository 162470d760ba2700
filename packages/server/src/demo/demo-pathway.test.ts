import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type DimensionRatings,
  deadlinesFor,
  EpisodeStates,
  osloDate,
  type PathwayEvent,
  pathwayCodes,
  recommendLevel,
  replay,
  type Setting,
  taskStatus,
} from '@bedring/domain';
import { timeLimits } from '../pathway/time-limit.repository.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';
import { KOMMUNE, UNITS } from './demo-accounts.ts';

/** The demo's care pathway: every phase is there, and it is what the pathway rules would have stored. */
let t: TestApp;
const today = osloDate(TEST_NOW);
before(async () => {
  t = await testApp({ persons: 120 });
});
after(() => t.close());

const o = () => t.db.owner;
const account = async (username: string) =>
  (await o().selectFrom('account').select('id').where('username', '=', username).executeTakeFirstOrThrow())
    .id;

describe('the demo care pathway', () => {
  it('has every episode state, and treatment rounds in every setting', async () => {
    const episodes = await o().selectFrom('episode').select(['state', 'active_setting']).execute();
    const states = new Set(episodes.map((e) => e.state));
    for (const state of EpisodeStates) assert.ok(states.has(state), `an episode that is ${state}`);
    const settings = new Set(episodes.filter((e) => e.state === 'in-treatment').map((e) => e.active_setting));
    for (const s of ['outpatient', 'day', 'inpatient', 'detox', 'lar'])
      assert.ok(settings.has(s), `in treatment: ${s}`);
  });

  it('stores the deadlines deadlinesFor computes from the stored events, and the codes and states they give', async () => {
    const limits = await timeLimits(o());
    const episodes = await o()
      .selectFrom('episode as e')
      .leftJoin('referral as r', (j) =>
        j.onRef('r.tenant_id', '=', 'e.tenant_id').onRef('r.id', '=', 'e.referral_id'),
      )
      .select([
        'e.id',
        'e.state',
        'e.planned_setting',
        'e.version',
        'r.received_on',
        'r.treatment_start_deadline',
      ])
      .execute();
    const events = await o().selectFrom('pathway_event').selectAll().orderBy('position').execute();
    const deadlines = await o().selectFrom('pathway_deadline').selectAll().execute();
    assert.ok(episodes.length > 50 && deadlines.length > 50);
    for (const e of episodes) {
      const own = events.filter((ev) => ev.episode_id === e.id);
      const stored: PathwayEvent[] = own.map((ev) => ({
        kind: ev.kind as PathwayEvent['kind'],
        date: ev.date,
        setting: ev.setting as Setting | null,
        withPerson: ev.with_person,
        feedbackToolUsed: ev.feedback_tool_used,
        outcome: ev.outcome as PathwayEvent['outcome'],
        helpNeeded: ev.help_needed as PathwayEvent['helpNeeded'],
      }));
      assert.equal(replay(stored).state, e.state, `episode ${e.id}: state from its events`);
      assert.equal(e.version, own.length);
      own.forEach((ev, i) => {
        assert.deepEqual(ev.codes, pathwayCodes(stored[i]!));
        assert.ok(ev.date <= today, 'no event in the future');
      });
      const expected = deadlinesFor(
        {
          referralReceivedOn: e.received_on,
          treatmentStartDeadline: e.treatment_start_deadline,
          plannedSetting: e.planned_setting as Setting | null,
          events: stored,
        },
        limits,
      )
        .map((d) => [d.kind, d.startsOn, d.dueOn, d.metOn, d.closedOn, d.settingClass, d.limitDays].join(' '))
        .sort();
      const actual = deadlines
        .filter((d) => d.episode_id === e.id)
        .map((d) =>
          [d.kind, d.starts_on, d.due_on, d.met_on, d.closed_on, d.setting_class, d.limit_days].join(' '),
        )
        .sort();
      assert.deepEqual(actual, expected, `episode ${e.id}: deadlines`);
    }
    // Events met late carry the warning the rules give.
    assert.ok(
      events.some((ev) => (ev.warnings as { code: string }[]).some((w) => w.code === 'deadline-missed')),
    );
  });

  it('puts overdue and due-soon deadlines of every kind on the boards of leder and behandler', async () => {
    const open = await o()
      .selectFrom('pathway_deadline')
      .select(['kind', 'due_on', 'unit_id', 'responsible_account_id'])
      .where('met_on', 'is', null)
      .where('closed_on', 'is', null)
      .execute();
    const overdue = new Set(open.filter((d) => d.due_on < today).map((d) => d.kind));
    for (const kind of [
      'referral-assessment',
      'treatment-start',
      'clinical-decision',
      'first-evaluation',
      'next-evaluation',
    ])
      assert.ok(overdue.has(kind), `an overdue ${kind} deadline`);
    for (const username of ['leder', 'behandler']) {
      const res = await t.app.inject({
        url: '/api/deadlines',
        headers: { authorization: `Bearer ${await t.login(username)}` },
      });
      assert.equal(res.statusCode, 200, res.body);
      const { counts } = res.json();
      assert.ok(
        counts.overdue > 0 && counts.dueSoon > 0 && counts.open > counts.overdue + counts.dueSoon,
        username,
      );
    }
    assert.ok(open.some((d) => d.unit_id === UNITS.inpatient));
  });

  it('has dimensional assessments by the level-of-care rules, over- and under-matched with reasons, and re-assessments', async () => {
    const rows = await o().selectFrom('assessment').selectAll().execute();
    for (const a of rows) {
      const rec = recommendLevel({
        ratings: a.ratings as DimensionRatings,
        opioidDependence: a.opioid_dependence,
      });
      assert.equal(a.recommended_level, rec.level);
      assert.equal(a.match === 'matched', a.match_reason === '');
    }
    for (const match of ['matched', 'over-matched', 'under-matched'])
      assert.ok(
        rows.some((a) => a.match === match),
        match,
      );
    const perEpisode = new Map<string, number>();
    for (const a of rows) perEpisode.set(a.episode_id, (perEpisode.get(a.episode_id) ?? 0) + 1);
    assert.ok(
      [...perEpisode.values()].some((n) => n >= 2),
      'an episode re-assessed',
    );
  });

  it('has handovers with consent and follow-up relation, completed ones, and one whose first contact is late', async () => {
    const kommune = await account('kommune');
    const handovers = await o().selectFrom('handover').selectAll().execute();
    for (const h of handovers) {
      const consent = await o()
        .selectFrom('consent')
        .select(['grantee_organisation_id', 'person_id'])
        .where('id', '=', h.consent_id)
        .executeTakeFirstOrThrow();
      assert.equal(consent.grantee_organisation_id, h.municipal_organisation_id);
      assert.equal(consent.person_id, h.person_id);
      const relation = await o()
        .selectFrom('care_relation')
        .select('id')
        .where('person_id', '=', h.person_id)
        .where('account_id', '=', h.municipal_account_id)
        .where('kind', '=', 'follow-up')
        .executeTakeFirst();
      assert.ok(relation, 'the municipal worker follows the person up');
    }
    assert.ok(handovers.some((h) => h.first_contact_on !== null));
    const tasks = await o().selectFrom('pathway_task').selectAll().where('kind', '=', 'handover').execute();
    const status = (x: (typeof tasks)[number]) =>
      taskStatus({ escalateOn: x.escalate_on, completedOn: x.completed_on }, today);
    const kommunes = tasks.filter((x) => x.assignee_account_id === kommune);
    assert.ok(
      kommunes.some((x) => status(x) === 'escalated'),
      'kommune has an escalated handover task',
    );
    assert.ok(
      kommunes.some((x) => status(x) === 'open'),
      'kommune has an open handover task',
    );
    assert.ok(tasks.every((x) => x.assignee_organisation_id === KOMMUNE));

    const res = await t.app.inject({
      url: '/api/tasks',
      headers: { authorization: `Bearer ${await t.login('kommune')}` },
    });
    const statuses = new Set(res.json().tasks.map((x: { status: string }) => x.status));
    assert.ok(statuses.has('open') && statuses.has('escalated'), res.body);
  });

  it('has drop-outs with re-engagement tasks, and new rounds as re-admissions linked to the episode before', async () => {
    const tasks = await o()
      .selectFrom('pathway_task')
      .selectAll()
      .where('kind', '=', 're-engagement')
      .execute();
    assert.ok(
      tasks.some((x) => x.completed_on === null),
      'an open re-engagement task',
    );
    const newRounds = tasks.filter((x) => x.outcome === 'new-round');
    assert.ok(newRounds.length > 0);
    for (const task of newRounds) {
      const readmitted = await o()
        .selectFrom('episode')
        .selectAll()
        .where('previous_episode_id', '=', task.episode_id)
        .executeTakeFirstOrThrow();
      const previous = await o()
        .selectFrom('episode')
        .selectAll()
        .where('id', '=', task.episode_id)
        .executeTakeFirstOrThrow();
      assert.equal(previous.end_outcome, 'drop-out');
      assert.equal(readmitted.person_id, previous.person_id);
      assert.equal(readmitted.opened_on, task.completed_on);
      assert.ok(readmitted.opened_on >= previous.ended_on!);
    }
    // Re-admissions across years: a person with three or more episodes over more than two years.
    const episodes = await o().selectFrom('episode').select(['person_id', 'opened_on']).execute();
    const byPerson = new Map<string, string[]>();
    for (const e of episodes) byPerson.set(e.person_id, [...(byPerson.get(e.person_id) ?? []), e.opened_on]);
    assert.ok(
      [...byPerson.values()].some((days) => {
        const sorted = days.sort();
        return sorted.length >= 3 && Number(sorted.at(-1)!.slice(0, 4)) - Number(sorted[0]!.slice(0, 4)) >= 2;
      }),
    );
  });

  it("gives Per Pasient a planned end, a drop-out, the new round now in kommune's follow-up, and a short stay", async () => {
    const { pasient, kommune } = await demoIds(t.db);
    const episodes = await o()
      .selectFrom('episode')
      .selectAll()
      .where('person_id', '=', pasient)
      .orderBy('opened_on')
      .execute();
    assert.deepEqual(
      episodes.map((e) => [e.state, e.end_outcome]),
      [
        ['ended', 'planned'],
        ['ended', 'drop-out'],
        ['follow-up', null],
        // His brukerstyrt innleggelse after the lapse (demo-self-admission.ts), linked to the follow-up.
        ['ended', 'planned'],
      ],
    );
    assert.equal(episodes[2]!.previous_episode_id, episodes[1]!.id);
    assert.equal(episodes[3]!.previous_episode_id, episodes[2]!.id);
    assert.equal(episodes[3]!.referral_id, null);
    const handover = await o()
      .selectFrom('handover')
      .selectAll()
      .where('episode_id', '=', episodes[2]!.id)
      .executeTakeFirstOrThrow();
    assert.equal(handover.municipal_account_id, kommune);
    assert.ok(handover.first_contact_on);
    const res = await t.app.inject({
      url: `/api/persons/${pasient}/pathway`,
      headers: { authorization: `Bearer ${await t.login('behandler')}` },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().episodes.length, 4);
  });

  it('leaves the stranger of the tests without a pathway', async () => {
    const { stranger } = await demoIds(t.db);
    const rows = await o().selectFrom('episode').select('id').where('person_id', '=', stranger).execute();
    assert.equal(rows.length, 0);
  });
});
