import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  Bundle,
  CarePlan,
  Consent,
  Extension,
  Goal,
  RelatedPerson,
  Resource,
  Task,
} from '@medplum/fhirtypes';
import { demoIds } from '../testing/demo-ids.ts';
import { fhirProblems } from '../testing/fhir-validation.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { CARE_PLAN_CATEGORY_SYSTEM, NETWORK_MAP_TAG, PLAN_EXT } from './plan-fhir.mapping.ts';

/**
 * The person's plans through FHIR (docs/api.md), on the demo's Per Pasient: CarePlan per plan kind,
 * Goal, RelatedPerson, Task for promises and Consent — valid R4, under need to know and the plan rule as
 * /api: kommune sees only the plans his consent names, and nothing once it names none.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const USERS = ['behandler', 'pasient', 'kommune', 'likeperson'] as const;
type User = (typeof USERS)[number];
const auth = {} as Record<User, Record<string, string>>;

before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  for (const u of USERS) auth[u] = { authorization: `Bearer ${await t.login(u)}` };
});
after(() => t.close());

const valid = (r: Resource) => assert.deepEqual(fhirProblems(r), [], `${r.resourceType} is valid FHIR R4`);
const get = (url: string, who: User = 'behandler') => t.app.inject({ url, headers: auth[who] });
async function search<T extends Resource>(url: string, who: User = 'behandler'): Promise<T[]> {
  const res = await get(url, who);
  assert.equal(res.statusCode, 200, `${who} ${url}: ${res.body}`);
  assert.match(String(res.headers['content-type']), /application\/fhir\+json/);
  const b = res.json() as Bundle;
  valid(b);
  assert.equal(b.type, 'searchset');
  const found = (b.entry ?? []).map((e) => e.resource as T);
  for (const r of found) valid(r);
  return found;
}
async function read<T extends Resource>(url: string, who: User = 'behandler'): Promise<T> {
  const res = await get(url, who);
  assert.equal(res.statusCode, 200, `${who} ${url}: ${res.body}`);
  const r = res.json() as T;
  valid(r);
  return r;
}
const ext = (r: { extension?: Extension[] }, url: string) => (r.extension ?? []).filter((e) => e.url === url);
const kindOf = (p: CarePlan) => p.category?.[0]?.coding?.[0]?.code;
const of = (type: string) => `/fhir/${type}?patient=Patient/${ids.pasient}`;
// RelatedPerson is also the record's list of children and relatives (record/relatives-fhir.mapping.ts): the
// network map is the part tagged network-map.
const network = () => `${of('RelatedPerson')}&_tag=${NETWORK_MAP_TAG.system}|${NETWORK_MAP_TAG.code}`;

describe('CarePlan', () => {
  it('is one plan per kind, with a coded category, goals, activities and who wrote them', async () => {
    const plans = await search<CarePlan>(of('CarePlan'));
    assert.deepEqual(plans.map(kindOf), ['treatment', 'relapse-prevention', 'crisis']);
    const crisisCategory = plans[2]!.category![0]!;
    assert.equal(crisisCategory.coding![0]!.system, CARE_PLAN_CATEGORY_SYSTEM);
    assert.equal(crisisCategory.coding![0]!.display, 'Crisis plan');
    assert.equal(crisisCategory.text, 'Kriseplan');
    assert.equal(plans[1]!.category![0]!.text, 'Tilbakefallsforebyggende plan');

    const treatment = plans[0]!;
    assert.equal(treatment.subject.reference, `Patient/${ids.pasient}`);
    assert.equal(treatment.goal?.length, 3);
    assert.equal(
      treatment.author?.reference,
      `Patient/${ids.pasient}`,
      'Per started his plan with his goals',
    );
    assert.ok(treatment.contributor?.some((c) => c.reference === `Practitioner/${ids.kommune}`));
    const measures = (treatment.activity ?? []).filter(
      (a) => a.detail?.code?.coding?.[0]?.code === 'measure',
    );
    assert.equal(measures.length, 3);
    const visits = measures.find(
      (m) => m.detail?.performer?.[0]?.reference === `Practitioner/${ids.kommune}`,
    );
    assert.ok(visits?.detail?.scheduledPeriod?.end, 'a measure has a due date');
    assert.ok(ext(visits!.detail!, PLAN_EXT.evaluateOn)[0]?.valueDate, 'and an evaluation date');
    assert.equal(visits?.progress?.[0]?.authorReference?.reference, `Patient/${ids.pasient}`, 'his comment');
    // He signed an earlier version; kommune's measure came after.
    const [signature] = ext(treatment, PLAN_EXT.coSignature);
    const part = (url: string) => signature?.extension?.find((e) => e.url === url);
    assert.equal(part('current')?.valueBoolean, false);
    assert.ok(Number(part('version')?.valueInteger) < Number(treatment.meta?.versionId));

    const relapse = plans[1]!;
    const contact = relapse.activity?.find((a) => a.detail?.code?.coding?.[0]?.code === 'contact-person');
    assert.equal(ext(contact!.detail!, PLAN_EXT.contactBeforeUse)[0]?.valueBoolean, true);
    assert.match(contact?.detail?.performer?.[0]?.reference ?? '', /^RelatedPerson\//);
    const crisis = plans[2]!;
    assert.ok(ext(crisis, PLAN_EXT.reviewOn)[0]?.valueDate, 'the crisis plan has a review date');
    assert.match(crisis.note?.[0]?.text ?? '', /113.*116 117/);

    assert.deepEqual(
      (await search<CarePlan>(`${of('CarePlan')}&category=${CARE_PLAN_CATEGORY_SYSTEM}|crisis`)).map(kindOf),
      ['crisis'],
    );
    const one = await read<CarePlan>(`/fhir/CarePlan/${crisis.id}`);
    assert.deepEqual(one, crisis);
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select('resource_id')
      .where('person_id', '=', ids.pasient)
      .where('resource_type', '=', 'CarePlan')
      .where('action', '=', 'read')
      .execute();
    assert.ok(audited.some((a) => a.resource_id === crisis.id));
  });

  it('refuses an unknown category and a malformed patient with an OperationOutcome', async () => {
    for (const url of [`${of('CarePlan')}&category=weekly`, '/fhir/CarePlan?patient=nobody']) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().resourceType, 'OperationOutcome');
    }
  });
});

describe('Goal', () => {
  it("is the person's words, expressed by the Patient, with what success means", async () => {
    const goals = await search<Goal>(of('Goal'));
    assert.deepEqual(
      goals.map((g) => g.description.text),
      [
        'Ha et sted å bo som er mitt',
        'Få være mer sammen med datteren min',
        'Slutte med heroin og klare hverdagen uten',
      ],
    );
    for (const g of goals) {
      assert.equal(g.expressedBy?.reference, `Patient/${ids.pasient}`);
      assert.equal(g.subject.reference, `Patient/${ids.pasient}`);
      assert.equal(g.lifecycleStatus, 'active');
      assert.ok(ext(g, PLAN_EXT.successMeans)[0]?.valueString);
    }
    assert.deepEqual(await read<Goal>(`/fhir/Goal/${goals[0]!.id}`), goals[0]);
  });
});

describe('RelatedPerson', () => {
  it('is the network map: relation coded, quality, name and phone', async () => {
    const members = await search<RelatedPerson>(network());
    const quality = (m: RelatedPerson) => ext(m, PLAN_EXT.relationQuality)[0]?.valueCoding?.code;
    const byName = new Map(members.map((m) => [m.name?.[0]?.text, m]));
    const ole = byName.get('Ole, broren min')!;
    assert.equal(quality(ole), 'supportive');
    assert.equal(ole.telecom?.[0]?.value, '+47 400 00 001');
    assert.ok(ole.relationship?.[0]?.coding?.some((c) => c.code === 'FAMMEMB'));
    assert.equal(quality(byName.get('Tommy')!), 'risky');
    assert.equal(quality(byName.get('Emma, datteren min')!), 'strained');
    assert.equal(
      byName.get('NA-gruppa på tirsdager')?.relationship?.[0]?.coding?.[0]?.code,
      'self-help-group',
    );
    assert.equal(members.length, 5);
    for (const m of members) assert.deepEqual(m.meta?.tag, [NETWORK_MAP_TAG]);
    assert.deepEqual(await read<RelatedPerson>(`/fhir/RelatedPerson/${ole.id}`), ole);
  });
});

describe('Task for promises', () => {
  it('has the promise, its owner, the person and a status from open, kept or overdue — also for the person', async () => {
    for (const who of ['behandler', 'pasient'] as const) {
      const promises = (await search<Task>(of('Task'), who)).filter(
        (x) => x.code?.coding?.[0]?.code === 'promise',
      );
      const status = Object.fromEntries(promises.map((p) => [p.businessStatus?.coding?.[0]?.code, p]));
      assert.deepEqual(Object.keys(status).sort(), ['kept', 'open', 'overdue']);
      assert.equal(status.kept?.status, 'completed');
      assert.equal(status.open?.status, 'requested');
      assert.equal(status.overdue?.status, 'requested');
      assert.equal(status.open?.owner?.reference, `Practitioner/${ids.kommune}`);
      assert.equal(status.overdue?.requester?.reference, `Practitioner/${ids.behandler}`);
      for (const p of promises) {
        assert.equal(p.for?.reference, `Patient/${ids.pasient}`);
        assert.ok(p.description);
        assert.ok(p.restriction?.period?.end, 'the due date');
      }
    }
  });
});

describe('Consent', () => {
  it('names the plan parts it shares, for the holder and the grantee', async () => {
    for (const who of ['behandler', 'kommune'] as const) {
      const [consent, ...more] = await search<Consent>(of('Consent'), who);
      assert.equal(more.length, 0);
      assert.equal(consent?.status, 'active');
      assert.equal(consent?.patient?.reference, `Patient/${ids.pasient}`);
      const parts = consent?.provision?.provision?.map((p) => p.code?.[0]?.coding?.[0]?.code);
      assert.deepEqual(parts, ['treatment', 'crisis']);
      assert.match(consent?.provision?.provision?.[0]?.data?.[0]?.reference.reference ?? '', /^CarePlan\//);
      assert.deepEqual(await read<Consent>(`/fhir/Consent/${consent!.id}`, who), consent);
    }
  });
});

describe('who sees what', () => {
  it('lets the person see their own plans, goals, network and consents', async () => {
    assert.equal((await search<CarePlan>(of('CarePlan'), 'pasient')).length, 3);
    assert.equal((await search<Goal>(of('Goal'), 'pasient')).length, 3);
    assert.equal((await search<RelatedPerson>(network(), 'pasient')).length, 5);
    assert.equal((await search<Consent>(of('Consent'), 'pasient')).length, 1);
  });

  it('shows kommune only the parts his consent names, and nothing once it names none', async () => {
    const all = await search<CarePlan>(of('CarePlan'));
    const relapse = all.find((p) => kindOf(p) === 'relapse-prevention')!;
    const member = (await search<RelatedPerson>(network()))[0]!;
    assert.deepEqual((await search<CarePlan>(of('CarePlan'), 'kommune')).map(kindOf), [
      'treatment',
      'crisis',
    ]);
    assert.equal((await search<Goal>(of('Goal'), 'kommune')).length, 3);
    assert.deepEqual(await search(network(), 'kommune'), []);
    for (const url of [`/fhir/CarePlan/${relapse.id}`, `/fhir/RelatedPerson/${member.id}`]) {
      const res = await get(url, 'kommune');
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().resourceType, 'OperationOutcome');
      assert.ok(!res.body.includes('Ole'));
    }

    const [consent] = await search<Consent>(of('Consent'), 'pasient');
    const shared = await t.app.inject({
      method: 'PUT',
      url: `/api/persons/${ids.pasient}/consents/${consent!.id}/plan-parts`,
      headers: auth.pasient,
      payload: { planParts: [] },
    });
    assert.equal(shared.statusCode, 200);
    assert.deepEqual(await search(of('CarePlan'), 'kommune'), []);
    assert.deepEqual(await search(of('Goal'), 'kommune'), []);
    const treatment = all.find((p) => kindOf(p) === 'treatment')!;
    assert.equal((await get(`/fhir/CarePlan/${treatment.id}`, 'kommune')).statusCode, 404);
    assert.equal(
      (await get(`/fhir/Goal/${treatment.goal![0]!.reference!.split('/')[1]}`, 'kommune')).statusCode,
      404,
    );
    // The consent itself still opens the record for follow-up, now with no plan part.
    const [after] = await search<Consent>(of('Consent'), 'kommune');
    assert.equal(after?.provision?.provision, undefined);
  });

  it('keeps a peer without a care relation out, and needs a token', async () => {
    for (const type of ['CarePlan', 'Goal', 'RelatedPerson', 'Consent']) {
      const peer = await get(of(type), 'likeperson');
      assert.ok(peer.statusCode === 403 || peer.statusCode === 404, `likeperson ${type}: ${peer.statusCode}`);
      for (const url of [of(type), `/fhir/${type}/${ids.pasient}`]) {
        const res = await t.app.inject({ url });
        assert.equal(res.statusCode, 401, url);
        assert.equal(res.json().resourceType, 'OperationOutcome');
      }
    }
  });
});
