import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TSB, UNITS } from '../demo/demo.ts';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import {
  episodeFootprint,
  episodeOf,
  inTreatment,
  type Ref,
  ratings,
  recordEvent,
} from './pathway.fixtures.ts';

/** Dimensional assessment and level of care (docs/domain/pathway.md, M-01, P-20–P-27) over HTTP. */
let t: TestApp;
let clinician: Headers;
before(async () => {
  t = await testApp({ persons: 20 });
  clinician = await login(t, 'behandler');
});
after(() => t.close());

interface Assessed {
  id: string;
  recommendation: { level: string; rule: string; drivers: string[] };
  chosenLevel: string;
  match: string;
}

function assessmentBody(now: number[], chosenLevel: string, extra: Record<string, unknown> = {}) {
  return {
    assessedOn: '2026-10-05',
    personGoals: 'Ha et sted å bo og en jobb å gå til',
    personResources: 'Søsteren min',
    ratings: ratings(now),
    chosenLevel,
    ...extra,
  };
}

const assess = (ref: Ref, body: object, headers = clinician) =>
  send(t, 'POST', `${ref.episode}/assessments`, headers, body);

describe('the dimensional assessment', () => {
  const cases: [string, number[], boolean, string, string, string[]][] = [
    ['withdrawal 3', [3, 0, 0, 0, 0, 0], false, 'detox-first', 'withdrawal-needs-detox', ['withdrawal']],
    [
      'opioid dependence with withdrawal and relapse risk 2',
      [2, 0, 0, 1, 2, 0],
      true,
      'lar-assessment',
      'opioids-lar-assessment',
      ['withdrawal', 'relapse-risk'],
    ],
    [
      'two severe dimensions',
      [0, 3, 4, 0, 0, 0],
      false,
      'long-inpatient',
      'several-severe-long-inpatient',
      ['physical-health', 'mental-health'],
    ],
    [
      'one severe dimension',
      [1, 1, 3, 2, 2, 1],
      false,
      'short-inpatient',
      'one-severe-short-inpatient',
      ['mental-health'],
    ],
    [
      'moderate needs and low readiness',
      [0, 2, 0, 3, 0, 0],
      false,
      'day',
      'moderate-or-low-readiness-day',
      ['physical-health', 'readiness'],
    ],
    ['low needs', [1, 1, 1, 1, 1, 1], false, 'outpatient', 'lowest-effective-outpatient', []],
  ];
  for (const [what, now, opioids, level, rule, drivers] of cases) {
    it(`recommends ${level} for ${what}, with the rule and the dimensions that drove it`, async () => {
      const ref = await inTreatment(t, clinician);
      const res = await expectStatus<Assessed>(
        assess(ref, assessmentBody(now, level, { opioidDependence: opioids })),
        201,
      );
      assert.deepEqual(res.recommendation, { level, rule, drivers });
      assert.equal(res.match, 'matched');
      const row = await t.db.owner
        .selectFrom('assessment')
        .selectAll()
        .where('id', '=', res.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.recommended_level, level);
      assert.deepEqual(row.drivers, drivers);
      assert.equal(row.opioid_dependence, opioids);
      assert.equal(row.person_goals, 'Ha et sted å bo og en jobb å gå til');
      assert.equal(row.match_reason, '');
    });
  }

  it('refuses another level than recommended without a reason (400) and writes nothing', async () => {
    const ref = await inTreatment(t, clinician);
    const before = await episodeFootprint(t, ref.episodeId);
    for (const extra of [{}, { matchReason: '   ' }]) {
      const res = await assess(ref, assessmentBody([1, 1, 3, 2, 2, 1], 'outpatient', extra));
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'reason_required');
      assert.deepEqual(res.json().error.details, [{ field: 'matchReason' }]);
    }
    assert.deepEqual(await episodeFootprint(t, ref.episodeId), before);
  });

  const matches: [string, string][] = [
    ['long-inpatient', 'over-matched'],
    ['outpatient', 'under-matched'],
    ['detox-first', 'different-track'],
  ];
  for (const [chosen, match] of matches) {
    it(`records choosing ${chosen} over the recommended short-inpatient as ${match}, with the reason`, async () => {
      const ref = await inTreatment(t, clinician);
      const reason = `Personen ønsker ${chosen}`;
      const res = await expectStatus<Assessed>(
        assess(ref, assessmentBody([1, 1, 3, 2, 2, 1], chosen, { matchReason: reason })),
        201,
      );
      assert.equal(res.recommendation.level, 'short-inpatient');
      assert.equal(res.chosenLevel, chosen);
      assert.equal(res.match, match);
      const episode = await episodeOf(t, clinician, ref);
      assert.deepEqual(
        episode.assessments.map((a) => [a.chosenLevel, a.match, a.matchReason]),
        [[chosen, match, reason]],
      );
    });
  }

  it('shows change per dimension at a re-assessment (M-01)', async () => {
    const ref = await inTreatment(t, clinician);
    await expectStatus(assess(ref, assessmentBody([1, 1, 3, 2, 2, 1], 'short-inpatient')), 201);
    await expectStatus(
      assess(ref, assessmentBody([1, 1, 2, 1, 1, 0], 'day', { assessedOn: '2026-11-05' })),
      201,
    );
    const episode = await episodeOf(t, clinician, ref);
    assert.equal(episode.assessments.length, 2);
    assert.equal(episode.assessments[0]!.change, null);
    assert.deepEqual(episode.assessments[1]!.change, [
      { dimension: 'withdrawal', before: 1, after: 1, change: 0 },
      { dimension: 'physical-health', before: 1, after: 1, change: 0 },
      { dimension: 'mental-health', before: 3, after: 2, change: -1 },
      { dimension: 'readiness', before: 2, after: 1, change: -1 },
      { dimension: 'relapse-risk', before: 2, after: 1, change: -1 },
      { dimension: 'recovery-environment', before: 1, after: 0, change: -1 },
    ]);
    assert.equal(episode.assessments[1]!.recommendation.level, 'day');
    assert.equal(episode.plannedSetting, 'day', 'the latest chosen level sets the planned setting');
  });

  it('lets the planned setting decide the detox → next treatment deadline', async () => {
    const ref = await inTreatment(t, clinician, { firstOn: '2026-09-15', setting: 'detox' });
    await expectStatus(recordEvent(t, clinician, ref, { kind: 'round-ended', date: '2026-09-20' }), 201);
    const detoxDeadline = async () =>
      (await episodeOf(t, clinician, ref)).deadlines.find((d) => d.kind === 'next-treatment-after-detox')!;
    // No level chosen yet: outpatient, at most 3 days.
    let d = await detoxDeadline();
    assert.deepEqual(
      [d.startsOn, d.dueOn, d.settingClass, d.limitDays],
      ['2026-09-20', '2026-09-23', 'outpatient', 3],
    );

    // Inpatient treatment next: the same day.
    await expectStatus(
      assess(
        ref,
        assessmentBody([3, 1, 3, 2, 2, 1], 'short-inpatient', {
          assessedOn: '2026-09-21',
          matchReason: 'Avrusning er gjort; døgnbehandling videre',
        }),
      ),
      201,
    );
    d = await detoxDeadline();
    assert.deepEqual([d.dueOn, d.settingClass, d.limitDays], ['2026-09-20', 'inpatient', 0]);
    assert.equal((await episodeOf(t, clinician, ref)).plannedSetting, 'inpatient');

    const next = await expectStatus<{ warnings: unknown[] }>(
      recordEvent(t, clinician, ref, { kind: 'round-started', date: '2026-09-22', setting: 'inpatient' }),
      201,
    );
    assert.deepEqual(next.warnings, [
      { code: 'deadline-missed', deadline: 'next-treatment-after-detox', dueOn: '2026-09-20', daysLate: 2 },
    ]);
  });

  it('is refused on an ended episode (409), in the future (400), and to milieu staff (403)', async () => {
    const ref = await inTreatment(t, clinician);
    const future = await assess(
      ref,
      assessmentBody([1, 1, 1, 1, 1, 1], 'outpatient', { assessedOn: '2026-11-23' }),
    );
    assert.equal(future.statusCode, 400, future.body);
    assert.equal(future.json().error.code, 'date_in_future');

    const noGoals = await assess(ref, {
      ...assessmentBody([1, 1, 1, 1, 1, 1], 'outpatient'),
      personGoals: '',
    });
    assert.equal(noGoals.statusCode, 400, noGoals.body);

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
    const milieu = await assess(
      ref,
      assessmentBody([1, 1, 1, 1, 1, 1], 'outpatient'),
      await login(t, 'miljo'),
    );
    assert.equal(milieu.statusCode, 403, milieu.body);

    await expectStatus(
      recordEvent(t, clinician, ref, { kind: 'ended', date: '2026-11-01', outcome: 'planned' }),
      201,
    );
    const before = await episodeFootprint(t, ref.episodeId);
    const ended = await assess(ref, assessmentBody([1, 1, 1, 1, 1, 1], 'outpatient'));
    assert.equal(ended.statusCode, 409, ended.body);
    assert.equal(ended.json().error.code, 'episode_ended');
    assert.deepEqual(await episodeFootprint(t, ref.episodeId), before);
    assert.equal(before.assessments, 0);
  });

  it('audits the assessment on the person’s record', async () => {
    const ref = await inTreatment(t, clinician);
    const res = await expectStatus<Assessed>(
      assess(ref, assessmentBody([1, 1, 1, 1, 1, 1], 'outpatient')),
      201,
    );
    const audit = await t.db.owner
      .selectFrom('audit_event')
      .select(['action', 'actor_account_id'])
      .where('person_id', '=', ref.personId)
      .where('resource_type', '=', 'ClinicalImpression')
      .where('resource_id', '=', res.id)
      .execute();
    assert.deepEqual(audit, [{ action: 'create', actor_account_id: await accountId(t, 'behandler') }]);
  });
});
