/**
 * API setup commands for the pathway specs (as OpenMRS's e2e does): build a person's pathway over HTTP
 * with a bearer token, so that a spec starts from the state it tests. What the specs assert is done
 * in the browser; these only prepare.
 */

const osloDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day `n` days before today in Norway (the server counts deadlines in Oslo days). */
export function daysAgo(n: number): string {
  const today = osloDay.format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

export const DEMO_UNITS = {
  outpatient: '0f6b1c6e-7d0a-4c39-9a52-1a00000000a2',
  inpatient: '0f6b1c6e-7d0a-4c39-9a52-1a00000000a1',
};

const Dimensions = [
  'withdrawal',
  'physical-health',
  'mental-health',
  'readiness',
  'relapse-risk',
  'recovery-environment',
] as const;

/** Six ratings "now" in the order withdrawal, physical, mental, readiness, relapse risk, environment. */
export function ratings(now: [number, number, number, number, number, number]) {
  return Object.fromEntries(
    Dimensions.map((d, i) => [d, { now: now[i], rationale: `Vurdert sammen (${d})` }]),
  );
}

/** A synthetic 11-digit national id, unique per call (never a real person's). */
let serial = 0;
export function syntheticNationalId(): string {
  serial += 1;
  const n = (Date.now() % 1_000_000) * 100 + serial;
  return `9${String(n).padStart(10, '0')}`.slice(0, 11);
}

export class PathwayApi {
  readonly baseUrl: string;
  readonly token: string;

  constructor(baseUrl: string, token: string) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  static async login(baseUrl: string, username: string, password = 'bedring-demo'): Promise<PathwayApi> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    return new PathwayApi(baseUrl, token);
  }

  async request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Registers a referral (a new person, or a new episode for one already known by national id). */
  referral(o: {
    nationalId: string;
    givenName: string;
    familyName: string;
    receivedOn: string;
    unitId?: string;
    checklist?: Record<string, boolean>;
  }) {
    return this.request<{ personId: string; referralId: string; episodeId: string }>(
      'POST',
      '/api/referrals',
      {
        person: {
          nationalId: o.nationalId,
          givenName: o.givenName,
          familyName: o.familyName,
          birthDate: '1985-04-12',
          gender: 'unknown',
        },
        unitId: o.unitId ?? DEMO_UNITS.outpatient,
        referrer: { kind: 'gp', name: 'Fastlege Synt Etisk', organisation: 'Fjordvik legesenter' },
        receivedOn: o.receivedOn,
        reason: 'Ønsker hjelp med alkohol og søvn.',
        checklist: o.checklist ?? { 'own-participation': true, 'substance-use': true, 'mental-health': true },
        coordinator: { name: 'Kari Koordinator', contact: 'tlf 400 00 000' },
      },
    );
  }

  assessReferral(personId: string, referralId: string, assessedOn: string, deadline: string) {
    return this.request('POST', `/api/persons/${personId}/referrals/${referralId}/assessment`, {
      assessedOn,
      outcome: 'right-to-treatment',
      treatmentStartDeadline: deadline,
      letterToPersonOn: assessedOn,
      letterToReferrerOn: assessedOn,
    });
  }

  event(personId: string, episodeId: string, body: Record<string, unknown>) {
    return this.request<{ state: string; warnings: unknown[]; taskId: string | null }>(
      'POST',
      `/api/persons/${personId}/episodes/${episodeId}/events`,
      body,
    );
  }

  assessment(personId: string, episodeId: string, body: Record<string, unknown>) {
    return this.request('POST', `/api/persons/${personId}/episodes/${episodeId}/assessments`, body);
  }

  checklist(personId: string, episodeId: string, body: Record<string, unknown>) {
    return this.request('PUT', `/api/persons/${personId}/episodes/${episodeId}/discharge-checklist`, body);
  }

  async municipalWorker(username = 'kommune'): Promise<string> {
    const names: Record<string, string> = { kommune: 'Kim Kommune' };
    const { staff } = await this.request<{ staff: { id: string; name: string }[] }>(
      'GET',
      '/api/staff?role=municipal',
    );
    const found = staff.find((s) => s.name === names[username]);
    if (!found) throw new Error(`no municipal worker ${username}`);
    return found.id;
  }

  handover(personId: string, episodeId: string, body: Record<string, unknown>) {
    return this.request<{ id: string; taskId: string }>(
      'POST',
      `/api/persons/${personId}/episodes/${episodeId}/handover`,
      body,
    );
  }

  completeTask(taskId: string, outcome: string, date: string) {
    return this.request<{ episodeId: string | null }>('POST', `/api/tasks/${taskId}/complete`, {
      outcome,
      date,
    });
  }
}

