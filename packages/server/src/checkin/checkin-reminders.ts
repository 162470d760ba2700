import { osloDate } from '@bedring/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Notifier } from '../notify/notifier.ts';

/** The time of day in Norway, 'HH:MM', as the person chose their reminder time. */
function osloTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/**
 * Sends the reminders that are due (the server's timer, as the owner): once a day, at or after the time
 * the person chose, not on a day they have already checked in, to their own login. Marked sent in the
 * same statement, so two servers or two ticks never remind twice. Returns how many went out.
 */
export async function sendDueReminders(owner: Kysely<DB>, notifier: Notifier, now: Date): Promise<number> {
  const today = osloDate(now);
  const { rows } = await sql<{ account_id: string }>`
    with due as (
      update checkin_reminder r set reminded_on = ${today}::date
      where r.remind_at <= ${osloTime(now)}::time
        and (r.reminded_on is null or r.reminded_on < ${today}::date)
        and not exists (select 1 from checkin c
          where c.tenant_id = r.tenant_id and c.person_id = r.person_id and c.day = ${today}::date)
      returning r.tenant_id, r.person_id
    )
    select a.id as account_id from due
      join account a on a.tenant_id = due.tenant_id and a.person_id = due.person_id and a.role = 'patient'
      where a.disabled_at is null`.execute(owner);
  for (const r of rows) await notifier.send({ kind: 'checkin-reminder', to: [r.account_id] });
  return rows.length;
}
