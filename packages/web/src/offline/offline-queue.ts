import { useSyncExternalStore } from 'react';
import { api, isApiError } from '../http/api-client.ts';
import { type DroppedWrite, type FlushResult, flushWrites } from './queue-flush.ts';
import { claimWrites, indexedDbWrites } from './queue-store.ts';

/**
 * The offline write queue of the patient portal (ADR 0008): a write made without a network waits on
 * the device, in IndexedDB, and is sent when the network is back — on `online`, on app start and after
 * login (OfflinePortal does that). Bodies carry their own client-generated id, so a write that went
 * through although its answer was lost can be sent again without harm.
 *
 *   const { queued } = await sendOrQueue(`/api/persons/${id}/checkins`, { id: crypto.randomUUID(), … });
 *
 * Only the person's own writes are queued, and only until they log out or someone else logs in.
 */

export type { DroppedWrite, FlushResult };

export type SendResult<T> = { queued: false; response: T } | { queued: true };

/**
 * POSTs through api(); without a network (ApiError status 0) keeps { path, body, queuedAt } on the
 * device and resolves { queued: true }. Every other error is thrown as usual.
 */
export async function sendOrQueue<T = unknown>(path: string, body: unknown): Promise<SendResult<T>> {
  try {
    return { queued: false, response: await api<T>(path, { method: 'POST', body }) };
  } catch (e) {
    if (!isApiError(e, 0)) throw e;
    try {
      await indexedDbWrites.add({ path, body, queuedAt: new Date().toISOString() });
    } catch {
      // No IndexedDB (storage blocked): the caller hears about the network error as before.
      throw e;
    }
    await refresh();
    return { queued: true };
  }
}

let flushing: Promise<FlushResult> | null = null;

/**
 * Sends the queued writes in the order they were made. A write the server rejects with a 4xx other
 * than 401/403 is dropped and reported (in the result and by useDroppedWrites); on a network error or
 * 401/403 the rest stay for the next try (see queue-flush.ts). One flush at a time, across tabs too.
 */
export function flushQueue(): Promise<FlushResult> {
  flushing ??= withQueueLock(() =>
    flushWrites(indexedDbWrites, (w) => api(w.path, { method: 'POST', body: w.body })),
  )
    .then(async (result) => {
      if (result.dropped.length > 0) {
        state = { ...state, dropped: [...state.dropped, ...result.dropped] };
      }
      await refresh();
      return result;
    })
    .finally(() => {
      flushing = null;
    });
  return flushing;
}

/** Web Locks keep two open tabs from sending the same write twice; without them, one tab's guard. */
function withQueueLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('bedring-offline-queue', fn) : fn();
}

/** How many writes wait on this device now (read from IndexedDB). */
export async function countPendingWrites(): Promise<number> {
  await refresh();
  return state.pending;
}

/** Deletes every queued write unsent (logout). */
export async function clearQueue(): Promise<void> {
  await indexedDbWrites.clear();
  state = { pending: 0, dropped: [] };
  notify();
}

/** The queue belongs to this account from now on; another account's writes are deleted unsent. */
export async function claimQueue(accountId: string): Promise<void> {
  await claimWrites(accountId);
  await refresh();
}

// --- live state for the status element ---

interface QueueState {
  pending: number;
  dropped: DroppedWrite[];
}

let state: QueueState = { pending: 0, dropped: [] };
const listeners = new Set<() => void>();

function notify() {
  for (const l of listeners) l();
}

async function refresh() {
  try {
    const pending = await indexedDbWrites.count();
    if (pending !== state.pending) state = { ...state, pending };
  } catch {
    // No IndexedDB: nothing can be waiting.
  }
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) void refresh();
  return () => {
    listeners.delete(listener);
  };
}

/** How many writes wait on this device, kept up to date as writes are queued and sent. */
export function usePendingWrites(): number {
  return useSyncExternalStore(subscribe, () => state.pending);
}

/** The writes the server refused since the page opened, until dismissed. */
export function useDroppedWrites(): { dropped: DroppedWrite[]; dismiss: () => void } {
  const dropped = useSyncExternalStore(subscribe, () => state.dropped);
  return {
    dropped,
    dismiss: () => {
      state = { ...state, dropped: [] };
      notify();
    },
  };
}
