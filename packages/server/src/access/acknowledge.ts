import { recordAudit } from '../audit/audit.repository.ts';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { requirePersonAccess } from './access.guard.ts';

/** What can be acknowledged: rows that ask staff for a conversation and keep who answered and how. */
export interface Acknowledgeable {
  table: 'feedback_alert' | 'signal';
  resourceType: string;
  words: { noteRequired: string; notFound: string; alreadyCode: string; already: string };
}

/** The note must say something: an acknowledgement records what was done, not that a button was pressed. */
export function requireNote(note: string, what: Acknowledgeable): string {
  const trimmed = note.trim();
  if (!trimmed) throw badRequest('note_required', what.words.noteRequired, [{ field: 'note' }]);
  return trimmed;
}

/**
 * Acknowledges a feedback alert or a signal with a note, once, in the caller's transaction: work on the
 * person's record, so need to know first, and audited with the access basis. Both tables have the same
 * acknowledgement columns.
 */
export async function acknowledge(
  trx: Tx,
  actor: RequestActor,
  now: Date,
  what: Acknowledgeable,
  id: string,
  note: string,
) {
  // The two tables share these columns; Kysely is told one of them so it can type the query.
  const table = what.table as 'signal';
  const row = await trx
    .selectFrom(table)
    .select(['id', 'tenant_id', 'person_id', 'acknowledged_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(what.words.notFound);
  const { decision } = await requirePersonAccess(trx, actor, row.person_id, now);
  if (row.acknowledged_at) throw conflict(what.words.alreadyCode, what.words.already);
  await trx
    .updateTable(table)
    .set({
      acknowledged_at: now,
      acknowledged_by: actor.accountId,
      acknowledged_by_name: actor.displayName,
      note,
    })
    .where('tenant_id', '=', row.tenant_id)
    .where('id', '=', row.id)
    .execute();
  await recordAudit(
    trx,
    actor,
    {
      action: 'update',
      tenantId: row.tenant_id,
      personId: row.person_id,
      resourceType: what.resourceType,
      resourceId: row.id,
      breakGlassReason: decision.breakGlassReason ?? null,
    },
    now,
  );
  return { status: 'acknowledged' as const };
}
