import type { DimensionRatings, PersonRef } from '@bedring/domain';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';

/**
 * What the FHIR façade reads of the care pathway (migration 0003). Person-scoped reads load the whole
 * (small) pathway of one person; the two lists that span persons — a unit's episodes for its leader and
 * a worker's own tasks — are paged queries. Names of staff come from staff_directory, units from unit.
 */

export type PathwayTable = 'referral' | 'episode' | 'assessment' | 'pathway_task';

/** Whose record a pathway row belongs to, so that need to know can be checked before anything is read. */
export async function ownerOf(trx: Tx, table: PathwayTable, id: string) {
  return trx
    .selectFrom(table as 'referral')
    .select(['tenant_id', 'person_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface ReferralView {
  id: string;
  personId: string;
  unit: { id: string; name: string | null };
  referrer: { kind: string; name: string; organisation: string };
  receivedOn: string;
  reason: string;
  assessedOn: string | null;
  outcome: string | null;
  treatmentStartDeadline: string | null;
  assessmentNote: string;
  letterToPersonOn: string | null;
  letterToReferrerOn: string | null;
  assessedBy: { id: string; name: string | null } | null;
}

export async function referralsOf(trx: Tx, person: PersonRef): Promise<ReferralView[]> {
  const rows = await trx
    .selectFrom('referral as r')
    .leftJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.unit_id'))
    .leftJoin('staff_directory as s', 's.id', 'r.assessed_by')
    .selectAll('r')
    .select(['u.name as unit_name', 's.display_name as assessed_by_name'])
    .where('r.tenant_id', '=', person.organisationId)
    .where('r.person_id', '=', person.id)
    .orderBy('r.received_on')
    .orderBy('r.registered_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    unit: { id: r.unit_id, name: r.unit_name },
    referrer: { kind: r.referrer_kind, name: r.referrer_name, organisation: r.referrer_organisation },
    receivedOn: r.received_on,
    reason: r.reason,
    assessedOn: r.assessed_on,
    outcome: r.outcome,
    treatmentStartDeadline: r.treatment_start_deadline,
    assessmentNote: r.assessment_note,
    letterToPersonOn: r.letter_to_person_on,
    letterToReferrerOn: r.letter_to_referrer_on,
    assessedBy: r.assessed_by ? { id: r.assessed_by, name: r.assessed_by_name } : null,
  }));
}

export interface EpisodeView {
  id: string;
  tenantId: string;
  personId: string;
  unit: { id: string; name: string | null };
  referralId: string | null;
  previousEpisodeId: string | null;
  state: string;
  openedOn: string;
  endedOn: string | null;
  endOutcome: string | null;
  responsible: { id: string; name: string | null } | null;
  /** The episode's events in the order they were recorded: the state history is replayed from them. */
  events: { kind: string; date: string; setting: string | null; outcome: string | null }[];
}

function episodeQuery(trx: Tx) {
  return trx
    .selectFrom('episode as e')
    .leftJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.unit_id'))
    .leftJoin('staff_directory as s', 's.id', 'e.responsible_account_id')
    .select([
      'e.id',
      'e.tenant_id',
      'e.person_id',
      'e.unit_id',
      'e.referral_id',
      'e.previous_episode_id',
      'e.state',
      'e.opened_on',
      'e.ended_on',
      'e.end_outcome',
      'e.responsible_account_id',
      'u.name as unit_name',
      's.display_name as responsible_name',
    ]);
}

type EpisodeRow = Awaited<ReturnType<ReturnType<typeof episodeQuery>['execute']>>[number];

async function withEvents(trx: Tx, rows: EpisodeRow[]): Promise<EpisodeView[]> {
  if (rows.length === 0) return [];
  const events = await trx
    .selectFrom('pathway_event')
    .select(['episode_id', 'kind', 'date', 'setting', 'outcome'])
    .where('tenant_id', 'in', [...new Set(rows.map((r) => r.tenant_id))])
    .where(
      'episode_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('episode_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    personId: r.person_id,
    unit: { id: r.unit_id, name: r.unit_name },
    referralId: r.referral_id,
    previousEpisodeId: r.previous_episode_id,
    state: r.state,
    openedOn: r.opened_on,
    endedOn: r.ended_on,
    endOutcome: r.end_outcome,
    responsible: r.responsible_account_id ? { id: r.responsible_account_id, name: r.responsible_name } : null,
    events: events
      .filter((e) => e.episode_id === r.id)
      .map((e) => ({ kind: e.kind, date: e.date, setting: e.setting, outcome: e.outcome })),
  }));
}

