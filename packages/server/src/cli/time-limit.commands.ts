import { isIsoDate, type TimeLimitKey, TimeLimitKeys } from '@bedring/domain';
import type { Database } from '../db/database.ts';
import { recomputeOpenDeadlines } from '../pathway/deadline-recompute.ts';

/**
 * Operators' time-limit commands (docs/domain/pathway.md, "The national pathway"): limits are configuration
 * with effective dates. A change is a new row from a date; open episodes' deadlines are recomputed, intervals
 * that started before the date keep the old limit.
 */
export async function listTimeLimits(db: Database) {
  const rows = await db.owner
    .selectFrom('time_limit')
    .selectAll()
    .orderBy('key')
    .orderBy('setting_class')
    .orderBy('effective_from')
    .execute();
  for (const r of rows) {
    console.log(
      `${r.key.padEnd(28)} ${r.setting_class.padEnd(11)} ${String(r.days).padStart(3)} ${r.unit.padEnd(12)} from ${r.effective_from}  ${r.source}`,
    );
  }
}

export async function setTimeLimit(
  db: Database,
  key: string | undefined,
  opts: { class?: string; days?: string; from?: string; unit?: string; source?: string },
) {
  if (!TimeLimitKeys.includes(key as TimeLimitKey)) {
    throw new Error(`the limit must be one of ${TimeLimitKeys.join(', ')}`);
  }
  const settingClass = opts.class ?? 'any';
  if (!['outpatient', 'inpatient', 'any'].includes(settingClass)) {
    throw new Error('--class must be outpatient, inpatient or any');
  }
  const days = Number(opts.days);
  if (!Number.isInteger(days) || days < 0 || days > 3650)
    throw new Error('--days must be a whole number of days');
  if (!opts.from || !isIsoDate(opts.from)) throw new Error('--from must be a date (YYYY-MM-DD)');
  const unit = opts.unit ?? 'days';
  if (unit !== 'days' && unit !== 'working-days') throw new Error('--unit must be days or working-days');
  const row = {
    key: key as string,
    setting_class: settingClass as 'outpatient' | 'inpatient' | 'any',
    days,
    unit: unit as 'days' | 'working-days',
    effective_from: opts.from,
    source: opts.source ?? '',
  };
  await db.owner
    .insertInto('time_limit')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['key', 'setting_class', 'effective_from'])
        .doUpdateSet({ days, unit: row.unit, source: row.source }),
    )
    .execute();
  const episodes = await recomputeOpenDeadlines(db.owner);
  console.log(
    `${key} (${settingClass}) is ${days} ${unit} from ${opts.from}; deadlines of ${episodes} open episodes recomputed.`,
  );
}
