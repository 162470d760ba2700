import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DischargeItems } from '@bedring/domain';
import { KOMMUNE, TSB, UNITS } from '../demo/demo.ts';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import {
  countRows,
  episodeFootprint,
  episodeOf,
  inTreatment,
  type Ref,
  ratings,
  recordEvent,
  registerReferral,
} from './pathway.fixtures.ts';

/**
 * Discharge readiness (docs/domain/pathway.md, P-40, P-41) and the handover to the municipality (P-42, P-44)
 * over HTTP.
 */
let t: TestApp;
let clinician: Headers;
let municipal: Headers;
let ids: Record<'behandler' | 'kommune' | 'likeperson' | 'miljo' | 'pasient', string>;
before(async () => {
  t = await testApp({ persons: 20 });
  clinician = await login(t, 'behandler');
  municipal = await login(t, 'kommune');
  ids = {
    behandler: await accountId(t, 'behandler'),
    kommune: await accountId(t, 'kommune'),
    likeperson: await accountId(t, 'likeperson'),
    miljo: await accountId(t, 'miljo'),
    pasient: await accountId(t, 'pasient'),
  };
});
after(() => t.close());

type Readiness = { ready: boolean; gaps: string[]; answered: number; total: number };
const putChecklist = (ref: Ref, body: object, headers = clinician) =>
  send(t, 'PUT', `${ref.episode}/discharge-checklist`, headers, body);

describe('the discharge checklist', () => {
  it('lists the gaps in checklist order; "not-relevant" is an answer, not a gap', async () => {
    const ref = await inTreatment(t, clinician);
    const res = await expectStatus<{ readiness: Readiness }>(
      putChecklist(ref, {
        items: {
          'own-housing': { answer: 'yes' },
          'named-municipal-professional': { answer: 'no', note: 'Ikke avklart ennå' },
          'crisis-plan-need-assessed': { answer: 'yes' },
          'risk-assessments-shared': { answer: 'not-relevant' },
        },
        helpNeeded: 'municipal',
      }),
      200,
    );
    assert.deepEqual(res.readiness, {
      ready: false,
      gaps: [
        'named-municipal-professional',
        'meaningful-activity-offered',
        'network-help-offered',
        'relapse-prevention-plan-reviewed',
        'children-and-relatives-asked',
        'person-and-relatives-know-where-to-turn',
        'risk-assessments-done',
      ],
      answered: 4,
      total: DischargeItems.length,
    });
    const episode = await episodeOf(t, clinician, ref);
    assert.deepEqual(episode.dischargeChecklist?.readiness, res.readiness);
    assert.equal(episode.dischargeChecklist?.helpNeeded, 'municipal');
  });

  it('is ready when every item is "yes" or "not-relevant", and a new answer replaces the old', async () => {
    const ref = await inTreatment(t, clinician);
    await expectStatus(putChecklist(ref, { items: { 'own-housing': { answer: 'no' } } }), 200);
    const items = Object.fromEntries(
      DischargeItems.map((item, i) => [item, { answer: i % 2 === 0 ? 'yes' : 'not-relevant' }]),
    );
    const res = await expectStatus<{ readiness: Readiness }>(putChecklist(ref, { items }), 200);
    assert.deepEqual(res.readiness, { ready: true, gaps: [], answered: 10, total: 10 });
    const rows = await t.db.owner
      .selectFrom('discharge_checklist')
      .select('items')
      .where('episode_id', '=', ref.episodeId)
      .execute();
    assert.equal(rows.length, 1);
    assert.equal((rows[0]!.items as Record<string, { answer: string }>)['own-housing']?.answer, 'yes');
  });

  it('may be filled in by milieu staff on the care team, not by peers, nor on an ended episode', async () => {
    const ref = await inTreatment(t, clinician);
    await t.db.owner
      .insertInto('care_relation')
      .values({
        tenant_id: TSB,
        person_id: ref.personId,
        account_id: ids.miljo,
        organisation_id: TSB,
        kind: 'care-team',
        unit_id: UNITS.inpatient,
        from_at: new Date('2026-09-01T08:00:00Z'),
      })
      .execute();
    const milieu = await expectStatus<{ readiness: Readiness }>(
      putChecklist(ref, { items: { 'own-housing': { answer: 'yes' } } }, await login(t, 'miljo')),
      200,
    );
    assert.equal(milieu.readiness.answered, 1);
    const peer = await putChecklist(ref, { items: {} }, await login(t, 'likeperson'));
    assert.equal(peer.statusCode, 403, peer.body);

    await expectStatus(
      recordEvent(t, clinician, ref, { kind: 'ended', date: '2026-11-01', outcome: 'planned' }),
      201,
    );
    const ended = await putChecklist(ref, { items: { 'own-housing': { answer: 'no' } } });
    assert.equal(ended.statusCode, 409, ended.body);
    assert.equal(ended.json().error.code, 'episode_ended');
    const stored = await t.db.owner
      .selectFrom('discharge_checklist')
      .select(['items', 'updated_by'])
      .where('episode_id', '=', ref.episodeId)
      .executeTakeFirstOrThrow();
    assert.equal(stored.updated_by, ids.miljo);
    assert.equal((stored.items as Record<string, { answer: string }>)['own-housing']?.answer, 'yes');
  });
});

