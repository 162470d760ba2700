import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Bundle, BundleEntry, Observation, Resource } from '@medplum/fhirtypes';
import { DIMENSION_SYSTEM } from '../pathway/assessment-fhir.mapping.ts';
import { LIVING_CONDITION_SYSTEM } from '../record/record-fhir.mapping.ts';
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

describe('FHIR R4 façade', () => {
  it('publishes a CapabilityStatement listing what it supports', async () => {
    const res = await t.app.inject({ url: '/fhir/metadata' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/fhir\+json/);
    const cs = res.json();
    valid(cs);
    assert.deepEqual(
      cs.rest[0].resource.map((r: { type: string }) => r.type),
      [
        'Patient',
        'Observation',
        'AuditEvent',
        'ServiceRequest',
        'EpisodeOfCare',
        'ClinicalImpression',
        'Task',
        'CarePlan',
        'Goal',
        'RelatedPerson',
        'RiskAssessment',
        'Flag',
        'Encounter',
        'DocumentReference',
        'Consent',
        'Questionnaire',
        'QuestionnaireResponse',
      ],
    );
  });

  it('gives living-condition ratings as Observations, newest first, filtered by domain', async () => {
    const res = await t.app.inject({ url: `/fhir/Observation?patient=Patient/${ids.pasient}`, headers });
    assert.equal(res.statusCode, 200);
    const bundle = res.json() as Bundle;
    valid(bundle);
    for (const e of bundle.entry!) valid(e.resource!);
    // The same search also gives assessment dimension ratings (pathway/pathway-fhir.routes.test.ts) and
    // questionnaire scores, derived from their responses (questionnaire/questionnaire-fhir.routes.test.ts);
    // the code system tells.
    const system = (e: BundleEntry) => (e.resource as Observation).code.coding?.[0]?.system;
    const score = (e: BundleEntry) =>
      (e.resource as Observation).derivedFrom?.[0]?.reference?.startsWith('QuestionnaireResponse/');
    const living = bundle.entry!.filter((e) => system(e) === LIVING_CONDITION_SYSTEM);
    assert.equal(living.length, 10);
    assert.ok(bundle.entry!.every((e) => living.includes(e) || system(e) === DIMENSION_SYSTEM || score(e)));
    const housing = await t.app.inject({
      url: `/fhir/Observation?patient=${ids.pasient}&code=https://bedring.no/fhir/CodeSystem/living-condition-domain|housing`,
      headers,
    });
    const codes = housing
      .json()
      .entry.map(
        (e: { resource: { valueCodeableConcept: { text: string } } }) => e.resource.valueCodeableConcept.text,
      );
    assert.deepEqual(codes, ['green', 'yellow', 'red']);
    const unknown = await t.app.inject({
      url: `/fhir/Observation?patient=${ids.pasient}&code=misbruk`,
      headers,
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().resourceType, 'OperationOutcome');
  });

  it('gives the patient their own access log as AuditEvents', async () => {
    const patient = { authorization: `Bearer ${await t.login('pasient')}` };
    await t.app.inject({ url: `/fhir/Patient/${ids.pasient}`, headers });
    const res = await t.app.inject({
      url: `/fhir/AuditEvent?patient=Patient/${ids.pasient}`,
      headers: patient,
    });
    assert.equal(res.statusCode, 200);
    const bundle = res.json() as Bundle;
    valid(bundle);
    assert.ok(
      bundle.entry!.some(
        (e) =>
          (e.resource as { agent: { who: { display: string } }[] }).agent[0]!.who.display ===
          'Bjørn Behandler',
      ),
    );
    const other = await t.app.inject({ url: `/fhir/AuditEvent?patient=${ids.stranger}`, headers: patient });
    assert.equal(other.statusCode, 403);
  });
});
