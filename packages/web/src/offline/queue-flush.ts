/**
 * The rules of the offline write queue, without IndexedDB, fetch or React: which failure keeps a
 * write for later and which drops it, and the flush loop over any store. Kept free of browser types
 * so that it runs under node:test (queue-flush.test.ts).
 */

/** A write the person made while offline, as it is kept on the device until it is sent. */
export interface QueuedWrite {
  path: string;
  body: unknown;
  /** When it was queued (ISO 8601), shown to no one but kept for order and for support. */
  queuedAt: string;
}

export interface StoredWrite extends QueuedWrite {
  /** The store's own key: increasing, so the writes go out in the order they were made. */
  key: number;
}

/** A write the server refused (a 4xx that is not about the session): it is not kept. */
export interface DroppedWrite {
  path: string;
  queuedAt: string;
  status: number;
  code: string;
}

export interface FlushResult {
  sent: number;
  left: number;
  dropped: DroppedWrite[];
}

export interface WriteStore {
  all(): Promise<StoredWrite[]>;
  remove(key: number): Promise<void>;
  count(): Promise<number>;
}

/**
 * What to do with a write that failed with this HTTP status (0: no answer, the network is down).
 * - keep: try again later, and stop this round so that later writes do not overtake it. No answer,
 *   401/403 (the session ended or is not yet renewed: flush after the next login), 408 and 429 (the
 *   server asks us to come back) and 5xx (the server's trouble, not the write's).
 * - drop: any other 4xx. The server has said the write itself is wrong; sending it again cannot help.
 */
export function afterFailure(status: number): 'keep' | 'drop' {
  if (status === 0 || status === 401 || status === 403 || status === 408 || status === 429) return 'keep';
  if (status >= 400 && status < 500) return 'drop';
  return 'keep';
}

/** The HTTP status of a failed send (ApiError carries one; anything else counts as no answer). */
function statusOf(e: unknown): { status: number; code: string } {
  if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number') {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : 'http_error';
    return { status: e.status, code };
  }
  return { status: 0, code: 'unknown_error' };
}

/** Sends the stored writes oldest first until one has to wait; see afterFailure. */
export async function flushWrites(
  store: WriteStore,
  send: (write: QueuedWrite) => Promise<unknown>,
): Promise<FlushResult> {
  let sent = 0;
  const dropped: DroppedWrite[] = [];
  for (const write of await store.all()) {
    try {
      await send({ path: write.path, body: write.body, queuedAt: write.queuedAt });
    } catch (e) {
      const { status, code } = statusOf(e);
      if (afterFailure(status) === 'keep') break;
      await store.remove(write.key);
      dropped.push({ path: write.path, queuedAt: write.queuedAt, status, code });
      continue;
    }
    await store.remove(write.key);
    sent += 1;
  }
  return { sent, left: await store.count(), dropped };
}
