import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RelativeList } from '@bedring/contract';
import type { Bundle, Extension, OperationOutcome, RelatedPerson } from '@medplum/fhirtypes';
import { demoIds } from '../testing/demo-ids.ts';
import { fhirProblems } from '../testing/fhir-validation.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { RELATED_PERSON_LIST_SYSTEM, RELATIVE_EXT, RELATIVE_ROLE_SYSTEM } from './relatives-fhir.mapping.ts';

/**
 * The person's children and relatives over HTTP (docs/decisions/0019-relatives-and-risk.md): the care team
 * records them, the municipal worker reads them by the person's consent, the person reads their own, a peer
 * worker does not; and the same list as FHIR RelatedPersons beside the network map. The tests' day is 2026-11-22.
 */
let t: TestApp;
let clinician: Headers;
let ids: Awaited<ReturnType<typeof demoIds>>;
let url: string;
before(async () => {
  t = await testApp();
  clinician = await login(t, 'behandler');
  ids = await demoIds(t.db);
  url = `/api/persons/${ids.pasient}/relatives`;
});
after(() => t.close());

const child = {
  kind: 'child',
  name: 'Lars',
  birthYear: 2016,
  caredForBy: 'Moren',
  spokenWith: false,
  followUp: '',
  coordinatorInformed: false,
  mayContact: false,
  mayInform: false,
};
const sister = { kind: 'relative', name: 'Kari', role: 'sibling', mayContact: true, mayInform: true };

const list = async (headers: Headers) =>
  (await expectStatus<RelativeList>(send(t, 'GET', url, headers), 200)).relatives;

