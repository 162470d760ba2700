import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ReferralChecklistItems } from '@bedring/domain';
import { TSB, UNITS } from '../demo/demo.ts';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import {
  assessReferral,
  countRows,
  episodeFootprint,
  episodeOf,
  referralBody,
  registerReferral,
} from './pathway.fixtures.ts';

/**
 * Referral (docs/domain/pathway.md, P-11–P-15) and its assessment (P-16–P-17) over HTTP. Today is 2026-11-22.
 */
let t: TestApp;
let clinician: Headers;
let leader: Headers;
let behandlerId: string;
let pasientId: string;
before(async () => {
  t = await testApp({ persons: 20 });
  clinician = await login(t, 'behandler');
  leader = await login(t, 'leder');
  behandlerId = await accountId(t, 'behandler');
  pasientId = (
    await t.db.owner
      .selectFrom('account')
      .select('person_id')
      .where('username', '=', 'pasient')
      .executeTakeFirstOrThrow()
  ).person_id!;
});
after(() => t.close());

async function footprint() {
  return Promise.all(
    (['person', 'referral', 'episode', 'care_relation', 'pathway_event'] as const).map((table) =>
      countRows(t, table),
    ),
  );
}

describe('registering a referral', () => {
  it('starts a record for a new person, with the clinician on the assessment team and an episode', async () => {
    const body = referralBody({
      receivedOn: '2026-11-02',
      reason: 'Ønsker hjelp med alkohol',
      checklist: { 'own-participation': true, 'substance-use': true, 'mental-health': false },
      coordinator: { name: 'Kari Koordinator', contact: 'tlf 1' },
    });
    const res = await expectStatus<{
      personId: string;
      referralId: string;
      episodeId: string;
      personExisted: boolean;
      completeness: { done: number; total: number; missing: string[] };
    }>(send(t, 'POST', '/api/referrals', clinician, body), 201);
    assert.equal(res.personExisted, false);
    assert.deepEqual(res.completeness, {
      done: 2,
      total: ReferralChecklistItems.length,
      missing: ReferralChecklistItems.filter((i) => i !== 'own-participation' && i !== 'substance-use'),
    });

    const person = await t.db.owner
      .selectFrom('person')
      .selectAll()
      .where('id', '=', res.personId)
      .executeTakeFirstOrThrow();
    assert.equal(person.tenant_id, TSB);
    assert.equal(person.national_id, body.person.nationalId);
    assert.equal(person.given_name, 'Test');
    const relation = await t.db.owner
      .selectFrom('care_relation')
      .selectAll()
      .where('person_id', '=', res.personId)
      .executeTakeFirstOrThrow();
    assert.equal(relation.account_id, behandlerId);
    assert.equal(relation.kind, 'care-team');
    assert.equal(relation.unit_id, UNITS.outpatient);
    assert.equal(relation.to_at, null);
    const referral = await t.db.owner
      .selectFrom('referral')
      .selectAll()
      .where('id', '=', res.referralId)
      .executeTakeFirstOrThrow();
    assert.equal(referral.received_on, '2026-11-02');
    assert.equal(referral.reason, 'Ønsker hjelp med alkohol');
    assert.equal(referral.coordinator_name, 'Kari Koordinator');
    assert.equal(referral.referrer_kind, 'gp');

    const person_ = `/api/persons/${res.personId}`;
    const episode = await episodeOf(t, clinician, { ...res, person: person_, episode: '' });
    assert.equal(episode.state, 'referred');
    assert.equal(episode.responsible?.id, behandlerId);
    assert.deepEqual(
      episode.events.map((e) => [e.kind, e.date, e.codes]),
      [['referral-received', '2026-11-02', ['pathway-start']]],
    );
    // Ten working days from Monday 2 November: Monday 16 November, overdue on 22 November.
    assert.deepEqual(
      episode.deadlines.map((d) => [d.kind, d.dueOn, d.limitDays, d.status]),
      [['referral-assessment', '2026-11-16', 10, 'overdue']],
    );
    assert.deepEqual(episode.possibleEvents, ['ended']);
    assert.equal(episode.referral?.completeness.done, 2);
  });

  it('counts a complete referral as complete', async () => {
    const checklist = Object.fromEntries(ReferralChecklistItems.map((i) => [i, true]));
    const res = await expectStatus<{ completeness: { done: number; missing: string[] } }>(
      send(t, 'POST', '/api/referrals', clinician, referralBody({ checklist })),
      201,
    );
    assert.equal(res.completeness.done, ReferralChecklistItems.length);
    assert.deepEqual(res.completeness.missing, []);
  });

  it('finds the existing record by national id and does not overwrite it', async () => {
    const before = await footprint();
    const res = await expectStatus<{ personId: string; personExisted: boolean; episodeId: string }>(
      send(
        t,
        'POST',
        '/api/referrals',
        clinician,
        referralBody({
          person: {
            nationalId: '15829000000',
            // Same birth date and family name (a different given name or gender is not a mismatch):
            givenName: 'Annet',
            familyName: 'pasient',
            birthDate: '1990-02-15',
            gender: 'female',
          },
        }),
      ),
      201,
    );
    assert.equal(res.personExisted, true);
    assert.equal(res.personId, pasientId);
    const person = await t.db.owner
      .selectFrom('person')
      .select(['given_name', 'family_name', 'birth_date', 'gender'])
      .where('id', '=', pasientId)
      .executeTakeFirstOrThrow();
    assert.equal(person.given_name, 'Per');
    assert.equal(person.family_name, 'Pasient');
    assert.equal(person.gender, 'male');
    const after = await footprint();
    assert.equal(after[0], before[0], 'no new person');
    assert.equal(after[1], before[1]! + 1, 'one referral');
    assert.equal(after[2], before[2]! + 1, 'one episode');
    const episode = await t.db.owner
      .selectFrom('episode')
      .select(['person_id', 'state'])
      .where('id', '=', res.episodeId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(episode, { person_id: pasientId, state: 'referred' });
  });

  it('refuses a unit outside the organisation (400) and writes nothing', async () => {
    const before = await footprint();
    for (const unitId of ['0f6b1c6e-7d0a-4c39-9a52-1a00000000ff', UNITS.followUp]) {
      const body = referralBody({ unitId });
      const res = await send(t, 'POST', '/api/referrals', clinician, body);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'unknown_unit');
      const person = await t.db.owner
        .selectFrom('person')
        .select('id')
        .where('national_id', '=', body.person.nationalId)
        .executeTakeFirst();
      assert.equal(person, undefined);
    }
    assert.deepEqual(await footprint(), before);
  });

  it('refuses a referral received in the future (400) and writes nothing', async () => {
    const before = await footprint();
    const res = await send(
      t,
      'POST',
      '/api/referrals',
      clinician,
      referralBody({ receivedOn: '2026-11-23' }),
    );
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'date_in_future');
    assert.deepEqual(await footprint(), before);
  });

  it('is for leaders and clinicians only: the other roles get 403 and nothing is written', async () => {
    const before = await footprint();
    for (const username of ['miljo', 'kommune', 'likeperson', 'pasient', 'admin']) {
      const res = await send(t, 'POST', '/api/referrals', await login(t, username), referralBody());
      assert.equal(res.statusCode, 403, `${username}: ${res.body}`);
    }
    assert.deepEqual(await footprint(), before);
    const byLeader = await expectStatus<{ episodeId: string }>(
      send(t, 'POST', '/api/referrals', leader, referralBody()),
      201,
    );
    const episode = await t.db.owner
      .selectFrom('episode')
      .select('responsible_account_id')
      .where('id', '=', byLeader.episodeId)
      .executeTakeFirstOrThrow();
    assert.equal(episode.responsible_account_id, await accountId(t, 'leder'));
  });

  it('refuses a malformed national id', async () => {
    const body = referralBody();
    const res = await send(t, 'POST', '/api/referrals', clinician, {
      ...body,
      person: { ...body.person, nationalId: '0101701234' },
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'invalid_input');
  });
});

