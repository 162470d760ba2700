import { deadlinesFor, type PathwayEvent, type Setting } from '@bedring/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { timeLimits } from './time-limit.repository.ts';

/**
 * Recomputes the stored deadlines of every episode that is not ended, after the operator changed a time
 * limit. Runs as the owner (all organisations), in chunks, each chunk in one transaction.
 * Returns how many episodes were recomputed.
 */
export async function recomputeOpenDeadlines(owner: Kysely<DB>, chunk = 500): Promise<number> {
  const limits = await timeLimits(owner);
  let done = 0;
  let after: string | null = null;
  for (;;) {
    let page = owner
      .selectFrom('episode as e')
      .leftJoin('referral as r', (j) =>
        j.onRef('r.tenant_id', '=', 'e.tenant_id').onRef('r.id', '=', 'e.referral_id'),
      )
      .select([
        'e.tenant_id',
        'e.id',
        'e.person_id',
        'e.unit_id',
        'e.responsible_account_id',
        'e.planned_setting',
        'r.received_on',
        'r.treatment_start_deadline',
      ])
      .where('e.state', '<>', 'ended');
    if (after) page = page.where('e.id', '>', after);
    const episodes = await page.orderBy('e.id').limit(chunk).execute();
    if (episodes.length === 0) return done;
    after = episodes.at(-1)!.id;
    const events = await owner
      .selectFrom('pathway_event')
      .select([
        'episode_id',
        'kind',
        'date',
        'setting',
        'with_person',
        'feedback_tool_used',
        'outcome',
        'help_needed',
      ])
      .where(
        'episode_id',
        'in',
        episodes.map((e) => e.id),
      )
      .orderBy('episode_id')
      .orderBy('position')
      .execute();
    const rows = episodes.flatMap((e) =>
      deadlinesFor(
        {
          referralReceivedOn: e.received_on ?? null,
          treatmentStartDeadline: e.treatment_start_deadline ?? null,
          plannedSetting: e.planned_setting as Setting | null,
          events: events
            .filter((ev) => ev.episode_id === e.id)
            .map((ev) => ({
              kind: ev.kind as PathwayEvent['kind'],
              date: ev.date,
              setting: ev.setting as Setting | null,
              withPerson: ev.with_person,
              feedbackToolUsed: ev.feedback_tool_used,
              outcome: ev.outcome as PathwayEvent['outcome'],
              helpNeeded: ev.help_needed as PathwayEvent['helpNeeded'],
            })),
        },
        limits,
      ).map((d) => ({
        tenant_id: e.tenant_id,
        episode_id: e.id,
        kind: d.kind,
        starts_on: d.startsOn,
        person_id: e.person_id,
        unit_id: e.unit_id,
        responsible_account_id: e.responsible_account_id,
        due_on: d.dueOn,
        met_on: d.metOn,
        closed_on: d.closedOn,
        setting_class: d.settingClass,
        limit_days: d.limitDays,
      })),
    );
    await owner.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('pathway_deadline')
        .where(
          'episode_id',
          'in',
          episodes.map((e) => e.id),
        )
        .execute();
      if (rows.length > 0) {
        await trx
          .insertInto('pathway_deadline')
          .values(rows)
          .onConflict((oc) => oc.columns(['tenant_id', 'episode_id', 'kind', 'starts_on']).doNothing())
          .execute();
      }
    });
    done += episodes.length;
  }
}
