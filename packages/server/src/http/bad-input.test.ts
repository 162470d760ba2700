import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { UNITS } from '../demo/demo.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';
import { BODY_LIMIT } from './app.ts';

/**
 * Generated junk at every route in the route table: never a 500, always the documented error shape,
 * and nothing written.
 */
let t: TestApp;
let token: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
/** A referral, episode and task of the demo patient, so that routes below them are reached with real ids. */
let pathway: { referralId: string; episodeId: string; taskId: string };
/** An entry of the demo patient's crisis plan, a network member and the consent: the plans' routes' ids. */
let plan: { entryId: string; memberId: string; consentId: string };
before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  token = await t.login('behandler');
  pathway = await patientPathway();
  plan = await patientPlan();
});

async function patientPlan() {
  const headers = { authorization: `Bearer ${token}` };
  const person = `/api/persons/${ids.pasient}`;
  const entry = await t.app.inject({
    method: 'POST',
    url: `${person}/plans/crisis/entries`,
    headers,
    payload: { section: 'warning-sign', text: 'Slutter å svare' },
  });
  assert.equal(entry.statusCode, 201, entry.body);
  const member = await t.app.inject({
    method: 'POST',
    url: `${person}/network`,
    headers,
    payload: { name: 'Ole', relation: 'family', quality: 'supportive', contactConsent: true, maySee: [] },
  });
  assert.equal(member.statusCode, 201, member.body);
  const consent = await t.db.owner
    .selectFrom('consent')
    .select('id')
    .where('person_id', '=', ids.pasient)
    .executeTakeFirstOrThrow();
  return { entryId: entry.json().id as string, memberId: member.json().id as string, consentId: consent.id };
}
after(() => t.close());

async function patientPathway() {
  const headers = { authorization: `Bearer ${token}` };
  const refer = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers,
      payload: {
        person: {
          nationalId: '15829000000',
          givenName: 'Per',
          familyName: 'Pasient',
          birthDate: '1990-02-15',
          gender: 'male',
        },
        unitId: UNITS.outpatient,
        referrer: { kind: 'gp', name: 'Fastlege' },
        receivedOn: '2026-11-02',
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().personId, ids.pasient);
    return res.json() as { referralId: string; episodeId: string };
  };
  const { referralId, episodeId } = await refer();
  // A second episode ends in a drop-out: its re-engagement task is the behandler's.
  const other = await refer();
  const dropped = await t.app.inject({
    method: 'POST',
    url: `/api/persons/${ids.pasient}/episodes/${other.episodeId}/events`,
    headers,
    payload: { kind: 'ended', date: '2026-11-20', outcome: 'drop-out' },
  });
  assert.equal(dropped.statusCode, 201, dropped.body);
  return { referralId, episodeId, taskId: dropped.json().taskId as string };
}