const allYes = {
  'own-housing': { answer: 'yes' },
  'named-municipal-professional': { answer: 'yes' },
  'meaningful-activity-offered': { answer: 'yes' },
  'network-help-offered': { answer: 'yes', note: 'Likepersonsgruppe på tirsdager' },
  'relapse-prevention-plan-reviewed': { answer: 'yes' },
  'crisis-plan-need-assessed': { answer: 'yes' },
  'children-and-relatives-asked': { answer: 'yes' },
  'person-and-relatives-know-where-to-turn': { answer: 'yes' },
  'risk-assessments-done': { answer: 'yes' },
  'risk-assessments-shared': { answer: 'not-relevant' },
};

/**
 * A long pathway across three years: a first episode that ended with interrupted treatment, a new round
 * (re-admission) with detox then inpatient care, discharge, handover and municipal follow-up, and a third
 * episode from a new referral that is in treatment now.
 */
export async function seedLongPathway(
  clinician: PathwayApi,
  municipal: PathwayApi,
  person: { nationalId: string; givenName: string; familyName: string },
) {
  const first = await clinician.referral({ ...person, receivedOn: daysAgo(1100) });
  const { personId } = first;
  const e1 = first.episodeId;
  await clinician.assessReferral(personId, first.referralId, daysAgo(1093), daysAgo(1050));
  await clinician.event(personId, e1, {
    kind: 'first-attendance',
    date: daysAgo(1060),
    setting: 'outpatient',
  });
  await clinician.assessment(personId, e1, {
    assessedOn: daysAgo(1058),
    personGoals: 'Sove bedre og klare jobben',
    ratings: ratings([1, 1, 2, 2, 2, 1]),
    opioidDependence: false,
    chosenLevel: 'day',
  });
  await clinician.event(personId, e1, { kind: 'clinical-decision', date: daysAgo(1045) });
  await clinician.event(personId, e1, { kind: 'evaluation', date: daysAgo(985), withPerson: true });
  const ended = await clinician.event(personId, e1, {
    kind: 'ended',
    date: daysAgo(900),
    outcome: 'drop-out',
  });
  if (!ended.taskId) throw new Error('a drop-out makes a re-engagement task');
  const again = await clinician.completeTask(ended.taskId, 'new-round', daysAgo(820));
  const e2 = again.episodeId;
  if (!e2) throw new Error('a new round opens an episode');
  await clinician.event(personId, e2, { kind: 'first-attendance', date: daysAgo(800), setting: 'detox' });
  await clinician.event(personId, e2, { kind: 'round-ended', date: daysAgo(790) });
  await clinician.event(personId, e2, { kind: 'round-started', date: daysAgo(789), setting: 'inpatient' });
  await clinician.event(personId, e2, { kind: 'clinical-decision', date: daysAgo(780) });
  await clinician.event(personId, e2, {
    kind: 'evaluation',
    date: daysAgo(730),
    withPerson: true,
    feedbackToolUsed: true,
  });
  await clinician.checklist(personId, e2, { items: allYes, helpNeeded: 'municipal' });
  await clinician.event(personId, e2, { kind: 'discharged', date: daysAgo(700) });
  const handover = await clinician.handover(personId, e2, {
    municipalAccountId: await clinician.municipalWorker(),
    handedOverOn: daysAgo(700),
    summary: 'Har fullført døgnbehandling og vil bo hjemme.',
    followUpPlan: 'Hjemmebesøk hver uke de første to månedene.',
    consent: { givenOn: daysAgo(701) },
  });
  await municipal.completeTask(handover.taskId, 'first-contact', daysAgo(693));
  await clinician.event(personId, e2, { kind: 'ended', date: daysAgo(420), outcome: 'planned' });
  const third = await clinician.referral({ ...person, receivedOn: daysAgo(120) });
  await clinician.assessReferral(personId, third.referralId, daysAgo(113), daysAgo(60));
  await clinician.event(personId, third.episodeId, {
    kind: 'first-attendance',
    date: daysAgo(70),
    setting: 'day',
  });
  return { personId, episodes: [e1, e2, third.episodeId] };
}
