import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  Bundle,
  Observation,
  OperationOutcome,
  Questionnaire,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Resource,
} from '@medplum/fhirtypes';
import { totpCode } from '../auth/totp.ts';
import { DEMO_ADMIN_TOTP, TSB } from '../demo/demo.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { fhirProblems } from '../testing/fhir-validation.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';
import { shippedInstruments } from './instrument-registry.ts';
import { SCORE_BAND_SYSTEM } from './questionnaire-fhir.mapping.ts';

/**
 * Questionnaires through FHIR (docs/decisions/0005-questionnaires.md): the instrument library as
 * Questionnaire, responses posted and searched as QuestionnaireResponse, their scores as Observations — valid
 * R4, under the same access rules as /api, checked against the instrument, nothing written when refused.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
// The clock moves between responses so that date searches have something to tell apart.
let now = TEST_NOW;
const USERS = ['behandler', 'pasient', 'kommune', 'likeperson', 'admin'] as const;
type User = (typeof USERS)[number];
const auth = {} as Record<User, Record<string, string>>;

async function loginAll() {
  for (const u of USERS) {
    const token = u === 'admin' ? await t.login(u, totpCode(DEMO_ADMIN_TOTP, now)) : await t.login(u);
    auth[u] = { authorization: `Bearer ${token}` };
  }
}
/** Moves the clock; sessions idle out over days, so everyone logs in again. */
async function at(iso: string) {
  now = new Date(iso);
  await loginAll();
}

before(async () => {
  t = await testApp({ clock: () => now });
  ids = await demoIds(t.db);
  await loginAll();
});
after(() => t.close());

const valid = (r: Resource) => assert.deepEqual(fhirProblems(r), [], `${r.resourceType} is valid FHIR R4`);
const get = (url: string, who: User = 'behandler') => t.app.inject({ url, headers: auth[who] });
const bundle = async (url: string, who: User = 'behandler') => {
  const res = await get(url, who);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  const b = res.json() as Bundle;
  valid(b);
  assert.equal(b.type, 'searchset');
  for (const e of b.entry ?? []) valid(e.resource!);
  return b;
};
const resources = <T extends Resource>(b: Bundle) => (b.entry ?? []).map((e) => e.resource as T);
const post = (payload: object, who: User = 'behandler', contentType = 'application/fhir+json') =>
  t.app.inject({
    method: 'POST',
    url: '/fhir/QuestionnaireResponse',
    headers: { ...auth[who], 'content-type': contentType },
    payload: JSON.stringify(payload),
  });

const PHQ9 = 'https://bedring.no/fhir/Questionnaire/phq-9';
/** What this file posts is authored from 2026-11-23; the demo's own responses lie before TEST_NOW. */
const SINCE = '&date=ge2026-11-23';
const PHQ9_OPTIONS = ['not-at-all', 'several-days', 'more-than-half', 'nearly-every-day'];
/** PHQ-9 answers by ordinal, item 1 first. */
const phq9Items = (ordinals: number[]): QuestionnaireResponseItem[] =>
  ordinals.map((o, i) => ({
    linkId: `phq9-${i + 1}`,
    answer: [{ valueCoding: { code: PHQ9_OPTIONS[o]! } }],
  }));
const response = (questionnaire: string, item: QuestionnaireResponseItem[], extra: object = {}) => ({
  resourceType: 'QuestionnaireResponse',
  questionnaire,
  status: 'completed',
  subject: { reference: `Patient/${ids.pasient}` },
  item,
  ...extra,
});
const sessionFeedback = (score: number): QuestionnaireResponseItem[] => [
  ...[1, 2, 3, 4, 5].map((n) => ({ linkId: `sf-${n}`, answer: [{ valueCoding: { code: String(score) } }] })),
  { linkId: 'sf-comment', answer: [{ valueString: 'Fint å bli hørt' }] },
];

