import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  AuditEvent,
  Bundle,
  CapabilityStatement,
  CarePlan,
  RelatedPerson,
  Resource,
  RiskAssessment,
} from '@medplum/fhirtypes';
import { demoIds } from '../testing/demo-ids.ts';
import { fhirProblems } from '../testing/fhir-validation.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

/**
 * Patient/$everything (docs/api.md): the whole record the caller may see as one searchset Bundle,
 * read by the same parts and rules as each type's own search, audited as one download.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const USERS = ['behandler', 'pasient', 'kommune', 'likeperson', 'leder', 'miljo'] as const;
type User = (typeof USERS)[number];
const auth = {} as Record<User, Record<string, string>>;

before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  for (const u of USERS) auth[u] = { authorization: `Bearer ${await t.login(u)}` };
});
after(() => t.close());

const everything = (id: string, who: User, query = '') =>
  t.app.inject({ url: `/fhir/Patient/${id}/$everything${query}`, headers: auth[who] });

async function bundleOf(who: User, query = ''): Promise<Resource[]> {
  const res = await everything(ids.pasient, who, query);
  assert.equal(res.statusCode, 200, `${who}: ${res.body}`);
  assert.match(String(res.headers['content-type']), /application\/fhir\+json/);
  const b = res.json() as Bundle;
  assert.equal(b.resourceType, 'Bundle');
  assert.equal(b.type, 'searchset');
  assert.equal(b.total, b.entry?.length);
  return (b.entry ?? []).map((e) => e.resource!);
}
const types = (rs: Resource[]) => new Set<string>(rs.map((r) => r.resourceType));
/** Which lists the RelatedPersons come from: the network map, the record's children and relatives. */
const lists = (rs: RelatedPerson[]) =>
  [...new Set(rs.flatMap((r) => (r.meta?.tag ?? []).map((t) => t.code)))].sort();
const kinds = (rs: Resource[]) =>
  rs
    .filter((r): r is CarePlan => r.resourceType === 'CarePlan')
    .map((p) => p.category?.[0]?.coding?.[0]?.code);

