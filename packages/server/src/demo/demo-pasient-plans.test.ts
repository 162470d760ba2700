import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { planOf, plansOf } from '../plan/plan.fixtures.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';

/** Per Pasient's plans in the demo, read over /api as Per and as kommune. */
let t: TestApp;
let perId: string;
let per: Headers;
let kim: Headers;
before(async () => {
  t = await testApp();
  perId = (await demoIds(t.db)).pasient;
  per = await login(t, 'pasient');
  kim = await login(t, 'kommune');
});
after(() => t.close());

describe("Per's plans in the demo", () => {
  it('has a treatment plan with his goals in his words, measures by behandler and kommune, and his signature', async () => {
    const plan = await planOf(t, per, perId, 'treatment');
    const goals = plan.entries.filter((e) => e.section === 'goal');
    assert.deepEqual(
      goals.slice(0, 2).map((g) => g.text),
      ['Ha et sted å bo som er mitt', 'Få være mer sammen med datteren min'],
    );
    for (const g of goals) {
      assert.equal(g.writtenBy, 'person');
      assert.ok(g.successMeans);
    }
    const measures = plan.entries.filter((e) => e.section === 'measure');
    assert.deepEqual([...new Set(measures.map((m) => m.owner?.name))].sort(), [
      'Bjørn Behandler',
      'Kim Kommune',
    ]);
    for (const m of measures) assert.ok(m.dueOn && m.evaluateOn);
    assert.ok(measures.some((m) => m.comments.some((c) => c.author.name === 'Per Pasient')));
    // He signed an earlier version; one change came after it.
    assert.deepEqual(
      plan.signatures.map((s) => [s.signedBy.name, s.current, s.version]),
      [['Per Pasient', false, plan.version - 1]],
    );
    assert.ok(plan.warnings.includes('not-signed-since-change'));
    assert.equal(plan.history.length, plan.version);
  });

  it('has a relapse-prevention plan with every section, a lapse and the update after it', async () => {
    const plan = await planOf(t, per, perId, 'relapse-prevention');
    const sections = new Set(plan.entries.map((e) => e.section));
    for (const s of [
      'high-risk-situation',
      'early-warning-sign',
      'coping-strategy',
      'contact-person',
      'practical-step',
      'after-a-lapse',
    ]) {
      assert.ok(sections.has(s), s);
    }
    assert.ok(plan.entries.some((e) => e.section === 'contact-person' && e.contactBeforeUse === true));
    assert.ok(!plan.warnings.includes('look-at-plan-together'), 'the plan was updated after the lapse');
    const { lapses, progress } = await expectStatus<{
      lapses: { occurredOn: string; writtenBy: string }[];
      progress: unknown;
    }>(send(t, 'GET', `/api/persons/${perId}/lapses`, per), 200);
    assert.equal(lapses.length, 1);
    assert.equal(lapses[0]?.writtenBy, 'person');
    const days = (TEST_NOW.getTime() - Date.parse(lapses[0]!.occurredOn)) / 86_400_000;
    assert.ok(days >= 38 && days <= 44, `the lapse of his ratings, ~40 days ago (${days})`);
    assert.ok(progress);
  });

  it('has a crisis plan with a review date, and a network map', async () => {
    const crisis = await planOf(t, per, perId, 'crisis');
    assert.ok(crisis.reviewOn);
    assert.deepEqual(crisis.warnings, []);
    assert.ok(crisis.networkContacts?.some((c) => c.name === 'Ole, broren min'));
    const { members } = await expectStatus<{
      members: { name: string; relation: string; quality: string }[];
    }>(send(t, 'GET', `/api/persons/${perId}/network`, per), 200);
    const quality = Object.fromEntries(members.map((m) => [m.relation, m.quality]));
    assert.deepEqual(quality, {
      family: 'supportive',
      friend: 'risky',
      child: 'strained',
      'self-help-group': 'supportive',
      helper: 'supportive',
    });
  });

  it('has promises made to him: one kept, one open, one overdue', async () => {
    const { promises } = await expectStatus<{ promises: { status: string; owner: { name: string } }[] }>(
      send(t, 'GET', `/api/persons/${perId}/promises`, per),
      200,
    );
    assert.deepEqual(promises.map((p) => p.status).sort(), ['kept', 'open', 'overdue']);
  });

  it('shares the treatment and crisis plans with kommune, and nothing else of the plans', async () => {
    const { consents } = await expectStatus<{ consents: { planParts: string[]; active: boolean }[] }>(
      send(t, 'GET', `/api/persons/${perId}/consents`, kim),
      200,
    );
    assert.deepEqual(
      consents.map((c) => [c.active, c.planParts]),
      [[true, ['treatment', 'crisis']]],
    );
    assert.deepEqual(
      (await plansOf(t, kim, perId)).map((p) => p.kind),
      ['treatment', 'crisis'],
    );
    await expectStatus(send(t, 'GET', `/api/persons/${perId}/network`, kim), 404);
    await expectStatus(send(t, 'GET', `/api/persons/${perId}/lapses`, kim), 404);
  });
});
