import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '@bedring/domain';
import { hashPassword } from '../auth/password.ts';
import { totpCode } from '../auth/totp.ts';
import { DEMO_ACCOUNTS, DEMO_ADMIN_TOTP, DEMO_PASSWORD, TSB, UNITS } from '../demo/demo.ts';
import { demoIds } from '../testing/demo-ids.ts';
import { TEST_NOW, type TestApp, testApp } from '../testing/test-app.ts';
import { EMERGENCY_RECORDS } from './record-use.ts';

/**
 * Generated from the route table: every route × every role × a person outside that role's reach
 * gets 403 or 404 (or, for lists, a list without that person) — never the person's data.
 * A new route without a sample request here fails the test, so no route escapes it.
 */

/** `auditedBy`: roles that may read this about any person their organisation holds (access-log control). */
/**
 * `id`: whose id replaces `:id` (default the stranger's person id): their referral, episode, assessment, task,
 * response, crisis plan, plan entry or network member; `consent` a made-up one (the stranger has none).
 */
/** `noPerson`: a route about no person (the instrument library, configuration): any answer but a leak or a 5xx. */
type Sample = {
  body?: object;
  query?: string;
  list?: boolean;
  noPerson?: boolean;
  auditedBy?: string;
  id?:
    | 'referral'
    | 'episode'
    | 'assessment'
    | 'task'
    | 'response'
    | 'plan'
    | 'entry'
    | 'member'
    | 'consent'
    | 'signal';
};
const SAMPLES: Record<string, Sample> = {
  'GET /api/persons': { list: true },
  'GET /api/persons/:personId': {},
  'PUT /api/persons/:personId/about': { body: { aboutMe: 'x', strengths: 'y' } },
  'GET /api/persons/:personId/ratings': {},
  'POST /api/persons/:personId/ratings': { body: { domain: 'housing', rating: 'red', note: 'n' } },
  'GET /api/persons/:personId/access-log': { auditedBy: 'leader' },
  'GET /fhir/Patient/:id': {},
  'GET /fhir/Patient/:id/$everything': {},
  'GET /api/persons/:personId/export.pdf': {},
  'GET /fhir/Patient': { list: true },
  'GET /fhir/Observation': { query: 'patient=Patient/:personId' },
  'GET /fhir/AuditEvent': { query: 'patient=Patient/:personId', auditedBy: 'leader' },
  'GET /api/break-glass': { list: true },
  'GET /api/access-log': { list: true },
  'POST /api/break-glass/:id/review': { body: { note: 'gjennomgått' } },
  'GET /api/auth/me': { list: true },
  'POST /api/auth/logout': { list: true },
  // The care pathway. Bodies are valid: were access wrongly granted, the request would succeed and show.
  'GET /api/persons/:personId/pathway': {},
  'POST /api/persons/:personId/referrals/:referralId/assessment': {
    body: { assessedOn: '2026-11-21', outcome: 'treatment-without-right' },
  },
  'POST /api/persons/:personId/episodes/:episodeId/events': {
    body: { kind: 'ended', date: '2026-11-22', outcome: 'other' },
  },
  'POST /api/persons/:personId/episodes/:episodeId/assessments': {
    body: {
      assessedOn: '2026-11-21',
      personGoals: 'x',
      ratings: Object.fromEntries(
        [
          'withdrawal',
          'physical-health',
          'mental-health',
          'readiness',
          'relapse-risk',
          'recovery-environment',
        ].map((d) => [d, { now: 1, rationale: 'x' }]),
      ),
      chosenLevel: 'outpatient',
    },
  },
  'PUT /api/persons/:personId/episodes/:episodeId/discharge-checklist': {
    body: { items: { 'own-housing': { answer: 'yes' } } },
  },
  'POST /api/persons/:personId/episodes/:episodeId/handover': {
    body: {
      municipalAccountId: ':kommune',
      handedOverOn: '2026-11-22',
      summary: 'x',
      followUpPlan: 'y',
      consent: { givenOn: '2026-11-22' },
    },
  },
  'PUT /api/persons/:personId/episodes/:episodeId/responsible': { body: { accountId: ':behandler' } },
  // Brukerstyrt innleggelse (docs/decisions/0018-handover-and-self-admission.md).
  'GET /api/persons/:personId/self-admission-contracts': {},
  'POST /api/persons/:personId/self-admission-contracts': {
    body: {
      unitId: UNITS.inpatient,
      daysPerStay: 5,
      staysPerYear: 4,
      howToAsk: 'x',
      whoToCall: 'y',
      validFrom: '2026-11-01',
    },
  },
  'POST /api/persons/:personId/self-admission-contracts/:contractId/stays': {
    body: { admittedOn: '2026-11-21', plannedDays: 3, askedBy: 'person' },
  },
  'POST /api/persons/:personId/self-admission-contracts/:contractId/end': { body: { endedOn: '2026-11-21' } },
  // The unit's numbers: counts, no person in them.
  'GET /api/self-admissions': { noPerson: true, query: 'from=2026-11-01&to=2026-11-30' },
  'GET /api/persons/:personId/episodes/:episodeId/discharge-facts': {},
  // Children and relatives, and risk assessments (docs/decisions/0019-relatives-and-risk.md).
  'GET /api/persons/:personId/relatives': {},
  'POST /api/persons/:personId/relatives': {
    body: { kind: 'relative', name: 'x', role: 'parent', mayContact: false, mayInform: false },
  },
  'PUT /api/persons/:personId/relatives/:relativeId': {
    body: { kind: 'child', name: 'x', birthYear: 2019, mayContact: false, mayInform: false },
  },
  'GET /api/persons/:personId/risk-assessments': {},
  'POST /api/persons/:personId/risk-assessments': {
    body: {
      kind: 'suicide',
      assessedOn: '2026-11-22',
      level: 'low',
      factors: 'x',
      plan: 'y',
      shareAtHandover: true,
    },
  },
  'POST /api/tasks/:taskId/complete': { body: { outcome: 'declined', date: '2026-11-22' } },
  'GET /api/tasks': { list: true },
  'GET /api/deadlines': { list: true },
  // The leader's view of a board row is decided by the unit, not by access to the record (break-glass does
  // not open it): the stranger's episode is in another unit, and nothing of them may show.
  'GET /api/deadlines/:episodeId': { noPerson: true },
  'GET /api/units': { list: true },
  'GET /api/staff': { list: true, query: 'role=clinician' },
  'GET /fhir/ServiceRequest/:id': { id: 'referral' },
  'GET /fhir/ServiceRequest': { query: 'patient=Patient/:personId' },
  'GET /fhir/ClinicalImpression/:id': { id: 'assessment' },
  'GET /fhir/ClinicalImpression': { query: 'patient=Patient/:personId' },
  'GET /fhir/EpisodeOfCare/:id': { id: 'episode' },
  'GET /fhir/EpisodeOfCare': { query: 'patient=Patient/:personId' },
  'GET /fhir/Task/:id': { id: 'task' },
  'GET /fhir/Task': { query: 'patient=Patient/:personId' },
  // Questionnaires in FHIR: the instrument library is about no person; responses are the stranger's.
  'GET /fhir/Questionnaire/:id': { noPerson: true },
  'GET /fhir/Questionnaire': { noPerson: true },
  'GET /fhir/QuestionnaireResponse/:id': { id: 'response' },
  'GET /fhir/QuestionnaireResponse': { query: 'patient=Patient/:personId' },
  'POST /fhir/QuestionnaireResponse': {
    body: {
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'https://bedring.no/fhir/Questionnaire/session-feedback',
      status: 'in-progress',
      subject: { reference: 'Patient/:personId' },
      item: [],
    },
  },
  // Questionnaires. :responseId and :alertId are the stranger's; :questionnaireId names no instrument.
  'GET /api/questionnaires': { list: true },
  'GET /api/questionnaires/:questionnaireId': { noPerson: true },
  'POST /api/admin/questionnaires': { noPerson: true, body: { resourceType: 'Patient' } },
  'PUT /api/admin/questionnaires/:questionnaireId/settings': {
    noPerson: true,
    body: { visibleToPerson: true, triggers: [], answeredBy: ['staff'] },
  },
  'GET /api/admin/feedback-rules': { noPerson: true },
  'PUT /api/admin/feedback-rules': { noPerson: true, body: { rules: [] } },
  'GET /api/persons/:personId/questionnaires': {},
  'GET /api/persons/:personId/responses/:responseId': {},
  'POST /api/persons/:personId/responses': {
    body: { questionnaireId: 'session-feedback', status: 'in-progress', item: [] },
  },
  'PUT /api/persons/:personId/responses/:responseId': { body: { status: 'in-progress', item: [] } },
  'GET /api/persons/:personId/contacts': {},
  'POST /api/persons/:personId/contacts': { body: { contactOn: '2026-11-21', kind: 'meeting' } },
  // The journal (docs/decisions/0014-journal.md). :noteId is made up: the person is refused before any note.
  'GET /api/persons/:personId/journal': {},
  'POST /api/persons/:personId/journal': {
    body: { contactAt: '2026-11-21T10:00:00Z', kind: 'home-visit', text: 'x', sign: true },
  },
  'GET /api/persons/:personId/journal/:noteId': {},
  'PUT /api/persons/:personId/journal/:noteId': { body: { text: 'x' } },
  'POST /api/persons/:personId/journal/:noteId/sign': {},
  'POST /api/persons/:personId/journal/:noteId/amendments': { body: { text: 'x' } },
  'PUT /api/persons/:personId/journal/:noteId/sharing': {
    body: { withheld: true, reason: 'Opplysninger om en tredjeperson' },
  },
  'GET /api/persons/:personId/shared-notes': {},
  // The journal in FHIR: :id is the stranger's person id, which names no note or contact.
  'GET /fhir/DocumentReference/:id': {},
  'GET /fhir/DocumentReference': { query: 'patient=Patient/:personId' },
  'GET /fhir/Encounter/:id': {},
  'GET /fhir/Encounter': { query: 'patient=Patient/:personId' },
  'GET /api/persons/:personId/trajectories': {},
  'GET /api/feedback-alerts': { list: true },
  'GET /api/persons/:personId/feedback-alerts': {},
  'POST /api/feedback-alerts/:alertId/acknowledge': { body: { note: 'Snakket om det' } },
  // The person's plans. :kind is the crisis plan; :entryId and :memberId are the stranger's.
  'GET /api/persons/:personId/plans': {},
  'POST /api/persons/:personId/plans/:kind/entries': { body: { section: 'warning-sign', text: 'x' } },
  'PUT /api/persons/:personId/plans/:kind/entries/:entryId': { body: { text: 'x' } },
  'POST /api/persons/:personId/plans/:kind/entries/:entryId/comments': { body: { text: 'x' } },
  'POST /api/persons/:personId/plans/:kind/signatures': { body: { version: 1 } },
  'PUT /api/persons/:personId/plans/:kind/review-date': { body: { reviewOn: '2027-01-01' } },
  'GET /api/persons/:personId/plans/:kind/history': {},
  'GET /api/persons/:personId/lapses': {},
  'POST /api/persons/:personId/lapses': { body: { occurredOn: '2026-11-21', situation: 'x' } },
  'GET /api/persons/:personId/network': {},
  'POST /api/persons/:personId/network': {
    body: { name: 'x', relation: 'friend', quality: 'supportive', contactConsent: true, maySee: ['crisis'] },
  },
  'PUT /api/persons/:personId/network/:memberId': {
    body: { name: 'x', relation: 'friend', quality: 'risky', contactConsent: true, maySee: [] },
  },
  'GET /api/persons/:personId/promises': {},
  'POST /api/persons/:personId/promises': { body: { promise: 'x', dueOn: '2026-12-01' } },
  'GET /api/persons/:personId/consents': {},
  // The plans in FHIR: the stranger's crisis plan, plan entry and network member.
  'GET /fhir/CarePlan/:id': { id: 'plan' },
  'GET /fhir/CarePlan': { query: 'patient=Patient/:personId' },
  'GET /fhir/Goal/:id': { id: 'entry' },
  'GET /fhir/Goal': { query: 'patient=Patient/:personId' },
  'GET /fhir/RelatedPerson/:id': { id: 'member' },
  'GET /fhir/RelatedPerson': { query: 'patient=Patient/:personId' },
  'GET /fhir/Consent/:id': { id: 'consent' },
  'GET /fhir/Consent': { query: 'patient=Patient/:personId' },
  'PUT /api/persons/:personId/consents/:consentId/plan-parts': { body: { planParts: ['crisis', 'network'] } },
  // Check-ins and signals (docs/decisions/0007-checkins-and-signals.md). :signalId is the stranger's; a unit
  // sweep names no person.
  'GET /api/persons/:personId/checkin': {},
  'POST /api/persons/:personId/checkins': {
    body: {
      id: '0f6b1c6e-7d0a-4c39-9a52-1a00000000c1',
      madeAt: '2026-11-22T08:00:00Z',
      mood: 3,
      craving: 2,
      sleep: 2,
      use: 'none',
      riskySituation: false,
      warningSigns: [],
    },
  },
  'GET /api/persons/:personId/checkins': {},
  'PUT /api/persons/:personId/checkin-reminder': { body: { remindAt: '20:00' } },
  'GET /api/signals': { list: true },
  'GET /api/persons/:personId/signals': {},
  'GET /fhir/Flag/:id': { id: 'signal' },
  'GET /fhir/Flag': { query: 'patient=Patient/:personId' },
  'GET /fhir/RiskAssessment': { query: 'patient=Patient/:personId' },
  'GET /fhir/RiskAssessment/:id': {},
  'POST /api/signals/:signalId/acknowledge': { body: { note: 'Snakket om det' } },
  'POST /api/units/:unitId/signal-sweep': { noPerson: true },
  'GET /api/admin/signal-rules': { noPerson: true },
  'PUT /api/admin/signal-rules': { noPerson: true, body: { rules: [] } },
  'POST /api/persons/:personId/help-requests': {
    body: { id: '0f6b1c6e-7d0a-4c39-9a52-1a00000000c2', madeAt: '2026-11-22T08:00:00Z' },
  },
  // Help requests (docs/decisions/0015-help-requests.md): the pinned list shows nobody outside one's reach, and
  // the stranger's signal is not one to take.
  'GET /api/help-requests/open': { list: true },
  'POST /api/help-requests/:signalId/take': {},
  'GET /api/persons/:personId/help-requests': {},
};
// Opening break-glass is the one sanctioned way past need to know; it has its own tests below. Registering
// a referral for a national id the organisation holds makes the clinician part of the assessment team: the
// referral is the basis for need to know. It has its own tests too.
const SEPARATE = new Set(['POST /api/persons/:personId/break-glass', 'POST /api/referrals']);

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let strangerWords: string[];
let strangerDetails: { birthDate: string; familyName: string };
let strangerNationalId: string;
/** The stranger's referral, episode and task: every :referralId, :episodeId and :taskId is theirs. */
let pathway: { referralId: string; episodeId: string; taskId: string; assessmentId: string };
/** The stranger's questionnaire response and the feedback alert it raised. */
let answers: { responseId: string; alertId: string; signalId: string };
let pathwayBefore: unknown;
/** The stranger's crisis plan, its entry and a network member: every :entryId and :memberId is theirs. */
let plan: { planId: string; entryId: string; memberId: string };
const tokens = new Map<string, string>();

