import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { inTreatment, recordEvent, referralBody, registerReferral } from './pathway.fixtures.ts';

/** Guards added after review: wrong-person referrals, duplicate relations, peers, odd years, contact before discharge. */
let t: TestApp;
let clinician: Headers;
before(async () => {
  t = await testApp({ persons: 20 });
  clinician = await login(t, 'behandler');
});
after(() => t.close());

describe('pathway guards', () => {
  it('refuses a referral whose national id belongs to someone with another birth date or family name', async () => {
    const first = await registerReferral(t, clinician);
    const person = await t.db.owner
      .selectFrom('person')
      .selectAll()
      .where('id', '=', first.personId)
      .executeTakeFirstOrThrow();
    const referralsBefore = await t.db.owner
      .selectFrom('referral')
      .select('id')
      .where('person_id', '=', first.personId)
      .execute();
    const body = referralBody();
    const wrong = await send(t, 'POST', '/api/referrals', clinician, {
      ...body,
      person: { ...body.person, nationalId: person.national_id, birthDate: '1981-05-05' },
    });
    assert.equal(wrong.statusCode, 409, wrong.body);
    assert.equal(wrong.json().error.code, 'person_details_differ');
    const referralsAfter = await t.db.owner
      .selectFrom('referral')
      .select('id')
      .where('person_id', '=', first.personId)
      .execute();
    assert.equal(referralsAfter.length, referralsBefore.length, 'nothing written');

    // The same person referred again: a second referral and episode, but one care relation.
    const again = await send(t, 'POST', '/api/referrals', clinician, {
      ...body,
      person: {
        ...body.person,
        nationalId: person.national_id,
        birthDate: person.birth_date,
        familyName: 'FORLØP',
      },
      receivedOn: '2026-10-01',
    });
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.json().personExisted, true);
    const relations = await t.db.owner
      .selectFrom('care_relation')
      .select('id')
      .where('person_id', '=', first.personId)
      .where('account_id', '=', await accountId(t, 'behandler'))
      .execute();
    assert.equal(relations.length, 1);
  });

  it('refuses years outside 1900–2099 as bad input', async () => {
    const res = await send(
      t,
      'POST',
      '/api/referrals',
      clinician,
      referralBody({ receivedOn: '0999-01-01' }),
    );
    assert.equal(res.statusCode, 400, res.body);
  });

  it('keeps the pathway from peers, who still see the person page', async () => {
    const pasient = await t.db.owner
      .selectFrom('account')
      .select('person_id')
      .where('username', '=', 'pasient')
      .executeTakeFirstOrThrow();
    const peer = await login(t, 'likeperson');
    // A peer in the municipality walking beside the person (the demo patient consents to the municipality).
    const person = await t.db.owner
      .selectFrom('person')
      .select('tenant_id')
      .where('id', '=', pasient.person_id!)
      .executeTakeFirstOrThrow();
    const peerAccount = await t.db.owner
      .selectFrom('account')
      .select(['id', 'tenant_id'])
      .where('username', '=', 'likeperson')
      .executeTakeFirstOrThrow();
    await t.db.owner
      .insertInto('care_relation')
      .values({
        tenant_id: person.tenant_id,
        person_id: pasient.person_id!,
        account_id: peerAccount.id,
        organisation_id: peerAccount.tenant_id,
        kind: 'follow-up',
        unit_id: null,
        from_at: new Date('2026-01-01T00:00:00Z'),
      })
      .execute();
    const page = await send(t, 'GET', `/api/persons/${pasient.person_id}`, peer);
    assert.equal(page.statusCode, 200, page.body);
    const pathway = await send(t, 'GET', `/api/persons/${pasient.person_id}/pathway`, peer);
    assert.equal(pathway.statusCode, 403, pathway.body);
    const own = await send(t, 'GET', `/api/persons/${pasient.person_id}/pathway`, await login(t, 'pasient'));
    assert.equal(own.statusCode, 200, 'the person reads their own pathway');
  });

  it('starts municipal follow-up on the day of discharge when the first contact came before it', async () => {
    const ref = await inTreatment(t, clinician);
    const handover = await expectStatus<{ taskId: string }>(
      send(t, 'POST', `${ref.episode}/handover`, clinician, {
        municipalAccountId: await accountId(t, 'kommune'),
        handedOverOn: '2026-11-01',
        summary: 'Oppsummering',
        followUpPlan: 'Plan',
        consent: { givenOn: '2026-11-01' },
      }),
      201,
    );
    const kommune = await login(t, 'kommune');
    await expectStatus(
      send(t, 'POST', `/api/tasks/${handover.taskId}/complete`, kommune, {
        outcome: 'first-contact',
        date: '2026-11-05',
      }),
      200,
    );
    const discharged = await expectStatus<{ state: string }>(
      recordEvent(t, clinician, ref, { kind: 'discharged', date: '2026-11-10' }),
      201,
    );
    assert.equal(discharged.state, 'follow-up');
  });
});
