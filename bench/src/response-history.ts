import { randomUUID } from 'node:crypto';
import type { Sex } from '@bedring/domain';
import { asOwner, type ClusterAccess } from './cluster-access.ts';
import { PHQ9, PHQ9_ID, phq9Items, phq9Score, RESPONSE_BODY } from './phq9.ts';

/**
 * The PHQ-9 history the questionnaire measurements find (docs/benchmarks.md), written as the owner in one
 * statement per database: each person the response measurement posts for has answered PHQ-9 weekly
 * before, and the trajectory person has answered it 500 times. Scores and bands are the domain's own.
 */
export const TRAJECTORY_RESPONSES = 500;

/** The response persons' earlier totals, oldest first: around 10, so a 9 now is no reliable improvement. */
const EARLIER_TOTALS = [11, 12, 10, 9, 11, 10, 12, 9, 10, 11, 9, 10];

/** A long course, oldest first: severe at the start, better over the years, with relapses; 0–27. */
function trajectoryTotal(k: number): number {
  const t = 19 - 11 * (k / TRAJECTORY_RESPONSES) + 4 * Math.sin(k / 23) + 2 * Math.sin(k / 5);
  return Math.max(0, Math.min(27, Math.round(t)));
}

export interface HistoryPlan {
  tenantId: string;
  /** The author of the earlier responses (the bench's clinician). */
  accountId: string;
  displayName: string;
  /** Persons the response measurement posts for, each with the weekly EARLIER_TOTALS before. */
  responsePersonIds: string[];
  /** The person whose trajectory is read, with TRAJECTORY_RESPONSES responses. */
  trajectoryPersonId: string;
}

export interface PreparedHistory {
  /** Earlier PHQ-9 responses of each response person when a measurement starts (the history and one primer). */
  earlierResponses: number;
  trajectoryResponses: number;
  /** Responses written from this moment on are the response measurement's own (see removeMeasuredResponses). */
  since: Date;
}

/**
 * Replaces the persons' PHQ-9 data with the history, then posts one response for each response person
 * through the API. That raises the no-improvement alert the way the server does; from then on each
 * measured response finds it waiting and raises nothing new, the steady state the pgbench script does.
 */
export async function prepareHistory(
  access: ClusterAccess,
  plan: HistoryPlan,
  post: (personId: string, body: string) => Promise<void>,
): Promise<PreparedHistory> {
  const persons = [...plan.responsePersonIds, plan.trajectoryPersonId];
  await removeResponses(access, plan.tenantId, persons, new Date(0));
  const sexes = await asOwner(access, (c) =>
    c.query<{ id: string; gender: Sex }>(
      'select id, gender from person where tenant_id = $1 and id = any($2)',
      [plan.tenantId, persons],
    ),
  );
  const sexOf = new Map(sexes.rows.map((r) => [r.id, r.gender]));
  const now = Date.now();
  const weekly = (personId: string, totals: number[]) =>
    totals.map((total, k) => {
      const item = phq9Items(total);
      const score = phq9Score(item, sexOf.get(personId) ?? 'unknown');
      const at = new Date(now - (totals.length - k) * 7 * 86_400_000);
      return { id: randomUUID(), person_id: personId, at, item, score };
    });
  const rows = [
    ...plan.responsePersonIds.flatMap((id) => weekly(id, EARLIER_TOTALS)),
    ...weekly(
      plan.trajectoryPersonId,
      Array.from({ length: TRAJECTORY_RESPONSES }, (_, k) => trajectoryTotal(k)),
    ),
  ];
  const total = rows[0]!.score;
  await asOwner(access, (c) =>
    c.query(
      `with src as (select * from jsonb_to_recordset($2::jsonb)
          as s(id uuid, person_id uuid, at timestamptz, item jsonb, value float8, band_code text, band_level text)),
        responses as (insert into questionnaire_response (tenant_id, id, person_id, questionnaire_id,
            questionnaire_version, status, item, answered_by, author_account_id, author_name, started_at, authored_at)
          select $1, id, person_id, $3, $4, 'completed', item, 'staff', $5, $6, at, at from src)
      insert into observation (tenant_id, person_id, response_id, questionnaire_id, link_id, code_system, code,
          value, band_code, band_level, effective_at)
        select $1, person_id, id, $3, $7, $8, $9, value, band_code, band_level, at from src`,
      [
        plan.tenantId,
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            person_id: r.person_id,
            at: r.at,
            item: r.item,
            value: r.score.value,
            band_code: r.score.band?.code,
            band_level: r.score.band?.level,
          })),
        ),
        PHQ9_ID,
        PHQ9.version,
        plan.accountId,
        plan.displayName,
        total.linkId,
        total.code.system,
        total.code.code,
      ],
    ),
  );
  for (const id of plan.responsePersonIds) await post(id, RESPONSE_BODY);
  const alerts = await asOwner(access, (c) =>
    c.query<{ n: number }>(
      `select count(distinct person_id)::int as n from feedback_alert
        where tenant_id = $1 and person_id = any($2) and rule = 'no-improvement' and acknowledged_at is null`,
      [plan.tenantId, plan.responsePersonIds],
    ),
  );
  if (alerts.rows[0]?.n !== plan.responsePersonIds.length)
    throw new Error(
      `expected an open no-improvement alert for each of ${plan.responsePersonIds.length} persons, found ${alerts.rows[0]?.n}`,
    );
  await vacuum(access);
  return {
    earlierResponses: EARLIER_TOTALS.length + 1,
    trajectoryResponses: TRAJECTORY_RESPONSES,
    since: new Date(),
  };
}

/**
 * Before each response measurement (API or pgbench): removes what earlier ones wrote, so that each starts
 * from the same history. The alert rules read a person's whole trajectory on every response, so an
 * ever-growing one would make every later measurement slower than the one before it.
 */
export async function removeMeasuredResponses(
  access: ClusterAccess,
  tenantId: string,
  personIds: string[],
  since: Date,
) {
  await removeResponses(access, tenantId, personIds, since);
  await vacuum(access);
}

/**
 * One statement, so one snapshot: a request the server was still finishing when the load stopped commits
 * its response and observation both before or both after it.
 */
async function removeResponses(access: ClusterAccess, tenantId: string, personIds: string[], since: Date) {
  await asOwner(access, (c) =>
    c.query(
      `with responses as (delete from questionnaire_response
          where tenant_id = $1 and person_id = any($2) and questionnaire_id = $4 and authored_at >= $3
          returning id),
        observations as (delete from observation
          where tenant_id = $1 and response_id in (select id from responses))
      delete from feedback_alert
        where tenant_id = $1 and person_id = any($2) and questionnaire_id = $4 and raised_at >= $3`,
      [tenantId, personIds, since, PHQ9_ID],
    ),
  );
}

async function vacuum(access: ClusterAccess) {
  await asOwner(access, (c) =>
    c.query('vacuum (analyze) questionnaire_response, observation, feedback_alert'),
  );
}
