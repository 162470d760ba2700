import type { PersonRef } from '@bedring/domain';
import type { Tx } from '../db/transaction.ts';

/** The handover, re-engagement and promise tasks as the FHIR façade reads them (Task). */
export interface TaskView {
  id: string;
  tenantId: string;
  personId: string;
  episodeId: string;
  kind: string;
  owner: { id: string; name: string | null };
  createdOn: string;
  escalateOn: string;
  completedOn: string | null;
  outcome: string | null;
  note: string;
  completedBy: string | null;
  /** Kind "promise": what was promised and who promised it (the due date is escalateOn). */
  promise: string | null;
  promisedBy: { id: string; name: string | null } | null;
}

function taskQuery(trx: Tx) {
  return trx
    .selectFrom('pathway_task as t')
    .leftJoin('staff_directory as s', 's.id', 't.assignee_account_id')
    .selectAll('t')
    .select('s.display_name as owner_name');
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['execute']>>[number];

const toTaskView = (t: TaskRow): TaskView => ({
  id: t.id,
  tenantId: t.tenant_id,
  personId: t.person_id,
  episodeId: t.episode_id,
  kind: t.kind,
  owner: { id: t.assignee_account_id, name: t.owner_name },
  createdOn: t.created_on,
  escalateOn: t.escalate_on,
  completedOn: t.completed_on,
  outcome: t.outcome,
  note: t.note,
  completedBy: t.completed_by_name,
  promise: t.promise,
  promisedBy: t.promised_by ? { id: t.promised_by, name: t.promised_by_name } : null,
});

export async function tasksOf(trx: Tx, person: PersonRef): Promise<TaskView[]> {
  const rows = await taskQuery(trx)
    .where('t.tenant_id', '=', person.organisationId)
    .where('t.person_id', '=', person.id)
    .orderBy('t.created_on')
    .orderBy('t.id')
    .execute();
  return rows.map(toTaskView);
}

/**
 * The tasks assigned to one account, in every organisation whose rows the caller may see (row-level
 * security: the own organisation, or the person's under an active consent), most urgent first.
 */
export async function ownerTasks(
  trx: Tx,
  accountId: string,
  open: boolean | null,
  page: { count: number; offset: number },
): Promise<{ total: number; tasks: TaskView[] }> {
  let base = trx.selectFrom('pathway_task as t').where('t.assignee_account_id', '=', accountId);
  if (open !== null) base = base.where('t.completed_on', open ? 'is' : 'is not', null);
  const { n } = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  let q = taskQuery(trx).where('t.assignee_account_id', '=', accountId);
  if (open !== null) q = q.where('t.completed_on', open ? 'is' : 'is not', null);
  const rows = await q
    .orderBy('t.escalate_on')
    .orderBy('t.id')
    .limit(page.count)
    .offset(page.offset)
    .execute();
  return { total: Number(n), tasks: rows.map(toTaskView) };
}