async function rows() {
  const count = async (
    table: 'questionnaire_response' | 'observation' | 'feedback_alert' | 'questionnaire_due',
  ) =>
    Number(
      (
        await t.db.owner
          .selectFrom(table)
          .select((e) => e.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    responses: await count('questionnaire_response'),
    observations: await count('observation'),
    alerts: await count('feedback_alert'),
    due: await count('questionnaire_due'),
  };
}

/** Ids of what the flow below posts, in order. */
const posted = { phq9: '', feedback: '', gad7: '' };

describe('Questionnaire', () => {
  it("lists and reads the organisation's instruments and the daily check-in as valid Questionnaires", async () => {
    const all = await bundle('/fhir/Questionnaire');
    const shipped = [...shippedInstruments().keys(), 'bedring-checkin'];
    assert.deepEqual(
      resources<Questionnaire>(all).map((q) => q.id),
      shipped,
    );
    assert.equal(all.total, shipped.length);
    const byUrl = await bundle(`/fhir/Questionnaire?url=${encodeURIComponent(PHQ9)}`);
    assert.deepEqual(
      resources<Questionnaire>(byUrl).map((q) => q.id),
      ['phq-9'],
    );
    const byTitle = await bundle('/fhir/Questionnaire?title=phq');
    assert.deepEqual(
      resources<Questionnaire>(byTitle).map((q) => q.id),
      ['phq-9'],
    );
    const byName = await bundle('/fhir/Questionnaire?name=BedringSession&version=1.0.0');
    assert.deepEqual(
      resources<Questionnaire>(byName).map((q) => q.id),
      ['session-feedback'],
    );
    const paged = await bundle('/fhir/Questionnaire?_count=2');
    assert.equal(paged.entry?.length, 2);
    assert.ok(paged.link?.some((l) => l.relation === 'next'));

    const read = await get('/fhir/Questionnaire/phq-9', 'pasient');
    assert.equal(read.statusCode, 200);
    assert.match(String(read.headers['content-type']), /application\/fhir\+json/);
    valid(read.json());
    assert.equal(read.json().url, PHQ9);
    const missing = await get('/fhir/Questionnaire/ingen-slik');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().resourceType, 'OperationOutcome');
    const anonymous = await t.app.inject({ url: '/fhir/Questionnaire' });
    assert.equal(anonymous.statusCode, 401);
    valid(anonymous.json());
  });

  it('includes what an administrator imported, for that organisation only', async () => {
    const own = structuredClone(shippedInstruments().get('session-feedback')!.questionnaire);
    own.id = 'own-feedback';
    own.url = 'https://example.org/fhir/Questionnaire/own-feedback';
    own.name = 'OwnFeedback';
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/admin/questionnaires',
      headers: auth.admin,
      payload: own,
    });
    assert.equal(imported.statusCode, 201, imported.body);
    const read = await get('/fhir/Questionnaire/own-feedback');
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().url, own.url);
    const found = await bundle(`/fhir/Questionnaire?url=${encodeURIComponent(own.url)}`);
    assert.equal(found.total, 1);
    // The municipality holds no such instrument.
    assert.equal((await get('/fhir/Questionnaire/own-feedback', 'kommune')).statusCode, 404);
  });
});

