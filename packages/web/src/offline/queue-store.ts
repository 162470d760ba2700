import type { QueuedWrite, StoredWrite, WriteStore } from './queue-flush.ts';

/**
 * The offline write queue on the device, in IndexedDB. Plain IndexedDB rather than idb or idb-keyval:
 * we need four calls on one object store (add, read all, delete, clear) and a one-value meta store,
 * which is as short written out as it would be wrapped, and adds no dependency.
 *
 * Database `bedring-offline` (version 1):
 * - `writes`: auto-increment key → { path, body, queuedAt } (the key keeps the order they were made)
 * - `meta`: `owner` → the account id whose writes these are (another login clears them)
 */
const DB_NAME = 'bedring-offline';
const WRITES = 'writes';
const META = 'meta';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(WRITES)) db.createObjectStore(WRITES, { autoIncrement: true });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading (a later version of the app) must not wait for this one.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

/** One transaction; resolves with the request's result once the transaction has committed. */
async function run<T>(
  stores: string[],
  mode: IDBTransactionMode,
  fn: (tx: IDBTransaction) => IDBRequest<T> | undefined,
): Promise<T | undefined> {
  const db = await open();
  return new Promise<T | undefined>((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    const req = fn(tx);
    tx.oncomplete = () => resolve(req?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const indexedDbWrites: WriteStore & {
  add(write: QueuedWrite): Promise<void>;
  clear(): Promise<void>;
} = {
  async add(write) {
    await run([WRITES], 'readwrite', (tx) => tx.objectStore(WRITES).add(write));
  },
  async all() {
    const items: StoredWrite[] = [];
    await run([WRITES], 'readonly', (tx) => {
      const cursor = tx.objectStore(WRITES).openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        items.push({ ...(c.value as QueuedWrite), key: c.key as number });
        c.continue();
      };
      return undefined;
    });
    return items;
  },
  async remove(key) {
    await run([WRITES], 'readwrite', (tx) => tx.objectStore(WRITES).delete(key));
  },
  async count() {
    return (await run([WRITES], 'readonly', (tx) => tx.objectStore(WRITES).count())) ?? 0;
  },
  async clear() {
    await run([WRITES, META], 'readwrite', (tx) => {
      tx.objectStore(META).clear();
      return tx.objectStore(WRITES).clear();
    });
  },
};

/**
 * Makes the queue this account's: writes queued by another account are deleted unsent (they were
 * made in someone else's name), the same account's writes wait to be flushed.
 */
export async function claimWrites(accountId: string): Promise<void> {
  await run([WRITES, META], 'readwrite', (tx) => {
    const meta = tx.objectStore(META);
    const owner = meta.get('owner');
    owner.onsuccess = () => {
      if (owner.result !== undefined && owner.result !== accountId) tx.objectStore(WRITES).clear();
      meta.put(accountId, 'owner');
    };
    return undefined;
  });
}