before(async () => {
  t = await testApp();
  ids = await demoIds(t.db);
  const p = await t.db.owner
    .selectFrom('person')
    .selectAll()
    .where('id', '=', ids.stranger)
    .executeTakeFirstOrThrow();
  strangerWords = [p.id, p.national_id];
  strangerNationalId = p.national_id;
  strangerDetails = { birthDate: p.birth_date, familyName: p.family_name };
  pathway = await strangerPathway();
  answers = await strangerAnswers();
  plan = await strangerPlan();
  pathwayBefore = await strangerPathwayFootprint();
});

/**
 * The stranger's referral, episode and task, from the demo if it has them, else written here with the
 * owner connection: in the inpatient unit, with a colleague without a login responsible and a task that
 * has not escalated, so no demo login reaches them through a care relation, a board or a task list.
 */
async function strangerPathway() {
  const o = t.db.owner;
  const colleague = (
    await o.selectFrom('account').select('id').where('username', '=', 'kollega1').executeTakeFirstOrThrow()
  ).id;
  const mine = <T extends 'referral' | 'episode' | 'assessment'>(table: T) =>
    o
      .selectFrom(table as 'referral')
      .select('id')
      .where('person_id', '=', ids.stranger);
  const referral =
    (await mine('referral').executeTakeFirst()) ??
    (await o
      .insertInto('referral')
      .values({
        tenant_id: TSB,
        person_id: ids.stranger,
        unit_id: UNITS.inpatient,
        referrer_kind: 'gp',
        referrer_name: 'Fastlege',
        referrer_organisation: '',
        received_on: '2026-11-16',
        reason: '',
        checklist: '{}',
        coordinator_name: '',
        coordinator_contact: '',
        registered_by: colleague,
        registered_at: new Date('2026-11-16T09:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  let episode = await mine('episode').executeTakeFirst();
  if (!episode) {
    episode = await o
      .insertInto('episode')
      .values({
        tenant_id: TSB,
        person_id: ids.stranger,
        unit_id: UNITS.inpatient,
        referral_id: referral.id,
        state: 'referred',
        responsible_account_id: colleague,
        opened_on: '2026-11-16',
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await o
      .insertInto('pathway_event')
      .values({
        tenant_id: TSB,
        episode_id: episode.id,
        person_id: ids.stranger,
        position: 1,
        kind: 'referral-received',
        date: '2026-11-16',
        codes: ['pathway-start'],
        note: '',
        warnings: '[]',
        reason: '',
        recorded_at: new Date('2026-11-16T09:00:00Z'),
        recorded_by: colleague,
        recorded_by_name: 'Kollega 1',
      })
      .execute();
    await o
      .insertInto('pathway_deadline')
      .values({
        tenant_id: TSB,
        episode_id: episode.id,
        kind: 'referral-assessment',
        starts_on: '2026-11-16',
        person_id: ids.stranger,
        unit_id: UNITS.inpatient,
        responsible_account_id: colleague,
        due_on: '2026-11-30',
        limit_days: 10,
      })
      .execute();
  }
  const task =
    (await o
      .selectFrom('pathway_task')
      .select('id')
      .where('person_id', '=', ids.stranger)
      .where('completed_on', 'is', null)
      .orderBy('escalate_on', 'desc')
      .executeTakeFirst()) ??
    (await o
      .insertInto('pathway_task')
      .values({
        tenant_id: TSB,
        person_id: ids.stranger,
        episode_id: episode.id,
        kind: 're-engagement',
        assignee_account_id: colleague,
        assignee_organisation_id: TSB,
        unit_id: UNITS.inpatient,
        created_on: '2026-11-21',
        escalate_on: '2026-11-24',
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  const assessment =
    (await mine('assessment').executeTakeFirst()) ??
    (await o
      .insertInto('assessment')
      .values({
        tenant_id: TSB,
        person_id: ids.stranger,
        episode_id: episode.id,
        assessed_on: '2026-11-18',
        person_goals: 'Mål',
        person_resources: '',
        opioid_dependence: false,
        ratings: JSON.stringify(
          Object.fromEntries(
            [
              'withdrawal',
              'physical-health',
              'mental-health',
              'readiness',
              'relapse-risk',
              'recovery-environment',
            ].map((d) => [d, { now: 1, history: null, rationale: 'x' }]),
          ),
        ),
        recommended_level: 'outpatient',
        recommended_rule: 'lowest-effective-outpatient',
        drivers: [],
        chosen_level: 'outpatient',
        match: 'matched',
        match_reason: '',
        assessed_by: colleague,
        assessed_by_name: 'Kollega 1',
        recorded_at: new Date('2026-11-18T09:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  return { referralId: referral.id, episodeId: episode.id, taskId: task.id, assessmentId: assessment.id };
}

/** An in-progress response and an open feedback alert of the stranger's, written with the owner connection. */
async function strangerAnswers() {
  const o = t.db.owner;
  const colleague = (
    await o.selectFrom('account').select('id').where('username', '=', 'kollega1').executeTakeFirstOrThrow()
  ).id;
  const at = new Date('2026-11-20T09:00:00Z');
  const response = await o
    .insertInto('questionnaire_response')
    .values({
      tenant_id: TSB,
      person_id: ids.stranger,
      questionnaire_id: 'session-feedback',
      questionnaire_version: '1.0.0',
      status: 'in-progress',
      item: '[]',
      answered_by: 'staff',
      author_account_id: colleague,
      author_name: 'Kollega 1',
      started_at: at,
      authored_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const alert = await o
    .insertInto('feedback_alert')
    .values({
      tenant_id: TSB,
      person_id: ids.stranger,
      questionnaire_id: 'session-feedback',
      score_code: 'session-feedback',
      rule: 'low-feedback',
      finding: JSON.stringify({
        rule: 'low-feedback',
        scoreCode: 'session-feedback',
        values: { latest: 12, threshold: 15 },
        explanation: {
          key: 'alert.lowFeedback',
          params: { score: 'session-feedback', latest: 12, cutOff: 15 },
        },
      }),
      response_id: response.id,
      unit_id: UNITS.inpatient,
      assignee_account_id: colleague,
      raised_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const signal = await o
    .insertInto('signal')
    .values({
      tenant_id: TSB,
      person_id: ids.stranger,
      kind: 'lapse-reported',
      key: '2026-11-20',
      finding: JSON.stringify({
        kind: 'lapse-reported',
        key: '2026-11-20',
        checkinId: null,
        explanation: { key: 'signal.lapseReported', params: { day: '2026-11-20' } },
      }),
      unit_id: UNITS.inpatient,
      raised_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { responseId: response.id, alertId: alert.id, signalId: signal.id };
}

/** A crisis plan with one entry, a lapse and a network member of the stranger's, written with the owner connection. */
async function strangerPlan() {
  const o = t.db.owner;
  const colleague = (
    await o.selectFrom('account').select('id').where('username', '=', 'kollega1').executeTakeFirstOrThrow()
  ).id;
  const at = new Date('2026-11-20T09:00:00Z');
  const author = {
    tenant_id: TSB,
    person_id: ids.stranger,
    written_by: 'staff' as const,
    author_account_id: colleague,
    author_name: 'Kollega 1',
    author_role: 'clinician',
  };
  const crisis = await o
    .insertInto('care_plan')
    .values({
      tenant_id: TSB,
      person_id: ids.stranger,
      kind: 'crisis',
      version: 1,
      created_at: at,
      changed_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const entry = await o
    .insertInto('plan_entry')
    .values({
      ...author,
      plan_id: crisis.id,
      plan_kind: 'crisis',
      section: 'warning-sign',
      position: 1,
      text: 'Tegn',
      success_means: null,
      owner_account_id: null,
      due_on: null,
      evaluate_on: null,
      phone: null,
      contact_before_use: null,
      network_member_id: null,
      created_at: at,
      changed_at: at,
      retired_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const member = await o
    .insertInto('network_member')
    .values({
      ...author,
      name: 'Søster',
      relation: 'family',
      quality: 'supportive',
      crisis_role: '',
      phone: null,
      contact_consent: false,
      may_see: [],
      note: '',
      created_at: at,
      changed_at: at,
      removed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await o
    .insertInto('lapse')
    .values({
      ...author,
      occurred_on: '2026-11-19',
      situation: 'Situasjon',
      thoughts_feelings: '',
      what_happened: '',
      what_helped: '',
      plan_version: 0,
      recorded_at: at,
    })
    .execute();
  return { planId: crisis.id, entryId: entry.id, memberId: member.id };
}

/** Everything of the stranger's pathway a refused request could have changed. */
async function strangerPathwayFootprint() {
  const o = t.db.owner;
  const of = (table: 'referral' | 'episode' | 'pathway_event' | 'pathway_task' | 'assessment' | 'handover') =>
    o
      .selectFrom(table as 'episode')
      .selectAll()
      .where('person_id', '=', ids.stranger)
      .orderBy('id')
      .execute();
  return {
    referrals: await of('referral'),
    episodes: await of('episode'),
    events: await of('pathway_event'),
    tasks: await of('pathway_task'),
    assessments: await of('assessment'),
    handovers: await of('handover'),
    checklists: await o
      .selectFrom('discharge_checklist')
      .selectAll()
      .where('person_id', '=', ids.stranger)
      .execute(),
    consents: await o.selectFrom('consent').selectAll().where('person_id', '=', ids.stranger).execute(),
    relations: await o
      .selectFrom('care_relation')
      .selectAll()
      .where('person_id', '=', ids.stranger)
      .execute(),
    contacts: await o.selectFrom('contact').selectAll().where('person_id', '=', ids.stranger).execute(),
    journal: await o.selectFrom('journal_note').selectAll().where('person_id', '=', ids.stranger).execute(),
    responses: await o
      .selectFrom('questionnaire_response')
      .selectAll()
      .where('person_id', '=', ids.stranger)
      .execute(),
    alerts: await o.selectFrom('feedback_alert').selectAll().where('person_id', '=', ids.stranger).execute(),
    checkins: await o.selectFrom('checkin').selectAll().where('person_id', '=', ids.stranger).execute(),
    signals: await o.selectFrom('signal').selectAll().where('person_id', '=', ids.stranger).execute(),
    reminders: await o
      .selectFrom('checkin_reminder')
      .selectAll()
      .where('person_id', '=', ids.stranger)
      .execute(),
    // The person's plans (0006).
    plans: await o.selectFrom('care_plan').selectAll().where('person_id', '=', ids.stranger).execute(),
    planEntries: await o.selectFrom('plan_entry').selectAll().where('person_id', '=', ids.stranger).execute(),
    planComments: await o
      .selectFrom('plan_comment')
      .selectAll()
      .where('person_id', '=', ids.stranger)
      .execute(),
    planSignatures: await o
      .selectFrom('plan_signature')
      .selectAll()
      .where('person_id', '=', ids.stranger)
      .execute(),
    planChanges: await o
      .selectFrom('plan_change')
      .selectAll()
      .where('person_id', '=', ids.stranger)
      .execute(),
    lapses: await o.selectFrom('lapse').selectAll().where('person_id', '=', ids.stranger).execute(),
    network: await o.selectFrom('network_member').selectAll().where('person_id', '=', ids.stranger).execute(),
  };
}
after(() => t.close());

/** The stranger's row a sample's `:id` names. */
function sampleId(sample: Sample): string {
  switch (sample.id) {
    case undefined:
      return ids.stranger;
    case 'response':
      return answers.responseId;
    case 'signal':
      return answers.signalId;
    case 'plan':
      return plan.planId;
    case 'entry':
      return plan.entryId;
    case 'member':
      return plan.memberId;
    case 'consent':
      return '0f6b1c6e-7d0a-4c39-9a52-1a00000000c0';
    default:
      return pathway[`${sample.id}Id`];
  }
}

/** A route's sample request about the stranger; `:behandler` in a body is `self` when given (the actor). */
function sampleRequest(route: { method: string; url: string }, sample: Sample, token: string, self?: string) {
  const url =
    route.url
      .replace(':personId', ids.stranger)
      .replace(':referralId', pathway.referralId)
      .replace(':episodeId', pathway.episodeId)
      .replace(':taskId', pathway.taskId)
      .replace(':responseId', answers.responseId)
      .replace(':alertId', answers.alertId)
      .replace(':signalId', answers.signalId)
      .replace(':questionnaireId', 'ingen-slik')
      .replace(':kind', 'crisis')
      .replace(':entryId', plan.entryId)
      .replace(':memberId', plan.memberId)
      // The stranger has no consent (that is why they are a stranger): a made-up one is as good.
      .replace(':consentId', '0f6b1c6e-7d0a-4c39-9a52-1a00000000c0')
      .replace(':noteId', '0f6b1c6e-7d0a-4c39-9a52-1a00000000d0')
      // A made-up relative: need to know for the stranger refuses before the relative is looked for.
      .replace(':relativeId', '0f6b1c6e-7d0a-4c39-9a52-1a00000000e0')
      // A made-up contract: need to know for the stranger refuses before the contract is looked for.
      .replace(':contractId', '0f6b1c6e-7d0a-4c39-9a52-1a00000000f0')
      // A unit that exists: the sweep names no person, and a role it does not declare gets 403, not a 400.
      .replace(':unitId', UNITS.inpatient)
      .replace(':id', sampleId(sample)) +
    (sample.query ? `?${sample.query.replace(':personId', ids.stranger)}` : '');
  const body =
    sample.body &&
    JSON.parse(
      JSON.stringify(sample.body)
        .replaceAll(':kommune', ids.kommune)
        .replaceAll(':behandler', self ?? ids.behandler)
        .replaceAll(':personId', ids.stranger),
    );
  return t.app.inject({
    method: route.method as 'GET',
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(body ? { payload: body } : {}),
  });
}

/** One login per account: an administrator's one-time code is refused if used twice. */
async function tokenFor(username: string) {
  let token = tokens.get(username);
  if (!token) {
    token = await (username === 'admin'
      ? t.login('admin', totpCode(DEMO_ADMIN_TOTP, TEST_NOW))
      : t.login(username));
    tokens.set(username, token);
  }
  return token;
}

describe('need to know, generated from the route table', () => {
  it('covers every route', () => {
    const routes = t.app.routeTable.filter(
      (r) => !r.public && (r.url.startsWith('/api/') || r.url.startsWith('/fhir')),
    );
    const missing = routes.map((r) => `${r.method} ${r.url}`).filter((k) => !SAMPLES[k] && !SEPARATE.has(k));
    assert.deepEqual(missing, [], 'add a sample request for each new route');
    assert.ok(routes.length >= 12);
  });

  for (const account of DEMO_ACCOUNTS) {
    it(`keeps ${account.username} (${account.role}) away from a person outside their reach`, async () => {
      // Logout would end the session the loop uses; it touches no person, and is covered in auth tests.
      const routes = t.app.routeTable.filter(
        (r) => !r.public && SAMPLES[`${r.method} ${r.url}`] && !r.url.endsWith('/logout'),
      );
      for (const route of routes) {
        const token = await tokenFor(account.username);
        const sample = SAMPLES[`${route.method} ${route.url}`]!;
        const res = await sampleRequest(route, sample, token);
        const where = `${account.username} ${route.method} ${route.url} → ${res.statusCode}`;
        // A role the route does not declare is refused before any work (access/declared-access.ts).
        if (route.access && !route.access.roles.includes(account.role as Role))
          assert.equal(res.statusCode, 403, `${where}: the route does not declare this role`);
        if (sample.noPerson) assert.ok(res.statusCode < 500, where);
        else if (sample.list || sample.auditedBy === account.role)
          assert.ok(res.statusCode === 200 || res.statusCode === 403, where);
        else assert.ok(res.statusCode === 403 || res.statusCode === 404, where);
        // An access log names the id the caller asked about; nothing else of the person may appear.
        const words = sample.auditedBy === account.role ? strangerWords.slice(1) : strangerWords;
        for (const word of words) assert.ok(!res.body.includes(word), `${where} leaked the person`);
      }
    });
  }

  it('writes nothing for the refused requests', async () => {
    const ratings = await t.db.owner
      .selectFrom('living_condition_rating')
      .select('id')
      .where('person_id', '=', ids.stranger)
      .where('note', '=', 'n')
      .execute();
    assert.equal(ratings.length, 0);
    const about = await t.db.owner
      .selectFrom('person')
      .select('about_me')
      .where('id', '=', ids.stranger)
      .executeTakeFirstOrThrow();
    assert.notEqual(about.about_me, 'x');
    assert.deepEqual(await strangerPathwayFootprint(), pathwayBefore);
  });

  it('still lets the care team in (the test above is not trivially true)', async () => {
    const token = await t.login('behandler');
    const res = await t.app.inject({
      url: `/api/persons/${ids.pasient}`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.statusCode, 200);
    const kommune = await t.login('kommune');
    const viaConsent = await t.app.inject({
      url: `/api/persons/${ids.pasient}`,
      headers: { authorization: `Bearer ${kommune}` },
    });
    assert.equal(viaConsent.statusCode, 200);
    assert.equal(viaConsent.json().access.viaConsent, true);
  });
});

describe('break-glass', () => {
  it('opens time-limited access with a reason, flagged to the unit leader and in the access log', async () => {
    const token = await t.login('behandler');
    const headers = { authorization: `Bearer ${token}` };
    const short = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${ids.stranger}/break-glass`,
      headers,
      payload: { reason: 'akutt' },
    });
    assert.equal(short.statusCode, 400);
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${ids.stranger}/break-glass`,
      headers,
      payload: { reason: 'Innlagt akutt på kveldstid, trenger oversikt' },
    });
    assert.equal(opened.statusCode, 201);
    for (const word of strangerWords.slice(1)) assert.ok(!opened.body.includes(word));
    const read = await t.app.inject({ url: `/api/persons/${ids.stranger}`, headers });
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().access.basis, 'break-glass');

    const leader = { authorization: `Bearer ${await t.login('leder')}` };
    const flagged = await t.app.inject({ url: '/api/break-glass', headers: leader });
    const event = flagged.json().events.find((e: { person: { id: string } }) => e.person.id === ids.stranger);
    assert.equal(event.reason, 'Innlagt akutt på kveldstid, trenger oversikt');
    assert.equal(event.staffName, 'Bjørn Behandler');
    const reviewed = await t.app.inject({
      method: 'POST',
      url: `/api/break-glass/${event.id}/review`,
      headers: leader,
      payload: { note: 'Begrunnet' },
    });
    assert.equal(reviewed.statusCode, 200);

    const audit = await t.db.owner
      .selectFrom('audit_event')
      .select(['action', 'break_glass_reason'])
      .where('person_id', '=', ids.stranger)
      .where('resource_type', '=', 'PersonOverview')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.break_glass_reason, 'Innlagt akutt på kveldstid, trenger oversikt');
  });

  it('is refused across organisations and to peers and patients', async () => {
    for (const username of ['kommune', 'likeperson', 'pasient']) {
      const token = await t.login(username);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/persons/${ids.stranger}/break-glass`,
        headers: { authorization: `Bearer ${token}` },
        payload: { reason: 'Jeg vil bare se litt i journalen' },
      });
      assert.ok(res.statusCode === 403 || res.statusCode === 404, `${username}: ${res.statusCode}`);
    }
  });
});

/** A new account of the stranger's organisation, with no care relation to anyone. */
async function newStaff(username: string, role: 'clinician' | 'milieu' | 'leader') {
  const row = await t.db.owner
    .insertInto('account')
    .values({
      tenant_id: TSB,
      username,
      display_name: `Nødtilgang ${role}`,
      role,
      unit_id: UNITS.outpatient,
      person_id: null,
      password_hash: await hashPassword(DEMO_PASSWORD),
      totp_secret: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token: await t.login(username) };
}

async function breakGlass(token: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/persons/${ids.stranger}/break-glass`,
    headers: { authorization: `Bearer ${token}` },
    payload: { reason: 'Innlagt akutt på kveldstid, trenger oversikt' },
  });
  assert.equal(res.statusCode, 201, res.body);
}

// Break-glass may read and record what emergency care needs, never widen access (docs/user-guide.md).
describe('break-glass, generated from the route table', () => {
  const writes = () =>
    t.app.routeTable.filter((r) => {
      const sample = SAMPLES[`${r.method} ${r.url}`];
      return r.method !== 'GET' && sample && !sample.noPerson && !r.url.endsWith('/logout');
    });

  it('does not let a clinician make themself responsible, so the access ends with the break-glass', async () => {
    const me = await newStaff('glass-ansvarlig', 'clinician');
    const headers = { authorization: `Bearer ${me.token}` };
    const person = `/api/persons/${ids.stranger}`;
    assert.equal((await t.app.inject({ url: person, headers })).statusCode, 403);
    await breakGlass(me.token);
    assert.equal((await t.app.inject({ url: person, headers })).json().access.basis, 'break-glass');
    const res = await t.app.inject({
      method: 'PUT',
      url: `${person}/episodes/${pathway.episodeId}/responsible`,
      headers,
      payload: { accountId: me.id },
    });
    assert.equal(res.statusCode, 403, res.body);
    assert.deepEqual(res.json(), {
      error: {
        code: 'break_glass_limited',
        message:
          'Nødtilgang gir bare rett til å lese og registrere det akutt helsehjelp trenger. Du kan ikke endre hvem som har tilgang.',
        details: [],
      },
    });
    await t.db.owner
      .updateTable('break_glass')
      .set({ expires_at: TEST_NOW })
      .where('account_id', '=', me.id)
      .execute();
    assert.equal((await t.app.inject({ url: person, headers })).statusCode, 403);
  });

  it('refuses every write not declared as emergency recording, for each role that may break the glass, and writes nothing', async () => {
    const everything = async () => ({
      pathway: await strangerPathwayFootprint(),
      person: await t.db.owner.selectFrom('person').selectAll().where('id', '=', ids.stranger).execute(),
      ratings: await t.db.owner
        .selectFrom('living_condition_rating')
        .selectAll()
        .where('person_id', '=', ids.stranger)
        .execute(),
    });
    const before = await everything();
    for (const role of ['clinician', 'milieu', 'leader'] as const) {
      const me = await newStaff(`glass-${role}`, role);
      await breakGlass(me.token);
      for (const route of writes().filter((r) => !EMERGENCY_RECORDS.has(`${r.method} ${r.url}`))) {
        const key = `${route.method} ${route.url}`;
        const res = await sampleRequest(route, SAMPLES[key]!, me.token, me.id);
        // A leader reviews break-glass by role, not through access to the record: the sample's id is none.
        const refused = key === 'POST /api/break-glass/:id/review' ? [403, 404] : [403];
        assert.ok(refused.includes(res.statusCode), `${role} ${key}: ${res.statusCode} ${res.body}`);
      }
    }
    assert.deepEqual(await everything(), before);
  });

  it('lets break-glass read, and make the writes declared as emergency recording', async () => {
    const me = await newStaff('glass-akutt', 'clinician');
    await breakGlass(me.token);
    const keys = t.app.routeTable.map((r) => `${r.method} ${r.url}`);
    for (const key of EMERGENCY_RECORDS) assert.ok(keys.includes(key), `${key} is no route`);
    for (const route of t.app.routeTable) {
      const sample = SAMPLES[`${route.method} ${route.url}`];
      if (!sample || sample.noPerson || sample.list || sample.auditedBy) continue;
      if (route.method !== 'GET' && !EMERGENCY_RECORDS.has(`${route.method} ${route.url}`)) continue;
      // Break-glass opens a person's record, not a route the role never has (the person's own, e.g. shared-notes).
      if (route.access && !route.access.roles.includes('clinician')) continue;
      const res = await sampleRequest(route, sample, me.token, me.id);
      // A 403 break_glass_limited on a read: the request's use was not noted (record-use.ts).
      assert.ok(res.statusCode !== 403 && res.statusCode < 500, `${route.method} ${route.url}: ${res.body}`);
      if (route.method !== 'GET')
        assert.ok(res.statusCode < 300, `${route.method} ${route.url}: ${res.body}`);
    }
  });
});

describe('registering a referral', () => {
  // The referral names the person as the record does (another birth date or family name is refused).
  const referral = (nationalId: string) => ({
    person: { nationalId, givenName: 'x', ...strangerDetails, gender: 'unknown' },
    unitId: UNITS.outpatient,
    referrer: { kind: 'gp', name: 'Fastlege' },
    receivedOn: '2026-11-20',
  });

  it('is refused to every role but leader and clinician, and writes nothing', async () => {
    const before = await strangerPathwayFootprint();
    for (const account of DEMO_ACCOUNTS.filter((a) => a.role !== 'leader' && a.role !== 'clinician')) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/referrals',
        headers: { authorization: `Bearer ${await tokenFor(account.username)}` },
        payload: referral(strangerNationalId),
      });
      assert.equal(res.statusCode, 403, `${account.username}: ${res.body}`);
      for (const word of strangerWords) assert.ok(!res.body.includes(word), `${account.username} leaked`);
    }
    assert.deepEqual(await strangerPathwayFootprint(), before);
  });

  it('does not make a clinician who broke the glass for the person part of the team', async () => {
    const me = await newStaff('glass-henvisning', 'clinician');
    await breakGlass(me.token);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { authorization: `Bearer ${me.token}` },
      payload: referral(strangerNationalId),
    });
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().error.code, 'break_glass_limited');
    const relations = await t.db.owner
      .selectFrom('care_relation')
      .select('id')
      .where('account_id', '=', me.id)
      .execute();
    assert.deepEqual(relations, []);
  });

  it("makes a clinician who registers a referral for the person's national id part of the team, audited", async () => {
    // A clinician of our own: behandler has broken the glass for the stranger above.
    const o = t.db.owner;
    const clinician = await o
      .insertInto('account')
      .values({
        tenant_id: TSB,
        username: 'behandler-henvisning',
        display_name: 'Hanne Henvisning',
        role: 'clinician',
        unit_id: UNITS.outpatient,
        person_id: null,
        password_hash: await hashPassword(DEMO_PASSWORD),
        totp_secret: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const headers = { authorization: `Bearer ${await t.login('behandler-henvisning')}` };
    const refused = await t.app.inject({ url: `/api/persons/${ids.stranger}`, headers });
    assert.equal(refused.statusCode, 403, 'no need to know before the referral');

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers,
      payload: referral(strangerNationalId),
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().personId, ids.stranger);
    assert.equal(res.json().personExisted, true);
    const read = await t.app.inject({ url: `/api/persons/${ids.stranger}`, headers });
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().access.basis, 'care-relation');
    // The ids the generated test used are the stranger's: now reachable, they are on the pathway.
    const mine = await t.app.inject({ url: `/api/persons/${ids.stranger}/pathway`, headers });
    assert.equal(mine.statusCode, 200, mine.body);
    const episodes: { id: string; referral: { id: string } | null; tasks: { id: string }[] }[] =
      mine.json().episodes;
    assert.ok(episodes.some((e) => e.id === pathway.episodeId));
    assert.ok(episodes.some((e) => e.referral?.id === pathway.referralId));
    assert.ok(episodes.some((e) => e.tasks.some((x) => x.id === pathway.taskId)));
    const audit = await o
      .selectFrom('audit_event')
      .select(['action', 'resource_id'])
      .where('person_id', '=', ids.stranger)
      .where('resource_type', '=', 'Referral')
      .where('actor_account_id', '=', clinician.id)
      .execute();
    assert.deepEqual(audit, [{ action: 'create', resource_id: res.json().referralId }]);
  });
});