async function footprint() {
  const count = async (
    table:
      | 'living_condition_rating'
      | 'break_glass'
      | 'consent'
      | 'care_relation'
      | 'person'
      | 'referral'
      | 'episode'
      | 'pathway_event'
      | 'pathway_deadline'
      | 'assessment'
      | 'discharge_checklist'
      | 'handover'
      | 'pathway_task'
      | 'time_limit'
      | 'contact'
      | 'questionnaire_response'
      | 'observation'
      | 'questionnaire_due'
      | 'feedback_alert'
      | 'questionnaire'
      | 'instrument_setting'
      | 'feedback_alert_rule'
      | 'care_plan'
      | 'plan_entry'
      | 'plan_comment'
      | 'plan_signature'
      | 'plan_change'
      | 'lapse'
      | 'network_member'
      | 'journal_note'
      | 'journal_amendment',
  ) =>
    (
      await t.db.owner
        .selectFrom(table)
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const about = await t.db.owner
    .selectFrom('person')
    .select(['about_me', 'strengths'])
    .where('id', '=', ids.pasient)
    .executeTakeFirstOrThrow();
  const tasks = await t.db.owner
    .selectFrom('pathway_task')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('completed_on', 'is not', null)
    .executeTakeFirstOrThrow();
  const episodes = await t.db.owner
    .selectFrom('episode')
    .select((e) => e.fn.sum<string>('version').as('versions'))
    .executeTakeFirstOrThrow();
  // Plans change in place too (an entry's text, a review date, what a consent shares).
  const plans = await t.db.owner
    .selectFrom('care_plan')
    .select((e) => e.fn.sum<string>('version').as('versions'))
    .executeTakeFirstOrThrow();
  const shared = await t.db.owner.selectFrom('consent').select(['id', 'plan_parts']).orderBy('id').execute();
  const members = await t.db.owner
    .selectFrom('network_member')
    .select(['id', 'quality', 'removed_at'])
    .orderBy('id')
    .execute();
  return [
    await count('living_condition_rating'),
    await count('break_glass'),
    await count('consent'),
    await count('care_relation'),
    await count('person'),
    await count('referral'),
    await count('episode'),
    await count('pathway_event'),
    await count('pathway_deadline'),
    await count('assessment'),
    await count('discharge_checklist'),
    await count('handover'),
    await count('pathway_task'),
    await count('contact'),
    await count('questionnaire_response'),
    await count('observation'),
    await count('questionnaire_due'),
    await count('feedback_alert'),
    await count('questionnaire'),
    await count('instrument_setting'),
    await count('feedback_alert_rule'),
    await count('care_plan'),
    await count('plan_entry'),
    await count('plan_comment'),
    await count('plan_signature'),
    await count('plan_change'),
    await count('lapse'),
    await count('network_member'),
    await count('journal_note'),
    await count('journal_amendment'),
    plans.versions,
    JSON.stringify(shared),
    JSON.stringify(members),
    tasks.n,
    episodes.versions,
    about.about_me,
    about.strengths,
  ];
}

function isErrorShape(url: string, body: unknown): boolean {
  if (url.startsWith('/fhir')) return (body as { resourceType?: string }).resourceType === 'OperationOutcome';
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
  return typeof e?.code === 'string' && typeof e.message === 'string' && Array.isArray(e.details);
}

const junkValue = fc.oneof(
  fc.string(),
  // Any code point, NUL and lone surrogates included (docs/api.md, "Input rules").
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);
// Objects that look almost right: known keys with wrong types, plus unknown keys.
const junkBody = fc.oneof(
  junkValue,
  fc.record(
    {
      domain: junkValue,
      rating: junkValue,
      note: junkValue,
      aboutMe: junkValue,
      strengths: junkValue,
      reason: junkValue,
      username: junkValue,
      password: junkValue,
      // The care pathway's bodies.
      kind: junkValue,
      date: junkValue,
      setting: junkValue,
      outcome: junkValue,
      person: junkValue,
      unitId: junkValue,
      referrer: junkValue,
      receivedOn: junkValue,
      assessedOn: junkValue,
      treatmentStartDeadline: junkValue,
      ratings: junkValue,
      personGoals: junkValue,
      chosenLevel: junkValue,
      items: junkValue,
      municipalAccountId: junkValue,
      consent: junkValue,
      accountId: junkValue,
      // Questionnaires.
      questionnaireId: junkValue,
      status: junkValue,
      item: fc.oneof(
        junkValue,
        fc.array(fc.dictionary(fc.string({ maxLength: 8 }), junkValue), { maxLength: 3 }),
      ),
      contactId: junkValue,
      contactOn: junkValue,
      visibleToPerson: junkValue,
      triggers: junkValue,
      answeredBy: junkValue,
      rules: junkValue,
      // The plans. Not `text`, `reviewOn` or `planParts`: alone they make a valid comment, entry change,
      // review date or sharing, and this property is about junk, which must write nothing.
      section: junkValue,
      successMeans: junkValue,
      ownerAccountId: junkValue,
      dueOn: junkValue,
      evaluateOn: junkValue,
      phone: junkValue,
      contactBeforeUse: junkValue,
      networkMemberId: junkValue,
      retired: junkValue,
      version: junkValue,
      occurredOn: junkValue,
      situation: junkValue,
      whatHelped: junkValue,
      name: junkValue,
      relation: junkValue,
      quality: junkValue,
      crisisRole: junkValue,
      contactConsent: junkValue,
      maySee: junkValue,
      removed: junkValue,
      promise: junkValue,
      // A FHIR QuestionnaireResponse.
      resourceType: junkValue,
      questionnaire: junkValue,
      subject: junkValue,
      extra: junkValue,
    },
    { requiredKeys: [] },
  ),
);
const junkId = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.uuid().map((u) => `${u}x`),
  fc.constantFrom('..%2f..', '%00', "1' or '1'='1", '00000000-0000-0000-0000-00000000000'),
);
const junkQuery = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 10 }),
  fc.oneof(fc.string({ maxLength: 50 }), fc.string({ unit: 'binary', maxLength: 8 })),
  {
    minKeys: 1,
    maxKeys: 3,
  },
);

