import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { demoIds } from '../testing/demo-ids.ts';
import { fhirProblems } from '../testing/fhir-validation.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let headers: { authorization: string };
before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  headers = { authorization: `Bearer ${await t.login('behandler')}` };
});
after(() => t.close());

const valid = (r: Resource) => assert.deepEqual(fhirProblems(r), [], `${r.resourceType} is valid FHIR R4`);

describe('FHIR Patient', () => {
  it('reads a Patient the caller may see, as valid FHIR', async () => {
    const res = await t.app.inject({ url: `/fhir/Patient/${ids.pasient}`, headers });
    assert.equal(res.statusCode, 200);
    const p = res.json();
    valid(p);
    assert.equal(p.name[0].family, 'Pasient');
    assert.equal(p.identifier[0].value, '15829000000');
  });

  it('answers 401 without a token and 404 or 403 for a person out of reach, as OperationOutcome', async () => {
    const anon = await t.app.inject({ url: `/fhir/Patient/${ids.pasient}` });
    assert.equal(anon.statusCode, 401);
    assert.equal(anon.json().resourceType, 'OperationOutcome');
    valid(anon.json());
    const out = await t.app.inject({ url: `/fhir/Patient/${ids.stranger}`, headers });
    assert.equal(out.statusCode, 403);
    assert.equal(out.json().issue[0].code, 'forbidden');
  });

  it('searches only the persons the caller has a care relation with', async () => {
    const res = await t.app.inject({ url: '/fhir/Patient?_count=500', headers });
    const bundle = res.json() as Bundle;
    valid(bundle);
    assert.equal(bundle.type, 'searchset');
    const caseload = (await t.app.inject({ url: '/api/persons', headers })).json().persons as {
      id: string;
    }[];
    assert.deepEqual(new Set(bundle.entry?.map((e) => e.resource?.id)), new Set(caseload.map((p) => p.id)));
    const byId = await t.app.inject({
      url: '/fhir/Patient?identifier=urn:oid:2.16.578.1.12.4.1.4.1|15829000000',
      headers,
    });
    assert.deepEqual(
      byId.json().entry.map((e: { resource: { id: string } }) => e.resource.id),
      [ids.pasient],
    );
    const byName = await t.app.inject({ url: '/fhir/Patient?name=pasi', headers });
    assert.ok(byName.json().entry.some((e: { resource: { id: string } }) => e.resource.id === ids.pasient));
    const count = await t.app.inject({ url: '/fhir/Patient?_count=2', headers });
    assert.equal(count.json().entry.length, 2);
  });
});
