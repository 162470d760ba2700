/**
 * Whether an error means the database cannot serve now (stopped, restarting, unreachable, too slow),
 * as opposed to a fault in a request. Such a request answers 503 with Retry-After, and the server
 * recovers by itself once the database is back (docs/operator-guide.md, "When the database is down").
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  // PostgreSQL: class 08 (connection exception), 57P01–57P03 (shutting down, crashed, starting up),
  // 53300 (too many connections), 57014 (a statement ran past statement_timeout).
  if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300' || code === '57014') return true;
  // Node's socket errors.
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code))
    return true;
  // node-postgres's own messages for a lost or slow connection.
  const message = typeof e.message === 'string' ? e.message : '';
  return /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable|Connection ended|Cannot use a pool after calling end)/.test(
    message,
  );
}

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;
