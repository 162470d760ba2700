import type { TimeLimit, TimeLimitKey } from '@bedring/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** All configured time limits (a few rows); read in the transaction that uses them, never cached. */
export async function timeLimits(db: Kysely<DB>): Promise<TimeLimit[]> {
  const rows = await db
    .selectFrom('time_limit')
    .select(['key', 'setting_class', 'days', 'unit', 'effective_from'])
    .orderBy('key')
    .orderBy('effective_from')
    .execute();
  return rows.map((r) => ({
    key: r.key as TimeLimitKey,
    settingClass: r.setting_class,
    days: r.days,
    unit: r.unit,
    effectiveFrom: r.effective_from,
  }));
}