// Valid bodies of the pathway's writes; the property above changes one field of them at a time.
type Ids = { kommune: string; behandler: string; pasient: string; memberId: string };
const NEARLY_VALID: Record<string, (ids: Ids) => Record<string, unknown>> = {
  'POST /api/referrals': () => ({
    person: {
      nationalId: '01017000001',
      givenName: 'Test',
      familyName: 'Person',
      birthDate: '1970-01-01',
      gender: 'unknown',
    },
    unitId: UNITS.outpatient,
    referrer: { kind: 'gp', name: 'Fastlege', organisation: 'Legekontoret' },
    receivedOn: '2026-11-02',
    reason: 'Grunn',
    checklist: { 'own-participation': true },
    coordinator: { name: 'Koordinator', contact: 'tlf' },
  }),
  'POST /api/persons/:personId/referrals/:referralId/assessment': () => ({
    assessedOn: '2026-11-10',
    outcome: 'right-to-treatment',
    treatmentStartDeadline: '2026-12-15',
    note: 'Notat',
    letterToPersonOn: '2026-11-10',
    letterToReferrerOn: '2026-11-10',
  }),
  'POST /api/persons/:personId/episodes/:episodeId/events': () => ({
    kind: 'evaluation',
    date: '2026-11-22',
    withPerson: true,
    feedbackToolUsed: false,
    note: 'Notat',
    reason: 'Grunn',
  }),
  'POST /api/persons/:personId/episodes/:episodeId/assessments': () => ({
    assessedOn: '2026-11-20',
    personGoals: 'Mål',
    personResources: 'Ressurser',
    ratings: Object.fromEntries(
      [
        'withdrawal',
        'physical-health',
        'mental-health',
        'readiness',
        'relapse-risk',
        'recovery-environment',
      ].map((d) => [d, { now: 1, history: 2, rationale: 'Begrunnelse' }]),
    ),
    opioidDependence: false,
    chosenLevel: 'outpatient',
    matchReason: 'Grunn',
  }),
  'PUT /api/persons/:personId/episodes/:episodeId/discharge-checklist': () => ({
    items: { 'own-housing': { answer: 'yes', note: 'Notat' }, 'risk-assessments-shared': { answer: 'no' } },
    helpNeeded: 'municipal',
  }),
  'POST /api/persons/:personId/episodes/:episodeId/handover': (ids) => ({
    municipalAccountId: ids.kommune,
    handedOverOn: '2026-11-20',
    summary: 'Oppsummering',
    followUpPlan: 'Plan',
    consent: { givenOn: '2026-11-19', expiresOn: '2027-11-19' },
  }),
  'PUT /api/persons/:personId/episodes/:episodeId/responsible': (ids) => ({ accountId: ids.behandler }),
  'POST /api/tasks/:taskId/complete': () => ({ outcome: 'declined', date: '2026-11-21', note: 'Notat' }),
  'POST /api/persons/:personId/plans/:kind/entries': (ids) => ({
    section: 'contact',
    text: 'Ole',
    phone: '+47 900 00 000',
    networkMemberId: ids.memberId,
  }),
  'PUT /api/persons/:personId/plans/:kind/entries/:entryId': () => ({
    text: 'Slutter å svare',
    retired: false,
  }),
  'POST /api/persons/:personId/plans/:kind/entries/:entryId/comments': () => ({ text: 'Kommentar' }),
  'POST /api/persons/:personId/plans/:kind/signatures': () => ({ version: 1 }),
  'PUT /api/persons/:personId/plans/:kind/review-date': () => ({ reviewOn: '2027-01-01' }),
  'POST /api/persons/:personId/lapses': () => ({
    occurredOn: '2026-11-21',
    situation: 'Fest',
    thoughtsFeelings: 'Ensom',
    whatHappened: 'Drakk',
    whatHelped: 'Ringte Ole',
  }),
  'POST /api/persons/:personId/network': () => ({
    name: 'Kari',
    relation: 'friend',
    quality: 'strained',
    crisisRole: 'Ringer meg',
    phone: '99999999',
    contactConsent: true,
    maySee: ['crisis'],
    note: 'Notat',
  }),
  'PUT /api/persons/:personId/network/:memberId': () => ({
    name: 'Ole',
    relation: 'family',
    quality: 'risky',
    contactConsent: false,
    maySee: ['crisis', 'treatment'],
    removed: false,
  }),
  'POST /api/persons/:personId/promises': (ids) => ({
    promise: 'Ringe NAV',
    dueOn: '2026-12-01',
    ownerAccountId: ids.behandler,
  }),
  'PUT /api/persons/:personId/consents/:consentId/plan-parts': () => ({ planParts: ['crisis', 'network'] }),
  // Children, relatives and risk assessments (docs/decisions/0019-relatives-and-risk.md).
  'POST /api/persons/:personId/relatives': () => ({
    kind: 'child',
    name: 'Barn',
    birthYear: 2019,
    caredForBy: 'Moren',
    spokenWith: true,
    spokenWithOn: '2026-11-20',
    followUp: 'Samtale',
    coordinatorInformed: true,
    mayContact: false,
    mayInform: false,
    note: 'Notat',
  }),
  'POST /api/persons/:personId/risk-assessments': () => ({
    kind: 'suicide',
    assessedOn: '2026-11-20',
    level: 'moderate',
    factors: 'Faktorer',
    plan: 'Plan',
    shareAtHandover: true,
  }),
  'POST /fhir/QuestionnaireResponse': (ids) => ({
    resourceType: 'QuestionnaireResponse',
    questionnaire: 'https://bedring.no/fhir/Questionnaire/session-feedback|1.0.0',
    status: 'completed',
    subject: { reference: `Patient/${ids.pasient}`, display: 'Per Pasient' },
    authored: '2026-11-21T10:00:00Z',
    author: { reference: `Practitioner/${ids.behandler}` },
    item: [1, 2, 3, 4, 5].map((n) => ({ linkId: `sf-${n}`, answer: [{ valueCoding: { code: '3' } }] })),
  }),
};

