import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

/** A connection inside a transaction begun by inTenant. */
export type Tx = Kysely<DB>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Statements to run just before COMMIT, sent with it in the same round trip (see writeAtCommit). */
const deferred = new WeakMap<Tx, string[]>();

/**
 * A complete, parameter-free write, sent with COMMIT inside a request's transaction (one round trip fewer,
 * decision 0010), or run now elsewhere. Nothing later in the same transaction sees it, so it must be the
 * work's last write of those rows; it is still part of the transaction, and an error in it rolls the
 * whole work back.
 */
export async function writeAtCommit(trx: Tx, statement: string): Promise<void> {
  const list = deferred.get(trx);
  if (list) list.push(statement);
  else await sql.raw(statement).execute(trx);
}

/**
 * Every request's work runs in one transaction that first sets the tenant and the acting account
 * transaction-locally (set_config(..., true)), so row-level security applies and a pooler can be used.
 * BEGIN and the settings go to the database in one round trip (the ids are checked to be UUIDs, so
 * writing them into the statement is safe), and so do deferred statements and COMMIT.
 */
export function inTenant<T>(
  db: Kysely<DB>,
  who: { tenantId: string; accountId: string | null },
  work: (trx: Tx) => Promise<T>,
): Promise<T> {
  const account = who.accountId ?? '';
  if (!UUID.test(who.tenantId) || (account !== '' && !UUID.test(account))) {
    throw new Error('inTenant: tenant and account must be UUIDs');
  }
  return db.connection().execute(async (conn) => {
    await sql
      .raw(
        `begin; select set_config('app.tenant_id', '${who.tenantId}', true), set_config('app.account_id', '${account}', true)`,
      )
      .execute(conn);
    return inBegun(conn, work);
  });
}

/**
 * The work in a transaction already begun with the tenant and account set (by inTenant, or by the auth
 * hook: held-transaction.ts), then COMMIT with the deferred statements, or ROLLBACK on an error.
 */
export async function inBegun<T>(conn: Tx, work: (trx: Tx) => Promise<T>): Promise<T> {
  deferred.set(conn, []);
  try {
    const result = await work(conn);
    await sql.raw([...(deferred.get(conn) ?? []), 'commit'].join(';\n')).execute(conn);
    return result;
  } catch (err) {
    // A failed rollback (the connection is gone) must not hide the error that caused it.
    await sql
      .raw('rollback')
      .execute(conn)
      .catch(() => {});
    throw err;
  } finally {
    deferred.delete(conn);
  }
}
