import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestApp, testApp } from '../testing/test-app.ts';

/**
 * Every /api route speaks the contract (packages/contract, docs/architecture.md): it declares the answer
 * it gives on success, which tests check each answer against (response-check.ts), and every route
 * behind a login declares who may call it (access/declared-access.ts). Read from the route table, so a
 * new route cannot slip past. The lists below are what is not yet declared: they only shrink.
 */
const NO_RESPONSE_YET = new Set<string>([
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'GET /api/persons',
  'GET /api/persons/:personId',
  'PUT /api/persons/:personId/about',
  'GET /api/persons/:personId/ratings',
  'POST /api/persons/:personId/ratings',
  'GET /api/persons/:personId/access-log',
  'POST /api/persons/:personId/break-glass',
  'GET /api/break-glass',
  'POST /api/break-glass/:id/review',
  'POST /api/referrals',
  'POST /api/persons/:personId/referrals/:referralId/assessment',
  'GET /api/persons/:personId/pathway',
  'POST /api/persons/:personId/episodes/:episodeId/events',
  'POST /api/persons/:personId/episodes/:episodeId/assessments',
  'PUT /api/persons/:personId/episodes/:episodeId/discharge-checklist',
  'POST /api/persons/:personId/episodes/:episodeId/handover',
  'PUT /api/persons/:personId/episodes/:episodeId/responsible',
  'GET /api/tasks',
  'POST /api/tasks/:taskId/complete',
  'GET /api/deadlines',
  'GET /api/units',
  'GET /api/staff',
  'GET /api/questionnaires',
  'GET /api/questionnaires/:questionnaireId',
  'POST /api/admin/questionnaires',
  'PUT /api/admin/questionnaires/:questionnaireId/settings',
  'GET /api/admin/feedback-rules',
  'PUT /api/admin/feedback-rules',
  'GET /api/persons/:personId/contacts',
  'POST /api/persons/:personId/contacts',
  'GET /api/persons/:personId/questionnaires',
  'GET /api/persons/:personId/responses/:responseId',
  'POST /api/persons/:personId/responses',
  'PUT /api/persons/:personId/responses/:responseId',
  'GET /api/persons/:personId/trajectories',
  'GET /api/feedback-alerts',
  'GET /api/persons/:personId/feedback-alerts',
  'POST /api/feedback-alerts/:alertId/acknowledge',
  'GET /api/persons/:personId/plans',
  'POST /api/persons/:personId/plans/:kind/entries',
  'PUT /api/persons/:personId/plans/:kind/entries/:entryId',
  'POST /api/persons/:personId/plans/:kind/entries/:entryId/comments',
  'POST /api/persons/:personId/plans/:kind/signatures',
  'PUT /api/persons/:personId/plans/:kind/review-date',
  'GET /api/persons/:personId/plans/:kind/history',
  'GET /api/persons/:personId/lapses',
  'POST /api/persons/:personId/lapses',
  'GET /api/persons/:personId/network',
  'POST /api/persons/:personId/network',
  'PUT /api/persons/:personId/network/:memberId',
  'GET /api/persons/:personId/promises',
  'POST /api/persons/:personId/promises',
  'PUT /api/persons/:personId/consents/:consentId/plan-parts',
  'GET /api/persons/:personId/checkin',
  'POST /api/persons/:personId/checkins',
  'GET /api/persons/:personId/checkins',
  'PUT /api/persons/:personId/checkin-reminder',
  'GET /api/signals',
  'GET /api/persons/:personId/signals',
  'POST /api/signals/:signalId/acknowledge',
  'POST /api/units/:unitId/signal-sweep',
  'GET /api/admin/signal-rules',
  'PUT /api/admin/signal-rules',
  'POST /api/persons/:personId/help-requests',
  'GET /api/persons/:personId/consents',
  'GET /api/persons/:personId/export.pdf',
]);
const NO_ACCESS_YET = new Set<string>([
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'GET /api/persons',
  'GET /api/persons/:personId',
  'PUT /api/persons/:personId/about',
  'GET /api/persons/:personId/ratings',
  'POST /api/persons/:personId/ratings',
  'GET /api/persons/:personId/access-log',
  'POST /api/persons/:personId/break-glass',
  'GET /api/break-glass',
  'POST /api/break-glass/:id/review',
  'POST /api/referrals',
  'POST /api/persons/:personId/referrals/:referralId/assessment',
  'GET /api/persons/:personId/pathway',
  'POST /api/persons/:personId/episodes/:episodeId/events',
  'POST /api/persons/:personId/episodes/:episodeId/assessments',
  'PUT /api/persons/:personId/episodes/:episodeId/discharge-checklist',
  'POST /api/persons/:personId/episodes/:episodeId/handover',
  'PUT /api/persons/:personId/episodes/:episodeId/responsible',
  'GET /api/tasks',
  'POST /api/tasks/:taskId/complete',
  'GET /api/deadlines',
  'GET /api/units',
  'GET /api/staff',
  'GET /api/questionnaires',
  'GET /api/questionnaires/:questionnaireId',
  'POST /api/admin/questionnaires',
  'PUT /api/admin/questionnaires/:questionnaireId/settings',
  'GET /api/admin/feedback-rules',
  'PUT /api/admin/feedback-rules',
  'GET /api/persons/:personId/contacts',
  'POST /api/persons/:personId/contacts',
  'GET /api/persons/:personId/questionnaires',
  'GET /api/persons/:personId/responses/:responseId',
  'POST /api/persons/:personId/responses',
  'PUT /api/persons/:personId/responses/:responseId',
  'GET /api/persons/:personId/trajectories',
  'GET /api/feedback-alerts',
  'GET /api/persons/:personId/feedback-alerts',
  'POST /api/feedback-alerts/:alertId/acknowledge',
  'GET /api/persons/:personId/plans',
  'POST /api/persons/:personId/plans/:kind/entries',
  'PUT /api/persons/:personId/plans/:kind/entries/:entryId',
  'POST /api/persons/:personId/plans/:kind/entries/:entryId/comments',
  'POST /api/persons/:personId/plans/:kind/signatures',
  'PUT /api/persons/:personId/plans/:kind/review-date',
  'GET /api/persons/:personId/plans/:kind/history',
  'GET /api/persons/:personId/lapses',
  'POST /api/persons/:personId/lapses',
  'GET /api/persons/:personId/network',
  'POST /api/persons/:personId/network',
  'PUT /api/persons/:personId/network/:memberId',
  'GET /api/persons/:personId/promises',
  'POST /api/persons/:personId/promises',
  'PUT /api/persons/:personId/consents/:consentId/plan-parts',
  'GET /api/persons/:personId/checkin',
  'POST /api/persons/:personId/checkins',
  'GET /api/persons/:personId/checkins',
  'PUT /api/persons/:personId/checkin-reminder',
  'GET /api/signals',
  'GET /api/persons/:personId/signals',
  'POST /api/signals/:signalId/acknowledge',
  'POST /api/units/:unitId/signal-sweep',
  'GET /api/admin/signal-rules',
  'PUT /api/admin/signal-rules',
  'POST /api/persons/:personId/help-requests',
  'GET /api/persons/:personId/consents',
  'GET /api/persons/:personId/export.pdf',
  'GET /fhir/Patient/:id',
  'GET /fhir/Patient',
  'GET /fhir/AuditEvent',
  'GET /fhir/Observation',
  'GET /fhir/ServiceRequest/:id',
  'GET /fhir/ServiceRequest',
  'GET /fhir/ClinicalImpression/:id',
  'GET /fhir/ClinicalImpression',
  'GET /fhir/EpisodeOfCare/:id',
  'GET /fhir/EpisodeOfCare',
  'GET /fhir/Task/:id',
  'GET /fhir/Task',
  'GET /fhir/Questionnaire/:id',
  'GET /fhir/Questionnaire',
  'GET /fhir/QuestionnaireResponse/:id',
  'GET /fhir/QuestionnaireResponse',
  'POST /fhir/QuestionnaireResponse',
  'GET /fhir/CarePlan/:id',
  'GET /fhir/Goal/:id',
  'GET /fhir/Goal',
  'GET /fhir/RelatedPerson/:id',
  'GET /fhir/RelatedPerson',
  'GET /fhir/Consent/:id',
  'GET /fhir/Consent',
  'GET /fhir/CarePlan',
  'GET /fhir/Flag',
  'GET /fhir/Flag/:id',
  'GET /fhir/Patient/:id/$everything',
]);

