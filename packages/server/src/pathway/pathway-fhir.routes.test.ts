import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  Bundle,
  ClinicalImpression,
  EpisodeOfCare,
  Extension,
  Observation,
  Resource,
  ServiceRequest,
  Task,
} from '@medplum/fhirtypes';
import { TSB, UNITS } from '../demo/demo.ts';
import { fhirProblems } from '../testing/fhir-validation.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { DIMENSION_SYSTEM } from './assessment-fhir.mapping.ts';
import { EXT } from './pathway-fhir.mapping.ts';

/**
 * The care pathway through FHIR: pathway data is made over /api as staff make it (see
 * pathway-flow.test.ts), then read as ServiceRequest, EpisodeOfCare, ClinicalImpression, Observation
 * and Task — valid R4, under need to know, audited.
 */
let t: TestApp;
const USERS = ['behandler', 'kommune', 'leder', 'miljo', 'pasient'] as const;
type User = (typeof USERS)[number];
const auth = {} as Record<User, Record<string, string>>;
const account = {} as Record<User, string>;
before(async () => {
  t = await testApp({ persons: 20 });
  for (const u of USERS) {
    auth[u] = { authorization: `Bearer ${await t.login(u)}` };
    account[u] = (
      await t.db.owner.selectFrom('account').select('id').where('username', '=', u).executeTakeFirstOrThrow()
    ).id;
  }
  await makePathways();
});
after(() => t.close());

