import { escalationCutoff } from '@bedring/domain';
import { type Kysely, sql } from 'kysely';
import { recordAudits, SYSTEM_ACTOR } from '../audit/audit.repository.ts';
import type { DB } from '../db/schema.ts';
import type { Notifier } from '../notify/notifier.ts';

/**
 * Help that nobody took (docs/decisions/0015-help-requests.md): every open help request older than the
 * configured minutes is marked escalated, once, and its notice goes to the leaders of the unit the request
 * was raised in and to the duty contacts of each organisation whose municipal workers follow the person
 * (a municipality's duty contact: an account flagged `duty_contact`, migration 0011). Run by the server's
 * timer as the owner, like the check-in reminders; marking is one statement, so two runs never escalate
 * the same request twice. The request stays pinned for the care team until someone takes it.
 *
 * Each escalation is audited on the person's record in the same transaction as the marking, by the
 * system (no account): action `escalate`, resource `HelpRequest` and the signal's id, and the ids of the
 * accounts told as the event's purpose, so the access logs and the audit chain show that, when and to
 * whom help was escalated. The notices are sent after the commit, as before.
 */
export async function escalateHelpRequests(
  owner: Kysely<DB>,
  notifier: Notifier,
  now: Date,
  minutes: number,
): Promise<number> {
  const escalated = await owner.transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('signal')
      .set({ escalated_at: now })
      .where('kind', '=', 'help-requested')
      .where('acknowledged_at', 'is', null)
      .where('escalated_at', 'is', null)
      .where('raised_at', '<=', escalationCutoff(now, minutes))
      .returning(['id', 'tenant_id', 'person_id', 'unit_id'])
      .execute();
    const told: { signalId: string; to: string[] }[] = [];
    for (const s of marked) {
      const { rows } = await sql<{ id: string }>`
        select a.id from account a
        where a.disabled_at is null and a.role = 'leader'
          and a.tenant_id = ${s.tenant_id} and a.unit_id = ${s.unit_id}
        union
        select d.id from account d
        where d.disabled_at is null and d.duty_contact
          and d.tenant_id in (
            select m.tenant_id from care_relation r join account m on m.id = r.account_id
            where r.tenant_id = ${s.tenant_id} and r.person_id = ${s.person_id} and m.role = 'municipal'
              and r.from_at <= ${now} and (r.to_at is null or r.to_at > ${now}))
        order by id`.execute(trx);
      const to = rows.map((r) => r.id);
      told.push({ signalId: s.id, to });
      await recordAudits(
        trx,
        SYSTEM_ACTOR,
        [
          {
            action: 'escalate',
            tenantId: s.tenant_id,
            personId: s.person_id,
            resourceType: 'HelpRequest',
            resourceId: s.id,
            purpose: escalatedTo(to),
          },
        ],
        now,
      );
    }
    return told;
  });
  for (const e of escalated) await notifier.send({ kind: 'help-escalated', to: e.to, signalId: e.signalId });
  return escalated.length;
}

/** The purpose of an escalation's audit event: the accounts told, by id (no names in the audit trail). */
export function escalatedTo(accountIds: readonly string[]): string {
  return `told:${accountIds.join(',')}`;
}