export async function episodesOf(trx: Tx, person: PersonRef): Promise<EpisodeView[]> {
  const rows = await episodeQuery(trx)
    .where('e.tenant_id', '=', person.organisationId)
    .where('e.person_id', '=', person.id)
    .orderBy('e.opened_on')
    .orderBy('e.id')
    .execute();
  return withEvents(trx, rows);
}

/** FHIR EpisodeOfCare.status values the state column can answer for (see episodeOfCareStatus). */
export type EpisodeStatusFilter = 'waitlist' | 'active' | 'finished' | 'cancelled';

const treatmentStarted = (eb: ExpressionBuilder<DB & { e: DB['episode'] }, 'e'>) =>
  eb.exists(
    eb
      .selectFrom('pathway_event as ev')
      .select('ev.id')
      .whereRef('ev.tenant_id', '=', 'e.tenant_id')
      .whereRef('ev.episode_id', '=', 'e.id')
      .where('ev.kind', '=', 'first-attendance'),
  );

/** The episodes of some units of one organisation (a leader's list), newest first, one page of them. */
export async function unitEpisodes(
  trx: Tx,
  filter: { tenantId: string; unitIds: string[] | null; statuses: EpisodeStatusFilter[] },
  page: { count: number; offset: number },
): Promise<{ total: number; episodes: EpisodeView[] }> {
  let base = trx.selectFrom('episode as e').where('e.tenant_id', '=', filter.tenantId);
  if (filter.unitIds) base = base.where('e.unit_id', 'in', filter.unitIds);
  if (filter.statuses.length > 0) {
    base = base.where((eb) =>
      eb.or(
        filter.statuses.map((s) => {
          if (s === 'waitlist') return eb('e.state', 'in', ['referred', 'assessed', 'waiting']);
          if (s === 'active') return eb('e.state', 'in', ['in-treatment', 'discharged', 'follow-up']);
          if (s === 'finished') return eb.and([eb('e.state', '=', 'ended'), treatmentStarted(eb)]);
          return eb.and([eb('e.state', '=', 'ended'), eb.not(treatmentStarted(eb))]);
        }),
      ),
    );
  }
  const { n } = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const ids = await base
    .select('e.id')
    .orderBy('e.opened_on', 'desc')
    .orderBy('e.id')
    .limit(page.count)
    .offset(page.offset)
    .execute();
  if (ids.length === 0) return { total: Number(n), episodes: [] };
  const rows = await episodeQuery(trx)
    .where('e.tenant_id', '=', filter.tenantId)
    .where(
      'e.id',
      'in',
      ids.map((r) => r.id),
    )
    .orderBy('e.opened_on', 'desc')
    .orderBy('e.id')
    .execute();
  return { total: Number(n), episodes: await withEvents(trx, rows) };
}

export interface AssessmentView {
  id: string;
  personId: string;
  episodeId: string;
  assessedOn: string;
  recordedAt: Date;
  personGoals: string;
  personResources: string;
  ratings: DimensionRatings;
  opioidDependence: boolean;
  recommendation: { level: string; rule: string; drivers: string[] };
  chosenLevel: string;
  match: string;
  matchReason: string;
  assessedBy: { id: string; name: string };
  /** The assessment before this one in the same episode (ClinicalImpression.previous). */
  previousId: string | null;
}

export async function assessmentsOf(trx: Tx, person: PersonRef): Promise<AssessmentView[]> {
  const rows = await trx
    .selectFrom('assessment')
    .selectAll()
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .orderBy('assessed_on')
    .orderBy('recorded_at')
    .execute();
  return rows.map((a, i) => ({
    id: a.id,
    personId: a.person_id,
    episodeId: a.episode_id,
    assessedOn: a.assessed_on,
    recordedAt: a.recorded_at,
    personGoals: a.person_goals,
    personResources: a.person_resources,
    ratings: a.ratings as DimensionRatings,
    opioidDependence: a.opioid_dependence,
    recommendation: { level: a.recommended_level, rule: a.recommended_rule, drivers: a.drivers },
    chosenLevel: a.chosen_level,
    match: a.match,
    matchReason: a.match_reason,
    assessedBy: { id: a.assessed_by, name: a.assessed_by_name },
    previousId: rows.slice(0, i).findLast((b) => b.episode_id === a.episode_id)?.id ?? null,
  }));
}