let t: TestApp;
before(async () => {
  t = await testApp({ persons: 5, demoPlans: false, demoCheckins: false });
});
after(() => t.close());

const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
const name = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe('the contract, from the route table', () => {
  it('gives every /api route a response schema', () => {
    const missing = apiRoutes()
      .filter((r) => !r.declaresResponse && !NO_RESPONSE_YET.has(name(r)))
      .map(name);
    assert.deepEqual(missing, [], 'declare the response schema of these routes in packages/contract');
    const stale = [...NO_RESPONSE_YET].filter((k) =>
      apiRoutes().some((r) => name(r) === k && r.declaresResponse),
    );
    assert.deepEqual(stale, [], 'these routes now declare their response: take them out of NO_RESPONSE_YET');
  });

  it('has every route behind a login declare who may call it', () => {
    const routes = t.app.routeTable.filter((r) => !r.public);
    const missing = routes.filter((r) => !r.access && !NO_ACCESS_YET.has(name(r))).map(name);
    assert.deepEqual(missing, [], 'declare config.access on these routes');
    const stale = [...NO_ACCESS_YET].filter((k) => routes.some((r) => name(r) === k && r.access));
    assert.deepEqual(stale, [], 'these routes now declare their access: take them out of NO_ACCESS_YET');
  });
});
