import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export type Tx = Transaction<DB>;

/**
 * Every request's work runs in one transaction that first sets the tenant and the acting account
 * transaction-locally (set_config(..., true)), so row-level security applies and a pooler can be used.
 */
export function inTenant<T>(
  db: Kysely<DB>,
  who: { tenantId: string; accountId: string | null },
  work: (trx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.tenant_id', ${who.tenantId}, true), set_config('app.account_id', ${who.accountId ?? ''}, true)`.execute(
      trx,
    );
    return work(trx);
  });
}