describe('discharge', () => {
  it('warns with the readiness gaps but discharges (warn, don’t block), and keeps the warning', async () => {
    const ref = await inTreatment(t, clinician);
    await expectStatus(
      putChecklist(ref, {
        items: { 'own-housing': { answer: 'yes' } },
        helpNeeded: 'municipal-and-specialist',
      }),
      200,
    );
    const res = await expectStatus<{ state: string; warnings: { code: string; gaps?: string[] }[] }>(
      recordEvent(t, clinician, ref, {
        kind: 'discharged',
        date: '2026-11-10',
        reason: 'Personen ville reise hjem nå',
      }),
      201,
    );
    assert.equal(res.state, 'discharged');
    const expected = { code: 'discharge-not-ready', gaps: DischargeItems.filter((i) => i !== 'own-housing') };
    assert.deepEqual(res.warnings, [expected]);
    const episode = await episodeOf(t, clinician, ref);
    assert.equal(episode.state, 'discharged');
    const event = episode.events.at(-1)!;
    assert.equal(event.kind, 'discharged');
    assert.equal(event.helpNeeded, 'municipal-and-specialist', 'help needed comes from the checklist');
    assert.equal(event.reason, 'Personen ville reise hjem nå');
    assert.deepEqual(event.warnings, [expected], 'the warning is kept with the event, beside the reason');
  });

  it('warns about every item when no checklist was filled in', async () => {
    const ref = await inTreatment(t, clinician);
    const res = await expectStatus<{ warnings: { code: string; gaps?: string[] }[] }>(
      recordEvent(t, clinician, ref, { kind: 'discharged', date: '2026-11-10', helpNeeded: 'none' }),
      201,
    );
    assert.deepEqual(res.warnings, [{ code: 'discharge-not-ready', gaps: [...DischargeItems] }]);
    assert.equal((await episodeOf(t, clinician, ref)).events.at(-1)?.helpNeeded, 'none');
  });

  it('does not warn when the person is ready', async () => {
    const ref = await inTreatment(t, clinician);
    const items = Object.fromEntries(DischargeItems.map((item) => [item, { answer: 'yes' }]));
    await expectStatus(putChecklist(ref, { items, helpNeeded: 'none' }), 200);
    const res = await expectStatus<{ warnings: unknown[] }>(
      recordEvent(t, clinician, ref, { kind: 'discharged', date: '2026-11-10' }),
      201,
    );
    assert.deepEqual(res.warnings, []);
  });
});

