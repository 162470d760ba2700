import { escalationDate, limitOn, type PersonRef, type TaskKind } from '@bedring/domain';
import type { Tx } from '../db/transaction.ts';
import { timeLimits } from './time-limit.repository.ts';

export interface NewTask {
  person: PersonRef;
  episodeId: string;
  kind: TaskKind;
  handoverId: string | null;
  assignee: { accountId: string; organisationId: string };
  unitId: string;
  createdOn: string;
}

/** Opens a task; when it escalates comes from the configured time limit in force on its first day. */
export async function openTask(trx: Tx, t: NewTask): Promise<string> {
  const key = t.kind === 'handover' ? 'handover-first-contact' : 're-engagement';
  const limit = limitOn(await timeLimits(trx), key, 'outpatient', t.createdOn);
  const { id } = await trx
    .insertInto('pathway_task')
    .values({
      tenant_id: t.person.organisationId,
      person_id: t.person.id,
      episode_id: t.episodeId,
      handover_id: t.handoverId,
      kind: t.kind,
      assignee_account_id: t.assignee.accountId,
      assignee_organisation_id: t.assignee.organisationId,
      unit_id: t.unitId,
      created_on: t.createdOn,
      // Without a configured limit the task is shown to the leader at once rather than never.
      escalate_on: escalationDate(t.createdOn, limit?.days ?? 0),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