describe('POST QuestionnaireResponse', () => {
  it('checks, scores, stores and audits a response: 201, Location, the stored resource', async () => {
    await at('2026-11-23T09:00:00Z');
    const before = await rows();
    // 2+2+1+1+1+1+1+1+1 = 11: moderate.
    const res = await post(
      response(`${PHQ9}|1.0.0`, phq9Items([2, 2, 1, 1, 1, 1, 1, 1, 1]), {
        authored: '2020-01-01T00:00:00Z',
      }),
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.match(String(res.headers['content-type']), /application\/fhir\+json/);
    const qr = res.json() as QuestionnaireResponse;
    valid(qr);
    posted.phq9 = qr.id!;
    assert.equal(res.headers.location, `/fhir/QuestionnaireResponse/${qr.id}`);
    assert.equal(qr.questionnaire, `${PHQ9}|1.0.0`);
    assert.equal(qr.status, 'completed');
    assert.equal(qr.subject?.reference, `Patient/${ids.pasient}`);
    assert.equal(qr.author?.reference, `Practitioner/${ids.behandler}`);
    // The server records when it received the response, not what the client claims.
    assert.equal(qr.authored, '2026-11-23T09:00:00.000Z');
    assert.equal(qr.item?.length, 9);
    const after = await rows();
    assert.equal(after.responses, before.responses + 1);
    assert.equal(after.observations, before.observations + 1);
    const audit = await t.db.owner
      .selectFrom('audit_event')
      .select(['action', 'person_id'])
      .where('resource_type', '=', 'QuestionnaireResponse')
      .where('resource_id', '=', qr.id!)
      .execute();
    assert.deepEqual(audit, [{ action: 'create', person_id: ids.pasient }]);

    // The same response reads back by id, as it was stored.
    const read = await get(`/fhir/QuestionnaireResponse/${qr.id}`);
    assert.equal(read.statusCode, 200);
    valid(read.json());
    assert.deepEqual(read.json(), qr);
  });

  it('gives the score as an Observation derived from the response, found by code and date', async () => {
    // The demo's own PHQ-9 scores lie before TEST_NOW; this test's from 2026-11-23.
    const loinc = await bundle(
      `/fhir/Observation?patient=Patient/${ids.pasient}&code=http://loinc.org|44261-6${SINCE}`,
    );
    const [score] = resources<Observation>(loinc);
    assert.equal(loinc.total, 1);
    assert.ok(score);
    assert.equal(score.valueInteger, 11);
    assert.deepEqual(score.derivedFrom, [{ reference: `QuestionnaireResponse/${posted.phq9}` }]);
    assert.equal(score.category?.[0]?.coding?.[0]?.code, 'survey');
    assert.equal(score.subject?.reference, `Patient/${ids.pasient}`);
    assert.equal(score.effectiveDateTime, '2026-11-23T09:00:00.000Z');
    const band = score.interpretation?.[0]?.coding?.find((c) => c.system === SCORE_BAND_SYSTEM);
    assert.equal(band?.code, 'moderate');
    // A bare code finds it too, with a stable id; living conditions are still searchable by their code.
    const bare = await bundle(`/fhir/Observation?patient=${ids.pasient}&code=44261-6`);
    assert.equal(resources(bare)[0]?.id, score.id);
    assert.ok(
      resources<Observation>(bare)
        .slice(1)
        .every((o) => o.effectiveDateTime! < '2026-11-22'),
    );
    const all = await bundle(`/fhir/Observation?patient=${ids.pasient}`);
    assert.ok(resources(all).some((o) => o.id === score.id));
    const housing = await bundle(
      `/fhir/Observation?patient=${ids.pasient}&code=https://bedring.no/fhir/CodeSystem/living-condition-domain|housing`,
    );
    assert.equal(housing.total, 3);
    const unknown = await get(`/fhir/Observation?patient=${ids.pasient}&code=misbruk`);
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().resourceType, 'OperationOutcome');
    const wrongSystem = await get(
      `/fhir/Observation?patient=${ids.pasient}&code=https://bedring.no/fhir/CodeSystem/living-condition-domain|44261-6`,
    );
    assert.equal(wrongSystem.statusCode, 400);
  });

  it('takes a response from the person themself, as application/json and by url alone', async () => {
    await at('2026-11-25T09:00:00Z');
    const res = await post(
      response('https://bedring.no/fhir/Questionnaire/session-feedback', sessionFeedback(4)),
      'pasient',
      'application/json',
    );
    assert.equal(res.statusCode, 201, res.body);
    const qr = res.json() as QuestionnaireResponse;
    valid(qr);
    posted.feedback = qr.id!;
    assert.equal(qr.author?.reference, `Patient/${ids.pasient}`);
    assert.equal(qr.source?.reference, `Patient/${ids.pasient}`);
    assert.equal(qr.questionnaire, 'https://bedring.no/fhir/Questionnaire/session-feedback|1.0.0');

    // In progress: stored, not scored (required items may still be missing).
    await at('2026-11-28T09:00:00Z');
    const before = await rows();
    const partial = await post(
      {
        ...response('Questionnaire/gad-7', [
          { linkId: 'gad7-1', answer: [{ valueCoding: { code: 'several-days' } }] },
        ]),
        status: 'in-progress',
      },
      'behandler',
      'application/fhir+json; charset=utf-8',
    );
    assert.equal(partial.statusCode, 201, partial.body);
    valid(partial.json());
    posted.gad7 = partial.json().id;
    const after = await rows();
    assert.equal(after.responses, before.responses + 1);
    assert.equal(after.observations, before.observations);
  });

  it('refuses an answer that does not fit, naming each item, and writes nothing', async () => {
    const before = await rows();
    const items = phq9Items([0, 0, 0, 0, 0, 0, 0, 0, 0]).filter((i) => i.linkId !== 'phq9-3');
    items[1] = { linkId: 'phq9-2', answer: [{ valueString: 'ofte' }] };
    items.push({ linkId: 'phq9-99', answer: [{ valueCoding: { code: 'not-at-all' } }] });
    const res = await post(response(PHQ9, items));
    assert.equal(res.statusCode, 400, res.body);
    assert.match(String(res.headers['content-type']), /application\/fhir\+json/);
    const outcome = res.json() as OperationOutcome;
    valid(outcome);
    assert.equal(outcome.resourceType, 'OperationOutcome');
    for (const linkId of ['phq9-2', 'phq9-3', 'phq9-99']) {
      const issue = outcome.issue.find((i) => i.diagnostics?.includes(linkId));
      assert.ok(issue, `an issue names ${linkId}: ${res.body}`);
      assert.equal(issue.severity, 'error');
      assert.ok(issue.expression?.[0]?.includes(`'${linkId}'`));
      assert.ok(issue.location?.[0]?.includes(`'${linkId}'`));
      assert.ok(issue.details?.text);
    }
    assert.equal(outcome.issue.find((i) => i.diagnostics?.includes('phq9-3'))?.code, 'required');
    assert.deepEqual(await rows(), before);
  });

  it('refuses a malformed body with a 4xx OperationOutcome and writes nothing', async () => {
    const before = await rows();
    const good = response(PHQ9, phq9Items([0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const bad: [string, object | string, number][] = [
      ['another resource', { ...good, resourceType: 'Observation' }, 400],
      ['no resourceType', { ...good, resourceType: undefined }, 400],
      ['a subject that is no Patient', { ...good, subject: { reference: 'Group/1' } }, 400],
      ['a subject without an id', { ...good, subject: { reference: 'Patient/' } }, 400],
      ['a status other than in-progress or completed', { ...good, status: 'amended' }, 400],
      ['an unknown questionnaire', { ...good, questionnaire: 'https://example.org/Questionnaire/x' }, 400],
      ['a version the server does not have', { ...good, questionnaire: `${PHQ9}|0.9` }, 400],
      ['an unknown element', { ...good, contained: [] }, 400],
      ['items that are not items', { ...good, item: [{ text: 'no linkId' }] }, 400],
      ['not JSON', '{"resourceType": "QuestionnaireResponse",', 400],
    ];
    for (const [what, body, status] of bad) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/fhir/QuestionnaireResponse',
        headers: { ...auth.behandler, 'content-type': 'application/fhir+json' },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
      assert.equal(res.statusCode, status, `${what}: ${res.body}`);
      assert.equal(res.json().resourceType, 'OperationOutcome', what);
      valid(res.json());
    }
    const xml = await t.app.inject({
      method: 'POST',
      url: '/fhir/QuestionnaireResponse',
      headers: { ...auth.behandler, 'content-type': 'application/fhir+xml' },
      payload: '<QuestionnaireResponse/>',
    });
    assert.equal(xml.statusCode, 415);
    assert.equal(xml.json().resourceType, 'OperationOutcome');
    assert.deepEqual(await rows(), before);
  });
});

describe('QuestionnaireResponse search', () => {
  const ids_ = (b: Bundle) => resources(b).map((r) => r.id);
  const search = (query: string, who: User = 'behandler') =>
    bundle(`/fhir/QuestionnaireResponse?patient=Patient/${ids.pasient}${query}`, who);

  it('finds the person’s responses, newest first, by date range, questionnaire and status', async () => {
    const all = ids_(await search(''));
    assert.deepEqual(all.slice(0, 3), [posted.gad7, posted.feedback, posted.phq9]);
    assert.ok(all.length > 3, "the demo's own responses follow");
    assert.deepEqual(ids_(await search(SINCE)), [posted.gad7, posted.feedback, posted.phq9]);
    assert.deepEqual(ids_(await search('&date=ge2026-11-24&date=le2026-11-27')), [posted.feedback]);
    assert.deepEqual(ids_(await search(`${SINCE}&date=lt2026-11-24`)), [posted.phq9]);
    assert.equal(ids_(await search('&date=lt2026-11-23')).length, all.length - 3);
    assert.deepEqual(ids_(await search('&date=gt2026-11-25')), [posted.gad7]);
    assert.deepEqual(ids_(await search('&date=2026-11-25')), [posted.feedback]);
    assert.deepEqual(ids_(await search('&date=ge2026-11-23T09:00:00Z&date=lt2026-11-23T09:00:01Z')), [
      posted.phq9,
    ]);
    assert.deepEqual(ids_(await search(`${SINCE}&questionnaire=${encodeURIComponent(PHQ9)}`)), [posted.phq9]);
    assert.deepEqual(ids_(await search(`${SINCE}&questionnaire=${encodeURIComponent(`${PHQ9}|1.0.0`)}`)), [
      posted.phq9,
    ]);
    assert.deepEqual(ids_(await search(`${SINCE}&questionnaire=${encodeURIComponent(`${PHQ9}|2.0.0`)}`)), []);
    assert.deepEqual(ids_(await search(`${SINCE}&questionnaire=Questionnaire/gad-7`)), [posted.gad7]);
    assert.deepEqual(ids_(await search('&questionnaire=https://example.org/nothing')), []);
    assert.deepEqual(ids_(await search(`${SINCE}&status=in-progress`)), [posted.gad7]);
    const page = await search(`${SINCE}&_count=1&_offset=1`);
    assert.deepEqual(ids_(page), [posted.feedback]);
    assert.equal(page.total, 3);
    for (const bad of ['&date=2026-02-30', '&date=ne2026-11-01', '&date=2026-11-20T10:00', '&status=done']) {
      const res = await get(`/fhir/QuestionnaireResponse?patient=Patient/${ids.pasient}${bad}`);
      assert.equal(res.statusCode, 400, bad);
      assert.equal(res.json().resourceType, 'OperationOutcome');
    }
  });

  it('searches Observations by date as well, all kinds by the same rules', async () => {
    const scores = await bundle(`/fhir/Observation?patient=${ids.pasient}&date=ge2026-11-24`);
    assert.deepEqual(
      resources<Observation>(scores).map((o) => o.derivedFrom?.[0]?.reference),
      [`QuestionnaireResponse/${posted.feedback}`],
    );
    const week = await bundle(`/fhir/Observation?patient=${ids.pasient}&date=ge2026-11-23&date=le2026-11-29`);
    assert.equal(week.total, 2);
    const all = await bundle(`/fhir/Observation?patient=${ids.pasient}`);
    const earlier = await bundle(`/fhir/Observation?patient=${ids.pasient}&date=lt2026-11-23`);
    assert.equal(earlier.total, all.total! - 2);
    assert.ok(resources<Observation>(earlier).every((o) => o.effectiveDateTime! < '2026-11-23'));
  });

  it('shows the person only instruments made visible to them, and what they wrote themself', async () => {
    const setting = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/questionnaires/phq-9/settings',
      headers: auth.admin,
      payload: { visibleToPerson: false, triggers: [], answeredBy: ['staff'] },
    });
    assert.equal(setting.statusCode, 200, setting.body);
    try {
      assert.deepEqual(ids_(await search(SINCE, 'pasient')), [posted.gad7, posted.feedback]);
      assert.equal((await get(`/fhir/QuestionnaireResponse/${posted.phq9}`, 'pasient')).statusCode, 404);
      const scores = await bundle(`/fhir/Observation?patient=${ids.pasient}&code=44261-6`, 'pasient');
      assert.equal(scores.total, 0);
      // Answered by staff only now: the person may not post it.
      const res = await post(response(PHQ9, phq9Items([0, 0, 0, 0, 0, 0, 0, 0, 0])), 'pasient');
      assert.equal(res.statusCode, 403);
      // Staff still see it.
      assert.deepEqual(ids_(await search(`${SINCE}&questionnaire=Questionnaire/phq-9`)), [posted.phq9]);
    } finally {
      await t.app.inject({
        method: 'PUT',
        url: '/api/admin/questionnaires/phq-9/settings',
        headers: auth.admin,
        payload: { visibleToPerson: true, triggers: [], answeredBy: ['person', 'staff'] },
      });
    }
  });
});

