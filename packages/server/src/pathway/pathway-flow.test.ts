import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UNITS } from '../demo/demo.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';

/**
 * The whole pathway over real HTTP on a real database: referral → assessment of the referral → first
 * attendance → dimensional assessment and level of care → clinical decision → discharge checklist →
 * discharge → handover → the municipal worker's first contact closes the task.
 */
let t: TestApp;
let clinician: Record<string, string>;
let municipal: Record<string, string>;
let kommuneId: string;
before(async () => {
  t = await testApp({ persons: 20 });
  clinician = { authorization: `Bearer ${await t.login('behandler')}` };
  municipal = { authorization: `Bearer ${await t.login('kommune')}` };
  kommuneId = (
    await t.db.owner
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'kommune')
      .executeTakeFirstOrThrow()
  ).id;
});
after(() => t.close());

const ratings = (now: number[]) =>
  Object.fromEntries(
    [
      'withdrawal',
      'physical-health',
      'mental-health',
      'readiness',
      'relapse-risk',
      'recovery-environment',
    ].map((d, i) => [d, { now: now[i], rationale: `vurdert ${d}` }]),
  );

describe('the care pathway end to end (API)', () => {
  it('goes from referral to a municipal first contact that closes the handover task', async () => {
    const post = (url: string, payload: object, headers = clinician) =>
      t.app.inject({ method: 'POST', url, headers, payload });
    const referral = await post('/api/referrals', {
      person: {
        nationalId: '01017099999',
        givenName: 'Test',
        familyName: 'Forløp',
        birthDate: '1970-01-01',
        gender: 'unknown',
      },
      unitId: UNITS.outpatient,
      referrer: { kind: 'gp', name: 'Fastlege Synt', organisation: 'Legekontoret' },
      receivedOn: '2026-09-01',
      checklist: { 'own-participation': true, 'substance-use': true },
      coordinator: { name: 'Kari Koordinator', contact: 'tlf 1' },
    });
    assert.equal(referral.statusCode, 201, referral.body);
    const { personId, referralId, episodeId, completeness } = referral.json();
    assert.equal(completeness.done, 2);
    const base = `/api/persons/${personId}`;

    const assessed = await post(`${base}/referrals/${referralId}/assessment`, {
      assessedOn: '2026-09-08',
      outcome: 'right-to-treatment',
      treatmentStartDeadline: '2026-10-15',
      letterToPersonOn: '2026-09-08',
      letterToReferrerOn: '2026-09-08',
    });
    assert.equal(assessed.statusCode, 200, assessed.body);
    assert.equal(assessed.json().state, 'assessed');

    const illegal = await post(`${base}/episodes/${episodeId}/events`, {
      kind: 'discharged',
      date: '2026-09-09',
    });
    assert.equal(illegal.statusCode, 409, illegal.body);
    assert.equal(illegal.json().error.code, 'illegal_transition');

    const first = await post(`${base}/episodes/${episodeId}/events`, {
      kind: 'first-attendance',
      date: '2026-10-01',
      setting: 'outpatient',
    });
    assert.equal(first.statusCode, 201, first.body);

    const assessment = await post(`${base}/episodes/${episodeId}/assessments`, {
      assessedOn: '2026-10-05',
      personGoals: 'Ha et sted å bo og en jobb å gå til',
      personResources: 'Søsteren min',
      ratings: ratings([1, 1, 3, 2, 2, 1]),
      chosenLevel: 'short-inpatient',
    });
    assert.equal(assessment.statusCode, 201, assessment.body);
    assert.equal(assessment.json().recommendation.level, 'short-inpatient');
    assert.deepEqual(assessment.json().recommendation.drivers, ['mental-health']);

    // Late clinical decision (outpatient limit 21 days from 1 October): recorded, with a warning.
    const decision = await post(`${base}/episodes/${episodeId}/events`, {
      kind: 'clinical-decision',
      date: '2026-10-30',
      reason: 'Ventet på prøvesvar',
    });
    assert.equal(decision.statusCode, 201, decision.body);
    assert.equal(decision.json().warnings[0].code, 'deadline-missed');

    const checklist = await t.app.inject({
      method: 'PUT',
      url: `${base}/episodes/${episodeId}/discharge-checklist`,
      headers: clinician,
      payload: {
        items: { 'own-housing': { answer: 'yes' }, 'risk-assessments-shared': { answer: 'not-relevant' } },
        helpNeeded: 'municipal',
      },
    });
    assert.equal(checklist.statusCode, 200, checklist.body);
    assert.equal(checklist.json().readiness.gaps.length, 8);

    const discharged = await post(`${base}/episodes/${episodeId}/events`, {
      kind: 'discharged',
      date: '2026-11-10',
    });
    assert.equal(discharged.statusCode, 201, discharged.body);
    assert.equal(discharged.json().warnings[0].code, 'discharge-not-ready');

    const staff = await t.app.inject({ url: '/api/staff?role=municipal', headers: clinician });
    const kommune = staff.json().staff.find((s: { id: string }) => s.id === kommuneId);
    assert.ok(kommune, 'the municipal worker is in the staff directory');
    const handover = await post(`${base}/episodes/${episodeId}/handover`, {
      municipalAccountId: kommune.id,
      handedOverOn: '2026-11-10',
      summary: 'Oppsummering',
      followUpPlan: 'Hjemmebesøk to ganger i uka',
      consent: { givenOn: '2026-11-09' },
    });
    assert.equal(handover.statusCode, 201, handover.body);
    const { taskId } = handover.json();

    const tasks = await t.app.inject({ url: '/api/tasks', headers: municipal });
    assert.equal(tasks.statusCode, 200, tasks.body);
    const task = tasks.json().tasks.find((x: { id: string }) => x.id === taskId);
    assert.ok(task, 'the municipal worker sees the handover task');
    assert.equal(task.status, 'escalated', '12 days after handover with no contact: escalated');

    const leader = { authorization: `Bearer ${await t.login('leder')}` };
    const escalated = await t.app.inject({ url: '/api/tasks', headers: leader });
    assert.ok(
      escalated.json().tasks.some((x: { id: string }) => x.id === taskId),
      'the unit leader sees it',
    );

    const done = await post(
      `/api/tasks/${taskId}/complete`,
      { outcome: 'first-contact', date: '2026-11-20' },
      municipal,
    );
    assert.equal(done.statusCode, 200, done.body);

    const pathway = await t.app.inject({ url: `${base}/pathway`, headers: clinician });
    assert.equal(pathway.statusCode, 200, pathway.body);
    const episode = pathway.json().episodes[0];
    assert.equal(episode.state, 'follow-up');
    assert.equal(episode.handover.firstContactOn, '2026-11-20');
    assert.equal(episode.tasks[0].status, 'completed');
    assert.ok(episode.events.some((e: { codes: string[] }) => e.codes.includes('help-needed-at-discharge')));
    assert.equal(TEST_NOW.toISOString().slice(0, 10), '2026-11-22');
  });
});