const valid = (r: Resource) => assert.deepEqual(fhirProblems(r), [], `${r.resourceType} is valid FHIR R4`);
const get = (url: string, who: User = 'behandler') => t.app.inject({ url, headers: auth[who] });
const post = async (url: string, payload: object, who: User = 'behandler') => {
  const res = await t.app.inject({ method: 'POST', url, headers: auth[who], payload });
  assert.ok(res.statusCode < 300, `${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
/** A valid searchset: every entry valid too. */
const bundle = async (url: string, who: User = 'behandler') => {
  const res = await get(url, who);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  const b = res.json() as Bundle;
  valid(b);
  assert.equal(b.type, 'searchset');
  for (const e of b.entry ?? []) valid(e.resource!);
  return b;
};
const resources = <T extends Resource>(b: Bundle) => (b.entry ?? []).map((e) => e.resource as T);
const ext = (r: { extension?: Extension[] }, url: string) => r.extension?.find((e) => e.url === url);

let nationalId = 1;
async function referral(who: User = 'behandler', receivedOn = '2026-09-01') {
  const r = await post(
    '/api/referrals',
    {
      person: {
        nationalId: `0202709${String(nationalId++).padStart(4, '0')}`,
        givenName: 'Test',
        familyName: 'Fhir',
        birthDate: '1970-02-02',
        gender: 'unknown',
      },
      unitId: UNITS.outpatient,
      referrer: { kind: 'gp', name: 'Fastlege Synt', organisation: 'Legekontoret' },
      receivedOn,
      reason: 'Alkohol og søvnvansker',
    },
    who,
  );
  return { ...r, base: `/api/persons/${r.personId}` } as {
    personId: string;
    referralId: string;
    episodeId: string;
    base: string;
  };
}
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

// The main flow: referral → assessed with a right → treatment → level of care → discharge → handover.
let main: Awaited<ReturnType<typeof referral>>;
let taskId: string;
let assessmentId: string;
// A referral assessed as no need, one that ends in a drop-out, one made by the leader (outside
// behandler's reach), and one not yet assessed.
let noNeed: Awaited<ReturnType<typeof referral>>;
let dropOut: Awaited<ReturnType<typeof referral>>;
let leaders: Awaited<ReturnType<typeof referral>>;
let fresh: Awaited<ReturnType<typeof referral>>;
let reEngagementTaskId: string;

async function makePathways() {
  main = await referral();
  await post(`${main.base}/referrals/${main.referralId}/assessment`, {
    assessedOn: '2026-09-08',
    outcome: 'right-to-treatment',
    treatmentStartDeadline: '2026-10-15',
    letterToPersonOn: '2026-09-08',
  });
  const events = `${main.base}/episodes/${main.episodeId}/events`;
  await post(events, { kind: 'first-attendance', date: '2026-10-01', setting: 'outpatient' });
  assessmentId = (
    await post(`${main.base}/episodes/${main.episodeId}/assessments`, {
      assessedOn: '2026-10-05',
      personGoals: 'Ha et sted å bo',
      personResources: 'Søsteren min',
      ratings: ratings([1, 1, 3, 2, 2, 1]),
      chosenLevel: 'short-inpatient',
    })
  ).id;
  await post(events, { kind: 'clinical-decision', date: '2026-10-20' });
  await post(events, { kind: 'discharged', date: '2026-11-10' });
  taskId = (
    await post(`${main.base}/episodes/${main.episodeId}/handover`, {
      municipalAccountId: account.kommune,
      handedOverOn: '2026-11-10',
      summary: 'Oppsummering',
      followUpPlan: 'Hjemmebesøk',
      consent: { givenOn: '2026-11-09' },
    })
  ).taskId;

  noNeed = await referral();
  await post(`${noNeed.base}/referrals/${noNeed.referralId}/assessment`, {
    assessedOn: '2026-09-05',
    outcome: 'no-need',
  });

  dropOut = await referral();
  await post(`${dropOut.base}/referrals/${dropOut.referralId}/assessment`, {
    assessedOn: '2026-09-04',
    outcome: 'treatment-without-right',
  });
  const dropEvents = `${dropOut.base}/episodes/${dropOut.episodeId}/events`;
  await post(dropEvents, { kind: 'first-attendance', date: '2026-09-20', setting: 'outpatient' });
  reEngagementTaskId = (await post(dropEvents, { kind: 'ended', date: '2026-10-10', outcome: 'drop-out' }))
    .taskId;

  leaders = await referral('leder');
  fresh = await referral('behandler', '2026-11-20');
}

describe('the care pathway in FHIR R4', () => {
  it('lists the pathway resources and their search parameters in the CapabilityStatement', async () => {
    const cs = (await t.app.inject({ url: '/fhir/metadata' })).json();
    valid(cs);
    const byType = new Map<string, { name: string }[]>(
      cs.rest[0].resource.map((r: { type: string; searchParam: { name: string }[] }) => [
        r.type,
        r.searchParam,
      ]),
    );
    const params = (type: string) => byType.get(type)?.map((p) => p.name);
    assert.deepEqual(params('ServiceRequest'), ['patient', '_count', '_offset']);
    assert.deepEqual(params('EpisodeOfCare'), ['patient', 'organization', 'status', '_count', '_offset']);
    assert.deepEqual(params('ClinicalImpression'), ['patient', '_count', '_offset']);
    assert.deepEqual(params('Task'), ['patient', 'owner', 'status', '_count', '_offset']);
    assert.deepEqual(params('Observation'), ['patient', 'code', 'date']);
  });

  it('gives a referral as a ServiceRequest: active until assessed, completed with a need, revoked without', async () => {
    const res = await get(`/fhir/ServiceRequest/${main.referralId}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /application\/fhir\+json/);
    const sr = res.json() as ServiceRequest;
    valid(sr);
    assert.equal(sr.status, 'completed');
    assert.equal(sr.intent, 'order');
    assert.equal(sr.subject.reference, `Patient/${main.personId}`);
    assert.equal(sr.authoredOn, '2026-09-01');
    assert.equal(sr.requester?.display, 'Fastlege Synt (gp), Legekontoret');
    assert.deepEqual(sr.performer, [
      { reference: `Organization/${UNITS.outpatient}`, display: 'Poliklinikk' },
    ]);
    assert.equal(sr.reasonCode?.[0]?.text, 'Alkohol og søvnvansker');
    const assessment = ext(sr, EXT.referralAssessment)!.extension!;
    assert.equal(assessment.find((e) => e.url === 'outcome')?.valueCoding?.code, 'right-to-treatment');
    assert.equal(assessment.find((e) => e.url === 'treatmentStartDeadline')?.valueDate, '2026-10-15');
    assert.match(sr.note?.[0]?.text ?? '', /frist for start av behandling 2026-10-15/);

    const revoked = resources<ServiceRequest>(
      await bundle(`/fhir/ServiceRequest?patient=Patient/${noNeed.personId}`),
    );
    assert.deepEqual(
      revoked.map((r) => [r.id, r.status]),
      [[noNeed.referralId, 'revoked']],
    );
    const active = resources<ServiceRequest>(await bundle(`/fhir/ServiceRequest?patient=${fresh.personId}`));
    assert.equal(active[0]?.status, 'active');
    assert.equal(ext(active[0]!, EXT.referralAssessment), undefined);
  });

  it('gives an episode as an EpisodeOfCare with its status history replayed from the events', async () => {
    const res = await get(`/fhir/EpisodeOfCare/${main.episodeId}`);
    assert.equal(res.statusCode, 200, res.body);
    const e = res.json() as EpisodeOfCare;
    valid(e);
    assert.equal(e.status, 'active');
    assert.equal(e.patient.reference, `Patient/${main.personId}`);
    assert.equal(e.type?.[0]?.coding?.[0]?.code, 'tsb-pathway');
    assert.deepEqual(e.managingOrganization, {
      reference: `Organization/${UNITS.outpatient}`,
      display: 'Poliklinikk',
    });
    assert.deepEqual(e.referralRequest, [{ reference: `ServiceRequest/${main.referralId}` }]);
    assert.deepEqual(e.careManager, {
      reference: `Practitioner/${account.behandler}`,
      display: 'Bjørn Behandler',
    });
    assert.deepEqual(e.period, { start: '2026-09-01' });
    assert.deepEqual(
      e.statusHistory?.map((h) => [
        ext(h, EXT.episodeState)?.valueCoding?.code,
        h.status,
        h.period.start,
        h.period.end,
      ]),
      [
        ['referred', 'waitlist', '2026-09-01', '2026-09-08'],
        ['assessed', 'waitlist', '2026-09-08', '2026-10-01'],
        ['in-treatment', 'active', '2026-10-01', '2026-11-10'],
        ['discharged', 'active', '2026-11-10', undefined],
      ],
    );

    const cancelled = resources<EpisodeOfCare>(
      await bundle(`/fhir/EpisodeOfCare?patient=${noNeed.personId}`),
    );
    assert.equal(cancelled[0]?.status, 'cancelled', 'ended before any treatment: cancelled');
    assert.equal(cancelled[0]?.period?.end, '2026-09-05');
    assert.equal(ext(cancelled[0]!, EXT.endOutcome)?.valueCoding?.code, 'other');
    const finished = resources<EpisodeOfCare>(
      await bundle(`/fhir/EpisodeOfCare?patient=${dropOut.personId}`),
    );
    assert.equal(finished[0]?.status, 'finished', 'a drop-out after treatment began: finished');
    assert.equal(ext(finished[0]!, EXT.endOutcome)?.valueCoding?.code, 'drop-out');
    assert.equal(finished[0]?.statusHistory?.at(-1)?.status, 'finished');
    const waiting = resources<EpisodeOfCare>(
      await bundle(`/fhir/EpisodeOfCare?patient=${fresh.personId}&status=waitlist`),
    );
    assert.equal(waiting.length, 1);
    const none = await bundle(`/fhir/EpisodeOfCare?patient=${fresh.personId}&status=active,finished`);
    assert.equal(none.total, 0);
  });

  it('gives the level-of-care decision as a ClinicalImpression and the dimension ratings as Observations', async () => {
    const found = resources<ClinicalImpression>(
      await bundle(`/fhir/ClinicalImpression?patient=Patient/${main.personId}`),
    );
    assert.equal(found.length, 1);
    const ci = found[0]!;
    assert.equal(ci.id, assessmentId);
    assert.equal(ci.status, 'completed');
    assert.equal(ci.effectiveDateTime, '2026-10-05');
    assert.equal(ci.assessor?.display, 'Bjørn Behandler');
    assert.match(ci.summary ?? '', /short-inpatient \(samsvarer med anbefalingen\)/);
    assert.deepEqual(
      ci.finding?.map((f) => [f.itemCodeableConcept?.coding?.[0]?.code, f.itemReference?.reference]),
      [['mental-health', `Observation/${assessmentId}-mental-health`]],
    );
    assert.equal(ci.investigation?.[0]?.item?.length, 6);
    assert.equal(ci.note?.[0]?.text, 'Personens mål: Ha et sted å bo');
    assert.ok(ci.note?.some((n) => n.text.includes('one-severe-short-inpatient')));
    const level = ext(ci, EXT.levelOfCare)!.extension!;
    assert.equal(level.find((x) => x.url === 'chosen')?.valueCoding?.code, 'short-inpatient');
    assert.equal(level.find((x) => x.url === 'match')?.valueCoding?.code, 'matched');
    const one = await get(`/fhir/ClinicalImpression/${assessmentId}`);
    assert.equal(one.statusCode, 200);
    assert.deepEqual(one.json(), ci);

    const all = resources<Observation>(await bundle(`/fhir/Observation?patient=${main.personId}`));
    assert.deepEqual(
      new Set(all.map((o) => `Observation/${o.id}`)),
      new Set(ci.investigation?.[0]?.item?.map((i) => i.reference)),
    );
    const mental = resources<Observation>(
      await bundle(`/fhir/Observation?patient=${main.personId}&code=${DIMENSION_SYSTEM}|mental-health`),
    );
    assert.equal(mental.length, 1);
    assert.equal(mental[0]?.valueInteger, 3);
    assert.equal(mental[0]?.note?.[0]?.text, 'vurdert mental-health');
    assert.equal(mental[0]?.category?.[0]?.coding?.[0]?.code, 'survey');
    assert.equal(
      ext(mental[0]!, EXT.episodeOfCare)?.valueReference?.reference,
      `EpisodeOfCare/${main.episodeId}`,
    );
    const withdrawal = await bundle(`/fhir/Observation?patient=${main.personId}&code=withdrawal`);
    assert.equal(withdrawal.total, 1, 'a code without a system finds the dimension');
    const notADomain = await get(
      `/fhir/Observation?patient=${main.personId}&code=https://bedring.no/fhir/CodeSystem/living-condition-domain|withdrawal`,
    );
    assert.equal(notADomain.statusCode, 400);
    assert.equal(notADomain.json().resourceType, 'OperationOutcome');
  });

  it('gives handover and re-engagement as Tasks, escalated by the injected clock', async () => {
    const res = await get(`/fhir/Task/${taskId}`, 'kommune');
    assert.equal(res.statusCode, 200, res.body);
    const task = res.json() as Task;
    valid(task);
    assert.equal(task.status, 'requested');
    assert.equal(task.businessStatus?.coding?.[0]?.code, 'escalated', '12 days after handover, no contact');
    assert.equal(task.code?.coding?.[0]?.code, 'handover');
    assert.equal(task.for?.reference, `Patient/${main.personId}`);
    assert.equal(task.focus?.reference, `EpisodeOfCare/${main.episodeId}`);
    assert.deepEqual(task.owner, { reference: `Practitioner/${account.kommune}`, display: 'Kim Kommune' });
    assert.equal(task.authoredOn, '2026-11-10');
    assert.equal(task.restriction?.period?.end, '2026-11-17');

    const reEngagement = resources<Task>(await bundle(`/fhir/Task?patient=${dropOut.personId}`));
    assert.deepEqual(
      reEngagement.map((x) => [x.id, x.code?.coding?.[0]?.code, x.owner?.reference]),
      [[reEngagementTaskId, 're-engagement', `Practitioner/${account.behandler}`]],
    );
  });

  it("shows the municipal worker their own tasks (Task?owner), and nobody else's", async () => {
    const mine = resources<Task>(await bundle(`/fhir/Task?owner=Practitioner/${account.kommune}`, 'kommune'));
    assert.ok(mine.some((x) => x.id === taskId));
    assert.ok(mine.every((x) => x.owner?.reference === `Practitioner/${account.kommune}`));
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select('person_id')
      .where('actor_account_id', '=', account.kommune)
      .where('action', '=', 'search')
      .where('resource_type', '=', 'Task')
      .where('resource_id', '=', taskId)
      .execute();
    assert.ok(audited.length >= 1 && audited[0]?.person_id === main.personId, 'the person shown is audited');
    const others = await get(`/fhir/Task?owner=Practitioner/${account.kommune}`, 'behandler');
    assert.equal(others.statusCode, 403);
    assert.equal(others.json().resourceType, 'OperationOutcome');
    const noParam = await get('/fhir/Task', 'kommune');
    assert.equal(noParam.statusCode, 400);

    const done = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/complete`,
      headers: auth.kommune,
      payload: { outcome: 'first-contact', date: '2026-11-20', note: 'Hjemmebesøk' },
    });
    assert.equal(done.statusCode, 200, done.body);
    const open = resources<Task>(
      await bundle(`/fhir/Task?owner=${account.kommune}&status=requested`, 'kommune'),
    );
    assert.ok(!open.some((x) => x.id === taskId));
    const completed = resources<Task>(
      await bundle(`/fhir/Task?owner=${account.kommune}&status=completed`, 'kommune'),
    ).find((x) => x.id === taskId)!;
    assert.equal(completed.status, 'completed');
    assert.equal(completed.businessStatus?.coding?.[0]?.code, 'completed');
    assert.equal(completed.output?.[0]?.valueCodeableConcept?.coding?.[0]?.code, 'first-contact');
    assert.equal(completed.executionPeriod?.end, '2026-11-20');
    const episode = (await get(`/fhir/EpisodeOfCare/${main.episodeId}`, 'kommune')).json() as EpisodeOfCare;
    assert.equal(ext(episode.statusHistory!.at(-1)!, EXT.episodeState)?.valueCoding?.code, 'follow-up');
  });

  it('refuses a person outside the caller’s reach with an OperationOutcome, and writes no audit', async () => {
    const urls = [
      `/fhir/ServiceRequest/${leaders.referralId}`,
      `/fhir/EpisodeOfCare/${leaders.episodeId}`,
      `/fhir/ServiceRequest?patient=${leaders.personId}`,
      `/fhir/EpisodeOfCare?patient=${leaders.personId}`,
      `/fhir/ClinicalImpression?patient=${leaders.personId}`,
      `/fhir/Task?patient=${leaders.personId}`,
      `/fhir/Observation?patient=${leaders.personId}`,
    ];
    for (const url of urls) {
      for (const [who, status] of [
        ['behandler', 403],
        ['miljo', 403],
        ['pasient', 403],
        ['kommune', 404],
      ] as const) {
        const res = await get(url, who);
        assert.equal(res.statusCode, status, `${who} ${url}`);
        const outcome = res.json();
        assert.equal(outcome.resourceType, 'OperationOutcome');
        valid(outcome);
        for (const word of ['Alkohol', 'Fastlege', leaders.episodeId, leaders.referralId])
          assert.ok(!res.body.includes(word) || url.includes(word), `${who} ${url} leaked ${word}`);
      }
      assert.equal((await get(url, 'leder')).statusCode, 200, `the leader who registered it: ${url}`);
    }
    const audit = await t.db.owner
      .selectFrom('audit_event')
      .select('id')
      .where('person_id', '=', leaders.personId)
      .where('actor_account_id', 'in', [account.behandler, account.miljo, account.kommune, account.pasient])
      .execute();
    assert.equal(audit.length, 0);
    assert.equal((await get(`/fhir/Task/${reEngagementTaskId}`, 'kommune')).statusCode, 404);
    assert.equal(
      (await get(`/fhir/EpisodeOfCare/${main.referralId}`)).statusCode,
      404,
      'an id of another type',
    );
  });

  it("lets the person read their own pathway, and no one else's", async () => {
    const own = (
      await t.db.owner
        .selectFrom('account')
        .select('person_id')
        .where('username', '=', 'pasient')
        .executeTakeFirstOrThrow()
    ).person_id!;
    // A new referral for the demo patient finds their record by national id.
    const r = await post('/api/referrals', {
      person: {
        nationalId: '15829000000',
        givenName: 'Per',
        familyName: 'Pasient',
        birthDate: '1990-02-15',
        gender: 'male',
      },
      unitId: UNITS.outpatient,
      referrer: { kind: 'other', name: 'Per selv' },
      receivedOn: '2026-11-21',
    });
    assert.equal(r.personId, own);
    const episodes = resources<EpisodeOfCare>(await bundle(`/fhir/EpisodeOfCare?patient=${own}`, 'pasient'));
    assert.ok(episodes.some((e) => e.id === r.episodeId && e.status === 'waitlist'));
    assert.ok(episodes.every((e) => e.patient.reference === `Patient/${own}`));
    // Whatever else the demo holds for them is valid FHIR too (bundle() validates every entry).
    for (const type of ['ServiceRequest', 'ClinicalImpression', 'Task', 'Observation'])
      await bundle(`/fhir/${type}?patient=${own}`, 'pasient');
    const referral = await get(`/fhir/ServiceRequest/${r.referralId}`, 'pasient');
    assert.equal(referral.statusCode, 200);
    assert.equal(referral.json().requester.display, 'Per selv (other)');
    assert.equal((await get(`/fhir/EpisodeOfCare/${main.episodeId}`, 'pasient')).statusCode, 403);
    assert.equal((await get(`/fhir/Task?owner=Practitioner/${account.pasient}`, 'pasient')).statusCode, 403);
  });

  it("lets a unit leader page through the unit's episodes, auditing each person, and refuses others", async () => {
    const ours = new Set([main, noNeed, dropOut, leaders, fresh].map((r) => r.episodeId));
    const seen: EpisodeOfCare[] = [];
    let url: string | undefined =
      `/fhir/EpisodeOfCare?organization=Organization/${UNITS.outpatient}&_count=2`;
    let total = -1;
    while (url) {
      const page = await bundle(url, 'leder');
      assert.ok((page.entry?.length ?? 0) <= 2);
      total = page.total!;
      seen.push(...resources<EpisodeOfCare>(page));
      url = page.link?.find((l) => l.relation === 'next')?.url;
    }
    assert.equal(seen.length, total);
    assert.equal(new Set(seen.map((e) => e.id)).size, total, 'no episode on two pages');
    for (const id of ours)
      assert.ok(
        seen.some((e) => e.id === id),
        `episode ${id} listed`,
      );
    assert.ok(seen.every((e) => e.managingOrganization?.reference === `Organization/${UNITS.outpatient}`));
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select('person_id')
      .where('actor_account_id', '=', account.leder)
      .where('action', '=', 'search')
      .where('resource_type', '=', 'EpisodeOfCare')
      .execute();
    for (const e of seen)
      assert.ok(
        audited.some((a) => `Patient/${a.person_id}` === e.patient.reference),
        'each person audited',
      );

    const cancelled = resources<EpisodeOfCare>(
      await bundle(`/fhir/EpisodeOfCare?organization=${UNITS.outpatient}&status=cancelled`, 'leder'),
    );
    assert.ok(cancelled.some((e) => e.id === noNeed.episodeId));
    assert.ok(cancelled.every((e) => e.status === 'cancelled'));
    const wholeOrganisation = await bundle(
      `/fhir/EpisodeOfCare?organization=Organization/${TSB}&_count=500`,
      'leder',
    );
    assert.ok(wholeOrganisation.total! >= total);

    const clinician = await get(
      `/fhir/EpisodeOfCare?organization=Organization/${UNITS.outpatient}`,
      'behandler',
    );
    assert.equal(clinician.statusCode, 403);
    assert.equal(clinician.json().resourceType, 'OperationOutcome');
    const otherOrganisation = await get(`/fhir/EpisodeOfCare?organization=${UNITS.followUp}`, 'leder');
    assert.equal(otherOrganisation.statusCode, 403);
    assert.equal((await get('/fhir/EpisodeOfCare', 'leder')).statusCode, 400);
  });
});
