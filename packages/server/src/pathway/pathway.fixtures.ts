import assert from 'node:assert/strict';
import { UNITS } from '../demo/demo.ts';
import { expectStatus, type Headers, send } from '../testing/requests.ts';
import type { TestApp } from '../testing/test-app.ts';

// What the pathway API tests share: registering a referral and moving an episode on over HTTP, and
// reading what was written with the owner connection; logging in and sending are testing/requests.ts.
// Dates are fixed; "today" is the Oslo date of TEST_NOW (2026-11-22), never the wall clock.

/** Synthetic national ids: month 01 never occurs in the demo's synthetic ids (months 81–92). */
let serial = 0;
export function nationalId(): string {
  serial += 1;
  return `010170${String(serial).padStart(5, '0')}`;
}

export function referralBody(overrides: Record<string, unknown> = {}) {
  return {
    person: {
      nationalId: nationalId(),
      givenName: 'Test',
      familyName: 'Forløp',
      birthDate: '1970-01-01',
      gender: 'unknown',
    },
    unitId: UNITS.outpatient,
    referrer: { kind: 'gp', name: 'Fastlege Synt', organisation: 'Legekontoret' },
    receivedOn: '2026-09-01',
    ...overrides,
  };
}

export interface Ref {
  personId: string;
  referralId: string;
  episodeId: string;
  /** /api/persons/:personId */
  person: string;
  /** /api/persons/:personId/episodes/:episodeId */
  episode: string;
}

export async function registerReferral(
  t: TestApp,
  headers: Headers,
  overrides: Record<string, unknown> = {},
): Promise<Ref> {
  const res = await send(t, 'POST', '/api/referrals', headers, referralBody(overrides));
  assert.equal(res.statusCode, 201, res.body);
  const { personId, referralId, episodeId } = res.json();
  const person = `/api/persons/${personId}`;
  return { personId, referralId, episodeId, person, episode: `${person}/episodes/${episodeId}` };
}

export function assessReferral(t: TestApp, headers: Headers, ref: Ref, body: Record<string, unknown>) {
  return send(t, 'POST', `${ref.person}/referrals/${ref.referralId}/assessment`, headers, body);
}

export function recordEvent(t: TestApp, headers: Headers, ref: Ref, body: Record<string, unknown>) {
  return send(t, 'POST', `${ref.episode}/events`, headers, body);
}

/**
 * A referral received on `receivedOn`, assessed (treatment without right) on `assessedOn`, with the first
 * attendance on `firstOn` in `setting`: an episode in treatment.
 */
export async function inTreatment(
  t: TestApp,
  headers: Headers,
  dates: { receivedOn?: string; assessedOn?: string; firstOn?: string; setting?: string } = {},
  overrides: Record<string, unknown> = {},
): Promise<Ref> {
  const ref = await registerReferral(t, headers, {
    receivedOn: dates.receivedOn ?? '2026-09-01',
    ...overrides,
  });
  await expectStatus(
    assessReferral(t, headers, ref, {
      assessedOn: dates.assessedOn ?? '2026-09-08',
      outcome: 'treatment-without-right',
    }),
    200,
  );
  await expectStatus(
    recordEvent(t, headers, ref, {
      kind: 'first-attendance',
      date: dates.firstOn ?? '2026-09-15',
      setting: dates.setting ?? 'outpatient',
    }),
    201,
  );
  return ref;
}

export const DimensionOrder = [
  'withdrawal',
  'physical-health',
  'mental-health',
  'readiness',
  'relapse-risk',
  'recovery-environment',
] as const;

/** Dimension ratings in the order above, each with a rationale. */
export function ratings(now: number[]) {
  return Object.fromEntries(DimensionOrder.map((d, i) => [d, { now: now[i], rationale: `vurdert ${d}` }]));
}

export interface PathwayEpisode {
  id: string;
  state: string;
  activeSetting: string | null;
  plannedSetting: string | null;
  openedOn: string;
  endedOn: string | null;
  endOutcome: string | null;
  previousEpisodeId: string | null;
  responsible: { id: string; name: string | null } | null;
  possibleEvents: string[];
  referral: {
    id: string;
    assessment: { outcome: string; treatmentStartDeadline: string | null; assessedOn: string } | null;
    completeness: { done: number; total: number; missing: string[] };
  } | null;
  events: {
    kind: string;
    date: string;
    codes: string[];
    warnings: { code: string; deadline?: string; gaps?: string[]; daysLate?: number }[];
    reason: string;
    note: string;
    helpNeeded: string | null;
    recordedBy: { id: string; name: string };
  }[];
  deadlines: {
    kind: string;
    startsOn: string;
    dueOn: string;
    metOn: string | null;
    closedOn: string | null;
    settingClass: string | null;
    limitDays: number | null;
    status: string;
  }[];
  assessments: {
    id: string;
    recommendation: { level: string; rule: string; drivers: string[] };
    chosenLevel: string;
    match: string;
    matchReason: string;
    change: { dimension: string; before: number; after: number; change: number }[] | null;
  }[];
  dischargeChecklist: { readiness: { ready: boolean; gaps: string[] }; helpNeeded: string | null } | null;
  handover: { id: string; firstContactOn: string | null; municipalWorker: { id: string } } | null;
  tasks: { id: string; kind: string; assignee: { id: string }; status: string; outcome: string | null }[];
}

export async function pathwayOf(t: TestApp, headers: Headers, personId: string) {
  const body = await expectStatus<{ today: string; episodes: PathwayEpisode[] }>(
    send(t, 'GET', `/api/persons/${personId}/pathway`, headers),
    200,
  );
  return body;
}

export async function episodeOf(t: TestApp, headers: Headers, ref: Ref): Promise<PathwayEpisode> {
  const { episodes } = await pathwayOf(t, headers, ref.personId);
  const episode = episodes.find((e) => e.id === ref.episodeId);
  assert.ok(episode, `episode ${ref.episodeId} is on the pathway`);
  return episode;
}

/** What is stored for one episode, read past the API: to show that a refused request wrote nothing. */
export async function episodeFootprint(t: TestApp, episodeId: string) {
  const o = t.db.owner;
  const episode = await o
    .selectFrom('episode')
    .select(['state', 'version', 'active_setting', 'has_clinical_decision', 'planned_setting', 'ended_on'])
    .where('id', '=', episodeId)
    .executeTakeFirstOrThrow();
  const rows = async (table: 'pathway_event' | 'pathway_task' | 'assessment' | 'handover') =>
    Number(
      (
        await o
          .selectFrom(table)
          .select((e) => e.fn.countAll<string>().as('n'))
          .where('episode_id', '=', episodeId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const deadlines = await o
    .selectFrom('pathway_deadline')
    .select(['kind', 'starts_on', 'due_on', 'met_on', 'closed_on'])
    .where('episode_id', '=', episodeId)
    .orderBy('kind')
    .orderBy('starts_on')
    .execute();
  return {
    episode,
    events: await rows('pathway_event'),
    tasks: await rows('pathway_task'),
    assessments: await rows('assessment'),
    handovers: await rows('handover'),
    deadlines,
  };
}

export async function countRows(
  t: TestApp,
  table:
    | 'person'
    | 'referral'
    | 'episode'
    | 'care_relation'
    | 'consent'
    | 'pathway_event'
    | 'pathway_task'
    | 'handover'
    | 'assessment'
    | 'discharge_checklist',
): Promise<number> {
  return Number(
    (
      await t.db.owner
        .selectFrom(table)
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}