describe('children and relatives', () => {
  it("has Per's two children and his brother in the demo: the son he has lost contact with not yet spoken with", async () => {
    const relatives = await list(clinician);
    const jonas = relatives.find((r) => r.name === 'Jonas')!;
    assert.deepEqual([jonas.ageThisYear, jonas.minor, jonas.gaps], [7, true, ['not-spoken-with']]);
    assert.deepEqual(relatives.find((r) => r.name === 'Emma')!.gaps, []);
    assert.equal(relatives.find((r) => r.name === 'Ole Pasient')!.role, 'sibling');
  });

  it('records a child by birth year with what is not yet in place, and a relative with role and consent', async () => {
    const { id: childId } = await expectStatus<{ id: string }>(send(t, 'POST', url, clinician, child), 201);
    await expectStatus(send(t, 'POST', url, clinician, sister), 201);
    const relatives = await list(clinician);
    const lars = relatives.find((r) => r.id === childId)!;
    assert.equal(lars.ageThisYear, 10);
    assert.equal(lars.minor, true);
    assert.deepEqual(lars.gaps, ['not-spoken-with', 'no-follow-up', 'coordinator-not-informed']);
    assert.equal(lars.role, null);
    assert.equal(lars.recordedBy, 'Bjørn Behandler');
    const kari = relatives.find((r) => r.name === 'Kari')!;
    assert.deepEqual(
      { role: kari.role, mayContact: kari.mayContact, mayInform: kari.mayInform, birthYear: kari.birthYear },
      { role: 'sibling', mayContact: true, mayInform: true, birthYear: null },
    );
    // Children first.
    assert.equal(relatives[0]!.kind, 'child');
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select('action')
      .where('resource_type', '=', 'RelatedPerson')
      .where('resource_id', '=', childId)
      .execute();
    assert.deepEqual(
      audited.map((a) => a.action),
      ['create'],
    );
  });

  it('changes a child when the talk and the follow-up are in place, and takes a relative off the list', async () => {
    const { id } = await expectStatus<{ id: string }>(
      send(t, 'POST', url, clinician, { ...child, name: 'Ola' }),
      201,
    );
    const done = {
      ...child,
      name: 'Ola',
      spokenWith: true,
      spokenWithOn: '2026-11-20',
      followUp: 'Samtale med barneansvarlig og moren',
      coordinatorInformed: true,
    };
    await expectStatus(send(t, 'PUT', `${url}/${id}`, clinician, done), 200);
    const ola = (await list(clinician)).find((r) => r.id === id)!;
    assert.deepEqual(ola.gaps, []);
    assert.equal(ola.spokenWithOn, '2026-11-20');
    await expectStatus(send(t, 'PUT', `${url}/${id}`, clinician, { ...done, removed: true }), 200);
    assert.equal(
      (await list(clinician)).find((r) => r.id === id),
      undefined,
    );
    const again = await send(t, 'PUT', `${url}/${id}`, clinician, done);
    assert.equal(again.statusCode, 404, again.body);
  });

  it('refuses a child without a birth year, one born in the future, and a relative without a role; nothing written', async () => {
    const before = (await list(clinician)).length;
    const cases: [object, string][] = [
      [{ ...child, birthYear: undefined }, 'child_needs_birth_year'],
      [{ ...child, birthYear: 2027 }, 'birth_year_in_future'],
      [{ ...child, spokenWith: true, spokenWithOn: '2026-12-01' }, 'date_in_future'],
      [{ ...sister, role: undefined }, 'relative_needs_role'],
    ];
    for (const [body, code] of cases) {
      const res = await expectStatus<{ error: { code: string } }>(send(t, 'POST', url, clinician, body), 400);
      assert.equal(res.error.code, code);
    }
    assert.equal((await list(clinician)).length, before);
  });

  it('is read by the person and, by consent, the municipal worker; not by a peer worker, who cannot write either', async () => {
    const names = (await list(clinician)).map((r) => r.name).sort();
    assert.deepEqual((await list(await login(t, 'pasient'))).map((r) => r.name).sort(), names);
    assert.deepEqual((await list(await login(t, 'kommune'))).map((r) => r.name).sort(), names);
    const peer = await login(t, 'likeperson');
    const read = await expectStatus<{ error: { code: string } }>(send(t, 'GET', url, peer), 403);
    assert.equal(read.error.code, 'role_cannot_do_this');
    await expectStatus(send(t, 'POST', url, peer, sister), 403);
    await expectStatus(send(t, 'POST', url, await login(t, 'pasient'), sister), 403);
  });

  it("lets the person read their own list and risk assessments, never another person's", async () => {
    const pasient = await login(t, 'pasient');
    assert.ok((await list(pasient)).some((r) => r.name === 'Jonas'));
    for (const path of ['relatives', 'risk-assessments']) {
      const res = await send(t, 'GET', `/api/persons/${ids.stranger}/${path}`, pasient);
      assert.ok([403, 404].includes(res.statusCode), `${path}: ${res.statusCode}`);
      assert.equal(typeof (res.json() as { error: { code: string } }).error.code, 'string');
      assert.doesNotMatch(res.body, /"name"/);
    }
  });
});

