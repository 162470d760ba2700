import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';
import type { Tx } from './transaction.ts';

/**
 * A transaction begun before it is known what it is for: the auth hook begins it in the same round
 * trip as the session lookup, and the request's first unit of work (asActor) takes it over. Each round
 * trip to PostgreSQL costs the server more than most statements (docs/benchmarks.md), and every
 * request needs the session and a transaction.
 *
 * The connection is held from the hook until the work that takes it commits or rolls back; if nothing
 * takes it (a 4xx before the work, a route without database work), it is rolled back and returned when
 * the response closes.
 */
export interface HeldTransaction {
  /** The transaction, for the one unit of work that takes it; null once taken or ended. */
  take(): Tx | null;
  /** Work done with the taken transaction is over (committed or rolled back): the connection goes back. */
  release(): void;
  /** Rolls back and returns the connection, unless the work has taken it. */
  abandon(): Promise<void>;
}

/** The transaction the auth hook holds for a request, by the request's actor. */
export const heldFor = new WeakMap<object, HeldTransaction>();

/** Takes a connection from the pool and keeps it until released. */
export function holdTransaction(db: Kysely<DB>): Promise<{ trx: Tx; held: HeldTransaction }> {
  return new Promise((resolve, reject) => {
    db.connection()
      .execute(async (trx) => {
        let state: 'held' | 'taken' | 'ended' = 'held';
        let release!: () => void;
        const released = new Promise<void>((r) => {
          release = r;
        });
        const held: HeldTransaction = {
          take() {
            if (state !== 'held') return null;
            state = 'taken';
            return trx;
          },
          release() {
            state = 'ended';
            release();
          },
          async abandon() {
            if (state !== 'held') return;
            state = 'ended';
            // A failed rollback (the connection is gone) leaves nothing to undo.
            await sql
              .raw('rollback')
              .execute(trx)
              .catch(() => {});
            release();
          },
        };
        resolve({ trx, held });
        await released;
      })
      .catch(reject);
  });
}