describe('access', () => {
  it('answers 401 without a token', async () => {
    for (const url of [
      `/fhir/QuestionnaireResponse?patient=${ids.pasient}`,
      `/fhir/QuestionnaireResponse/${posted.phq9}`,
      '/fhir/Questionnaire/phq-9',
    ]) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 401, url);
      assert.equal(res.json().resourceType, 'OperationOutcome');
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/fhir/QuestionnaireResponse',
      headers: { 'content-type': 'application/fhir+json' },
      payload: JSON.stringify(response(PHQ9, phq9Items([0, 0, 0, 0, 0, 0, 0, 0, 0]))),
    });
    assert.equal(res.statusCode, 401);
  });

  it('keeps persons out of reach out: 403 or 404, nothing written, nothing shown', async () => {
    const o = t.db.owner;
    const colleague = (
      await o.selectFrom('account').select('id').where('username', '=', 'kollega1').executeTakeFirstOrThrow()
    ).id;
    const theirs = await o
      .insertInto('questionnaire_response')
      .values({
        tenant_id: TSB,
        person_id: ids.stranger,
        questionnaire_id: 'phq-9',
        questionnaire_version: '1.0.0',
        status: 'in-progress',
        item: '[]',
        answered_by: 'staff',
        author_account_id: colleague,
        author_name: 'Kollega 1',
        started_at: now,
        authored_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = await rows();
    for (const who of ['behandler', 'pasient', 'likeperson', 'admin'] as const) {
      // 403 without need to know; 404 for a login of another organisation, where the person is not.
      const outside = (res: { statusCode: number }, what: string) =>
        assert.ok([403, 404].includes(res.statusCode), `${who} ${what}: ${res.statusCode}`);
      const searched = await get(`/fhir/QuestionnaireResponse?patient=Patient/${ids.stranger}`, who);
      outside(searched, 'search');
      const read = await get(`/fhir/QuestionnaireResponse/${theirs.id}`, who);
      outside(read, 'read');
      const scores = await get(`/fhir/Observation?patient=${ids.stranger}&code=44261-6`, who);
      outside(scores, 'Observation');
      const posting = await post(
        {
          ...response(PHQ9, phq9Items([3, 3, 3, 3, 3, 3, 3, 3, 3])),
          subject: { reference: `Patient/${ids.stranger}` },
        },
        who,
      );
      outside(posting, 'post');
      for (const res of [searched, read, scores, posting]) {
        assert.equal(res.json().resourceType, 'OperationOutcome');
        assert.ok(!res.body.includes(theirs.id) && !res.body.includes('phq9-'));
      }
    }
    // A person of another organisation is not even there for TSB staff.
    const elsewhere = await post({
      ...response(PHQ9, phq9Items([0, 0, 0, 0, 0, 0, 0, 0, 0])),
      subject: { reference: `Patient/${ids.municipalOnly}` },
    });
    assert.equal(elsewhere.statusCode, 404);
    assert.deepEqual(await rows(), before);
  });

  it('lets the municipal worker in under consent, and keeps peers away from responses', async () => {
    const kommune = await bundle(
      `/fhir/QuestionnaireResponse?patient=Patient/${ids.pasient}${SINCE}`,
      'kommune',
    );
    assert.equal(kommune.total, 3);
    const peer = await get(`/fhir/QuestionnaireResponse?patient=Patient/${ids.pasient}`, 'likeperson');
    assert.equal(peer.statusCode, 403);
    const peerRead = await get(`/fhir/QuestionnaireResponse/${posted.phq9}`, 'likeperson');
    assert.equal(peerRead.statusCode, 403);
  });
});
