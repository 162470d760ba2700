import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inTenant } from '../db/transaction.ts';
import { KOMMUNE } from '../demo/demo.ts';
import { inTreatment, recordEvent } from '../pathway/pathway.fixtures.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { accountId, expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { municipalConsentId, planFootprint, planOf, plansOf, relate } from './plan.fixtures.ts';

/**
 * The person's plans over HTTP (docs/decisions/0006-plans.md): goals in the person's words, measures by
 * staff, comments, co-signature of a version, the change log; the relapse-prevention plan and lapses
 * that never reset progress; the crisis plan with its emergency numbers; the network map; and sharing
 * with the municipality only under a consent that names the plan.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let per: Headers;
let bjorn: Headers;
let kim: Headers;
let liv: Headers;
let plans: string;
before(async () => {
  // From a blank plan (versions and history counted from 1); the demo's plans for Per have their own test.
  t = await testApp({ demoPlans: false });
  ids = await demoIds(t.db);
  per = await login(t, 'pasient');
  bjorn = await login(t, 'behandler');
  kim = await login(t, 'kommune');
  liv = await login(t, 'likeperson');
  plans = `/api/persons/${ids.pasient}/plans`;
});
after(() => t.close());

const entry = (kind: string, body: object, headers: Headers) =>
  send(t, 'POST', `${plans}/${kind}/entries`, headers, body);

describe('the treatment plan', () => {
  let goalId: string;
  let measureId: string;

  it("has the person's goal in their own words, and staff measures with an owner", async () => {
    const goal = await expectStatus<{ id: string; planVersion: number; warnings: unknown[] }>(
      entry(
        'treatment',
        { section: 'goal', text: 'Jeg vil ha en jobb å gå til', successMeans: 'Stå opp om morgenen' },
        per,
      ),
      201,
    );
    assert.deepEqual(goal.warnings, []);
    assert.equal(goal.planVersion, 1);
    goalId = goal.id;
    const refused = await expectStatus<{ error: { code: string } }>(
      entry(
        'treatment',
        { section: 'measure', text: 'Noe', ownerAccountId: ids.behandler, dueOn: '2026-12-15' },
        per,
      ),
      403,
    );
    assert.equal(refused.error.code, 'staff_part');
    const measure = await expectStatus<{ id: string; planVersion: number }>(
      entry(
        'treatment',
        {
          section: 'measure',
          text: 'Samtale med jobbspesialist',
          ownerAccountId: ids.behandler,
          dueOn: '2026-12-15',
        },
        bjorn,
      ),
      201,
    );
    measureId = measure.id;
    assert.equal(measure.planVersion, 2);
    // Staff may write a goal down for the person; it is marked as theirs, with a reminder.
    const staffGoal = await expectStatus<{ warnings: { code: string }[] }>(
      entry('treatment', { section: 'goal', text: 'Redusere bruken' }, bjorn),
      201,
    );
    assert.deepEqual(staffGoal.warnings, [{ code: 'written-for-the-person' }]);
  });

  it('refuses fields a section does not have, and a section of another plan, writing nothing', async () => {
    const before = await planFootprint(t, ids.pasient);
    const wrongField = await expectStatus<{ error: { code: string; details: unknown[] } }>(
      entry('treatment', { section: 'goal', text: 'x', dueOn: '2026-12-01' }, per),
      400,
    );
    assert.equal(wrongField.error.code, 'entry_does_not_fit');
    assert.deepEqual(wrongField.error.details, [{ field: 'dueOn', problem: 'not-for-section' }]);
    const wrongPlan = await expectStatus<{ error: { code: string } }>(
      entry('treatment', { section: 'warning-sign', text: 'x' }, per),
      400,
    );
    assert.equal(wrongPlan.error.code, 'section_not_in_plan');
    const unknownOwner = await expectStatus<{ error: { details: unknown[] } }>(
      entry(
        'treatment',
        { section: 'measure', text: 'x', ownerAccountId: ids.pasient, dueOn: '2026-12-15' },
        bjorn,
      ),
      400,
    );
    assert.deepEqual(unknownOwner.error.details, [{ field: 'ownerAccountId', problem: 'not-staff' }]);
    assert.deepEqual(await planFootprint(t, ids.pasient), before);
  });

  it("lets everyone comment, and nobody edit another author's entry", async () => {
    await expectStatus(
      send(t, 'POST', `${plans}/treatment/entries/${measureId}/comments`, per, {
        text: 'Kan vi møtes på formiddagen?',
      }),
      201,
    );
    const perEdits = await expectStatus<{ error: { code: string } }>(
      send(t, 'PUT', `${plans}/treatment/entries/${measureId}`, per, {
        text: 'Ingen samtale',
        ownerAccountId: ids.behandler,
        dueOn: '2026-12-15',
      }),
      403,
    );
    assert.equal(perEdits.error.code, 'another_authors_entry');
    const bjornEdits = await expectStatus<{ error: { code: string } }>(
      send(t, 'PUT', `${plans}/treatment/entries/${goalId}`, bjorn, { text: 'Et annet mål' }),
      403,
    );
    assert.equal(bjornEdits.error.code, 'another_authors_entry');
  });

  it('shows who wrote every entry, the goals first, and the comments with them', async () => {
    const plan = await planOf(t, per, ids.pasient, 'treatment');
    assert.equal(plan.version, 3);
    const [goal, staffGoal, measure] = plan.entries;
    assert.equal(goal?.section, 'goal');
    assert.equal(goal?.text, 'Jeg vil ha en jobb å gå til');
    assert.equal(goal?.successMeans, 'Stå opp om morgenen');
    assert.equal(goal?.writtenBy, 'person');
    assert.equal(goal?.author.name, 'Per Pasient');
    assert.equal(measure?.owner?.name, 'Bjørn Behandler');
    assert.equal(measure?.author.role, 'clinician');
    assert.deepEqual(
      measure?.comments.map((c) => [c.text, c.writtenBy, c.author.name]),
      [['Kan vi møtes på formiddagen?', 'person', 'Per Pasient']],
    );
    assert.equal(staffGoal?.writtenBy, 'staff');
  });

  it('is co-signed by the person for a version; a later change leaves the signature on the older one', async () => {
    const stale = await expectStatus<{ error: { code: string } }>(
      send(t, 'POST', `${plans}/treatment/signatures`, per, { version: 2 }),
      409,
    );
    assert.equal(stale.error.code, 'plan_changed');
    const staff = await expectStatus<{ error: { code: string } }>(
      send(t, 'POST', `${plans}/treatment/signatures`, bjorn, { version: 3 }),
      403,
    );
    assert.equal(staff.error.code, 'only_the_person_signs');
    await expectStatus(send(t, 'POST', `${plans}/treatment/signatures`, per, { version: 3 }), 201);
    const signed = await planOf(t, bjorn, ids.pasient, 'treatment');
    assert.deepEqual(
      signed.signatures.map((s) => [s.version, s.signedBy.name, s.current]),
      [[3, 'Per Pasient', true]],
    );
    assert.ok(!signed.warnings.includes('not-signed-since-change'));

    const changed = await expectStatus<{ planVersion: number }>(
      send(t, 'PUT', `${plans}/treatment/entries/${goalId}`, per, {
        text: 'Jeg vil ha en deltidsjobb',
        successMeans: 'Stå opp om morgenen',
      }),
      200,
    );
    assert.equal(changed.planVersion, 4);
    const after = await planOf(t, bjorn, ids.pasient, 'treatment');
    assert.deepEqual(
      after.signatures.map((s) => [s.version, s.current]),
      [[3, false]],
    );
    assert.ok(after.warnings.includes('not-signed-since-change'));
  });

  it('keeps the full history: who changed what, when, before and after', async () => {
    const { history, version } = await expectStatus<{
      version: number;
      history: {
        version: number;
        action: string;
        before: { text?: string } | null;
        after: { text?: string };
        changedBy: { name: string };
      }[];
    }>(send(t, 'GET', `${plans}/treatment/history`, per), 200);
    assert.equal(version, 4);
    assert.deepEqual(
      history.map((h) => [h.version, h.action, h.changedBy.name]),
      [
        [1, 'add-entry', 'Per Pasient'],
        [2, 'add-entry', 'Bjørn Behandler'],
        [3, 'add-entry', 'Bjørn Behandler'],
        [4, 'change-entry', 'Per Pasient'],
      ],
    );
    assert.equal(history[3]?.before?.text, 'Jeg vil ha en jobb å gå til');
    assert.equal(history[3]?.after.text, 'Jeg vil ha en deltidsjobb');
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select(['action', 'resource_type'])
      .where('person_id', '=', ids.pasient)
      .where('resource_type', 'in', ['CarePlan', 'PlanEntry', 'PlanComment', 'PlanSignature', 'PlanHistory'])
      .execute();
    for (const type of ['CarePlan', 'PlanEntry', 'PlanComment', 'PlanSignature', 'PlanHistory']) {
      assert.ok(
        audited.some((a) => a.resource_type === type),
        `${type} audited`,
      );
    }
  });

  it("ties a measure's evaluation to the pathway's next evaluation point", async () => {
    const ref = await inTreatment(t, bjorn, { firstOn: '2026-11-16' });
    await expectStatus(recordEvent(t, bjorn, ref, { kind: 'clinical-decision', date: '2026-11-20' }), 201);
    const url = `/api/persons/${ref.personId}/plans/treatment/entries`;
    const made = await expectStatus<{ evaluateOn: string | null }>(
      send(t, 'POST', url, bjorn, {
        section: 'measure',
        text: 'Kartlegge søvn',
        ownerAccountId: ids.behandler,
        dueOn: '2026-11-30',
      }),
      201,
    );
    const plan = await planOf(t, bjorn, ref.personId, 'treatment');
    assert.ok(plan.nextEvaluationOn, 'the pathway has an evaluation point');
    assert.equal(made.evaluateOn, plan.nextEvaluationOn);
    assert.equal(plan.entries[0]?.evaluateOn, plan.nextEvaluationOn);
  });
});

describe('the relapse-prevention plan and lapses', () => {
  it('holds contact persons with an agreement to call before using', async () => {
    await expectStatus(
      entry(
        'relapse-prevention',
        {
          section: 'contact-person',
          text: 'Broren min, Ole',
          phone: '+47 900 00 000',
          contactBeforeUse: true,
        },
        per,
      ),
      201,
    );
    await expectStatus(
      entry('relapse-prevention', { section: 'high-risk-situation', text: 'Fredagskvelder alene' }, per),
      201,
    );
    const plan = await planOf(t, per, ids.pasient, 'relapse-prevention');
    assert.equal(plan.entries.find((e) => e.section === 'contact-person')?.contactBeforeUse, true);
    assert.deepEqual(plan.warnings, []);
  });

  it("records a lapse in the person's words, prompts looking at the plan together, and never resets progress", async () => {
    const lapses = `/api/persons/${ids.pasient}/lapses`;
    const before = await expectStatus<{ progress: { days: number; goodDays: number; lapses: number } }>(
      send(t, 'GET', lapses, per),
      200,
    );
    assert.ok(before.progress.days > 0);
    const made = await expectStatus<{ prompt: string }>(
      send(t, 'POST', lapses, per, {
        occurredOn: '2026-11-21',
        situation: 'Fest hos en kamerat',
        thoughtsFeelings: 'Ensom og sliten',
        whatHappened: 'Drakk',
        whatHelped: 'Ringte Ole dagen etter',
      }),
      201,
    );
    assert.equal(made.prompt, 'look-at-plan-together');
    const after = await expectStatus<{
      progress: { days: number; goodDays: number; lapses: number };
      lookAtPlanTogether: boolean;
      lapses: { situation: string; writtenBy: string }[];
    }>(send(t, 'GET', lapses, bjorn), 200);
    assert.equal(after.progress.days, before.progress.days, 'the days since the start are all still there');
    assert.equal(
      after.progress.goodDays,
      before.progress.goodDays - 1,
      'one day had a lapse; no other day is lost',
    );
    assert.equal(after.progress.lapses, before.progress.lapses + 1);
    assert.equal(after.lookAtPlanTogether, true);
    assert.equal(after.lapses[0]?.situation, 'Fest hos en kamerat');
    assert.equal(after.lapses[0]?.writtenBy, 'person');
    assert.ok(
      (await planOf(t, bjorn, ids.pasient, 'relapse-prevention')).warnings.includes('look-at-plan-together'),
    );

    // Looking at the plan together answers the prompt: a new entry changes the plan.
    await expectStatus(
      entry('relapse-prevention', { section: 'after-a-lapse', text: 'Ringe Ole neste morgen' }, per),
      201,
    );
    assert.deepEqual((await planOf(t, bjorn, ids.pasient, 'relapse-prevention')).warnings, []);
  });

  it('refuses a lapse without words or in the future, writing nothing', async () => {
    const before = await planFootprint(t, ids.pasient);
    const lapses = `/api/persons/${ids.pasient}/lapses`;
    await expectStatus(send(t, 'POST', lapses, per, { occurredOn: '2026-11-20' }), 400);
    await expectStatus(send(t, 'POST', lapses, per, { occurredOn: '2026-11-30', situation: 'x' }), 400);
    assert.deepEqual(await planFootprint(t, ids.pasient), before);
  });
});

describe('the crisis plan and the network map', () => {
  it('always has 113 and legevakt 116 117, even before anything is written', async () => {
    const plan = await planOf(t, per, ids.pasient, 'crisis');
    assert.deepEqual(
      plan.emergencyNumbers?.map((n) => n.number),
      ['113', '116 117'],
    );
  });

  it('has warning signs, named contacts from the network and a review date', async () => {
    await expectStatus(
      entry('crisis', { section: 'warning-sign', text: 'Slutter å svare på telefonen' }, per),
      201,
    );
    await expectStatus(
      entry('crisis', { section: 'what-services-do', text: 'Kommunen ringer samme dag' }, bjorn),
      201,
    );
    assert.ok((await planOf(t, per, ids.pasient, 'crisis')).warnings.includes('no-review-date'));
    const review = await expectStatus<{ planVersion: number }>(
      send(t, 'PUT', `${plans}/crisis/review-date`, per, { reviewOn: '2027-02-01' }),
      200,
    );
    assert.equal(review.planVersion, 3);
    const network = `/api/persons/${ids.pasient}/network`;
    const ole = await expectStatus<{ id: string }>(
      send(t, 'POST', network, per, {
        name: 'Ole',
        relation: 'family',
        quality: 'supportive',
        crisisRole: 'Kommer hjem til meg',
        phone: '+47 900 00 000',
        contactConsent: true,
        maySee: ['crisis'],
      }),
      201,
    );
    await expectStatus(
      send(
        t,
        'PUT',
        `${plans}/crisis/entries/${(await planOf(t, per, ids.pasient, 'crisis')).entries[0]!.id}`,
        per,
        {
          text: 'Slutter å svare på telefonen',
        },
      ),
      200,
    );
    const plan = await planOf(t, per, ids.pasient, 'crisis');
    assert.equal(plan.reviewOn, '2027-02-01');
    assert.deepEqual(plan.warnings, []);
    assert.deepEqual(
      plan.networkContacts?.map((c) => [c.name, c.crisisRole]),
      [['Ole', 'Kommer hjem til meg']],
    );
    assert.ok(ole.id);
  });

  it("is the person's map: they edit every member, helpers only what they added", async () => {
    const network = `/api/persons/${ids.pasient}/network`;
    const added = await expectStatus<{ id: string }>(
      send(t, 'POST', network, bjorn, {
        name: 'AA-gruppa på torsdager',
        relation: 'self-help-group',
        quality: 'supportive',
        contactConsent: false,
        maySee: [],
      }),
      201,
    );
    const { members } = await expectStatus<{
      members: { id: string; name: string; writtenBy: string; author: { name: string } }[];
    }>(send(t, 'GET', network, per), 200);
    const oles = members.find((m) => m.name === 'Ole')!;
    const bjornEditsOle = await expectStatus<{ error: { code: string } }>(
      send(t, 'PUT', `${network}/${oles.id}`, bjorn, {
        name: 'Ole',
        relation: 'family',
        quality: 'risky',
        contactConsent: true,
        maySee: ['crisis'],
      }),
      403,
    );
    assert.equal(bjornEditsOle.error.code, 'another_authors_entry');
    await expectStatus(
      send(t, 'PUT', `${network}/${added.id}`, per, {
        name: 'AA-gruppa',
        relation: 'self-help-group',
        quality: 'lost-contact',
        contactConsent: false,
        maySee: [],
        removed: true,
      }),
      200,
    );
    const after = await expectStatus<{ members: { name: string }[] }>(send(t, 'GET', network, per), 200);
    assert.deepEqual(
      after.members.map((m) => m.name),
      ['Ole'],
    );
  });
});

describe('sharing follows recorded consent', () => {
  it('shows a municipal worker with a consent that names no plan nothing of the plans', async () => {
    const before = await planFootprint(t, ids.pasient);
    assert.deepEqual(await plansOf(t, kim, ids.pasient), []);
    for (const url of ['network', 'lapses', 'plans/crisis/history']) {
      await expectStatus(send(t, 'GET', `/api/persons/${ids.pasient}/${url}`, kim), 404);
    }
    const res = await send(t, 'GET', plans, kim);
    assert.ok(!res.body.includes('deltidsjobb') && !res.body.includes('telefonen'));
    await expectStatus(entry('crisis', { section: 'what-services-do', text: 'x' }, kim), 404);
    const sharing = await expectStatus<{ error: { code: string } }>(
      send(
        t,
        'PUT',
        `/api/persons/${ids.pasient}/consents/${await municipalConsentId(t, ids.pasient)}/plan-parts`,
        kim,
        { planParts: ['treatment'] },
      ),
      403,
    );
    assert.equal(sharing.error.code, 'holder_only');
    assert.deepEqual(await planFootprint(t, ids.pasient), before);
  });

  it('shows only the kinds the person shared, in the API and in the database', async () => {
    const consentId = await municipalConsentId(t, ids.pasient);
    await expectStatus(
      send(t, 'PUT', `/api/persons/${ids.pasient}/consents/${consentId}/plan-parts`, per, {
        planParts: ['crisis'],
      }),
      200,
    );
    const { consents } = await expectStatus<{
      consents: { id: string; planParts: string[]; active: boolean }[];
    }>(send(t, 'GET', `/api/persons/${ids.pasient}/consents`, per), 200);
    assert.deepEqual(consents.find((c) => c.id === consentId)?.planParts, ['crisis']);

    const visible = await plansOf(t, kim, ids.pasient);
    assert.deepEqual(
      visible.map((p) => p.kind),
      ['crisis'],
    );
    assert.ok(!JSON.stringify(visible).includes('deltidsjobb'));
    // The network is its own part: not shared, so the crisis plan shows no contacts from it.
    assert.deepEqual(visible[0]?.networkContacts, []);
    await expectStatus(send(t, 'GET', `/api/persons/${ids.pasient}/network`, kim), 404);
    await expectStatus(
      entry('crisis', { section: 'what-services-do', text: 'Hjemmebesøk innen en uke' }, kim),
      201,
    );
    await expectStatus(
      entry(
        'treatment',
        { section: 'measure', text: 'x', ownerAccountId: ids.kommune, dueOn: '2026-12-15' },
        kim,
      ),
      404,
    );

    // Row-level security says the same: the municipality's own queries find only the crisis plan.
    const kommuneId = await accountId(t, 'kommune');
    const kinds = await inTenant(t.db.app, { tenantId: KOMMUNE, accountId: kommuneId }, (trx) =>
      trx
        .selectFrom('plan_entry')
        .select('plan_kind')
        .distinct()
        .where('person_id', '=', ids.pasient)
        .execute(),
    );
    assert.deepEqual(
      kinds.map((k) => k.plan_kind),
      ['crisis'],
    );
  });

  it('lets a peer with a care relation read and comment on a shared plan, never write in it', async () => {
    await relate(t, 'likeperson', ids.pasient);
    const crisis = await planOf(t, liv, ids.pasient, 'crisis');
    await expectStatus(
      send(t, 'POST', `${plans}/crisis/entries/${crisis.entries[0]!.id}/comments`, liv, {
        text: 'Jeg kan være med på et møte',
      }),
      201,
    );
    const refused = await expectStatus<{ error: { code: string } }>(
      entry('crisis', { section: 'what-i-do', text: 'x' }, liv),
      403,
    );
    assert.equal(refused.error.code, 'peer_reads_and_comments');
  });

  it('closes everything again when the consent is revoked', async () => {
    await t.db.owner
      .updateTable('consent')
      .set({ revoked_at: new Date('2026-11-22T09:00:00Z') })
      .where('id', '=', await municipalConsentId(t, ids.pasient))
      .execute();
    const res = await send(t, 'GET', plans, kim);
    assert.ok(res.statusCode === 403 || res.statusCode === 404, res.body);
    assert.ok(!res.body.includes('telefonen'));
  });

  it('gives a municipal worker nothing of a person who never consented', async () => {
    const ref = await inTreatment(t, bjorn);
    await expectStatus(
      send(t, 'POST', `/api/persons/${ref.personId}/plans/crisis/entries`, bjorn, {
        section: 'warning-sign',
        text: 'Hemmelig tegn',
      }),
      201,
    );
    for (const url of ['plans', 'plans/crisis/history', 'network', 'lapses', 'promises', 'consents']) {
      const res = await send(t, 'GET', `/api/persons/${ref.personId}/${url}`, kim);
      assert.ok(res.statusCode === 403 || res.statusCode === 404, `${url}: ${res.statusCode}`);
      assert.ok(!res.body.includes('Hemmelig'));
    }
  });
});
