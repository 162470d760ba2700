import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DischargeFactsAnswer, RiskAssessmentList } from '@bedring/contract';
import type { Bundle, RiskAssessment } from '@medplum/fhirtypes';
import { demoIds } from '../testing/demo-ids.ts';
import { fhirProblems } from '../testing/fhir-validation.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { inTreatment } from './pathway.fixtures.ts';

/**
 * Suicide- and violence-risk assessments over HTTP, and what the discharge checklist is told of them and of
 * the person's children and relatives (docs/decisions/0019-relatives-and-risk.md). The tests' day is
 * 2026-11-22.
 */
let t: TestApp;
let clinician: Headers;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => {
  t = await testApp();
  clinician = await login(t, 'behandler');
  ids = await demoIds(t.db);
});
after(() => t.close());

const assessment = (over: Record<string, unknown> = {}) => ({
  kind: 'suicide',
  assessedOn: '2026-11-20',
  level: 'moderate',
  factors: 'Tidligere selvmordsforsøk; bor alene; god kontakt med søsteren',
  plan: 'Kriseplanen gjennomgått; ny samtale om en uke',
  shareAtHandover: true,
  ...over,
});

const listOf = async (personId: string, headers: Headers) =>
  (
    await expectStatus<RiskAssessmentList>(
      send(t, 'GET', `/api/persons/${personId}/risk-assessments`, headers),
      200,
    )
  ).assessments;

describe('risk assessments', () => {
  it('records a dated assessment with its assessor, newest first, and raises high and acute', async () => {
    const url = `/api/persons/${ids.pasient}/risk-assessments`;
    const first = await expectStatus<{ id: string }>(send(t, 'POST', url, clinician, assessment()), 201);
    const second = await expectStatus<{ id: string }>(
      send(
        t,
        'POST',
        url,
        clinician,
        assessment({ kind: 'violence', level: 'high', assessedOn: '2026-11-21', shareAtHandover: false }),
      ),
      201,
    );
    const list = await listOf(ids.pasient, clinician);
    assert.deepEqual(
      list.slice(0, 2).map((a) => [a.id, a.kind, a.level, a.raised]),
      [
        [second.id, 'violence', 'high', true],
        [first.id, 'suicide', 'moderate', false],
      ],
    );
    const one = list.find((a) => a.id === first.id)!;
    assert.equal(one.assessedOn, '2026-11-20');
    assert.deepEqual(one.assessor, { id: ids.behandler, name: 'Bjørn Behandler', role: 'clinician' });
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select('action')
      .where('resource_type', '=', 'RiskAssessment')
      .where('resource_id', '=', first.id)
      .execute();
    assert.deepEqual(
      audited.map((a) => a.action),
      ['create'],
    );
  });

  it('shows the municipal worker only those shared with the handover; the person all of their own', async () => {
    const all = await listOf(ids.pasient, clinician);
    assert.ok(all.some((a) => !a.shareAtHandover));
    const municipal = await listOf(ids.pasient, await login(t, 'kommune'));
    assert.deepEqual(
      municipal.map((a) => a.id),
      all.filter((a) => a.shareAtHandover).map((a) => a.id),
    );
    const own = await listOf(ids.pasient, await login(t, 'pasient'));
    assert.deepEqual(
      own.map((a) => a.id),
      all.map((a) => a.id),
    );
  });

  it('is neither read by a peer worker nor made by milieu staff or the person; a future date is refused', async () => {
    const url = `/api/persons/${ids.pasient}/risk-assessments`;
    const before = (await listOf(ids.pasient, clinician)).length;
    const peer = await expectStatus<{ error: { code: string } }>(
      send(t, 'GET', url, await login(t, 'likeperson')),
      403,
    );
    assert.equal(peer.error.code, 'role_cannot_do_this');
    await expectStatus(send(t, 'POST', url, await login(t, 'miljo'), assessment()), 403);
    await expectStatus(send(t, 'POST', url, await login(t, 'pasient'), assessment()), 403);
    const future = await expectStatus<{ error: { code: string } }>(
      send(t, 'POST', url, clinician, assessment({ assessedOn: '2026-11-23' })),
      400,
    );
    assert.equal(future.error.code, 'date_in_future');
    await expectStatus(send(t, 'POST', url, clinician, assessment({ level: 'severe' })), 400);
    await expectStatus(send(t, 'POST', url, clinician, assessment({ factors: ' ' })), 400);
    assert.equal((await listOf(ids.pasient, clinician)).length, before);
  });
});