const EDGE_DATES = [
  '0000-01-01',
  '0001-01-01',
  '0999-12-31',
  '1000-01-01',
  '1899-12-31',
  '9999-12-31',
  '2024-02-29',
  '2026-02-29',
  '2026-11-22',
  '2026-11-23',
  '2026-13-01',
  '20261122',
];
const EDGE_UUIDS = [
  '00000000-0000-0000-0000-000000000000',
  'urn:uuid:0f6b1c6e-7d0a-4c39-9a52-1a00000000a2',
  '0F6B1C6E-7D0A-4C39-9A52-1A00000000A2',
];
const EDGE_TEXTS = [
  '',
  ' ',
  '\ud800',
  'a\udc00b',
  '💊'.repeat(50),
  'x'.repeat(5000),
  "'; drop table person; --",
];
const EDGE_NUMBERS = [-1, 0, 4, 5, 1.5, 1e308];

/** Edge values of the kind a field holds: every date field gets every edge date, and so on. */
function edgesFor(value: unknown): unknown[] {
  if (typeof value === 'number') return EDGE_NUMBERS;
  if (typeof value !== 'string') return [null];
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return EDGE_DATES;
  if (/^[0-9a-f-]{36}$/.test(value)) return EDGE_UUIDS;
  return EDGE_TEXTS;
}