describe('children and relatives in FHIR', () => {
  const relatives = `_tag=${RELATED_PERSON_LIST_SYSTEM}|relatives`;
  const search = async (headers: Headers, query = relatives) => {
    const bundle = await expectStatus<Bundle<RelatedPerson>>(
      send(t, 'GET', `/fhir/RelatedPerson?patient=Patient/${ids.pasient}&${query}`, headers),
      200,
    );
    assert.deepEqual(fhirProblems(bundle), []);
    return (bundle.entry ?? []).map((e) => e.resource!);
  };
  const ext = (r: RelatedPerson, url: string): Extension | undefined =>
    r.extension?.find((e) => e.url === url);
  const v3 = (r: RelatedPerson) =>
    r.relationship?.[0]?.coding?.find((c) => c.system === 'http://terminology.hl7.org/CodeSystem/v3-RoleCode')
      ?.code;

  it("are valid RelatedPersons tagged as the record's list: the relationship coded, the child by birth year", async () => {
    const found = await search(clinician);
    for (const r of found) {
      assert.deepEqual(fhirProblems(r), [], `RelatedPerson/${r.id} is valid FHIR R4`);
      assert.deepEqual(r.meta?.tag, [{ system: RELATED_PERSON_LIST_SYSTEM, code: 'relatives' }]);
      assert.equal(r.patient.reference, `Patient/${ids.pasient}`);
    }
    const byName = new Map(found.map((r) => [r.name?.[0]?.text, r]));
    const emma = byName.get('Emma')!;
    assert.equal(emma.birthDate, '2012');
    assert.equal(v3(emma), 'CHILD');
    assert.equal(emma.relationship?.[0]?.coding?.[0]?.system, RELATIVE_ROLE_SYSTEM);
    assert.match(ext(emma, RELATIVE_EXT.followUp)?.valueString ?? '', /^Familiesamtale/);
    assert.equal(ext(emma, RELATIVE_EXT.spokenWith)?.valueBoolean, true);
    assert.equal(ext(emma, RELATIVE_EXT.mayInform)?.valueBoolean, false);
    const jonas = byName.get('Jonas')!;
    assert.equal(ext(jonas, RELATIVE_EXT.spokenWith)?.valueBoolean, false);
    const ole = byName.get('Ole Pasient')!;
    assert.deepEqual([v3(ole), ole.relationship?.[0]?.text, ole.birthDate], ['SIB', 'Søsken', undefined]);

    const one = await expectStatus<RelatedPerson>(
      send(t, 'GET', `/fhir/RelatedPerson/${emma.id}`, clinician),
      200,
    );
    assert.deepEqual(one, emma);
    const audited = await t.db.owner
      .selectFrom('audit_event')
      .select('action')
      .where('resource_type', '=', 'RelatedPerson')
      .where('resource_id', '=', emma.id!)
      .execute();
    assert.deepEqual(
      audited.map((a) => a.action),
      ['read'],
    );
  });

  it('are searched together with the network map, each list by its tag', async () => {
    const all = await search(clinician, '_count=500');
    const tags = (rs: RelatedPerson[]) => new Set(rs.map((r) => r.meta?.tag?.[0]?.code));
    assert.deepEqual([...tags(all)].sort(), ['network-map', 'relatives']);
    const network = await search(clinician, `_tag=network-map`);
    assert.deepEqual([...tags(network)], ['network-map']);
    assert.equal(network.length + (await search(clinician)).length, all.length);
    const listed = all.map((r) => r.id);
    assert.equal(new Set(listed).size, listed.length, 'no id on both lists');
  });

  it('are read by the person and, by consent, kommune (not the network map); not by a peer worker or a stranger', async () => {
    const names = (await search(clinician)).map((r) => r.name?.[0]?.text).sort();
    const pasient = await login(t, 'pasient');
    assert.deepEqual((await search(pasient)).map((r) => r.name?.[0]?.text).sort(), names);
    const kommune = await login(t, 'kommune');
    const theirs = await search(kommune, '_count=500');
    assert.deepEqual(theirs.map((r) => r.name?.[0]?.text).sort(), names);
    const emma = theirs.find((r) => r.name?.[0]?.text === 'Emma')!;
    await expectStatus(send(t, 'GET', `/fhir/RelatedPerson/${emma.id}`, kommune), 200);
    for (const [who, url] of [
      ['likeperson', `/fhir/RelatedPerson?patient=Patient/${ids.pasient}`],
      ['likeperson', `/fhir/RelatedPerson/${emma.id}`],
      ['pasient', `/fhir/RelatedPerson?patient=Patient/${ids.stranger}`],
    ] as const) {
      const res = await send(t, 'GET', url, await login(t, who));
      assert.ok([403, 404].includes(res.statusCode), `${who} ${url}: ${res.statusCode}`);
      assert.equal((res.json() as OperationOutcome).resourceType, 'OperationOutcome');
      assert.doesNotMatch(res.body, /Emma/);
    }
  });

  it('refuses a malformed tag or id as an OperationOutcome', async () => {
    for (const url of [
      `/fhir/RelatedPerson?patient=Patient/${ids.pasient}&_tag=two%20words`,
      `/fhir/RelatedPerson?patient=Patient/${ids.pasient}&name=Emma`,
      '/fhir/RelatedPerson/not-a-uuid',
    ]) {
      const res = await send(t, 'GET', url, clinician);
      assert.equal(res.statusCode, 400, url);
      assert.equal((res.json() as OperationOutcome).resourceType, 'OperationOutcome');
    }
  });
});