describe('the handover to the municipality', () => {
  const handoverBody = (municipalAccountId: string, extra: Record<string, unknown> = {}) => ({
    municipalAccountId,
    handedOverOn: '2026-11-10',
    summary: 'Oppsummering av behandlingen',
    followUpPlan: 'Hjemmebesøk to ganger i uka',
    consent: { givenOn: '2026-11-09' },
    ...extra,
  });
  const handover = (ref: Ref, body: object) => send(t, 'POST', `${ref.episode}/handover`, clinician, body);
  const sharing = async () =>
    Promise.all(
      (['consent', 'care_relation', 'handover', 'pathway_task'] as const).map((x) => countRows(t, x)),
    );

  async function discharged() {
    const ref = await inTreatment(t, clinician);
    await expectStatus(
      send(t, 'POST', `${ref.episode}/assessments`, clinician, {
        assessedOn: '2026-09-20',
        personGoals: 'Egen leilighet',
        ratings: ratings([1, 1, 1, 1, 1, 1]),
        chosenLevel: 'outpatient',
      }),
      201,
    );
    await expectStatus(recordEvent(t, clinician, ref, { kind: 'discharged', date: '2026-11-10' }), 201);
    return ref;
  }

  it('shares the record with the named municipal worker under a recorded consent, with a task', async () => {
    const ref = await discharged();
    const before = await send(t, 'GET', ref.person, municipal);
    assert.ok(before.statusCode === 403 || before.statusCode === 404, before.body);

    const res = await expectStatus<{ id: string; taskId: string; consentId: string }>(
      handover(
        ref,
        handoverBody(ids.kommune, { consent: { givenOn: '2026-11-09', expiresOn: '2027-11-09' } }),
      ),
      201,
    );
    const consent = await t.db.owner
      .selectFrom('consent')
      .selectAll()
      .where('id', '=', res.consentId)
      .executeTakeFirstOrThrow();
    assert.equal(consent.tenant_id, TSB);
    assert.equal(consent.person_id, ref.personId);
    assert.equal(consent.grantee_organisation_id, KOMMUNE);
    assert.equal(consent.purpose, 'handover');
    assert.equal(consent.recorded_by, ids.behandler);
    assert.equal(consent.revoked_at, null);
    assert.equal(new Date(consent.given_at).toISOString(), '2026-11-09T12:00:00.000Z');
    assert.equal(new Date(consent.expires_at!).toISOString(), '2027-11-09T23:59:59.000Z');
    const relation = await t.db.owner
      .selectFrom('care_relation')
      .selectAll()
      .where('person_id', '=', ref.personId)
      .where('account_id', '=', ids.kommune)
      .executeTakeFirstOrThrow();
    assert.equal(relation.kind, 'follow-up');
    assert.equal(relation.organisation_id, KOMMUNE);
    assert.equal(relation.tenant_id, TSB);
    assert.equal(relation.to_at, null);
    const task = await t.db.owner
      .selectFrom('pathway_task')
      .selectAll()
      .where('id', '=', res.taskId)
      .executeTakeFirstOrThrow();
    assert.equal(task.kind, 'handover');
    assert.equal(task.handover_id, res.id);
    assert.equal(task.assignee_account_id, ids.kommune);
    assert.equal(task.assignee_organisation_id, KOMMUNE);
    assert.equal(task.created_on, '2026-11-10');
    assert.equal(task.escalate_on, '2026-11-17', 'handover first contact: 7 days');
    const row = await t.db.owner
      .selectFrom('handover')
      .selectAll()
      .where('id', '=', res.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.municipal_account_id, ids.kommune);
    assert.equal(row.summary, 'Oppsummering av behandlingen');
    assert.equal((row.snapshot as { assessment: { level: string } }).assessment.level, 'outpatient');

    const read = await expectStatus<{ access: { basis: string; viaConsent: boolean } }>(
      send(t, 'GET', ref.person, municipal),
      200,
    );
    assert.deepEqual(read.access, { basis: 'care-relation', viaConsent: true });
    const episode = await episodeOf(t, municipal, ref);
    assert.equal(episode.handover?.municipalWorker.id, ids.kommune);
    const audit = await t.db.owner
      .selectFrom('audit_event')
      .select(['action', 'actor_account_id'])
      .where('person_id', '=', ref.personId)
      .where('resource_type', '=', 'Handover')
      .execute();
    assert.deepEqual(audit, [{ action: 'create', actor_account_id: ids.behandler }]);
  });

  it('refuses a recipient who is not a municipal follow-up worker (400) and shares nothing', async () => {
    const ref = await discharged();
    const before = await sharing();
    for (const recipient of [
      ids.behandler,
      ids.likeperson,
      ids.pasient,
      '0f6b1c6e-7d0a-4c39-9a52-2b00000000ff',
    ]) {
      const res = await handover(ref, handoverBody(recipient));
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'not_municipal_worker');
    }
    assert.deepEqual(await sharing(), before);
    const read = await send(t, 'GET', ref.person, municipal);
    assert.ok(read.statusCode === 403 || read.statusCode === 404, read.body);
  });

  it('hands an episode over once (409 the second time)', async () => {
    const ref = await discharged();
    await expectStatus(handover(ref, handoverBody(ids.kommune)), 201);
    const before = await sharing();
    const again = await handover(ref, handoverBody(ids.kommune, { handedOverOn: '2026-11-11' }));
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().error.code, 'handover_exists');
    assert.deepEqual(await sharing(), before);
  });

  it('refuses an episode not yet in treatment (409), a consent that ends before it starts and future dates (400)', async () => {
    const ref = await registerReferral(t, clinician, { receivedOn: '2026-11-02' });
    const treated = await discharged();
    const before = await sharing();
    const early = await handover(ref, handoverBody(ids.kommune));
    assert.equal(early.statusCode, 409, early.body);
    assert.equal(early.json().error.code, 'illegal_transition');

    for (const [extra, code] of [
      [{ consent: { givenOn: '2026-11-09', expiresOn: '2026-11-09' } }, 'consent_expiry_before_given'],
      [{ handedOverOn: '2026-11-23' }, 'date_in_future'],
      [{ consent: { givenOn: '2026-11-23' } }, 'date_in_future'],
    ] as const) {
      const res = await handover(treated, handoverBody(ids.kommune, extra));
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, code);
    }
    assert.deepEqual(await sharing(), before);
    assert.equal((await episodeFootprint(t, treated.episodeId)).handovers, 0);
  });

  it('moves the episode to follow-up at the first municipal contact (P-44)', async () => {
    const ref = await discharged();
    const { taskId } = await expectStatus<{ taskId: string }>(handover(ref, handoverBody(ids.kommune)), 201);
    await expectStatus(
      send(t, 'POST', `/api/tasks/${taskId}/complete`, municipal, {
        outcome: 'first-contact',
        date: '2026-11-12',
      }),
      200,
    );
    const episode = await episodeOf(t, clinician, ref);
    assert.equal(episode.state, 'follow-up');
    assert.equal(episode.handover?.firstContactOn, '2026-11-12');
    const event = episode.events.at(-1)!;
    assert.deepEqual(
      [event.kind, event.date, event.recordedBy.id],
      ['follow-up-started', '2026-11-12', ids.kommune],
    );
  });

  it('takes a first contact made before discharge (P-42): follow-up starts on the discharge day', async () => {
    const ref = await inTreatment(t, clinician);
    const { taskId } = await expectStatus<{ taskId: string }>(
      handover(
        ref,
        handoverBody(ids.kommune, { handedOverOn: '2026-11-01', consent: { givenOn: '2026-11-01' } }),
      ),
      201,
    );
    await expectStatus(recordEvent(t, clinician, ref, { kind: 'discharged', date: '2026-11-10' }), 201);
    await expectStatus(
      send(t, 'POST', `/api/tasks/${taskId}/complete`, municipal, {
        outcome: 'first-contact',
        date: '2026-11-05',
      }),
      200,
    );
    const episode = await episodeOf(t, clinician, ref);
    assert.equal(episode.state, 'follow-up');
    assert.equal(episode.handover?.firstContactOn, '2026-11-05', 'the day it really happened');
    const event = episode.events.at(-1)!;
    assert.deepEqual([event.kind, event.date], ['follow-up-started', '2026-11-10']);
  });
});
