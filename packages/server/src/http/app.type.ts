import type { Static, TSchema } from '@sinclair/typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyTypeProvider,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { RouteAccess } from '../access/route-access.type.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Notifier } from '../notify/notifier.ts';

/**
 * What a handler may hand back for an answer the contract declares: a Date where the contract says a
 * timestamp string. Fastify's serialiser writes it as ISO 8601, as JSON does, and tests check the answer
 * as the client receives it (response-check.ts); the web's types say string.
 */
type Sent<T> = T extends string
  ? T | Date
  : T extends readonly (infer U)[]
    ? readonly Sent<U>[]
    : T extends object
      ? { [K in keyof T]: Sent<T[K]> }
      : T;

/** TypeBox's type provider (requests as the contract declares them), with answers as Sent. */
export interface ServerTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  serializer: this['schema'] extends TSchema ? Sent<Static<this['schema']>> : unknown;
}

/**
 * The app's type, in a file of its own: every concept's routes take it, and app.ts, which assembles
 * the concepts, only imports it too, so no import runs from a concept back to the assembly
 * (docs/architecture.md).
 */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ServerTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    clock: Clock;
    limits: { loginAttemptsPerMinute: number };
    /** A TLS proxy is trusted in front (AppOptions.trustProxy): the session cookie is always Secure. */
    behindProxy: boolean;
    notifier: Notifier;
    /** Every route as registered: the access test is generated from this table. */
    routeTable: {
      method: string;
      url: string;
      public: boolean;
      declaresResponse: boolean;
      access: RouteAccess | null;
    }[];
  }
}