const edgeValue = fc.oneof(
  junkValue,
  fc.constantFrom(...EDGE_DATES, ...EDGE_UUIDS, ...EDGE_TEXTS),
  fc.constantFrom(...EDGE_NUMBERS),
);

/** Every path into a body (objects only), parents before children. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  const paths: string[][] = prefix.length > 0 ? [prefix] : [];
  for (const [key, child] of Object.entries(value)) paths.push(...leafPaths(child, [...prefix, key]));
  return paths;
}

/** A copy of `body` with the value at `path` replaced, or removed when `value` is undefined. */
function withValue(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** A referral just received, an episode in treatment and an open re-engagement task, for the demo patient. */
async function freshPathway() {
  const headers = { authorization: `Bearer ${token}` };
  const post = async (url: string, payload: object, status: number) => {
    const res = await t.app.inject({ method: 'POST', url, headers, payload });
    assert.equal(res.statusCode, status, res.body);
    return res.json();
  };
  const refer = () =>
    post(
      '/api/referrals',
      {
        person: {
          nationalId: '15829000000',
          givenName: 'Per',
          familyName: 'Pasient',
          birthDate: '1990-02-15',
          gender: 'male',
        },
        unitId: UNITS.outpatient,
        referrer: { kind: 'gp', name: 'Fastlege' },
        receivedOn: '2026-11-02',
      },
      201,
    );
  const person = `/api/persons/${ids.pasient}`;
  const inTreatment = async () => {
    const r = await refer();
    await post(
      `${person}/referrals/${r.referralId}/assessment`,
      { assessedOn: '2026-11-05', outcome: 'treatment-without-right' },
      200,
    );
    await post(
      `${person}/episodes/${r.episodeId}/events`,
      { kind: 'first-attendance', date: '2026-11-09', setting: 'outpatient' },
      201,
    );
    return r.episodeId as string;
  };
  const referralId = (await refer()).referralId as string;
  const episodeId = await inTreatment();
  const dropped = await post(
    `${person}/episodes/${await inTreatment()}/events`,
    { kind: 'ended', date: '2026-11-20', outcome: 'drop-out' },
    201,
  );
  return { referralId, episodeId, taskId: dropped.taskId as string };
}

describe('bad input, at every route', () => {
  it('never answers junk with a 500, always with a 4xx in the error shape, and writes nothing', async () => {
    const before = await footprint();
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') || r.url.startsWith('/fhir'));
    assert.ok(routes.length >= 14);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(junkId, junkBody, junkQuery, fc.boolean(), async (id, body, query, validId) => {
          const path = route.url
            .replace(/:(personId|id)/, validId ? ids.pasient : encodeURIComponent(id))
            .replace(':referralId', validId ? pathway.referralId : encodeURIComponent(id))
            .replace(':episodeId', validId ? pathway.episodeId : encodeURIComponent(id))
            .replace(':taskId', validId ? pathway.taskId : encodeURIComponent(id))
            .replace(':kind', validId ? 'crisis' : encodeURIComponent(id))
            .replace(':entryId', validId ? plan.entryId : encodeURIComponent(id))
            .replace(':memberId', validId ? plan.memberId : encodeURIComponent(id))
            .replace(':consentId', validId ? plan.consentId : encodeURIComponent(id));
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          const res = await t.app.inject({
            method: route.method as 'POST',
            url: `${path}?${qs}`,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            ...(route.method === 'GET' ? {} : { payload: JSON.stringify(body) }),
          });
          const where = `${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 200)}`;
          assert.ok(res.statusCode >= 400 && res.statusCode < 500, where);
          assert.ok(isErrorShape(route.url, res.json()), where);
        }),
        { numRuns: 25, seed: 20261122 },
      );
    }
    assert.deepEqual(await footprint(), before);
  });

  it('never answers a nearly valid pathway request with a 500: one field at a time set to an edge value', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const routes = t.app.routeTable.filter((r) => NEARLY_VALID[`${r.method} ${r.url}`]);
    assert.ok(routes.length >= 8);
    for (const route of routes) {
      // Each route starts from a fresh referral, an episode in treatment and an open task: requests that
      // happen to be valid move them on, and the next route should not inherit that.
      const fresh = await freshPathway();
      const base = NEARLY_VALID[`${route.method} ${route.url}`]!({
        kommune: ids.kommune,
        behandler: ids.behandler,
        pasient: ids.pasient,
        memberId: plan.memberId,
      });
      const paths = leafPaths(base);
      const send = async (body: Record<string, unknown>) => {
        const url = route.url
          .replace(':personId', ids.pasient)
          .replace(':referralId', fresh.referralId)
          .replace(':episodeId', fresh.episodeId)
          .replace(':taskId', fresh.taskId)
          .replace(':kind', 'crisis')
          .replace(':entryId', plan.entryId)
          .replace(':memberId', plan.memberId)
          .replace(':consentId', plan.consentId);
        const res = await t.app.inject({
          method: route.method as 'POST',
          url,
          headers,
          payload: JSON.stringify(body),
        });
        const where = `${route.method} ${route.url} ${JSON.stringify(body).slice(0, 300)}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        assert.ok(res.statusCode < 500, where);
        if (res.statusCode >= 400) assert.ok(isErrorShape(route.url, res.json()), where);
      };
      // Every field with every edge value of its kind, then one field at a time with generated junk.
      for (const path of paths) {
        const value = path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], base);
        for (const edge of edgesFor(value)) await send(withValue(base, path, edge));
      }
      await fc.assert(
        fc.asyncProperty(fc.nat(paths.length - 1), fc.option(edgeValue, { nil: undefined }), (i, value) =>
          send(withValue(base, paths[i]!, value)),
        ),
        { numRuns: 40, seed: 20261122 },
      );
    }
  });

  it('answers malformed JSON, a wrong content type and an oversized body with a 4xx', async () => {
    const url = `/api/persons/${ids.pasient}/ratings`;
    const headers = { authorization: `Bearer ${token}` };
    const malformed = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"domain": "housing",',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.code, 'malformed_json');
    const wrongType = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    assert.equal(wrongType.statusCode, 415);
    const huge = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ domain: 'housing', rating: 'red', note: 'x'.repeat(BODY_LIMIT) }),
    });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().error.code, 'body_too_large');
    const control = await t.app.inject({
      method: 'POST',
      url,
      headers,
      payload: { domain: 'housing', rating: 'red', note: 'a\u0000b' },
    });
    assert.equal(control.statusCode, 400);
  });
});

/** An item tree `depth` levels deep (item → item → …), as a JSON text; built as text, so no stack is used. */
function deepItems(depth: number): string {
  return `${'[{"linkId":"x","item":'.repeat(depth)}[]${'}]'.repeat(depth)}`;
}

describe('input no rule admits', () => {
  const auth = () => ({ authorization: `Bearer ${token}` });

  it('answers a NUL byte in the login username with a 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'behandler\u0000', password: 'bedring-demo' },
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'invalid_input');
  });

  it('answers a NUL in a FHIR search, any query string or a path parameter with a 400', async () => {
    for (const url of [
      '/fhir/Patient?name=Per%00',
      '/fhir/Patient?identifier=%0015829000000',
      '/fhir/Patient?identifier=urn:oid:2.16.578.1.12.4.1.4.1|158290%0000000',
      `/api/persons/${ids.pasient}?x=%00`,
      '/api/persons/%00',
      `/fhir/Patient/${ids.pasient}%00`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: auth() });
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      assert.ok(isErrorShape(url, res.json()), url);
    }
  });

  it('answers a percent escape that is not UTF-8 (a lone surrogate, a stray %) with a 400 in the error shape', async () => {
    for (const url of [
      '/fhir/Patient?name=%ED%A0%80',
      '/fhir/Patient?identifier=%ED%A0%80123',
      '/fhir/Patient?name=Per%',
      `/api/persons/${ids.pasient}/network?x=%FF`,
      '/api/persons/%ED%A0%80',
      '/fhir/Patient/%FF',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: auth() });
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      assert.ok(isErrorShape(url, res.json()), `${url}: ${res.body}`);
      if (url.startsWith('/api')) assert.equal(res.json().error.code, 'invalid_input');
    }
    // A path parameter longer than the router takes: its own status, still in the error shape.
    for (const url of [`/api/persons/${'a'.repeat(300)}`, `/fhir/Patient/${'a'.repeat(300)}`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: auth() });
      assert.equal(res.statusCode, 414, `${url}: ${res.body}`);
      assert.ok(isErrorShape(url, res.json()), `${url}: ${res.body}`);
    }
    // Escaped UTF-8, a plus and an escaped percent sign are fine.
    const ok = await t.app.inject({
      method: 'GET',
      url: '/fhir/Patient?name=%C3%98ystein+%25',
      headers: auth(),
    });
    assert.equal(ok.statusCode, 200, ok.body);
  });

  it('answers a QuestionnaireResponse nested 1,500 levels deep with a 400 on /api and /fhir, writing nothing', async () => {
    const before = await footprint();
    const apiBody = `{"questionnaireId":"session-feedback","status":"completed","item":${deepItems(1500)}}`;
    const fhirBody = `{"resourceType":"QuestionnaireResponse","questionnaire":"https://bedring.no/fhir/Questionnaire/session-feedback|1.0.0","status":"completed","subject":{"reference":"Patient/${ids.pasient}"},"item":${deepItems(1500)}}`;
    assert.ok(apiBody.length > 30_000 && apiBody.length < BODY_LIMIT);
    for (const [url, payload, type] of [
      [`/api/persons/${ids.pasient}/responses`, apiBody, 'application/json'],
      [`/api/persons/${ids.pasient}/responses`, apiBody, 'application/json; charset=utf-8'],
      ['/fhir/QuestionnaireResponse', fhirBody, 'application/fhir+json'],
      ['/fhir/QuestionnaireResponse', fhirBody, 'application/fhir+json; fhirVersion=4.0'],
      ['/fhir/QuestionnaireResponse', fhirBody, 'application/json'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...auth(), 'content-type': type },
        payload,
      });
      assert.equal(res.statusCode, 400, `${url} ${type}: ${res.body.slice(0, 300)}`);
      assert.ok(isErrorShape(url, res.json()), url);
      if (url.startsWith('/api')) assert.equal(res.json().error.code, 'invalid_input');
    }
    // A body a little deeper than any instrument goes is fine to parse (the domain says what is wrong).
    const shallow = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${ids.pasient}/responses`,
      headers: { ...auth(), 'content-type': 'application/json' },
      payload: `{"questionnaireId":"session-feedback","status":"completed","item":${deepItems(20)}}`,
    });
    assert.ok(shallow.statusCode >= 400 && shallow.statusCode < 500, shallow.body);
    assert.notEqual(shallow.json().error.code, 'invalid_input_depth');
    assert.deepEqual(await footprint(), before);
  });

  it('answers a lone surrogate or a NUL anywhere in a JSON body with a 400, in a value or a key', async () => {
    const before = await footprint();
    const url = `/api/persons/${ids.pasient}/ratings`;
    for (const payload of [
      '{"domain":"housing","rating":"red","note":"a\\ud800b"}',
      '{"domain":"housing","rating":"red","note":"\\udc00"}',
      '{"domain":"housing","rating":"red","note":"💊\\ud83d"}',
      '{"domain":"housing","rating":"red","note":"a\\u0000"}',
      '{"domain":"housing","rating":"red","\\ud800":1}',
      '{"domain":"housing","rating":"red","note":"ok","x\\u0000":1}',
    ]) {
      for (const type of ['application/json', 'application/fhir+json']) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { ...auth(), 'content-type': type },
          payload,
        });
        assert.equal(res.statusCode, 400, `${payload}: ${res.body}`);
        assert.equal(res.json().error.code, 'invalid_input', payload);
        assert.match(res.json().error.message, /Ugyldig/, payload);
      }
    }
    // The same on /fhir, as an OperationOutcome.
    const fhir = await t.app.inject({
      method: 'POST',
      url: '/fhir/QuestionnaireResponse',
      headers: { ...auth(), 'content-type': 'application/fhir+json' },
      payload: JSON.stringify({
        ...NEARLY_VALID['POST /fhir/QuestionnaireResponse']!({ ...ids, memberId: plan.memberId }),
        text: '\ud800',
      }),
    });
    assert.equal(fhir.statusCode, 400, fhir.body);
    assert.equal(fhir.json().resourceType, 'OperationOutcome');
    // Paired surrogates (an emoji, escaped or not) are text like any other.
    const emoji = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...auth(), 'content-type': 'application/json' },
      payload: '{"domain":"housing","rating":"red","note":"\\ud83d\\udc8a 💊"}',
    });
    assert.equal(emoji.statusCode, 201, emoji.body);
    assert.deepEqual((await footprint()).slice(1), before.slice(1));
  });

  it('never answers a body with generated deep nesting, NULs or surrogates with a 500, and writes nothing', async () => {
    const before = await footprint();
    const nasty = fc.oneof(
      fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\udc00', '\ud83d'),
      fc.string({ unit: 'binary' }),
    );
    const urls = [
      `/api/persons/${ids.pasient}/responses`,
      '/fhir/QuestionnaireResponse',
      '/api/auth/login',
      `/api/persons/${ids.pasient}/network`,
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...urls),
        fc.integer({ min: 65, max: 3000 }),
        nasty,
        fc.boolean(),
        async (url, depth, text, deep) => {
          const payload = deep
            ? `{"username":${JSON.stringify(text)},"item":${deepItems(depth)}}`
            : JSON.stringify({ username: text, password: text, name: text, item: [{ linkId: text }] });
          const res = await t.app.inject({
            method: 'POST',
            url,
            headers: { ...auth(), 'content-type': 'application/json' },
            payload,
          });
          const where = `${url} ${payload.slice(0, 120)}: ${res.statusCode} ${res.body.slice(0, 200)}`;
          assert.ok(res.statusCode >= 400 && res.statusCode < 500, where);
          assert.ok(isErrorShape(url, res.json()), where);
        },
      ),
      { numRuns: 60, seed: 20261204 },
    );
    assert.deepEqual(await footprint(), before);
  });
});

