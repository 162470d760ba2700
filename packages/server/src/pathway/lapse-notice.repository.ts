import { lapseNotice, osloDate, type PersonRef } from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';
import { openTask } from './task.repository.ts';

/**
 * A lapse, wherever it was recorded, reaches the specialist team that still holds the person
 * (docs/decisions/0018-handover-and-self-admission.md): a task of kind "lapse" on their Oppgaver, in the
 * same transaction as the lapse. The municipality writes it under the person's consent (row-level
 * security, app_shares). Returns the task's id, or null when there is nobody to tell.
 */
export async function lapseReachesSpecialists(
  trx: Tx,
  actor: RequestActor,
  person: PersonRef,
  lapseId: string,
  now: Date,
): Promise<string | null> {
  const latest = await trx
    .selectFrom('episode')
    .select(['id', 'unit_id', 'responsible_account_id'])
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .orderBy('opened_on', 'desc')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const team = await trx
    .selectFrom('care_relation')
    .select(['account_id', 'unit_id'])
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('organisation_id', '=', person.organisationId)
    .where('kind', '=', 'care-team')
    .where((w) => w.or([w('to_at', 'is', null), w('to_at', '>', now)]))
    .orderBy('from_at')
    .execute();
  const notice = lapseNotice({
    latestEpisode: latest
      ? { id: latest.id, unitId: latest.unit_id, responsibleAccountId: latest.responsible_account_id }
      : null,
    careTeam: team.map((c) => ({ accountId: c.account_id, unitId: c.unit_id })),
    recordedBy: actor.accountId,
  });
  if (!notice) return null;
  return openTask(trx, {
    person,
    episodeId: notice.episodeId,
    kind: 'lapse',
    handoverId: null,
    assignee: { accountId: notice.accountId, organisationId: person.organisationId },
    unitId: notice.unitId,
    createdOn: osloDate(now),
    lapseId,
  });
}
