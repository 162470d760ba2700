import { daysAgo, PathwayApi, syntheticNationalId } from './pathway.api.ts';

/**
 * API setup for the plan specs: who the demo patient is, a person handed over to the municipality
 * under a consent that names none of the plans, and plan entries written over HTTP.
 */

/** Logs in and also returns the person the login belongs to (a patient's own record). */
export async function loginWithPerson(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'bedring-demo' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const body = (await res.json()) as { token: string; user: { personId: string | null } };
  return { api: new PathwayApi(baseUrl, body.token), personId: body.user.personId };
}

const checklistAllYes = {
  'own-housing': { answer: 'yes' },
  'named-municipal-professional': { answer: 'yes' },
  'meaningful-activity-offered': { answer: 'yes' },
  'network-help-offered': { answer: 'yes' },
  'relapse-prevention-plan-reviewed': { answer: 'yes' },
  'crisis-plan-need-assessed': { answer: 'yes' },
  'children-and-relatives-asked': { answer: 'yes' },
  'person-and-relatives-know-where-to-turn': { answer: 'yes' },
  'risk-assessments-done': { answer: 'yes' },
  'risk-assessments-shared': { answer: 'not-relevant' },
};

/**
 * A person treated by behandler, discharged and handed over to kommune with a consent recorded at
 * the handover — which opens the record for follow-up but none of the plans (ADR 0006).
 */
export async function handedOverWithoutPlanConsent(clinician: PathwayApi, givenName: string) {
  const r = await clinician.referral({
    nationalId: syntheticNationalId(),
    givenName,
    familyName: 'Plansen',
    receivedOn: daysAgo(60),
  });
  await clinician.assessReferral(r.personId, r.referralId, daysAgo(55), daysAgo(30));
  await clinician.event(r.personId, r.episodeId, {
    kind: 'first-attendance',
    date: daysAgo(40),
    setting: 'outpatient',
  });
  await clinician.checklist(r.personId, r.episodeId, { items: checklistAllYes, helpNeeded: 'municipal' });
  await clinician.event(r.personId, r.episodeId, { kind: 'discharged', date: daysAgo(3) });
  await clinician.handover(r.personId, r.episodeId, {
    municipalAccountId: await clinician.municipalWorker(),
    handedOverOn: daysAgo(2),
    summary: 'Bor hjemme og vil ha oppfølging.',
    followUpPlan: 'Hjemmebesøk hver uke.',
    consent: { givenOn: daysAgo(3) },
  });
  return { personId: r.personId, name: `${givenName} Plansen` };
}

export function addEntry(api: PathwayApi, personId: string, kind: string, body: Record<string, unknown>) {
  return api.request<{ id: string; planVersion: number }>(
    'POST',
    `/api/persons/${personId}/plans/${kind}/entries`,
    body,
  );
}
