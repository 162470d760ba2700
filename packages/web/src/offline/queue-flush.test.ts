import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  afterFailure,
  flushWrites,
  type QueuedWrite,
  type StoredWrite,
  type WriteStore,
} from './queue-flush.ts';

/** An in-memory store with the IndexedDB store's behaviour: ordered by an increasing key. */
function memoryStore(paths: string[]): WriteStore & { items: StoredWrite[] } {
  const items: StoredWrite[] = paths.map((path, i) => ({
    key: i + 1,
    path,
    body: { id: `client-id-${i + 1}` },
    queuedAt: `2026-05-0${i + 1}T08:00:00.000Z`,
  }));
  return {
    items,
    all: async () => [...items],
    remove: async (key) => {
      const i = items.findIndex((w) => w.key === key);
      if (i >= 0) items.splice(i, 1);
    },
    count: async () => items.length,
  };
}

/** Sends by path: a number answers with that status, anything else succeeds. */
function server(answers: Record<string, number>) {
  const seen: QueuedWrite[] = [];
  const send = async (w: QueuedWrite) => {
    seen.push(w);
    const status = answers[w.path];
    if (status !== undefined) throw Object.assign(new Error('failed'), { status, code: `s${status}` });
    return { ok: true };
  };
  return { send, seen };
}

describe('afterFailure', () => {
  test('no answer and an ended session keep the write', () => {
    for (const status of [0, 401, 403]) assert.equal(afterFailure(status), 'keep', String(status));
  });
  test('a server asking us to come back, or failing itself, keeps the write', () => {
    for (const status of [408, 429, 500, 502, 503])
      assert.equal(afterFailure(status), 'keep', String(status));
  });
  test('any other 4xx drops it: sending it again cannot help', () => {
    for (const status of [400, 404, 409, 413, 422])
      assert.equal(afterFailure(status), 'drop', String(status));
  });
});

describe('flushWrites', () => {
  test('sends everything in the order it was made and empties the store', async () => {
    const store = memoryStore(['/a', '/b', '/c']);
    const { send, seen } = server({});
    assert.deepEqual(await flushWrites(store, send), { sent: 3, left: 0, dropped: [] });
    assert.deepEqual(
      seen.map((w) => w.path),
      ['/a', '/b', '/c'],
    );
    assert.deepEqual(seen[0], {
      path: '/a',
      body: { id: 'client-id-1' },
      queuedAt: '2026-05-01T08:00:00.000Z',
    });
  });

  test('stops at a network error and keeps that write and the later ones, in order', async () => {
    const store = memoryStore(['/a', '/offline', '/c']);
    const { send, seen } = server({ '/offline': 0 });
    assert.deepEqual(await flushWrites(store, send), { sent: 1, left: 2, dropped: [] });
    assert.deepEqual(
      seen.map((w) => w.path),
      ['/a', '/offline'],
    );
    assert.deepEqual(
      store.items.map((w) => w.path),
      ['/offline', '/c'],
    );
  });

  test('keeps everything on 401 and 403: the writes wait for the next login', async () => {
    for (const status of [401, 403]) {
      const store = memoryStore(['/a', '/b']);
      const { send } = server({ '/a': status });
      assert.deepEqual(await flushWrites(store, send), { sent: 0, left: 2, dropped: [] });
    }
  });

  test('drops and reports a write the server rejects, and goes on with the rest', async () => {
    const store = memoryStore(['/a', '/invalid', '/c']);
    const { send } = server({ '/invalid': 400 });
    const result = await flushWrites(store, send);
    assert.equal(result.sent, 2);
    assert.equal(result.left, 0);
    assert.deepEqual(result.dropped, [
      { path: '/invalid', queuedAt: '2026-05-02T08:00:00.000Z', status: 400, code: 's400' },
    ]);
  });

  test('an error without a status counts as no answer', async () => {
    const store = memoryStore(['/a']);
    const result = await flushWrites(store, async () => {
      throw new TypeError('Failed to fetch');
    });
    assert.deepEqual(result, { sent: 0, left: 1, dropped: [] });
  });

  test('an empty queue sends nothing', async () => {
    const { send, seen } = server({});
    assert.deepEqual(await flushWrites(memoryStore([]), send), { sent: 0, left: 0, dropped: [] });
    assert.equal(seen.length, 0);
  });
});
