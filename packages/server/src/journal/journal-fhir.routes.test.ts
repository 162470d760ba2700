import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Bundle, DocumentReference, Encounter, Resource } from '@medplum/fhirtypes';
import { demoIds } from '../testing/demo-ids.ts';
import { fhirProblems } from '../testing/fhir-validation.ts';
import { pdfContent } from '../testing/pdf-text.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

/**
 * The journal in FHIR (docs/decisions/0014-journal.md): contacts as Encounters, notes and amendments as
 * DocumentReferences, valid R4, under the same rules as /api, and in Patient/$everything.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let per: Headers;
let bjorn: Headers;
let kim: Headers;
let lise: Headers;
const made = { signed: '', contact: '', draft: '', withheld: '', amendment: '', notMetContact: '' };

before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  per = await login(t, 'pasient');
  bjorn = await login(t, 'behandler');
  kim = await login(t, 'kommune');
  lise = await login(t, 'likeperson');
  const journal = `/api/persons/${ids.pasient}/journal`;
  const note = (who: Headers, body: object) =>
    expectStatus<{ id: string; contactId: string }>(send(t, 'POST', journal, who, body), 201);
  const signed = await note(kim, {
    contactAt: '2026-11-21T13:30:00Z',
    kind: 'home-visit',
    text: 'Hjemmebesøk. Vi snakket om jobb.',
    sign: true,
  });
  made.signed = signed.id;
  made.contact = signed.contactId;
  made.amendment = (
    await expectStatus<{ id: string }>(
      send(t, 'POST', `${journal}/${signed.id}/amendments`, bjorn, { text: 'Tillegg: søknaden er sendt.' }),
      201,
    )
  ).id;
  made.draft = (await note(kim, { contactAt: '2026-11-22T08:00:00Z', kind: 'phone', text: 'Utkast' })).id;
  made.withheld = (
    await note(bjorn, {
      contactAt: '2026-11-20T10:00:00Z',
      kind: 'meeting',
      text: 'Om en tredjeperson',
      sign: true,
    })
  ).id;
  await expectStatus(
    send(t, 'PUT', `${journal}/${made.withheld}/sharing`, bjorn, {
      withheld: true,
      reason: 'Opplysninger om en tredjeperson',
    }),
    200,
  );
  made.notMetContact = (
    await note(kim, { contactAt: '2026-11-19T09:00:00Z', kind: 'not-met', text: 'Ikke hjemme', sign: true })
  ).contactId;
});
after(() => t.close());

async function search<T extends Resource>(type: string, who: Headers): Promise<T[]> {
  const res = await send(t, 'GET', `/fhir/${type}?patient=Patient/${ids.pasient}&_count=500`, who);
  assert.equal(res.statusCode, 200, res.body);
  const b = res.json() as Bundle<T>;
  assert.deepEqual(fhirProblems(b), []);
  return (b.entry ?? []).map((e) => e.resource!);
}
const text = (d: DocumentReference) => Buffer.from(d.content[0]!.attachment.data!, 'base64').toString('utf8');

describe('the journal in FHIR', () => {
  it('gives the team signed notes as DocumentReferences about their Encounter, and each amendment appending to its note', async () => {
    const docs = await search<DocumentReference>('DocumentReference', bjorn);
    const note = docs.find((d) => d.id === made.signed)!;
    assert.equal(note.docStatus, 'amended');
    assert.equal(note.context?.encounter?.[0]?.reference, `Encounter/${made.contact}`);
    assert.equal(text(note), 'Hjemmebesøk. Vi snakket om jobb.');
    assert.equal(note.category?.[0]?.coding?.[0]?.code, 'home-visit');
    const amendment = docs.find((d) => d.id === made.amendment)!;
    assert.deepEqual(amendment.relatesTo, [
      { code: 'appends', target: { reference: `DocumentReference/${made.signed}` } },
    ]);
    assert.match(amendment.author?.[0]?.display ?? '', /Bjørn Behandler/);
    assert.ok(!docs.some((d) => d.id === made.draft), "another's draft is not shown");
    const own = await search<DocumentReference>('DocumentReference', kim);
    assert.equal(own.find((d) => d.id === made.draft)?.docStatus, 'preliminary');
    const read = await expectStatus<DocumentReference>(
      send(t, 'GET', `/fhir/DocumentReference/${made.amendment}`, bjorn),
      200,
    );
    assert.equal(read.id, made.amendment);
    assert.deepEqual(fhirProblems(read), []);
    assert.equal((await send(t, 'GET', `/fhir/DocumentReference/${made.draft}`, bjorn)).statusCode, 404);
  });

  it('gives the person the notes shared with them, and a peer worker none', async () => {
    const docs = await search<DocumentReference>('DocumentReference', per);
    const shown = new Set(docs.map((d) => d.id));
    assert.ok(shown.has(made.signed) && shown.has(made.amendment));
    assert.ok(!shown.has(made.withheld) && !shown.has(made.draft));
    assert.equal((await send(t, 'GET', `/fhir/DocumentReference/${made.withheld}`, per)).statusCode, 404);
    assert.equal(
      (await send(t, 'GET', `/fhir/DocumentReference?patient=Patient/${ids.pasient}`, lise)).statusCode,
      403,
    );
  });

  it('gives the contacts as Encounters; one that did not happen is cancelled', async () => {
    const encounters = await search<Encounter>('Encounter', bjorn);
    const visit = encounters.find((e) => e.id === made.contact)!;
    assert.deepEqual([visit.status, visit.class.code], ['finished', 'HH']);
    assert.equal(encounters.find((e) => e.id === made.notMetContact)?.status, 'cancelled');
    const one = await expectStatus<Encounter>(send(t, 'GET', `/fhir/Encounter/${made.contact}`, per), 200);
    assert.deepEqual(fhirProblems(one), []);
  });

  it('puts them in Patient/$everything under the same rules', async () => {
    const res = await send(t, 'GET', `/fhir/Patient/${ids.pasient}/$everything`, per);
    assert.equal(res.statusCode, 200, res.body);
    const b = res.json() as Bundle;
    assert.deepEqual(fhirProblems(b), []);
    const docs = (b.entry ?? [])
      .map((e) => e.resource!)
      .filter((r) => r.resourceType === 'DocumentReference');
    const shown = new Set(docs.map((d) => d.id));
    assert.ok(shown.has(made.signed) && !shown.has(made.withheld) && !shown.has(made.draft));
    assert.ok((b.entry ?? []).some((e) => e.resource?.resourceType === 'Encounter'));
    const capability = await expectStatus<{ rest: { resource: { type: string }[] }[] }>(
      send(t, 'GET', '/fhir/metadata', per),
      200,
    );
    const supported = capability.rest[0]!.resource.map((r) => r.type);
    assert.ok(supported.includes('DocumentReference') && supported.includes('Encounter'));
  });

  it('prints the shared notes, with their amendments, in the PDF of the record, and not a withheld note', async () => {
    for (const [who, heading] of [
      [per, 'Notater fra samtalene'],
      [bjorn, 'Notater fra samtalene'],
    ] as const) {
      const res = await send(t, 'GET', `/api/persons/${ids.pasient}/export.pdf`, who);
      assert.equal(res.statusCode, 200, res.body);
      const { lines } = pdfContent(res.rawPayload);
      const text = lines.join(' ');
      assert.ok(lines.includes(heading), heading);
      assert.match(text, /Hjemmebesøk\. Vi snakket om jobb\./);
      assert.match(text, /Tillegg .* fra Bjørn Behandler: Tillegg: søknaden er sendt\./);
      assert.doesNotMatch(text, /Om en tredjeperson/);
      assert.doesNotMatch(text, /Utkast/);
    }
  });
});
