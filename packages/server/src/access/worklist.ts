import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { recordAudits } from '../audit/audit.repository.ts';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';

/**
 * A worklist (signals, feedback alerts, break-glass reviews, tasks) shows rows about many persons at
 * once. Need to know on it is the same everywhere (docs/architecture.md, "Access and audit"): what is
 * the actor's own, and for a unit leader also every row of their unit; and every row shown is a search
 * on that person's record, audited one by one.
 */
export function mineOrMyUnit<DB, TB extends keyof DB>(
  w: ExpressionBuilder<DB, TB>,
  actor: RequestActor,
  mine: Expression<SqlBool>,
  columns: { tenant: string; unit: string },
): Expression<SqlBool> {
  if (actor.role !== 'leader' || !actor.unitId) return mine;
  // The column names are the caller's, typed at its query; here they are only passed on.
  const eb = w as unknown as ExpressionBuilder<Record<string, Record<string, string>>, string>;
  return eb.or([
    mine,
    eb.and([eb(columns.tenant, '=', actor.organisationId), eb(columns.unit, '=', actor.unitId)]),
  ]);
}

/** Audits each row shown on a worklist as a search on its person's record. */
export function auditWorklist(
  trx: Tx,
  actor: RequestActor,
  now: Date,
  resourceType: string,
  rows: readonly { id: string; tenant_id: string; person_id: string }[],
): Promise<void> {
  return recordAudits(
    trx,
    actor,
    rows.map((r) => ({
      action: 'search',
      tenantId: r.tenant_id,
      personId: r.person_id,
      resourceType,
      resourceId: r.id,
    })),
    now,
  );
}