describe('the discharge checklist is told what the record holds', () => {
  it('hints at children, relatives and assessments until they are recorded, then has nothing to add', async () => {
    const ref = await inTreatment(t, clinician);
    const facts = () =>
      expectStatus<DischargeFactsAnswer>(send(t, 'GET', `${ref.episode}/discharge-facts`, clinician), 200);
    const empty = await facts();
    assert.deepEqual(empty.hints, [
      { item: 'children-and-relatives-asked', code: 'nothing-recorded' },
      { item: 'risk-assessments-done', code: 'suicide-not-assessed' },
      { item: 'risk-assessments-done', code: 'violence-not-assessed' },
    ]);

    const child = {
      kind: 'child',
      name: 'Emma',
      birthYear: 2018,
      caredForBy: 'Faren',
      mayContact: false,
      mayInform: false,
    };
    await expectStatus(send(t, 'POST', `${ref.person}/relatives`, clinician, child), 201);
    const risk = `${ref.person}/risk-assessments`;
    await expectStatus(send(t, 'POST', risk, clinician, assessment({ assessedOn: '2026-11-21' })), 201);
    await expectStatus(
      send(
        t,
        'POST',
        risk,
        clinician,
        assessment({ kind: 'violence', level: 'low', assessedOn: '2026-11-21', shareAtHandover: false }),
      ),
      201,
    );
    const some = await facts();
    assert.deepEqual(some.facts, {
      children: 1,
      relatives: 0,
      minorChildrenWithGaps: 1,
      risk: {
        suicide: { level: 'moderate', assessedOn: '2026-11-21', shareAtHandover: true },
        violence: { level: 'low', assessedOn: '2026-11-21', shareAtHandover: false },
      },
    });
    assert.deepEqual(some.hints, [
      { item: 'children-and-relatives-asked', code: 'minor-child-follow-up' },
      { item: 'risk-assessments-shared', code: 'not-shared' },
    ]);

    // A new assessment the same day, shared: the latest one counts.
    await expectStatus(
      send(
        t,
        'POST',
        risk,
        clinician,
        assessment({ kind: 'violence', level: 'low', assessedOn: '2026-11-22' }),
      ),
      201,
    );
    const later = await facts();
    assert.deepEqual(later.hints, [{ item: 'children-and-relatives-asked', code: 'minor-child-follow-up' }]);
  });

  it('counts only assessments made since the episode opened', async () => {
    // Received (and opened) 2026-09-01.
    const ref = await inTreatment(t, clinician);
    await expectStatus(
      send(t, 'POST', `${ref.person}/risk-assessments`, clinician, assessment({ assessedOn: '2026-08-01' })),
      201,
    );
    const answer = await expectStatus<DischargeFactsAnswer>(
      send(t, 'GET', `${ref.episode}/discharge-facts`, clinician),
      200,
    );
    assert.equal(answer.facts.risk.suicide, null);
  });
});

describe('risk assessments in FHIR', () => {
  const search = async (headers: Headers) => {
    const bundle = await expectStatus<Bundle<RiskAssessment>>(
      send(t, 'GET', `/fhir/RiskAssessment?patient=Patient/${ids.pasient}`, headers),
      200,
    );
    return (bundle.entry ?? []).map((e) => e.resource!);
  };

  it('are valid RiskAssessments with the kind, the level, the factors and the plan', async () => {
    const found = await search(clinician);
    assert.ok(found.length >= 3, 'Per has three in the demo');
    for (const r of found) assert.deepEqual(fhirProblems(r), []);
    const moderate = found.find((r) => r.prediction?.[0]?.qualitativeRisk?.coding?.[0]?.code === 'moderate')!;
    assert.equal(moderate.code?.coding?.[0]?.code, 'suicide');
    assert.equal(moderate.subject?.reference, `Patient/${ids.pasient}`);
    assert.match(moderate.mitigation ?? '', /Kriseplan/);
    const one = await expectStatus<RiskAssessment>(
      send(t, 'GET', `/fhir/RiskAssessment/${moderate.id}`, clinician),
      200,
    );
    assert.equal(one.id, moderate.id);
  });

  it('show the municipal worker only those shared with the handover, by search and by id', async () => {
    const all = await search(clinician);
    const kommune = await login(t, 'kommune');
    const shared = (await listOf(ids.pasient, clinician)).filter((a) => a.shareAtHandover).map((a) => a.id);
    assert.deepEqual(
      (await search(kommune)).map((r) => r.id),
      shared,
    );
    const unshared = all.find((r) => !shared.includes(r.id!))!;
    await expectStatus(send(t, 'GET', `/fhir/RiskAssessment/${unshared.id}`, kommune), 404);
    await expectStatus(
      send(t, 'GET', `/fhir/RiskAssessment?patient=Patient/${ids.pasient}`, await login(t, 'likeperson')),
      403,
    );
  });
});
