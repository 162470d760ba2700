import pg from 'pg';

/**
 * A pg client that survives losing its database. pg emits `error` on a client whose connection breaks
 * (the database stopped or restarted, the network went): the pool listens only while the client is idle,
 * and an `error` with no listener ends the process. The query in flight fails with the same error and the
 * request answers 503 (http/error-handler.ts), so the event itself needs nothing more than a listener.
 *
 * When an answer does not come in time (a frozen database), the connection is closed: it would otherwise
 * stay busy with the unanswered statement, and the pool would hand it out again.
 */
export class GuardedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => {});
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has many overloads; we only watch the promise.
  override query(config: any, values?: any, callback?: any): any {
    const result: unknown = super.query(config, values, callback);
    if (result instanceof Promise) {
      result.then(undefined, (err: Error) => {
        if (err?.message === 'Query read timeout')
          (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      });
    }
    return result;
  }
}
