import { escalationDate, limitOn, type PersonRef, type TaskKind } from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
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
  /** Kind "promise": what was promised, by whom, and the due date (which is when it escalates). */
  promise?: { text: string; dueOn: string; by: { accountId: string; name: string } };
  /** Kind "lapse": the lapse that reached the specialist team (lapse-notice.repository.ts). */
  lapseId?: string;
}

/**
 * Opens a task; when it escalates comes from the configured time limit in force on its first day, or for
 * a promise from its due date.
 */
export async function openTask(trx: Tx, t: NewTask): Promise<string> {
  const key = t.kind === 'handover' ? 'handover-first-contact' : 're-engagement';
  const limit = t.promise ? null : limitOn(await timeLimits(trx), key, 'outpatient', t.createdOn);
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
      escalate_on: t.promise ? t.promise.dueOn : escalationDate(t.createdOn, limit?.days ?? 0),
      promise: t.promise?.text ?? null,
      promised_by: t.promise?.by.accountId ?? null,
      promised_by_name: t.promise?.by.name ?? null,
      lapse_id: t.lapseId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Completes a task with its outcome (after the route's checks: who may, which outcome, which date). */
export async function closeTask(
  trx: Tx,
  actor: RequestActor,
  task: { tenant_id: string; id: string },
  done: { date: string; outcome: string; note: string },
): Promise<void> {
  await trx
    .updateTable('pathway_task')
    .set({
      completed_on: done.date,
      outcome: done.outcome,
      note: done.note,
      completed_by: actor.accountId,
      completed_by_name: actor.displayName,
    })
    .where('tenant_id', '=', task.tenant_id)
    .where('id', '=', task.id)
    .execute();
}