describe('FHIR searches with edge values', () => {
  it('never answers a search with a 500, whatever the values of the parameters it knows', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const searches = t.app.routeTable
      .filter((r) => r.method === 'GET' && /^\/fhir\/[A-Za-z]+$/.test(r.url) && r.url !== '/fhir/metadata')
      .map((r) => r.url);
    assert.ok(searches.length >= 8, searches.join());
    const names = [
      'patient',
      'subject',
      'identifier',
      'name',
      'code',
      'date',
      'authored',
      'status',
      'category',
      'owner',
      'organization',
      'url',
      'version',
      'title',
      'questionnaire',
      '_count',
      '_offset',
      '_format',
      '_type',
    ];
    const values = fc.oneof(
      fc.constantFrom(
        ids.pasient,
        `Patient/${ids.pasient}`,
        `Patient/${ids.pasient.toUpperCase()}`,
        'urn:oid:2.16.578.1.12.4.1.4.1|15829000000',
        '|15829000000',
        '15829000000',
        'http://loinc.org|',
        'eq2026-11-22',
        'ge0001-01-01',
        'le9999-12-31T23:59:59Z',
        '2026-02-30',
        'gt2026-11-22T10:00:00+14:00',
        '0',
        '9999',
        '99999999999999999999',
        '-1',
        'active',
        'json',
        '%',
        '_',
        '\\',
        'Ø',
        '💊',
        'x'.repeat(600),
      ),
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...searches),
        fc.dictionary(fc.constantFrom(...names), values, { minKeys: 1, maxKeys: 3 }),
        async (url, query) => {
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          const res = await t.app.inject({ method: 'GET', url: `${url}?${qs}`, headers });
          const where = `${url}?${qs}: ${res.statusCode} ${res.body.slice(0, 200)}`;
          assert.ok(res.statusCode < 500, where);
          if (res.statusCode >= 400) assert.ok(isErrorShape(url, res.json()), where);
        },
      ),
      { numRuns: 400, seed: 20261204 },
    );
  });
});