describe('Patient/$everything', () => {
  it('gives the person their whole record: valid R4 entries, each once, the Patient first', async () => {
    // The clinician reads the record first, so that the access log has someone else in it.
    const read = await t.app.inject({ url: `/fhir/Patient/${ids.pasient}`, headers: auth.behandler });
    assert.equal(read.statusCode, 200);
    const res = await everything(ids.pasient, 'pasient');
    assert.equal(res.statusCode, 200, res.body);
    const b = res.json() as Bundle;
    assert.deepEqual(fhirProblems(b), [], 'the Bundle is valid FHIR R4');
    const entries = b.entry ?? [];
    assert.equal(entries[0]?.resource?.resourceType, 'Patient');
    assert.equal(entries[0]?.resource?.id, ids.pasient);
    const urls = entries.map((e) => e.fullUrl);
    assert.equal(new Set(urls).size, urls.length, 'no resource twice');
    for (const e of entries) {
      assert.equal(e.fullUrl, `${e.resource?.resourceType}/${e.resource?.id}`);
      assert.equal(e.search?.mode, 'match');
      assert.deepEqual(fhirProblems(e.resource!), [], `${e.fullUrl} is valid FHIR R4`);
    }
    const found = entries.map((e) => e.resource!);
    for (const type of [
      'Patient',
      'EpisodeOfCare',
      'CarePlan',
      'Goal',
      'RiskAssessment',
      'RelatedPerson',
      'Consent',
      'Task',
      'QuestionnaireResponse',
      'Observation',
      'AuditEvent',
    ])
      assert.ok(types(found).has(type), `the person's own ${type}`);
    assert.deepEqual(kinds(found), ['treatment', 'relapse-prevention', 'crisis']);
    // Everything is about him: no other person's resource slipped in.
    for (const r of found) {
      const subject = JSON.stringify(r).match(/"Patient\/([0-9a-f-]{36})"/g) ?? [];
      for (const ref of subject) assert.equal(ref, `"Patient/${ids.pasient}"`, `${r.resourceType}/${r.id}`);
    }
  });

  it('gives the same resources as the searches of each type', async () => {
    const found = await bundleOf('behandler');
    for (const type of [
      'CarePlan',
      'Goal',
      'Task',
      'QuestionnaireResponse',
      'EpisodeOfCare',
      'RiskAssessment',
      'RelatedPerson',
    ]) {
      const res = await t.app.inject({
        url: `/fhir/${type}?patient=Patient/${ids.pasient}&_count=500`,
        headers: auth.behandler,
      });
      const searched = ((res.json() as Bundle).entry ?? []).map((e) => e.resource!.id).sort();
      const inBundle = found
        .filter((r) => r.resourceType === type)
        .map((r) => r.id)
        .sort();
      assert.deepEqual(inBundle, searched, type);
    }
  });

  it('shows the access log only to the person and the unit leader', async () => {
    // behandler's download is itself in the log the person then reads.
    assert.ok(!types(await bundleOf('behandler')).has('AuditEvent'));
    const own = (await bundleOf('pasient')).filter((r): r is AuditEvent => r.resourceType === 'AuditEvent');
    assert.ok(
      own.some((e) => e.agent?.[0]?.role?.[0]?.text === 'clinician'),
      'he sees the clinician read',
    );
  });

  it('shows another organisation only what the consent shares', async () => {
    const found = await bundleOf('kommune');
    assert.deepEqual(kinds(found), ['treatment', 'crisis']);
    assert.deepEqual(
      lists(found.filter((r): r is RelatedPerson => r.resourceType === 'RelatedPerson')),
      ['relatives'],
      'the network is not shared with kommune; the children and relatives are read by consent',
    );
    assert.ok(!types(found).has('AuditEvent'));
    assert.equal(found[0]?.resourceType, 'Patient');
    const relapse = (await bundleOf('behandler')).find(
      (r) => r.resourceType === 'CarePlan' && kinds([r])[0] === 'relapse-prevention',
    );
    assert.ok(!found.some((r) => r.id === relapse?.id));
  });

  it('holds the risk assessments and the children and relatives: all for the person, the shared ones for kommune', async () => {
    const risks = (rs: Resource[]) =>
      rs.filter((r): r is RiskAssessment => r.resourceType === 'RiskAssessment');
    const own = await bundleOf('pasient');
    const assessed = risks(own);
    assert.equal(assessed.length, 3, 'Per has three assessments in the demo');
    const level = (a: RiskAssessment) => a.prediction?.[0]?.qualitativeRisk?.coding?.[0]?.code;
    assert.deepEqual(assessed.map((a) => `${a.code?.coding?.[0]?.code} ${level(a)}`).sort(), [
      'suicide low',
      'suicide moderate',
      'violence low',
    ]);
    const related = own.filter((r): r is RelatedPerson => r.resourceType === 'RelatedPerson');
    assert.deepEqual(lists(related), ['network-map', 'relatives']);
    const emma = related.find((r) => r.name?.[0]?.text === 'Emma')!;
    assert.ok(emma.relationship?.[0]?.coding?.some((c) => c.code === 'CHILD'));

    // kommune: only the two shared with the handover, and the same as its own RiskAssessment search.
    const shared = risks(await bundleOf('kommune'));
    assert.deepEqual(shared.map(level), ['low', 'low'], 'not the moderate one from admission, not shared');
    const searched = await t.app.inject({
      url: `/fhir/RiskAssessment?patient=Patient/${ids.pasient}`,
      headers: auth.kommune,
    });
    assert.deepEqual(
      shared.map((a) => a.id),
      ((searched.json() as Bundle).entry ?? []).map((e) => e.resource!.id),
    );
  });

  it('narrows to _type and refuses an unknown type', async () => {
    const found = await bundleOf('pasient', '?_type=Patient,Goal');
    assert.deepEqual([...types(found)].sort(), ['Goal', 'Patient']);
    const res = await everything(ids.pasient, 'pasient', '?_type=Medication');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().resourceType, 'OperationOutcome');
  });

  it('is one audit event for the download, with the access basis', async () => {
    const before = await t.db.owner
      .selectFrom('audit_event')
      .select('id')
      .where('person_id', '=', ids.pasient)
      .where('resource_type', '=', 'Everything')
      .execute();
    await bundleOf('behandler');
    const events = await t.db.owner
      .selectFrom('audit_event')
      .select(['actor_role', 'action', 'resource_id'])
      .where('person_id', '=', ids.pasient)
      .where('resource_type', '=', 'Everything')
      .execute();
    assert.equal(events.length, before.length + 1);
    assert.deepEqual(events.at(-1), { actor_role: 'clinician', action: 'read', resource_id: ids.pasient });
  });

  it('refuses staff without need to know, a malformed id and an unknown one, as OperationOutcomes', async () => {
    for (const [id, who, status] of [
      [ids.stranger, 'behandler', [403]],
      [ids.pasient, 'likeperson', [403, 404]],
      [ids.municipalOnly, 'behandler', [404]],
      [ids.stranger, 'pasient', [403, 404]],
      ['not-a-uuid', 'behandler', [400]],
      ['00000000-0000-4000-8000-000000000000', 'behandler', [404]],
    ] as const) {
      const res = await everything(id, who);
      assert.ok((status as readonly number[]).includes(res.statusCode), `${who} ${id}: ${res.statusCode}`);
      assert.equal(res.json().resourceType, 'OperationOutcome');
      assert.ok(!res.body.includes('Per'), 'nothing of the person');
    }
    const anonymous = await t.app.inject({ url: `/fhir/Patient/${ids.pasient}/$everything` });
    assert.equal(anonymous.statusCode, 401);
  });

  it('is in the capability statement', async () => {
    const cs = (await t.app.inject({ url: '/fhir/metadata' })).json() as CapabilityStatement;
    const patient = cs.rest?.[0]?.resource?.find((r) => r.type === 'Patient');
    assert.deepEqual(
      patient?.operation?.map((o) => [o.name, o.definition]),
      [['everything', 'http://hl7.org/fhir/OperationDefinition/Patient-everything']],
    );
    assert.deepEqual(fhirProblems(cs), []);
  });
});