describe('assessing a referral', () => {
  const problems: [string, Record<string, unknown>, string][] = [
    ['right to treatment without a deadline', { outcome: 'right-to-treatment' }, 'deadline_required'],
    [
      'a deadline without a right to treatment',
      { outcome: 'treatment-without-right', treatmentStartDeadline: '2026-12-01' },
      'deadline_not_allowed',
    ],
    [
      'a deadline with no need',
      { outcome: 'no-need', treatmentStartDeadline: '2026-12-01' },
      'deadline_not_allowed',
    ],
    [
      'a deadline before the assessment',
      { outcome: 'right-to-treatment', treatmentStartDeadline: '2026-11-09' },
      'deadline_before_assessment',
    ],
    [
      'an assessment before the referral came',
      { outcome: 'treatment-without-right', assessedOn: '2026-11-01' },
      'assessed_before_received',
    ],
    [
      'an assessment in the future',
      { outcome: 'treatment-without-right', assessedOn: '2026-11-23' },
      'date_in_future',
    ],
  ];
  for (const [what, body, code] of problems) {
    it(`refuses ${what} (400 ${code}) and writes nothing`, async () => {
      const ref = await registerReferral(t, clinician, { receivedOn: '2026-11-02' });
      const before = await episodeFootprint(t, ref.episodeId);
      const res = await assessReferral(t, clinician, ref, { assessedOn: '2026-11-10', ...body });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, code);
      assert.deepEqual(await episodeFootprint(t, ref.episodeId), before);
      const referral = await t.db.owner
        .selectFrom('referral')
        .select(['assessed_on', 'outcome', 'treatment_start_deadline', 'assessed_by'])
        .where('id', '=', ref.referralId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(referral, {
        assessed_on: null,
        outcome: null,
        treatment_start_deadline: null,
        assessed_by: null,
      });
    });
  }

  it('records a right to treatment with its individual deadline for start', async () => {
    const ref = await registerReferral(t, clinician, { receivedOn: '2026-11-02' });
    const res = await expectStatus<{ state: string; warnings: unknown[] }>(
      assessReferral(t, clinician, ref, {
        assessedOn: '2026-11-10',
        outcome: 'right-to-treatment',
        treatmentStartDeadline: '2026-12-15',
        note: 'Rett til nødvendig helsehjelp',
        letterToPersonOn: '2026-11-10',
        letterToReferrerOn: '2026-11-11',
      }),
      200,
    );
    assert.deepEqual(res, { state: 'assessed', warnings: [] });
    const referral = await t.db.owner
      .selectFrom('referral')
      .selectAll()
      .where('id', '=', ref.referralId)
      .executeTakeFirstOrThrow();
    assert.equal(referral.assessed_on, '2026-11-10');
    assert.equal(referral.outcome, 'right-to-treatment');
    assert.equal(referral.treatment_start_deadline, '2026-12-15');
    assert.equal(referral.letter_to_referrer_on, '2026-11-11');
    assert.equal(referral.assessed_by, behandlerId);
    const episode = await episodeOf(t, clinician, ref);
    assert.equal(episode.state, 'assessed');
    assert.deepEqual(episode.possibleEvents, ['waiting', 'first-attendance', 'ended']);
    assert.deepEqual(
      episode.deadlines.map((d) => [d.kind, d.startsOn, d.dueOn, d.metOn, d.status]),
      [
        ['referral-assessment', '2026-11-02', '2026-11-16', '2026-11-10', 'met'],
        ['treatment-start', '2026-11-10', '2026-12-15', null, 'open'],
      ],
    );
    assert.equal(episode.referral?.assessment?.treatmentStartDeadline, '2026-12-15');
  });

  it('records a late assessment, with a warning (U-13)', async () => {
    // Ten working days from Thursday 1 October: Thursday 15 October.
    const ref = await registerReferral(t, clinician, { receivedOn: '2026-10-01' });
    const res = await expectStatus<{ state: string; warnings: unknown[] }>(
      assessReferral(t, clinician, ref, { assessedOn: '2026-10-20', outcome: 'treatment-without-right' }),
      200,
    );
    assert.equal(res.state, 'assessed');
    assert.deepEqual(res.warnings, [
      { code: 'deadline-missed', deadline: 'referral-assessment', dueOn: '2026-10-15', daysLate: 5 },
    ]);
    const episode = await episodeOf(t, clinician, ref);
    assert.equal(episode.deadlines[0]?.status, 'met-late');
    assert.deepEqual(episode.events.at(-1)?.warnings, res.warnings);
  });

  it('ends the episode when there is no need for specialist treatment', async () => {
    const ref = await registerReferral(t, clinician, { receivedOn: '2026-11-02' });
    const res = await expectStatus<{ state: string }>(
      assessReferral(t, clinician, ref, { assessedOn: '2026-11-09', outcome: 'no-need' }),
      200,
    );
    assert.equal(res.state, 'ended');
    const episode = await episodeOf(t, clinician, ref);
    assert.equal(episode.state, 'ended');
    assert.equal(episode.endedOn, '2026-11-09');
    assert.equal(episode.endOutcome, 'other');
    assert.deepEqual(episode.possibleEvents, []);
    assert.deepEqual(
      episode.events.map((e) => [e.kind, e.codes]),
      [
        ['referral-received', ['pathway-start']],
        ['referral-assessed', []],
        ['ended', ['pathway-end']],
      ],
    );
    assert.equal(episode.referral?.assessment?.outcome, 'no-need');
    assert.deepEqual(episode.tasks, [], 'no need is not a drop-out: no re-engagement task');
  });

  it('assesses a referral once: a second assessment is an illegal transition (409)', async () => {
    const ref = await registerReferral(t, clinician, { receivedOn: '2026-11-02' });
    await expectStatus(
      assessReferral(t, clinician, ref, { assessedOn: '2026-11-09', outcome: 'treatment-without-right' }),
      200,
    );
    const before = await episodeFootprint(t, ref.episodeId);
    const again = await assessReferral(t, clinician, ref, { assessedOn: '2026-11-10', outcome: 'no-need' });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().error.code, 'illegal_transition');
    assert.deepEqual(await episodeFootprint(t, ref.episodeId), before);
    const referral = await t.db.owner
      .selectFrom('referral')
      .select(['outcome', 'assessed_on'])
      .where('id', '=', ref.referralId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(referral, { outcome: 'treatment-without-right', assessed_on: '2026-11-09' });
  });

  it("does not find a referral under another person's record (404)", async () => {
    const a = await registerReferral(t, clinician, { receivedOn: '2026-11-02' });
    const b = await registerReferral(t, clinician, { receivedOn: '2026-11-02' });
    const res = await send(t, 'POST', `${b.person}/referrals/${a.referralId}/assessment`, clinician, {
      assessedOn: '2026-11-09',
      outcome: 'treatment-without-right',
    });
    assert.equal(res.statusCode, 404, res.body);
    assert.equal((await episodeFootprint(t, a.episodeId)).episode.state, 'referred');
  });

  it('is refused to milieu staff (403) even with a care relation', async () => {
    const ref = await registerReferral(t, clinician, { receivedOn: '2026-11-02' });
    await t.db.owner
      .insertInto('care_relation')
      .values({
        tenant_id: TSB,
        person_id: ref.personId,
        account_id: await accountId(t, 'miljo'),
        organisation_id: TSB,
        kind: 'care-team',
        unit_id: UNITS.inpatient,
        from_at: new Date('2026-11-02T08:00:00Z'),
      })
      .execute();
    const res = await assessReferral(t, await login(t, 'miljo'), ref, {
      assessedOn: '2026-11-09',
      outcome: 'treatment-without-right',
    });
    assert.equal(res.statusCode, 403, res.body);
    assert.equal((await episodeFootprint(t, ref.episodeId)).episode.state, 'referred');
  });

  it('is refused to a clinician without need to know (403)', async () => {
    const ref = await registerReferral(t, leader, { receivedOn: '2026-11-02' });
    const res = await assessReferral(t, clinician, ref, {
      assessedOn: '2026-11-09',
      outcome: 'treatment-without-right',
    });
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().error.code, 'no_need_to_know');
    assert.equal((await episodeFootprint(t, ref.episodeId)).episode.state, 'referred');
  });
});
